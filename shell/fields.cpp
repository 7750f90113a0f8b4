// fields.cpp: text fields that an outside editor (the phone keyboard overlay) can take over.
#include "fields.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>

#define IMGUI_DEFINE_MATH_OPERATORS
#include "imgui_internal.h"  // ItemAdd/RenderFrame for the stand-in box, ClearActiveID, the window list
#include "imgui_stdlib.h"
#include "semantics.hpp"

namespace fields {
namespace {

struct Drawn {
    Spot spot;
    ImGuiWindow* root = nullptr;         // to tell whether a popup covers the field
    std::string text;                    // one-line fields: their text (short)
    const std::string* lines = nullptr;  // multi-line fields: the text lives in the app state
};

// Text from the editor for one field, applied when that field is next drawn.
struct Pending {
    ImGuiID id = 0;
    std::optional<std::string> text;
};

std::vector<Drawn> g_drawn;  // the fields of the frame being drawn (between frames: the last one)
ImGuiID g_bound = 0;         // the field the outside editor edits, 0 for none
Pending g_pending;           // the bound field's latest text
Pending g_closing;           // the last text of an editor that closed before a frame applied it
int g_closing_frames = 0;    // frames begun since the editor closed
bool g_bound_drawn = false;  // the bound field was drawn this frame
Spot g_bound_spot;

// Records the last item as a field, clipped to its window (a field scrolled half out of view can
// be tapped only where it shows).
// It is also the field's node in the semantic tree, named by its hint until the caller names it.
void record(ImGuiID id, Kind kind, const char* text, const std::string* lines, const char* hint) {
    sem::textbox(hint ? hint : "", lines ? *lines : std::string(text ? text : ""), lines != nullptr);
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    r.ClipWith(w->ClipRect);
    if (r.GetWidth() <= 0 || r.GetHeight() <= 0) return;
    Drawn d;
    d.spot = {id, r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight(), kind};
    d.root = w->RootWindow;
    if (text) d.text = text;
    d.lines = lines;
    if (id == g_bound) {
        g_bound_drawn = true;
        g_bound_spot = d.spot;
    }
    g_drawn.push_back(std::move(d));
}

// The editor's text for this field, if any arrived since the last frame.
std::optional<std::string> take(ImGuiID id) {
    for (Pending* p : {&g_closing, &g_pending})
        if (p->id == id && p->text) {
            std::optional<std::string> t = std::move(p->text);
            *p = Pending{};
            return t;
        }
    // Or what was typed into the field's DOM node (the keyboard and screen-reader layer).
    std::string typed;
    if (sem::take_text(id, &typed)) return typed;
    return std::nullopt;
}

// The bound field, drawn as a plain box (the HTML input lies on top of it): no ImGui editing, so
// the tap that opened the editor does not also start ImGui's. Keeps the field in view when the
// phone's keyboard shrinks the page.
void draw_bound(ImGuiID id, const char* text, ImVec2 size) {
    if (ImGui::GetActiveID() == id) ImGui::ClearActiveID();
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    const ImGuiStyle& st = ImGui::GetStyle();
    const ImRect bb(w->DC.CursorPos, w->DC.CursorPos + size);
    ImGui::ItemSize(bb, st.FramePadding.y);
    if (!ImGui::ItemAdd(bb, id)) return;
    ImGui::RenderFrame(bb.Min, bb.Max, ImGui::GetColorU32(ImGuiCol_FrameBgActive), true, st.FrameRounding);
    ImGui::RenderTextClipped(bb.Min + st.FramePadding, bb.Max - st.FramePadding, text, nullptr, nullptr,
                             ImVec2(0, 0), &bb);
    if (bb.Min.y < w->ClipRect.Min.y || bb.Max.y > w->ClipRect.Max.y) ImGui::SetScrollHereY(0.3f);
}

}  // namespace

void new_frame() {
    // A closed editor's text waits one frame for its field; if the field is gone (another view), it goes.
    if (g_closing.text && ++g_closing_frames > 1) g_closing = Pending{};
    g_drawn.clear();
    g_bound_drawn = false;
}

bool text(const char* label, const char* hint, char* buf, std::size_t size, ImGuiInputTextFlags flags) {
    const ImGuiID id = ImGui::GetID(label);
    bool edited = false;
    if (const std::optional<std::string> in = take(id)) {
        // Cut to the buffer, never inside a UTF-8 sequence.
        std::size_t n = std::min(in->size(), size - 1);
        while (n > 0 && n < in->size() && (static_cast<unsigned char>((*in)[n]) & 0xC0) == 0x80) --n;
        edited = std::strncmp(buf, in->c_str(), n) != 0 || buf[n] != 0;
        std::memcpy(buf, in->data(), n);
        buf[n] = 0;
    }
    if (id == g_bound)
        draw_bound(id, buf, ImVec2(ImGui::CalcItemWidth(), ImGui::GetFrameHeight()));
    else
        edited |= ImGui::InputTextWithHint(label, hint, buf, size, flags);
    record(id, Kind::Number, buf, nullptr, hint);
    return edited;
}

bool text(const char* label, const char* hint, std::string* text, ImGuiInputTextFlags flags) {
    const ImGuiID id = ImGui::GetID(label);
    bool edited = false;
    if (std::optional<std::string> in = take(id)) {
        edited = *text != *in;
        *text = std::move(*in);
    }
    if (id == g_bound)
        draw_bound(id, text->c_str(), ImVec2(ImGui::CalcItemWidth(), ImGui::GetFrameHeight()));
    else
        edited |= ImGui::InputTextWithHint(label, hint, text, flags);
    record(id, Kind::Number, text->c_str(), nullptr, hint);
    return edited;
}

bool lines(const char* label, std::string* text, ImVec2 size, const char* name) {
    const ImGuiID id = ImGui::GetID(label);
    bool edited = false;
    if (std::optional<std::string> in = take(id)) {
        edited = *text != *in;
        *text = std::move(*in);
    }
    if (id == g_bound)
        draw_bound(id, text->c_str(), ImGui::CalcItemSize(size, ImGui::CalcItemWidth(), ImGui::GetTextLineHeight() * 8));
    else
        edited |= ImGui::InputTextMultiline(label, text, size);
    record(id, Kind::Lines, nullptr, text, name);
    return edited;
}

bool edit_at(float x, float y, Spot* spot, std::string* current) {
    // The topmost window under the point, as ImGui would pick it (g.Windows is back to front).
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* top = nullptr;
    for (int i = g.Windows.Size - 1; i >= 0 && !top; --i) {
        ImGuiWindow* w = g.Windows[i];
        if (w->Active && !w->Hidden && !(w->Flags & ImGuiWindowFlags_NoMouseInputs) &&
            w->OuterRectClipped.Contains(ImVec2(x, y)))
            top = w;
    }
    if (!top) return false;
    for (auto it = g_drawn.rbegin(); it != g_drawn.rend(); ++it) {
        const Spot& s = it->spot;
        if (it->root != top->RootWindow || x < s.x || y < s.y || x >= s.x + s.w || y >= s.y + s.h) continue;
        edit_end();
        g_bound = s.id;
        g_bound_spot = s;
        g_bound_drawn = true;  // drawn in the last frame, where the tap found it
        *spot = s;
        *current = it->lines ? *it->lines : it->text;
        return true;
    }
    return false;
}

void edit_text(const std::string& text) {
    if (g_bound) g_pending = {g_bound, text};
}

void edit_end() {
    if (g_pending.text) {
        g_closing = std::move(g_pending);
        g_closing_frames = 0;
    }
    g_pending = Pending{};
    g_bound = 0;
}

bool editing() { return g_bound != 0; }

bool bound_spot(Spot* spot) {
    if (!g_bound || !g_bound_drawn) return false;
    *spot = g_bound_spot;
    return true;
}

}  // namespace fields
