// test_phone.cpp: the explorer on a 390x844 phone with the touch theme (44 px targets): Compare's
// laws whole, no value cut by its column in any view, figures at least 40% of the screen's height
// with a legend that folds, the budget slider's value clear of its grab, and answers above inputs.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/inputs.hpp"
#include "harness.hpp"
#include "widgets.hpp"

using test_ui::Harness;

namespace {

constexpr float kPhoneW = 390, kPhoneH = 844;

// A harness the size of a phone's screen in CSS px, with the touch theme the web entry applies.
struct Phone : Harness {
    Phone() : Harness(kPhoneW, kPhoneH) {
        use();
        app::apply_theme(16.0f, true);
        frames(2);
    }
    ~Phone() {
        use();
        app::apply_theme(16.0f, false);  // the theme's touch switches are global
    }
};

// A list as one line for a failure's message ("" when empty).
std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& i : items) out += (out.empty() ? "" : "; ") + i;
    return out;
}

// Every probed rect (ui_probe) whose name starts with `prefix`, by name.
std::vector<std::pair<std::string, ui_probe::Rect>> rects_with(const std::string& prefix) {
    std::vector<std::pair<std::string, ui_probe::Rect>> out;
    const nlohmann::json j = nlohmann::json::parse(ui_probe::to_json());
    for (const auto& [name, r] : j["rects"].items())
        if (name.rfind(prefix, 0) == 0) out.push_back({name, {r[0], r[1], r[2], r[3]}});
    return out;
}

// Every probed text whose name starts with `prefix`, by name.
std::vector<std::pair<std::string, std::string>> texts_with(const std::string& prefix) {
    std::vector<std::pair<std::string, std::string>> out;
    const nlohmann::json j = nlohmann::json::parse(ui_probe::to_json());
    for (const auto& [name, t] : j["texts"].items())
        if (name.rfind(prefix, 0) == 0) out.push_back({name, t.get<std::string>()});
    return out;
}

// Values that do not fit their column this frame: "name: text (width > room)".
std::vector<std::string> cut_values() {
    std::vector<std::string> cut;
    for (const auto& [name, widths] : texts_with("room:")) {
        std::istringstream in(widths);
        float width = 0, room = 0;
        in >> width >> room;
        if (width > room + 0.5f)
            cut.push_back(name + ": \"" + ui_probe::text("num:" + name.substr(5)) + "\" " + widths);
    }
    return cut;
}

// Scrolls the app's window by `steps` of the wheel (over the window's left padding, clear of
// plots, which take the wheel; negative: down), then lets a frame settle.
void wheel(Harness& h, float steps) {
    h.move(2, kPhoneH / 2);
    ImGui::GetIO().MouseWheel = steps;
    h.frames(1);
    ImGui::GetIO().MouseWheel = 0;
    h.frames(1);
}

// Scrolls the app's window from top to bottom a step at a time, calling `each` after every step.
// The harness's window scrolls as the desktop's does and what lies outside it is not drawn, so a
// test looks at everything on the way down. Each step lets a frame pass before `each`: a table
// scrolled into view fits its columns to their content in its first frame there.
template <class F>
void scroll_through(Harness& h, F each) {
    wheel(h, 1000);  // back to the top
    for (int step = 0; step < 60; ++step) {
        each();
        wheel(h, -1);
    }
}

}  // namespace

TEST_CASE("on a phone, Compare shows each law's whole name and no value narrower than its column") {
    Phone h;
    app::set_budget(h.state, 1e24);
    h.show(app::kCompare);
    h.frames(2);
    const auto names = rects_with("compare_laws_name:");
    CHECK(names.size() == static_cast<size_t>(app::law_count(h.state)));
    for (const auto& [name, r] : names) {
        const std::string shown = ui_probe::text(name);
        CAPTURE(shown);
        CHECK(!shown.empty());
        CHECK(ImGui::CalcTextSize(shown.c_str()).x <= r.x1 - r.x0);
        CHECK(r.x1 <= kPhoneW);
    }
    // Epoch's range is still given (on its own line under the value).
    CHECK(ui_probe::text("range:epoch2024:params") == "67.6B-156B");
    CHECK(!texts_with("num:compare_laws:").empty());
    CHECK(!texts_with("num:rules:").empty());
    CHECK(joined(cut_values()) == "");
}

