// main_web.cpp: the browser entry: Emscripten's GLFW + WebGL2 around app::frame, with the fixes
// that stock library_glfw.js (Emscripten 3.1.6) needs, and the small C API JavaScript calls.
//
// Why not plain GLFW input: in 3.1.6 the canvas backing store equals its CSS size (blurry at
// devicePixelRatio > 1), a touch drag never moves the pointer, and glfwSetWindowSize to the screen
// size requests fullscreen and throws (TOOLCHAIN.md). So this file never calls glfwSetWindowSize;
// it sizes the canvas backing store to CSS size x DPR itself, takes pointer and touch from html5.h
// in CSS px, and after the backend's NewFrame sets DisplaySize (CSS px), DisplayFramebufferScale
// (the DPR) and the pointer. Fonts are rasterised at size x DPR and drawn at 1/DPR.
// Frames are drawn only for a while after an event: an idle page burns no battery.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "app.hpp"
#include "double_press.hpp"
#include "fields.hpp"
#include "core/draws.hpp"
#include "core/requests.hpp"
#include "gl_texture.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_internal.h"  // ClearActiveID: a paste replaces a text being edited
#include "imgui_impl_opengl3.h"
#include "plot.hpp"
#include "ui_probe.hpp"

namespace {

constexpr float kBodyPx = 16.0f;          // body text in CSS px
constexpr int kFramesAfterEvent = 30;     // ~0.5 s of frames after any input, for ImGui to settle
constexpr const char* kCanvas = "#canvas";

// Input is queued and trickled into ImGui one button change per frame: a click or a double click
// that happens entirely between two frames (common in tests, and on slow phones) is still seen as
// press, release, press, release. Keys and characters wait in the same queue, so text typed right
// after a click reaches the field the click focused. Moves between changes collapse into one.
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
};



// Two fingers on the canvas: pinch and pan, accumulated between frames and handed to the plot layer.
struct Pinch {
    bool tracking = false;     // two fingers down last event
    bool lifted_since = true;  // all fingers up since the last pinch: a lone finger may press again
    float last_dist = 0;
    ImVec2 last_centre;
    float scale = 1.0f;        // product of distance ratios since the last frame
    ImVec2 pan;                // centre movement since the last frame
    ImVec2 centre;
};

struct Web {
    GLFWwindow* window = nullptr;
    app::State state;
    app::Fonts fonts;
    Pointer ptr;
    Pinch pinch;
    float wheel_x = 0, wheel_y = 0;  // notches since the last frame (GLFW's wheel path in 3.1.6 is unreliable)
    float dpr = 0;          // device pixels per CSS px the fonts were built for
    int fb_w = 0, fb_h = 0; // canvas backing store, device px
    int frames_left = kFramesAfterEvent;
    long frames_drawn = 0;
    int quiet_frames = 0;   // frames drawn since anything last asked for frames (wake): see scaling_ui_settled
    std::vector<double> frame_ms;  // CPU time of recent drawn frames (UI + GL calls), for bench/pan-web.mjs
    std::string query;             // the state last written to the address bar
    bool touch_theme = false;      // 44 px targets in force (app::apply_theme)
    float reported_height = 0;     // embed: the content height last sent to the host page
    int saved_revision = 0;        // the state's work_revision last written to localStorage
    bool save_failed = false;      // the last write failed (storage full or off): said once
    fields::Spot editor_spot;      // where the phone-keyboard editor was last placed (web/api.js)
    std::string editor_text;       // the bound field's text when the editor opened
};
Web g;

void wake() {
    g.frames_left = kFramesAfterEvent;
    g.quiet_frames = 0;
}

// A pointer change at (x, y) CSS px; time_ms is the DOM event's timeStamp (ms since the page's
// time origin), which judges a press's pairing into a double press.
void push_pointer(float x, float y, int down, double time_ms) {
    auto& q = g.ptr.queue;
    if (down < 0 && !q.empty() && q.back().kind == InputEvent::Pointer && q.back().down < 0) {
        q.back().x = x;
        q.back().y = y;
        return;
    }
    const bool second = down == 1 && g.ptr.presses.press(time_ms, x, y);
    InputEvent e;
    e.x = x, e.y = y, e.down = down, e.double_press = second;
    q.push_back(e);
}

