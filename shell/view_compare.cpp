// view_compare.cpp: every law at the budget side by side (N, D, tokens/param, loss, 95% ranges
// where published, extrapolation flags), the spread across published laws, and the rules of thumb
// in circulation with what they imply, marked where they disagree with every law.
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
    const int columns = full && !narrow ? 6 : 5;
    const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                               ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (ImGui::BeginTable(full ? "compare_laws" : "every_law", columns, tf, ImVec2(width, 0))) {
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
            cell(a.has_params ? format_count(a.params) : format_scientific(a.flops_per_token) + " FLOP/tok");
            cell(format_count(a.tokens));
            cell(a.has_params ? format_count(a.tokens_per_param) : "-");
            cell(a.has_loss ? format_fixed(a.loss, 3) : "-");
            if (columns == 6) dim_cell(laws[i].citation.substr(0, laws[i].citation.find(',', laws[i].citation.find(',') + 1)));
            if (full && row.has_range) {
                // The 95% range over the law's bootstrap draws, on a row of its own under the law.
                ImGui::TableNextRow();
                dim_cell("  95% range");
                dim_cell(format_count(row.n_lo) + "-" + format_count(row.n_hi));
                dim_cell(format_count(row.d_lo) + "-" + format_count(row.d_hi));
                dim_cell(format_count(row.r_lo) + "-" + format_count(row.r_hi));
                dim_cell(format_fixed(row.l_lo, 2) + "-" + format_fixed(row.l_hi, 2));
                if (columns == 6) dim_cell("from its bootstrap draws");
                ui_probe::record_text(("range:" + laws[i].id + ":params").c_str(),
                                      format_count(row.n_lo) + "-" + format_count(row.n_hi));
            } else if (full && !row.range_error.empty()) {
                // No range yet (the web fetches the draws on first need) or a file that did not load.
                ImGui::TableNextRow();
                dim_cell("  95% range");
                ImGui::TableNextColumn();
                ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_dim());
                ImGui::TextWrapped("%s", row.range_error.c_str());
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
    if (ImGui::BeginTable("rules", 5, tf, ImVec2(width, 0))) {
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
            cell(format_count(t.at.params));
            cell(format_count(t.at.tokens));
            cell(format_count(t.at.tokens_per_param));
            ImGui::TableNextColumn();
            if (t.disagrees_with_every_law) {
                ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
                ImGui::TextWrapped("Disagrees with every published law (>2x in N). %s", t.claim.c_str());
                ImGui::PopStyleColor();
            } else {
                ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_dim());
                ImGui::TextWrapped("Within 2x of at least one law. %s", t.claim.c_str());
                ImGui::PopStyleColor();
            }
            ui_probe::record_text(("rule:" + t.id).c_str(), t.disagrees_with_every_law ? "disagrees" : "agrees");
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
