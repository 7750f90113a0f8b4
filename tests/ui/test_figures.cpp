// test_figures.cpp: the three figures driven headlessly: they draw, hover reads a known point,
// the legend hides a series, wheel and pinch zoom, drag pans, double click resets, exports reach
// the platform, and a budget change moves every figure.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "core/allocation.hpp"
#include "core/inputs.hpp"
#include "core/loss.hpp"
#include "core/quantity.hpp"
#include "core/saved_work.hpp"
#include "core/uncertainty.hpp"
#include "harness.hpp"

using test_ui::Harness;
using test_ui::view_of;

namespace {

const std::string kFrontier = "Compute-optimal frontier: N solid, D dashed";
const std::string kRatio = "Tokens per parameter at the optimum";
// The default law's figures (its name is in their titles).
const std::string kLawName = scaling::find_law(scaling::kDefaultLawId)->name;
const std::string kIso = "Iso-FLOP profiles: " + kLawName;
const std::string kLandscape = "Loss landscape: " + kLawName;

// Screen position of a data point on log-log axes, from the plot's rect and view.
ImVec2 screen_of(const std::string& title, ui_probe::Rect r, double x, double y) {
    const test_ui::View v = view_of(title);
    const double fx = (std::log10(x) - std::log10(v.x0)) / (std::log10(v.x1) - std::log10(v.x0));
    const double fy = (std::log10(y) - std::log10(v.y0)) / (std::log10(v.y1) - std::log10(v.y0));
    return ImVec2(r.x0 + static_cast<float>(fx) * (r.x1 - r.x0), r.y1 - static_cast<float>(fy) * (r.y1 - r.y0));
}

// Runs of a narrow sweep (tests/data): 35 runs whose constants trade off, and a quick fit.
std::string narrow_sweep() {
    std::FILE* file = std::fopen(SCALING_TESTS_DIR "/data/narrow-sweep.csv", "rb");
    REQUIRE(file != nullptr);
    std::string text;
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, file)) > 0;) text.append(buf, n);
    std::fclose(file);
    return text;
}

}  // namespace

TEST_CASE("each figure is reachable from the navigation and renders draw commands") {
    Harness h;
    const char* tabs[] = {"Frontier", "Iso-FLOP", "Landscape"};
    const std::string plots[] = {kFrontier, kIso, kLandscape};
    for (int i = 0; i < 3; ++i) {
        h.click(std::string("tab:") + tabs[i]);
        h.frames(2);
        CAPTURE(tabs[i]);
        CHECK(ui_probe::text("view") == tabs[i]);
        ui_probe::Rect r;
        CHECK(ui_probe::rect("plot:" + plots[i], &r));
        CHECK(r.x1 - r.x0 > 400);
        CHECK(ImGui::GetDrawData()->TotalVtxCount > 3000);
    }
}

TEST_CASE("hovering a known frontier point reports its law and values in units") {
    Harness h;
    h.show(app::kFrontier);
    const auto opt = scaling::optimal(*scaling::find_law(scaling::kDefaultLawId), 1e24);
    REQUIRE(opt.ok());
    const ImVec2 p = screen_of(kFrontier, h.rect("plot:" + kFrontier), 1e24, opt.value.params);
    h.move(p.x, p.y);
    h.frames(1);
    const std::string hover = ui_probe::text("hover:" + kFrontier);
    CHECK(hover == kLawName + " | 1e24 | " + scaling::format_count(opt.value.params));
}

TEST_CASE("clicking a legend entry hides its series and clicking again shows it") {
    Harness h;
    h.show(app::kFrontier);
    CHECK(ui_probe::text("series:" + kFrontier).find("Kaplan et al. (2020)") != std::string::npos);
    h.click("legend:" + kFrontier + ":Kaplan et al. (2020)");
    h.frames(1);
    CHECK(ui_probe::text("series:" + kFrontier).find("Kaplan et al. (2020)") == std::string::npos);
    CHECK(ui_probe::text("series:" + kFrontier).find("Epoch AI refit (2024)") != std::string::npos);
    h.click("legend:" + kFrontier + ":Kaplan et al. (2020)");
    h.frames(1);
    CHECK(ui_probe::text("series:" + kFrontier).find("Kaplan et al. (2020)") != std::string::npos);
}

