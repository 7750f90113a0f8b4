// fields.hpp: the app's text fields, and the hook that lets a phone edit them with its own keyboard.
//
// A canvas cannot open a phone's keyboard; an HTML input can. So every field records where it was
// drawn, and the web entry (web/field_editor, web/api.js), on a finger's tap, asks which field lies
// under the tap, lays an HTML input over it (numeric keyboard for numbers) and streams what is typed
// back here. While bound, the field is drawn as a plain box under the input and takes its text from
// the input; everything else (validation, the message under the field, the permalink) is unchanged.
// On the desktop nothing is bound and these are ImGui's own fields.
#pragma once
#include <cstddef>
#include <string>

#include "imgui.h"

namespace fields {

enum class Kind { Number, Lines };  // a one-line numeric entry; a multi-line table of runs

// ImGui::InputTextWithHint with the hook above; true when the text changed this frame.
bool text(const char* id, const char* hint, char* buf, std::size_t size, ImGuiInputTextFlags flags = 0);
// The same on a std::string: the text as long as it is typed.
bool text(const char* id, const char* hint, std::string* text, ImGuiInputTextFlags flags = 0);
// ImGui::InputTextMultiline on a std::string, with the hook; `name` is what a screen reader calls it.
bool lines(const char* id, std::string* text, ImVec2 size, const char* name = "Runs");

// Once per frame, before any field is drawn (app::frame).
void new_frame();

// Where a field was drawn, in display coordinates (CSS px on the web).
struct Spot {
    ImGuiID id = 0;
    float x = 0, y = 0, w = 0, h = 0;
    Kind kind = Kind::Number;
};

// The external editor, between frames. edit_at binds the field under (x, y) in the last frame, if
// it is on top there (not under a popup), and gives its place and current text.
bool edit_at(float x, float y, Spot* spot, std::string* current);
void edit_text(const std::string& text);  // the editor's whole text: applied at the next frame
void edit_end();                          // the editor closed; the field is ImGui's again
bool editing();
// After a frame: where the bound field is now; false when it was not drawn (the view changed).
bool bound_spot(Spot* spot);

}  // namespace fields
