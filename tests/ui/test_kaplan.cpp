// test_kaplan.cpp: the Kaplan view shows L(N), L(D), L(C_min) at its starting values (hand-computed
// in tests/unit/test_kaplan.cpp), the frontier's exponents with and without E for the law in force,
// says so when that law has no E, and keeps its fields in a permalink; the Emergence view's catalogue
// and grokking card.
#include <doctest/doctest.h>

#include "harness.hpp"
#include "ui_probe.hpp"

namespace {
using test_ui::Harness;
bool has(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("Kaplan view: L(N = 1B) = 2.376, L(D = 1e10) = 2.262, L(C_min = 1 PF-day) = 2.658") {
    Harness h(1280, 3000);
    h.state.kaplan.tokens.text = "1e10";
    h.state.kaplan.flops.text = "8.64e19";
    h.show(app::kKaplan);
    // (8.8e13/1e9)^0.076 = 2.37564; (5.4e13/1e10)^0.095 = 2.26244; (3.1e8/1)^0.05 = 2.65808.
    CHECK(ui_probe::text("kaplan_loss_n") == "2.376");
    CHECK(ui_probe::text("kaplan_loss_d") == "2.262");
    CHECK(ui_probe::text("kaplan_loss_c") == "2.658");
    CHECK(has(ui_probe::text("series:L(N)"), "Kaplan et al. 2020"));
}

TEST_CASE("Kaplan view: the default law's exponents at 1e24 FLOP: 0.178 without E, 0.0130 with it; none for Kaplan's own law") {
    Harness h(1280, 3000);
    h.show(app::kKaplan);
    CHECK(ui_probe::text("kaplan_exponent_reducible") == "0.178");
    CHECK(ui_probe::text("kaplan_exponent_total") == "0.0130");
    // The "0.02-0.03" located: 0.03 at 4.915e21, 0.02 at 6.889e22 (tests/unit/test_kaplan.cpp).
    CHECK(has(ui_probe::text("kaplan_issue_range"), "0.03 at 4.9e21 FLOP and 0.02 at 6.9e22 FLOP"));
    CHECK(has(ui_probe::text("kaplan_issue_range"), "0.013 to 0.006"));
    h.state.law = test_ui::law_index("kaplan2020");
    h.frames(2);
    CHECK(has(ui_probe::text("kaplan_exponents"), "no irreducible term"));
}

TEST_CASE("Kaplan view: its fields travel in a link under their own keys") {
    Harness h(1280, 3000);
    h.state.kaplan.params.text = "2B";
    h.show(app::kKaplan);
    const std::string q = app::query_of(h.state);
    CHECK(has(q, "view=kaplan"));
    CHECK(has(q, "kaplan-params=2B"));
    Harness again(1280, 3000);
    app::apply_query(again.state, q);
    again.frames(2);
    CHECK(again.state.view == app::kKaplan);
    CHECK(again.state.kaplan.params.text == "2B");
}

TEST_CASE("Emergence view: the catalogue's rows and the grokking card (Power et al. 2022, Fig. 1)") {
    Harness h(1280, 4000);
    h.show(app::kEmergence);
    CHECK(ui_probe::text("em_grok_train") == "< 1e3");
    CHECK(ui_probe::text("em_grok_first") == "1e5");
    CHECK(ui_probe::text("em_grok_validation") == "about 1e6");
}
