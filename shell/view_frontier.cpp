// view_frontier.cpp: the compute-optimal frontier of every law: N_opt(C) solid, D_opt(C) dashed,
// the spread between laws shaded, the budget marked; tokens per parameter on a second plot.
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "controls.hpp"
#include "core/quantity.hpp"
#include "core/series.hpp"
#include "core/uncertainty.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {
namespace {

using scaling::AxisFormat;
using scaling::AxisScale;

// The frontier depends on the laws (and the user's custom constants), not on the budget.
struct FrontierData {
    int revision = -1;
    std::vector<double> c;  // budgets, FLOP
    std::vector<std::vector<double>> n, d, ratio;  // per law
    std::vector<double> n_lo, n_hi, d_lo, d_hi;    // spread across laws
    // 95% bands of laws with bootstrap draws (Epoch 2024, My fit): law index and band; and for
    // each such law how its band is made, or why there is none (yet: the web fetches the draws).
    std::vector<std::pair<int, scaling::Band>> bands;
    std::vector<std::string> band_notes;
};

const FrontierData& data(const app::State& s) {
    static FrontierData fd;
    if (fd.revision == s.law_revision) return fd;
    fd = [&] {
        FrontierData out;
        out.revision = s.law_revision;
        const int count = app::law_count(s);
        out.c = scaling::log_space(1e18, 1e28, 121);
        out.n_lo.assign(out.c.size(), INFINITY);
        out.d_lo.assign(out.c.size(), INFINITY);
        out.n_hi.assign(out.c.size(), 0);
        out.d_hi.assign(out.c.size(), 0);
        for (int k = 0; k < count; ++k) {
            const scaling::Law law = app::law_at(s, k);
            const auto f = scaling::frontier(law, out.c.front(), out.c.back(), static_cast<int>(out.c.size()));
            std::vector<double> n, d, r;
            for (size_t i = 0; i < out.c.size(); ++i) {
                const bool ok = f.ok();
                const bool has_n = ok && f.value[i].has_params;  // DeepSeek without M/N: tokens only
                n.push_back(has_n ? f.value[i].params : NAN);
                d.push_back(ok ? f.value[i].tokens : NAN);
                r.push_back(has_n ? f.value[i].tokens_per_param : NAN);
                if (has_n) {
                    out.n_lo[i] = std::min(out.n_lo[i], n.back());
                    out.n_hi[i] = std::max(out.n_hi[i], n.back());
                }
                if (ok) {
                    out.d_lo[i] = std::min(out.d_lo[i], d.back());
                    out.d_hi[i] = std::max(out.d_hi[i], d.back());
                }
            }
            out.n.push_back(n);
            out.d.push_back(d);
            out.ratio.push_back(r);
            if (law.has_band()) {
                // Four budgets a decade: a band's edges are smooth on log axes, and each budget costs
                // 4,000 optima (a third of the lines' 121 points keeps the first frame quick).
                const auto band = scaling::interval_band(law, scaling::log_space(out.c.front(), out.c.back(), 41));
                if (band.ok()) out.bands.push_back({k, band.value});
                out.band_notes.push_back(band.ok() ? scaling::band_method(law) : law.name + ": " + band.error);
            } else if (!law.no_band.empty()) {
                out.band_notes.push_back(law.name + ": " + law.no_band);
            }
        }
        return out;
    }();
    return fd;
}

}  // namespace

