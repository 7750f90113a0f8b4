// field_editor.hpp: the phone's own keyboard for the app's fields. A canvas cannot open it, an
// HTML input can: a tap on a field lays an input over it (web/api.js), bound to the field
// (shell/fields.hpp). This side finds the field under a tap and keeps the input over its field.
#pragma once
#include <string>

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
