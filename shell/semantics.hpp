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
//                          action "set" with the new text
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

namespace sem {

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
