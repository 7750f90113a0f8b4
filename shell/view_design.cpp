// view_design.cpp: the Design view (issue 20): an IsoFLOP sweep for a study budget in the manner of
// Chinchilla's Approach 2 (K budgets over a span, M sizes per budget around the law's optimum), its
// runs as a table, a figure of the runs on N against C with the law's frontier, the runs as CSV to
// run them, Approach 2's biases with their source, and the results pasted back fitted both ways
// (Approach 2's parabolas per budget, Approach 3's constants). Everything shown comes from
// `scaling design` and `scaling design-fit` (core/requests_design.cpp).
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/allocation.hpp"
#include "core/axis.hpp"
#include "core/commands.hpp"
#include "core/quantity.hpp"
#include "core/requests.hpp"
#include "core/sweep_design.hpp"
#include "fields.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "semantics.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {
namespace {

using scaling::format_count;
using scaling::format_fixed;
using scaling::format_scientific;
using scaling::Json;

// The last fit of pasted results: costly (Approach 3 tries 4,500 starts), so run on the button and
// kept with the text it was run on, to say when the text has changed since.
struct FitDone {
    std::string text;
    scaling::Result<Json> result = scaling::Result<Json>::fail("not fitted yet");
};
FitDone g_fit;

// The view's fields as arguments, and the explorer's budget as the target; the law goes in as itself.
scaling::Args design_args(app::State& s) {
    scaling::Args args;
    s.design.each([&](app::Field& f) {
        if (f.given()) args[f.in->key] = f.text;
    });
    if (s.flops > 0) args["target_flops"] = scaling::format_shortest(s.flops);
    return args;
}

// The label of a refused field, from the command's own inputs.
const char* label_of(const std::string& key) {
    for (const scaling::Input* in : scaling::find_command("design")->inputs)
        if (key == in->key) return in->label;
    return "Design";
}

void answer_card(const Json& j, const app::Fonts& f, float width, bool narrow, double target) {
    const float em = ImGui::GetFontSize();
    widgets::card_begin(width);
    widgets::heading(f.bold, "Your IsoFLOP sweep");
    const size_t runs = j["runs"].size(), k = j["budgets"].size();
    std::string check = "-";
    if (j.contains("approach2_check"))
        check = format_fixed(j["approach2_check"]["a_recovered"].get<double>(), 4) + " (law " +
                format_fixed(j["approach2_check"]["a_law"].get<double>(), 4) + ")";
    const std::string values[4] = {std::to_string(k) + " x " + std::to_string(runs / k) + " = " + std::to_string(runs),
                                   format_scientific(j["smallest_budget"].get<double>()) + " - " +
                                       format_scientific(j["largest_budget"].get<double>()),
                                   format_scientific(j["runs_total_flops"].get<double>()) + " FLOP", check};
    const char* captions[4] = {"Runs", "Budgets (FLOP per run)", "All runs together", "Approach 2's a on the law"};
    const char* names[4] = {"design_runs", "design_budgets", "design_total", "design_check"};
    ImGui::BeginGroup();
    widgets::stat_row(captions, values, names, 4, narrow ? 2 : 4, width - 2 * em, f.small, f.big);
    ImGui::EndGroup();
    ui_probe::record_last_item("design_answer");
    std::string where = "The largest budget lands at " + format_scientific(j["largest_budget"].get<double>()) + " FLOP";
    if (j["fitted_range"].is_array())
        where += j["beyond_fitted"].is_null()
                     ? ", inside the range the law was fitted on (" + format_scientific(j["fitted_range"][0].get<double>()) +
                           " to " + format_scientific(j["fitted_range"][1].get<double>()) + " FLOP)"
                     : ", " + scaling::format_significant(j["beyond_fitted"].get<double>(), 3) +
                           "x beyond the range the law was fitted on: the grid there is centred on its extrapolation";
    if (j.contains("extrapolation"))
        where += ". Used at the explorer's budget, " + format_scientific(target) + " FLOP, the fitted laws are carried " +
                 scaling::format_significant(j["extrapolation"]["factor"].get<double>(), 3) + "x (" +
                 format_fixed(j["extrapolation"]["decades"].get<double>(), 1) + " decades) beyond it";
    where += ".";
    widgets::text_wrapped("%s", where.c_str());
    ui_probe::record_text("design_where", where);
    if (j.contains("approach2_check"))
        widgets::dim_text_wrapped(("With the law's own losses, Approach 2 on this grid finds N_opt " +
                                   format_fixed(j["approach2_check"]["vertex_ratio"].get<double>(), 4) +
                                   "x the law's at the largest budget (the grid's width alone).")
                                      .c_str());
    for (const Json& w : j["warnings"]) {
        widgets::warning_text(w.get<std::string>().c_str());
        ui_probe::record_text("design_warning", w.get<std::string>());
    }
    widgets::card_end();
}

// The runs, budget by budget; a phone leaves out the budget's number (the C column says it).
void runs_table(const Json& j, float width, bool narrow) {
    const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable("design_runs", narrow ? 4 : 5, tf, ImVec2(width, 0))) return;
    if (!narrow) ImGui::TableSetupColumn("Budget");
    for (const char* h : {"N", "D", "C = 6ND", "Loss"}) ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (const Json& r : j["runs"]) {
        ImGui::TableNextRow();
        if (!narrow) number_cell("design_runs", std::to_string(r["budget_index"].get<int>() + 1));
        number_cell("design_runs", format_count(r["params"].get<double>()));
        number_cell("design_runs", format_count(r["tokens"].get<double>()));
        number_cell("design_runs", format_scientific(r["flops"].get<double>()));
        number_cell("design_runs", r["loss"].is_null() ? "-" : format_fixed(r["loss"].get<double>(), 4));
    }
    ImGui::EndTable();
}

