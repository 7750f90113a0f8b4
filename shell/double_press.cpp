// double_press.cpp: the pairing rule of double_press.hpp: time and place against the last press
// that is free to pair, nothing else.
#include "double_press.hpp"

#include <cmath>

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

}  // namespace double_press
