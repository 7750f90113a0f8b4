// semantics.hpp: what is on screen, as a tree a screen reader, a keyboard and the browser's find can
// use. Dear ImGui draws pixels and has no accessibility of its own (ocornut/imgui#4122, #8022), so,
// as Flutter's web engine does for its canvas (a semantics tree mirrored as ARIA DOM nodes) and PhET
// for its simulations (a "parallel DOM"), the app publishes a tree of its widgets and texts, and the
// web entry lays matching DOM nodes over the canvas (web/semantics.js). The DOM is the focus and text
// layer; ImGui still draws.
//
// During a frame the widgets (shell/widgets, controls, fields, plot) add nodes with their role, name,
// value and rectangle; the texts a view draws are caught from ImGui's own text logging, so every
// number on screen is in the tree without each view saying so. After the frame the tree is compared
// with the last one published and handed to the platform only when it changed.
//
// The published JSON (one object):
//   {"rev": n, "height": content height, "focus": "id" or "", "nodes": [node, ...]}
//   node: {"id": "...", "role": "...", "name": "...", "x","y","w","h" (CSS px in the page, i.e.
//          already including the page's scroll), optional fields by role, "children": [node, ...]}
//   roles and their fields:
//     header, nav, main    landmarks (children)
//     section              a card: "name" is its heading's text (children)
//     heading              "name", "level" (1 the title, 2 a card's heading, 3 a sub-heading)
//     text                 "name" is the text; "live": true for an answer worth announcing
//     button               "name"; "pressed": bool for a toggle; action "press"
//     tab                  "name", "selected": bool; action "press" opens the view
//     textbox              "name" (label), "value" (its text), "unit", "desc" (help), "error";
//                          "multiline": true for a table of runs; action "set" with the new text
//     select               "name", "options": [names], "index": n; action "choose" with the index
//     slider               "name", "min", "max", "step", "now" (numbers), "valuetext"; action "set"
//                          with a number; "drag": true
//     checkbox             "name", "checked": bool; action "press"
//     table                "name" (caption), "header": [cells], "rows": [[cells], ...]
//     figure               "name" (its title), "summary" (one sentence), "csv" (its data), "engaged":
//                          bool (it takes the wheel); "drag": true; actions "engage", "release"
//   "drag": true marks where a finger's drag belongs to the app, not to the page's scroll.
#pragma once
#include <string>
#include <vector>

#include "imgui.h"

namespace sem {

// [SECTION] The frame (app::frame)
// After the app window's Begin: starts the tree and catching texts. `page_y` is how far the page is
// scrolled (added to every rectangle, so the tree does not change as the page scrolls).
void begin_frame(float page_y);
// Texts in `bold` are headings (a card's title, a group's name within it): the views draw them so.
void set_heading_font(ImFont* bold);
// Before the app window's End: stops catching texts and builds the tree.
void end_frame();
// The tree's JSON when it differs from the last one taken, else "" (Platform::publish_semantics).
std::string take_changed();

// [SECTION] Nodes (the widgets and views, during a frame)
// Landmarks ("header", "nav", "main") and cards ("section", named by their first heading).
void group_begin(const char* role);
void group_end();
// The item just drawn becomes a heading; its text is no longer loose text.
void heading(const std::string& text, int level);
// The texts drawn since mark() become one text node with this wording (a caption and its value as
// one sentence); `live` for an answer announced when it changes.
size_t mark();
void text_since(size_t mark, const std::string& text, bool live);
// The item just drawn is a button (or "tab"; state 0/1 its aria-selected/pressed, -1 none): true
// when the DOM pressed it, so the caller acts as on a click.
bool button(const std::string& name, const char* role = "button", int state = -1);
bool checkbox(const std::string& name, bool* value);
// The text field just drawn (fields::text registers it; callers name and describe it).
void textbox(const std::string& name, const std::string& value, bool multiline = false);
void describe_last(const std::string& name, const std::string& unit, const std::string& help, const std::string& error);
// A text the DOM typed into field `id` (before the field is drawn); true when there is one.
bool take_text(ImGuiID id, std::string* text);
// The combo `id` drawn at (min, max) (given, since an open combo's list is the last item): the
// index the DOM chose, or -1.
int select_at(ImGuiID id, ImVec2 min, ImVec2 max, const std::string& name, const std::vector<std::string>& options,
              int index);
// The slider just drawn: true and *value when the DOM moved it.
bool slider(const std::string& name, double min, double max, double step, double now, const std::string& valuetext,
            double* value);
// The figure whose plot area is the item `area`, (min, max) all of it; *engaged follows the DOM
// (engage/release) and is shown. True while a wheel hint is due (the wheel came without a click).
bool figure(ImGuiID area, const std::string& name, ImVec2 min, ImVec2 max, const std::string& summary,
            const std::string& csv, bool* engaged);
// A tooltip (as ImGui::SetTooltip), shown after the tree is built: ending a tooltip's window would
// end ImGui's log mid-frame and lose the texts after it.
void tooltip(const char* fmt, ...) IM_FMTARGS(1);
// The item just drawn says nothing more than what is around it (a field's label drawn above it).
void claim_last();

// [SECTION] Between frames: what the entry calls (web/c_api.cpp, web/pinch.cpp, web/input_queue.cpp)
// A DOM node asks for an action on the node `id` ("press", "set", "choose", "engage", "release");
// applied when that widget is drawn in the next frame.
void act(const std::string& id, const std::string& action, const std::string& value);
// The DOM's focus moved to `id` ("" none): the app draws its focus ring around that widget.
void focus(const std::string& id);
// Whether (x, y), in canvas CSS px of the last frame, lies on something a finger drags (a slider, a
// figure): a touch starting there is the app's; anywhere else the page scrolls.
bool drag_at(float x, float y);
// Whether the wheel at (x, y) belongs to the app: over a figure that was clicked (engaged) or with
// Ctrl/Cmd held over a figure. When false over a figure, it shows how to zoom for a moment.
bool wheel_at(float x, float y, bool ctrl);

}  // namespace sem