// The runs on N against C, the law's frontier through their centres.
void runs_figure(const scaling::Law& law, const Json& j, float width, bool narrow) {
    std::vector<double> cs, ns, fc, fn;
    for (const Json& r : j["runs"]) cs.push_back(r["flops"].get<double>()), ns.push_back(r["params"].get<double>());
    const double lo = j["smallest_budget"].get<double>() / 3, hi = j["largest_budget"].get<double>() * 3;
    for (int i = 0; i <= 40; ++i) {
        const double c = lo * std::pow(hi / lo, i / 40.0);
        const auto a = scaling::optimal(law, c);
        if (a.ok()) fc.push_back(c), fn.push_back(a.value.params);
    }
    const float h = views::figure_height(width, narrow ? 0.8f : 0.45f, 2);
    if (plot::BeginPlot("The sweep's runs and the law's frontier##design_runs", ImVec2(width, h))) {
        plot::SetupAxis(plot::X, "Training compute C (FLOP)", scaling::AxisScale::Log10, scaling::AxisFormat::Flop);
        plot::SetupAxis(plot::Y, "Parameters N", scaling::AxisScale::Log10, scaling::AxisFormat::Count);
        plot::PlotLine(("Frontier: " + law.name).c_str(), fc.data(), fn.data(), static_cast<int>(fc.size()),
                       plot::Style{plot::PaletteColor(0), 2.5f});
        plot::PlotScatter("Runs", cs.data(), ns.data(), static_cast<int>(cs.size()),
                          plot::Style{plot::PaletteColor(1), 2.0f, false, plot::Marker::Circle, 4.0f});
        plot::EndPlot();
    }
}

void biases_card(const app::Fonts& f, float width) {
    widgets::card_begin(width);
    widgets::heading(f.bold, "Approach 2's known biases, and where this design avoids them");
    for (const char* b : scaling::approach2_biases()) widgets::text_wrapped("%s", b);
    ui_probe::record_text("design_biases", scaling::approach2_biases()[0]);
    widgets::card_end();
}

