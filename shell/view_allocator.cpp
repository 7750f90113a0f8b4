// view_allocator.cpp: the Allocator view: a FLOP budget and a law in; N, D, tokens/param and
// loss out; then every built-in law at the same budget, so their disagreement is visible.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/allocation.hpp"
#include "core/compute.hpp"
#include "core/quantity.hpp"
#include "imgui.h"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {
namespace {

using scaling::Unit;

// The slider spans the budgets of the literature: 1e18 (small sweeps) to 1e28 FLOP (beyond today's
// largest runs, ~3e26). Typed budgets may go outside it; the slider then rests at its end.
constexpr float kSliderMinLog10 = 18.0f;
constexpr float kSliderMaxLog10 = 28.0f;

struct Preset { const char* label; double flops; };
// Budgets of published runs (../shared/REFERENCES.md): Chinchilla 70B/1.4T as Table 3's 5.76e23
// budget; Llama 3.1 405B's 3.8e25 (Llama 3 paper, Sec. 3.2.1).
constexpr Preset kPresets[] = {
    {"1e21", 1e21}, {"1e22", 1e22}, {"1e23", 1e23},
    {"Chinchilla 5.76e23", 5.76e23}, {"Llama 3.1 405B  3.8e25", 3.8e25}, {"1e26", 1e26},
};

// Rounds to three significant digits so slider positions give budgets people would type.
double round3(double x) {
    const double p = std::pow(10.0, std::floor(std::log10(x)) - 2);
    return std::round(x / p) * p;
}

void budget_card(app::State& s, const app::Fonts& f, float width) {
    widgets::card_begin(width);
    const float inner = width - 2 * ImGui::GetFontSize();

    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted("Training compute");
    ImGui::PopFont();
    ImGui::SetNextItemWidth(inner);
    if (ImGui::InputTextWithHint("##budget", "e.g. 3.8e25 or 5.76e23 FLOP", s.budget_text,
                                 sizeof s.budget_text, ImGuiInputTextFlags_AutoSelectAll)) {
        const scaling::Result<double> r = scaling::parse_positive(s.budget_text, Unit::Flop);
        if (r.ok()) {
            s.flops = r.value;
            s.budget_error.clear();
        } else {
            s.budget_error = "Budget " + r.error;  // the typed text stays; the last valid budget is kept
        }
    }
    ui_probe::record_last_item("budget_input");
    if (!s.budget_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        ImGui::TextWrapped("%s", s.budget_error.c_str());
        ImGui::PopStyleColor();
        ui_probe::record_text("budget_error", s.budget_error);
    } else {
        const std::string echo = scaling::format_quantity(s.flops, Unit::Flop) + "  =  " +
                                 scaling::format_count(s.flops / scaling::kFlopPerPfDay) + " PF-days";
        widgets::dim_text_wrapped(echo.c_str());
    }

    float lg = std::clamp(static_cast<float>(std::log10(s.flops)), kSliderMinLog10, kSliderMaxLog10);
    const std::string shown = scaling::format_quantity(s.flops, Unit::Flop);
    ImGui::SetNextItemWidth(inner);
    if (ImGui::SliderFloat("##budget_slider", &lg, kSliderMinLog10, kSliderMaxLog10, shown.c_str(),
                           ImGuiSliderFlags_NoInput | ImGuiSliderFlags_AlwaysClamp))
        app::set_budget(s, round3(std::pow(10.0, static_cast<double>(lg))));
    ui_probe::record_last_item("budget_slider");
    ImGui::PushFont(f.small);
    ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_dim());
    const float x0 = ImGui::GetCursorPosX();
    ImGui::TextUnformatted("1e18");
    ImGui::SameLine();
    ImGui::SetCursorPosX(x0 + inner - ImGui::CalcTextSize("1e28").x);
    ImGui::TextUnformatted("1e28");
    ImGui::PopStyleColor();
    ImGui::PopFont();

    widgets::chip_row_begin(inner);
    for (const Preset& p : kPresets)
        if (widgets::chip(p.label)) app::set_budget(s, p.flops);