TEST_CASE("on a phone, no value in any view's tables is cut by its column") {
    Phone h;
    int views_with_values = 0;
    for (int v = 0; v < app::kViewCount; ++v) {
        const std::string view = app::view_name(v);
        CAPTURE(view);
        h.show(v);
        h.frames(3);  // columns fitted to their content settle over a frame or two
        std::vector<std::string> cut;
        bool any = false;
        scroll_through(h, [&] {
            any = any || !texts_with("room:").empty();
            for (const std::string& c : cut_values()) cut.push_back(c);
        });
        views_with_values += any;
        CHECK(joined(cut) == "");
    }
    // Compare, Allocator, Models, Budget, Lifetime, Data, Scenarios, Test-time, Emergence, Fine-tuning.
    CHECK(views_with_values >= 10);
}

TEST_CASE("on a phone, every figure is at least 40% of the screen's height") {
    Phone h;
    const int figure_views[] = {app::kFrontier, app::kIsoFlop, app::kLandscape, app::kLifetime, app::kData,
                                app::kScenarios, app::kTestTime, app::kEmergence, app::kFineTuning, app::kNextFlop,
                                // Capex and Router (issue 18)
                                app::kCapex, app::kRouter,
                                // Serving (issue 18)
                                app::kServing,
                                // TCO (issue 18)
                                app::kTco,
                                app::kPostTraining,  // RL and distillation (issue 19)
                                // Kaplan's laws (issue 19)
                                app::kKaplan,
                                app::kTask,  // Downstream-task extrapolation (issue 20)
                                app::kDesign};  // Sweep designer (issue 20)
    for (int v : figure_views) {
        const std::string view = app::view_name(v);
        CAPTURE(view);
        h.show(v);
        std::set<std::string> seen;
        std::vector<std::string> short_ones;
        scroll_through(h, [&] {
            for (const auto& [name, r] : rects_with("figure:")) {
                seen.insert(name);
                if (r.y1 - r.y0 < 0.4f * kPhoneH - 0.01f) short_ones.push_back(name + " " + std::to_string(r.y1 - r.y0));
            }
        });
        CHECK(!seen.empty());
        CHECK(joined(short_ones) == "");
    }
}

TEST_CASE("on a phone, a long legend folds under its figure behind a Legend button, which opens and closes it") {
    const std::string title = "Compute-optimal frontier: N solid, D dashed";
    Phone h;
    h.show(app::kFrontier);
    h.frames(1);
    const ui_probe::Rect figure = h.rect("figure:" + title);
    const ui_probe::Rect toggle = h.rect("legend_toggle:" + title);
    CHECK(toggle.y0 >= figure.y1);  // under the figure, not over it
    CHECK(toggle.y1 - toggle.y0 >= 43.5f);  // a finger's target
    CHECK(rects_with("legend:" + title + ":").empty());  // a dozen entries: closed at first
    h.click("legend_toggle:" + title);
    h.frames(1);
    const auto entries = rects_with("legend:" + title + ":");
    CHECK(entries.size() >= 8);
    for (const auto& entry : entries) {
        const std::string& name = entry.first;  // not a structured binding: CAPTURE's lambda (clang 14)
        CAPTURE(name);
        CHECK(entry.second.y0 >= h.rect("legend_toggle:" + title).y1);
    }
    // Entries still hide their series when open (scrolled into view: they lie below the first screen).
    const std::string kaplan = "legend:" + title + ":Kaplan et al. (2020)";
    for (int i = 0; i < 20 && h.rect(kaplan).y1 > kPhoneH; ++i) wheel(h, -1);
    h.click(kaplan);
    h.frames(1);
    CHECK(ui_probe::text("series:" + title).find("Kaplan et al. (2020)") == std::string::npos);
    h.click(kaplan);
    h.click("legend_toggle:" + title);
    h.frames(1);
    CHECK(rects_with("legend:" + title + ":").empty());
}

TEST_CASE("on a wide screen the legend has no toggle and sits inside the figure as before") {
    Harness h;
    h.show(app::kIsoFlop);
    CHECK(rects_with("legend_toggle:").empty());
    CHECK(!rects_with("legend:").empty());
}

TEST_CASE("on a phone, the budget slider's value is written outside its track, never under the grab") {
    Phone h;
    for (double flops : {1e18, 5.76e23, 3e25, 1e28}) {
        CAPTURE(flops);
        app::set_budget(h.state, flops);
        h.frames(2);
        const ui_probe::Rect slider = h.rect("budget_slider");
        std::istringstream in(ui_probe::text("budget_slider_value"));
        ui_probe::Rect label;
        in >> label.x0 >> label.y0 >> label.x1 >> label.y1;
        REQUIRE(label.x1 > label.x0);
        // The grab as ImGui places it on a float slider: GrabMinSize wide, 2 px in from the frame.
        const float grab = ImGui::GetStyle().GrabMinSize, pad = 2;
        const float t = static_cast<float>((std::log10(flops) - 18) / 10);
        const float gx0 = slider.x0 + pad + t * (slider.x1 - slider.x0 - 2 * pad - grab);
        const bool overlaps_grab = label.x0 < gx0 + grab && label.x1 > gx0 && label.y0 < slider.y1 - pad && label.y1 > slider.y0 + pad;
        CHECK_FALSE(overlaps_grab);
        CHECK(label.y0 >= slider.y1);  // outside the track altogether
        CHECK(label.x0 >= slider.x0);
        CHECK(label.x1 <= slider.x1);
    }
}