// The results: pasted, fitted on the button, Approach 2's parabolas per budget and both exponents.
void results_card(app::State& s, const app::Fonts& f, float width, bool narrow) {
    const float em = ImGui::GetFontSize();
    widgets::card_begin(width);
    widgets::heading(f.bold, "Your results, fitted both ways");
    widgets::dim_text_wrapped("Paste the runs with their measured loss (the exported CSV with its loss column replaced "
                              "reads as is): columns N or params, D or tokens (or C), and loss.");
    fields::lines("##design_results", &s.design_results, ImVec2(width - 2 * em, em * 7));
    ui_probe::record_last_item("design_results");
    if (widgets::button("Fit both ways")) {
        g_fit.text = s.design_results;
        g_fit.result = scaling::design_fit_request({{"text", s.design_results}});
    }
    ui_probe::record_last_item("design_fit");
    if (ImGui::IsItemHovered())
        sem::tooltip("Approach 2: a parabola of loss in log N per budget, then power laws through the minima. "
                     "Approach 3: E + A/N^alpha + B/D^beta by Huber and L-BFGS from 4,500 starts.");
    if (g_fit.text.empty()) {
        widgets::card_end();
        return;
    }
    if (g_fit.text != s.design_results) widgets::dim_text_wrapped("The results have changed since this fit: fit again.");
    if (!g_fit.result.ok()) {
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        widgets::text_wrapped("Results: %s", g_fit.result.error.c_str());
        ImGui::PopStyleColor();
        ui_probe::record_text("design_fit_error", g_fit.result.error);
        widgets::card_end();
        return;
    }
    const Json& j = g_fit.result.value;
    const Json& a2 = j["approach2"];
    const Json& a3 = j["approach3"];
    const bool has3 = !a3.contains("error");
    const std::string values[4] = {format_fixed(a2["a"].get<double>(), 4), has3 ? format_fixed(a3["a"].get<double>(), 4) : "-",
                                   format_count(a2["params_at_largest"].get<double>()),
                                   has3 ? format_count(a3["params_at_largest"].get<double>()) : "-"};
    const char* captions[4] = {"Approach 2: a", "Approach 3: a", "Approach 2: N_opt at the largest", "Approach 3: N_opt there"};
    const char* names[4] = {"design_a2", "design_a3", "design_n2", "design_n3"};
    widgets::stat_row(captions, values, names, 4, narrow ? 2 : 4, width - 2 * em, f.small, f.big);
    widgets::text_wrapped("N_opt = %s C^%s (Approach 2, %d budgets); at the largest budget, %s FLOP.",
                          scaling::format_significant(a2["k"].get<double>(), 4).c_str(), format_fixed(a2["a"].get<double>(), 4).c_str(),
                          a2["used"].get<int>(), format_scientific(j["largest_flops"].get<double>()).c_str());
    if (has3)
        widgets::text_wrapped("Approach 3: E = %s, A = %s, B = %s, alpha = %s, beta = %s.", format_fixed(a3["E"].get<double>(), 3).c_str(),
                              scaling::format_significant(a3["A"].get<double>(), 4).c_str(),
                              scaling::format_significant(a3["B"].get<double>(), 4).c_str(),
                              format_fixed(a3["alpha"].get<double>(), 4).c_str(), format_fixed(a3["beta"].get<double>(), 4).c_str());
    for (const Json& w : j["warnings"]) widgets::warning_text(w.get<std::string>().c_str());

    // Each budget's runs and its parabola, loss against N.
    std::vector<scaling::Run> runs;
    const auto table = scaling::parse_runs(g_fit.text);
    if (table.ok()) runs = table.value.runs;
    const float h = views::figure_height(width - 2 * em, narrow ? 0.8f : 0.45f, 2);
    if (plot::BeginPlot("Approach 2: a parabola per budget##design_parabolas", ImVec2(width - 2 * em, h))) {
        plot::SetupAxis(plot::X, "Parameters N", scaling::AxisScale::Log10, scaling::AxisFormat::Count);
        plot::SetupAxis(plot::Y, "Loss (nats/token)", scaling::AxisScale::Linear, scaling::AxisFormat::Loss);
        int i = 0;
        for (const Json& b : a2["budgets"]) {
            const double c = b["flops"].get<double>(), u0 = b["parabola"]["u0"].get<double>();
            const double c0 = b["parabola"]["c0"].get<double>(), c1 = b["parabola"]["c1"].get<double>(),
                         c2 = b["parabola"]["c2"].get<double>();
            const double lo = std::log10(b["min_params"].get<double>()), hi = std::log10(b["max_params"].get<double>());
            std::vector<double> xs, ys, px, py;
            for (int t = 0; t <= 30; ++t) {
                const double x = lo + (hi - lo) * t / 30.0, u = x - u0;
                xs.push_back(std::pow(10.0, x));
                ys.push_back(c0 + c1 * u + c2 * u * u);
            }
            for (const scaling::Run& r : runs)
                if (std::fabs(std::log10(r.flops / c)) <= scaling::kBudgetToleranceDecades) px.push_back(r.params), py.push_back(r.loss);
            const std::string name = format_scientific(c) + " FLOP";
            const plot::Style line{plot::PaletteColor(i % 10), 2.0f};
            plot::PlotLine(name.c_str(), xs.data(), ys.data(), static_cast<int>(xs.size()), line);
            plot::PlotScatter(("##pts" + name).c_str(), px.data(), py.data(), static_cast<int>(px.size()),
                              plot::Style{plot::PaletteColor(i % 10), 2.0f, false, plot::Marker::Circle, 4.0f});
            if (b["has_minimum"].get<bool>()) {
                const double vx[1] = {b["params_opt"].get<double>()}, vy[1] = {b["loss_opt"].get<double>()};
                plot::PlotScatter(("##vertex" + name).c_str(), vx, vy, 1,
                                  plot::Style{plot::PaletteColor(i % 10), 2.0f, false, plot::Marker::Circle, 7.0f});
            }
            ++i;
        }
        plot::EndPlot();
    }
    widgets::card_end();
}

}  // namespace

