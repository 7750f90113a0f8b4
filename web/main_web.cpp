// main_web.cpp: the browser entry: Emscripten's GLFW + WebGL2 around app::frame, the web branch of
// every platform service (app::Platform), the fixes that stock library_glfw.js (Emscripten 3.1.6)
// needs, and the small C API JavaScript calls. Declarations first, then each part's code.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "app.hpp"
#include "core/draws.hpp"
#include "core/requests.hpp"
#include "core/saved_work.hpp"
#include "double_press.hpp"
#include "fields.hpp"
#include "gl_frame.hpp"
#include "gl_texture.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"
#include "plot.hpp"
#include "ui_probe.hpp"

// [SECTION] frame loop declarations: the one explorer this page runs, and its frame loop. Frames are drawn only for a
// while after something happens (input, a resize, a running fit): an idle page burns no battery.
// Every file of the web entry wakes the loop through here when it changes what is on screen.
namespace web {

struct Explorer {
    GLFWwindow* window = nullptr;  // Emscripten's GLFW window over the canvas
    app::State state;
    app::Fonts fonts;
    app::Platform platform;        // the page's services (page), and the frame's (frame loop)
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

// [SECTION] canvas declarations: the canvas's size, its pixels and the theme it calls for.
//
// Why not GLFW's sizing: in stock library_glfw.js (Emscripten 3.1.6) the canvas backing store
// equals its CSS size (blurry at devicePixelRatio > 1), and glfwSetWindowSize to the screen size
// requests fullscreen and throws. So the web entry never calls glfwSetWindowSize: it sizes the
// backing store to CSS size x DPR itself, lays out in CSS px, and rasterises the fonts at size x
// DPR, drawn at 1/DPR.
namespace web::canvas {

inline constexpr const char* kSelector = "#canvas";
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
// Phones and tablets (a coarse pointer) or any screen 480 CSS px wide or less: the touch theme,
// with 44 px targets. Decided again on every drawn frame, so rotating or resizing switches it.
void choose_theme();
// A resize of the window wakes the frame loop (the next frame fits the canvas).
void install();

}  // namespace web::canvas

// [SECTION] input queue declarations: pointer, key, character and paste input, queued as the page reports it and
// trickled into ImGui one button or key change per frame.
//
// Why a queue: a click or a double click that happens entirely between two frames (common in
// tests, and on slow phones) must still reach ImGui as press, release, press, release, and ImGui
// 1.86 reads buttons and keys as state. Keys and characters wait in the same queue, so text typed
// right after a click reaches the field the click focused. Moves between changes collapse into one.
// Why not GLFW's pointer: in stock library_glfw.js (Emscripten 3.1.6) a touch drag never moves it,
// so the pointer comes from html5.h events, in CSS px.
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

// [SECTION] pinch declarations: fingers on the canvas. One finger is a pointer (input_queue.hpp); two are a pinch and
// a pan, accumulated between frames and handed to the plot layer (plot::FeedGesture), never a
// press: a two-finger zoom must not also pan a plot or move a slider.
namespace web::pinch {

// The canvas's touch events (html5.h): stock library_glfw.js never moves the pointer on a drag.
void install();
// Once a frame, before ImGui::NewFrame: the pinch and pan since the last frame, if any.
void feed();

}  // namespace web::pinch

// [SECTION] page declarations: the page around the app, as the web branch of app::Platform: the address bar follows
// the state, an embedded view tells its host how tall it is, copy and open become clipboard writes
// and new tabs, exports become downloads, and the user's work lives in localStorage between
// visits. The JavaScript side of each is a Module function of web/api.js.
namespace web::page {

// The page's services into `platform`, and the page's address (without its query) as its page_url.
void fill(app::Platform& platform);

// At start-up: the saved work first (api.js reads localStorage and hands it to restore_work), then
// the link, which says what to show; what of the link could not be applied becomes a notice.
void load_work();
void apply_link(app::State& state);

// The saved work from localStorage. An entry that cannot be read is set aside under
// "<key>.set-aside", with a notice, and the app starts fresh.
void restore_work(app::State& state, const char* text);

}  // namespace web::page

// [SECTION] field editor declarations: the phone's own keyboard for the app's fields. A canvas cannot open it, an
// HTML input can: a tap on a field lays an input over it (web/api.js), bound to the field
// (shell/fields.hpp). This side finds the field under a tap and keeps the input over its field.
namespace web::field_editor {

// A tap at (x, y) CSS px on the canvas. When a field lies there, binds it and returns
// "kind x y w h" (kind 0 a number, 1 lines of runs); else "".
std::string edit_at(double x, double y);
// The bound field's text when the editor opened.
const std::string& opening_text();
// After each frame: the editor follows its field (scrolling, a keyboard resizing the page) and
// closes when the field is gone (another view).
void follow();

}  // namespace web::field_editor

// [SECTION] frame loop code: the browser's frame: the canvas fitted, then app::frame when there is something
// to draw, with the browser's new frame (theme, backends, the queued input, the pinch) and render.
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
void new_frame() {
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

void render() { gl_frame::draw(canvas::size().fb_w, canvas::size().fb_h); }

void draw_frame() {
    canvas::fit(&g_explorer.fonts);
    if (g_loop.frames_left <= 0 && !ImGui::GetIO().WantTextInput) return;  // idle: nothing changed, nothing to draw
    --g_loop.frames_left;
    if (app::frame(g_explorer.state, g_explorer.fonts, g_explorer.platform)) wake();  // a fit running: keep drawing until it ends
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
    g_explorer.platform.touch_input = input::touch;
    emscripten_set_main_loop(frame, 0, true);
}

long frames_drawn() { return g_loop.frames_drawn; }

bool settled() { return input::empty() && g_loop.quiet_frames >= 2; }

std::vector<double> take_frame_times() { return std::exchange(g_loop.frame_ms, {}); }

}  // namespace web

// [SECTION] canvas code: the canvas's backing store at CSS size x DPR, the fonts at the DPR, the touch theme.
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
}

}  // namespace web::canvas