// GLFW's key and character callbacks, queued behind pointer events (see InputEvent).
void on_glfw_key(GLFWwindow*, int key, int scancode, int action, int mods) {
    wake();
    InputEvent e;
    e.kind = InputEvent::Key, e.key = key, e.scancode = scancode, e.action = action, e.mods = mods;
    g.ptr.queue.push_back(e);
}
void on_glfw_char(GLFWwindow*, unsigned int c) {
    wake();
    InputEvent e;
    e.kind = InputEvent::Char, e.codepoint = c;
    g.ptr.queue.push_back(e);
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    wake();
    if (e->button != 0 && type != EMSCRIPTEN_EVENT_MOUSEMOVE) return EM_FALSE;  // right/middle: GLFW's path
    g.ptr.touch = false;
    const int down = type == EMSCRIPTEN_EVENT_MOUSEDOWN ? 1 : type == EMSCRIPTEN_EVENT_MOUSEUP ? 0 : -1;
    push_pointer(static_cast<float>(e->targetX), static_cast<float>(e->targetY), down, e->timestamp);
    return EM_FALSE;  // let GLFW see it too (focus, keyboard routing)
}

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
    g.ptr.touch = true;
    if (down >= 2) {
        // A pinch: no press for ImGui (a drag must not also pan or move a slider), only the gesture.
        const ImVec2 centre((pts[0].x + pts[1].x) / 2, (pts[0].y + pts[1].y) / 2);
        const float dist = std::hypot(pts[0].x - pts[1].x, pts[0].y - pts[1].y);
        if (g.pinch.tracking && g.pinch.last_dist > 0 && dist > 0) {
            g.pinch.scale *= dist / g.pinch.last_dist;
            g.pinch.pan.x += centre.x - g.pinch.last_centre.x;
            g.pinch.pan.y += centre.y - g.pinch.last_centre.y;
        }
        g.pinch.tracking = true;
        g.pinch.lifted_since = false;
        // The finger that started the pinch pressed first: that press was not a tap.
        g.ptr.presses.forget_last_press();
        g.pinch.last_dist = dist;
        g.pinch.last_centre = g.pinch.centre = centre;
        push_pointer(centre.x, centre.y, 0, e->timestamp);  // release the first finger's press
        return EM_TRUE;
    }
    g.pinch.tracking = false;
    if (down == 0) g.pinch.lifted_since = true;
    if (!g.pinch.lifted_since) return EM_TRUE;  // the last finger of a pinch: not a new press

    ImVec2 at = pts[0];
    if (down == 0)
        for (int i = 0; i < e->numTouches; ++i)
            if (e->touches[i].isChanged) at = ImVec2(static_cast<float>(e->touches[i].targetX), static_cast<float>(e->touches[i].targetY));
    push_pointer(at.x, at.y, type == EMSCRIPTEN_EVENT_TOUCHSTART ? 1 : ending ? 0 : -1, e->timestamp);
    // A lifted finger leaves no hover behind: once the release is seen, the pointer goes away.
    if (ending) push_pointer(-FLT_MAX, -FLT_MAX, -1, e->timestamp);
    return EM_TRUE;  // preventDefault: no synthetic mouse events, no page scroll or zoom
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    wake();
    // One notch: 100 px, 3 lines or a page, depending on how the browser reports it.
    const float per_notch = e->deltaMode == DOM_DELTA_PIXEL ? 100.0f : e->deltaMode == DOM_DELTA_LINE ? 3.0f : 1.0f;
    g.wheel_x -= static_cast<float>(e->deltaX) / per_notch;
    g.wheel_y -= static_cast<float>(e->deltaY) / per_notch;
    return EM_TRUE;  // the app scrolls or zooms; the page must not
}