void design(app::State& s, const app::Fonts& f, const app::Platform& platform) {
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < em * 40;
    app::DesignInputs& d = s.design;
    app::Field* in[] = {&d.study_flops, &d.budgets, &d.span_decades, &d.models_per_budget, &d.width_decades};
    double v[5] = {};
    const scaling::Law law = app::current_law(s);
    const auto inputs = [&] {
        widgets::card_begin(avail);
        widgets::heading(f.bold, "An IsoFLOP sweep for your study budget");
        const bool valid = controls::number_rows(in, 5, narrow ? 2 : 5, v);
        widgets::dim_text_wrapped(("Budgets geometric over the span, scaled so that all runs together use the study "
                                   "budget; at each, sizes evenly spaced in log N around the optimum of the law in force (" +
                                   law.name + "), D = C / 6N. Chinchilla's Approach 2 (Hoffmann et al. 2022, Sec. 3.2) "
                                   "used 9 budgets from 6e18 to 3e21 FLOP.")
                                      .c_str());
        widgets::card_end();
        return valid;
    };
    const auto compute = [&] {
        const scaling::Result<Json> r = scaling::design_json(design_args(s), law);
        if (!r.ok()) ui_probe::record_text("design_error", r.error);
        return r;
    };
    // On a phone the answer comes first (the fields read without drawing them); the inputs follow it.
    const bool valid = narrow ? read_fields(in, 5, v) : inputs();
    const scaling::Result<Json> r = valid ? compute() : scaling::Result<Json>::fail("not computed: an input is refused");
    if (!narrow) ImGui::Spacing();
    if (r.ok()) answer_card(r.value, f, avail, narrow, s.flops);
    if (narrow) {
        ImGui::Spacing();
        inputs();
    }
    if (valid && !r.ok()) {
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        widgets::text_wrapped("%s: %s", label_of(r.field), r.error.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    if (r.ok()) {
        runs_figure(law, r.value, avail, narrow);
        ImGui::Spacing();
        widgets::card_begin(avail);
        widgets::heading(f.bold, "The runs");
        if (widgets::button("Export CSV") && platform.download_text) {
            const auto sweep = scaling::design_inputs(design_args(s), law);
            if (sweep.ok()) platform.download_text("isoflop-sweep.csv", "text/csv", scaling::sweep_csv(sweep.value), platform.user);
        }
        ui_probe::record_last_item("design_export");
        if (ImGui::IsItemHovered())
            sem::tooltip("The runs as CSV (budget_index, params, tokens, flops, loss): replace the expected loss by the "
                         "measured one and paste it below");
        runs_table(r.value, avail - 2 * em, narrow);
        widgets::card_end();
        ImGui::Spacing();
    }
    biases_card(f, avail);
    ImGui::Spacing();
    results_card(s, f, avail, narrow);
}

}  // namespace views
