// view_compare.cpp: every law at the budget side by side (N, D, tokens/param, loss, 95% ranges
// where published, extrapolation flags), the spread across published laws, and the rules of thumb
// in circulation with what they imply, marked where they disagree with every law.
#include <algorithm>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/compare.hpp"
#include "core/quantity.hpp"
#include "imgui.h"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"
#include "semantics.hpp"

namespace views {
namespace {

using scaling::format_count;
using scaling::format_fixed;
using scaling::format_scientific;

std::vector<scaling::Law> laws_with_settings(const app::State& s) {
    std::vector<scaling::Law> out;
    for (int i = 0; i < app::law_count(s); ++i) out.push_back(app::law_at(s, i));
    return out;
}

void cell(const std::string& text) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(text.c_str());
}

void dim_cell(const std::string& text) {
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_dim());
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
}

// One law or rule on a phone: its name as the card's line (whole, never cut by a column), then
// label: value pairs, two pairs to a line when they fit `width`, else one; a value may carry a
// second, dim line (its 95% range).
struct Pair {
    const char* label;
    std::string value, second;
};

float pair_widths(const std::vector<Pair>& pairs, float* label_w, float* value_w) {
    for (const Pair& p : pairs) {
        *label_w = std::max(*label_w, ImGui::CalcTextSize(p.label).x);
        *value_w = std::max({*value_w, ImGui::CalcTextSize(p.value.c_str()).x, ImGui::CalcTextSize(p.second.c_str()).x});
    }
    return *label_w + *value_w;
}

// How many pairs to a line: two when both fit `width` with the cells' padding, else one.
int pairs_per_line(float label_w, float value_w, float width) {
    const float pad = ImGui::GetStyle().CellPadding.x * 2;
    return 2 * (label_w + value_w + 2 * pad) + pad <= width ? 2 : 1;
}

void pairs_table(const char* id, const std::vector<Pair>& pairs, int per_line, float label_w, float width) {
    const int columns = per_line * 2;
    const ImGuiTableFlags tf = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoPadOuterX;
    if (!ImGui::BeginTable(id, columns, tf, ImVec2(width, 0))) return;
    // The widest value, so second lines set beside their values start at one x.
    float widest = 0;
    for (const Pair& p : pairs) widest = std::max(widest, ImGui::CalcTextSize(p.value.c_str()).x);
    for (int c = 0; c < columns; ++c)
        ImGui::TableSetupColumn(nullptr, c % 2 ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_WidthFixed,
                                c % 2 ? 1.0f : label_w);
    for (size_t i = 0; i < pairs.size(); ++i) {
        if (i % static_cast<size_t>(per_line) == 0) ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_dim());
        ImGui::TextUnformatted(pairs[i].label);
        ImGui::PopStyleColor();
        number_cell(id, pairs[i].value);
        if (!pairs[i].second.empty()) {
            // Beside the value when the column has room for both (the cursor is back at the column's
            // start, so the room is the column's width), else under it.
            const float gap = ImGui::GetFontSize();
            if (widest + gap + ImGui::CalcTextSize(pairs[i].second.c_str()).x <= ImGui::GetContentRegionAvail().x)
                ImGui::SameLine(0, gap + widest - ImGui::GetItemRectSize().x);
            number_text(id, pairs[i].second, true, 1);
        }
    }
    ImGui::EndTable();
}

// The law's name on its own line, in bold: a selectable as wide as the card (a finger's height on
// touch, the name centred in it), so the whole name shows.
bool name_line(const std::string& name, bool selected, const std::string& probe, float width, ImFont* bold) {
    ImGui::PushFont(bold);
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
    const bool clicked = ImGui::Selectable(name.c_str(), selected, 0, ImVec2(width, widgets::touch() ? ImGui::GetFrameHeight() : 0));
    const bool pressed = sem::button(name, "button", selected ? 1 : 0) || clicked;  // a toggle: the law in use
    ImGui::PopStyleVar();
    ImGui::PopFont();
    ui_probe::record_last_item(probe.c_str());
    ui_probe::record_text(probe.c_str(), name);
    return pressed;
}

