// test_plot.cpp: the plot layer's contract with the views, as ImPlot's: setup is locked by the
// first item or SetupFinish, and BeginPlot is false (no EndPlot then) for a plot with nothing to draw.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "harness.hpp"

namespace {

// One frame of a bare window of `size` at the origin holding `body`.
void frame_with(test_ui::Harness& h, ImVec2 size, const std::function<void()>& body) {
    h.use();
    ImGui::NewFrame();
    ui_probe::clear();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("plot contract", nullptr, ImGuiWindowFlags_NoDecoration);
    body();
    ImGui::End();
    ImGui::Render();
}

// Three points a decade apart on a log x axis: the automatic view spans about 8.3 to 1200.
void decades(const char* title, const std::function<void()>& after_first_item = {}) {
    const double xs[3] = {10, 100, 1000}, ys[3] = {1, 2, 3};
    REQUIRE(plot::BeginPlot(title, ImVec2(600, 400)));
    plot::SetupAxis(plot::X, "x", scaling::AxisScale::Log10, scaling::AxisFormat::Plain);
    plot::PlotLine("line", xs, ys, 3);
    if (after_first_item) after_first_item();
    plot::EndPlot();
}

}  // namespace

TEST_CASE("the axes set up before the first item place the data, on a log axis from 10 to 1000") {
    test_ui::Harness h;
    frame_with(h, ImVec2(800, 600), [] { decades("log x"); });
    const test_ui::View v = test_ui::view_of("log x");
    CHECK(v.x0 == doctest::Approx(8.3).epsilon(0.01));  // 10^(1 - 4% of 2 decades)
    CHECK(v.x1 == doctest::Approx(1202).epsilon(0.01));
}

// With asserts on, the refusal is the assertion itself (IM_ASSERT_USER_ERROR stops the program);
// these builds (NDEBUG) check what remains of it: the call is ignored.
#ifdef NDEBUG
TEST_CASE("a SetupAxis after the first item is refused, so the submitted data keeps its axis") {
    test_ui::Harness h;
    frame_with(h, ImVec2(800, 600), [] {
        decades("late setup", [] { plot::SetupAxis(plot::X, "late", scaling::AxisScale::Linear, scaling::AxisFormat::Plain); });
    });
    // Accepted, it would read the points' log10 (1..3) as linear values: a view of about 0.9 to 3.1.
    const test_ui::View v = test_ui::view_of("late setup");
    CHECK(v.x0 == doctest::Approx(8.3).epsilon(0.01));
    CHECK(v.x1 == doctest::Approx(1202).epsilon(0.01));
}

TEST_CASE("SetupFinish locks the setup before any item: later limits and axes are ignored") {
    test_ui::Harness h;
    frame_with(h, ImVec2(800, 600), [] {
        const double xs[3] = {10, 100, 1000}, ys[3] = {1, 2, 3};
        REQUIRE(plot::BeginPlot("finished", ImVec2(600, 400)));
        plot::SetupAxis(plot::X, "x", scaling::AxisScale::Log10, scaling::AxisFormat::Plain);
        plot::SetupFinish();
        plot::SetupAxis(plot::X, "late", scaling::AxisScale::Linear, scaling::AxisFormat::Plain);
        plot::SetupAxisLimits(plot::Y, 0, 100);
        plot::PlotLine("line", xs, ys, 3);
        plot::EndPlot();
    });
    const test_ui::View v = test_ui::view_of("finished");
    CHECK(v.x1 == doctest::Approx(1202).epsilon(0.01));
    CHECK(v.y1 < 4);  // fitted to the data (1..3), not the refused 0..100
}
#endif

TEST_CASE("BeginPlot is false for a plot with no area and for one outside the visible region; the layout keeps its place") {
    test_ui::Harness h;
    const double xs[2] = {1, 2}, ys[2] = {1, 2};
    // A narrow plot (under 30 em) puts its legend outside, in rows below it: part of its place.
    const auto far_plot = [&](bool* drawn, float* end_y, float above = 2000) {
        ImGui::Dummy(ImVec2(10, above));  // 2000 pushes the plot below a 600-high window
        *drawn = plot::BeginPlot("far", ImVec2(300, 200));
        if (*drawn) {
            plot::PlotLine("first series", xs, ys, 2);
            plot::PlotLine("second series", xs, ys, 2);
            plot::PlotLine("third series", xs, ys, 2);
            plot::EndPlot();
        }
        *end_y = ImGui::GetCursorScreenPos().y;
    };
    bool drawn = false;
    float first_end = 0, end = 0;
    // Never drawn yet, it is drawn once wherever it is, to learn the legend rows below it.
    frame_with(h, ImVec2(800, 600), [&] { far_plot(&drawn, &first_end); });
    CHECK(drawn);
    ui_probe::Rect r;
    CHECK(ui_probe::rect("plot:far", &r));
    CHECK(first_end > 2000 + 200);  // below the plot: its legend rows too
    frame_with(h, ImVec2(800, 600), [&] { far_plot(&drawn, &end); });
    CHECK_FALSE(drawn);
    CHECK_FALSE(ui_probe::rect("plot:far", &r));  // nothing of it was drawn
    CHECK(end == doctest::Approx(first_end));    // what follows it did not move
    // In view again (less above it), it draws.
    frame_with(h, ImVec2(800, 600), [&] { far_plot(&drawn, &end, 100); });
    CHECK(drawn);
    CHECK(end == doctest::Approx(first_end - 1900));

    // No area: no room left on the row.
    frame_with(h, ImVec2(800, 600), [&] {
        ImGui::SetCursorPosX(ImGui::GetContentRegionMax().x + 10);
        const bool none = plot::BeginPlot("no room");
        CHECK_FALSE(none);
        if (none) plot::EndPlot();
        // A false BeginPlot leaves no plot open: the next one begins and ends normally.
        ImGui::SetCursorPosX(0);
        REQUIRE(plot::BeginPlot("after", ImVec2(300, 200)));
        plot::PlotLine("line", xs, ys, 2);
        plot::EndPlot();
    });
    CHECK(ui_probe::rect("plot:after", &r));
}
