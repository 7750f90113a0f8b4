// app.hpp: the explorer's state and its per-frame UI, shared by the native and the web entries.
// The entries own the window, GL and input; they call app::frame between NewFrame and Render.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/laws.hpp"
#include "core/saved_work.hpp"

struct ImFont;

namespace app {

struct Fonts {
    ImFont* body = nullptr;   // running text
    ImFont* bold = nullptr;   // headings, labels that lead
    ImFont* big = nullptr;    // the headline numbers
    ImFont* small = nullptr;  // citations, notes, axis-like captions
};

// The views, in the order of the navigation.
// Two groups: the Chinchilla frontier and budgets (kAllocator..kFit), then beyond pure pretraining.
enum View {
    kAllocator = 0, kCompare, kFrontier, kIsoFlop, kLandscape, kModels, kBudget, kLifetime, kFit,
    kData, kScenarios, kTestTime, kEmergence, kFineTuning, kNextFlop,
    kViewCount
};
constexpr int kFirstBeyondView = kData;
const char* view_name(int view);
// The view's name in links, docs pages and --view: lower case, spaces as '-' ("next-flop").
std::string view_key(int view);

struct State {
    // Defaults that are a paper's or a published run's figures are read from the data files that
    // cite them (app.cpp): the budget, the custom law's constants, the projection's reference run.
    State();
    int view = kAllocator;             // the view on screen
    int requested_view = -1;           // set to switch views from outside the tab bar (tests, links)
    double flops = 0;                  // the training FLOP budget in force (last valid input)
    char budget_text[128] = "";        // what the budget field holds, valid or not: never discarded
    std::string budget_error;          // why budget_text was refused; shown under the field
    int law = scaling::default_law_index();  // index into scaling::all_laws()
    // The user's constants for the `custom` law (E, A, B, alpha, beta) as typed, and the last valid set.
    char custom_text[5][32] = {};
    scaling::ChinchillaConstants custom;
    std::string custom_error;
    // DeepSeek's FLOP per token per parameter (6 + seq_len/d_model), to convert M to parameters; 0 = none.
    char m_over_n_text[32] = "";
    double m_over_n = 0;
    std::string m_over_n_error;
    int law_revision = 0;              // bumped when the settings above change: figure caches key on it

    // Budget view: hardware, the four budget quantities (one solved for), and memory inputs. Text as
    // typed, validated by the core; an empty field means "not given" where that is allowed.
    int gpu = 2;                       // index into scaling::all_gpus() (H100 SXM in the catalogue)
    int dtype = 0;                     // 0 BF16, 1 FP8, 2 INT8
    int solve_for = 0;                 // 0 FLOP, 1 days, 2 GPUs, 3 MFU
    char b_flops[32] = "1e24", b_gpus[32] = "1000", b_days[32] = "60", b_mfu[32] = "0.4", b_price[32] = "";
    char m_params[32] = "", m_layers[16] = "80", m_kv_heads[16] = "8", m_head_dim[16] = "128";
    char m_context[16] = "4096", m_batch[16] = "16";
    int m_dtype = 1;                   // 0 FP32, 1 BF16, 2 FP8, 3 INT4

    // Lifetime view: target loss (empty = the budget's optimum), demand, and the over-training pick.
    char l_loss[32] = "", l_inference[32] = "2e12";
    char o_params[32] = "7B", o_tokens[32] = "2T";
    // Dollar version: demand, and per phase (train, prefill, decode) the GPU, dtype, MFU and price.
    char c_requests[32] = "1e10", c_input[32] = "1000", c_output[32] = "250", c_per_day[32] = "1e7";
    int c_gpu[3] = {2, 2, 2};
    int c_dtype[3] = {0, 0, 0};
    char c_mfu[3][16] = {"0.4", "0.5", "0.1"};
    char c_price[3][16] = {"", "", ""};

    // Data view (Muennighoff et al. 2023): the unique tokens available; the budget is `flops`.
    char d_unique[32] = "25B";
    // Scenarios view: a base model (N, D) given k x compute, the most its data can grow, and its
    // data on disk (TB, optional: shows the data in TB); a projection of compute (a reference run's
    // FLOP, a multiple of it, and the expert sparsity of a mixture of experts, 1 for dense).
    char sc_params[32] = "70B", sc_tokens[32] = "1.4T", sc_k[16] = "10", sc_cap[16] = "2", sc_tb[16] = "";
    char sc_ref[32] = "", sc_times[16] = "150", sc_sparsity[16] = "8";
    // Next FLOP view: samples per question today (p and R are the Test-time view's fields).
    char n_k[16] = "1";
    // Test-time view: per-sample success, most samples shown, the model and answer length for cost;
    // the small-vs-large comparison (large model's success, size ratio M, R = D_inf / D_pre).
    char t_p[16] = "0.2", t_k[16] = "64", t_params[32] = "8B", t_answer[16] = "1000";
    char t_large_p[16] = "0.5", t_ratio[16] = "10", t_r[16] = "0.1";
    // Emergence view: answer length L and the smooth per-token accuracy curve's constants.
    char e_len[16] = "10", e_nc[32] = "4.6e7", e_alpha[16] = "0.46";
    // Fine-tuning view: saturation curve (base quality, k, D_sat, examples) and transfer (N, D_F).
    char f_base[16] = "0.8", f_k[16] = "1", f_sat[32] = "30000", f_examples[32] = "2000";
    char f_params[32] = "1B", f_tokens[32] = "10M";

