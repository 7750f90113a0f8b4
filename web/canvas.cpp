// canvas.cpp: the canvas's backing store at CSS size x DPR, the fonts at the DPR, the touch theme.
#include "canvas.hpp"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>

#include "explorer.hpp"
#include "imgui_impl_opengl3.h"

namespace web::canvas {
namespace {

Size g_size;
bool g_touch_theme = false;  // 44 px targets in force (app::apply_theme)

}  // namespace

const Size& size() { return g_size; }

void build_fonts(float dpr, app::Fonts* fonts) {
    *fonts = app::load_fonts("/fonts", kBodyPx, dpr);
    g_size.dpr = dpr;
}

void refont() {
    g_size.dpr = 0;  // as if the DPR changed: fit() builds the atlas again and uploads it
    wake();
}

void fit(app::Fonts* fonts) {
    emscripten_get_element_css_size(kSelector, &g_size.css_w, &g_size.css_h);
    const float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    const int w = static_cast<int>(std::lround(g_size.css_w * dpr));
    const int h = static_cast<int>(std::lround(g_size.css_h * dpr));
    if (w != g_size.fb_w || h != g_size.fb_h) {
        emscripten_set_canvas_element_size(kSelector, w, h);
        g_size.fb_w = w;
        g_size.fb_h = h;
        wake();
    }
    if (dpr != g_size.dpr) {
        build_fonts(dpr, fonts);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        wake();
    }
}

void choose_theme() {
    const bool touch = g_size.css_w <= 480 || EM_ASM_INT({ return matchMedia('(pointer: coarse)').matches ? 1 : 0; });
    if (touch != g_touch_theme) {
        g_touch_theme = touch;
        app::apply_theme(kBodyPx, touch);
    }
}

void install() {
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE,
                                   [](int, const EmscriptenUiEvent*, void*) -> EM_BOOL {
                                       wake();
                                       return EM_FALSE;
                                   });
    emscripten_set_scroll_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE,
                                   [](int, const EmscriptenUiEvent*, void*) -> EM_BOOL {
                                       wake();
                                       return EM_FALSE;
                                   });
}

}  // namespace web::canvas
