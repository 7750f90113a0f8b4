// test_double_press.cpp: double clicks and double taps (shell/double_press.hpp), on made-up times:
// the rules the browser relies on, checked without a browser or a clock; then what ImGui is told.
#include <doctest/doctest.h>

#include <initializer_list>
#include <string>

#include "double_press.hpp"
#include "harness.hpp"
#include "imgui.h"

namespace {

using double_press::Recogniser;

struct Press {
    double ms;   // when it happened
    float x, y;  // where, display units (CSS px)
};

// What a recogniser makes of presses in order, one letter each: 'd' for the second press of a
// double press, '.' for any other.
std::string judge(Recogniser& r, std::initializer_list<Press> presses) {
    std::string out;
    for (const Press& p : presses) out += r.press(p.ms, p.x, p.y) ? 'd' : '.';
    return out;
}
std::string judge(std::initializer_list<Press> presses) {
    Recogniser r;
    return judge(r, presses);
}

}  // namespace

TEST_CASE("two presses 100 ms apart at the same place are a double press") {
    CHECK(judge({{1000, 50, 50}, {1100, 50, 50}}) == ".d");
}

TEST_CASE("the very first press never pairs, even at time zero and place zero") {
    CHECK(judge({{0, 0, 0}}) == ".");
}

TEST_CASE("two presses 600 ms apart are two single presses") {
    CHECK(judge({{1000, 50, 50}, {1600, 50, 50}}) == "..");
}

TEST_CASE("the gap must be under 500 ms: 499 ms pairs, 500 ms does not") {
    CHECK(judge({{1000, 50, 50}, {1499, 50, 50}}) == ".d");
    CHECK(judge({{1000, 50, 50}, {1500, 50, 50}}) == "..");
}

TEST_CASE("presses 30 px apart do not pair, along either axis") {
    CHECK(judge({{1000, 50, 50}, {1100, 80, 50}}) == "..");
    CHECK(judge({{1000, 50, 50}, {1100, 50, 80}}) == "..");
}

TEST_CASE("a finger may land up to 23 px away in both directions and still pair") {
    CHECK(judge({{1000, 50, 50}, {1100, 73, 27}}) == ".d");
}

TEST_CASE("a third press starts a new pair: four quick presses are two double presses") {
    CHECK(judge({{1000, 50, 50}, {1100, 50, 50}, {1200, 50, 50}, {1300, 50, 50}}) == ".d.d");
}

TEST_CASE("a press too late or too far to pair can itself start a pair with the next one") {
    CHECK(judge({{1000, 50, 50}, {1600, 50, 50}, {1700, 50, 50}}) == "..d");
    CHECK(judge({{1000, 50, 50}, {1100, 200, 50}, {1200, 200, 50}}) == "..d");
}

TEST_CASE("a tap after a pinch does not pair with the pinch's first finger, but the next tap pairs with it") {
    Recogniser r;
    CHECK(judge(r, {{1000, 50, 50}}) == ".");  // the first finger of what becomes a pinch
    r.forget_last_press();                     // the second finger lands: a pinch, not a tap
    CHECK(judge(r, {{1200, 50, 50}, {1300, 50, 50}}) == ".d");
}

TEST_CASE("a press stamped before the last one does not pair") {
    CHECK(judge({{1000, 50, 50}, {900, 50, 50}}) == "..");
}

TEST_CASE("only the time stamps count, not when the presses are judged: any clock origin works") {
    // The web entry passes DOM time stamps (ms since the page's time origin): a press that a busy
    // page handles late still carries the time it happened.
    CHECK(judge({{86'400'000.0, 50, 50}, {86'400'250.5, 50, 50}}) == ".d");
}

TEST_CASE("other rules: a 300 ms, 10 px double press") {
    Recogniser r({300, 10});
    CHECK(judge(r, {{1000, 50, 50}, {1350, 50, 50}, {1400, 62, 50}, {1500, 55, 45}}) == "...d");
}

namespace {

// One bare ImGui frame, `dt_s` after the last, with the left button `down` at one place: true
// when ImGui reports a double click. With `verdict`, the recogniser's verdict on a press is handed
// over (double_press::to_imgui) as the web entry does; without, ImGui judges alone.
enum class Verdict { None, Single, Double };
bool imgui_double_click(test_ui::Harness& h, bool down, float dt_s, Verdict verdict) {
    h.use();
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = dt_s;
    io.MousePos = ImVec2(100, 100);
    io.MouseDown[0] = down;
    ImGui::NewFrame();
    if (verdict != Verdict::None) double_press::to_imgui(io, verdict == Verdict::Double);
    const bool twice = ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
    ImGui::Render();
    return twice;
}

}  // namespace

TEST_CASE("ImGui reports the recogniser's double press even when slow frames put the presses 2 s apart") {
    test_ui::Harness h;
    CHECK_FALSE(imgui_double_click(h, true, 1.0f / 60, Verdict::Single));
    CHECK_FALSE(imgui_double_click(h, false, 2.0f, Verdict::Single));
    CHECK(imgui_double_click(h, true, 2.0f, Verdict::Double));
}

TEST_CASE("ImGui reports no double press the recogniser refused, though its own frame-time test would") {
    test_ui::Harness ours;
    imgui_double_click(ours, true, 1.0f / 60, Verdict::Single);
    imgui_double_click(ours, false, 1.0f / 60, Verdict::Single);
    CHECK_FALSE(imgui_double_click(ours, true, 1.0f / 60, Verdict::Single));
    // The same frames judged by ImGui alone: a double click (so the check above means something).
    test_ui::Harness alone;
    imgui_double_click(alone, true, 1.0f / 60, Verdict::None);
    imgui_double_click(alone, false, 1.0f / 60, Verdict::None);
    CHECK(imgui_double_click(alone, true, 1.0f / 60, Verdict::None));
}

TEST_CASE("a verdict given in a frame without a press changes nothing") {
    test_ui::Harness h;
    CHECK_FALSE(imgui_double_click(h, false, 1.0f / 60, Verdict::Double));
}