EM_BOOL on_other(int, const void*, void*) {
    wake();
    return EM_FALSE;
}

void build_fonts(float dpr) {
    g.fonts = app::load_fonts("/fonts", kBodyPx, dpr);
    g.dpr = dpr;
}

// Keeps the backing store at CSS size x DPR; rebuilds the font atlas when the DPR changes
// (browser zoom, moving the window to another screen).
void fit_canvas(double* css_w, double* css_h) {
    emscripten_get_element_css_size(kCanvas, css_w, css_h);
    const float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    const int w = static_cast<int>(std::lround(*css_w * dpr));
    const int h = static_cast<int>(std::lround(*css_h * dpr));
    if (w != g.fb_w || h != g.fb_h) {
        emscripten_set_canvas_element_size(kCanvas, w, h);
        g.fb_w = w;
        g.fb_h = h;
        wake();
    }
    if (dpr != g.dpr) {
        build_fonts(dpr);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        wake();
    }
}

// Plot exports become browser downloads (web/api.js): CSV as text, PNG cut from the canvas.
void fulfil_exports() {
    auto& queue = plot::PendingExports();
    for (const plot::ExportRequest& r : queue) {
        if (r.kind == plot::ExportRequest::Csv) {
            EM_ASM({ Module["downloadText"](UTF8ToString($0) + ".csv", UTF8ToString($1), "text/csv"); },
                   r.name.c_str(), r.csv.c_str());
        } else if (r.kind == plot::ExportRequest::Json) {
            EM_ASM({ Module["downloadText"](UTF8ToString($0) + ".json", UTF8ToString($1), "application/json"); },
                   r.name.c_str(), r.csv.c_str());
        } else {
            const float s = g.dpr;
            EM_ASM({ Module["downloadCanvasRegion"](UTF8ToString($0) + ".png", $1, $2, $3, $4); }, r.name.c_str(),
                   std::floor(r.rect.x * s), std::floor(r.rect.y * s), std::ceil((r.rect.z - r.rect.x) * s),
                   std::ceil((r.rect.w - r.rect.y) * s));
        }
    }
    queue.clear();
}

void draw_frame();