    ImGui::Spacing();
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted("Scaling law");
    ImGui::PopFont();
    const auto& laws = scaling::all_laws();
    ImGui::SetNextItemWidth(inner);
    if (ImGui::BeginCombo("##law", laws[s.law].name.c_str())) {
        for (int i = 0; i < static_cast<int>(laws.size()); ++i) {
            if (ImGui::Selectable(laws[i].name.c_str(), i == s.law)) s.law = i;
            if (i == s.law) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    ui_probe::record_last_item("law_combo");
    ImGui::PushFont(f.small);
    widgets::dim_text_wrapped(laws[s.law].citation.c_str());
    ImGui::PopFont();
    widgets::card_end();
}

void result_card(app::State& s, const app::Fonts& f, float width,
                 const scaling::Result<scaling::Allocation>& r) {
    const scaling::Law& law = scaling::all_laws()[s.law];
    widgets::card_begin(width);
    const float inner = width - 2 * ImGui::GetFontSize();
    ImGui::PushFont(f.bold);
    ImGui::TextWrapped("Compute-optimal under %s", law.name.c_str());
    ImGui::PopFont();
    ImGui::PushFont(f.small);
    widgets::dim_text_wrapped(law.form.c_str());
    ImGui::PopFont();
    ImGui::Spacing();

    if (!r.ok()) {
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        ImGui::TextWrapped("%s", r.error.c_str());
        ImGui::PopStyleColor();
    } else {
        const scaling::Allocation& a = r.value;
        const std::string params = scaling::format_count(a.params);
        const std::string tokens = scaling::format_count(a.tokens);
        const std::string ratio = scaling::format_count(a.tokens_per_param);
        const std::string loss = a.has_loss ? scaling::format_fixed(a.loss, 3) : "none";
        const char* captions[] = {"Parameters", "Training tokens", "Tokens / param", "Loss (nats/token)"};
        const std::string* values[] = {&params, &tokens, &ratio, &loss};
        const char* probe[] = {"params", "tokens", "tokens_per_param", "loss"};
        // Four across when there is room, else two by two.
        const int cols = inner > ImGui::GetFontSize() * 30 ? 4 : 2;
        const float col_w = inner / cols;
        const float x0 = ImGui::GetCursorPosX();
        for (int i = 0; i < 4; ++i) {
            if (i % cols != 0) {
                ImGui::SameLine();
                ImGui::SetCursorPosX(x0 + col_w * (i % cols));
            }
            widgets::stat(captions[i], values[i]->c_str(), f.small, f.big, col_w - ImGui::GetStyle().ItemSpacing.x);
            ui_probe::record_text(probe[i], *values[i]);
        }
        ui_probe::record_text("law", law.id);
        ui_probe::record_text("flops", scaling::format_scientific(a.flops));
        ImGui::Spacing();
        const std::string convention = "Budget " + scaling::format_quantity(a.flops, Unit::Flop) + ": " +
                                       law.compute_convention + ".";
        widgets::dim_text_wrapped(convention.c_str());
        if (!a.has_loss) widgets::dim_text_wrapped("This law is an allocation rule: it predicts no loss.");
    }
    ImGui::Spacing();
    ImGui::PushFont(f.small);
    widgets::dim_text_wrapped(law.notes.c_str());
    ImGui::PopFont();
    widgets::card_end();
}

void compare_card(app::State& s, const app::Fonts& f, float width) {
    const auto& laws = scaling::all_laws();
    widgets::card_begin(width);
    const float em = ImGui::GetFontSize();
    ImGui::PushFont(f.bold);
    ImGui::Text("Every law at %s", scaling::format_quantity(s.flops, Unit::Flop).c_str());
    ImGui::PopFont();

    double n_min = INFINITY, n_max = 0, d_min = INFINITY, d_max = 0;
    const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                               ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (ImGui::BeginTable("every_law", 5, tf, ImVec2(width - 2 * em, 0))) {
        ImGui::TableSetupColumn("Law", ImGuiTableColumnFlags_WidthStretch, 2.6f);
        ImGui::TableSetupColumn("Params", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Tokens", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Tok/param", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Loss", ImGuiTableColumnFlags_WidthStretch, 0.9f);
        ImGui::TableHeadersRow();
        for (int i = 0; i < static_cast<int>(laws.size()); ++i) {
            const scaling::Result<scaling::Allocation> r = scaling::optimal(laws[i], s.flops);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(i);
            if (ImGui::Selectable(laws[i].name.c_str(), i == s.law, ImGuiSelectableFlags_SpanAllColumns))
                s.law = i;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", laws[i].citation.c_str());
            ImGui::PopID();
            if (!r.ok()) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted("out of range");
                continue;
            }
            const scaling::Allocation& a = r.value;
            n_min = std::min(n_min, a.params), n_max = std::max(n_max, a.params);
            d_min = std::min(d_min, a.tokens), d_max = std::max(d_max, a.tokens);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(scaling::format_count(a.params).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(scaling::format_count(a.tokens).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(scaling::format_count(a.tokens_per_param).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.has_loss ? scaling::format_fixed(a.loss, 3).c_str() : "-");
        }
        ImGui::EndTable();
    }
    if (n_max > 0) {
        ImGui::Spacing();
        ImGui::PushFont(f.small);
        const std::string spread = "The laws disagree by " + scaling::format_fixed(n_max / n_min, 0) +
                                   "x in model size and " + scaling::format_fixed(d_max / d_min, 0) +
                                   "x in tokens at this budget. Losses are not comparable across laws "
                                   "fitted on different data (Kaplan counts non-embedding parameters).";
        widgets::dim_text_wrapped(spread.c_str());
        ImGui::PopFont();
    }
    widgets::card_end();
}

}  // namespace

void allocator(app::State& s, const app::Fonts& f) {
    const scaling::Law& law = scaling::all_laws()[s.law];
    const scaling::Result<scaling::Allocation> r = scaling::optimal(law, s.flops);

    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = em;
    if (avail >= em * 52) {
        // Wide: budget on the left, the answer on the right, the comparison below across both.
        const float left = std::max(em * 22, avail * 0.36f);
        budget_card(s, f, left);
        ImGui::SameLine(0, gap);
        result_card(s, f, avail - left - gap, r);
    } else {
        budget_card(s, f, avail);
        ImGui::Dummy(ImVec2(0, gap * 0.25f));
        result_card(s, f, avail, r);
    }
    ImGui::Dummy(ImVec2(0, gap * 0.25f));
    compare_card(s, f, avail);
}

}  // namespace views
