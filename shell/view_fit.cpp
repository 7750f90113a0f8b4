// view_fit.cpp: fit your own runs. Paste a CSV/TSV (columns named N/params/model size, D/tokens or
// C/FLOP/compute, loss); rows that do not parse are listed with their line; the Huber/L-BFGS fit
// over the 4,500-start grid and its bootstrap run a slice per frame (app::FitRun, stepped by the
// app) with a progress bar and a cancel button; the constants come with 95% intervals, residuals are plotted, and the fit can be
// used as "My fit" in every view. Runs, mapping, options and the last fit are the user's saved work
// (core/saved_work.hpp): kept by the entry between visits, and saved or opened as a file here.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/fit.hpp"
#include "core/loss.hpp"
#include "core/quantity.hpp"
#include "core/requests.hpp"
#include "core/runs.hpp"
#include "core/saved_work.hpp"
#include "core/uncertainty.hpp"
#include "fields.hpp"
#include "fit_run.hpp"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "plot.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"
#include "semantics.hpp"

namespace views {
namespace {

using scaling::format_count;
using scaling::format_scientific;

// Fitted constants and their ranges: five significant digits.
std::string g5(double x) { return scaling::format_significant(x, 5); }

// One combo per quantity: recognised by name (the default), a header column, or "not in the table".
void column_mapping(app::State& s, const scaling::Result<scaling::RunTable>& parsed, float em) {
    const std::vector<std::string> header = scaling::header_columns(s.fit_text);
    if (header.empty()) return;
    static const char* kLabels[4] = {"N", "D", "C", "loss"};
    const std::string* used[4] = {nullptr, nullptr, nullptr, nullptr};
    if (parsed.ok())
        used[0] = &parsed.value.params_column, used[1] = &parsed.value.tokens_column,
        used[2] = &parsed.value.flops_column, used[3] = &parsed.value.loss_column;
    // Four label + combo pairs on one line, or two lines of two on a phone.
    const bool narrow = ImGui::GetContentRegionAvail().x < em * 42;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Columns:");
    for (int k = 0; k < 4; ++k) {
        if (!narrow || k % 2 == 1) ImGui::SameLine(0, k ? em : -1.0f);
        else ImGui::AlignTextToFramePadding();
        ImGui::PushID(k);
        std::string& chosen = s.fit_columns[k];
        // What the combo shows: the column in use, or how the quantity is obtained without one.
        std::string preview = chosen == "-" ? "none" : chosen;
        if (chosen.empty()) {
            if (used[k] && !used[k]->empty()) preview = *used[k];
            else if (parsed.ok() && k == 1) preview = "from C = 6ND";
            else if (parsed.ok() && k == 2) preview = "from 6ND";
            else preview = "auto: not found";
        }
        ImGui::TextUnformatted(kLabels[k]);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 7.5f);
        const std::string label = "##col";
        const ImGuiID combo_id = ImGui::GetID(label.c_str());
        const ImVec2 combo_at = ImGui::GetCursorScreenPos();
        if (ImGui::BeginCombo(label.c_str(), preview.c_str())) {
            const std::string before = chosen;
            if (ImGui::Selectable("auto: recognise by name", chosen.empty())) chosen.clear();
            if (ImGui::Selectable("none: not in the table", chosen == "-")) chosen = "-";
            for (const std::string& name : header) {
                if (name.empty()) continue;
                if (ImGui::Selectable(name.c_str(), chosen == name)) chosen = name;
                ui_probe::record_last_item(("fit_column_option:" + name).c_str());
            }
            if (chosen != before) ++s.work_revision;
            ImGui::EndCombo();
        }
        {
            // For the keyboard and screen readers: the same choices as a select.
            std::vector<std::string> options = {"auto: recognise by name", "none: not in the table"}, values = {"", "-"};
            for (const std::string& name : header)
                if (!name.empty()) options.push_back(name), values.push_back(name);
            int index = 0;
            for (size_t i = 0; i < values.size(); ++i)
                if (values[i] == chosen) index = static_cast<int>(i);
            const int picked = sem::select_at(combo_id, combo_at, ImVec2(combo_at.x + em * 7.5f, combo_at.y + ImGui::GetFrameHeight()),
                                              std::string(kLabels[k]) + " column", options, index);
            if (picked >= 0 && values[static_cast<size_t>(picked)] != chosen) {
                chosen = values[static_cast<size_t>(picked)];
                ++s.work_revision;
            }
        }
        ui_probe::record_last_item((std::string("fit_column_") + kLabels[k]).c_str());
        ImGui::PopID();
    }
}

// What the chosen form needs of the table (core/runs.hpp): the power law in N no D or C column, and
// as many rows as its fewest constants.
scaling::RunNeeds needs_of(const app::State& s) {
    if (s.fit.form.text != "power") return {};
    return {s.fit.x.text != "N", scaling::kPowerPoints[0], "a power law A x^-alpha"};
}

// The power form's last fit: computed when Fit is pressed (a second or so with a bootstrap), shown
// until the runs or options change (work_revision).
scaling::Result<scaling::FitReply> g_power = scaling::Result<scaling::FitReply>::fail("");
int g_power_revision = -1;

// `scaling fit --form power` on the view's runs: the same request, so the same numbers and refusals.
// It predicts at the explorer's budget when the quantity is compute.
scaling::Result<scaling::FitReply> fit_power_form(const app::State& s) {
    scaling::Args args = {{"text", s.fit_text}, {"form", "power"}, {"x", s.fit.x.text},
                          {"exclude_top", std::to_string(s.fit_exclude)}, {"bootstrap", std::to_string(s.fit_bootstrap)}};
    static const char* kKeys[4] = {"N", "D", "C", "loss"};
    std::string columns;
    for (int k = 0; k < 3; ++k)
        if (!s.fit_columns[k].empty()) columns += (columns.empty() ? "" : ",") + std::string(kKeys[k]) + "=" + s.fit_columns[k];
    if (!columns.empty()) args["columns"] = columns;
    if (!s.fit_columns[3].empty()) args["target"] = s.fit_columns[3];
    if (s.fit.x.text == "C") args["predict"] = scaling::format_shortest(s.flops);
    return scaling::fit_request(args);
}

std::string interval_text(const scaling::Json& iv) {
    return iv.is_array() ? g5(iv[0].get<double>()) + " to " + g5(iv[1].get<double>()) : std::string("-");
}

// The power form's constants (both forms, with intervals when bootstrapped), the prediction at the
// budget, the warnings, and the points with both curves on log axes.
void power_card(app::State& s, const app::Fonts& f, float avail) {
    if (g_power_revision != s.work_revision) return;  // nothing fitted for these runs yet
    const float em = ImGui::GetFontSize(), inner = avail - 2 * em;
    ImGui::Dummy(ImVec2(0, em * 0.25f));
    widgets::card_begin(avail);
    if (!g_power.ok()) {
        widgets::warning_text(g_power.error.c_str());
        ui_probe::record_text("fit_error", g_power.error);
        widgets::card_end();
        return;
    }
    const scaling::Json& j = g_power.value.json;
    const std::string x = j["x"].get<std::string>();
    widgets::heading(f.bold, ("Fit: loss against " + x).c_str());
    const scaling::Json& sat = j["saturating"];
    const scaling::Json& pure = j["pure"];
    const scaling::Json none;
    const scaling::Json& iv = j.contains("intervals_95") ? j["intervals_95"] : none;
    const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("fit_power", 3, tf, ImVec2(inner, 0))) {
        ImGui::TableSetupColumn("Constant");
        ImGui::TableSetupColumn("Estimate");
        ImGui::TableSetupColumn("95% interval (bootstrap)");
        ImGui::TableHeadersRow();
        auto row = [&](const char* name, const scaling::Json& form, const scaling::Json& form_iv, const char* key) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            widgets::text_wrapped("%s", name);
            number_cell("fit_power", form.is_null() ? "-" : g5(form[key].get<double>()));
            number_cell("fit_power", form_iv.is_object() && form_iv.contains(key) ? interval_text(form_iv[key]) : "-");
        };
        const scaling::Json& sat_iv = iv.is_object() ? iv["saturating"] : none;
        const scaling::Json& pure_iv = iv.is_object() ? iv["pure"] : none;
        row("E (E + A x^-α)", sat, sat_iv, "E");
        row("A (E + A x^-α)", sat, sat_iv, "A");
        row("α (E + A x^-α)", sat, sat_iv, "alpha");
        row("A (A x^-α)", pure, pure_iv, "A");
        row("α (A x^-α)", pure, pure_iv, "alpha");
        ImGui::EndTable();
    }
    if (!sat.is_null()) ui_probe::record_text("fit_power_alpha", g5(sat["alpha"].get<double>()));
    ui_probe::record_text("fit_pure_alpha", g5(pure["alpha"].get<double>()));
    if (j.contains("prediction")) {
        const scaling::Json& p = j["prediction"];
        std::string text = "At the explorer's budget, " + format_scientific(p["x"].get<double>()) + " FLOP: loss " +
                           scaling::format_fixed(p["pure"].get<double>(), 3) + " (A x^-α)";
        if (!p["saturating"].is_null()) text += ", " + scaling::format_fixed(p["saturating"].get<double>(), 3) + " (E + A x^-α)";
        widgets::dim_text_wrapped((text + ".").c_str());
        ui_probe::record_text("fit_power_prediction", text);
    }
    std::string all;
    for (const std::string& w : g_power.value.warnings) {
        widgets::warning_text(w.c_str());
        all += w + "\n";
    }
    ui_probe::record_text("fit_warnings", all);
    // The points and both curves, on log-log axes.
    std::vector<double> xs, ys;
    const scaling::Result<scaling::RunTable> t = scaling::parse_runs(s.fit_text, app::column_map(s), needs_of(s));
    if (t.ok())
        for (const scaling::Run& r : scaling::exclude_top_losses(t.value.runs, s.fit_exclude)) {
            xs.push_back(x == "N" ? r.params : x == "D" ? r.tokens : r.flops);
            ys.push_back(r.loss);
        }
    if (xs.empty()) {
        widgets::card_end();
        return;
    }
    const double lo = *std::min_element(xs.begin(), xs.end()), hi = *std::max_element(xs.begin(), xs.end());
    std::vector<double> cx, cy_pure, cy_sat;
    for (int i = 0; i <= 64; ++i) {
        const double v = lo * std::pow(hi * scaling::kExtrapolationFactor / lo, i / 64.0);
        cx.push_back(v);
        cy_pure.push_back(pure["A"].get<double>() * std::pow(v, -pure["alpha"].get<double>()));
        if (!sat.is_null())
            cy_sat.push_back(sat["E"].get<double>() + sat["A"].get<double>() * std::pow(v, -sat["alpha"].get<double>()));
    }
    const scaling::AxisFormat fmt = x == "C" ? scaling::AxisFormat::Flop : scaling::AxisFormat::Count;
    if (plot::BeginPlot("Loss against one quantity, to 10x the data", ImVec2(inner, figure_height(inner, 0.5f, 2)))) {
        plot::SetupAxis(plot::X, x == "N" ? "Parameters N" : x == "D" ? "Tokens D" : "Training compute C (FLOP)",
                        scaling::AxisScale::Log10, fmt);
        plot::SetupAxis(plot::Y, "Loss (nats/token)", scaling::AxisScale::Log10, scaling::AxisFormat::Plain);
        plot::Style pts;
        pts.marker_size = em * 0.22f;
        plot::PlotScatter("Runs", xs.data(), ys.data(), static_cast<int>(xs.size()), pts);
        plot::PlotLine("A x^-α", cx.data(), cy_pure.data(), static_cast<int>(cx.size()), {plot::PaletteColor(1), 2.0f});
        if (!cy_sat.empty())
            plot::PlotLine("E + A x^-α", cx.data(), cy_sat.data(), static_cast<int>(cx.size()), {plot::PaletteColor(0), 2.0f});
        plot::EndPlot();
    }
    widgets::card_end();
}

