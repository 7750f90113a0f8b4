// view_finetune.cpp: the Fine-tuning view: the saturation curve of performance against examples,
// the usual guidance on methods by data size, and Hernandez et al. 2021's data transferred by
// pre-training against fine-tuning data and model size.
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/finetune.hpp"
#include "core/quantity.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {

void fine_tuning(app::State& s, const app::Fonts& f) {
    using scaling::format_count;
    using scaling::format_fixed;
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < em * 40;

    app::FineTuningInputs& v = s.fine_tuning;
    app::Field* in[] = {&v.base_quality, &v.rate, &v.saturation_examples, &v.examples};
    double x[4] = {};
    const auto inputs = [&] {
        widgets::card_begin(avail);
        widgets::heading(f.bold, "Saturation: performance against fine-tuning examples");
        const bool valid = controls::number_rows(in, 4, narrow ? 2 : 4, x);
        widgets::card_end();
        return valid;
    };
    const auto headline = [&] {
        const double base = x[0], k = x[1], sat = x[2], ex = x[3];
        widgets::card_begin(avail);
        const std::string v_perf = format_fixed(scaling::finetune_performance(base, k, ex, sat), 3);
        const std::string v_90 = format_count(std::ceil(scaling::examples_for_fraction(k, sat, 0.9)));
        const std::string v_99 = format_count(std::ceil(scaling::examples_for_fraction(k, sat, 0.99)));
        const std::string v_method = scaling::advice_for(ex).method;
        const char* captions[3] = {"Performance at your examples", "Examples for 90% of the ceiling", "For 99%"};
        const std::string values[3] = {v_perf, v_90, v_99};
        const char* names[3] = {"ft_perf", "ft_90", "ft_99"};
        ImGui::BeginGroup();
        widgets::stat_row(captions, values, names, 3, narrow ? 2 : 3, avail - 2 * em, f.small, f.big);
        ImGui::EndGroup();
        ui_probe::record_last_item("ft_answer");
        widgets::text_wrapped("Suggested method for %s examples: %s.", format_count(ex).c_str(), v_method.c_str());
        ui_probe::record_text("ft_method", v_method);
        widgets::card_end();
    };
    // On a phone the answer comes first, on the first screen; the inputs follow it.
    bool ok = false;
    if (narrow) {
        ok = read_fields(in, 4, x);
        if (ok) {
            headline();
            ImGui::Spacing();
        }
        inputs();
    } else {
        ok = inputs();
        if (ok) {
            ImGui::Spacing();
            headline();
        }
    }
    if (ok) {
        const double base = x[0], k = x[1], sat = x[2], ex = x[3];

        std::vector<double> xs, ys;
        for (int i = 0; i <= 160; ++i) {
            xs.push_back(std::pow(10.0, 1 + 6.0 * i / 160));
            ys.push_back(scaling::finetune_performance(base, k, xs.back(), sat));
        }
        const float plot_w = narrow ? avail : (avail - ImGui::GetStyle().ItemSpacing.x) / 2;
        const float h = views::figure_height(plot_w, narrow ? 0.75f : 0.62f, 10);
        if (plot::BeginPlot("Performance against examples##ft_sat", ImVec2(plot_w, h))) {
            plot::SetupAxis(plot::X, "Fine-tuning examples", scaling::AxisScale::Log10, scaling::AxisFormat::Count);
            plot::SetupAxis(plot::Y, "Performance", scaling::AxisScale::Linear, scaling::AxisFormat::Plain);
            plot::SetupAxisLimits(plot::Y, 0, std::max(0.05, base * 1.1));
            plot::PlotLine("base·(1 - exp(-k·D/D_sat))", xs.data(), ys.data(), static_cast<int>(xs.size()),
                           plot::Style{plot::PaletteColor(0), 3.0f});
            plot::PlotRefLine("Your examples", plot::X, ex, plot::Style{plot::PaletteColor(3), 1.5f, true});
            // The guidance table's boundaries.
            for (const scaling::FinetuneAdvice& a : scaling::finetune_guidance())
                if (a.from > 0) plot::PlotRefLine("##bound", plot::X, a.from, plot::Style{IM_COL32(170, 170, 180, 255), 1.0f, true});
            plot::EndPlot();
        }
        if (!narrow) ImGui::SameLine();
        ImGui::BeginGroup();
        widgets::card_begin(plot_w);
        widgets::heading(f.bold, "Guidance by data size");
        if (ImGui::BeginTable("ft_guidance", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
            // Phones: the ranges' column as wide as its widest range, never cutting one.
            ImGui::TableSetupColumn("Examples", narrow ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch,
                                    narrow ? 0.0f : 0.6f);
            ImGui::TableSetupColumn("Method", ImGuiTableColumnFlags_WidthStretch, 1.4f);
            ImGui::TableHeadersRow();
            for (const scaling::FinetuneAdvice& a : scaling::finetune_guidance()) {
                ImGui::TableNextRow();
                const std::string range = a.from == 0 ? "under " + format_count(a.to)
                                          : a.to == 0 ? "over " + format_count(a.from)
                                                      : format_count(a.from) + " - " + format_count(a.to);
                number_cell("ft_guidance", range);
                ImGui::TableNextColumn();
                const bool here = &a == &scaling::advice_for(ex);
                if (here) ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_accent());
                widgets::text_wrapped("%s", a.method);
                if (here) ImGui::PopStyleColor();
            }
            ImGui::EndTable();
        }
        widgets::note(f.small, "Rules of thumb in circulation, not a fitted law: the saturation form and D_sat of "
                               "10K-100K examples are quoted widely and fitted by no paper. Edit k and D_sat to match "
                               "your own runs.");
        widgets::card_end();
        ImGui::EndGroup();
    }
    ImGui::Spacing();

    // Transfer (Hernandez et al. 2021).
    widgets::card_begin(avail);
    widgets::heading(f.bold, "Transfer: data that pre-training is worth");
    app::Field* tr[] = {&v.transfer_params, &v.finetune_tokens};
    double y[2] = {};
    if (controls::number_rows(tr, 2, narrow ? 1 : 2, y)) {
        const scaling::TransferConstants c;
        const double n = y[0], d = y[1];
        const double dt = scaling::transferred_data(c, d, n);
        const std::string v = format_count(dt);
        widgets::text_wrapped("Effective data transferred D_T = %s tokens: pre-training is worth %s of the %s effective "
                           "tokens (D_F + D_T).", v.c_str(),
                           (format_fixed(100 * scaling::transfer_fraction(c, d, n), 1) + "%").c_str(), format_count(d + dt).c_str());
        ui_probe::record_text("ft_transfer", v);
        widgets::card_end();
        std::vector<double> xs, ys[3], same;
        const double sizes[3] = {n / 10, n, n * 10};
        for (int i = 0; i <= 120; ++i) {
            xs.push_back(std::pow(10.0, 3 + 9.0 * i / 120));
            same.push_back(xs.back());
            for (int j = 0; j < 3; ++j) ys[j].push_back(scaling::transferred_data(c, xs.back(), sizes[j]));
        }
        const float h = views::figure_height(avail, 0.45f, 4);
        if (plot::BeginPlot("Data transferred against fine-tuning data##ft_transfer", ImVec2(avail, h))) {
            plot::SetupAxis(plot::X, "Fine-tuning tokens D_F", scaling::AxisScale::Log10, scaling::AxisFormat::Count);
            plot::SetupAxis(plot::Y, "Tokens", scaling::AxisScale::Log10, scaling::AxisFormat::Count);
            for (int j = 0; j < 3; ++j) {
                const std::string label = "D_T at N = " + format_count(sizes[j]);
                plot::PlotLine(label.c_str(), xs.data(), ys[j].data(), static_cast<int>(xs.size()),
                               plot::Style{plot::PaletteColor(j), j == 1 ? 3.0f : 1.8f});
            }
            plot::PlotLine("D_F itself", xs.data(), same.data(), static_cast<int>(xs.size()),
                           plot::Style{IM_COL32(120, 124, 132, 255), 1.5f, true});
            plot::PlotRefLine("Your D_F", plot::X, d, plot::Style{plot::PaletteColor(3), 1.5f, true});
            plot::EndPlot();
        }
    } else {
        widgets::card_end();
    }
    widgets::note(f.small, "D_T = k·D_F^alpha·N^beta, Hernandez et al. 2021, \"Scaling Laws for Transfer\", "
                              "arXiv 2102.01293, Eq. 1.1, text to Python: k = 1.9e4, alpha = 0.18, beta = 0.38. "
                              "Where D_T is far above D_F, pre-training does most of the work; the effect shrinks as "
                              "fine-tuning data grows. Fitted on small models and little Python data: an extrapolation "
                              "elsewhere.");
}

}  // namespace views
