// field_editor.cpp: where the phone-keyboard editor stands, kept over the field it edits.
#include "field_editor.hpp"

#include <emscripten.h>

#include <cstdio>

#include "fields.hpp"

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
