// app.cpp: fonts, theme and the frame: its order, its skeleton (header, navigation, the current
// view) and what it hands to the platform.
#include "app.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "core/draws.hpp"
#include "fit_run.hpp"
#include "controls.hpp"
#include "fields.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // the main viewport follows the page's scroll
#include "plot.hpp"
#include "semantics.hpp"
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

ImFont* add_font(const std::string& path, float px, float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    int size = 0;
    void* data = read_font(path, &size);
    if (!data) return nullptr;
    ImFontConfig cfg;
    cfg.OversampleH = 2;  // rasterised at dpr already; 2x horizontal keeps subpixel positions smooth
    cfg.OversampleV = 1;
    cfg.PixelSnapH = false;
    return io.Fonts->AddFontFromMemoryTTF(data, size, px * dpr, &cfg, glyph_ranges());
}

}  // namespace

const unsigned short* glyph_ranges() {
    // SCALING_GLYPHS ("U+0020-00FF,U+1D40,...", cmake/fonts.cmake) as ImGui's pairs, 0-terminated.
    static const std::vector<ImWchar> ranges = [] {
        std::vector<ImWchar> out;
        for (const char* p = SCALING_GLYPHS; *p;) {
            if (p[0] == 'U' && p[1] == '+') {
                char* end = nullptr;
                const auto from = static_cast<ImWchar>(std::strtoul(p + 2, &end, 16));
                const auto to = *end == '-' ? static_cast<ImWchar>(std::strtoul(end + 1, &end, 16)) : from;
                out.push_back(from);
                out.push_back(to);
                p = end;
            } else {
                ++p;  // the commas
            }
        }
        out.push_back(0);
        return out;
    }();
    return ranges.data();
}