TEST_CASE("the wheel zooms about the pointer and a double click restores the automatic view") {
    Harness h;
    h.show(app::kFrontier);
    const test_ui::View before = view_of(kFrontier);
    const ui_probe::Rect r = h.rect("plot:" + kFrontier);
    h.move((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
    ImGui::GetIO().MouseWheel = 2;
    h.frames(1);
    ImGui::GetIO().MouseWheel = 0;
    h.frames(1);
    const test_ui::View zoomed = view_of(kFrontier);
    CHECK(std::log10(zoomed.x1 / zoomed.x0) < std::log10(before.x1 / before.x0) * 0.9);
    CHECK(std::log10(zoomed.y1 / zoomed.y0) < std::log10(before.y1 / before.y0) * 0.9);
    h.press();
    h.release();
    h.press();
    h.release();
    h.frames(1);
    const test_ui::View reset = view_of(kFrontier);
    CHECK(reset.x0 == doctest::Approx(before.x0).epsilon(1e-6));
    CHECK(reset.x1 == doctest::Approx(before.x1).epsilon(1e-6));
    CHECK(reset.y0 == doctest::Approx(before.y0).epsilon(1e-6));
}

TEST_CASE("a drag pans the view and a pinch gesture zooms it") {
    Harness h;
    h.show(app::kIsoFlop);
    const test_ui::View before = view_of(kIso);
    const ui_probe::Rect r = h.rect("plot:" + kIso);
    const float cx = (r.x0 + r.x1) / 2, cy = (r.y0 + r.y1) / 2;
    h.move(cx, cy);
    h.press();
    for (int i = 1; i <= 5; ++i) h.move(cx + 20.0f * i, cy);
    h.release();
    const test_ui::View panned = view_of(kIso);
    CHECK(panned.x0 < before.x0);  // dragging right shows smaller N
    CHECK(std::log10(panned.x1 / panned.x0) == doctest::Approx(std::log10(before.x1 / before.x0)).epsilon(1e-6));

    plot::FeedGesture({true, ImVec2(cx, cy), 2.0f, ImVec2(0, 0)});
    h.frames(1);
    const test_ui::View pinched = view_of(kIso);
    CHECK(std::log10(pinched.x1 / pinched.x0) == doctest::Approx(std::log10(panned.x1 / panned.x0) / 2).epsilon(1e-3));
}

TEST_CASE("hovering the landscape away from lines reads the loss under the pointer") {
    Harness h;
    h.show(app::kLandscape);
    const ui_probe::Rect r = h.rect("plot:" + kLandscape);
    const double n = 1e12, d = 1e10;  // clear of the legend, the frontier, the optimum and line ends
    const ImVec2 p = screen_of(kLandscape, r, n, d);
    h.move(p.x, p.y);
    h.frames(1);
    const std::string hover = ui_probe::text("hover:" + kLandscape);
    const size_t at = hover.rfind("Loss ");  // the read-out, after the series name "Loss L(N, D)"
    REQUIRE_MESSAGE(at != std::string::npos, hover);
    const double shown = std::atof(hover.c_str() + at + 5);
    const double truth = scaling::chinchilla_loss(scaling::find_law(scaling::kDefaultLawId)->chinchilla, n, d);
    CHECK(shown == doctest::Approx(truth).epsilon(0.01));  // the grid cell under the pointer, 256 per 6 decades
}

TEST_CASE("export buttons hand the platform a PNG of the plot's rectangle and a CSV of its series") {
    Harness h;
    h.show(app::kFrontier);
    h.click("csv:" + kFrontier);
    REQUIRE(h.downloads.size() == 1);
    const test_ui::Download csv = h.downloads[0];
    CHECK(csv.mime_type == "text/csv");
    CHECK(csv.file_name == "compute-optimal-frontier-n-solid-d-dashed.csv");
    CHECK(csv.text.find("series,Training compute (FLOP),\"Parameters N, tokens D\",upper\n") == 0);
    CHECK(csv.text.find("Chinchilla, Approach 3") != std::string::npos);  // quoted, it has a comma
    h.click("png:" + kFrontier);
    REQUIRE(h.downloads.size() == 2);
    CHECK(h.downloads[1].mime_type == "image/png");
    CHECK(h.downloads[1].file_name == "compute-optimal-frontier-n-solid-d-dashed.png");
    CHECK(h.downloads[1].region.x1 - h.downloads[1].region.x0 > 400);
}

TEST_CASE("changing the budget moves every figure") {
    Harness h;
    h.show(app::kIsoFlop);
    CHECK(ui_probe::text("series:" + kIso).find("5.8e23 FLOP (budget)") != std::string::npos);
    app::set_budget(h.state, 1e25);
    h.frames(2);
    CHECK(ui_probe::text("series:" + kIso).find("1e25 FLOP (budget)") != std::string::npos);
    h.show(app::kAllocator);
    CHECK(ui_probe::text("flops") == "1e25");
    CHECK(ui_probe::text("params") == scaling::format_count(scaling::optimal(*scaling::find_law(scaling::kDefaultLawId), 1e25).value.params));
}

TEST_CASE("a law without a loss form says so instead of drawing an empty landscape") {
    Harness h;
    h.state.law = test_ui::law_index("ratio20");
    h.show(app::kLandscape);
    ui_probe::Rect r;
    CHECK_FALSE(ui_probe::rect("plot:Loss landscape: 20 tokens per parameter", &r));
    h.show(app::kFrontier);
    CHECK(ui_probe::rect("plot:" + kFrontier, &r));  // the frontier still has the rule
}

TEST_CASE("the custom law's constants are edited in the UI and move the answer; a bad constant says why") {
    Harness h;
    h.state.law = test_ui::law_index("custom");
    h.frames(2);
    const std::string before = ui_probe::text("loss");
    h.click("custom_E");
    h.type("2.5");
    h.frames(1);
    CHECK(h.state.custom.E == 2.5);
    CHECK(ui_probe::text("loss") != before);
    h.click("custom_alpha");
    h.type("-1");
    h.frames(1);
    CHECK(ui_probe::text("custom_error").find("alpha") != std::string::npos);
    CHECK(h.state.custom.alpha == doctest::Approx(0.336));  // the last valid set stays
}

TEST_CASE("DeepSeek shows FLOP per token until M/N is given, then parameters") {
    Harness h;
    h.state.law = test_ui::law_index("deepseek2024");
    h.frames(2);
    const std::string m_only = ui_probe::text("params");
    CHECK(m_only.find('e') != std::string::npos);  // scientific FLOP per token, e.g. "1.6e13"
    h.click("m_over_n");
    h.type("6.5");
    h.frames(2);
    CHECK(h.state.m_over_n == 6.5);
    CHECK(ui_probe::text("params").find('B') != std::string::npos);  // now a parameter count
}

TEST_CASE("the Compare view lists every law with Epoch's range and marks the rules that disagree with every law") {
    Harness h;
    app::set_budget(h.state, 1e24);
    h.show(app::kCompare);
    CHECK(ui_probe::text("view") == "Compare");
    // Epoch's range over its 4,000 bootstrap draws (as the CLI prints it), and how it is made.
    CHECK(ui_probe::text("range:epoch2024:params") == "67.6B-156B");
    CHECK(ui_probe::text("rule:sqrt-c-over-6") == "disagrees");
    CHECK(ui_probe::text("rule:0.6-sqrt-c-over-6") == "disagrees");
    CHECK(ui_probe::text("rule:20-tokens-per-param") == "agrees");
    CHECK_FALSE(ui_probe::text("spread_params").empty());
}

TEST_CASE("the frontier shows Epoch's 95% band as its own legend entry") {
    Harness h;
    h.show(app::kFrontier);
    CHECK(ui_probe::text("series:" + kFrontier).find("Epoch AI refit (2024): 95% band") != std::string::npos);
}

TEST_CASE("the Models view lists the gallery and sorts by a clicked column") {
    Harness h;
    h.show(app::kModels);
    CHECK(ui_probe::text("view") == "Models");
    CHECK(std::stoi(ui_probe::text("models_count")) >= 25);
    CHECK(ui_probe::text("models_first") == "bloom");  // by name, ascending, by default
    h.click("models_header:Tok/param");
    h.frames(1);
    CHECK(ui_probe::text("models_first") == "mt-nlg");  // 0.51 tokens per parameter, the fewest
    h.click("models_header:Tok/param");
    h.frames(1);
    CHECK(ui_probe::text("models_first") == "qwen25-7b");  // 2,370 tokens per parameter, the most
}

TEST_CASE("real models are points on the landscape; hovering one names it") {
    Harness h;
    h.show(app::kLandscape);
    CHECK(ui_probe::text("series:" + kLandscape).find("Real models") != std::string::npos);
    const ImVec2 p = screen_of(kLandscape, h.rect("plot:" + kLandscape), 70e9, 1.4e12);  // Chinchilla 70B / 1.4T
    h.move(p.x, p.y);
    h.frames(1);
    CHECK(ui_probe::text("hover:" + kLandscape).find("Chinchilla 70B (2022)") != std::string::npos);
    // Under the default law Chinchilla itself sits at the optimum: 1.4T / 70B is 1.09x its 18.4.
    CHECK(ui_probe::text("hover:" + kLandscape).find("1.09x over-trained vs " + kLawName) != std::string::npos);
}

TEST_CASE("the Budget view solves 1,000 H100s x 60 days at 40% MFU and hands the FLOP to the explorer") {
    Harness h;
    h.show(app::kBudget);
    CHECK(ui_probe::text("view") == "Budget");
    CHECK(ui_probe::text("budget_flops") == "2.05e24");
    CHECK(ui_probe::text("budget_dollars") == "$3.6M");
    CHECK_FALSE(ui_probe::text("gpus_to_serve").empty());
    h.click("use_budget");
    h.frames(1);
    CHECK(h.state.flops == doctest::Approx(1000.0 * 60 * 86400 * 989e12 * 0.4).epsilon(1e-9));
    // An MFU above 1 is refused with a message, and the explorer's budget stays.
    h.click("mfu");
    h.type("1.5");
    h.frames(1);
    CHECK(ui_probe::text("budget_result_error") == "MFU (0-1]: " + scaling::read_number(scaling::inputs::kMfu, "1.5").error);
    CHECK(ui_probe::text("budget_result_error").find("at most 1") != std::string::npos);
}

TEST_CASE("the Lifetime view finds a smaller model than Chinchilla for 2T inference tokens, and explores over-training") {
    Harness h;
    h.show(app::kLifetime);
    CHECK(ui_probe::text("view") == "Lifetime");
    CHECK_FALSE(ui_probe::text("lifetime_saving").empty());
    CHECK(ui_probe::text("lifetime_params") != "32.2B");
    CHECK_FALSE(ui_probe::text("overtrain_extra").empty());  // Llama 2 7B on 2T tokens, the preset
    CHECK(ui_probe::text("dollars_saving").back() == '%');    // the dollar version, 1e10 requests
    h.click("loss");
    h.type("1.5");  // below Chinchilla's E = 1.69: out of reach
    h.frames(1);
    CHECK(ui_probe::text("lifetime_error").find("irreducible") != std::string::npos);
}

TEST_CASE("the Fit view: pasted runs fit over frames with progress, then become \"My fit\" in every view") {
    Harness h(1280, 1800);  // tall enough to show the results without scrolling
    std::FILE* file = std::fopen(SCALING_SHARED_DATA "/chinchilla-fig4-epoch2024.csv", "rb");
    REQUIRE_MESSAGE(file != nullptr, "needs ../shared/data beside the project");
    std::string text;
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, file)) > 0;) text.append(buf, n);
    std::fclose(file);
    h.state.fit_text = text + "not,a,row\n";
    h.state.fit_exclude = 5;
    h.state.fit_bootstrap = 40;
    h.show(app::kFit);
    CHECK(ui_probe::text("fit_rows") == "245");
    h.click("fit_button");
    int frames = 0;
    while (h.busy && frames < 2000) h.frames(1), ++frames;
    CHECK(frames > 2);  // the work was spread over frames
    CHECK_FALSE(h.busy);
    const std::string fitted_E = ui_probe::text("fit_E");
    CHECK(std::fabs(std::atof(fitted_E.c_str()) / 1.8172 - 1) < 0.02);
    CHECK(std::fabs(std::atof(ui_probe::text("fit_alpha").c_str()) / 0.3478 - 1) < 0.02);
    CHECK(std::atof(ui_probe::text("fit_held_out").c_str()) < 5.0);  // percent, on the largest runs
    // The backtest beside the constants: `scaling fit` on the same 240 runs gives 0.57% (issue 20).
    CHECK(std::atof(ui_probe::text("fit_backtest").c_str()) > 0.1);
    CHECK(std::atof(ui_probe::text("fit_backtest").c_str()) < 2.0);
    CHECK(ui_probe::text("fit_converged") == "yes");  // the convergence report under the constants
    CHECK(ui_probe::text("fit_warnings") == "");      // Epoch's runs: nothing to warn about
    // One more frame before aiming at the button: when the whole fit ends within one slice (a busy
    // machine takes bigger slices), its table of constants was just drawn for the first time, and an
    // ImGui table sizes its columns only on its second frame, so the rows under it move up once.
    h.frames(1);
    h.click("fit_use");
    h.frames(1);
    CHECK(app::current_law(h.state).id == "my-fit");
    CHECK(app::current_law(h.state).chinchilla.E == doctest::Approx(1.8172).epsilon(0.02));
    CHECK(app::current_law(h.state).has_intervals);
    // Its band comes from its own 40 bootstrap draws (seed 1, the Fit view's), said under the button.
    REQUIRE(app::current_law(h.state).has_band());
    CHECK(ui_probe::text("fit_band").find("over 40 bootstrap resamples of its 240 runs (drawn with replacement, seed 1)") !=
          std::string::npos);
    // ...and it is a law like the others: on the frontier with its band, and in Compare.
    h.show(app::kFrontier);
    CHECK(ui_probe::text("series:" + kFrontier).find("My fit: 95% band") != std::string::npos);
    CHECK(ui_probe::text("frontier_bands").find("My fit: 2.5th to 97.5th percentile") != std::string::npos);
    const auto fresh_band = scaling::interval_band(app::current_law(h.state), {1e22});
    REQUIRE(fresh_band.ok());
    h.show(app::kCompare);
    CHECK_FALSE(ui_probe::text("range:my-fit:params").empty());
    h.show(app::kAllocator);
    CHECK(ui_probe::text("law") == "my-fit");

    // Saved work: a new session restores the runs, the fit's results (without refitting) and "My
    // fit" in the laws, as the browser does from localStorage after a reload.
    const std::string saved = scaling::saved_work_json(app::work_of(h.state));
    Harness again(1280, 1800);
    const auto work = scaling::parse_saved_work(saved);
    REQUIRE_MESSAGE(work.ok(), work.error);
    app::restore_work(again.state, work.value);
    CHECK(app::law_count(again.state) == app::law_count(h.state));
    CHECK(app::law_at(again.state, app::law_count(again.state) - 1).chinchilla.E == app::current_law(h.state).chinchilla.E);
    again.show(app::kFit);
    CHECK_FALSE(again.busy);
    CHECK(ui_probe::text("fit_E") == fitted_E);
    CHECK(ui_probe::text("fit_rows") == "245");
    CHECK(ui_probe::text("fit_converged") == "yes");
    // The band comes back with the draws (kept to 6 significant digits: the same to 1e-4).
    const scaling::Law restored = app::law_at(again.state, app::law_count(again.state) - 1);
    const auto restored_band = scaling::interval_band(restored, {1e22});
    REQUIRE(restored_band.ok());
    CHECK(restored_band.value.draws == 40);
    CHECK(restored_band.value.n_lo[0] == doctest::Approx(fresh_band.value.n_lo[0]).epsilon(1e-4));
    CHECK(restored_band.value.l_hi[0] == doctest::Approx(fresh_band.value.l_hi[0]).epsilon(1e-4));
    // A document saved before draws were kept: the same fit, no band, and the views say why.
    nlohmann::json older = nlohmann::json::parse(saved);
    older["fit"].erase("draws");
    Harness old(1280, 1800);
    const auto old_work = scaling::parse_saved_work(older.dump());
    REQUIRE_MESSAGE(old_work.ok(), old_work.error);
    app::restore_work(old.state, old_work.value);
    CHECK_FALSE(app::law_at(old.state, app::law_count(old.state) - 1).has_band());
    old.show(app::kFit);
    CHECK(ui_probe::text("fit_band").find("no band: this fit was saved before the explorer kept its bootstrap draws") !=
          std::string::npos);
    old.show(app::kFrontier);
    CHECK(ui_probe::text("frontier_bands").find("My fit: no band") != std::string::npos);
    CHECK(ui_probe::text("series:" + kFrontier).find("My fit: 95% band") == std::string::npos);
    old.show(app::kCompare);
    CHECK(ui_probe::text("range:my-fit:error").find("no band") != std::string::npos);
    // A file that is JSON but not saved work leaves everything as it was, with a notice.
    app::open_text(again.state, "{\"version\": 7}");
    again.frames(1);
    CHECK(ui_probe::text("work_notice").find("version 7") != std::string::npos);
    CHECK(again.state.fit_text == h.state.fit_text);
    again.click("work_notice_dismiss");
    again.frames(1);
    CHECK(ui_probe::text("work_notice").empty());
}

