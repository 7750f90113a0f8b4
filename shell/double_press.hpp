// double_press.hpp: pairs presses (mouse button or finger) into double clicks and double taps,
// on the times the presses happened, given by the caller; and hands the verdict to ImGui.
//
// Why the caller gives the time: a busy main thread can handle an event hundreds of ms after it
// happened (a slow frame, a loaded machine), so a recogniser that read the clock when it runs
// would split a quick double tap into two single ones. The web entry passes the DOM event's own
// time stamp (web/input_queue.cpp); the tests pass made-up times (tests/ui/test_double_press.cpp).
// The recogniser itself reads no clock and includes nothing: only to_imgui touches ImGui.
#pragma once

struct ImGuiIO;

namespace double_press {

// When two presses count as one double press; the defaults are the app's.
struct Rules {
    double max_gap_ms = 500;     // the usual OS double-click time (Windows and macOS defaults)
    float max_distance_px = 24;  // per axis, display units (CSS px): a finger lands less precisely than a mouse
};

class Recogniser {
public:
    explicit Recogniser(Rules rules = {}) : rules_(rules) {}

    // A press at (x, y) display units, at time_ms (any clock, the same one for every call).
    // True when it is the second press of a pair: close enough in time and place to the press
    // before it, which was not itself the second of a pair (a third press starts a new pair).
    bool press(double time_ms, float x, float y);

    // The last press turned out not to be a tap: it was the first finger of a pinch. A tap soon
    // after the pinch must not pair with it (the double tap would undo the zoom just made).
    void forget_last_press() { has_last_ = false; }

private:
    Rules rules_;
    bool has_last_ = false;  // a press that the next one may pair with
    double last_ms_ = 0;     // its time
    float last_x_ = 0, last_y_ = 0;  // its place
};

// Call after ImGui::NewFrame: makes ImGui report this frame's press as a double click exactly
// when `second` (the recogniser's verdict on it) says so. ImGui 1.86 counts clicks itself, on frame
// times within 6 px, and IsMouseDoubleClicked reads that count (io.MouseClickedCount), not the
// legacy io.MouseDoubleClicked: left alone it splits a double tap over slow frames and pairs a
// pinch's first finger with the next tap. Frames without a left press are left as they are.
void to_imgui(ImGuiIO& io, bool second);

}  // namespace double_press
