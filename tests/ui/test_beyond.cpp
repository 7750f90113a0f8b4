// test_beyond.cpp: the views beyond pretraining, headless: each draws its numbers from the core
// for its default inputs, follows an edit, and says what is wrong with a bad one.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "app.hpp"
#include "core/allocation.hpp"
#include "core/data_limits.hpp"
#include "core/next_flop.hpp"
#include "core/quantity.hpp"
#include "core/caveats.hpp"
#include "core/scenarios.hpp"
#include "core/test_time.hpp"
#include "harness.hpp"
#include "ui_probe.hpp"

namespace {
using test_ui::Harness;
}  // namespace

TEST_CASE("Data view: the three strategies at 5.76e23 FLOP on 25B unique tokens, and the ceiling") {
    Harness h;
    h.show(app::kData);
    CHECK(ui_probe::text("view") == "Data");
    const auto plan = scaling::plan_data(*scaling::find_law("muennighoff2023"), 5.76e23, 25e9);
    REQUIRE(plan.ok());
    CHECK(ui_probe::text("data_ceiling") == scaling::format_count(16.387756 * 25e9));
    CHECK(ui_probe::text("data_optimum:Parameters N") == scaling::format_count(plan.value.optimum.params));
    CHECK(ui_probe::text("data_one_epoch:Tokens D") == "25B");
    const double one = std::stod(ui_probe::text("data_one_epoch:Loss with repetition"));
    const double best = std::stod(ui_probe::text("data_optimum:Loss with repetition"));
    const double naive = std::stod(ui_probe::text("data_repeated:Loss with repetition"));
    CHECK(best <= one);
    CHECK(best <= naive);

    h.click("unique-tokens");
    h.type("1T");  // field text is selected on focus: typing replaces it
    h.key(13);
    h.frames(2);
    CHECK(ui_probe::text("data_one_epoch:Tokens D") == "1T");

    h.click("unique-tokens");
    h.type("-3");
    h.frames(2);
    CHECK(ui_probe::text("input_error").find("Unique tokens U") != std::string::npos);
}

TEST_CASE("Test-time view: pass@k, plurality vote, pass^k and the cost at the default inputs; a bad p is named") {
    Harness h;
    h.show(app::kTestTime);
    CHECK(ui_probe::text("tt_pass") == scaling::format_fixed(100 * scaling::pass_at_k(0.2, 64), 1) + "%");
    // Ten equally likely wrong answers (the default): each 8% against the right answer's 20%.
    CHECK(ui_probe::text("tt_vote") == scaling::format_fixed(100 * scaling::plurality_vote(0.2, 64, 10, 0).value, 1) + "%");
    CHECK(ui_probe::text("tt_vote") == "84.3%");
    CHECK(ui_probe::text("tt_all") == "0.0%");
    CHECK(ui_probe::text("tt_claim_3").find("1.86x") == 0);
    // Measured samples: 37 right of 200, at k = 64 (the most samples).
    h.state.test_time.measured_samples.text = "200";
    h.state.test_time.measured_correct.text = "37";
    h.frames(2);
    CHECK(ui_probe::text("tt_measured").find("pass@64 = ") == 0);
    CHECK(ui_probe::text("tt_cost") == scaling::format_scientific(2 * 8e9 * 1000 * 64, 3) + " FLOP");
    // M = 10, R = 0.1: k = 10 + 3·9/0.1 = 280 samples at equal total compute.
    CHECK(ui_probe::text("tt_k_total") == "280.00");
    h.state.test_time.success.text = "1.5";
    h.frames(2);
    CHECK(ui_probe::text("input_error").find("Success of one sample") != std::string::npos);
}

TEST_CASE("Emergence view: Schaeffer's exact-match row at L = 10") {
    Harness h;
    h.show(app::kEmergence);
    CHECK(ui_probe::text("em_exact:0.80") == "0.107");
    CHECK(ui_probe::text("em_exact:0.90") == "0.349");
    CHECK(ui_probe::text("em_exact:0.95") == "0.599");
    CHECK(ui_probe::text("em_exact:0.99") == "0.904");
}

TEST_CASE("Fine-tuning view: the method for the examples given, and the transfer figure") {
    Harness h;
    h.show(app::kFineTuning);
    CHECK(ui_probe::text("ft_method") == "LoRA, rank 32-64");
    h.state.fine_tuning.examples.text = "50";
    h.frames(2);
    CHECK(ui_probe::text("ft_method").rfind("prompting", 0) == 0);
    CHECK_FALSE(ui_probe::text("ft_transfer").empty());
}