// [SECTION] input queue code: the queue of pointer, key, character and paste events, and how much of it one
// frame applies.
namespace web::input {
namespace {

struct InputEvent {
    enum Kind { Pointer, Key, Char, Paste } kind = Pointer;
    float x = 0, y = 0;       // CSS px relative to the canvas
    int down = -1;            // 1 press, 0 release, -1 move only
    bool double_press = false;  // second press of a double click/tap, timed when it happened
    int key = 0, scancode = 0, action = 0, mods = 0;  // Key (GLFW values)
    unsigned codepoint = 0;                           // Char
    std::string text;                                 // Paste
};

struct Pointer {
    float x = -FLT_MAX, y = -FLT_MAX;  // where ImGui sees the pointer
    bool down = false;                 // what ImGui sees of the button
    // Double clicks are judged on the DOM events' own time stamps, when the input happened: not
    // on frame times (input is trickled one change per frame) nor on when a busy main thread got
    // round to the handler, either of which would split a quick double tap into two single ones.
    double_press::Recogniser presses;
    bool double_now = false;           // the press applied this frame was the second of a pair
    std::deque<InputEvent> queue;      // pointer, key and character events not yet given to ImGui
    bool touch = false;                // the last pointer input was a touch
    int still_frames = 0;              // frames the pointer has rested where ImGui sees it
    float wheel_x = 0, wheel_y = 0;    // notches since the last frame (GLFW's wheel path in 3.1.6 is unreliable)
};
Pointer g;

void on_glfw_key(GLFWwindow*, int key, int scancode, int action, int mods) {
    wake();
    InputEvent e;
    e.kind = InputEvent::Key, e.key = key, e.scancode = scancode, e.action = action, e.mods = mods;
    g.queue.push_back(e);
}
void on_glfw_char(GLFWwindow*, unsigned int c) {
    wake();
    InputEvent e;
    e.kind = InputEvent::Char, e.codepoint = c;
    g.queue.push_back(e);
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    wake();
    if (e->button != 0 && type != EMSCRIPTEN_EVENT_MOUSEMOVE) return EM_FALSE;  // right/middle: GLFW's path
    g.touch = false;
    const int down = type == EMSCRIPTEN_EVENT_MOUSEDOWN ? 1 : type == EMSCRIPTEN_EVENT_MOUSEUP ? 0 : -1;
    push_pointer(static_cast<float>(e->targetX), static_cast<float>(e->targetY), down, e->timestamp);
    return EM_FALSE;  // let GLFW see it too (focus, keyboard routing)
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    wake();
    // One notch: 100 px, 3 lines or a page, depending on how the browser reports it.
    const float per_notch = e->deltaMode == DOM_DELTA_PIXEL ? 100.0f : e->deltaMode == DOM_DELTA_LINE ? 3.0f : 1.0f;
    g.wheel_x -= static_cast<float>(e->deltaX) / per_notch;
    g.wheel_y -= static_cast<float>(e->deltaY) / per_notch;
    return EM_TRUE;  // the app scrolls or zooms; the page must not
}

// Keys go to GLFW's own listeners too (which queue them through on_glfw_key); this only wakes.
EM_BOOL on_key(int, const EmscriptenKeyboardEvent*, void*) {
    wake();
    return EM_FALSE;
}

}  // namespace

void install(GLFWwindow* window) {
    glfwSetKeyCallback(window, on_glfw_key);
    glfwSetCharCallback(window, on_glfw_char);
    glfwSetWindowFocusCallback(window, ImGui_ImplGlfw_WindowFocusCallback);
    glfwSetCursorEnterCallback(window, ImGui_ImplGlfw_CursorEnterCallback);
    emscripten_set_mousedown_callback(canvas::kSelector, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mousemove_callback(canvas::kSelector, nullptr, EM_FALSE, on_mouse);
    emscripten_set_wheel_callback(canvas::kSelector, nullptr, EM_FALSE, on_wheel);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_key);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_key);
}

