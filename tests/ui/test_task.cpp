// test_task.cpp: the Task view (issue 20): the worked example in circulation answers 86.3% at 70B
// and is shown as a claim checked; 4 points give a leave-one-out range and a band in the figure;
// a permalink restores the points; bad points are named under the field; the preset button.
#include <doctest/doctest.h>

#include "core/inputs.hpp"
#include "harness.hpp"
#include "ui_probe.hpp"

namespace {
using test_ui::Harness;
bool has(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("Task view: 7B at 60% and 13B at 70% give 86.3% at 70B and 138B params for 90%, no range from 2 points") {
    Harness h(1280, 3000);
    h.show(app::kTask);  // the starting fields are the worked example, at 70B, target 0.9
    CHECK(ui_probe::text("task_score") == "86.3%");  // 1 - 0.3 (70/13)^-0.46472 (test_task_fit.cpp)
    CHECK(ui_probe::text("task_size") == "138B params");
    CHECK(has(ui_probe::text("task_range"), "none"));
    CHECK(has(ui_probe::text("task_warning"), "two points always fits"));
    CHECK_MESSAGE(has(ui_probe::text("task_warning"), "(138B) is 10.6x the largest measured model"), ui_probe::text("task_warning"));
    CHECK(has(ui_probe::text("task_claim"), "86.3% at 70B"));
    CHECK(has(ui_probe::text("series:Error rate against model size"), "10x the largest measured"));
    // The points editor is named for what it holds in the semantic tree, not "Runs" (the Fit view's).
    h.frames(1);
    CHECK(has(h.tree, "Your (size, score) points"));
}

TEST_CASE("Task view: 4 points give a leave-one-out range, drawn as a band; beyond 10x is warned") {
    Harness h(1280, 3000);
    h.state.task.points.text = "N,score\n1e9,0.45\n3e9,0.55\n7e9,0.62\n13e9,0.68\n";
    h.show(app::kTask);
    // 0.7693699 in 0.7537138 .. 0.7806073 (tests/unit/test_task_fit.cpp, with its python3 line).
    CHECK(ui_probe::text("task_score") == "76.9%");
    CHECK(ui_probe::text("task_range") == "75.4% to 78.1%");
    CHECK(has(ui_probe::text("series:Error rate against model size"), "Leave-one-out range"));
    h.state.task.at.text = "200B";
    h.frames(2);
    CHECK(has(ui_probe::text("task_warning"), "15.4x the largest measured model"));
}

TEST_CASE("Task view: a permalink restores the points and the form; the preset puts the worked example back") {
    Harness h(1280, 3000);
    h.state.task.points.text = "1e9:0.27,3e9:0.35,10e9:0.6,30e9:0.8";
    h.state.task.task_form.text = "sigmoid";
    h.state.task.chance.text = "0.25";
    h.state.task.at.text = "100B";
    h.show(app::kTask);
    CHECK(ui_probe::text("task_score") == "95.8%");  // 0.9576854 (test_task_fit.cpp)
    const std::string q = app::query_of(h.state);
    CHECK(has(q, "task-form=sigmoid"));
    CHECK(has(q, "task-points="));
    Harness fresh(1280, 3000);
    CHECK(app::apply_query(fresh.state, q).empty());
    fresh.frames(3);
    CHECK(fresh.state.view == app::kTask);
    CHECK(fresh.state.task.points.text == h.state.task.points.text);
    CHECK(ui_probe::text("task_score") == "95.8%");
    fresh.click("task_preset");
    fresh.frames(2);
    CHECK(fresh.state.task.points.text == "7e9:0.60,13e9:0.70");
    CHECK(fresh.state.task.task_form.text == "error");
    CHECK(ui_probe::text("task_score") == "86.3%");
}

TEST_CASE("Task view: bad points are named and nothing is predicted") {
    Harness h(1280, 3000);
    h.state.task.points.text = "7e9:1.3,13e9:0.7";
    h.show(app::kTask);
    CHECK(has(ui_probe::text("task_error"), "score"));
    CHECK(ui_probe::text("task_score").empty());
    h.state.task.points.text = "7e9:0.9,13e9:1";
    h.frames(2);
    CHECK(has(ui_probe::text("task_error"), "no logarithm"));
}
