// controls.cpp: budget and law inputs.
#include "controls.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "core/compute.hpp"
#include "core/hardware.hpp"
#include "core/inputs.hpp"
#include "core/laws.hpp"
#include "core/presets.hpp"
#include "core/quantity.hpp"
#include "core/requests.hpp"
#include "fields.hpp"
#include "imgui.h"
#include "semantics.hpp"
#include "ui_probe.hpp"
#include "widgets.hpp"

namespace controls {
namespace {

using scaling::Unit;

// The slider spans the budgets of the literature: 1e18 (small sweeps) to 1e28 FLOP (beyond today's
// largest runs, ~3e26). Typed budgets may go outside it; the slider then rests at its end.
constexpr float kSliderMinLog10 = 18.0f;
constexpr float kSliderMaxLog10 = 28.0f;

// Round budgets offered beside the published runs' (assets/presets.csv, offered_in allocator).
constexpr double kRoundBudgets[] = {1e21, 1e22, 1e23, 1e26};

// Rounds to three significant digits so slider positions give budgets people would type: the
// double that "1.23e24" reads as, so the field (which shows the budget exactly) shows 1.23e24.
double round3(double x) { return std::strtod(scaling::format_significant(x, 3).c_str(), nullptr); }

}  // namespace

void budget_input(app::State& s, float width) {
    ImGui::SetNextItemWidth(width);
    if (fields::text("##budget", "e.g. 3.8e25 or 5.76e23 FLOP", s.budget_text, sizeof s.budget_text,
                                 ImGuiInputTextFlags_AutoSelectAll)) {
        const scaling::Result<double> r = scaling::read_number(scaling::inputs::kFlops, s.budget_text);
        if (r.ok()) {
            s.flops = r.value;
            s.budget_error.clear();
        } else {
            s.budget_error = "Budget " + r.error;  // the typed text stays; the last valid budget is kept
        }
    }
    sem::describe_last(scaling::inputs::kFlops.label, scaling::inputs::kFlops.unit_text, scaling::inputs::kFlops.help,
                       s.budget_error);
    ui_probe::record_last_item("budget_input");
    ui_probe::record_text("budget_text", s.budget_text);
    if (!s.budget_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextWrapped("%s", s.budget_error.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ui_probe::record_text("budget_error", s.budget_error);
    }
}

void budget_slider(app::State& s, const app::Fonts& f, float width) {
    float lg = std::clamp(static_cast<float>(std::log10(s.flops)), kSliderMinLog10, kSliderMaxLog10);
    const std::string shown = scaling::format_quantity(s.flops, Unit::Flop);
    ImGui::SetNextItemWidth(width);
    // No text inside the track: the grab, wide on touch screens, would sit over it at mid-range
    // budgets. The value is written under the track, between the end labels.
    if (ImGui::SliderFloat("##budget_slider", &lg, kSliderMinLog10, kSliderMaxLog10, "",
                           ImGuiSliderFlags_NoInput | ImGuiSliderFlags_AlwaysClamp))
        app::set_budget(s, round3(std::pow(10.0, static_cast<double>(lg))));
    // For the keyboard: a range over the budget's decades, a tenth of a decade a step.
    double decades = 0;
    if (sem::slider("Compute budget, log10 FLOP", kSliderMinLog10, kSliderMaxLog10, 0.1, lg, shown, &decades))
        app::set_budget(s, round3(std::pow(10.0, decades)));
    ui_probe::record_last_item("budget_slider");
    ImGui::PushFont(f.small);
    ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_dim());
    const float x0 = ImGui::GetCursorPosX();
    ImGui::TextUnformatted("1e18");
    ImGui::SameLine();
    ImGui::SetCursorPosX(x0 + width - ImGui::CalcTextSize("1e28").x);
    ImGui::TextUnformatted("1e28");
    ImGui::PopStyleColor();
    ImGui::SameLine();
    // Centred between the ends; it never reaches them at 390 px ("1e18", "5.76e23 FLOP", "1e28").
    ImGui::SetCursorPosX(x0 + (width - ImGui::CalcTextSize(shown.c_str()).x) / 2);
    ImGui::TextUnformatted(shown.c_str());
    // Its place as a text: the browser tour takes every probed rect for a control to be touched.
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ui_probe::record_text("budget_slider_value", std::to_string(a.x) + " " + std::to_string(a.y) + " " +
                                                     std::to_string(b.x) + " " + std::to_string(b.y));
    ImGui::PopFont();
}

void budget_presets(app::State& s, float width) {
    widgets::chip_row_begin(width);
    // In order of budget: the round ones, and each published run named with its budget.
    for (double last = 0;;) {
        double next = INFINITY;
        const scaling::Preset* run = nullptr;
        for (double flops : kRoundBudgets)
            if (flops > last && flops < next) next = flops;
        for (const scaling::Preset& p : scaling::all_presets())
            if (p.in_allocator && p.flops > last && p.flops < next) next = p.flops, run = &p;
        if (!std::isfinite(next)) break;
        const std::string label = (run ? run->name + "  " : std::string()) + scaling::format_scientific(next);
        if (widgets::chip(label.c_str())) app::set_budget(s, next);
        ui_probe::record_last_item(("budget_chip:" + label).c_str());
        last = next;
    }
}

void law_combo(app::State& s, float width) {
    std::vector<std::string> names, citations;
    for (int i = 0; i < app::law_count(s); ++i) {
        const scaling::Law law = app::law_at(s, i);
        names.push_back(law.name);
        citations.push_back(law.citation);
    }
    const int chosen = combo("##law", "Scaling law", names, s.law, width, &citations, "");
    if (chosen != s.law) s.law = chosen;
    ui_probe::record_last_item("law_combo");
}

int combo(const char* id, const std::string& name, const std::vector<std::string>& options, int current, float width,
          const std::vector<std::string>* tips, const char* help, const char* probe) {
    if (options.empty()) return current;
    const int shown = std::clamp(current, 0, static_cast<int>(options.size()) - 1);
    int chosen = current;
    ImGui::SetNextItemWidth(width);
    // The node is the closed combo: its ID and place, taken before an open list becomes the last item.
    const ImGuiID node_id = ImGui::GetID(id);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool open = ImGui::BeginCombo(id, options[static_cast<size_t>(shown)].c_str(), ImGuiComboFlags_HeightLarge);
    if (!open && ImGui::IsItemHovered() && help && *help) sem::tooltip("%s", help);
    if (open) {
        for (int i = 0; i < static_cast<int>(options.size()); ++i) {
            // Rows as tall as a field: with the touch theme that is a 44 px target.
            if (ImGui::Selectable(options[static_cast<size_t>(i)].c_str(), i == current, 0,
                                  ImVec2(0, widgets::touch() ? ImGui::GetFrameHeight() : 0)))
                chosen = i;
            if (probe) ui_probe::record_last_item((probe + options[static_cast<size_t>(i)]).c_str());
            if (tips && ImGui::IsItemHovered()) sem::tooltip("%s", (*tips)[static_cast<size_t>(i)].c_str());
            if (i == current) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndCombo();
    }
    const int from_dom = sem::select_at(node_id, at, ImVec2(at.x + width, at.y + ImGui::GetFrameHeight()), name, options, shown);
    return from_dom >= 0 ? from_dom : chosen;
}

void law_settings(app::State& s, float width) {
    const scaling::Law law = app::current_law(s);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (law.id == "custom") {
        const float field = (width - spacing * 4) / 5;
        bool edited = false;
        for (int i = 0; i < 5; ++i) {
            if (i) ImGui::SameLine();
            ImGui::BeginGroup();
            const scaling::Input& in = *scaling::kCustomConstants[i];
            ImGui::TextUnformatted(in.label);
            sem::claim_last();  // the field's name
            if (ImGui::IsItemHovered()) sem::tooltip("%s", in.help);
            ImGui::SetNextItemWidth(field);
            ImGui::PushID(i);
            edited |= fields::text("##c", "", s.custom_text[i], sizeof s.custom_text[i],
                                     ImGuiInputTextFlags_CharsScientific | ImGuiInputTextFlags_AutoSelectAll);
            sem::describe_last(in.label, in.unit_text, in.help, "");
            ui_probe::record_last_item((std::string("custom_") + in.key).c_str());
            ImGui::PopID();
            ImGui::EndGroup();
        }
        if (edited) app::apply_custom_text(s);
        if (!s.custom_error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
            ImGui::TextWrapped("%s", s.custom_error.c_str());
            ImGui::PopStyleColor();
            ui_probe::record_text("custom_error", s.custom_error);
        }
    } else if (law.kind == scaling::LawKind::DeepSeek) {
        ImGui::TextUnformatted("M/N: FLOP per token per parameter (6 + seq_len/d_model)");
        ImGui::SetNextItemWidth(width);
        if (fields::text("##m_over_n", "empty: answer in FLOP per token", s.m_over_n_text,
                                     sizeof s.m_over_n_text, ImGuiInputTextFlags_CharsScientific)) {
            if (s.m_over_n_text[0] == 0) {
                s.m_over_n = 0;
                s.m_over_n_error.clear();
            } else {
                const scaling::Result<scaling::Law> r =
                    scaling::law_request({{"law", law.id}, {"m_over_n", s.m_over_n_text}});
                if (r.ok()) {
                    s.m_over_n = r.value.m_over_n;
                    s.m_over_n_error.clear();
                } else {
                    s.m_over_n_error = "M/N " + r.error;
                }
            }
            ++s.law_revision;
        }
        sem::describe_last("M/N, FLOP per token per parameter", "", "", s.m_over_n_error);
        ui_probe::record_last_item("m_over_n");
        if (!s.m_over_n_error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
            ImGui::TextWrapped("%s", s.m_over_n_error.c_str());
            ImGui::PopStyleColor();
        }
    }
}

bool number_field(app::Field& f, float width, const char* hint) {
    const std::string name = scaling::link_key(*f.in);
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_dim());
    ImGui::TextUnformatted(f.in->label);
    ImGui::PopStyleColor();
    sem::claim_last();  // the field's name, said by the field
    // On the label, not the box: a tooltip over the box would cover what is being typed.
    if (ImGui::IsItemHovered() && *f.in->help)
        sem::tooltip("%s%s%s", f.in->help, *f.in->unit_text ? "\nUnit: " : "", f.in->unit_text);
    ImGui::SetNextItemWidth(width);
    ImGui::PushID(name.c_str());
    const bool edited = fields::text("##v", hint, &f.text, ImGuiInputTextFlags_AutoSelectAll);
    std::string error;
    if (f.in->kind == scaling::InputKind::Number) {
        const scaling::Result<double> read = f.number();
        if (!read.ok()) error = std::string(f.in->label) + ": " + read.error;
    }
    sem::describe_last(f.in->label, f.in->unit_text, f.in->help, error);
    ImGui::PopID();
    ui_probe::record_last_item(name.c_str());
    ImGui::EndGroup();
    return edited;
}

bool number_rows(app::Field* const* fields, int count, int per_row, double* values) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float avail = ImGui::CalcItemWidth();  // inside a card: its inner width
    const float field = (avail - spacing * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    std::string errors;
    float row_x = 0, row_y = 0;
    for (int i = 0; i < count; ++i) {
        app::Field& f = *fields[i];
        // Each field's label and box as a group; the groups of a row start at one height. The cursor
        // is placed, not moved by SameLine, which would lower later groups to the first one's text
        // baseline (the field's frame padding).
        if (i % per_row) {
            ImGui::SetCursorPos(ImVec2(row_x + static_cast<float>(i % per_row) * (field + spacing), row_y));
        } else {
            row_x = ImGui::GetCursorPosX();
            row_y = ImGui::GetCursorPosY();
        }
        number_field(f, field);
        const scaling::Result<double> r = f.number();
        if (r.ok()) values[i] = r.value;
        else errors += (errors.empty() ? "" : "\n") + std::string(f.in->label) + ": " + r.error;
    }
    if (!errors.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        ImGui::TextWrapped("%s", errors.c_str());
        ImGui::PopStyleColor();
        ui_probe::record_text("input_error", errors);
    }
    return errors.empty();
}

bool choice_combo(app::Field& f, const char* id, float width, const std::vector<std::string>* shown) {
    const std::vector<std::string> ids = f.in->choices ? f.in->choices() : std::vector<std::string>{};
    std::vector<std::string> names;
    for (size_t i = 0; i < ids.size(); ++i) {
        if (shown) {
            names.push_back((*shown)[i]);
            continue;
        }
        std::string upper = ids[i];
        for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        names.push_back(upper);
    }
    const int current = f.index();
    const int chosen = combo(id, f.in->label, names, current, width, nullptr, f.in->help);
    if (chosen == current) return false;
    f.choose(chosen);
    return true;
}

bool labelled_choice(app::Field& f, const char* id, float width, const std::vector<std::string>* shown) {
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_dim());
    ImGui::TextUnformatted(f.in->label);
    ImGui::PopStyleColor();
    const bool changed = choice_combo(f, id, width, shown);
    ImGui::EndGroup();
    return changed;
}

const std::vector<std::string>& gpu_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (const scaling::Gpu& g : scaling::all_gpus()) v.push_back(g.name);
        return v;
    }();
    return names;
}

void figure_toolbar(app::State& s, const app::Fonts& f) {
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (avail >= em * 44) {
        const float input_w = em * 9, law_w = em * 15;
        const float slider_w = avail - input_w - law_w - spacing * 2;
        const float y = ImGui::GetCursorPosY();
        ImGui::BeginGroup();
        budget_input(s, input_w);
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::SetCursorPosY(y);
        ImGui::BeginGroup();
        budget_slider(s, f, slider_w);
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::SetCursorPosY(y);
        ImGui::BeginGroup();
        law_combo(s, law_w);
        law_settings(s, law_w);
        ImGui::EndGroup();
    } else {
        budget_input(s, avail);
        budget_slider(s, f, avail);
        law_combo(s, avail);
        law_settings(s, avail);
    }
    ImGui::Spacing();
}

}  // namespace controls