void push_pointer(float x, float y, int down, double time_ms) {
    auto& q = g.queue;
    if (down < 0 && !q.empty() && q.back().kind == InputEvent::Pointer && q.back().down < 0) {
        q.back().x = x;
        q.back().y = y;
        return;
    }
    const bool second = down == 1 && g.presses.press(time_ms, x, y);
    InputEvent e;
    e.x = x, e.y = y, e.down = down, e.double_press = second;
    q.push_back(e);
}

void push_paste(std::string text) {
    InputEvent e;
    e.kind = InputEvent::Paste;
    e.text = std::move(text);
    g.queue.push_back(std::move(e));
}

void forget_last_press() { g.presses.forget_last_press(); }
void set_touch(bool touch) { g.touch = touch; }
bool touch() { return g.touch; }
bool empty() { return g.queue.empty(); }

void to_imgui(GLFWwindow* window, app::State& state) {
    ImGuiIO& io = ImGui::GetIO();
    // Apply queued events up to the next button or key change. A button change waits a frame when
    // the pointer moved before it, so ImGui sees the move (a drag's end, a hover before a click)
    // with the old button state first.
    bool moved = false;
    while (!g.queue.empty()) {
        const InputEvent e = g.queue.front();
        const bool button_change = e.kind == InputEvent::Pointer && e.down >= 0 && (e.down == 1) != g.down;
        if (button_change && moved && (e.x != g.x || e.y != g.y)) break;
        // A press waits until the pointer has rested a frame where it lands: items that allow
        // overlap (tabs, the plot's surface) take a press only when they were hovered the frame
        // before as well, and a fast click (move, down, up at once) would otherwise miss them.
        // (Mouse only for now: with touch the extra frame upset double-tap timing under load.)
        if (button_change && e.down == 1 && !g.touch && (moved || g.still_frames < 1)) break;
        g.queue.pop_front();
        if (e.kind == InputEvent::Key) {
            // One key transition per frame too: ImGui 1.86 reads keys as state, so a press and its
            // release in the same frame (a fast Enter) would never be seen.
            ImGui_ImplGlfw_KeyCallback(window, e.key, e.scancode, e.action, e.mods);
            break;
        }
        if (e.kind == InputEvent::Char) {
            ImGui_ImplGlfw_CharCallback(window, e.codepoint);
            continue;
        }
        if (e.kind == InputEvent::Paste) {
            // The system clipboard reaches the page only as a DOM paste event (GLFW's clipboard in
            // 3.1.6 is internal). Pasted runs replace the Fit view's table whole; elsewhere the
            // text is typed into the focused field.
            if (state.view == app::kFit) {
                ImGui::ClearActiveID();
                state.fit_text = e.text;
                ++state.work_revision;
            } else {
                io.AddInputCharactersUTF8(e.text.c_str());
            }
            break;
        }
        moved = moved || e.x != g.x || e.y != g.y;
        g.x = e.x;
        g.y = e.y;
        if (button_change) {
            g.down = e.down == 1;
            g.double_now = e.double_press;
            break;
        }
    }
    g.still_frames = moved ? 0 : g.still_frames + 1;
    if (!g.queue.empty()) wake();  // more to trickle in next frame
    io.MousePos = ImVec2(g.x, g.y);
    io.MouseDown[0] = g.down;
    io.MouseWheel = g.wheel_y;
    io.MouseWheelH = g.wheel_x;
    g.wheel_x = g.wheel_y = 0;
}