std::string range(const std::string& lo, const std::string& hi) { return "95%: " + lo + "-" + hi; }

// A thin rule between two entries, as wide as the card (ImGui::Separator spans the whole window).
void rule(float width) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + width, p.y), ImGui::GetColorU32(ImGuiCol_Separator));
    ImGui::Dummy(ImVec2(width, 1));
}

}  // namespace

void law_table(app::State& s, const app::Fonts& f, float width, bool full) {
    const std::vector<scaling::Law> laws = laws_with_settings(s);
    // The comparison (with ranges over 4,000 bootstrap draws) changes only with the budget or the
    // laws' settings (or, on the web, when the draws arrive): computed then, not every frame.
    // The Allocator's short table shows no ranges and does not make them.
    static struct {
        double flops = -1;
        int revision = -1;
        bool ranges = false;
        scaling::Comparison value;
    } cache;
    if (cache.flops != s.flops || cache.revision != s.law_revision || cache.ranges != full) {
        cache.value = scaling::compare(laws, s.flops, full);
        cache.flops = s.flops;
        cache.revision = s.law_revision;
        cache.ranges = full;
    }
    const scaling::Comparison& c = cache.value;
    const float em = ImGui::GetFontSize();
    const bool narrow = width < em * 40;
    const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                               ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    const char* table_id = full ? "compare_laws" : "every_law";
    if (narrow) {
        // Phones: five columns of 390 px cut the names and broke the ranges over lines; each law
        // becomes a card line and its values label: value pairs under it.
        std::vector<std::vector<Pair>> all(c.laws.size());
        float label_w = 0, value_w = 0;
        for (size_t i = 0; i < c.laws.size(); ++i) {
            const scaling::LawRow& row = c.laws[i];
            if (!row.ok) continue;
            const scaling::Allocation& a = row.at;
            const bool ranged = full && row.has_range;
            std::vector<Pair>& p = all[i];
            if (a.has_params) p.push_back({"Params", format_count(a.params), ranged ? range(format_count(row.n_lo), format_count(row.n_hi)) : ""});
            else p.push_back({"FLOP/token", format_scientific(a.flops_per_token), ""});
            p.push_back({"Tokens", format_count(a.tokens), ranged ? range(format_count(row.d_lo), format_count(row.d_hi)) : ""});
            p.push_back({"Tok/param", a.has_params ? format_count(a.tokens_per_param) : "-",
                         ranged ? range(format_count(row.r_lo), format_count(row.r_hi)) : ""});
            p.push_back({"Loss", a.has_loss ? format_fixed(a.loss, 3) : "-",
                         ranged ? range(format_fixed(row.l_lo, 2), format_fixed(row.l_hi, 2)) : ""});
            pair_widths(p, &label_w, &value_w);
        }
        for (size_t i = 0; i < c.laws.size(); ++i) {
            const scaling::LawRow& row = c.laws[i];
            // Two pairs to a line where this law's values allow (the labels' column shared, so the
            // laws line up); a law with ranges usually takes one.
            float own_label_w = label_w, own_value_w = 0;
            pair_widths(all[i], &own_label_w, &own_value_w);
            const int per_line = pairs_per_line(label_w, own_value_w, width);
            ImGui::PushID(static_cast<int>(i));
            if (i) rule(width);
            const std::string name = row.name + (row.caveats.extrapolated ? " *" : "");
            if (name_line(name, static_cast<int>(i) == s.law, std::string(table_id) + "_name:" + laws[i].id, width, f.bold))
                s.law = static_cast<int>(i);
            if (!row.ok) {
                widgets::dim_text_wrapped("out of range");
            } else {
                const std::string id = std::string(table_id) + ":" + laws[i].id;
                pairs_table(id.c_str(), all[i], per_line, label_w, width);
            }
            if (full && row.has_range)
                ui_probe::record_text(("range:" + laws[i].id + ":params").c_str(),
                                      format_count(row.n_lo) + "-" + format_count(row.n_hi));
            if (full && !row.has_range && !row.range_error.empty()) {
                ImGui::PushFont(f.small);
                widgets::dim_text_wrapped(("95% range: " + row.range_error).c_str());
                ImGui::PopFont();
                ui_probe::record_text(("range:" + laws[i].id + ":error").c_str(), row.range_error);
            }
            ImGui::PopID();
        }
    } else if (ImGui::BeginTable(table_id, full ? 6 : 5, tf, ImVec2(width, 0))) {
        const int columns = full ? 6 : 5;
        ImGui::TableSetupColumn("Law", ImGuiTableColumnFlags_WidthStretch, 2.4f);
        ImGui::TableSetupColumn("Params", ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableSetupColumn("Tokens", ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableSetupColumn("Tok/param", ImGuiTableColumnFlags_WidthStretch, 0.9f);
        ImGui::TableSetupColumn("Loss", ImGuiTableColumnFlags_WidthStretch, 0.8f);
        if (columns == 6) ImGui::TableSetupColumn("Source", ImGuiTableColumnFlags_WidthStretch, 2.2f);
        ImGui::TableHeadersRow();
        for (size_t i = 0; i < c.laws.size(); ++i) {
            const scaling::LawRow& row = c.laws[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(i));
            const std::string name = row.name + (row.caveats.extrapolated ? " *" : "");
            const bool clicked = ImGui::Selectable(name.c_str(), static_cast<int>(i) == s.law, ImGuiSelectableFlags_SpanAllColumns);
            if (sem::button("Use " + row.name, "button", static_cast<int>(i) == s.law ? 1 : 0) || clicked)
                s.law = static_cast<int>(i);
            if (ImGui::IsItemHovered()) sem::tooltip("%s", laws[i].citation.c_str());
            ImGui::PopID();
            if (!row.ok) {
                cell("out of range");
                continue;
            }
            const scaling::Allocation& a = row.at;
            number_cell(table_id, a.has_params ? format_count(a.params) : format_scientific(a.flops_per_token) + " FLOP/tok");
            number_cell(table_id, format_count(a.tokens));
            number_cell(table_id, a.has_params ? format_count(a.tokens_per_param) : "-");
            number_cell(table_id, a.has_loss ? format_fixed(a.loss, 3) : "-");
            if (columns == 6) dim_cell(laws[i].citation.substr(0, laws[i].citation.find(',', laws[i].citation.find(',') + 1)));
            if (full && row.has_range) {
                // The 95% range over the law's bootstrap draws, on a row of its own under the law.
                ImGui::TableNextRow();
                dim_cell("  95% range");
                number_cell(table_id, format_count(row.n_lo) + "-" + format_count(row.n_hi), true);
                number_cell(table_id, format_count(row.d_lo) + "-" + format_count(row.d_hi), true);
                number_cell(table_id, format_count(row.r_lo) + "-" + format_count(row.r_hi), true);
                number_cell(table_id, format_fixed(row.l_lo, 2) + "-" + format_fixed(row.l_hi, 2), true);
                if (columns == 6) dim_cell("from its bootstrap draws");
                ui_probe::record_text(("range:" + laws[i].id + ":params").c_str(),
                                      format_count(row.n_lo) + "-" + format_count(row.n_hi));
            } else if (full && !row.range_error.empty()) {
                // No range yet (the web fetches the draws on first need) or a file that did not load.
                ImGui::TableNextRow();
                dim_cell("  95% range");
                ImGui::TableNextColumn();
                ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_dim());
                widgets::text_wrapped("%s", row.range_error.c_str());
                ImGui::PopStyleColor();
                ui_probe::record_text(("range:" + laws[i].id + ":error").c_str(), row.range_error);
            }
        }
        ImGui::EndTable();
    }
    if (c.n_max > 0) {
        ImGui::Spacing();
        ImGui::PushFont(f.small);
        const std::string spread = "Published laws disagree by " + format_count(c.n_max / c.n_min) + "x in model size (" +
                                   format_count(c.n_min) + " to " + format_count(c.n_max) + ") and " +
                                   format_count(c.d_max / c.d_min) + "x in tokens at this budget. * marks a budget "
                                   "outside the range the law was fitted on. Losses are not comparable across laws "
                                   "fitted on different data.";
        widgets::dim_text_wrapped(spread.c_str());
        ui_probe::record_text("spread_params", format_count(c.n_max / c.n_min));
        ImGui::PopFont();
    }
    if (!full) return;

    ImGui::Spacing();
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted("Rules of thumb in circulation");
    ImGui::PopFont();
    const auto verdict = [](const scaling::RuleOfThumb& t) {
        ImGui::PushStyleColor(ImGuiCol_Text, t.disagrees_with_every_law ? widgets::col_error() : widgets::col_dim());
        if (t.disagrees_with_every_law) widgets::text_wrapped("Disagrees with every published law (>2x in N). %s", t.claim.c_str());
        else widgets::text_wrapped("Within 2x of at least one law. %s", t.claim.c_str());
        ImGui::PopStyleColor();
        ui_probe::record_text(("rule:" + t.id).c_str(), t.disagrees_with_every_law ? "disagrees" : "agrees");
    };
    if (narrow) {
        // Phones: each rule as a card line, its implied allocation as pairs, its verdict in full.
        std::vector<std::vector<Pair>> all;
        float label_w = 0, value_w = 0;
        for (const scaling::RuleOfThumb& t : c.rules) {
            all.push_back({{"Params", format_count(t.at.params), ""}, {"Tokens", format_count(t.at.tokens), ""},
                           {"Tok/param", format_count(t.at.tokens_per_param), ""}});
            pair_widths(all.back(), &label_w, &value_w);
        }
        const int per_line = pairs_per_line(label_w, value_w, width);
        for (size_t i = 0; i < c.rules.size(); ++i) {
            const scaling::RuleOfThumb& t = c.rules[i];
            if (i) rule(width);
            ImGui::PushFont(f.bold);
            widgets::text_wrapped("%s", t.formula.c_str());
            ImGui::PopFont();
            pairs_table(("rules:" + t.id).c_str(), all[i], per_line, label_w, width);
            verdict(t);
        }
    } else if (ImGui::BeginTable("rules", 5, tf, ImVec2(width, 0))) {
        ImGui::TableSetupColumn("Rule", ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn("Params", ImGuiTableColumnFlags_WidthStretch, 0.9f);
        ImGui::TableSetupColumn("Tokens", ImGuiTableColumnFlags_WidthStretch, 0.9f);
        ImGui::TableSetupColumn("Tok/param", ImGuiTableColumnFlags_WidthStretch, 0.8f);
        ImGui::TableSetupColumn("Verdict", ImGuiTableColumnFlags_WidthStretch, 2.6f);
        ImGui::TableHeadersRow();
        for (const scaling::RuleOfThumb& t : c.rules) {
            ImGui::TableNextRow();
            cell(t.formula);
            if (ImGui::IsItemHovered()) sem::tooltip("%s", t.claim.c_str());
            number_cell("rules", format_count(t.at.params));
            number_cell("rules", format_count(t.at.tokens));
            number_cell("rules", format_count(t.at.tokens_per_param));
            ImGui::TableNextColumn();
            verdict(t);
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    ImGui::PushFont(f.small);
    // Each law's caveats beyond its "*" (extrapolated), led by its name, as `scaling compare` says them.
    caveats(scaling::caveats_of(c, false), "compare_caveats");
    widgets::dim_text_wrapped("* the budget lies outside the budgets the law was fitted on.");
    if (!c.range_method.empty()) widgets::dim_text_wrapped(("95% ranges. " + c.range_method).c_str());
    ImGui::PopFont();
}

void compare(app::State& s, const app::Fonts& f) {
    controls::figure_toolbar(s, f);
    const float avail = ImGui::GetContentRegionAvail().x;
    widgets::card_begin(avail);
    ImGui::PushFont(f.bold);
    ImGui::Text("Every law at %s", scaling::format_quantity(s.flops, scaling::Unit::Flop).c_str());
    ImGui::PopFont();
    law_table(s, f, avail - 2 * ImGui::GetFontSize(), true);
    widgets::card_end();
}

}  // namespace views
