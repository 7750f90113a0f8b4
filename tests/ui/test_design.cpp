// test_design.cpp: the Design view (issue 20, the sweep designer): the default sweep at Chinchilla's
// rounded constants, where its largest budget lands against the explorer's budget, the CSV export,
// the exported runs pasted back and fitted both ways, a permalink, and a span under 1.5 refused.
#include <doctest/doctest.h>

#include "core/quantity.hpp"
#include "harness.hpp"
#include "ui_probe.hpp"

namespace {
using test_ui::Harness;
bool has(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

void use_law(Harness& h, const char* id) {
    for (int i = 0; i < app::law_count(h.state); ++i)
        if (app::law_at(h.state, i).id == id) h.state.law = i;
}
}  // namespace

TEST_CASE("Design view: 35 runs over 5 budgets, exported as CSV, pasted back and fitted both ways") {
    Harness h(1280, 9000);
    use_law(h, "chinchilla-a3");
    h.show(app::kDesign);
    CHECK(ui_probe::text("design_runs") == "5 x 7 = 35");
    CHECK(ui_probe::text("design_total") == scaling::format_scientific(1e21) + " FLOP");
    // Approach 2 on the law's own losses gives back a = 0.28/0.62 = 0.4516 (tests/unit/test_sweep_design.cpp).
    CHECK(has(ui_probe::text("design_check"), "0.4516 (law 0.4516)"));
    // The explorer's budget (Chinchilla's 5.76e23) is 5,878x the largest budget (9.8e19): said, and warned.
    CHECK(has(ui_probe::text("design_where"), "largest budget lands at"));
    CHECK(has(ui_probe::text("design_where"), "inside the range the law was fitted on"));
    CHECK(has(ui_probe::text("design_warning"), "beyond the largest budget"));
    CHECK(has(ui_probe::text("design_biases"), "arXiv 2603.22339"));
    CHECK(has(ui_probe::text("series:The sweep's runs and the law's frontier"), "Runs"));

    h.click("design_export");
    REQUIRE(!h.downloads.empty());
    CHECK(h.downloads.back().file_name == "isoflop-sweep.csv");
    const std::string csv = h.downloads.back().text;
    CHECK(csv.rfind("budget_index,params,tokens,flops,loss\n", 0) == 0);

    h.state.design_results = csv;
    h.frames(1);
    h.click("design_fit");
    h.frames(1);
    CHECK(ui_probe::text("design_a2") == "0.4516");
    CHECK(ui_probe::text("design_a3") == "0.4516");
    CHECK(has(ui_probe::text("series:Approach 2: a parabola per budget"), "FLOP"));
}

TEST_CASE("Design view: a permalink carries its fields; a span of 1 decade is refused with the reason") {
    Harness h(1280, 4000);
    h.state.design.width_decades.text = "0.3";
    h.state.design.study_flops.text = "3e22";
    h.show(app::kDesign);
    const std::string q = app::query_of(h.state);
    CHECK(has(q, "design-width=0.3"));
    CHECK(has(q, "study-flops=3e22"));
    Harness fresh(1280, 4000);
    CHECK(app::apply_query(fresh.state, q).empty());
    fresh.frames(2);
    CHECK(fresh.state.view == app::kDesign);
    CHECK(fresh.state.design.width_decades.text == "0.3");

    h.state.design.span_decades.text = "1";
    h.frames(2);
    CHECK(has(ui_probe::text("design_error"), "at least 1.5 decades"));
}
