// test_finetune.cpp: the Fine-tuning view's planner and fit cards: the worked 7B example, the
// adapters from a typed shape, the circulating curve's best possible error, a fit to typed points
// and its button, and a refusal named under the planner.
#include <doctest/doctest.h>

#include "core/quantity.hpp"
#include "harness.hpp"
#include "ui_probe.hpp"

namespace {
using test_ui::Harness;
}  // namespace

TEST_CASE("Fine-tuning view: the planner's 7B run, LoRA adapters, the claim's 6.0 points, a fit to your points") {
    Harness h(1280, 4000);
    app::FineTuningInputs& v = h.state.fine_tuning;
    v.examples.text = "10000";
    v.lora_rank.text = "8";
    v.layers.text = "32";
    v.d_model.text = "4096";
    h.show(app::kFineTuning);
    // 6 x 7e9 x 10,000 x 500 = 2.1e17; 16 x 7e9 = 112 GB; 8 x 8 x 4096 x 32 = 8,388,608 adapters.
    CHECK(ui_probe::text("ft_plan_flops") == scaling::format_scientific(2.1e17));
    CHECK(ui_probe::text("ft_plan_memory") == "112 GB");
    CHECK(ui_probe::text("ft_adapters") == scaling::format_count(8388608));
    // The circulating curve: no parameters do better than 6.0 points at worst (test_finetune.cpp).
    CHECK(ui_probe::text("ft_claim_max") == "6.0");
    CHECK(ui_probe::text("ft_fit_max").empty());
    v.score_points.text = "100 0.6, 1000 0.8, 10000 0.9, 100000 0.92";
    h.frames(2);
    CHECK(ui_probe::text("ft_fit_max") == "7.3");
    h.click("ft_use_fit");
    h.frames(2);
    CHECK(v.base_quality.text == "0.8733");
    CHECK(v.saturation_examples.text == "86.09");
    v.lora_rank.text = "0";
    h.frames(2);
    CHECK(ui_probe::text("ft_error").find("from 1") != std::string::npos);
}

TEST_CASE("Fine-tuning view: a typo in your points is named, the planner keeps its answer; points in a link") {
    Harness h;
    h.show(app::kFineTuning);
    h.state.fine_tuning.score_points.text = "100 60, 1000 80, 10000 90";
    h.frames(2);
    CHECK(ui_probe::text("input_error").find("fraction from 0 to 1") != std::string::npos);
    CHECK(ui_probe::text("ft_plan_flops") == scaling::format_scientific(6 * 7e9 * 2000 * 500));
    // A permalink carries the points as typed (up to 63 characters).
    Harness l;
    const std::vector<std::string> notices =
        app::apply_query(l.state, "view=fine-tuning&ft-points=100%200.6%2C%201000%200.8%2C%201e4%200.9");
    CHECK(notices.empty());
    CHECK(l.state.fine_tuning.score_points.text == "100 0.6, 1000 0.8, 1e4 0.9");
}
