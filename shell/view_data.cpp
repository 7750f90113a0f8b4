// view_data.cpp: the Data view: a budget spent on U unique tokens (Muennighoff et al. 2023). Three
// ways compared on one plot of loss against epochs: one epoch with a smaller model, the
// compute-optimal split repeated, and their data-constrained optimum; beside it the effective data
// D' against epochs with its 16.39·U ceiling.
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/data_limits.hpp"
#include "core/quantity.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {
namespace {

using scaling::format_count;
using scaling::format_fixed;

constexpr int kPoints = 161;

struct Curves {
    std::vector<double> epochs, loss, fresh_loss, d_ratio, fresh_ratio;
};

Curves curves(const scaling::ChinchillaConstants& c, const scaling::DataPlan& p) {
    Curves out;
    const double lo = std::min(0.1, p.optimum.epochs / 2), hi = std::max(1000.0, p.unconstrained.epochs * 2);
    for (int i = 0; i < kPoints; ++i) {
        const double e = lo * std::pow(hi / lo, static_cast<double>(i) / (kPoints - 1));
        const scaling::DataPoint d = scaling::at_epochs(c, p.flops, p.unique_tokens, e);
        if (!(d.params >= 1) || !std::isfinite(d.loss)) continue;
        out.epochs.push_back(e);
        out.loss.push_back(d.loss);
        out.fresh_loss.push_back(d.fresh_loss);
        out.d_ratio.push_back(d.effective_tokens / p.unique_tokens);
        out.fresh_ratio.push_back(e);
    }
    return out;
}

void point_marker(const char* label, const scaling::DataPoint& d, ImU32 color, plot::Marker m) {
    plot::Style st;
    st.color = color;
    st.marker = m;
    st.marker_size = ImGui::GetFontSize() * 0.35f;
    plot::PlotScatter(label, &d.epochs, &d.loss, 1, st);
}

}  // namespace

