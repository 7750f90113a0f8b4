// test_beyond.cpp: the views beyond pretraining, headless: each draws its numbers from the core
// for its default inputs, follows an edit, and says what is wrong with a bad one.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "app.hpp"
#include "core/data_limits.hpp"
#include "core/quantity.hpp"
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

TEST_CASE("Test-time view: pass@k, majority vote and the cost at the default inputs; a bad p is named") {
    Harness h;
    h.show(app::kTestTime);
    CHECK(ui_probe::text("tt_pass") == scaling::format_fixed(100 * scaling::pass_at_k(0.2, 64), 1) + "%");
    CHECK(ui_probe::text("tt_vote") == scaling::format_fixed(100 * scaling::majority_vote(0.2, 64), 1) + "%");
    CHECK(ui_probe::text("tt_cost") == scaling::format_scientific(2 * 8e9 * 1000 * 64, 3) + " FLOP");
    // M = 10, R = 0.1: k = 10 + 3·9/0.1 = 280 samples at equal total compute.
    CHECK(ui_probe::text("tt_k_total") == "280.00");
    std::snprintf(h.state.t_p, sizeof h.state.t_p, "%s", "1.5");
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
    std::snprintf(h.state.f_examples, sizeof h.state.f_examples, "%s", "50");
    h.frames(2);
    CHECK(ui_probe::text("ft_method").rfind("prompting", 0) == 0);
    CHECK_FALSE(ui_probe::text("ft_transfer").empty());
}