TEST_CASE("the Fit view reports the fit's convergence and warns when constants trade off (a narrow sweep)") {
    Harness h(1280, 1800);
    h.state.fit_text = narrow_sweep();
    h.state.fit_bootstrap = 100;
    h.show(app::kFit);
    CHECK(ui_probe::text("fit_rows") == "35");
    h.click("fit_button");
    for (int frames = 0; h.busy && frames < 2000; ++frames) h.frames(1);
    REQUIRE_FALSE(h.busy);
    h.frames(1);
    CHECK(ui_probe::text("fit_converged") == "yes");
    CHECK(ui_probe::text("fit_warnings").find("The constants trade off") != std::string::npos);
}

TEST_CASE("the Fit view: columns the reader does not recognise are mapped by hand in the combos") {
    Harness h(1280, 900);
    h.state.fit_text = "run,width,tokens,val\na,1e8,2e9,3.0\nb,2e8,4e9,2.9\nc,4e8,8e9,2.8\nd,8e8,1.6e10,2.7\n"
                       "e,1.6e9,3.2e10,2.65\n";
    h.show(app::kFit);
    CHECK(ui_probe::text("fit_rows").empty());  // no parameters or loss column recognised
    h.click("fit_column_N");
    h.frames(2);  // a popup is measured on its first frame and placed on the next
    h.click("fit_column_option:width");
    h.click("fit_column_loss");
    h.frames(2);
    h.click("fit_column_option:val");
    h.frames(1);
    CHECK(h.state.fit_columns[0] == "width");
    CHECK(h.state.fit_columns[3] == "val");
    CHECK(ui_probe::text("fit_rows") == "5");
}

