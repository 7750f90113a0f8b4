// views_common.cpp: what the figure views share: law colours, figure sizing, the no-loss notice.
#include <algorithm>
#include <map>
#include <string>
#include <tuple>

#include "imgui.h"
#include "plot.hpp"
#include "views.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace views {

unsigned int law_color(int index) { return plot::PaletteColor(index); }

namespace {
bool g_fill_screen = true;
float g_screen_h = 0;  // the visible height the figures may fill (the viewport, not the page)
}

void set_fill_screen(bool fill, float screen_h) {
    g_fill_screen = fill;
    g_screen_h = screen_h;
}

bool phone_screen() { return ImGui::GetMainViewport()->WorkSize.x < ImGui::GetFontSize() * 40; }

float figure_height(float width, float aspect, float caption_lines) {
    // Fill the screen below the controls when it is tall enough, keep the aspect when it is not,
    // and never go below a readable size. Embedded, the host sizes the iframe to the content, so
    // the figure keeps its aspect (filling would feed back into the size it reports).
    const float em = ImGui::GetFontSize();
    if (!g_fill_screen) return std::max(em * 16, width * aspect);
    // The room under the cursor on the first screen: the window may be as tall as the page (the
    // web scrolls the page, Platform::scroll_y), so it is measured against the screen, not it.
    const float room = g_screen_h - ImGui::GetCursorPosY() - ImGui::GetStyle().WindowPadding.y -
                       caption_lines * ImGui::GetTextLineHeightWithSpacing();
    const float h = std::max(em * 16, std::min(width * aspect, room));
    // A phone's figure sits below inputs that fill most of the first screen, and its width gives a
    // landscape aspect about 200 px tall: too flat to read. It gets 40% of the screen however much
    // room is left (the page scrolls to it).
    return phone_screen() ? std::max(h, g_screen_h * 0.4f) : h;
}

void number_text(const char* table, const std::string& text, bool dim, int line) {
    std::string key = std::string(table) + ":" + std::to_string(ImGui::TableGetRowIndex()) + ":" +
                      std::to_string(ImGui::TableGetColumnIndex());
    if (line) key += ":" + std::to_string(line);
    const float room = ImGui::GetContentRegionAvail().x;  // to the column's edge inside a table
    ImGui::PushTextWrapPos(-1.0f);  // a card's wrap position would break it at the card's edge
    if (dim) ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_dim());
    ImGui::TextUnformatted(text.c_str());
    if (dim) ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    // As texts, not rects: the browser tour takes every probed rect for a control to be touched.
    ui_probe::record_text(("num:" + key).c_str(), text);
    ui_probe::record_text(("room:" + key).c_str(),
                          std::to_string(ImGui::GetItemRectSize().x) + " " + std::to_string(room));
}

bool read_fields(app::Field* const* fields, int count, double* values) {
    bool ok = true;
    for (int i = 0; i < count; ++i) {
        const scaling::Result<double> r = fields[i]->number();
        if (r.ok()) values[i] = r.value;
        ok = ok && r.ok();
    }
    return ok;
}

void number_cell(const char* table, const std::string& text, bool dim) {
    ImGui::TableNextColumn();
    number_text(table, text, dim);
}

bool law_has_loss_or_say_so(const scaling::Law& law, const char* figure) {
    if (law.has_loss()) return true;
    const std::string text = "\"" + law.name + "\" is an allocation rule with no loss form, so it has no " + figure +
                             ". Choose a law with a loss (Chinchilla, Epoch, Kaplan).";
    widgets::dim_text_wrapped(text.c_str());
    return false;
}

void caveats(const scaling::Caveats& c, const char* name, bool skip_extrapolation) {
    std::string all;
    for (size_t i = skip_extrapolation && c.extrapolated ? 1 : 0; i < c.warnings.size(); ++i) {
        widgets::warning_text(c.warnings[i].c_str());
        all += c.warnings[i] + "\n";
    }
    ui_probe::record_text(name, all);
}

}  // namespace views

namespace views {

const scaling::Vote& plurality_vote(double p, int k, int wrong_answers, double skew) {
    // Keyed on every number the sum reads; cleared when it grows past a few views' worth of curves.
    using Key = std::tuple<double, int, int, double>;
    static std::map<Key, scaling::Vote> cache;
    const Key key{p, k, wrong_answers, skew};
    if (const auto it = cache.find(key); it != cache.end()) return it->second;
    if (cache.size() > 4096) cache.clear();
    return cache[key] = scaling::plurality_vote(p, k, wrong_answers, skew);
}

}  // namespace views
