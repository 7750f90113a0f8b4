// view_kaplan.cpp: the Kaplan view: Kaplan et al. 2020's single-variable laws L(N), L(D), L(C_min)
// (arXiv 2001.08361, Eq. 1.1-1.3) at the user's N, D and C and as lines on log-log axes; then the
// loss-vs-compute exponent on the frontier of the law in force, with and without its irreducible
// term E, which reconciles Kaplan's "alpha ~ 0.05-0.1" with a law that has an E. The numbers are the
// core's (core/kaplan.hpp), as `scaling kaplan` gives them.
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/compute.hpp"
#include "core/kaplan.hpp"
#include "core/loss.hpp"
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

void inputs_card(app::State& s, const app::Fonts& f, float width, bool narrow) {
    widgets::card_begin(width);
    widgets::heading(f.bold, "One resource at a time");
    app::Field* in[] = {&s.kaplan.params, &s.kaplan.tokens, &s.kaplan.flops};
    double v[3] = {};
    controls::number_rows(in, 3, narrow ? 1 : 3, v);
    widgets::note(f.small, "Each law holds when the other two resources do not limit the loss. N counts non-embedding "
                           "parameters. C is read as Kaplan's C_min, the compute at the critical batch size, in "
                           "PF-days: 1 PF-day = 8.64e19 FLOP.");
    widgets::card_end();
}

void answer_card(const scaling::KaplanSingle& k, const scaling::KaplanConstants& c, const app::Fonts& f, float width,
                 bool narrow) {
    const float em = ImGui::GetFontSize();
    widgets::card_begin(width);
    widgets::heading(f.bold, "Kaplan et al. 2020: loss in nats per token");
    const std::string values[3] = {format_fixed(k.loss_n, 3), format_fixed(k.loss_d, 3), format_fixed(k.loss_c, 3)};
    const std::string cap_n = "L(N), N = " + format_count(k.params), cap_d = "L(D), D = " + format_count(k.tokens);
    const std::string cap_c = "L(C_min), " + scaling::format_significant(k.cmin_pf_days, 3) + " PF-days";
    const char* captions[3] = {cap_n.c_str(), cap_d.c_str(), cap_c.c_str()};
    const char* names[3] = {"kaplan_loss_n", "kaplan_loss_d", "kaplan_loss_c"};
    ImGui::BeginGroup();
    widgets::stat_row(captions, values, names, 3, narrow ? 1 : 3, width - 2 * em, f.small, f.big);
    ImGui::EndGroup();
    ui_probe::record_last_item("kaplan_answer");
    const std::string formulas =
        "L(N) = (" + scaling::format_scientific(c.N_c, 2) + "/N)^" + format_fixed(c.alpha_N, 3) + " (Eq. 1.1);  L(D) = (" +
        scaling::format_scientific(c.D_c, 2) + "/D)^" + format_fixed(c.alpha_D, 3) + " (Eq. 1.2);  L(C_min) = (" +
        scaling::format_scientific(c.C_c, 2) + "/C_min)^" + format_fixed(c.alpha_C, 3) +
        ", C_min in PF-days (Eq. 1.3). Kaplan et al. 2020, \"Scaling Laws for Neural Language Models\", arXiv 2001.08361; "
        "constants from assets/laws.jsonl (kaplan2020).";
    widgets::note(f.small, formulas.c_str());
    widgets::card_end();
}

// One law against its variable on log-log axes, the user's point marked.
void law_figure(const char* title, const char* x_label, double lo, double hi, double at, double (*loss)(const scaling::KaplanConstants&, double),
                double x_scale, const scaling::KaplanConstants& c, float w, float h) {
    std::vector<double> xs, ys;
    for (int i = 0; i <= 100; ++i) {
        const double x = lo * std::pow(hi / lo, i / 100.0);
        xs.push_back(x);
        ys.push_back(loss(c, x / x_scale));
    }
    if (plot::BeginPlot(title, ImVec2(w, h))) {
        plot::SetupAxis(plot::X, x_label, scaling::AxisScale::Log10,
                        x_scale > 1 ? scaling::AxisFormat::Flop : scaling::AxisFormat::Count);
        plot::SetupAxis(plot::Y, "Loss (nats/token)", scaling::AxisScale::Log10, scaling::AxisFormat::Loss);
        plot::PlotLine("Kaplan et al. 2020", xs.data(), ys.data(), static_cast<int>(xs.size()), plot::Style{plot::PaletteColor(0), 3.0f});
        const double px[1] = {at}, py[1] = {loss(c, at / x_scale)};
        plot::PlotScatter("Yours", px, py, 1, plot::Style{plot::PaletteColor(3), 2.0f, false, plot::Marker::Circle, 6.0f});
        plot::EndPlot();
    }
}

