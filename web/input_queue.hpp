// input_queue.hpp: pointer, key, character and paste input, queued as the page reports it and
// trickled into ImGui one button or key change per frame.
//
// Why a queue: a click or a double click that happens entirely between two frames (common in
// tests, and on slow phones) must still reach ImGui as press, release, press, release, and ImGui
// 1.86 reads buttons and keys as state. Keys and characters wait in the same queue, so text typed
// right after a click reaches the field the click focused. Moves between changes collapse into one.
// Why not GLFW's pointer: in stock library_glfw.js (Emscripten 3.1.6) a touch drag never moves it,
// so the pointer comes from html5.h events, in CSS px.
#pragma once
#include <string>

#include "app.hpp"

struct GLFWwindow;

namespace web::input {

// GLFW's key and character callbacks (queued; focus and cursor-enter go straight to ImGui's
// backend), and the canvas's mouse and wheel events from html5.h.
void install(GLFWwindow* window);

// A pointer change at (x, y) CSS px relative to the canvas: down 1 press, 0 release, -1 a move.
// time_ms is the DOM event's timeStamp, which judges whether a press pairs into a double press.
void push_pointer(float x, float y, int down, double time_ms);
// Text pasted into the page: typed into the focused field, or the Fit view's whole table of runs.
void push_paste(std::string text);
// The last press turned out to be the first finger of a pinch: no tap pairs with it.
void forget_last_press();
// Whether the last pointer input came from a finger (Platform::touch_input).
void set_touch(bool touch);
bool touch();
bool empty();  // everything queued has reached ImGui

// Before ImGui::NewFrame: applies queued events up to the next button or key change, and the
// pointer and wheel, to ImGui's IO. A paste on the Fit view replaces `state`'s runs.
void to_imgui(GLFWwindow* window, app::State& state);
// After ImGui::NewFrame: this frame's press is a double click exactly when our own recogniser said
// so (double_press.hpp).
void after_new_frame();

}  // namespace web::input
