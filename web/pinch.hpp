// pinch.hpp: fingers on the canvas. One finger is a pointer (input_queue.hpp) and, unless it landed
// on something the app drags, the page's scroll too: a tap presses, a swipe scrolls the document and
// presses nothing. Two are a pinch and a pan, accumulated between frames and handed to the plot
// layer (plot::FeedGesture), never a press: a two-finger zoom must not also pan a plot or move a slider.
#pragma once

namespace web::pinch {

// The canvas's touch events (html5.h): stock library_glfw.js never moves the pointer on a drag.
void install();
// Once a frame, before ImGui::NewFrame: the pinch and pan since the last frame, if any.
void feed(float page_y);  // page_y: the page's scroll, added to the centre (ImGui's space is the page's)

}  // namespace web::pinch
