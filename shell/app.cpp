// app.cpp: fonts, theme and the frame skeleton (header, navigation, the current view).
#include "app.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/presets.hpp"
#include "core/quantity.hpp"
#include "core/requests.hpp"
#include "fields.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace app {
namespace {

// Reads a whole file into memory that ImGui's atlas will own and free (IM_ALLOC/IM_FREE).
// Plain stdio so the same code reads the native disk and Emscripten's preloaded MEMFS.
void* read_font(const std::string& path, int* size) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return nullptr;
    std::fseek(f, 0, SEEK_END);
    const long n = std::ftell(f);
    std::fseek(f, 0, SEEK_SET);
    void* data = n > 0 ? IM_ALLOC(static_cast<size_t>(n)) : nullptr;
    if (data && std::fread(data, 1, static_cast<size_t>(n), f) != static_cast<size_t>(n)) {
        IM_FREE(data);
        data = nullptr;
    }
    std::fclose(f);
    *size = static_cast<int>(n);
    return data;
}

// Latin-1, Greek (for α, β in the formulas), general punctuation, arrows, maths operators.
// The build subsets the font files to these ranges: keep SCALING_GLYPHS in cmake/fonts.cmake equal.
const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x2010, 0x205E,
                                0x2070, 0x209F, 0x2190, 0x21FF, 0x2200, 0x22FF, 0};

ImFont* add_font(const std::string& path, float px, float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    int size = 0;
    void* data = read_font(path, &size);
    if (!data) return nullptr;
    ImFontConfig cfg;
    cfg.OversampleH = 2;  // rasterised at dpr already; 2x horizontal keeps subpixel positions smooth
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    return io.Fonts->AddFontFromMemoryTTF(data, size, px * dpr, &cfg, kGlyphRanges);
}

}  // namespace

Fonts load_fonts(const char* font_dir, float base_px, float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const std::string dir = font_dir ? font_dir : "";
    Fonts f;
    f.body = add_font(dir + "/regular", base_px, dpr);
    f.bold = add_font(dir + "/bold", base_px, dpr);
    f.big = add_font(dir + "/bold", base_px * 1.75f, dpr);
    f.small = add_font(dir + "/regular", base_px * 0.85f, dpr);
    if (!f.body || !f.bold || !f.big || !f.small) {
        // Built-in ProggyClean: always present, so a missing font file never means no UI.
        io.Fonts->Clear();
        ImFontConfig cfg;
        cfg.SizePixels = 13.0f * dpr;
        f.body = f.bold = f.big = f.small = io.Fonts->AddFontDefault(&cfg);
    }
    io.FontDefault = f.body;
    io.FontGlobalScale = 1.0f / dpr;
    io.Fonts->Build();
    return f;
}