void data(app::State& s, const app::Fonts& f) {
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < em * 40;
    const scaling::Law& law = *scaling::find_law("muennighoff2023");

    widgets::card_begin(avail);
    widgets::heading(f.bold, "Unique data and compute");
    app::Field* in[] = {&s.data.unique_tokens};
    double unique = 0;
    const bool ok = controls::number_rows(in, 1, 1, &unique);
    ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_dim());
    ImGui::TextUnformatted("Training compute");
    ImGui::PopStyleColor();
    controls::budget_input(s, avail - 2 * em);
    controls::budget_slider(s, f, avail - 2 * em);
    widgets::card_end();

    const scaling::Result<scaling::DataPlan> r = ok ? scaling::plan_data(law, s.flops, unique)
                                                    : scaling::Result<scaling::DataPlan>::fail("");
    if (!r.ok()) {
        if (!r.error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
            widgets::text_wrapped("%s %s", r.field == "flops" ? "The budget" : "Unique tokens", r.error.c_str());
            ImGui::PopStyleColor();
            ui_probe::record_text("data_error", r.error);
        }
        return;
    }
    const scaling::DataPlan& p = r.value;
    ImGui::Spacing();

    // The three strategies: a table, columns as strategies (they are what is compared).
    widgets::card_begin(avail);
    widgets::heading(f.bold, p.data_binding ? "The data runs out: three ways to spend the budget"
                                          : "Enough data: the compute-optimal model needs no repetition");
    const scaling::DataPoint* cols[3] = {&p.one_epoch, &p.unconstrained, &p.optimum};
    // Phones: short headings, the values' columns as wide as their values, the rows' names
    // wrapping in what is left (the long headings would make the columns too wide for 390 px).
    const char* heads[3] = {"One epoch", "Compute-optimal, repeated", "Data-constrained optimum"};
    const char* short_heads[3] = {"1 epoch", "Repeated", "Optimum"};
    const char* probe[3] = {"one_epoch", "repeated", "optimum"};
    if (ImGui::BeginTable("strategies", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 1.1f);
        for (int i = 0; i < 3; ++i)
            ImGui::TableSetupColumn(narrow ? short_heads[i] : heads[i],
                                    narrow ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch,
                                    narrow ? 0.0f : 1.0f);
        ImGui::TableHeadersRow();
        const auto row = [&](const char* name, auto value) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.0f);  // at the column's edge, not the card's
            widgets::text_wrapped("%s", name);
            ImGui::PopTextWrapPos();
            for (int i = 0; i < 3; ++i) {
                const std::string v = value(*cols[i]);
                number_cell("strategies", v);
                ui_probe::record_text((std::string("data_") + probe[i] + ":" + name).c_str(), v);
            }
        };
        row("Parameters N", [](const scaling::DataPoint& d) { return format_count(d.params); });
        row("Tokens D", [](const scaling::DataPoint& d) { return format_count(d.tokens); });
        row("Epochs", [](const scaling::DataPoint& d) { return format_fixed(d.epochs, d.epochs < 10 ? 2 : 1); });
        row("Effective data D'", [](const scaling::DataPoint& d) { return format_count(d.effective_tokens); });
        row("Effective params N'", [](const scaling::DataPoint& d) { return format_count(d.effective_params); });
        row("Loss with repetition", [](const scaling::DataPoint& d) { return format_fixed(d.loss, 4); });
        row("Loss if all data were new", [](const scaling::DataPoint& d) { return format_fixed(d.fresh_loss, 4); });
        ImGui::EndTable();
    }
    const std::string ceiling = "Ceiling: repeating " + format_count(p.unique_tokens) + " unique tokens can never be worth more than " +
                                format_count(p.ceiling_tokens) + " fresh ones (16.39 U).";
    widgets::note(f.small, ceiling.c_str());
    ui_probe::record_text("data_ceiling", format_count(p.ceiling_tokens));
    views::caveats(scaling::caveats_of(law, p), "data_caveats");
    widgets::card_end();
    ImGui::Spacing();

    const Curves c = curves(law.chinchilla, p);
    const int n = static_cast<int>(c.epochs.size());
    const plot::Style kMain{plot::PaletteColor(0), 3.0f};                     // the law with repetition
    const plot::Style kFresh{IM_COL32(120, 124, 132, 255), 2.0f, true};       // as if all data were new
    const float plot_w = narrow ? avail : (avail - ImGui::GetStyle().ItemSpacing.x) / 2;
    const float h = views::figure_height(plot_w, narrow ? 0.75f : 0.62f, 4);
    if (plot::BeginPlot("Loss against epochs at this budget##data_loss", ImVec2(plot_w, h))) {
        plot::SetupAxis(plot::X, "Epochs over the unique data (D / U)", scaling::AxisScale::Log10, scaling::AxisFormat::Plain);
        plot::SetupAxis(plot::Y, "Loss (nats/token)", scaling::AxisScale::Linear, scaling::AxisFormat::Loss);
        plot::SetupLegendNorthEast();
        plot::PlotLine("With repetition (Muennighoff)", c.epochs.data(), c.loss.data(), n, kMain);
        plot::PlotLine("If every token were new", c.epochs.data(), c.fresh_loss.data(), n, kFresh);
        plot::PlotRefLine("##one epoch", plot::X, 1.0, plot::Style{IM_COL32(160, 160, 170, 255), 1.0f, true});
        point_marker("One epoch", p.one_epoch, plot::PaletteColor(1), plot::Marker::Square);
        point_marker("Compute-optimal, repeated", p.unconstrained, plot::PaletteColor(3), plot::Marker::Diamond);
        point_marker("Data-constrained optimum", p.optimum, plot::PaletteColor(2), plot::Marker::Circle);
        plot::EndPlot();
    }
    if (!narrow) ImGui::SameLine();
    if (plot::BeginPlot("Effective data against epochs##data_eff", ImVec2(plot_w, h))) {
        plot::SetupAxis(plot::X, "Epochs over the unique data (D / U)", scaling::AxisScale::Log10, scaling::AxisFormat::Plain);
        plot::SetupAxis(plot::Y, "Data in units of U", scaling::AxisScale::Log10, scaling::AxisFormat::Plain);
        plot::PlotLine("Effective data D' / U", c.epochs.data(), c.d_ratio.data(), n, kMain);
        plot::PlotLine("Tokens seen D / U", c.epochs.data(), c.fresh_ratio.data(), n, kFresh);
        plot::PlotRefLine("Ceiling 16.39 U", plot::Y, 1 + scaling::kRStarData, plot::Style{plot::PaletteColor(3), 1.5f, true});
        plot::EndPlot();
    }
    widgets::note(f.small, 
        "D' = U + U·R*_D·(1 − exp(−R_D/R*_D)), R_D = D/U − 1, R*_D = 15.39; N' likewise with R*_N = 5.31 beyond the "
        "parameters U can feed (U_N, the compute-optimal N for D = U); L = E + A/N'^α + B/D'^β with their C4 fit. "
        "Up to about 4 epochs repeated data is almost as good as new; past about 16 it adds little; the optimum "
        "spends extra compute on both more epochs and more parameters. Muennighoff et al. 2023, \"Scaling "
        "Data-Constrained Language Models\", arXiv 2305.16264, Eq. 5-6. The fit was made on C4 at up to 9B "
        "parameters: at frontier budgets it is an extrapolation.");
}

}  // namespace views
