// view_isoflop.cpp: iso-FLOP profiles, after Hoffmann et al. 2022, Figure 3: loss against model size
// along curves of equal compute (C = 6ND), at nine budgets centred on the current one, half a decade
// apart; each minimum is marked and the minima are joined (they trace N_opt(C)).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/colormap.hpp"
#include "core/quantity.hpp"
#include "core/series.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {
namespace {

constexpr int kBudgets = 9;
constexpr double kStepDecades = 0.5;
constexpr double kSpanDecades = 1.0;  // N from N_opt/10 to 10·N_opt on each curve
constexpr int kPoints = 81;

struct Profiles {
    int law = -1;
    int revision = -1;
    double flops = 0;
    std::vector<scaling::IsoFlopProfile> curves;
    std::vector<double> min_n, min_loss;
    std::vector<std::string> names;
};

// Recomputed only when the law, its settings or the budget change.
const Profiles& profiles(const app::State& s) {
    static Profiles p;
    if (p.law == s.law && p.revision == s.law_revision && p.flops == s.flops) return p;
    p = Profiles();
    p.law = s.law;
    p.revision = s.law_revision;
    p.flops = s.flops;
    const double flops = s.flops;
    const scaling::Law law = app::current_law(s);
    for (double c : scaling::budgets_around(flops, kBudgets, kStepDecades)) {
        const auto r = scaling::iso_flop_profile(law, c, kPoints, kSpanDecades);
        if (!r.ok()) continue;
        p.curves.push_back(r.value);
        p.min_n.push_back(r.value.optimum.params);
        p.min_loss.push_back(r.value.optimum.loss);
        p.names.push_back(scaling::format_scientific(c, 2) + " FLOP");
    }
    return p;
}

}  // namespace

void iso_flop(app::State& s, const app::Fonts& f) {
    controls::figure_toolbar(s, f);
    const scaling::Law law = app::current_law(s);
    if (!law_has_loss_or_say_so(law, "iso-FLOP profile")) return;
    const Profiles& p = profiles(s);
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float h = views::figure_height(avail, 0.55f, 3);
    const std::string title = "Iso-FLOP profiles: " + law.name;
    if (plot::BeginPlot((title + "##isoflop").c_str(), ImVec2(avail, h))) {
        plot::SetupAxis(plot::X, "Parameters N", scaling::AxisScale::Log10, scaling::AxisFormat::Count);
        plot::SetupAxis(plot::Y, "Loss (nats/token)", scaling::AxisScale::Linear, scaling::AxisFormat::Loss);
        plot::SetupLegendNorthEast();
        for (size_t i = 0; i < p.curves.size(); ++i) {
            // Dark for small budgets, lighter for large (viridis, stopping short of its pale yellow end).
            const scaling::Rgb c = scaling::viridis(0.85 * i / std::max<size_t>(1, p.curves.size() - 1));
            plot::Style line;
            line.color = ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, 1));
            const bool current = i == p.curves.size() / 2;
            line.weight = current ? 3.5f : 1.8f;
            const std::string name = p.names[i] + (current ? " (budget)" : "");
            plot::PlotLine(name.c_str(), p.curves[i].params.data(), p.curves[i].loss.data(),
                           static_cast<int>(p.curves[i].params.size()), line);
        }
        plot::Style minima;
        minima.color = IM_COL32(40, 44, 52, 255);
        minima.weight = 1.5f;
        minima.dashed = true;
        minima.marker = plot::Marker::Circle;
        minima.marker_size = em * 0.3f;
        plot::PlotLine("Minima: N_opt(C)", p.min_n.data(), p.min_loss.data(), static_cast<int>(p.min_n.size()), minima);
        const size_t mid = p.curves.size() / 2;
        if (mid < p.curves.size()) {
            const auto& o = p.curves[mid].optimum;
            const std::string text = scaling::format_count(o.params) + " params, loss " + scaling::format_fixed(o.loss, 3);
            plot::PlotText(o.params, o.loss, text.c_str(), ImVec2(0.5f, 0.4f));
        }
        plot::EndPlot();
    }
    ImGui::PushFont(f.small);
    widgets::dim_text_wrapped("Each curve holds compute fixed (C = 6ND) and trades parameters for tokens; its "
                              "minimum is the compute-optimal size. Budgets are half a decade apart around the "
                              "current one. Hoffmann et al. 2022 (arXiv 2203.15556), Fig. 3, Approach 2.");
    ImGui::PopFont();
}

}  // namespace views