void apply_theme(float base_px, bool touch) {
    ImGuiStyle& st = ImGui::GetStyle();
    st = ImGuiStyle();
    ImGui::StyleColorsLight(&st);
    const float em = base_px;
    st.WindowPadding = ImVec2(em * 1.25f, em * 1.0f);
    st.FramePadding = ImVec2(em * 0.6f, em * 0.45f);
    st.ItemSpacing = ImVec2(em * 0.55f, em * 0.5f);
    st.ItemInnerSpacing = ImVec2(em * 0.4f, em * 0.3f);
    st.CellPadding = ImVec2(em * 0.5f, em * 0.35f);
    st.ScrollbarSize = em * 0.8f;
    st.GrabMinSize = em * 1.1f;
    st.WindowRounding = 0;
    st.FrameRounding = em * 0.35f;
    st.GrabRounding = em * 0.35f;
    st.PopupRounding = em * 0.35f;
    st.ScrollbarRounding = em * 0.4f;
    st.TabRounding = em * 0.35f;
    st.WindowBorderSize = 0;
    st.FrameBorderSize = 1;
    st.PopupBorderSize = 1;
    widgets::set_touch(touch);
    plot::SetTouchTargets(touch);
    if (touch) {
        // Every frame-based widget (buttons, fields, combos, tabs, sliders, checkboxes) 44 CSS px
        // tall, the smallest target a finger hits reliably (Apple HIG, WCAG 2.5.5).
        st.FramePadding.y = std::max(st.FramePadding.y, (44.0f - base_px) / 2);
        st.ItemSpacing.y = em * 0.6f;
        st.GrabMinSize = em * 1.75f;
        st.ScrollbarSize = em * 0.5f;  // touch scrolls by dragging the page; the bar only shows where
    }

    ImVec4* c = st.Colors;
    const ImVec4 accent = widgets::col_accent();
    auto with_alpha = [](ImVec4 v, float a) { v.w = a; return v; };
    c[ImGuiCol_Text] = ImVec4(0.12f, 0.14f, 0.17f, 1.0f);
    c[ImGuiCol_TextDisabled] = widgets::col_dim();
    c[ImGuiCol_WindowBg] = ImVec4(0.965f, 0.968f, 0.978f, 1.0f);
    c[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Border] = ImVec4(0.84f, 0.86f, 0.90f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.95f, 0.95f, 1.0f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.92f, 0.92f, 1.0f, 1.0f);
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_SliderGrabActive] = ImVec4(0.22f, 0.18f, 0.75f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.93f, 0.93f, 0.99f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.86f, 0.86f, 0.99f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.78f, 0.78f, 0.98f, 1.0f);
    c[ImGuiCol_Header] = with_alpha(accent, 0.12f);
    c[ImGuiCol_HeaderHovered] = with_alpha(accent, 0.18f);
    c[ImGuiCol_HeaderActive] = with_alpha(accent, 0.26f);
    c[ImGuiCol_Tab] = ImVec4(0.90f, 0.91f, 0.94f, 1.0f);
    c[ImGuiCol_TabHovered] = with_alpha(accent, 0.25f);
    c[ImGuiCol_TabActive] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.95f, 0.955f, 0.97f, 1.0f);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.975f, 0.978f, 0.985f, 1.0f);
    c[ImGuiCol_TableBorderLight] = ImVec4(0.90f, 0.91f, 0.94f, 1.0f);
    c[ImGuiCol_TableBorderStrong] = ImVec4(0.84f, 0.86f, 0.90f, 1.0f);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_TextSelectedBg] = with_alpha(accent, 0.25f);
    c[ImGuiCol_NavHighlight] = accent;
}

const char* view_name(int view) {
    static const char* kNames[kViewCount] = {"Allocator", "Compare",   "Frontier",  "Iso-FLOP",    "Landscape",
                                             "Models",    "Budget",    "Lifetime",  "Fit",         "Data",
                                             "Scenarios", "Test-time", "Emergence", "Fine-tuning", "Next FLOP"};
    return view >= 0 && view < kViewCount ? kNames[view] : "Allocator";
}

// The budget starts at Chinchilla's (assets/presets.csv); the custom law at the constants its
// catalogue line gives (assets/laws.jsonl: Sardana et al. 2024's); the projection's reference run is
// Grok 3's (assets/presets.csv). A data file that failed to load leaves its fields empty, and the
// view says why.
State::State() {
    if (const scaling::Preset* p = scaling::find_preset(scaling::kDefaultBudgetPreset)) set_budget(*this, p->flops);
    if (const scaling::Law* l = scaling::find_law("custom")) {
        custom = l->chinchilla;
        const double c[5] = {custom.E, custom.A, custom.B, custom.alpha, custom.beta};
        for (int k = 0; k < 5; ++k)
            std::snprintf(custom_text[k], sizeof custom_text[k], "%s", scaling::format_shortest(c[k]).c_str());
    }
    if (const scaling::Preset* p = scaling::find_preset(scaling::kGrok3Preset))
        std::snprintf(sc_ref, sizeof sc_ref, "%s", scaling::format_scientific(p->flops).c_str());
}

void apply_custom_text(State& s) {
    static const char* kKeys[5] = {"E", "A", "B", "alpha", "beta"};
    scaling::Args args{{"law", "custom"}};
    for (int i = 0; i < 5; ++i) args[kKeys[i]] = s.custom_text[i];
    const scaling::Result<scaling::Law> r = scaling::law_request(args);
    if (r.ok()) {
        s.custom = r.value.chinchilla;
        s.custom_error.clear();
        ++s.law_revision;
    } else {
        s.custom_error = r.field + ": " + r.error;
    }
    ++s.work_revision;
}