void frontier(app::State& s, const app::Fonts& f) {
    controls::figure_toolbar(s, f);
    const FrontierData& fd = data(s);
    std::vector<scaling::Law> laws;  // the catalogue and "My fit", with the user's settings
    for (int i = 0; i < app::law_count(s); ++i) laws.push_back(app::law_at(s, i));
    const int n = static_cast<int>(fd.c.size());
    const auto chosen = scaling::optimal(app::current_law(s), s.flops);

    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool wide = avail >= em * 60;
    const float w1 = wide ? avail * 0.6f - em * 0.5f : avail;
    const float h = figure_height(w1, 0.68f, 3);

    plot::Style spread;
    spread.color = IM_COL32(120, 126, 140, 255);
    spread.fill_alpha = 0.14f;
    plot::Style budget;
    budget.color = IM_COL32(40, 44, 52, 200);
    budget.weight = 1.5f;
    budget.dashed = true;

    if (plot::BeginPlot("Compute-optimal frontier: N solid, D dashed", ImVec2(w1, h))) {
        plot::SetupAxis(plot::X, "Training compute (FLOP)", AxisScale::Log10, AxisFormat::Flop);
        plot::SetupAxis(plot::Y, "Parameters N, tokens D", AxisScale::Log10, AxisFormat::Count);
        plot::PlotBand("Spread across laws", fd.c.data(), fd.n_lo.data(), fd.n_hi.data(), n, spread);
        plot::PlotBand("Spread across laws", fd.c.data(), fd.d_lo.data(), fd.d_hi.data(), n, spread);
        for (const auto& [index, band] : fd.bands) {
            plot::Style b;
            b.color = law_color(index);
            b.fill_alpha = 0.22f;
            const std::string label = laws[index].name + ": 95% band";
            const int m = static_cast<int>(band.flops.size());
            plot::PlotBand(label.c_str(), band.flops.data(), band.n_lo.data(), band.n_hi.data(), m, b);
            plot::PlotBand(label.c_str(), band.flops.data(), band.d_lo.data(), band.d_hi.data(), m, b);
        }
        for (size_t i = 0; i < laws.size(); ++i) {
            plot::Style line;
            line.color = law_color(static_cast<int>(i));
            line.weight = static_cast<int>(i) == s.law ? 3.0f : 1.8f;
            plot::PlotLine(laws[i].name.c_str(), fd.c.data(), fd.n[i].data(), n, line);
            line.dashed = true;
            plot::PlotLine(laws[i].name.c_str(), fd.c.data(), fd.d[i].data(), n, line);
        }
        plot::PlotRefLine("##budget", plot::X, s.flops, budget);
        models_overlay(app::current_law(s), false);
        // Points a paper prints that its own constants do not reproduce (Llama 3: 402B at 3.8e25).
        for (size_t i = 0; i < laws.size(); ++i) {
            if (!laws[i].has_paper_point) continue;
            plot::Style mark;
            mark.color = law_color(static_cast<int>(i));
            mark.marker = plot::Marker::Square;
            mark.marker_size = em * 0.32f;
            const std::vector<std::string> label = {laws[i].name + " paper: " + scaling::format_count(laws[i].paper_params) +
                                                    " on " + scaling::format_count(laws[i].paper_tokens) + " tokens"};
            plot::PlotScatter((laws[i].name + ": paper's extrapolation").c_str(), &laws[i].paper_flops,
                              &laws[i].paper_params, 1, mark, &label);
        }
        if (chosen.ok() && chosen.value.has_params) {
            const double xs[2] = {s.flops, s.flops};
            const double ys[2] = {chosen.value.params, chosen.value.tokens};
            const std::vector<std::string> labels = {scaling::format_count(chosen.value.params) + " params",
                                                     scaling::format_count(chosen.value.tokens) + " tokens"};
            plot::Style mark;
            mark.color = law_color(s.law);
            mark.marker_size = em * 0.35f;
            plot::PlotScatter(laws[s.law].name.c_str(), xs, ys, 2, mark, &labels);
        }
        plot::EndPlot();
    }
    if (wide) ImGui::SameLine(0, em);
    const float w2 = wide ? avail - w1 - em : avail;
    if (plot::BeginPlot("Tokens per parameter at the optimum", ImVec2(w2, wide || phone_screen() ? h : h * 0.75f))) {
        plot::SetupAxis(plot::X, "Training compute (FLOP)", AxisScale::Log10, AxisFormat::Flop);
        plot::SetupAxis(plot::Y, "Tokens per parameter", AxisScale::Log10, AxisFormat::Plain);
        plot::SetupLegendNorthEast();
        for (const auto& [index, band] : fd.bands) {
            plot::Style b;
            b.color = law_color(index);
            b.fill_alpha = 0.22f;
            plot::PlotBand((laws[index].name + ": 95% band").c_str(), band.flops.data(), band.r_lo.data(), band.r_hi.data(),
                           static_cast<int>(band.flops.size()), b);
        }
        for (size_t i = 0; i < laws.size(); ++i) {
            plot::Style line;
            line.color = law_color(static_cast<int>(i));
            line.weight = static_cast<int>(i) == s.law ? 3.0f : 1.8f;
            plot::PlotLine(laws[i].name.c_str(), fd.c.data(), fd.ratio[i].data(), n, line);
        }
        plot::PlotRefLine("##budget", plot::X, s.flops, budget);
        if (chosen.ok() && chosen.value.has_params) {
            plot::Style mark;
            mark.color = law_color(s.law);
            mark.marker_size = em * 0.35f;
            const std::vector<std::string> labels = {scaling::format_count(chosen.value.tokens_per_param) + " tokens/param"};
            plot::PlotScatter(laws[s.law].name.c_str(), &s.flops, &chosen.value.tokens_per_param, 1, mark, &labels);
        }
        plot::EndPlot();
    }
    ImGui::PushFont(f.small);
    widgets::dim_text_wrapped("Each law's N_opt(C) and D_opt(C) under C = 6ND (DeepSeek: D only, its M is FLOP per "
                              "token). Kaplan (2020) reads the budget as C_min in PF-days and counts non-embedding "
                              "parameters; '20 tokens per parameter' is a rule of thumb. The grey bands span the laws' "
                              "disagreement.");
    std::string notes;
    for (const std::string& note : fd.band_notes) {
        widgets::dim_text_wrapped(("95% band. " + note).c_str());
        notes += note + "\n";
    }
    ui_probe::record_text("frontier_bands", notes);
    ImGui::PopFont();
}

}  // namespace views