TEST_CASE("the fit is the app's job: it goes on while another view is shown, and its files go through the platform") {
    Harness h(1280, 1800);
    h.state.fit_text = narrow_sweep();
    h.state.fit_bootstrap = 10;
    h.show(app::kFit);
    h.click("fit_button");
    REQUIRE(h.busy);
    h.show(app::kAllocator);
    for (int frames = 0; h.busy && frames < 2000; ++frames) h.frames(1);
    REQUIRE_FALSE(h.busy);
    CHECK(h.state.has_saved_fit);  // finished and recorded with the Fit view not drawn
    h.show(app::kFit);
    CHECK(ui_probe::text("fit_converged") == "yes");
    h.click("fit_load");
    CHECK(h.files_asked == 1);
    h.click("fit_save_work");
    REQUIRE(h.downloads.size() == 1);
    CHECK(h.downloads[0].file_name == "scaling-explorer-work.json");
    CHECK(h.downloads[0].mime_type == "application/json");
    const auto saved = scaling::parse_saved_work(h.downloads[0].text);
    REQUIRE_MESSAGE(saved.ok(), saved.error);
    CHECK(saved.value.has_fit);
}

TEST_CASE("the Fit view's power form: two runs against N alone fit, with the pure law only") {
    Harness h(1280, 1800);
    h.state.fit_text = "N,loss\n1e8,3.5\n1e9,2.9\n";
    h.state.fit_bootstrap = 0;
    h.state.fit.form.text = "power";
    h.state.fit.x.text = "N";
    h.show(app::kFit);
    CHECK(ui_probe::text("fit_rows") == "2");  // no D or C column, and two rows: enough for A x^-alpha
    h.click("fit_button");
    h.frames(2);
    // python3: math.log(3.5/2.9)/math.log(10) -> 0.0816700
    CHECK(ui_probe::text("fit_pure_alpha") == "0.08167");
    CHECK(ui_probe::text("fit_warnings").find("3 constants and needs at least 3 points") != std::string::npos);
    // Changing the runs takes the stale fit away until Fit is pressed again.
    h.state.fit_text += "1e10,2.5\n";
    ++h.state.work_revision;
    h.frames(1);
    CHECK(ui_probe::text("fit_pure_alpha") == "");
}
