// double_press.cpp: the pairing rule of double_press.hpp (time and place against the last press
// that is free to pair, nothing else), and the count ImGui is told.
#include "double_press.hpp"

#include <cmath>

#include "imgui.h"

namespace double_press {

bool Recogniser::press(double time_ms, float x, float y) {
    const double gap_ms = time_ms - last_ms_;
    // A press stamped before the last one (clocks of different input sources) cannot be judged:
    // it does not pair, which at worst costs a double tap, never invents one.
    const bool second = has_last_ && gap_ms >= 0 && gap_ms < rules_.max_gap_ms &&
                        std::fabs(x - last_x_) < rules_.max_distance_px &&
                        std::fabs(y - last_y_) < rules_.max_distance_px;
    has_last_ = !second;  // the second press of a pair is used up: a third one starts a new pair
    last_ms_ = time_ms;
    last_x_ = x;
    last_y_ = y;
    return second;
}

void to_imgui(ImGuiIO& io, bool second) {
    if (!io.MouseClicked[0]) return;  // a verdict is about a press made this frame
    const ImU16 count = second ? 2 : 1;
    io.MouseClickedCount[0] = count;      // what IsMouseDoubleClicked and the widgets read
    io.MouseClickedLastCount[0] = count;  // read on release (double-click buttons) and for ImGui's next count
    io.MouseDoubleClicked[0] = second;    // the legacy flag, for code that still reads it
}

}  // namespace double_press
