// widgets.cpp: cards, stats and chips on top of Dear ImGui.
#include "widgets.hpp"

#include <cstring>

#include "semantics.hpp"
#include "ui_probe.hpp"


namespace widgets {
namespace {

// Cards draw their background on channel 0 after their content has been laid out on channel 1.
// Each card uses its own splitter so that tables inside (which split channels too) stay correct.
constexpr int kMaxCardDepth = 4;
struct CardFrame {
    ImDrawListSplitter splitter;
    ImVec2 start;
    float width = 0;
};
CardFrame g_cards[kMaxCardDepth];
int g_depth = 0;

float pad() { return ImGui::GetFontSize() * 1.0f; }

float g_chip_limit = 0;  // screen x that the current chip row must not pass
bool g_chip_first = true;

}  // namespace

ImU32 col_card() { return IM_COL32(255, 255, 255, 255); }
ImU32 col_card_border() { return IM_COL32(222, 225, 232, 255); }
ImVec4 col_dim() { return ImVec4(0.37f, 0.40f, 0.46f, 1.0f); }
ImVec4 col_error() { return ImVec4(0.78f, 0.16f, 0.16f, 1.0f); }
ImVec4 col_warning() { return ImVec4(0.62f, 0.36f, 0.0f, 1.0f); }
ImVec4 col_accent() { return ImVec4(0.31f, 0.27f, 0.90f, 1.0f); }

// The card is one group: a top padding row as wide as the card, the content indented by the
// padding, a bottom padding row. Being one item, it takes part in SameLine layout like any widget.
void card_begin(float width) {
    IM_ASSERT(g_depth < kMaxCardDepth);
    CardFrame& c = g_cards[g_depth++];
    ImDrawList* dl = ImGui::GetWindowDrawList();
    c.splitter.Split(dl, 2);
    c.splitter.SetCurrentChannel(dl, 1);
    c.start = ImGui::GetCursorScreenPos();
    c.width = width;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    sem::group_begin("section");  // named by its first heading
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(width, pad() - spacing));
    ImGui::Indent(pad());
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * pad());
    ImGui::PushItemWidth(width - 2 * pad());
}

void card_end() {
    CardFrame& c = g_cards[--g_depth];
    ImGui::PopItemWidth();
    ImGui::PopTextWrapPos();
    ImGui::Unindent(pad());
    ImGui::Dummy(ImVec2(c.width, pad() - ImGui::GetStyle().ItemSpacing.y));
    ImGui::EndGroup();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    c.splitter.SetCurrentChannel(dl, 0);
    const ImVec2 end(c.start.x + c.width, ImGui::GetItemRectMax().y);
    const float rounding = ImGui::GetFontSize() * 0.6f;
    dl->AddRectFilled(c.start, end, col_card(), rounding);
    dl->AddRect(c.start, end, col_card_border(), rounding);
    c.splitter.Merge(dl);
    sem::group_end();
}

void stat(const char* caption, const char* value, ImFont* caption_font, ImFont* value_font, float width) {
    const size_t mark = sem::mark();
    ImGui::BeginGroup();
    ImGui::PushFont(caption_font);
    ImGui::PushStyleColor(ImGuiCol_Text, col_dim());
    ImGui::TextUnformatted(caption);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::PushFont(value_font);
    ImGui::TextUnformatted(value);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(width, 0));
    ImGui::EndGroup();
    // One sentence for a screen reader, announced when the answer changes.
    sem::text_since(mark, std::string(caption) + ": " + value, true);
}

void dim_text_wrapped(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, col_dim());
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void warning_text(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, col_warning());
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void heading(ImFont* bold, const char* text) {
    ImGui::PushFont(bold);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
    sem::heading(text, 2);
}

void note(ImFont* small, const char* text) {
    ImGui::PushFont(small);
    dim_text_wrapped(text);
    ImGui::PopFont();
}

void stat_row(const char* const* captions, const std::string* values, const char* const* names, int count, int per_row,
              float width, ImFont* caption_font, ImFont* value_font) {
    const float col_w = width / static_cast<float>(per_row);
    for (int i = 0; i < count; ++i) {
        if (i % per_row) ImGui::SameLine();
        stat(captions[i], values[i].c_str(), caption_font, value_font, col_w - ImGui::GetStyle().ItemSpacing.x);
        ui_probe::record_text(names[i], values[i]);
    }
}

void chip_row_begin(float width) {
    g_chip_limit = ImGui::GetCursorScreenPos().x + width;
    g_chip_first = true;
}

bool chip(const char* label, int selected) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float w = ImGui::CalcTextSize(label, nullptr, true).x + st.FramePadding.x * 2;
    if (!g_chip_first && ImGui::GetItemRectMax().x + st.ItemSpacing.x + w <= g_chip_limit) ImGui::SameLine();
    g_chip_first = false;
    const bool clicked = ImGui::Button(label);
    return sem::button(visible(label), selected >= 0 ? "tab" : "button", selected) || clicked;
}

namespace {
bool g_touch = false;
}

void set_touch(bool touch) { g_touch = touch; }
bool touch() { return g_touch; }
bool small_button(const char* label) {
    const bool clicked = g_touch ? ImGui::Button(label) : ImGui::SmallButton(label);
    return sem::button(visible(label)) || clicked;
}

bool button(const char* label) {
    const bool clicked = ImGui::Button(label);
    return sem::button(visible(label)) || clicked;
}

std::string visible(const char* label) {
    const char* hidden = std::strstr(label, "##");
    return hidden ? std::string(label, hidden) : std::string(label);
}

}  // namespace widgets