TEST_CASE("on a phone, each view's answer is above its first input; on a wide screen the Allocator keeps them side by side") {
    Phone h;
    const auto key = [](const app::Field& f) { return scaling::link_key(*f.in); };
    const struct { int view; std::string answer, input; } cases[] = {
        {app::kAllocator, "allocator_answer", "budget_input"},
        {app::kBudget, "budget_answer", "gpu_combo"},
        {app::kLifetime, "lifetime_answer", key(h.state.lifetime.loss)},
        {app::kScenarios, "sc_answer", "sc_base"},
        {app::kTestTime, "tt_answer", key(h.state.test_time.success)},
        {app::kFineTuning, "ft_answer", key(h.state.fine_tuning.base_quality)},
        // Capex and Router (issue 18)
        {app::kCapex, "capex_answer", "capex_gpu"},
        {app::kRouter, "router_answer", "router_gpu"},
        // Serving (issue 18)
        {app::kServing, "serve_answer", key(h.state.serving.params)},
        // TCO (issue 18)
        {app::kTco, "tco_answer", key(h.state.tco.training_dollars)},
        // RL and distillation (issue 19): each card's answer above its inputs
        {app::kPostTraining, "rl_answer", key(h.state.post_training.params)},
        {app::kPostTraining, "distill_answer", key(h.state.post_training.teacher_params)},
        // Kaplan's laws (issue 19)
        {app::kKaplan, "kaplan_answer", key(h.state.kaplan.params)},
        // Fine-tuning planner (issue 19)
        {app::kFineTuning, "ft_plan_answer", key(h.state.fine_tuning.params)},
        // Downstream-task extrapolation (issue 20)
        {app::kTask, "task_answer", key(h.state.task.at)},
        {app::kDesign, "design_answer", key(h.state.design.study_flops)},  // Sweep designer (issue 20)
        // Claims in circulation (issue 20)
        {app::kClaims, "claims_answer", key(h.state.claims.flops)},
    };
    for (const auto& c : cases) {
        const std::string view = app::view_name(c.view);
        CAPTURE(view);
        h.show(c.view);
        CHECK(h.rect(c.answer).y0 < h.rect(c.input).y0);
    }
    // The Allocator's answer is on the first screen.
    h.show(app::kAllocator);
    CHECK(h.rect("allocator_answer").y1 <= kPhoneH);

    Harness wide;
    wide.show(app::kAllocator);
    CHECK(wide.rect("allocator_answer").x0 > wide.rect("budget_input").x1);
}

TEST_CASE("wrapped text breaks only at spaces, so no number is split at its decimal point or comma") {
    Phone h;
    const char* text = "N counts total parameters. E printed as 1.82; 1.8172 unrounded. 1,250 tokens, 6.67K PF-days.";
    std::string words_in;  // the text's words, one space apart
    for (const char* p = text; *p; ++p) words_in += *p;
    for (float width = 10; width <= 400; width += 1) {
        CAPTURE(width);
        std::string lines = widgets::break_at_spaces(text, width);
        // Every break replaced a space: "1.82" and "1,250" stay whole. (Spaces at a break are
        // dropped, and this text has single spaces, so a break reads back as one space.)
        for (char& c : lines) c = c == '\n' ? ' ' : c;
        CHECK(lines == words_in);
    }
    // And it does wrap: at 120 px the sentence takes several lines, none wider than 120 px
    // unless one word alone is.
    const std::string at120 = widgets::break_at_spaces(text, 120);
    size_t start = 0, lines = 0;
    for (size_t end; start <= at120.size(); start = end + 1, ++lines) {
        end = at120.find('\n', start);
        if (end == std::string::npos) end = at120.size();
        const std::string line = at120.substr(start, end - start);
        if (line.find(' ') != std::string::npos) CHECK(ImGui::CalcTextSize(line.c_str()).x <= 120);
    }
    CHECK(lines >= 5);
    // Runs of spaces within a line are kept, as ImGui::TextWrapped keeps them ("a  =  b").
    CHECK(widgets::break_at_spaces("5.76e23 FLOP  =  6.67K PF-days", 1000) == "5.76e23 FLOP  =  6.67K PF-days");
}
