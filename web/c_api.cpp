// c_api.cpp: the C functions JavaScript calls (web/api.js), all prefixed scaling_. Strings in, JSON
// or plain text out. The core's commands for the page's API, and for tests and embedding hosts the
// app's state, its input from the page (paste, files, saved work, the phone-keyboard editor) and
// the bootstrap draws the page fetched.
#include <emscripten.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "canvas.hpp"
#include "core/draws.hpp"
#include "core/requests.hpp"
#include "field_editor.hpp"
#include "fields.hpp"
#include "frame_loop.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // ClearActiveID: a file's runs replace a text being edited
#include "input_queue.hpp"
#include "page.hpp"
#include "semantics.hpp"
#include "ui_probe.hpp"

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

// The DOM layer over the canvas (web/semantics.js): an action on a node of the published tree
// ("press", "set", "choose", "engage", "release", with its value), and where the DOM's focus is
// ("" none). Both are applied when the app next draws that widget.
EMSCRIPTEN_KEEPALIVE void scaling_ui_act(const char* id, const char* action, const char* value) {
    sem::act(id ? id : "", action ? action : "", value ? value : "");
    web::wake();
}
EMSCRIPTEN_KEEPALIVE void scaling_ui_focus(const char* id) {
    sem::focus(id ? id : "");
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
EMSCRIPTEN_KEEPALIVE void scaling_bold_font_arrived() { web::canvas::refont(); }
EMSCRIPTEN_KEEPALIVE void scaling_draws_failed(const char* file, const char* why) {
    if (scaling::provide_draws(file ? file : "", "", why && *why ? why : "unknown error")) law_changed();
}

}  // extern "C"
