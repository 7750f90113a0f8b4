// widgets.hpp: the few composite widgets the views share (cards, headline numbers, wrapped chips).
// All sizes derive from the current font size, never fixed pixels, so DPI, zoom and phones scale alike.
#pragma once
#include <string>

#include "imgui.h"
#include "semantics.hpp"

namespace widgets {

// A white rounded panel around whatever is submitted between begin and end, `width` wide.
// Height follows the content (drawn behind it on a lower draw-list channel).
void card_begin(float width);
void card_end();

// A small dim caption over a large number, as a group of `width`.
void stat(const char* caption, const char* value, ImFont* caption_font, ImFont* value_font, float width);

// Text in the theme's dim colour, wrapped at the current wrap position.
void dim_text_wrapped(const char* text);
// A caution the user must read (extrapolation, an erratum, a fit short of its minimum), in the
// warning colour, wrapped.
void warning_text(const char* text);
// A heading line in `bold`; a note (formula, sources, caveats) in `small`, dim and wrapped.
void heading(ImFont* bold, const char* text);
void note(ImFont* small, const char* text);
// Headline numbers in a row, `per_row` to a line across `width`: caption over value, each recorded
// for tests under names[i] (ui_probe).
void stat_row(const char* const* captions, const std::string* values, const char* const* names, int count, int per_row,
              float width, ImFont* caption_font, ImFont* value_font);

// Touch screens: small buttons become full-height buttons (44 CSS px with the touch theme), since
// a finger needs that much to hit them. Set by app::apply_theme.
void set_touch(bool touch);
bool touch();
bool small_button(const char* label);
// A full-size button (ImGui::Button) with its node in the semantic tree: true on a click or Enter.
bool button(const char* label);
// A widget label's visible part (before "##"): its name in the semantic tree.
std::string visible(const char* label);

// Buttons laid out left to right, wrapping to a new line when the next would overflow.
// Call chip_row_begin with the row's width once, then chip() per button; true when pressed (a
// click, or Enter on its DOM node). `selected` >= 0 makes it a tab, selected or not.
void chip_row_begin(float width);
bool chip(const char* label, int selected = -1);

// Theme colours used outside ImGui's style table.
ImU32 col_card();
ImU32 col_card_border();
ImVec4 col_dim();
ImVec4 col_error();
ImVec4 col_warning();
ImVec4 col_accent();

}  // namespace widgets
