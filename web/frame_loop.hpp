// frame_loop.hpp: the page's frame loop. Frames are drawn only for a while after something happens
// (input, a resize, a running fit: explorer.hpp's wake): an idle page burns no battery.
#pragma once
#include <vector>

#include "explorer.hpp"

namespace web {

// Fills the platform's frame callbacks (new_frame, render, touch_input) and runs the loop; does
// not return (Emscripten's main loop).
void run();

long frames_drawn();
// True when the app has caught up: every input event is applied and two frames have been drawn
// since anything last asked for frames (ImGui settles hover and sizes a frame late).
bool settled();
// The CPU time of recent drawn frames (UI + GL calls) in ms, taken: the record starts again.
std::vector<double> take_frame_times();

}  // namespace web