Fonts load_fonts(const char* font_dir, float base_px, float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const std::string dir = font_dir ? font_dir : "";
    Fonts f;
    // The web fetches the bold face after the first frame (outside the first view's budget,
    // bench/sizes.sh) and builds the fonts again when it is in; until then headings and headline
    // numbers are in the regular face, as a page's text is while its web font loads.
    std::FILE* has_bold = std::fopen((dir + "/bold").c_str(), "rb");
    const std::string bold = dir + (has_bold ? "/bold" : "/regular");
    if (has_bold) std::fclose(has_bold);
    f.body = add_font(dir + "/regular", base_px, dpr);
    f.bold = add_font(bold, base_px, dpr);
    f.big = add_font(bold, base_px * 1.75f, dpr);
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
    // Field, button and popup borders at 3.2:1 on white: a component's edge must reach 3:1 (WCAG 2.1
    // SC 1.4.11, non-text contrast). Cards keep their own lighter border: they are decoration.
    c[ImGuiCol_Border] = ImVec4(0.54f, 0.565f, 0.61f, 1.0f);
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

namespace {

void draw_view(State& state, const Fonts& fonts, const Platform& platform) {
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
        case kFit: views::fit(state, fonts, platform); break;
        case kKaplan: views::kaplan(state, fonts); break;  // issue 19
        case kData: views::data(state, fonts); break;
        case kScenarios: views::scenarios(state, fonts); break;
        case kTestTime: views::test_time(state, fonts); break;
        case kEmergence: views::emergence(state, fonts); break;
        case kFineTuning: views::fine_tuning(state, fonts); break;
        case kNextFlop: views::next_flop(state, fonts); break;
        case kPostTraining: views::post_training(state, fonts); break;  // RL and distillation (issue 19)
        case kServing: views::serving(state, fonts); break;
        case kRouter: views::router(state, fonts); break;
        case kTco: views::tco(state, fonts); break;
        case kTask: views::task(state, fonts); break;  // issue 20
        case kCapex: views::capex(state, fonts); break;
        case kDesign: views::design(state, fonts, platform); break;  // issue 20: the sweep designer
        case kClaims: views::claims(state, fonts); break;  // issue 20: claims in circulation
    }
    ImGui::PopID();
}

// Wide screens: every view as a button, in its group's row (wrapping when narrow), the current one
// filled with the accent colour. Fifteen views do not fit one tab bar at laptop widths.
void nav_buttons(State& state) {
    struct Group { const char* label; int from, to; };
    static const Group kGroups[] = {{"Pretraining", kAllocator, kFirstBeyondView - 1},
                                    {"Beyond", kFirstBeyondView, kFirstEconomicsView - 1},
                                    {"Economics", kFirstEconomicsView, kFirstEvidenceView - 1},
                                    {"Evidence", kFirstEvidenceView, kViewCount - 1}};
    const float label_w = ImGui::CalcTextSize("Pretraining").x + ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float x0 = ImGui::GetCursorPosX();
    for (const Group& g : kGroups) {
        if (g.from > g.to) continue;  // a group with no view yet
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
            if (widgets::chip(view_name(v), current ? 1 : 0)) state.view = v;
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
void share_buttons(State& state, const Platform& platform) {
    const double now = ImGui::GetTime();
    const bool recent = now - state.copied_at < 1.5;
    const auto copy = [&](const std::string& text) {
        if (platform.copy_text) platform.copy_text(text, platform.user);
    };
    const std::string link = platform.page_url + "?" + query_of(state);
    if (widgets::small_button(recent && state.copied_what == 1 ? "Link copied" : "Copy link")) {
        copy(link);
        state.copied_at = now;
        state.copied_what = 1;
    }
    ui_probe::record_last_item("copy_link");
    ImGui::SameLine();
    if (widgets::small_button(recent && state.copied_what == 2 ? "Embed code copied" : "Copy embed code")) {
        // The height the view needs now; a host that listens to the app's size messages adapts it.
        const int height = std::clamp(static_cast<int>(state.handed.content_height) + 40, 320, 2000);
        copy("<iframe class=\"scaling-explorer\" src=\"" + platform.page_url + "?embed=1&" + query_of(state) +
             "\" width=\"100%\" height=\"" + std::to_string(height) +
             "\" style=\"border:0\" loading=\"lazy\" title=\"Scaling Explorer: " + view_name(state.view) + "\"></iframe>");
        state.copied_at = now;
        state.copied_what = 2;
    }
    ui_probe::record_last_item("copy_embed");
    ImGui::SameLine();
    if (widgets::small_button("Docs") && platform.open_page)
        platform.open_page("docs-" + view_key(state.view) + ".html", platform.user);
    ui_probe::record_last_item("docs");
    ui_probe::record_text("permalink", query_of(state));
}

// The UI of one frame: one window filling the main viewport.
void ui(State& state, const Fonts& fonts, const Platform& platform) {
    ui_probe::clear();
    fields::new_frame();
    views::set_fill_screen(!state.embed, ImGui::GetMainViewport()->WorkSize.y);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // Where the page scrolls (the web), the window is as tall as what it holds and moves up as the
    // page scrolls: nothing is clipped, so every text is in the semantic tree and the browser's
    // find; the browser scrolls with momentum, keys and focus. Elsewhere it fills the viewport and
    // scrolls itself, with a vertical scrollbar for short screens.
    const bool page_scrolls = platform.scroll_y != nullptr;
    const float page_y = state.handed.page_y;
    if (page_scrolls) {
        // At the page's top, not at -page_y: ImGui floors positions by truncation, so a window
        // partly above 0 would lay out a pixel differently per line, and move as the page scrolls.
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, 0));
        ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, std::max(vp->WorkSize.y, state.handed.content_height)));
    } else {
        ImGui::SetNextWindowPos(vp->WorkPos);
        ImGui::SetNextWindowSize(vp->WorkSize);
    }
    const ImGuiWindowFlags flags = (page_scrolls ? ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse : 0) |
                                   ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   // Embedded, a scrollbar coming and going would change the width,
                                   // hence the height reported to the host, hence the scrollbar: a
                                   // loop. The wheel and a drag still scroll without it.
                                   (state.embed ? ImGuiWindowFlags_NoScrollbar : 0);
    ImGui::Begin("Scaling Explorer", nullptr, flags);
    sem::begin_frame(page_y);
    sem::set_heading_font(fonts.bold);

    if (!state.embed) {
        // Header: name and the question the tool answers; sharing on the right. Phones get a compact
        // one (the title in bold, no tagline) so the view's answer reaches the first screen.
        sem::group_begin("header");
        const float em = ImGui::GetFontSize();
        const float right = ImGui::GetWindowContentRegionMax().x;
        const bool phone = right - ImGui::GetCursorStartPos().x < em * 40;
        ImGui::PushFont(phone ? fonts.bold : fonts.big);
        if (phone) ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Scaling Explorer");
        ImGui::PopFont();
        sem::heading("Scaling Explorer", 1);
        // The share buttons' width from their longest labels, so they end at the right edge in any
        // theme and do not shift when a label changes to "copied".
        const ImGuiStyle& st = ImGui::GetStyle();
        const auto text_w = [](const char* a, const char* b) { return std::max(ImGui::CalcTextSize(a).x, ImGui::CalcTextSize(b).x); };
        const float buttons_w = text_w("Copy link", "Link copied") + text_w("Copy embed code", "Embed code copied") +
                                ImGui::CalcTextSize("Docs").x + 6 * st.FramePadding.x + 2 * st.ItemSpacing.x;
        const float title_w = ImGui::GetItemRectSize().x;
        const bool narrow = right - ImGui::GetCursorStartPos().x < title_w + buttons_w + em * 2;  // phones: under the title
        if (!narrow) ImGui::SameLine(right - buttons_w);
        share_buttons(state, platform);
        // A short screen (a phone in landscape) keeps its height for the view.
        if (vp->WorkSize.y >= em * 30 && !phone)
            widgets::dim_text_wrapped("For a compute budget: how big a model, trained on how many tokens, reaching what "
                                      "loss - by every published law, each traced to its paper.");
        ImGui::Spacing();
        sem::group_end();
    }

    if (!scaling::catalog_error().empty()) {
        // A broken data file is a build defect (tests load it); say so rather than draw nothing.
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        ImGui::TextWrapped("The law catalogue failed to load: %s", scaling::catalog_error().c_str());
        ImGui::PopStyleColor();
        sem::end_frame();
        ImGui::End();
        return;
    }
    notice(state.work_notice, "work_notice");
    notice(state.link_notice, "link_notice");
    if (state.embed) {
        // One view, no chrome: what a course page embeds. The way out opens the full explorer.
        if (state.requested_view >= 0) state.view = state.requested_view;
        sem::group_begin("main");
        draw_view(state, fonts, platform);
        sem::group_end();
        ImGui::Spacing();
        if (widgets::small_button("Open in the full Scaling Explorer") && platform.open_page)
            platform.open_page("?" + query_of(state), platform.user);
        ui_probe::record_last_item("open_full");
    } else if (ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 40) {
        // Phones: the views in one full-width list under the thumb (fifteen tabs would shrink past
        // reading at 390 px).
        if (state.requested_view >= 0) state.view = state.requested_view;
        sem::group_begin("nav");
        std::vector<std::string> names;
        for (int v = 0; v < kViewCount; ++v) names.push_back(view_name(v));
        state.view = controls::combo("##view", "View", names, state.view, ImGui::GetContentRegionAvail().x, nullptr, "", "nav:");
        ui_probe::record_last_item("nav");
        sem::group_end();
        ImGui::Spacing();
        sem::group_begin("main");
        draw_view(state, fonts, platform);
        sem::group_end();
    } else {
        if (state.requested_view >= 0 && state.requested_view < kViewCount) state.view = state.requested_view;
        sem::group_begin("nav");
        nav_buttons(state);
        sem::group_end();
        ImGui::Spacing();
        sem::group_begin("main");
        draw_view(state, fonts, platform);
        sem::group_end();
    }
    state.handed.content_height = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
    ui_probe::record_text("content_height", std::to_string(static_cast<int>(std::ceil(state.handed.content_height))));
    state.requested_view = -1;
    ui_probe::record_text("view", view_name(state.view));

    // Touch screens have no scroll wheel: where the app scrolls itself, a drag that starts on the
    // background scrolls it. (Where the page scrolls, the browser does that.)
    const bool touch = platform.touch_input && platform.touch_input(platform.user);
    if (touch && !page_scrolls && ImGui::IsWindowHovered() && !ImGui::IsAnyItemActive() &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f))
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);

    sem::end_frame();
    ImGui::End();
}

