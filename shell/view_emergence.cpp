// view_emergence.cpp: the Emergence view: a per-token accuracy that rises smoothly with scale, read
// through two metrics (Schaeffer et al. 2023): exact match p^L jumps, token edit distance L·(1 − p)
// does not. Beside it, the thresholds claimed in circulation, each with its source, and where the
// sources disagree.
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/emergence.hpp"
#include "core/quantity.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {
namespace {

// Thresholds said to mark an ability's emergence, with their sources. Where two rows name the
// same ability with different scales, the view marks the disagreement.
struct Claim {
    const char* ability;
    const char* scale;
    double params;  // the claimed threshold, parameters
    const char* source;
};
constexpr Claim kClaims[] = {
    {"Multi-step arithmetic (3-digit addition)", "13B params, 2.3e22 FLOP (GPT-3)", 13e9,
     "Wei et al. 2022, \"Emergent Abilities of Large Language Models\", TMLR, arXiv 2206.07682, Table 1"},
    {"Multi-step arithmetic", "about 10B params", 10e9, "In circulation (secondary summaries), rounding the row above"},
    {"Chain-of-thought prompting", "68B params, 1.3e23 FLOP (LaMDA, math word problems)", 68e9,
     "Wei et al. 2022, arXiv 2206.07682, Table 1"},
    {"Chain-of-thought prompting", "about 100B params", 100e9,
     "Wei et al. 2022, \"Chain-of-Thought Prompting\", arXiv 2201.11903, Sec. 3: gains only at about 100B"},
    {"Chain-of-thought prompting", "about 10B params", 10e9,
     "In circulation (secondary summaries); no primary source found, and 7-10x below the two rows above"},
};

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
        for (const Claim& c : kClaims) {
            // Another row for the same ability at a scale more than 3x away: the sources disagree.
            bool disputed = false;
            for (const Claim& o : kClaims)
                if (&o != &c && std::string(o.ability).rfind(c.ability, 0) == 0 && (o.params > 3 * c.params || c.params > 3 * o.params))
                    disputed = true;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            widgets::text_wrapped("%s", c.ability);
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
                              "the exact match above, which is where Schaeffer et al. find the jumps shrink or vanish.");
    widgets::card_end();
}

}  // namespace views
