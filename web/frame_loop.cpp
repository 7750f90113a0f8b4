// frame_loop.cpp: the browser's frame: the canvas fitted, then app::frame when there is something
// to draw, with the browser's new frame (theme, backends, the queued input, the pinch) and render.
#include "frame_loop.hpp"

#include <GLFW/glfw3.h>
#include <emscripten.h>

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

constexpr int kFramesAfterEvent = 30;  // ~0.5 s of frames after any input, for ImGui to settle

struct Loop {
    int frames_left = kFramesAfterEvent;
    long frames_drawn = 0;
    int quiet_frames = 0;          // frames drawn since anything last asked for frames (wake): see settled
    std::vector<double> frame_ms;  // CPU time of recent drawn frames, for bench/pan-web.mjs
};
Loop g_loop;
Explorer g_explorer;

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
    input::to_imgui(g_explorer.window, g_explorer.state);
    pinch::feed();
    ImGui::NewFrame();
    input::after_new_frame();
}

void render(void*) { gl_frame::draw(canvas::size().fb_w, canvas::size().fb_h); }

bool touch_input(void*) { return input::touch(); }

void draw_frame() {
    canvas::fit(&g_explorer.fonts);
    if (g_loop.frames_left <= 0 && !ImGui::GetIO().WantTextInput) return;  // idle: nothing changed, nothing to draw
    --g_loop.frames_left;
    // A fit running over frames: keep drawing until it ends.
    if (app::frame(g_explorer.state, g_explorer.fonts, g_explorer.platform)) wake();
    field_editor::follow();
    ++g_loop.quiet_frames;
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

Explorer& explorer() { return g_explorer; }

void wake() {
    g_loop.frames_left = kFramesAfterEvent;
    g_loop.quiet_frames = 0;
}

void run() {
    g_explorer.platform.new_frame = new_frame;
    g_explorer.platform.render = render;
    g_explorer.platform.touch_input = touch_input;
    emscripten_set_main_loop(frame, 0, true);
}

long frames_drawn() { return g_loop.frames_drawn; }

bool settled() { return input::empty() && g_loop.quiet_frames >= 2; }

std::vector<double> take_frame_times() { return std::exchange(g_loop.frame_ms, {}); }

}  // namespace web
