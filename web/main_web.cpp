// main_web.cpp: the browser entry: Emscripten's GLFW + WebGL2 around app::frame, set up once.
// Stock library_glfw.js (Emscripten 3.1.6) needs fixes, each in its own file of web/: the canvas's
// size and pixels (canvas), pointer and keys (input_queue), fingers (pinch); the page's services
// are page and field_editor, the frame loop is frame_loop, and JavaScript calls c_api.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include "canvas.hpp"
#include "frame_loop.hpp"
#include "gl_texture.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "input_queue.hpp"
#include "page.hpp"
#include "pinch.hpp"
#include "plot.hpp"

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size(web::canvas::kSelector, &css_w, &css_h);
    web::Explorer& e = web::explorer();
    e.window = glfwCreateWindow(static_cast<int>(css_w), static_cast<int>(css_h), "Scaling Explorer", nullptr, nullptr);
    if (!e.window) return 1;
    glfwMakeContextCurrent(e.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // no file system to save layout to; state goes in the URL
    // Callbacks of our own: keys and characters are queued, focus goes straight through (input_queue);
    // mouse, touch and wheel come from html5.h.
    ImGui_ImplGlfw_InitForOpenGL(e.window, false);
    web::input::install(e.window);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    app::apply_theme(web::canvas::kBodyPx);
    plot::SetTextureUploader(gl_texture::upload);
    web::canvas::build_fonts(static_cast<float>(emscripten_get_device_pixel_ratio()), &e.fonts);
    web::pinch::install();
    web::canvas::install();
    web::page::fill(e.platform);

    // Saved work first, then the link: the link says what to show, the saved work what the user made.
    web::page::load_work();
    web::page::apply_link(e.state);
    web::run();
    return 0;
}
