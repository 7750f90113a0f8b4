// input_queue.cpp: the queue of pointer, key, character and paste events, and how much of it one
// frame applies.
#include "input_queue.hpp"

#include <GLFW/glfw3.h>
#include <emscripten/html5.h>

#include <cfloat>
#include <deque>

#include "canvas.hpp"
#include "double_press.hpp"
#include "explorer.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_internal.h"  // ClearActiveID: a paste replaces a text being edited
#include "semantics.hpp"

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

// Positions are the viewport's (clientX/Y), which are the canvas's: it is fixed at the viewport's top
// left (web/app.css). Not targetX/Y: a press may land on a text of the DOM layer over the canvas
// (web/semantics.js), which is the app as well; nor canvasX/Y, which Emscripten 3.1.6 leaves at 0
// (DISABLE_DEPRECATED_FIND_EVENT_TARGET_BEHAVIOR).
EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    wake();
    if (e->button != 0 && type != EMSCRIPTEN_EVENT_MOUSEMOVE) return EM_FALSE;  // right/middle: GLFW's path
    g.touch = false;
    const int down = type == EMSCRIPTEN_EVENT_MOUSEDOWN ? 1 : type == EMSCRIPTEN_EVENT_MOUSEUP ? 0 : -1;
    const float x = static_cast<float>(e->clientX), y = static_cast<float>(e->clientY);
    push_pointer(x, y, down, e->timestamp);
    // A press on what the app drags (a slider, a figure) must not also start a text selection in
    // the DOM layer; anywhere else the browser's default stays (focus moves, a text selection starts).
    return down == 1 && sem::drag_at(x, y) ? EM_TRUE : EM_FALSE;
}

// The wheel is the page's (it scrolls the document, or embedded the host's) unless the app claims
// it there: over a figure that was engaged, or with Ctrl/Cmd held over a figure (sem::wheel_at).
// Otherwise it is not forwarded, so a page scrolling past a figure never zooms it.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    wake();  // wheel_at may show how to zoom for a moment
    const EmscriptenMouseEvent& m = e->mouse;
    if (!sem::wheel_at(static_cast<float>(m.clientX), static_cast<float>(m.clientY), m.ctrlKey || m.metaKey)) return EM_FALSE;
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
    // Presses and the wheel on the app: the canvas, and the DOM layer over it (canvas::kLayerSelector),
    // whose texts take the pointer for selection. Moves anywhere (hover under a text too); releases
    // anywhere, so a drag that leaves the window ends.
    for (const char* target : {canvas::kSelector, canvas::kLayerSelector}) {
        emscripten_set_mousedown_callback(target, nullptr, EM_FALSE, on_mouse);
        emscripten_set_wheel_callback(target, nullptr, EM_FALSE, on_wheel);
    }
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, on_mouse);
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