    // Fit view: the pasted runs (kept as typed, never discarded), options, and whether a fit is
    // running (the web entry keeps drawing frames while it is).
    std::string fit_text = "N,D,loss\n";
    std::string fit_columns[4];        // the user's column mapping for N, D, C, loss ("" auto, "-" none)
    int fit_exclude = 0;
    int fit_bootstrap = 1000;
    bool busy = false;
    bool request_open_file = false;    // the Fit view asked for a file: the entry opens its picker
    bool has_saved_fit = false;        // the last finished fit, shown in the Fit view and saved
    scaling::SavedFit saved_fit;
    bool fit_restore_pending = false;  // saved work was loaded: the Fit view rebuilds its results once
    bool has_fit = false;              // "My fit": saved_fit in use, listed after the catalogue
    scaling::Law fit_law;
    // Saved work (core/saved_work.hpp): bumped on every change to what it holds, so an entry
    // (the web one keeps localStorage) saves when it moves; a notice says when saving or loading failed.
    int work_revision = 0;
    std::string work_notice;
    std::string restored_settings;     // the settings the saved work came with (an embed saves these back)
    bool touch_scroll = false;
    // Links: embed mode (one view, no chrome, a link to the full explorer) and what the last link
    // could not apply. The entry turns requests into page actions.
    bool embed = false;
    std::string link_notice;
    std::string page_url;              // the page's address without its query (set by the entry)
    std::string request_open;          // a page to open in a new tab, relative to page_url (docs, the full explorer)
    float content_height = 0;          // the UI's height in display units (embed: sizes the iframe)
    std::string request_copy;          // text for the system clipboard (the entry copies it)
    double copied_at = -10;            // when "Copy link" or "Copy embed code" was pressed (ImGui time)
    int copied_what = 0;               // 1 link, 2 embed code         // a drag on the background scrolls (touch input, set by the web entry)
};

// Builds the font atlas: `base_px` is the body size in display units (CSS px on the web), `dpr`
// the device pixels per display unit. Glyphs are rasterised at base_px x dpr and drawn at 1/dpr
// (io.FontGlobalScale), so text stays crisp on HiDPI screens. `font_dir` holds `regular` and
// `bold` (copied from Debian's fonts at build time); ImGui's built-in font is the fallback.
Fonts load_fonts(const char* font_dir, float base_px, float dpr);

// Colours, rounding and spacing, all sized from the font so DPI and phones scale together.
// `touch`: targets of at least 44 display units (phones, tablets).
void apply_theme(float base_px, bool touch = false);

// The whole UI for one frame, filling the main viewport.
void frame(State& state, const Fonts& fonts);

// Sets the budget from a slider, a preset or a permalink: updates the text field as well.
void set_budget(State& state, double flops);

// What the user made (runs, mapping, options, custom constants, last fit), and putting it back.
scaling::SavedWork work_of(const State& state);
void restore_work(State& state, const scaling::SavedWork& work);
// A file the user opened (picker, drop, --fit PATH): saved work (JSON) restores everything; any
// other text becomes the Fit view's runs table. Shows the Fit view.
void open_text(State& state, std::string text);
// Validates the custom law's five fields (as the CLI's --E ... --beta are); a bad one keeps the
// last valid set and sets custom_error.
void apply_custom_text(State& state);
// Makes the saved fit "My fit" in every view (or takes it out), keeping the chosen law valid;
// `select` also makes it the law in force.
void use_fit(State& state, bool use, bool select);

// Permalinks (app_link.cpp): the state as a URL query with the CLI's flag names, and applying
// one; the returned notices say what was left out and why.
std::string query_of(const State& state);
std::vector<std::string> apply_query(State& state, std::string_view query);

// How many laws the user can choose: the catalogue, then "My fit" when there is one.
int law_count(const State& state);
// Law `index` of that list with the user's settings applied (custom constants, DeepSeek's M/N).
scaling::Law law_at(const State& state, int index);
inline scaling::Law current_law(const State& state) { return law_at(state, state.law); }

}  // namespace app