void after_new_frame() {
    // Double clicks are ours alone (see Pointer): ImGui's own test, on frame times and a 6 px radius,
    // would split a double tap over slow frames and pair a pinch's first finger with the tap after it.
    double_press::to_imgui(ImGui::GetIO(), g.double_now);
    g.double_now = false;
}

}  // namespace web::input

// [SECTION] pinch code: touch events, told apart into one finger's pointer and two fingers' pinch.
namespace web::pinch {
namespace {

struct Pinch {
    bool tracking = false;     // two fingers down last event
    bool lifted_since = true;  // all fingers up since the last pinch: a lone finger may press again
    float last_dist = 0;
    ImVec2 last_centre;
    float scale = 1.0f;        // product of distance ratios since the last frame
    ImVec2 pan;                // centre movement since the last frame
    ImVec2 centre;
};
Pinch g;

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    wake();
    const bool ending = type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL;
    // The fingers still down after this event (an ending finger is listed, flagged as changed).
    ImVec2 pts[2];
    int down = 0;
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        if (ending && t.isChanged) continue;
        if (down < 2) pts[down] = ImVec2(static_cast<float>(t.targetX), static_cast<float>(t.targetY));
        ++down;
    }
    input::set_touch(true);
    if (down >= 2) {
        // A pinch: no press for ImGui (a drag must not also pan or move a slider), only the gesture.
        const ImVec2 centre((pts[0].x + pts[1].x) / 2, (pts[0].y + pts[1].y) / 2);
        const float dist = std::hypot(pts[0].x - pts[1].x, pts[0].y - pts[1].y);
        if (g.tracking && g.last_dist > 0 && dist > 0) {
            g.scale *= dist / g.last_dist;
            g.pan.x += centre.x - g.last_centre.x;
            g.pan.y += centre.y - g.last_centre.y;
        }
        g.tracking = true;
        g.lifted_since = false;
        // The finger that started the pinch pressed first: that press was not a tap.
        input::forget_last_press();
        g.last_dist = dist;
        g.last_centre = g.centre = centre;
        input::push_pointer(centre.x, centre.y, 0, e->timestamp);  // release the first finger's press
        return EM_TRUE;
    }
    g.tracking = false;
    if (down == 0) g.lifted_since = true;
    if (!g.lifted_since) return EM_TRUE;  // the last finger of a pinch: not a new press

    ImVec2 at = pts[0];
    if (down == 0)
        for (int i = 0; i < e->numTouches; ++i)
            if (e->touches[i].isChanged) at = ImVec2(static_cast<float>(e->touches[i].targetX), static_cast<float>(e->touches[i].targetY));
    input::push_pointer(at.x, at.y, type == EMSCRIPTEN_EVENT_TOUCHSTART ? 1 : ending ? 0 : -1, e->timestamp);
    // A lifted finger leaves no hover behind: once the release is seen, the pointer goes away.
    if (ending) input::push_pointer(-FLT_MAX, -FLT_MAX, -1, e->timestamp);
    return EM_TRUE;  // preventDefault: no synthetic mouse events, no page scroll or zoom
}

}  // namespace