void exponents_card(app::State& s, const app::Fonts& f, const scaling::KaplanConstants& kc, double flops, float width,
                    bool narrow) {
    const float em = ImGui::GetFontSize();
    const scaling::Law law = app::current_law(s);
    widgets::card_begin(width);
    widgets::heading(f.bold, "Loss against compute: with and without E");
    const scaling::Result<scaling::FrontierExponents> r = scaling::frontier_exponents(law, flops);
    if (!r.ok()) {
        const std::string why = "The law in force, " + law.name + ", has no irreducible term to set apart: choose a law "
                                "of the form E + A/N^alpha + B/D^beta (Epoch AI refit, Chinchilla).";
        widgets::warning_text(why.c_str());
        ui_probe::record_text("kaplan_exponents", why);
        widgets::card_end();
        return;
    }
    const scaling::FrontierExponents& e = r.value;
    const std::string values[3] = {format_fixed(e.exponent_reducible, 3), format_fixed(e.exponent_total, 4),
                                   format_fixed(e.loss, 3) + " (E = " + format_fixed(e.irreducible, 3) + ")"};
    const char* captions[3] = {"Slope of L - E", "Slope of L", "Loss at the optimum"};
    const char* names[3] = {"kaplan_exponent_reducible", "kaplan_exponent_total", "kaplan_frontier_loss"};
    ImGui::BeginGroup();
    widgets::stat_row(captions, values, names, 3, narrow ? 1 : 3, width - 2 * em, f.small, f.big);
    ImGui::EndGroup();
    ui_probe::record_last_item("kaplan_exponents");
    widgets::text_wrapped("%s at C = %s FLOP: N = %s, D = %s. Slopes are -d ln(.)/d ln C along the compute-optimal "
                          "frontier.",
                          law.name.c_str(), scaling::format_scientific(flops, 3).c_str(), format_count(e.params).c_str(),
                          format_count(e.tokens).c_str());

    // Both slopes across budgets, with Kaplan's alpha_C for scale.
    std::vector<double> cs, red, total;
    for (int i = 0; i <= 100; ++i) {
        const double c = std::pow(10.0, 18 + 10.0 * i / 100);
        const auto at = scaling::frontier_exponents(law, c);
        if (!at.ok()) continue;
        cs.push_back(c);
        red.push_back(at.value.exponent_reducible);
        total.push_back(at.value.exponent_total);
    }
    const float h = views::figure_height(width, narrow ? 0.8f : 0.4f, 3);
    if (plot::BeginPlot("Loss-vs-compute exponent along the frontier##kaplan_exp", ImVec2(width - 2 * em, h))) {
        plot::SetupAxis(plot::X, "Training compute C (FLOP)", scaling::AxisScale::Log10, scaling::AxisFormat::Flop);
        plot::SetupAxis(plot::Y, "Exponent (loss falls as C^-x)", scaling::AxisScale::Linear, scaling::AxisFormat::Plain);
        plot::SetupAxisLimits(plot::Y, 0, 0.2);
        const int n = static_cast<int>(cs.size());
        plot::PlotLine("Without E: slope of L - E", cs.data(), red.data(), n, plot::Style{plot::PaletteColor(0), 3.0f});
        plot::PlotLine("With E: slope of L", cs.data(), total.data(), n, plot::Style{plot::PaletteColor(1), 3.0f});
        plot::PlotRefLine("Kaplan's alpha_C = 0.050", plot::Y, kc.alpha_C, plot::Style{IM_COL32(120, 124, 132, 255), 1.5f, true});
        plot::PlotRefLine("Your budget", plot::X, flops, plot::Style{plot::PaletteColor(3), 1.5f, true});
        plot::EndPlot();
    }
    const std::string why =
        "The \"alpha ~ 0.05-0.1\" in circulation is Kaplan's: alpha_N = " + format_fixed(kc.alpha_N, 3) +
        ", alpha_D = " + format_fixed(kc.alpha_D, 3) + ", alpha_C = " + format_fixed(kc.alpha_C, 3) +
        " (Eq. 1.1-1.3), slopes of laws with no irreducible term. On the frontier of E + A/N^alpha + B/D^beta both "
        "terms fall as C^-(alpha·beta/(alpha+beta)), so L - E falls with slope " + format_fixed(e.exponent_reducible, 3) +
        " at every budget (Hoffmann et al. 2022, Eq. 4), while L itself falls with slope " +
        format_fixed(e.exponent_reducible, 3) + " x (L - E)/L = " + format_fixed(e.exponent_total, 4) +
        " here, less at larger budgets as L nears E. A slope fitted to a whole loss curve depends on how near E it is.";
    widgets::note(f.small, why.c_str());
    // The "about 0.02-0.03 with E", located on this law's budgets.
    const double c3 = scaling::budget_at_total_exponent(law, 0.03), c2 = scaling::budget_at_total_exponent(law, 0.02);
    const auto at24 = scaling::frontier_exponents(law, 1e24), at26 = scaling::frontier_exponents(law, 1e26);
    if (c3 > 0 && c2 > 0 && at24.ok() && at26.ok()) {
        const std::string where = "For " + law.name + ", the slope of L is 0.03 at " + scaling::format_scientific(c3, 2) +
                                  " FLOP and 0.02 at " + scaling::format_scientific(c2, 2) +
                                  " FLOP: \"about 0.02-0.03\" holds there; at 1e24-1e26 FLOP it is " +
                                  format_fixed(at24.value.exponent_total, 3) + " to " +
                                  format_fixed(at26.value.exponent_total, 3) + ".";
        widgets::note(f.small, where.c_str());
        ui_probe::record_text("kaplan_issue_range", where);
    }
    widgets::card_end();
}

}  // namespace

