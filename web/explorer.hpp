// explorer.hpp: the one explorer this page runs, and the call that asks for frames. Every file of
// the web entry reaches the state through here and wakes the frame loop (frame_loop.hpp) when it
// changes what is on screen; the loop itself is above them all, so none of them includes it.
#pragma once
#include "app.hpp"

struct GLFWwindow;

namespace web {

// Frames drawn after anything happens: about half a second, for ImGui to settle.
constexpr int kFramesAfterEvent = 30;

struct Explorer {
    GLFWwindow* window = nullptr;  // Emscripten's GLFW window over the canvas
    app::State state;
    app::Fonts fonts;
    app::Platform platform;        // the page's services (page.cpp), and the frame's (frame_loop.cpp)
    int frames_left = kFramesAfterEvent;  // frames still to draw (frame_loop.cpp counts them down)
    int quiet_frames = 0;          // frames drawn since anything last asked for frames (wake)
};
Explorer& explorer();

// Something changed: draw frames for a while, for ImGui to settle.
void wake();

}  // namespace web