scaling::SavedWork work_of(const State& s) {
    scaling::SavedWork w;
    w.runs_text = s.fit_text;
    for (int k = 0; k < 4; ++k) w.columns[k] = s.fit_columns[k];
    w.exclude = s.fit_exclude;
    w.bootstrap = s.fit_bootstrap;
    for (int k = 0; k < 5; ++k) w.custom[k] = s.custom_text[k];
    w.has_fit = s.has_saved_fit;
    w.fit = s.saved_fit;
    w.fit.in_use = s.has_fit;
    w.settings = query_of(s);
    return w;
}

void restore_work(State& s, const scaling::SavedWork& w) {
    s.fit_text = w.runs_text;
    for (int k = 0; k < 4; ++k) s.fit_columns[k] = w.columns[k];
    s.fit_exclude = w.exclude;
    s.fit_bootstrap = w.bootstrap;
    bool custom_given = false;
    for (int k = 0; k < 5; ++k) custom_given |= !w.custom[k].empty();
    if (custom_given) {
        for (int k = 0; k < 5; ++k)
            std::snprintf(s.custom_text[k], sizeof s.custom_text[k], "%s", w.custom[k].c_str());
        apply_custom_text(s);
    }
    s.has_saved_fit = w.has_fit;
    s.saved_fit = w.fit;
    s.fit_restore_pending = w.has_fit;
    use_fit(s, w.has_fit && w.fit.in_use, false);
    // The settings last: they may name "My fit" as the law. A link opened after this overrides them.
    s.restored_settings = w.settings;
    if (!w.settings.empty()) (void)apply_query(s, w.settings);
    ++s.work_revision;
}

void open_text(State& s, std::string text) {
    s.requested_view = kFit;
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] == '{') {
        // A JSON object is not a table of runs: it is saved work, or a mistake to say so about.
        const scaling::Result<scaling::SavedWork> w = scaling::parse_saved_work(text);
        if (!w.ok()) {
            s.work_notice = "That file was not opened: " + w.error + ". Your current work is unchanged.";
            return;
        }
        restore_work(s, w.value);
        return;
    }
    s.fit_text = std::move(text);
    ++s.work_revision;
}

void use_fit(State& s, const bool use, const bool select) {
    const int catalogue = static_cast<int>(scaling::all_laws().size());
    s.has_fit = use && s.has_saved_fit;
    if (s.has_fit) {
        s.fit_law = scaling::fitted_law(s.saved_fit);
        if (select) s.law = catalogue;
    } else if (s.law >= catalogue) {
        s.law = scaling::default_law_index();
    }
    ++s.law_revision;
    ++s.work_revision;
}

int law_count(const State& state) { return static_cast<int>(scaling::all_laws().size()) + (state.has_fit ? 1 : 0); }

scaling::Law law_at(const State& state, int index) {
    const auto& laws = scaling::all_laws();
    if (state.has_fit && index == static_cast<int>(laws.size())) return state.fit_law;
    scaling::Law law = laws[static_cast<size_t>(std::clamp(index, 0, static_cast<int>(laws.size()) - 1))];
    if (law.id == "custom") law.chinchilla = state.custom;
    if (law.kind == scaling::LawKind::DeepSeek) law.m_over_n = state.m_over_n;
    return law;
}

void set_budget(State& state, double flops) {
    state.flops = flops;
    state.budget_error.clear();
    std::snprintf(state.budget_text, sizeof state.budget_text, "%s",
                  scaling::format_scientific(flops).c_str());
}

