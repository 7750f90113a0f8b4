// test_router.cpp: the Router view, headless: it draws the core's blend for its default mix, a
// permalink restores its fields, and a share of 120% is named under its field.
#include <doctest/doctest.h>

#include <string>

#include "app.hpp"
#include "core/quantity.hpp"
#include "harness.hpp"
#include "ui_probe.hpp"

namespace {
using test_ui::Harness;
}  // namespace

TEST_CASE("Router view: the default mix's blended cost, the saving against all reasoning, and the claim's verdict") {
    Harness h;
    h.show(app::kRouter);
    CHECK(ui_probe::text("view") == "Router");
    // Hand computation in tests/unit/test_router.cpp: $1.25769e-3 blended, $1.17248e-2 all reasoning, 9.32x.
    CHECK(ui_probe::text("router_blended") == "$" + scaling::format_significant(1.257693e-3, 3));
    CHECK(ui_probe::text("router_all_expensive") == "$" + scaling::format_significant(1.172481e-2, 3));
    CHECK(ui_probe::text("router_saving") == "9.32x");
    CHECK(ui_probe::text("router_verdict") == "within the claim");
    CHECK(ui_probe::text("router_cost_classification") == "$" + scaling::format_significant(6.4596e-5, 3));
}

TEST_CASE("Router view: a permalink restores its fields; a share of 120% is named") {
    Harness h;
    h.show(app::kRouter);
    h.state.router.classes[0][0].text = "70";
    h.state.router.classes[2][0].text = "0";
    h.frames(2);
    const std::string q = app::query_of(h.state);
    CHECK(q.find("share-classification=70") != std::string::npos);
    Harness fresh;
    CHECK(app::apply_query(fresh.state, q).empty());
    fresh.frames(2);
    CHECK(fresh.state.router.classes[0][0].text == "70");
    CHECK(fresh.state.router.classes[2][0].text == "0");

    h.state.router.classes[0][0].text = "120";
    h.frames(2);
    CHECK(ui_probe::text("input_error").find("Classification share") != std::string::npos);
    // A sum off 100% is no one field's error: the request names the last share.
    h.state.router.classes[0][0].text = "70";
    h.state.router.classes[2][0].text = "10";
    h.frames(2);
    CHECK(ui_probe::text("router_error").find("Reasoning share: the shares sum to 110%") != std::string::npos);
}