TEST_CASE("Scenarios view: 10x compute from Chinchilla, data-driven against capped, and the Grok preset") {
    Harness h;
    h.show(app::kScenarios);
    CHECK(ui_probe::text("view") == "Scenarios");
    const scaling::Law law = app::current_law(h.state);
    const auto sc = scaling::grow_compute(law, 70e9, 1.4e12, 10, 2);
    REQUIRE(sc.ok());
    // The defaults are the gallery's Chinchilla row, named in the picker by its numbers.
    CHECK(ui_probe::text("sc_base:Parameters N") == "70B");
    CHECK(ui_probe::text("sc_data:Parameters N") ==
          scaling::format_count(sc.value.data_driven.params) + "  (x" + scaling::format_fixed(sc.value.data_growth.params_mult, 2) + ")");
    CHECK(ui_probe::text("sc_model:Tokens D") == "2.8T  (x2.00)");
    CHECK(ui_probe::text("sc_model:Parameters N") == "350B  (x5.00)");
    CHECK(ui_probe::text("sc_model:Predicted loss") == scaling::format_fixed(sc.value.model_driven.loss, 4));
    CHECK(ui_probe::text("sc_summary").find("the model grows 5.00x") != std::string::npos);

    // The preset: Grok 2 compute-optimal at 3e25, 10 TB of data, a cap of 2x (under 20 TB).
    h.click("sc_grok");
    h.frames(2);
    CHECK(h.state.scenarios.compute_multiple.text == "10");
    CHECK(h.state.scenarios.data_cap.text == "2");
    CHECK(ui_probe::text("sc_model:Data on disk") == "20.0 TB");
    CHECK(ui_probe::text("sc_summary").find("10.0 TB -> ") != std::string::npos);
    const auto base = scaling::optimal(law, 3e25);
    REQUIRE(base.ok());
    CHECK(ui_probe::text("sc_base:Training FLOP (6ND)") == scaling::format_scientific(3e25, 3));

    // Projection: 150x Grok 3's 3e26 at 1:8 sparsity is 4.5e28 raw, about 3x that dense-equivalent.
    CHECK(ui_probe::text("sc_raw:Effective training FLOP") == scaling::format_scientific(4.5e28, 3));
    CHECK(ui_probe::text("sc_dense:Effective training FLOP") == scaling::format_scientific(1.35e29, 3));

    // A bad entry is named next to the fields; the rest of the view stays.
    h.state.scenarios.data_cap.text = "0.5";
    h.frames(2);
    CHECK(ui_probe::text("input_error").find("Data growth cap") != std::string::npos);
    CHECK_FALSE(ui_probe::text("sc_projection").empty());
}

TEST_CASE("Next FLOP view: the next 10x on pretraining against samples, at the default budget") {
    Harness h;
    h.show(app::kNextFlop);
    CHECK(ui_probe::text("view") == "Next FLOP");
    const scaling::Law law = app::current_law(h.state);
    const auto n = scaling::next_flop(law, h.state.flops, 10, 0.2, 1, 0.1, 10, 0);
    REQUIRE(n.ok());
    CHECK(ui_probe::text("nf_loss") == scaling::format_fixed(n.value.now.loss, 3) + " -> " + scaling::format_fixed(n.value.scaled.loss, 3));
    CHECK(ui_probe::text("nf_pass") == "20.0% -> 89.3%");
    CHECK(ui_probe::text("nf_equal").rfind("k = " + scaling::format_count(std::round(n.value.equal_flop_samples)), 0) == 0);
    // The samples field is the view's own; p is shared with the Test-time view.
    h.state.next_flop.samples_now.text = "4";
    h.frames(2);
    CHECK(ui_probe::text("nf_pass") == "59.0% -> 99.99%");
    h.state.next_flop.samples_now.text = "abc";
    h.frames(2);
    CHECK(ui_probe::text("input_error").find("Samples per question today") != std::string::npos);
}

TEST_CASE("the beyond views say what their CLI commands say: caveats beside the answer, refusals of the absurd") {
    Harness h;
    // Scenarios: 10x Chinchilla's compute lies beyond every budget the default law was fitted on.
    h.show(app::kScenarios);
    const scaling::Law law = app::current_law(h.state);
    const auto sc = scaling::grow_compute(law, 70e9, 1.4e12, 10, 2);
    REQUIRE(sc.ok());
    std::string expected;
    for (const std::string& w : scaling::caveats_of(law, sc.value).warnings) expected += w + "\n";
    CHECK(ui_probe::text("sc_caveats") == expected);
    CHECK(expected.find("The base model: ") != std::string::npos);
    h.state.scenarios.base_params.text = "5K";  // a model worse than uniform guessing
    h.state.scenarios.base_tokens.text = "5K";
    h.frames(2);
    CHECK(ui_probe::text("sc_error").find("above ln 256,000") != std::string::npos);
    // Next FLOP at a budget that buys no model.
    app::set_budget(h.state, 1);
    h.show(app::kNextFlop);
    CHECK(ui_probe::text("nf_error").find("less than one parameter") != std::string::npos);
    app::set_budget(h.state, 5.76e23);
    h.frames(2);
    CHECK(ui_probe::text("nf_caveats").find("Today's optimum: ") != std::string::npos);
    // Lifetime: a target loss worse than uniform guessing over the largest vocabulary.
    h.show(app::kLifetime);
    h.state.lifetime.loss.text = "13";
    h.frames(2);
    CHECK(ui_probe::text("lifetime_error").find("ln 256,000") != std::string::npos);
    h.state.lifetime.loss.text = "2.1";
    h.frames(2);
    CHECK_FALSE(ui_probe::text("lifetime_caveats").empty());
    // Data: 2M unique tokens for Chinchilla's budget leave an optimum with fewer tokens than parameters.
    h.state.data.unique_tokens.text = "2M";
    h.show(app::kData);
    CHECK(ui_probe::text("data_caveats").find("The data-constrained optimum: ") != std::string::npos);
}
