// test_capex.cpp: the Capex view, headless: it draws the core's numbers for its defaults (the $5bn
// 2025 system), a permalink restores its fields, and bad text is named under its field.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "app.hpp"
#include "core/capex.hpp"
#include "core/quantity.hpp"
#include "harness.hpp"
#include "ui_probe.hpp"

namespace {
using test_ui::Harness;
}  // namespace

TEST_CASE("Capex view: the $5bn 2025 system's accelerators, FLOP/s and training FLOP, and the claims' verdicts") {
    Harness h;
    h.show(app::kCapex);
    CHECK(ui_probe::text("view") == "Capex");
    // 2.5e9 / 33,750 = 74,074 accelerators; 4.45e26 FLOP (hand computation in tests/unit/test_capex.cpp).
    CHECK(ui_probe::text("capex_accelerators") == scaling::format_count(74074));
    CHECK(ui_probe::text("capex_training_flops") == scaling::format_scientific(4.45173e26, 3));
    CHECK(ui_probe::text("capex_verdict_0") == "agrees (within 2x)");
    CHECK(ui_probe::text("capex_verdict_1") == "above the trend's range");
    CHECK(ui_probe::text("capex_claim_1") == "81.9x");
    CHECK(h.rect("figure:Training FLOP against system cost").y1 > h.rect("figure:Training FLOP against system cost").y0);
}

TEST_CASE("Capex view: a permalink restores its fields; a share above 1 is named under its field") {
    Harness h;
    h.show(app::kCapex);
    h.state.capex.system_dollars.text = "150e9";
    h.state.capex.year.text = "2028";
    h.frames(2);
    const std::string q = app::query_of(h.state);
    CHECK(q.find("system-dollars=150e9") != std::string::npos);
    CHECK(q.find("capex-year=2028") != std::string::npos);
    Harness fresh;
    CHECK(app::apply_query(fresh.state, q).empty());
    fresh.frames(2);
    CHECK(fresh.state.capex.system_dollars.text == "150e9");
    CHECK(fresh.state.capex.year.text == "2028");
    // 150e9 x 0.5 / 33,750 x 989e12 x 2^(5/2.07) x 0.4 x 90 days.
    const double expected = 150e9 * 0.5 / 33750 * 989e12 * std::exp2(5 / 2.07) * 0.4 * 90 * 86400;
    CHECK(ui_probe::text("capex_training_flops") == scaling::format_scientific(expected, 3));

    h.state.capex.overhead_share.text = "1.2";
    h.frames(2);
    CHECK(ui_probe::text("input_error").find("Overhead share") != std::string::npos);
}