// A string from the page: 0 the address without its query or fragment (file:// too), 1 the query.
std::string page_text(int which) {
    char* p = reinterpret_cast<char*>(static_cast<intptr_t>(
        EM_ASM_INT({ return stringToNewUTF8($0 == 0 ? location.href.split(/[?#]/)[0] : location.search); }, which)));
    std::string out = p ? p : "";
    std::free(p);
    return out;
}

// The page around the app: the address bar follows the state (replaceState: no history entry per
// edit), an embedded view tells its host how tall it is, and copy / open requests become page
// actions (web/api.js).
void sync_page() {
    std::string query = app::query_of(g.state);
    if (g.state.embed) query = "embed=1&" + query;
    if (query != g.query) {
        g.query = query;
        EM_ASM({ Module["setQuery"](UTF8ToString($0)); }, query.c_str());
        // The settings are part of the saved work (a visit without a link comes back to them); an
        // embedded view is someone else's page and leaves them alone.
        if (!g.state.embed) ++g.state.work_revision;
    }
    if (g.state.embed && std::fabs(g.state.content_height - g.reported_height) >= 1) {
        g.reported_height = g.state.content_height;
        EM_ASM({ Module["reportHeight"]($0); }, static_cast<double>(g.state.content_height));
    }
    if (!g.state.request_copy.empty()) {
        EM_ASM({ Module["copyText"](UTF8ToString($0)); }, g.state.request_copy.c_str());
        g.state.request_copy.clear();
        wake();  // "Link copied" shows for a moment, then the label returns
        emscripten_async_call([](void*) { wake(); }, nullptr, 1600);
    }
    if (!g.state.request_open.empty()) {
        EM_ASM({ Module["openPage"](UTF8ToString($0)); }, g.state.request_open.c_str());
        g.state.request_open.clear();
    }
    // The phone-keyboard editor follows its field (scrolling, a keyboard resizing the page) and
    // closes when the field is gone (another view).
    if (fields::editing()) {
        fields::Spot s;
        if (!fields::bound_spot(&s)) {
            fields::edit_end();
            EM_ASM({ Module["closeEditor"](); });
        } else if (s.x != g.editor_spot.x || s.y != g.editor_spot.y || s.w != g.editor_spot.w || s.h != g.editor_spot.h) {
            g.editor_spot = s;
            EM_ASM({ Module["placeEditor"]($0, $1, $2, $3); }, s.x, s.y, s.w, s.h);
        }
    }
}

// Writes the user's work to localStorage when it changed (web/api.js Module.saveWork). Every
// change is written at once: a reload or a closed tab a moment later loses nothing.
void save_work() {
    if (g.state.work_revision == g.saved_revision) return;
    g.saved_revision = g.state.work_revision;
    scaling::SavedWork work = app::work_of(g.state);
    if (g.state.embed) work.settings = g.state.restored_settings;  // someone else's page: not the user's settings
    const std::string json = scaling::saved_work_json(work);
    const int ok = EM_ASM_INT({ return Module["saveWork"](UTF8ToString($0), UTF8ToString($1)); },
                              scaling::kSavedWorkKey, json.c_str());
    if (!ok && !g.save_failed)
        g.state.work_notice = "This browser would not keep your work (storage is off or full): use \"Save my work\" "
                              "in the Fit view to keep it as a file.";
    g.save_failed = !ok;
}

void frame() {
    const double t0 = emscripten_get_now();
    const long before = g.frames_drawn;
    draw_frame();
    if (g.frames_drawn != before) {
        if (g.frame_ms.size() >= 600) g.frame_ms.erase(g.frame_ms.begin(), g.frame_ms.begin() + 300);
        g.frame_ms.push_back(emscripten_get_now() - t0);
    }
}

void draw_frame() {
    double css_w = 0, css_h = 0;
    fit_canvas(&css_w, &css_h);
    ImGuiIO& io = ImGui::GetIO();
    if (g.frames_left <= 0 && !io.WantTextInput) return;  // idle: nothing changed, nothing to draw
    --g.frames_left;

    // Phones and tablets (a coarse pointer) or any screen 480 CSS px wide or less: the touch theme,
    // with 44 px targets. Re-decided on every drawn frame, so rotating or resizing switches it.
    const bool touch = css_w <= 480 || EM_ASM_INT({ return matchMedia('(pointer: coarse)').matches ? 1 : 0; });
    if (touch != g.touch_theme) {
        g.touch_theme = touch;
        app::apply_theme(kBodyPx, touch);
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    io.DisplaySize = ImVec2(static_cast<float>(css_w), static_cast<float>(css_h));
    io.DisplayFramebufferScale = ImVec2(g.dpr, g.dpr);
    // Apply queued events up to the next button or key change. A button change waits a frame when
    // the pointer moved before it, so ImGui sees the move (a drag's end, a hover before a click)
    // with the old button state first.
    bool moved = false;
    while (!g.ptr.queue.empty()) {
        const InputEvent e = g.ptr.queue.front();
        const bool button_change = e.kind == InputEvent::Pointer && e.down >= 0 && (e.down == 1) != g.ptr.down;
        if (button_change && moved && (e.x != g.ptr.x || e.y != g.ptr.y)) break;
        // A press waits until the pointer has rested a frame where it lands: items that allow
        // overlap (tabs, the plot's surface) take a press only when they were hovered the frame
        // before as well, and a fast click (move, down, up at once) would otherwise miss them.
        // (Mouse only for now: with touch the extra frame upset double-tap timing under load.)
        if (button_change && e.down == 1 && !g.ptr.touch && (moved || g.ptr.still_frames < 1)) break;
        g.ptr.queue.pop_front();
        if (e.kind == InputEvent::Key) {
            // One key transition per frame too: ImGui 1.86 reads keys as state, so a press and its
            // release in the same frame (a fast Enter) would never be seen.
            ImGui_ImplGlfw_KeyCallback(g.window, e.key, e.scancode, e.action, e.mods);
            break;
        }
        if (e.kind == InputEvent::Char) {
            ImGui_ImplGlfw_CharCallback(g.window, e.codepoint);
            continue;
        }
        if (e.kind == InputEvent::Paste) {
            // The system clipboard reaches the page only as a DOM paste event (GLFW's clipboard in
            // 3.1.6 is internal). Pasted runs replace the Fit view's table whole; elsewhere the
            // text is typed into the focused field.
            if (g.state.view == app::kFit) {
                ImGui::ClearActiveID();
                g.state.fit_text = e.text;
                ++g.state.work_revision;
            } else {
                ImGui::GetIO().AddInputCharactersUTF8(e.text.c_str());
            }
            break;
        }
        moved = moved || e.x != g.ptr.x || e.y != g.ptr.y;
        g.ptr.x = e.x;
        g.ptr.y = e.y;
        if (button_change) {
            g.ptr.down = e.down == 1;
            g.ptr.double_now = e.double_press;
            break;
        }
    }
    g.ptr.still_frames = moved ? 0 : g.ptr.still_frames + 1;
    if (!g.ptr.queue.empty()) wake();  // more to trickle in next frame
    io.MousePos = ImVec2(g.ptr.x, g.ptr.y);
    io.MouseDown[0] = g.ptr.down;
    io.MouseWheel = g.wheel_y;
    io.MouseWheelH = g.wheel_x;
    g.wheel_x = g.wheel_y = 0;
    g.state.touch_scroll = g.ptr.touch;
    if (g.pinch.scale != 1.0f || g.pinch.pan.x != 0 || g.pinch.pan.y != 0) {
        plot::FeedGesture({true, g.pinch.centre, g.pinch.scale, g.pinch.pan});
        g.pinch.scale = 1.0f;
        g.pinch.pan = ImVec2(0, 0);
    }

    if (g.state.request_open_file) {
        g.state.request_open_file = false;
        EM_ASM({ Module["openRunsFile"](); });  // web/api.js: a file picker, then scaling_ui_load_runs
    }
    ImGui::NewFrame();
    if (g.state.busy) wake();  // a fit running over frames: keep drawing until it ends
    // Double clicks are ours alone (see Pointer): ImGui's own test, on frame times and a 6 px radius,
    // would split a double tap over slow frames and pair a pinch's first finger with the tap after it.
    double_press::to_imgui(io, g.ptr.double_now);
    g.ptr.double_now = false;
    app::frame(g.state, g.fonts);
    ImGui::Render();
    save_work();
    sync_page();
    // Bootstrap draws a band asked for and the app does not carry (core/draws.hpp): the page fetches
    // them beside itself (web/api.js) and hands them to scaling_draws_arrived.
    for (const std::string& file : scaling::take_wanted_draws())
        EM_ASM({ Module["fetchDraws"](UTF8ToString($0)); }, file.c_str());

    glViewport(0, 0, g.fb_w, g.fb_h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    fulfil_exports();  // a PNG needs this frame's pixels, before the browser presents them
    ++g.quiet_frames;
    if (++g.frames_drawn == 1) {
        EM_ASM({ if (Module["onFirstFrame"]) Module["onFirstFrame"](); });
    }
}

std::string g_reply;  // the last answer handed to JavaScript (ccall copies it at once)

}  // namespace

// [SECTION] C API for JavaScript (web/api.js). Prefix scaling_. Strings in, JSON out.
extern "C" {

// One entry for every command: "optimal", "loss", "laws"; arguments as a JSON object of strings.
EMSCRIPTEN_KEEPALIVE const char* scaling_call(const char* command, const char* args_json) {
    g_reply = scaling::call_json(command ? command : "", args_json ? args_json : "{}");
    return g_reply.c_str();
}

// The command table (core/commands.hpp): names, JS names and inputs, which api.js makes its methods from.
EMSCRIPTEN_KEEPALIVE const char* scaling_commands() {
    g_reply = scaling::commands_json_text();
    return g_reply.c_str();
}

// What the UI drew last frame: named rects and texts (tests find widgets by name, not pixels).
EMSCRIPTEN_KEEPALIVE const char* scaling_ui_probe() {
    g_reply = ui_probe::to_json();
    return g_reply.c_str();
}

EMSCRIPTEN_KEEPALIVE double scaling_ui_frames() { return static_cast<double>(g.frames_drawn); }
// 1 when the app has caught up: every input event is applied and two frames have been drawn since
// anything last asked for frames (ImGui settles hover and sizes a frame late), so the screen shows
// the result of all input so far; else 0. Tests wait for this instead of sleeping a fixed time.
EMSCRIPTEN_KEEPALIVE int scaling_ui_settled() { return g.ptr.queue.empty() && g.quiet_frames >= 2 ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE double scaling_ui_flops() { return g.state.flops; }

// Recent frames' CPU time: {"n":..,"median":..,"p95":..} in ms; clears the record.
EMSCRIPTEN_KEEPALIVE const char* scaling_ui_frame_stats() {
    std::vector<double> v = g.frame_ms;
    g.frame_ms.clear();
    std::sort(v.begin(), v.end());
    char buf[128];
    std::snprintf(buf, sizeof buf, "{\"n\":%zu,\"median\":%.3f,\"p95\":%.3f}", v.size(),
                  v.empty() ? 0.0 : v[v.size() / 2], v.empty() ? 0.0 : v[v.size() * 95 / 100]);
    g_reply = buf;
    return g_reply.c_str();
}

// Text pasted into the page (web/api.js forwards the DOM paste event), queued like typing.
EMSCRIPTEN_KEEPALIVE void scaling_ui_paste(const char* text) {
    InputEvent e;
    e.kind = InputEvent::Paste;
    e.text = text ? text : "";
    g.ptr.queue.push_back(std::move(e));
    wake();
}

// A file's text for the Fit view (from the picker in web/api.js): runs, or saved work.
EMSCRIPTEN_KEEPALIVE void scaling_ui_load_runs(const char* text) {
    ImGui::ClearActiveID();
    app::open_text(g.state, text ? text : "");
    wake();
}

// The saved work from localStorage at start-up (web/api.js Module.loadWork). An entry that cannot
// be read is set aside under "<key>.set-aside", with a notice, and the app starts fresh.
EMSCRIPTEN_KEEPALIVE void scaling_ui_restore_work(const char* text) {
    const scaling::Result<scaling::SavedWork> w = scaling::parse_saved_work(text ? text : "");
    if (w.ok()) {
        app::restore_work(g.state, w.value);
        g.saved_revision = g.state.work_revision;  // what is stored is what was just read
    } else {
        EM_ASM({ Module["setAsideWork"](UTF8ToString($0)); }, scaling::kSavedWorkKey);
        g.state.work_notice = "Your saved work from an earlier visit could not be read (" + w.error +
                              "). It was kept aside in this browser's storage as \"" + scaling::kSavedWorkKey +
                              ".set-aside\", and the explorer started fresh.";
    }
    wake();
}

// Fit view options for tests and hosts: "exclude" (highest-loss runs left out), "bootstrap".
EMSCRIPTEN_KEEPALIVE void scaling_ui_set_fit_option(const char* name, int value) {
    const std::string n = name ? name : "";
    if (n == "exclude") g.state.fit_exclude = value;
    if (n == "bootstrap") g.state.fit_bootstrap = value;
    ++g.state.work_revision;
    wake();
}

// The phone-keyboard editor (web/api.js): a tap at (x, y) CSS px on the canvas. When a field lies
// there, binds it and returns "kind x y w h" (kind 0 a number, 1 lines of runs); else "".
EMSCRIPTEN_KEEPALIVE const char* scaling_ui_edit_at(double x, double y) {
    fields::Spot s;
    g_reply.clear();
    if (fields::edit_at(static_cast<float>(x), static_cast<float>(y), &s, &g.editor_text)) {
        g.editor_spot = s;
        char buf[128];
        std::snprintf(buf, sizeof buf, "%d %.2f %.2f %.2f %.2f", s.kind == fields::Kind::Lines ? 1 : 0, s.x, s.y, s.w, s.h);
        g_reply = buf;
        wake();
    }
    return g_reply.c_str();
}
// The bound field's text when the editor opened.
EMSCRIPTEN_KEEPALIVE const char* scaling_ui_edit_current() { return g.editor_text.c_str(); }
// What the editor holds now (on every keystroke), and its closing.
EMSCRIPTEN_KEEPALIVE void scaling_ui_edit_text(const char* text) {
    fields::edit_text(text ? text : "");
    wake();
}
EMSCRIPTEN_KEEPALIVE void scaling_ui_edit_end() {
    fields::edit_end();
    wake();
}

// Switches the view by name ("Frontier"); returns 0 for an unknown name.
EMSCRIPTEN_KEEPALIVE int scaling_ui_show(const char* view) {
    for (int v = 0; v < app::kViewCount; ++v)
        if (std::string(view ? view : "") == app::view_name(v)) {
            g.state.requested_view = v;
            wake();
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
    if (!scaling::provide_draws(file ? file : "", text ? text : "")) return;
    ++g.state.law_revision;
    wake();
}
EMSCRIPTEN_KEEPALIVE void scaling_draws_failed(const char* file, const char* why) {
    if (!scaling::provide_draws(file ? file : "", "", why && *why ? why : "unknown error")) return;
    ++g.state.law_revision;
    wake();
}

}  // extern "C"

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
    g.window = glfwCreateWindow(static_cast<int>(css_w), static_cast<int>(css_h), "Scaling Explorer", nullptr, nullptr);
    if (!g.window) return 1;
    glfwMakeContextCurrent(g.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // no file system to save layout to; state goes in the URL later
    // Callbacks of our own: keys and characters are queued (see InputEvent); focus goes straight
    // through; mouse, touch and wheel come from html5.h.
    ImGui_ImplGlfw_InitForOpenGL(g.window, false);
    glfwSetKeyCallback(g.window, on_glfw_key);
    glfwSetCharCallback(g.window, on_glfw_char);
    glfwSetWindowFocusCallback(g.window, ImGui_ImplGlfw_WindowFocusCallback);
    glfwSetCursorEnterCallback(g.window, ImGui_ImplGlfw_CursorEnterCallback);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    app::apply_theme(kBodyPx);
    plot::SetTextureUploader(gl_texture::upload);
    build_fonts(static_cast<float>(emscripten_get_device_pixel_ratio()));  // the backend uploads it on its first frame

    emscripten_set_mousedown_callback(kCanvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_mouse);
    emscripten_set_mousemove_callback(kCanvas, nullptr, EM_FALSE, on_mouse);
    emscripten_set_touchstart_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchmove_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchend_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_touchcancel_callback(kCanvas, nullptr, EM_FALSE, on_touch);
    emscripten_set_wheel_callback(kCanvas, nullptr, EM_FALSE, on_wheel);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE,
                                    [](int t, const EmscriptenKeyboardEvent* e, void* u) { return on_other(t, e, u); });
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE,
                                  [](int t, const EmscriptenKeyboardEvent* e, void* u) { return on_other(t, e, u); });
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE,
                                   [](int t, const EmscriptenUiEvent* e, void* u) { return on_other(t, e, u); });

    // Saved work first, then the link: the link says what to show, the saved work what the user made.
    EM_ASM({ Module["loadWork"](UTF8ToString($0)); }, scaling::kSavedWorkKey);
    {
        g.state.page_url = page_text(0);
        const std::vector<std::string> notices = app::apply_query(g.state, page_text(1));
        std::string text;
        for (const std::string& n : notices) text += (text.empty() ? "" : "; ") + n;
        if (!text.empty()) g.state.link_notice = "Parts of the link were not used: " + text + ".";
    }
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