namespace {

void draw_view(State& state, const Fonts& fonts) {
    // Each view's widgets get their own IDs (as tab items gave them): the budget field of one view
    // is not the budget field of another, for ImGui's state and for the phone-keyboard editor.
    ImGui::PushID(view_name(state.view));
    switch (state.view) {
        case kAllocator: views::allocator(state, fonts); break;
        case kCompare: views::compare(state, fonts); break;
        case kFrontier: views::frontier(state, fonts); break;
        case kIsoFlop: views::iso_flop(state, fonts); break;
        case kLandscape: views::landscape(state, fonts); break;
        case kModels: views::models(state, fonts); break;
        case kBudget: views::budget(state, fonts); break;
        case kLifetime: views::lifetime(state, fonts); break;
        case kFit: views::fit(state, fonts); break;
        case kData: views::data(state, fonts); break;
        case kScenarios: views::scenarios(state, fonts); break;
        case kTestTime: views::test_time(state, fonts); break;
        case kEmergence: views::emergence(state, fonts); break;
        case kFineTuning: views::fine_tuning(state, fonts); break;
        case kNextFlop: views::next_flop(state, fonts); break;
    }
    ImGui::PopID();
}

// Wide screens: every view as a button, in its group's row (wrapping when narrow), the current one
// filled with the accent colour. Thirteen views no longer fit one tab bar at laptop widths.
void nav_buttons(State& state) {
    struct Group { const char* label; int from, to; };
    static const Group kGroups[] = {{"Pretraining", kAllocator, kFirstBeyondView - 1}, {"Beyond", kFirstBeyondView, kViewCount - 1}};
    const float label_w = ImGui::CalcTextSize("Pretraining").x + ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float x0 = ImGui::GetCursorPosX();
    for (const Group& g : kGroups) {
        ImGui::AlignTextToFramePadding();
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_dim());
        ImGui::TextUnformatted(g.label);
        ImGui::PopStyleColor();
        ImGui::SameLine(x0 + label_w);
        ImGui::BeginGroup();
        widgets::chip_row_begin(avail - label_w);
        for (int v = g.from; v <= g.to; ++v) {
            const bool current = v == state.view;
            if (current) {
                ImGui::PushStyleColor(ImGuiCol_Button, widgets::col_accent());
                ImGui::PushStyleColor(ImGuiCol_ButtonHovered, widgets::col_accent());
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
            }
            if (widgets::chip(view_name(v))) state.view = v;
            if (current) ImGui::PopStyleColor(3);
            ui_probe::record_last_item((std::string("tab:") + view_name(v)).c_str());
        }
        ImGui::EndGroup();
    }
    ImGui::Separator();
}

// A message about saved work or a link: said at the top until dismissed.
void notice(std::string& text, const char* name) {
    if (text.empty()) return;
    ImGui::PushID(name);
    widgets::warning_text(text.c_str());
    ui_probe::record_text(name, text);
    if (widgets::small_button("Dismiss")) text.clear();
    ui_probe::record_last_item((std::string(name) + "_dismiss").c_str());
    ImGui::PopID();
    ImGui::Spacing();
}

// "Copy link" and "Copy embed code": the state as a permalink, or an <iframe> showing this view.
void share_buttons(State& state) {
    const double now = ImGui::GetTime();
    const bool recent = now - state.copied_at < 1.5;
    const std::string link = state.page_url + "?" + query_of(state);
    if (widgets::small_button(recent && state.copied_what == 1 ? "Link copied" : "Copy link")) {
        state.request_copy = link;
        state.copied_at = now;
        state.copied_what = 1;
    }
    ui_probe::record_last_item("copy_link");
    ImGui::SameLine();
    if (widgets::small_button(recent && state.copied_what == 2 ? "Embed code copied" : "Copy embed code")) {
        // The height the view needs now; a host that listens to the app's size messages adapts it.
        const int height = std::clamp(static_cast<int>(state.content_height) + 40, 320, 2000);
        state.request_copy = "<iframe class=\"scaling-explorer\" src=\"" + state.page_url + "?embed=1&" + query_of(state) +
                             "\" width=\"100%\" height=\"" + std::to_string(height) +
                             "\" style=\"border:0\" loading=\"lazy\" title=\"Scaling Explorer: " + view_name(state.view) +
                             "\"></iframe>";
        state.copied_at = now;
        state.copied_what = 2;
    }
    ui_probe::record_last_item("copy_embed");
    ImGui::SameLine();
    if (widgets::small_button("Docs")) {
        state.request_open = "docs-" + view_key(state.view) + ".html";
    }
    ui_probe::record_last_item("docs");
    ui_probe::record_text("permalink", query_of(state));
}

}  // namespace

