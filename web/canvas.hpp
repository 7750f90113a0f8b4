// canvas.hpp: the canvas's size, its pixels and the theme it calls for.
//
// Why not GLFW's sizing: in stock library_glfw.js (Emscripten 3.1.6) the canvas backing store
// equals its CSS size (blurry at devicePixelRatio > 1), and glfwSetWindowSize to the screen size
// requests fullscreen and throws. So the web entry never calls glfwSetWindowSize: it sizes the
// backing store to CSS size x DPR itself, lays out in CSS px, and rasterises the fonts at size x
// DPR, drawn at 1/DPR.
#pragma once
#include "app.hpp"

namespace web::canvas {

inline constexpr const char* kSelector = "#canvas";
// The DOM layer over the canvas (web/semantics.js): its texts take the pointer, so presses, wheel
// and touches on it are the app's too.
inline constexpr const char* kLayerSelector = "#sem";
inline constexpr float kBodyPx = 16.0f;  // body text in CSS px

struct Size {
    double css_w = 0, css_h = 0;  // CSS px: ImGui's display units
    float dpr = 0;                // device pixels per CSS px the fonts were built for
    int fb_w = 0, fb_h = 0;       // the backing store, device px
};
const Size& size();

// Builds the font atlas for `dpr` (at start-up; the backend uploads it on its first frame).
void build_fonts(float dpr, app::Fonts* fonts);
// Keeps the backing store at CSS size x DPR, and rebuilds the font atlas when the DPR changes
// (browser zoom, moving the window to another screen). Every animation frame, drawn or not.
void fit(app::Fonts* fonts);
// The bold face has arrived (api.js writes it to /fonts/bold): the next fit builds the fonts again.
void refont();
// Phones and tablets (a coarse pointer) or any screen 480 CSS px wide or less: the touch theme,
// with 44 px targets. Decided again on every drawn frame, so rotating or resizing switches it.
void choose_theme();
// A resize of the window wakes the frame loop (the next frame fits the canvas), and so does a
// scroll of the page (the fixed canvas then shows another part of the app: Platform::scroll_y).
void install();

}  // namespace web::canvas
