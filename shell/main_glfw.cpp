// main_glfw.cpp: the native desktop entry: a GLFW window with an OpenGL 3 context around app::frame,
// and the desktop's branch of every platform service (app::Platform): the clipboard, the system
// browser for the site's pages, files written for downloads. The loop: wait for input, frame, swap.
#include <GLFW/glfw3.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <string>

#include "app.hpp"
#include "core/quantity.hpp"
#include "core/requests.hpp"
#include "desktop_pages.hpp"
#include "export_native.hpp"
#include "gl_frame.hpp"
#include "gl_texture.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "plot.hpp"

namespace {

// The folder of the binary: fonts are copied beside it at build time (bin/fonts/), and the site's
// pages are looked for there (bin/site/) before the source tree's site/.
std::string exe_dir(const char* argv0) {
    std::string exe = argv0;
    char buf[4096];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0) exe.assign(buf, static_cast<size_t>(n));
    const size_t slash = exe.find_last_of('/');
    return slash == std::string::npos ? std::string(".") : exe.substr(0, slash);
}

void glfw_error(int code, const char* what) { std::fprintf(stderr, "scaling-explorer: GLFW %d: %s\n", code, what); }

app::State* g_state = nullptr;  // for GLFW's drop callback, which carries no user pointer of ours

// Opens a dropped file or --fit PATH (runs, or saved work); false when unreadable.
bool load_runs(const char* path, app::State& state) {
    std::FILE* f = std::fopen(path, "rb");
    if (!f) return false;
    std::string text;
    char buf[65536];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) {
        text.append(buf, n);
        if (text.size() > (64u << 20)) break;  // the runs reader refuses what is too large anyway
    }
    std::fclose(f);
    app::open_text(state, std::move(text));
    return true;
}

void on_drop(GLFWwindow*, int count, const char** paths) {
    if (count > 0 && g_state && !load_runs(paths[0], *g_state))
        std::fprintf(stderr, "scaling-explorer: cannot read %s\n", scaling::quote_input(paths[0]).c_str());
}

// Opening state from the command line: --view NAME, --flops X, --law ID (the CLI's flag names),
// --fit PATH (runs for the Fit view).
// A bad value is reported on stderr and left at its default; the window still opens.
void apply_args(int argc, char** argv, app::State& state) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i], value = argv[i + 1];
        if (key == "--view") {
            bool found = false;
            for (int v = 0; v < app::kViewCount; ++v) {
                if (app::view_key(v) == value) { state.requested_view = v; found = true; }
            }
            if (!found) std::fprintf(stderr, "scaling-explorer: --view: unknown view %s\n", scaling::quote_input(value).c_str());
        } else if (key == "--flops") {
            const auto r = scaling::parse_positive(value, scaling::Unit::Flop);
            if (r.ok()) app::set_budget(state, r.value);
            else std::fprintf(stderr, "scaling-explorer: --flops: %s\n", r.error.c_str());
        } else if (key == "--fit") {
            if (!load_runs(value.c_str(), state))
                std::fprintf(stderr, "scaling-explorer: --fit: cannot read %s\n", scaling::quote_input(value).c_str());
        } else if (key == "--law") {
            const auto r = scaling::law_from_id(value);
            if (r.ok()) state.law = static_cast<int>(r.value - scaling::all_laws().data());
            else std::fprintf(stderr, "scaling-explorer: --law: %s\n", r.error.c_str());
        } else {
            std::fprintf(stderr, "scaling-explorer: unknown option %s (options: --view, --flops, --law, --fit)\n",
                         scaling::quote_input(key).c_str());
        }
    }
}

// [SECTION] The desktop's branch of app::Platform; `user` is the Desktop.
struct Desktop {
    GLFWwindow* window = nullptr;
    desktop_pages::Site site;  // where the site's pages are, on disk and on the web
};
Desktop& desktop_of(void* user) { return *static_cast<Desktop*>(user); }

void new_frame(void*) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void render(void* user) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(desktop_of(user).window, &w, &h);
    gl_frame::draw(w, h);
}

void open_page(const std::string& path, void* user) { desktop_pages::open(desktop_of(user).site, path); }

void copy_text(const std::string& text, void* user) { glfwSetClipboardString(desktop_of(user).window, text.c_str()); }

// No picker here: files come by drop or --fit.
void open_file(void*) { std::fprintf(stderr, "scaling-explorer: drop a CSV file on the window, or start with --fit PATH\n"); }

// Downloads are files written to the working directory, said on the terminal.
void wrote(const std::string& file_name, bool ok) {
    if (ok) std::printf("scaling-explorer: wrote %s\n", file_name.c_str());
    else std::fprintf(stderr, "scaling-explorer: cannot write %s\n", file_name.c_str());
}
void download_text(const std::string& file_name, const std::string&, const std::string& text, void*) {
    wrote(file_name, export_native::write_text(file_name, text));
}
void download_png(const std::string& file_name, const app::Region& region, void* user) {
    int w = 0, h = 0;  // PNG rows are read bottom up from the framebuffer's height
    glfwGetFramebufferSize(desktop_of(user).window, &w, &h);
    wrote(file_name, export_native::write_png(file_name, region, ImGui::GetIO().DisplayFramebufferScale.x, h));
}

// What the desktop has not: touch input, an address bar, a host page, storage between runs, draws
// to fetch (all compiled in).
app::Platform desktop_platform(Desktop& desktop) {
    return {.user = &desktop,
            .new_frame = new_frame,
            .render = render,
            .page_url = desktop.site.public_url,
            .open_page = open_page,
            .copy_text = copy_text,
            .open_file = open_file,
            .download_text = download_text,
            .download_png = download_png};
}

}  // namespace

int main(int argc, char** argv) {
    glfwSetErrorCallback(glfw_error);
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(1280, 800, "Scaling Explorer", nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the app has one fixed window: nothing worth saving
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    // Content scale (HiDPI monitors): lay out in logical units, rasterise glyphs at the scale.
    float sx = 1, sy = 1;
    glfwGetWindowContentScale(window, &sx, &sy);
    const float dpr = sx > 0 ? sx : 1.0f;
    constexpr float kBodyPx = 16.0f;
    const std::string dir = exe_dir(argv[0]);
    const std::string fonts_dir = dir + "/fonts";
    const app::Fonts fonts = app::load_fonts(fonts_dir.c_str(), kBodyPx, dpr);
    app::apply_theme(kBodyPx);
    app::State state;
    plot::SetTextureUploader(gl_texture::upload);
    apply_args(argc, argv, state);
    g_state = &state;
    glfwSetDropCallback(window, on_drop);

    // Links carry the public address when the build was given one (else only the query: the
    // site's address is not known); pages open from a local site/ when there.
    Desktop desktop{window, {{dir + "/site", SCALING_SOURCE_SITE_DIR}, SCALING_PUBLIC_URL}};
    const app::Platform platform = desktop_platform(desktop);

    bool busy = false;  // a fit running over frames
    while (!glfwWindowShouldClose(window)) {
        // Idle when nothing happens (no busy redraw loop), but keep drawing while a fit runs.
        if (busy) glfwPollEvents();
        else glfwWaitEventsTimeout(0.25);
        busy = app::frame(state, fonts, platform);
        glfwSwapBuffers(window);
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