// Plot exports: a CSV is text; a PNG is cut from the frame just drawn, so this runs after render.
void hand_exports(const State& state, const Platform& platform) {
    const float y = state.handed.page_y;  // the frame's pixels start at the page's scroll
    for (const plot::ExportRequest& r : plot::TakeExports()) {
        if (r.kind == plot::ExportRequest::Csv && platform.download_text)
            platform.download_text(r.name + ".csv", "text/csv", r.csv, platform.user);
        if (r.kind == plot::ExportRequest::Png && platform.download_png)
            platform.download_png(r.name + ".png", Region{r.rect.x, r.rect.y - y, r.rect.z, r.rect.w - y}, platform.user);
    }
}

// The user's work goes to the platform's storage whenever it changed: a reload or a closed tab a
// moment later loses nothing.
void save_work(State& state, const Platform& platform) {
    if (!platform.save_work || state.work_revision == state.handed.work_revision) return;
    state.handed.work_revision = state.work_revision;
    scaling::SavedWork work = work_of(state);
    if (state.embed) work.settings = state.restored_settings;  // someone else's page: not the user's settings
    const bool ok = platform.save_work(scaling::saved_work_json(work), platform.user);
    if (!ok && !state.handed.save_failed)
        state.work_notice = "This browser would not keep your work (storage is off or full): use \"Save my work\" "
                            "in the Fit view to keep it as a file.";
    state.handed.save_failed = !ok;
}

