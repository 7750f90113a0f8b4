// app.hpp: the explorer's state and its per-frame UI, shared by the native and the web entries.
// The entries own the window, GL and input; they call app::frame between NewFrame and Render.
#pragma once
#include <string>

#include "core/laws.hpp"

struct ImFont;

namespace app {

struct Fonts {
    ImFont* body = nullptr;   // running text
    ImFont* bold = nullptr;   // headings, labels that lead
    ImFont* big = nullptr;    // the headline numbers
    ImFont* small = nullptr;  // citations, notes, axis-like captions
};

// The views, in the order of the navigation.
enum View { kAllocator = 0, kCompare, kFrontier, kIsoFlop, kLandscape, kModels, kViewCount };
const char* view_name(int view);

struct State {
    int view = kAllocator;             // the view on screen
    int requested_view = -1;           // set to switch views from outside the tab bar (tests, links)
    double flops = 5.76e23;            // the training FLOP budget in force (last valid input)
    char budget_text[128] = "5.76e23"; // what the budget field holds, valid or not: never discarded
    std::string budget_error;          // why budget_text was refused; shown under the field
    int law = 0;                       // index into scaling::all_laws()
    // The user's constants for the `custom` law (E, A, B, alpha, beta) as typed, and the last valid set.
    char custom_text[5][32] = {"1.69", "406.4", "410.7", "0.336", "0.283"};
    scaling::ChinchillaConstants custom{1.69, 406.4, 410.7, 0.336, 0.283};  // Sardana et al. 2024 defaults
    std::string custom_error;
    // DeepSeek's FLOP per token per parameter (6 + seq_len/d_model), to convert M to parameters; 0 = none.
    char m_over_n_text[32] = "";
    double m_over_n = 0;
    std::string m_over_n_error;
    int law_revision = 0;              // bumped when the settings above change: figure caches key on it
    bool touch_scroll = false;         // a drag on the background scrolls (touch input, set by the web entry)
};

// Builds the font atlas: `base_px` is the body size in display units (CSS px on the web), `dpr`
// the device pixels per display unit. Glyphs are rasterised at base_px x dpr and drawn at 1/dpr
// (io.FontGlobalScale), so text stays crisp on HiDPI screens. `font_dir` holds `regular` and
// `bold` (copied from Debian's fonts at build time); ImGui's built-in font is the fallback.
Fonts load_fonts(const char* font_dir, float base_px, float dpr);

// Colours, rounding and spacing, all sized from the font so DPI and phones scale together.
void apply_theme(float base_px);

// The whole UI for one frame, filling the main viewport.
void frame(State& state, const Fonts& fonts);

// Sets the budget from a slider, a preset or a permalink: updates the text field as well.
void set_budget(State& state, double flops);

// The catalogue's law `index` with the user's settings applied (custom constants, DeepSeek's M/N).
scaling::Law law_at(const State& state, int index);
inline scaling::Law current_law(const State& state) { return law_at(state, state.law); }

}  // namespace app
