// view_landscape.cpp: the loss landscape L(N, D) over N 1e7..1e13 and D 1e9..1e15, after Hoffmann
// et al. 2022, Figure 4: a heatmap with labelled contours, iso-FLOP lines (C = 6ND, straight in
// log-log), the efficient frontier, and the current budget's optimum.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/colormap.hpp"
#include "core/compute.hpp"
#include "core/quantity.hpp"
#include "core/series.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {
namespace {

constexpr double kNLo = 1e7, kNHi = 1e13, kDLo = 1e9, kDHi = 1e15;
constexpr int kGrid = 256;  // cells per side: 65,536 losses, computed when the law or its constants change

struct Landscape {
    int law = -1;
    int revision = -1;
    scaling::LossLandscape field;
    std::vector<scaling::ContourLevel> contours;
    std::vector<unsigned char> rgba;
    ImTextureID texture = nullptr;
    bool uploaded = false;
    std::vector<double> front_n, front_d;  // the efficient frontier across the view
};

Landscape& landscape_for(const app::State& s) {
    static Landscape l;
    if (l.law == s.law && l.revision == s.law_revision) return l;
    l.law = s.law;
    l.revision = s.law_revision;
    l.uploaded = false;
    const scaling::Law law = app::current_law(s);
    const auto r = scaling::loss_landscape(law, kNLo, kNHi, kDLo, kDHi, kGrid, kGrid);
    l.field = r.ok() ? r.value : scaling::LossLandscape();
    const auto& g = l.field.grid;
    l.rgba.assign(static_cast<size_t>(g.nx) * g.ny * 4, 255);
    for (size_t k = 0; k < g.z.size(); ++k) {
        const scaling::Rgb c = scaling::viridis((g.z[k] - l.field.z_min) / (l.field.z_max - l.field.z_min));
        l.rgba[k * 4 + 0] = static_cast<unsigned char>(c.r * 255);
        l.rgba[k * 4 + 1] = static_cast<unsigned char>(c.g * 255);
        l.rgba[k * 4 + 2] = static_cast<unsigned char>(c.b * 255);
    }
    l.contours = scaling::contour_levels(g, scaling::nice_levels(l.field.z_min, l.field.z_max, 16));
    const auto fr = scaling::frontier(law, 1e14, 1e32, 200);
    l.front_n.clear();
    l.front_d.clear();
    if (fr.ok())
        for (const auto& a : fr.value) {
            l.front_n.push_back(a.params);
            l.front_d.push_back(a.tokens);
        }
    return l;
}

}  // namespace

void landscape(app::State& s, const app::Fonts& f) {
    controls::figure_toolbar(s, f);
    const scaling::Law law = app::current_law(s);
    if (!law_has_loss_or_say_so(law, "landscape")) return;
    Landscape& l = landscape_for(s);
    if (!l.uploaded && !l.field.grid.z.empty()) {
        l.texture = plot::UploadTexture(l.rgba.data(), l.field.grid.nx, l.field.grid.ny, l.texture);
        l.uploaded = true;
    }
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float h = views::figure_height(avail, 0.62f, 3);
    const std::string title = "Loss landscape: " + law.name;
    if (plot::BeginPlot((title + "##landscape").c_str(), ImVec2(avail, h))) {
        plot::SetupAxis(plot::X, "Parameters N", scaling::AxisScale::Log10, scaling::AxisFormat::Count);
        plot::SetupAxis(plot::Y, "Training tokens D", scaling::AxisScale::Log10, scaling::AxisFormat::Count);
        plot::SetupAxisLimits(plot::X, kNLo, kNHi);
        plot::SetupAxisLimits(plot::Y, kDLo, kDHi);
        plot::Heatmap hm;
        hm.texture = l.texture;
        hm.grid = &l.field.grid;
        hm.z_min = l.field.z_min;
        hm.z_max = l.field.z_max;
        hm.z_format = scaling::AxisFormat::Loss;
        hm.z_label = "Loss";
        plot::PlotHeatmap("Loss L(N, D)", hm);
        plot::Style contour;
        contour.color = IM_COL32(255, 255, 255, 150);
        contour.weight = 1.0f;
        plot::PlotContours("Loss contours", &l.contours, scaling::AxisFormat::Loss, contour);

        // Iso-FLOP lines every two decades: D = C / (6N) over the view's N range.
        plot::Style iso;
        iso.color = IM_COL32(255, 255, 255, 200);
        iso.weight = 1.2f;
        iso.dashed = true;
        for (double c = 1e18; c <= 1e28; c *= 100) {
            const double n[2] = {kNLo, kNHi};
            const double d[2] = {c / (scaling::kTrainFlopPerParamToken * kNLo), c / (scaling::kTrainFlopPerParamToken * kNHi)};
            plot::PlotLine("Iso-FLOP lines", n, d, 2, iso);
            // Label where the line crosses the middle of the N range, if that point is in view.
            const double nm = std::sqrt(c / scaling::kTrainFlopPerParamToken / 1e2);
            const double dm = c / (scaling::kTrainFlopPerParamToken * nm);
            if (nm > kNLo && nm < kNHi && dm > kDLo && dm < kDHi)
                plot::PlotText(nm, dm, (scaling::format_scientific(c) + " FLOP").c_str(), ImVec2(0.3f, -0.4f));
        }
        plot::Style front;
        front.color = IM_COL32(225, 87, 89, 255);
        front.weight = 3.0f;
        plot::PlotLine("Efficient frontier", l.front_n.data(), l.front_d.data(), static_cast<int>(l.front_n.size()), front);

        models_overlay(law, true);
        const auto opt = scaling::optimal(law, s.flops);
        if (opt.ok()) {
            const double n[2] = {kNLo, kNHi};
            const double d[2] = {s.flops / (scaling::kTrainFlopPerParamToken * kNLo),
                                 s.flops / (scaling::kTrainFlopPerParamToken * kNHi)};
            plot::Style cur;
            cur.color = IM_COL32(251, 191, 36, 255);
            cur.weight = 2.5f;
            plot::PlotLine("Budget's iso-FLOP line", n, d, 2, cur);
            plot::Style mark;
            mark.color = IM_COL32(251, 191, 36, 255);
            mark.marker_size = em * 0.45f;
            const std::vector<std::string> labels = {scaling::format_count(opt.value.params) + " params, " +
                                                     scaling::format_count(opt.value.tokens) + " tokens, loss " +
                                                     scaling::format_fixed(opt.value.loss, 3)};
            plot::PlotScatter("Optimum at the budget", &opt.value.params, &opt.value.tokens, 1, mark, &labels);
        }
        plot::EndPlot();
    }
    ImGui::PushFont(f.small);
    widgets::dim_text_wrapped("Colour and contours: predicted loss. Dashed: lines of equal compute C = 6ND. Red: "
                              "the efficient frontier, where each iso-FLOP line touches its lowest contour. "
                              "Hoffmann et al. 2022 (arXiv 2203.15556), Fig. 4.");
    ImGui::PopFont();
}

}  // namespace views