// The page around the app: its address follows the state, and an embedded view tells its host
// how tall it is.
void sync_page(State& state, const Platform& platform) {
    std::string query = query_of(state);
    if (state.embed) query = "embed=1&" + query;
    if (query != state.handed.query) {
        state.handed.query = query;
        if (platform.show_query) platform.show_query(query, platform.user);
        // The settings are part of the saved work (a visit without a link comes back to them); an
        // embedded view is someone else's page and leaves them alone.
        if (!state.embed) ++state.work_revision;
    }
    // Embedded, the host sizes its iframe to it; where the page scrolls, the page is made that tall.
    if ((state.embed || platform.scroll_y) && std::fabs(state.handed.content_height - state.handed.reported_height) >= 1) {
        state.handed.reported_height = state.handed.content_height;
        if (platform.report_height) platform.report_height(state.handed.content_height, platform.user);
    }
}

}  // namespace

bool frame(State& state, const Fonts& fonts, const Platform& platform) {
    // Whole pixels, so the page's rectangles and the DOM over them agree exactly.
    state.handed.page_y = platform.scroll_y ? std::round(platform.scroll_y(platform.user)) : 0.0f;
    if (platform.new_frame) platform.new_frame(platform.user);
    else ImGui::NewFrame();
    if (platform.scroll_y) {
        // The display shows the page from page_y down: popups and tooltips keep within it, and
        // Render hands it to the backend as the draw data's DisplayPos.
        ImGuiViewportP* vp = static_cast<ImGuiViewportP*>(ImGui::GetMainViewport());
        vp->Pos.y = state.handed.page_y;
        vp->UpdateWorkRect();
    }
    if (!state.fit_run) state.fit_run = std::make_shared<FitRun>();
    state.fit_run->step(state);  // before the views, which show its progress
    ui(state, fonts, platform);
    ImGui::Render();
    if (platform.render) platform.render(platform.user);
    hand_exports(state, platform);
    if (platform.publish_semantics) {
        const std::string tree = sem::take_changed();
        if (!tree.empty()) platform.publish_semantics(tree, platform.user);
    }
    save_work(state, platform);
    sync_page(state, platform);
    // Bootstrap draws a band asked for and the build did not compile in (core/draws.hpp).
    for (const std::string& file : scaling::take_wanted_draws())
        if (platform.fetch_draws) platform.fetch_draws(file, platform.user);
    return state.fit_run->running();
}

}  // namespace app
