// view_emergence.cpp: the Emergence view: a per-token accuracy that rises smoothly with scale, read
// through two metrics (Schaeffer et al. 2023): exact match p^L jumps, token edit distance L·(1 − p)
// does not. Beside it, the thresholds claimed, each with its source, and where the sources disagree
// (core/emergence_catalog.hpp); and grokking, a delay in steps rather than a threshold in scale.
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/emergence.hpp"
#include "core/emergence_catalog.hpp"
#include "core/quantity.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {
namespace {

// The grokking card (Power et al. 2022): the paper's example in numbers, and how to read a curve.
void grokking_card(const app::Fonts& f, float width) {
    const scaling::GrokkingExample g;
    widgets::card_begin(width);
    widgets::heading(f.bold, "Grokking: generalising long after memorising");
    widgets::text_wrapped("%s.", g.task);
    const float em = ImGui::GetFontSize();
    const std::string values[3] = {"< " + scaling::format_scientific(g.train_near_perfect_steps, 1),
                                   scaling::format_scientific(g.first_generalisation_steps, 1),
                                   "about " + scaling::format_scientific(g.validation_near_perfect_steps, 1)};
    const char* captions[3] = {"Training accuracy near 100% (steps)", "First sign of generalisation (steps)",
                               "Validation accuracy near 100% (steps)"};
    const char* names[3] = {"em_grok_train", "em_grok_first", "em_grok_validation"};
    widgets::stat_row(captions, values, names, 3, width < em * 40 ? 1 : 3, width - 2 * em, f.small, f.big);
    widgets::text_wrapped("%s", g.reading);
    widgets::note(f.small, (std::string(g.source) + ". " + g.weight_decay + ".").c_str());
    widgets::card_end();
}

}  // namespace

