// field_editor.cpp: where the phone-keyboard editor stands, kept over the field it edits.
#include "field_editor.hpp"

#include <emscripten.h>

#include <cstdio>

#include "explorer.hpp"
#include "fields.hpp"

namespace web::field_editor {
namespace {

fields::Spot g_spot;   // where the editor was last placed, canvas CSS px
std::string g_text;    // the bound field's text when the editor opened

// Fields record where they were drawn in ImGui's space, which is the page's (app::frame: the window
// from the page's top, the display from its scroll down); the tap and the editor are the canvas's,
// fixed over the viewport. The page's scroll lies between them.
float page_y() { return explorer().state.handed.page_y; }
fields::Spot on_canvas(fields::Spot s) {
    s.y -= page_y();
    return s;
}

}  // namespace

std::string edit_at(double x, double y) {
    fields::Spot s;
    if (!fields::edit_at(static_cast<float>(x), static_cast<float>(y) + page_y(), &s, &g_text)) return "";
    g_spot = s = on_canvas(s);
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
        return;
    }
    s = on_canvas(s);
    if (s.x != g_spot.x || s.y != g_spot.y || s.w != g_spot.w || s.h != g_spot.h) {
        g_spot = s;
        EM_ASM({ Module["placeEditor"]($0, $1, $2, $3); }, s.x, s.y, s.w, s.h);
    }
}

}  // namespace web::field_editor
