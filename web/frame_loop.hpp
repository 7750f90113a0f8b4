// frame_loop.hpp: the one explorer this page runs, and its frame loop. Frames are drawn only for a
// while after something happens (input, a resize, a running fit): an idle page burns no battery.
// Every file of the web entry wakes the loop through here when it changes what is on screen.
#pragma once
#include <vector>

#include "app.hpp"

struct GLFWwindow;

namespace web {

struct Explorer {
    GLFWwindow* window = nullptr;  // Emscripten's GLFW window over the canvas
    app::State state;
    app::Fonts fonts;
    app::Platform platform;        // the page's services (page.cpp), and the frame's (frame_loop.cpp)
};
Explorer& explorer();

// Something changed: draw frames for a while (about half a second), for ImGui to settle.
void wake();

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