void emergence(app::State& s, const app::Fonts& f) {
    using scaling::format_count;
    using scaling::format_fixed;
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < em * 40;

    widgets::card_begin(avail);
    widgets::heading(f.bold, "A smooth ability, two metrics");
    app::Field* in[] = {&s.emergence.answer_length, &s.emergence.accuracy_nc, &s.emergence.accuracy_alpha};
    double x[3] = {};
    const bool ok = controls::number_rows(in, 3, narrow ? 1 : 3, x);
    widgets::note(f.small, "Per-token accuracy p(N) = exp(−(N_c/N)^alpha): the per-token loss falls as a power law, as "
                              "in Schaeffer et al.'s Fig. 2. Illustrative constants, not a fit to a benchmark.");
    widgets::card_end();
    if (!ok) return;
    const scaling::SmoothAccuracy acc{x[1], x[2]};
    const double L = x[0];
    ImGui::Spacing();

    std::vector<double> ns, p, exact, edit;
    for (int i = 0; i <= 200; ++i) {
        const double n = std::pow(10.0, 6 + 8.0 * i / 200);
        ns.push_back(n);
        p.push_back(scaling::per_token_accuracy(acc, n));
        exact.push_back(scaling::exact_match(p.back(), L));
        edit.push_back(scaling::token_edit_distance(p.back(), L));
    }
    const double half = scaling::params_reaching(acc, L, 0.5);
    ui_probe::record_text("em_half", format_count(half));
    const float plot_w = narrow ? avail : (avail - ImGui::GetStyle().ItemSpacing.x) / 2;
    const float h = views::figure_height(plot_w, narrow ? 0.75f : 0.62f, 12);
    const int count = static_cast<int>(ns.size());
    if (plot::BeginPlot("Exact match: a jump##em_exact", ImVec2(plot_w, h))) {
        plot::SetupAxis(plot::X, "Parameters N", scaling::AxisScale::Log10, scaling::AxisFormat::Count);
        plot::SetupAxis(plot::Y, "Accuracy", scaling::AxisScale::Linear, scaling::AxisFormat::Plain);
        plot::SetupAxisLimits(plot::Y, 0, 1.05);
        plot::PlotLine("Per-token accuracy p", ns.data(), p.data(), count, plot::Style{IM_COL32(120, 124, 132, 255), 2.0f, true});
        const std::string label = "Exact match p^" + format_count(L);
        plot::PlotLine(label.c_str(), ns.data(), exact.data(), count, plot::Style{plot::PaletteColor(0), 3.0f});
        plot::PlotRefLine("Exact match reaches 50%", plot::X, half, plot::Style{plot::PaletteColor(3), 1.5f, true});
        plot::EndPlot();
    }
    if (!narrow) ImGui::SameLine();
    if (plot::BeginPlot("Token edit distance: smooth##em_edit", ImVec2(plot_w, h))) {
        plot::SetupAxis(plot::X, "Parameters N", scaling::AxisScale::Log10, scaling::AxisFormat::Count);
        plot::SetupAxis(plot::Y, "Expected wrong tokens per answer", scaling::AxisScale::Linear, scaling::AxisFormat::Plain);
        const std::string label = "Edit distance " + format_count(L) + "·(1 - p)";
        plot::PlotLine(label.c_str(), ns.data(), edit.data(), count, plot::Style{plot::PaletteColor(1), 3.0f});
        plot::EndPlot();
    }
    ImGui::Spacing();

    widgets::card_begin(avail);
    widgets::heading(f.bold, "The same per-token accuracy, answer length L");
    // Phones: the values' columns as wide as their values, the rows' names wrapping in the rest.
    const ImGuiTableColumnFlags value_col = narrow ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_None;
    if (ImGui::BeginTable("em_table", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Per-token p", narrow ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_None);
        for (const char* p : {"0.80", "0.90", "0.95", "0.99"}) ImGui::TableSetupColumn(p, value_col);
        ImGui::TableHeadersRow();
        const double ps[4] = {0.8, 0.9, 0.95, 0.99};
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.0f);  // at the column's edge, not the card's
        widgets::text_wrapped("%s", ("Exact match, L = " + format_count(L)).c_str());
        ImGui::PopTextWrapPos();
        for (int i = 0; i < 4; ++i) {
            const std::string v = format_fixed(scaling::exact_match(ps[i], L), 3);
            number_cell("em_table", v);
            ui_probe::record_text(("em_exact:" + format_fixed(ps[i], 2)).c_str(), v);
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.0f);
        widgets::text_wrapped("Edit distance (tokens)");
        ImGui::PopTextWrapPos();
        for (double pp : ps) number_cell("em_table", format_fixed(scaling::token_edit_distance(pp, L), 2));
        ImGui::EndTable();
    }
    widgets::note(f.small, "Schaeffer et al. 2023, \"Are Emergent Abilities of Large Language Models a Mirage?\", "
                              "arXiv 2304.15004, Sec. 2: at L = 10, p = 0.8 / 0.9 / 0.95 / 0.99 gives exact match "
                              "0.107 / 0.349 / 0.599 / 0.904. A metric that scores only whole answers turns a steady "
                              "gain in p into a sudden jump; a per-token metric shows the steady gain.");
    widgets::card_end();
    ImGui::Spacing();

    widgets::card_begin(avail);
    widgets::heading(f.bold, "Thresholds claimed in circulation");
    if (ImGui::BeginTable("em_claims", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Ability", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Claimed scale", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Source", ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableHeadersRow();
        ImGui::PushTextWrapPos(0.0f);  // wrap at each column's edge, not the card's
        for (const scaling::EmergenceClaim& c : scaling::emergence_claims()) {
            const bool disputed = scaling::claim_disputed(c);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (*c.task) widgets::text_wrapped("%s (%s)", c.ability, c.task);
            else widgets::text_wrapped("%s", c.ability);
            ImGui::TableNextColumn();
            if (disputed) ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_warning());
            widgets::text_wrapped("%s%s", c.scale, disputed ? " (sources disagree)" : "");
            if (disputed) ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            ImGui::PushFont(f.small);
            widgets::text_wrapped("%s", c.source);
            ImGui::PopFont();
        }
        ImGui::PopTextWrapPos();
        ImGui::EndTable();
    }
    widgets::note(f.small, "Claims, not results of this tool: each threshold was read off an accuracy metric like "
                              "the exact match above, which is where Schaeffer et al. find the jumps shrink or vanish. "
                              "Rows of one ability more than 3x apart, or one with a threshold and one without, are "
                              "marked as disagreeing.");
    widgets::card_end();
    ImGui::Spacing();
    grokking_card(f, avail);
}

}  // namespace views