void frame(State& state, const Fonts& fonts) {
    ui_probe::clear();
    fields::new_frame();
    views::set_fill_screen(!state.embed);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    // The app is one full-viewport window; it keeps a vertical scrollbar for short screens.
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   // Embedded, a scrollbar coming and going would change the width,
                                   // hence the height reported to the host, hence the scrollbar: a
                                   // loop. The wheel and a drag still scroll without it.
                                   (state.embed ? ImGuiWindowFlags_NoScrollbar : 0);
    ImGui::Begin("Scaling Explorer", nullptr, flags);

    if (!state.embed) {
        // Header: name and the question the tool answers; sharing on the right.
        const float em = ImGui::GetFontSize();
        const float right = ImGui::GetWindowContentRegionMax().x;
        ImGui::PushFont(fonts.big);
        ImGui::TextUnformatted("Scaling Explorer");
        ImGui::PopFont();
        // The share buttons' width from their longest labels, so they end at the right edge in any
        // theme and do not shift when a label changes to "copied".
        const ImGuiStyle& st = ImGui::GetStyle();
        const auto text_w = [](const char* a, const char* b) { return std::max(ImGui::CalcTextSize(a).x, ImGui::CalcTextSize(b).x); };
        const float buttons_w = text_w("Copy link", "Link copied") + text_w("Copy embed code", "Embed code copied") +
                                ImGui::CalcTextSize("Docs").x + 6 * st.FramePadding.x + 2 * st.ItemSpacing.x;
        const float title_w = ImGui::GetItemRectSize().x;
        const bool narrow = right - ImGui::GetCursorStartPos().x < title_w + buttons_w + em * 2;  // phones: under the title
        if (!narrow) ImGui::SameLine(right - buttons_w);
        share_buttons(state);
        // A short screen (a phone in landscape) keeps its height for the view.
        if (vp->WorkSize.y >= em * 30)
            widgets::dim_text_wrapped("For a compute budget: how big a model, trained on how many tokens, reaching what "
                                      "loss - by every published law, each traced to its paper.");
        ImGui::Spacing();
    }

    if (!scaling::catalog_error().empty()) {
        // A broken data file is a build defect (tests load it); say so rather than draw nothing.
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        ImGui::TextWrapped("The law catalogue failed to load: %s", scaling::catalog_error().c_str());
        ImGui::PopStyleColor();
        ImGui::End();
        return;
    }
    notice(state.work_notice, "work_notice");
    notice(state.link_notice, "link_notice");
    if (state.embed) {
        // One view, no chrome: what a course page embeds. The way out opens the full explorer.
        if (state.requested_view >= 0) state.view = state.requested_view;
        draw_view(state, fonts);
        ImGui::Spacing();
        if (widgets::small_button("Open in the full Scaling Explorer")) state.request_open = "?" + query_of(state);
        ui_probe::record_last_item("open_full");
    } else if (ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 40) {
        // Phones: the views in one full-width list under the thumb (nine tabs would shrink past
        // reading at 390 px).
        if (state.requested_view >= 0) state.view = state.requested_view;
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (ImGui::BeginCombo("##view", view_name(state.view), ImGuiComboFlags_HeightLargest)) {
            for (int v = 0; v < kViewCount; ++v) {
                if (ImGui::Selectable(view_name(v), v == state.view, 0, ImVec2(0, ImGui::GetFrameHeight())))
                    state.view = v;
                ui_probe::record_last_item((std::string("nav:") + view_name(v)).c_str());
            }
            ImGui::EndCombo();
        }
        ui_probe::record_last_item("nav");
        ImGui::Spacing();
        draw_view(state, fonts);
    } else {
        if (state.requested_view >= 0 && state.requested_view < kViewCount) state.view = state.requested_view;
        nav_buttons(state);
        ImGui::Spacing();
        draw_view(state, fonts);
    }
    state.content_height = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
    ui_probe::record_text("content_height", std::to_string(static_cast<int>(std::ceil(state.content_height))));
    state.requested_view = -1;
    ui_probe::record_text("view", view_name(state.view));

    // Touch screens have no scroll wheel: a drag that starts on the background scrolls the page.
    if (state.touch_scroll && ImGui::IsWindowHovered() && !ImGui::IsAnyItemActive() &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f))
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);

    ImGui::End();
}

}  // namespace app
