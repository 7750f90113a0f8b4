// test_post_training.cpp: the Post-training view (RL and distillation, issue 19), headless: it draws
// the core's numbers for its defaults (hand computations in tests/unit/test_post_training.cpp), a
// permalink restores its fields, bad text is named under its field, its figure exports a CSV, and
// its struct's `each` visits every field (so every field is in its links).
#include <doctest/doctest.h>

#include <string>

#include "app.hpp"
#include "core/quantity.hpp"
#include "harness.hpp"
#include "ui_probe.hpp"

namespace {
using test_ui::Harness;
const std::string kRlFigure = "RL FLOP against group size";
}  // namespace

TEST_CASE("Post-training view: the worked RL run and distillation, with the claims' sources beside them") {
    Harness h(1280, 900);  // issue 20: the Evidence row of the navigation pushes the RL figure below 800
    h.show(app::kPostTraining);
    CHECK(ui_probe::text("view") == "Post-training");
    // 2 x 7e9 x 8 x 1e4 x 1000 = 1.12e18; total 5.6e18; 3.93 GPU-hours; 9.52e-4 of 6 x 7e9 x 1.4e11.
    CHECK(ui_probe::text("rl_rollout_flops") == scaling::format_scientific(1.12e18, 3));
    CHECK(ui_probe::text("rl_total_flops") == scaling::format_scientific(5.6e18, 3));
    CHECK(ui_probe::text("rl_share") == "0.095%");  // 9.5238e-4, two significant figures
    CHECK(ui_probe::text("rl_claim_0").find("Toby Ord 2025") != std::string::npos);
    // 300 GB / 4 = 7.5e10 tokens; teacher 2 x 70e9 x 7.5e10 = 1.05e22 FLOP.
    CHECK(ui_probe::text("distill_tokens") == scaling::format_count(7.5e10));
    CHECK(ui_probe::text("distill_generation_flops") == scaling::format_scientific(1.05e22, 3));
    CHECK(ui_probe::text("distill_claim_0").find("2502.08606") != std::string::npos);
    CHECK(h.rect("figure:" + kRlFigure).y1 > h.rect("figure:" + kRlFigure).y0);
}

TEST_CASE("Post-training view: a permalink restores its fields; a bad group size is named under its field") {
    Harness h;
    h.show(app::kPostTraining);
    h.state.post_training.group_size.text = "64";
    h.state.post_training.reference_model.text = "no";
    h.state.post_training.dataset_gb.text = "600";
    h.frames(2);
    const std::string q = app::query_of(h.state);
    CHECK(q.find("group-size=64") != std::string::npos);
    CHECK(q.find("reference-model=no") != std::string::npos);
    CHECK(q.find("dataset-gb=600") != std::string::npos);
    Harness fresh;
    CHECK(app::apply_query(fresh.state, q).empty());
    fresh.frames(2);
    CHECK(fresh.state.post_training.group_size.text == "64");
    // No KL term: (2 + 6) x 7e9 x 64 x 1e4 x 1000 = 3.584e19 FLOP.
    CHECK(ui_probe::text("rl_total_flops") == scaling::format_scientific(3.584e19, 3));
    CHECK(ui_probe::text("distill_tokens") == scaling::format_count(1.5e11));

    h.use();
    h.state.post_training.group_size.text = "2.5";
    h.frames(2);
    CHECK(ui_probe::text("input_error").find("Group size") != std::string::npos);
}

TEST_CASE("Post-training view: DeepSeekMath-RL's setting fills its four fields") {
    Harness h;
    h.show(app::kPostTraining);
    h.click("rl_deepseekmath");
    h.frames(2);
    CHECK(h.state.post_training.group_size.text == "64");
    // 2 x 7e9 x 64 x 144e3 x 1024 = 1.32e20 (tests/unit/test_post_training.cpp).
    CHECK(ui_probe::text("rl_rollout_flops") == scaling::format_scientific(1.32120576e20, 3));
}

TEST_CASE("Post-training view: the RL figure exports its series as CSV; each visits every field") {
    Harness h(1280, 900);  // issue 20: the Evidence row of the navigation pushes the RL figure below 800
    h.show(app::kPostTraining);
    h.click("csv:" + kRlFigure);
    REQUIRE(h.downloads.size() == 1);
    CHECK(h.downloads[0].mime_type == "text/csv");
    CHECK(h.downloads[0].text.find("Rollouts 2NKPT") != std::string::npos);
    app::PostTrainingInputs inputs;
    size_t visited = 0;
    inputs.each([&](app::Field&) { ++visited; });
    CHECK(visited * sizeof(app::Field) == sizeof(app::PostTrainingInputs));
}