void kaplan(app::State& s, const app::Fonts& f) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < ImGui::GetFontSize() * 40;
    const scaling::Law* law = scaling::find_law("kaplan2020");
    if (!law) {
        widgets::text_wrapped("The law catalogue has no kaplan2020: %s", scaling::catalog_error().c_str());
        return;
    }
    const scaling::KaplanConstants& c = law->kaplan;
    const auto n = s.kaplan.params.number(), d = s.kaplan.tokens.number(), flops = s.kaplan.flops.number();
    const bool ok = n.ok() && d.ok() && flops.ok();
    const scaling::KaplanSingle k =
        ok ? scaling::kaplan_single(c, n.value, d.value, flops.value / scaling::kFlopPerPfDay) : scaling::KaplanSingle{};
    // Phones: the answer before the inputs.
    if (!narrow) inputs_card(s, f, avail, narrow);
    if (ok) {
        if (!narrow) ImGui::Spacing();
        answer_card(k, c, f, avail, narrow);
        ImGui::Spacing();
    }
    if (narrow) inputs_card(s, f, avail, narrow);
    if (!ok) return;
    ImGui::Spacing();

    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float w = narrow ? avail : (avail - 2 * spacing) / 3;
    const float h = views::figure_height(w, narrow ? 0.75f : 0.9f, 12);
    law_figure("L(N)##kaplan_n", "Non-embedding parameters N", 1e3, 1e13, n.value, scaling::kaplan_loss_n, 1, c, w, h);
    if (!narrow) ImGui::SameLine();
    law_figure("L(D)##kaplan_d", "Tokens D", 1e7, 1e14, d.value, scaling::kaplan_loss_d, 1, c, w, h);
    if (!narrow) ImGui::SameLine();
    law_figure("L(C_min)##kaplan_c", "Compute C_min (FLOP)", 1e12, 1e28, flops.value, scaling::kaplan_loss_c,
               scaling::kFlopPerPfDay, c, w, h);
    ImGui::Spacing();
    exponents_card(s, f, c, flops.value, avail, narrow);
}

}  // namespace views