// The record a fit has earned: each budget predicted by the fit of the others (core/fit.hpp,
// leave_one_budget_out), as a sentence, a table of budgets and predicted against observed.
void backtest_section(const scaling::Backtest& b, const app::Fonts& f, float inner) {
    const float em = ImGui::GetFontSize();
    ImGui::Spacing();
    widgets::heading(f.bold, "Backtest: each budget predicted by the others");
    const std::string text = std::to_string(b.folds.size()) + " budgets, each left out in turn and predicted by the fit of "
                             "the rest: within " + scaling::format_fixed(b.mean_abs_error * 100, 2) + "% on average, " +
                             scaling::format_fixed(b.max_abs_error * 100, 2) + "% at worst" +
                             (b.skipped ? " (" + std::to_string(b.skipped) + " too big to leave out)." : std::string("."));
    widgets::dim_text_wrapped(text.c_str());
    ui_probe::record_text("fit_backtest", scaling::format_fixed(b.mean_abs_error * 100, 2));
    const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("fit_backtest", 4, tf, ImVec2(inner, 0))) {
        ImGui::TableSetupColumn("Budget (FLOP)");
        ImGui::TableSetupColumn("Runs");
        ImGui::TableSetupColumn("Mean error");
        ImGui::TableSetupColumn("Worst");
        ImGui::TableHeadersRow();
        for (const scaling::BacktestFold& fold : b.folds) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string budget = fold.flops_lo == fold.flops_hi ? format_scientific(fold.flops_lo, 2)
                                                                      : format_scientific(fold.flops_lo, 2) + " to " +
                                                                            format_scientific(fold.flops_hi, 2);
            widgets::text_wrapped("%s", budget.c_str());
            number_cell("fit_backtest", std::to_string(fold.runs));
            number_cell("fit_backtest", scaling::format_fixed(fold.mean_abs_error * 100, 2) + "%");
            number_cell("fit_backtest", scaling::format_fixed(fold.max_abs_error * 100, 2) + "%");
        }
        ImGui::EndTable();
    }
    std::vector<double> obs, pred;
    double lo = 1e300, hi = 0;
    for (const scaling::BacktestPoint& p : b.points) {
        obs.push_back(p.observed), pred.push_back(p.predicted);
        lo = std::min({lo, p.observed, p.predicted}), hi = std::max({hi, p.observed, p.predicted});
    }
    if (plot::BeginPlot("Backtest: predicted against observed loss", ImVec2(inner, figure_height(inner, 0.6f, 2)))) {
        plot::SetupAxis(plot::X, "Observed loss", scaling::AxisScale::Linear, scaling::AxisFormat::Plain);
        plot::SetupAxis(plot::Y, "Predicted by the other budgets", scaling::AxisScale::Linear, scaling::AxisFormat::Plain);
        const double diag_x[2] = {lo, hi}, diag_y[2] = {lo, hi};
        plot::Style diag;
        diag.color = IM_COL32(40, 44, 52, 160);
        diag.dashed = true;
        diag.weight = 1.2f;
        plot::PlotLine("Predicted = observed", diag_x, diag_y, 2, diag);
        plot::Style pts;
        pts.marker_size = em * 0.22f;
        plot::PlotScatter("Left-out runs", obs.data(), pred.data(), static_cast<int>(obs.size()), pts);
        plot::EndPlot();
    }
}

}  // namespace

