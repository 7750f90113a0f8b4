// test_claims.cpp: the Claims view, headless: it shows the core's verdicts for the default law,
// they change live with the law chooser, a permalink restores its fields, bad text is named under
// its field, and on a phone the claims are stacked (no table) with the answer first.
#include <doctest/doctest.h>

#include <string>

#include "app.hpp"
#include "harness.hpp"
#include "ui_probe.hpp"

namespace {
using test_ui::Harness;
}  // namespace

TEST_CASE("Claims view: the verdicts under the default law, and Kaplan's 10x holds once kaplan2020 is chosen") {
    Harness h;
    h.show(app::kClaims);
    CHECK(ui_probe::text("view") == "Claims");
    // Unit-tested figures (tests/unit/test_claims.cpp): epoch2024 gives 18.1 tokens per parameter at 1e24.
    CHECK(ui_probe::text("claims_verdict_tokens-per-param") == "holds");
    CHECK(ui_probe::text("claims_verdict_kaplan-10x") == "does not hold");
    CHECK(ui_probe::text("claims_verdict_cot-10b") == "does not hold");
    CHECK(ui_probe::text("claims_verdict_moe-400b-20b") == "holds");
    CHECK(ui_probe::text("claims_computed_tokens-per-param").find("18.1 tokens per parameter") != std::string::npos);
    CHECK(ui_probe::text("claims_holds") == "3");  // tokens-per-param, moe, cot-100b

    h.state.law = test_ui::law_index("kaplan2020");  // as the combo would set it
    h.frames(2);
    CHECK(ui_probe::text("claims_verdict_kaplan-10x") == "holds");
    CHECK(ui_probe::text("claims_verdict_alpha") == "holds");
    h.state.law = test_ui::law_index("ratio20");
    h.frames(2);
    CHECK(ui_probe::text("claims_verdict_double-7b-14b") == "not computable");
}

TEST_CASE("Claims view: a permalink restores its fields; a batch of abc is named under its field") {
    Harness h;
    h.show(app::kClaims);
    h.state.claims.mfu.text = "0.5";
    h.state.claims.batch.text = "64";
    h.frames(2);
    const std::string q = app::query_of(h.state);
    CHECK(q.find("claims-mfu=0.5") != std::string::npos);
    CHECK(q.find("claims-batch=64") != std::string::npos);
    Harness fresh;
    CHECK(app::apply_query(fresh.state, q).empty());
    CHECK(fresh.state.claims.mfu.text == "0.5");
    CHECK(fresh.state.claims.batch.text == "64");

    h.state.claims.batch.text = "abc";
    h.frames(2);
    CHECK(ui_probe::text("input_error").find("Batch") != std::string::npos);
    CHECK(ui_probe::text("claims_verdict_alpha").empty());  // nothing computed from a refused field
}

TEST_CASE("Claims view: on a phone the claims come as stacked cards above the inputs") {
    test_ui::Harness h(360, 740);
    h.show(app::kClaims);
    CHECK(ui_probe::text("claims_verdict_tokens-per-param") == "holds");
    CHECK(h.rect("claims_answer").y0 < h.rect(scaling::link_key(*h.state.claims.flops.in)).y0);
}
