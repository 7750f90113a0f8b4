// frame_loop.cpp: the browser's frame: the canvas fitted, then app::frame when there is something
// to draw, with the browser's new frame (theme, backends, the queued input, the pinch) and render.
#include "frame_loop.hpp"

#include <GLFW/glfw3.h>
#include <emscripten.h>

#include <cfloat>
#include <utility>

#include "canvas.hpp"
#include "field_editor.hpp"
#include "gl_frame.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "input_queue.hpp"
#include "pinch.hpp"

namespace web {
namespace {

struct Loop {
    long frames_drawn = 0;
    std::vector<double> frame_ms;  // CPU time of recent drawn frames, for bench/pan-web.mjs
};
Loop g_loop;

// Platform::new_frame. ImGui's GLFW backend reads the window's size and the pointer the way stock
// library_glfw.js reports them (blurry, no touch drags: canvas.hpp, input_queue.hpp), so the
// display size, its scale and the pointer are set here after the backend's NewFrame.
void new_frame(void*) {
    canvas::choose_theme();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    const canvas::Size& c = canvas::size();
    io.DisplaySize = ImVec2(static_cast<float>(c.css_w), static_cast<float>(c.css_h));
    io.DisplayFramebufferScale = ImVec2(c.dpr, c.dpr);
    input::to_imgui(explorer().window, explorer().state);
    // ImGui's space is the page's (app::frame): the pointer, in the canvas's CSS px, moves down by
    // the page's scroll. No pointer (-FLT_MAX) stays none.
    const float page_y = explorer().state.handed.page_y;
    if (io.MousePos.y > -FLT_MAX / 2) io.MousePos.y += page_y;
    pinch::feed(page_y);
    ImGui::NewFrame();
    input::after_new_frame();
}

void render(void*) { gl_frame::draw(canvas::size().fb_w, canvas::size().fb_h); }

bool touch_input(void*) { return input::touch(); }

void draw_frame() {
    canvas::fit(&explorer().fonts);
    if (explorer().frames_left <= 0 && !ImGui::GetIO().WantTextInput) return;  // idle: nothing changed, nothing to draw
    --explorer().frames_left;
    // A fit running over frames: keep drawing until it ends.
    if (app::frame(explorer().state, explorer().fonts, explorer().platform)) wake();
    field_editor::follow();
    ++explorer().quiet_frames;
    if (++g_loop.frames_drawn == 1) {
        EM_ASM({ if (Module["onFirstFrame"]) Module["onFirstFrame"](); });
    }
}

void frame() {
    const double t0 = emscripten_get_now();
    const long before = g_loop.frames_drawn;
    draw_frame();
    if (g_loop.frames_drawn != before) {
        if (g_loop.frame_ms.size() >= 600) g_loop.frame_ms.erase(g_loop.frame_ms.begin(), g_loop.frame_ms.begin() + 300);
        g_loop.frame_ms.push_back(emscripten_get_now() - t0);
    }
}

}  // namespace

void run() {
    explorer().platform.new_frame = new_frame;
    explorer().platform.render = render;
    explorer().platform.touch_input = touch_input;
    emscripten_set_main_loop(frame, 0, true);
}

long frames_drawn() { return g_loop.frames_drawn; }

bool settled() { return input::empty() && explorer().quiet_frames >= 2; }

std::vector<double> take_frame_times() { return std::exchange(g_loop.frame_ms, {}); }

}  // namespace web