void fit(app::State& s, const app::Fonts& f, const app::Platform& platform) {
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    static std::string error;
    app::FitRun& run = *s.fit_run;  // app::frame made it before any view

    widgets::card_begin(avail);
    const float inner = avail - 2 * em;
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted("Your runs");
    ImGui::PopFont();
    widgets::dim_text_wrapped("Paste a table with a header: parameters (N, params, model size), tokens (D, tokens) or "
                              "compute (C, FLOP), and loss. Commas, tabs or semicolons; 70M, 1.4T and 1e20 all read.");
    if (fields::lines("##runs", &s.fit_text, ImVec2(inner, em * 9))) ++s.work_revision;
    ui_probe::record_last_item("fit_text");
    if (widgets::button("Load a file...") && platform.open_file) platform.open_file(platform.user);
    ui_probe::record_last_item("fit_load");
    ImGui::SameLine();
    if (widgets::button("Save my work") && platform.download_text) {
        // Everything the browser keeps for the user, as one file that "Load a file..." opens again.
        platform.download_text("scaling-explorer-work.json", "application/json", scaling::saved_work_json(app::work_of(s)),
                               platform.user);
    }
    ui_probe::record_last_item("fit_save_work");
    ImGui::SameLine();
    widgets::dim_text_wrapped("or drop a CSV (or saved work) on the window, or paste with Ctrl+V. Your runs and "
                              "fit are kept in this browser between visits.");

    // Rows that will be left out, shown before fitting: nothing is dropped silently.
    const bool power = s.fit.form.text == "power";
    const scaling::Result<scaling::RunTable> preview = scaling::parse_runs(s.fit_text, app::column_map(s), needs_of(s));
    column_mapping(s, preview, em);
    if (preview.ok()) {
        std::string info = std::to_string(preview.value.runs.size()) + " runs";
        if (preview.value.tokens_derived) info += " (tokens from C = 6ND)";
        widgets::dim_text_wrapped(info.c_str());
        for (const scaling::RejectedRow& r : preview.value.rejected) {
            ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
            widgets::text_wrapped("line %d left out: %s", r.line, r.reason.c_str());
            ImGui::PopStyleColor();
        }
        ui_probe::record_text("fit_rows", std::to_string(preview.value.runs.size()));
    } else if (s.fit_text.size() > 10) {
        widgets::dim_text_wrapped(preview.error.c_str());
    }

    ImGui::SetNextItemWidth(em * 9);
    if (ImGui::InputInt("Leave out the highest-loss runs", &s.fit_exclude)) ++s.work_revision;
    ImGui::SetNextItemWidth(em * 9);
    if (ImGui::InputInt("Bootstrap resamples", &s.fit_bootstrap, 100, 1000)) ++s.work_revision;

    static const std::vector<std::string> kForms = {"E + A/N^α + B/D^β (five constants)", "Loss against one quantity"};
    if (controls::labelled_choice(s.fit.form, "##fit_form", std::min(inner, em * 18), &kForms)) ++s.work_revision;
    if (power) {
        ImGui::SameLine();
        if (controls::labelled_choice(s.fit.x, "##fit_x", em * 6)) ++s.work_revision;
    }

    // The app steps the fit before the views draw (app::FitRun): here only its controls and progress.
    if (power) {
        if (widgets::button("Fit")) {
            error.clear();
            g_power = fit_power_form(s);
            g_power_revision = s.work_revision;
        }
        ui_probe::record_last_item("fit_button");
    } else if (!run.running()) {
        if (widgets::button("Fit")) {
            error.clear();
            run.start(s, &error);
        }
        ui_probe::record_last_item("fit_button");
    } else {
        ImGui::ProgressBar(static_cast<float>(run.job()->progress()), ImVec2(inner - em * 6, 0));
        ImGui::SameLine();
        if (widgets::button("Cancel")) run.cancel();
        ui_probe::record_text("fit_progress", g5(run.job() ? run.job()->progress() : 0));
    }
    if (!error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        widgets::text_wrapped("%s", error.c_str());
        ImGui::PopStyleColor();
        ui_probe::record_text("fit_error", error);
    }
    widgets::card_end();

    if (power) {
        power_card(s, f, avail);
        return;
    }
    const scaling::FitJob* job = run.job();
    if (!job || !job->fit().ok()) return;
    const scaling::FitResult& r = job->fit().value;
    const bool has_iv = job->intervals().ok();
    const scaling::BootstrapResult* iv = has_iv ? &job->intervals().value : nullptr;

    ImGui::Dummy(ImVec2(0, em * 0.25f));
    widgets::card_begin(avail);
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted("Fit: L(N, D) = E + A/N^α + B/D^β");
    ImGui::PopFont();
    const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    // Phones: the numbers' columns as wide as their values, the constants' names wrapping in the rest.
    const bool narrow = inner < em * 30;
    const ImGuiTableColumnFlags value_col = narrow ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_None;
    if (ImGui::BeginTable("fit_constants", 3, tf, ImVec2(inner, 0))) {
        ImGui::TableSetupColumn("Constant", narrow ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_None);
        ImGui::TableSetupColumn("Estimate", value_col);
        ImGui::TableSetupColumn(narrow ? "95% interval" : "95% interval (bootstrap)", value_col);
        ImGui::TableHeadersRow();
        const struct { const char* name; double v; const scaling::Interval* i; } rows[] = {
            {"E", r.c.E, iv ? &iv->E : nullptr},           {"A", r.c.A, iv ? &iv->A : nullptr},
            {"B", r.c.B, iv ? &iv->B : nullptr},           {"α", r.c.alpha, iv ? &iv->alpha : nullptr},
            {"β", r.c.beta, iv ? &iv->beta : nullptr},     {"a = β/(α+β): N_opt ~ C^a", r.a_exp, iv ? &iv->a_exp : nullptr},
            {"b = α/(α+β): D_opt ~ C^b", r.b_exp, iv ? &iv->b_exp : nullptr}};
        for (const auto& row : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.0f);  // at the column's edge, not the card's
            widgets::text_wrapped("%s", row.name);
            ImGui::PopTextWrapPos();
            number_cell("fit_constants", g5(row.v));
            number_cell("fit_constants", row.i ? g5(row.i->lo) + " to " + g5(row.i->hi) : "running...");
        }
        ImGui::EndTable();
    }
    ui_probe::record_text("fit_E", g5(r.c.E));
    ui_probe::record_text("fit_alpha", g5(r.c.alpha));
    const std::string summary = std::to_string(run.runs().size()) + " runs, " + std::to_string(r.starts) +
                                " starts, Huber objective " + g5(r.objective) + ". Largest compute in the data: " +
                                format_scientific(run.max_flops()) + " FLOP.";
    widgets::dim_text_wrapped(summary.c_str());
    // The convergence report, and what the fit must not leave unsaid (core/fit.hpp, fit_warnings).
    const scaling::Convergence& cv = r.convergence;
    const char* how = cv.stop == scaling::Stop::Gradient    ? "on its gradient tolerance"
                      : cv.stop == scaling::Stop::Objective ? "on its objective tolerance"
                      : cv.stop == scaling::Stop::Stalled   ? "where its line search found no lower point"
                                                            : "at the iteration cap";
    std::string report = std::string(cv.converged() ? "Converged" : "Not converged") + ": the best start's descent stopped " +
                         how + " after " + std::to_string(cv.iterations) + " iterations" +
                         (cv.newton_steps ? " and " + std::to_string(cv.newton_steps) + " Newton steps" : std::string()) +
                         "; gradient norm " + format_scientific(cv.gradient_norm, 2) + "; a Newton step from the optimum gains " +
                         (cv.newton_gain > 0 ? format_scientific(cv.newton_gain, 2) : std::string("nothing")) + " of the objective";
    report += cv.capped ? "; " + std::to_string(cv.capped) + " starts hit the iteration cap." : "; no start hit the iteration cap.";
    widgets::dim_text_wrapped(report.c_str());
    ui_probe::record_text("fit_converged", cv.converged() ? "yes" : "no");
    std::string all_warnings;
    for (const std::string& w : scaling::fit_warnings(r, iv)) {
        widgets::warning_text(w.c_str());
        all_warnings += w + "\n";
    }
    ui_probe::record_text("fit_warnings", all_warnings);
    const scaling::Result<scaling::HeldOut>& held = run.held_out();
    if (held.ok()) {
        const scaling::HeldOut& h = held.value;
        const std::string text = "Held-out check: refitted without the " + std::to_string(h.held_out) +
                                 " largest-compute runs (from " + format_scientific(h.min_flops) +
                                 " FLOP), it predicts their losses within " + scaling::format_fixed(h.mean_abs_error * 100, 1) +
                                 "% on average, " + scaling::format_fixed(h.max_abs_error * 100, 1) + "% at worst.";
        widgets::dim_text_wrapped(text.c_str());
        ui_probe::record_text("fit_held_out", scaling::format_fixed(h.mean_abs_error * 100, 1));
    }
    if (s.flops > scaling::kExtrapolationFactor * run.max_flops()) {
        const std::string far = "Extrapolation: the explorer's budget (" + format_scientific(s.flops) + " FLOP) is " +
                                format_count(s.flops / run.max_flops()) +
                                "x beyond the largest run; predictions there rest on the power law holding far outside the data.";
        widgets::warning_text(far.c_str());
    }
    const bool shown_is_saved = run.recorded();
    if (!s.has_fit || !shown_is_saved) {
        ImGui::BeginDisabled(!shown_is_saved);  // a fit still bootstrapping is not a law yet
        if (widgets::button("Use as \"My fit\" in every view")) app::use_fit(s, true, true);
        ui_probe::record_last_item("fit_use");
        ImGui::EndDisabled();
    } else {
        if (widgets::button("Take \"My fit\" out of the laws")) app::use_fit(s, false, false);
        ui_probe::record_last_item("fit_unuse");
    }
    ImGui::SameLine();
    const bool copy = widgets::small_button("Copy into the custom law");
    if (shown_is_saved) {
        // Where My fit's band comes from (its own bootstrap draws), or why it has none.
        const scaling::Law mine = scaling::fitted_law(s.saved_fit);
        const std::string band = mine.has_band() ? "Its 95% band. " + scaling::band_method(mine) : "My fit has " + mine.no_band + ".";
        widgets::dim_text_wrapped(band.c_str());
        ui_probe::record_text("fit_band", band);
    }
    if (copy) {
        s.custom = r.c;
        const double values[5] = {r.c.E, r.c.A, r.c.B, r.c.alpha, r.c.beta};
        for (int i = 0; i < 5; ++i) std::snprintf(s.custom_text[i], sizeof s.custom_text[i], "%s", g5(values[i]).c_str());
        s.custom_error.clear();
        ++s.law_revision;
        ++s.work_revision;
    }

    // Residuals: log of predicted over observed loss, against compute.
    std::vector<double> c, res;
    for (const scaling::Run& one : run.runs()) {
        c.push_back(one.flops);
        res.push_back(std::log(scaling::chinchilla_loss(r.c, one.params, one.tokens) / one.loss));
    }
    if (plot::BeginPlot("Residuals: log(predicted / observed loss)", ImVec2(inner, figure_height(inner, 0.4f, 2)))) {
        plot::SetupAxis(plot::X, "Training compute (FLOP)", scaling::AxisScale::Log10, scaling::AxisFormat::Flop);
        plot::SetupAxis(plot::Y, "log residual", scaling::AxisScale::Linear, scaling::AxisFormat::Plain);
        plot::Style zero;
        zero.color = IM_COL32(40, 44, 52, 160);
        zero.dashed = true;
        zero.weight = 1.2f;
        plot::PlotRefLine("##zero", plot::Y, 0.0, zero);
        plot::Style pts;
        pts.marker_size = em * 0.22f;
        plot::PlotScatter("Runs", c.data(), res.data(), static_cast<int>(c.size()), pts);
        plot::EndPlot();
    }
    const scaling::Result<scaling::Backtest>& back = run.backtest();
    if (back.ok()) backtest_section(back.value, f, inner);
    widgets::card_end();
}

}  // namespace views