void install() {
    emscripten_set_touchstart_callback(canvas::kSelector, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(canvas::kSelector, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(canvas::kSelector, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(canvas::kSelector, nullptr, EM_FALSE, on_touch);
}

void feed() {
    if (g.scale != 1.0f || g.pan.x != 0 || g.pan.y != 0) {
        plot::FeedGesture({true, g.centre, g.scale, g.pan});
        g.scale = 1.0f;
        g.pan = ImVec2(0, 0);
    }
}

}  // namespace web::pinch

// [SECTION] page code: app::Platform's web branch: the address bar, the host iframe, the clipboard, new tabs,
// the file picker, downloads, localStorage and the bootstrap draws fetched beside the page.
namespace web::page {
namespace {

// A string from the page: 0 the address without its query or fragment (file:// too), 1 the query.
std::string page_text(int which) {
    char* p = reinterpret_cast<char*>(static_cast<intptr_t>(
        EM_ASM_INT({ return stringToNewUTF8($0 == 0 ? location.href.split(/[?#]/)[0] : location.search); }, which)));
    std::string out = p ? p : "";
    std::free(p);
    return out;
}

// replaceState: no history entry per edit.
void show_query(const std::string& query) { EM_ASM({ Module["setQuery"](UTF8ToString($0)); }, query.c_str()); }

void report_height(float height) { EM_ASM({ Module["reportHeight"]($0); }, static_cast<double>(height)); }

void copy_text(const std::string& text) {
    EM_ASM({ Module["copyText"](UTF8ToString($0)); }, text.c_str());
    wake();  // "Link copied" shows for a moment, then the label returns
    emscripten_async_call([](void*) { wake(); }, nullptr, 1600);
}

void open_page(const std::string& path) { EM_ASM({ Module["openPage"](UTF8ToString($0)); }, path.c_str()); }

// A file picker, then scaling_ui_load_runs with the file's text.
void open_file() { EM_ASM({ Module["openRunsFile"](); }); }

void download_text(const std::string& file_name, const std::string& mime_type, const std::string& text) {
    EM_ASM({ Module["downloadText"](UTF8ToString($0), UTF8ToString($1), UTF8ToString($2)); }, file_name.c_str(),
           text.c_str(), mime_type.c_str());
}

// Cut from the canvas in device pixels, before the browser presents the frame (and clears it).
void download_png(const std::string& file_name, const app::Region& r) {
    const float s = canvas::size().dpr;
    EM_ASM({ Module["downloadCanvasRegion"](UTF8ToString($0), $1, $2, $3, $4); }, file_name.c_str(), std::floor(r.x0 * s),
           std::floor(r.y0 * s), std::ceil((r.x1 - r.x0) * s), std::ceil((r.y1 - r.y0) * s));
}

// Every change is written at once: a reload or a closed tab a moment later loses nothing.
bool save_work(const std::string& json) {
    return EM_ASM_INT({ return Module["saveWork"](UTF8ToString($0), UTF8ToString($1)); }, scaling::kSavedWorkKey,
                      json.c_str()) != 0;
}

// The page fetches the file beside itself and hands it to scaling_draws_arrived.
void fetch_draws(const std::string& file) { EM_ASM({ Module["fetchDraws"](UTF8ToString($0)); }, file.c_str()); }

}  // namespace

void fill(app::Platform& p) {
    p.page_url = page_text(0);
    p.show_query = show_query;
    p.report_height = report_height;
    p.copy_text = copy_text;
    p.open_page = open_page;
    p.open_file = open_file;
    p.download_text = download_text;
    p.download_png = download_png;
    p.save_work = save_work;
    p.fetch_draws = fetch_draws;
}

void load_work() { EM_ASM({ Module["loadWork"](UTF8ToString($0)); }, scaling::kSavedWorkKey); }

void apply_link(app::State& state) {
    const std::vector<std::string> notices = app::apply_query(state, page_text(1));
    std::string text;
    for (const std::string& n : notices) text += (text.empty() ? "" : "; ") + n;
    if (!text.empty()) state.link_notice = "Parts of the link were not used: " + text + ".";
}

void restore_work(app::State& state, const char* text) {
    const scaling::Result<scaling::SavedWork> w = scaling::parse_saved_work(text ? text : "");
    if (w.ok()) {
        app::restore_work(state, w.value);
        app::work_is_saved(state);  // what is stored is what was just read
    } else {
        EM_ASM({ Module["setAsideWork"](UTF8ToString($0)); }, scaling::kSavedWorkKey);
        state.work_notice = "Your saved work from an earlier visit could not be read (" + w.error +
                            "). It was kept aside in this browser's storage as \"" + scaling::kSavedWorkKey +
                            ".set-aside\", and the explorer started fresh.";
    }
}

}  // namespace web::page

// [SECTION] field editor code: where the phone-keyboard editor stands, kept over the field it edits.
namespace web::field_editor {
namespace {

fields::Spot g_spot;   // where the editor was last placed
std::string g_text;    // the bound field's text when the editor opened

}  // namespace

std::string edit_at(double x, double y) {
    fields::Spot s;
    if (!fields::edit_at(static_cast<float>(x), static_cast<float>(y), &s, &g_text)) return "";
    g_spot = s;
    char buf[128];
    std::snprintf(buf, sizeof buf, "%d %.2f %.2f %.2f %.2f", s.kind == fields::Kind::Lines ? 1 : 0, s.x, s.y, s.w, s.h);
    return buf;
}

const std::string& opening_text() { return g_text; }

void follow() {
    if (!fields::editing()) return;
    fields::Spot s;
    if (!fields::bound_spot(&s)) {
        fields::edit_end();
        EM_ASM({ Module["closeEditor"](); });
    } else if (s.x != g_spot.x || s.y != g_spot.y || s.w != g_spot.w || s.h != g_spot.h) {
        g_spot = s;
        EM_ASM({ Module["placeEditor"]($0, $1, $2, $3); }, s.x, s.y, s.w, s.h);
    }
}

}  // namespace web::field_editor

// [SECTION] c api code: the C functions JavaScript calls (web/api.js), all prefixed scaling_. Strings in, JSON
// or plain text out. The core's commands for the page's API, and for tests and embedding hosts the
// app's state, its input from the page (paste, files, saved work, the phone-keyboard editor) and
// the bootstrap draws the page fetched.
namespace {

std::string g_reply;  // the last answer handed to JavaScript (ccall copies it at once)

app::State& state() { return web::explorer().state; }

// A change from the page: the frames that show it.
void law_changed() {
    ++state().law_revision;
    web::wake();
}

}  // namespace

extern "C" {

// One entry for every command: "optimal", "loss", "laws"; arguments as a JSON object of strings.
EMSCRIPTEN_KEEPALIVE const char* scaling_call(const char* command, const char* args_json) {
    g_reply = scaling::call_json(command ? command : "", args_json ? args_json : "{}");
    return g_reply.c_str();
}

// What the UI drew last frame: named rects and texts (tests find widgets by name, not pixels).
EMSCRIPTEN_KEEPALIVE const char* scaling_ui_probe() {
    g_reply = ui_probe::to_json();
    return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE double scaling_ui_frames() { return static_cast<double>(web::frames_drawn()); }
// 1 when the app has caught up: every input event is applied and the screen shows the result of
// all input so far; else 0. Tests wait for this instead of sleeping a fixed time.
EMSCRIPTEN_KEEPALIVE int scaling_ui_settled() { return web::settled() ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE double scaling_ui_flops() { return state().flops; }

// Recent frames' CPU time: {"n":..,"median":..,"p95":..} in ms; clears the record.
EMSCRIPTEN_KEEPALIVE const char* scaling_ui_frame_stats() {
    std::vector<double> v = web::take_frame_times();
    std::sort(v.begin(), v.end());
    char buf[128];
    std::snprintf(buf, sizeof buf, "{\"n\":%zu,\"median\":%.3f,\"p95\":%.3f}", v.size(),
                  v.empty() ? 0.0 : v[v.size() / 2], v.empty() ? 0.0 : v[v.size() * 95 / 100]);
    g_reply = buf;
    return g_reply.c_str();
}

// Text pasted into the page (web/api.js forwards the DOM paste event), queued like typing.
EMSCRIPTEN_KEEPALIVE void scaling_ui_paste(const char* text) {
    web::input::push_paste(text ? text : "");
    web::wake();
}

// A file's text for the Fit view (from the picker in web/api.js): runs, or saved work.
EMSCRIPTEN_KEEPALIVE void scaling_ui_load_runs(const char* text) {
    ImGui::ClearActiveID();
    app::open_text(state(), text ? text : "");
    web::wake();
}

// The saved work from localStorage at start-up (web/api.js Module.loadWork).
EMSCRIPTEN_KEEPALIVE void scaling_ui_restore_work(const char* text) {
    web::page::restore_work(state(), text);
    web::wake();
}

// Fit view options for tests and hosts: "exclude" (highest-loss runs left out), "bootstrap".
EMSCRIPTEN_KEEPALIVE void scaling_ui_set_fit_option(const char* name, int value) {
    const std::string n = name ? name : "";
    if (n == "exclude") state().fit_exclude = value;
    if (n == "bootstrap") state().fit_bootstrap = value;
    ++state().work_revision;
    web::wake();
}

// The phone-keyboard editor (web/api.js, web/field_editor.hpp): a tap at (x, y) CSS px on the
// canvas binds the field there and returns "kind x y w h", or "" when there is none.
EMSCRIPTEN_KEEPALIVE const char* scaling_ui_edit_at(double x, double y) {
    g_reply = web::field_editor::edit_at(x, y);
    if (!g_reply.empty()) web::wake();
    return g_reply.c_str();
}
// The bound field's text when the editor opened.
EMSCRIPTEN_KEEPALIVE const char* scaling_ui_edit_current() { return web::field_editor::opening_text().c_str(); }
// What the editor holds now (on every keystroke), and its closing.
EMSCRIPTEN_KEEPALIVE void scaling_ui_edit_text(const char* text) {
    fields::edit_text(text ? text : "");
    web::wake();
}
EMSCRIPTEN_KEEPALIVE void scaling_ui_edit_end() {
    fields::edit_end();
    web::wake();
}

// Switches the view by name ("Frontier"); returns 0 for an unknown name.
EMSCRIPTEN_KEEPALIVE int scaling_ui_show(const char* view) {
    for (int v = 0; v < app::kViewCount; ++v)
        if (std::string(view ? view : "") == app::view_name(v)) {
            state().requested_view = v;
            web::wake();
            return 1;
        }
    return 0;
}

// The bootstrap draws, fetched by the page (web/api.js fetchDraws): the files still to fetch as a
// JSON array, then each file's text or why it could not be had. Bands made before are redone.
EMSCRIPTEN_KEEPALIVE const char* scaling_draws_files() {
    g_reply = "[";  // the names are the fixed ones of core/draws.cpp: nothing to escape
    for (const std::string& f : scaling::fetched_draws_files()) g_reply += (g_reply.size() > 1 ? ",\"" : "\"") + f + "\"";
    g_reply += "]";
    return g_reply.c_str();
}
EMSCRIPTEN_KEEPALIVE void scaling_draws_arrived(const char* file, const char* text) {
    if (scaling::provide_draws(file ? file : "", text ? text : "")) law_changed();
}
EMSCRIPTEN_KEEPALIVE void scaling_draws_failed(const char* file, const char* why) {
    if (scaling::provide_draws(file ? file : "", "", why && *why ? why : "unknown error")) law_changed();
}

}  // extern "C"

// [SECTION] main web code: the browser entry: Emscripten's GLFW + WebGL2 around app::frame, set up once.
// Stock library_glfw.js (Emscripten 3.1.6) needs fixes, each in its own file of web/: the canvas's
// size and pixels (canvas), pointer and keys (input_queue), fingers (pinch); the page's services
// are page and field_editor, the frame loop is frame_loop, and JavaScript calls c_api.
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
