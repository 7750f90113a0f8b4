// view_fit.cpp: fit your own runs. Paste a CSV/TSV (columns named N/params/model size, D/tokens or
// C/FLOP/compute, loss); rows that do not parse are listed with their line; the Huber/L-BFGS fit
// over the 4,500-start grid and its bootstrap run a slice per frame with a progress bar and a
// cancel button; the constants come with 95% intervals, residuals are plotted, and the fit can be
// used as "My fit" in every view. Runs, mapping, options and the last fit are the user's saved work
// (core/saved_work.hpp): kept by the entry between visits, and saved or opened as a file here.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/fit.hpp"
#include "core/loss.hpp"
#include "core/quantity.hpp"
#include "core/runs.hpp"
#include "core/saved_work.hpp"
#include "core/uncertainty.hpp"
#include "fields.hpp"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "plot.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {
namespace {

using scaling::format_count;
using scaling::format_scientific;

// The fit in progress or done, with the runs it used (one at a time, owned by this view).
struct FitSession {
    std::unique_ptr<scaling::FitJob> job;
    bool held_done = false;  // the held-out check, computed once the fit is done
    scaling::Result<scaling::HeldOut> held = scaling::Result<scaling::HeldOut>::fail("");
    std::vector<scaling::Run> runs;
    double max_flops = 0;  // largest compute in the data: extrapolation is judged against it
    std::uint64_t text_hash = 0;  // of the runs text the fit started from
    int exclude = 0;
    bool recorded = false;  // saved into the state's saved_fit once done
};
FitSession g_session;

// Fitted constants and their ranges: five significant digits.
std::string g5(double x) { return scaling::format_significant(x, 5); }

scaling::ColumnMap column_map(const app::State& s) {
    return {s.fit_columns[0], s.fit_columns[1], s.fit_columns[2], s.fit_columns[3]};
}

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
        ui_probe::record_last_item((std::string("fit_column_") + kLabels[k]).c_str());
        ImGui::PopID();
    }
}

void start_fit(app::State& s, std::string* error) {
    const scaling::Result<scaling::RunTable> t = scaling::parse_runs(s.fit_text, column_map(s));
    if (!t.ok()) {
        *error = t.error;
        return;
    }
    if (s.fit_exclude < 0 || s.fit_exclude > static_cast<int>(t.value.runs.size()) - 5) {
        *error = "Leaving out " + std::to_string(s.fit_exclude) + " runs would leave fewer than 5";
        return;
    }
    if (s.fit_bootstrap != 0 && (s.fit_bootstrap < 10 || s.fit_bootstrap > 100000)) {
        *error = "Bootstrap resamples must be 0 or 10 to 100,000";
        return;
    }
    g_session.runs = scaling::exclude_top_losses(t.value.runs, s.fit_exclude);
    g_session.max_flops = 0;
    for (const scaling::Run& r : g_session.runs) g_session.max_flops = std::max(g_session.max_flops, r.flops);
    g_session.job = std::make_unique<scaling::FitJob>(g_session.runs, s.fit_bootstrap);
    g_session.held_done = false;
    g_session.text_hash = scaling::text_fingerprint(s.fit_text);
    g_session.exclude = s.fit_exclude;
    g_session.recorded = false;
}

// A finished fit goes into the state: saved with the user's work, and "My fit" follows it.
void record_fit(app::State& s) {
    const scaling::FitJob& job = *g_session.job;
    scaling::SavedFit f;
    f.result = job.fit().value;
    f.runs_used = static_cast<int>(g_session.runs.size());
    if (job.intervals().ok()) {
        f.has_intervals = true;
        f.intervals = job.intervals().value;
        f.draws = scaling::draws_to_keep(f.intervals, f.runs_used);  // My fit's band
        f.intervals.fits.clear();  // the summary and the draws are kept, not every fit's report
    }
    f.min_flops = INFINITY;
    for (const scaling::Run& r : g_session.runs) f.min_flops = std::min(f.min_flops, r.flops);
    f.max_flops = g_session.max_flops;
    f.text_hash = g_session.text_hash;
    f.exclude = g_session.exclude;
    s.saved_fit = f;
    s.has_saved_fit = true;
    if (s.has_fit) app::use_fit(s, true, false);
    ++s.work_revision;
    g_session.recorded = true;
}

// After a reload: the saved fit's results are shown again without refitting, when the runs table
// is the one it was fitted on (else only "My fit" comes back, and the table waits for a new fit).
void restore_session(const app::State& s) {
    g_session = FitSession();
    const scaling::SavedFit& f = s.saved_fit;
    if (!s.has_saved_fit || scaling::text_fingerprint(s.fit_text) != f.text_hash) return;
    const scaling::Result<scaling::RunTable> t = scaling::parse_runs(s.fit_text, column_map(s));
    if (!t.ok() || f.exclude > static_cast<int>(t.value.runs.size())) return;
    std::vector<scaling::Run> runs = scaling::exclude_top_losses(t.value.runs, f.exclude);
    if (static_cast<int>(runs.size()) != f.runs_used) return;
    g_session.runs = std::move(runs);
    for (const scaling::Run& r : g_session.runs) g_session.max_flops = std::max(g_session.max_flops, r.flops);
    g_session.job = std::make_unique<scaling::FitJob>(g_session.runs, 0);
    g_session.job->restore(f.result, f.has_intervals ? &f.intervals : nullptr);
    g_session.text_hash = f.text_hash;
    g_session.exclude = f.exclude;
    g_session.recorded = true;
}

}  // namespace

void fit(app::State& s, const app::Fonts& f) {
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    static std::string error;
    if (s.fit_restore_pending) {
        s.fit_restore_pending = false;
        restore_session(s);
    }

    widgets::card_begin(avail);
    const float inner = avail - 2 * em;
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted("Your runs");
    ImGui::PopFont();
    widgets::dim_text_wrapped("Paste a table with a header: parameters (N, params, model size), tokens (D, tokens) or "
                              "compute (C, FLOP), and loss. Commas, tabs or semicolons; 70M, 1.4T and 1e20 all read.");
    if (fields::lines("##runs", &s.fit_text, ImVec2(inner, em * 9))) ++s.work_revision;
    ui_probe::record_last_item("fit_text");
    if (ImGui::Button("Load a file...")) s.request_open_file = true;
    ui_probe::record_last_item("fit_load");
    ImGui::SameLine();
    if (ImGui::Button("Save my work")) {
        // Everything the browser keeps for the user, as one file that "Load a file..." opens again.
        plot::ExportRequest r;
        r.kind = plot::ExportRequest::Json;
        r.name = "scaling-explorer-work";
        r.csv = scaling::saved_work_json(app::work_of(s));
        plot::PendingExports().push_back(std::move(r));
    }
    ui_probe::record_last_item("fit_save_work");
    ImGui::SameLine();
    widgets::dim_text_wrapped("or drop a CSV (or saved work) on the window, or paste with Ctrl+V. Your runs and "
                              "fit are kept in this browser between visits.");

    // Rows that will be left out, shown before fitting: nothing is dropped silently.
    const scaling::Result<scaling::RunTable> preview = scaling::parse_runs(s.fit_text, column_map(s));
    column_mapping(s, preview, em);
    if (preview.ok()) {
        std::string info = std::to_string(preview.value.runs.size()) + " runs";
        if (preview.value.tokens_derived) info += " (tokens from C = 6ND)";
        widgets::dim_text_wrapped(info.c_str());
        for (const scaling::RejectedRow& r : preview.value.rejected) {
            ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
            ImGui::TextWrapped("line %d left out: %s", r.line, r.reason.c_str());
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

    const bool running = g_session.job && !g_session.job->done();
    if (!running) {
        if (ImGui::Button("Fit")) {
            error.clear();
            start_fit(s, &error);
        }
        ui_probe::record_last_item("fit_button");
    } else {
        // A slice of work per frame, sized from what the rest of a frame costs (drawing, presenting,
        // the browser's own work): four times that, between 50 and 250 ms, so at least 80% of the
        // time goes to the fit while the progress bar and Cancel stay live. A GPU browser draws in
        // a millisecond or two (50 ms slices); headless Chromium on SwiftShader takes tens.
        using clock = std::chrono::steady_clock;
        static clock::time_point last_start;
        static double last_work_ms = 0;
        const auto t0 = clock::now();
        const double frame_ms = std::chrono::duration<double, std::milli>(t0 - last_start).count();
        const double overhead_ms = frame_ms - last_work_ms;
        const double slice_ms = overhead_ms > 0 && overhead_ms < 1000 ? std::clamp(4 * overhead_ms, 50.0, 250.0) : 100.0;
        while (g_session.job->step(5) &&
               std::chrono::duration<double, std::milli>(clock::now() - t0).count() < slice_ms) {
        }
        last_start = t0;
        last_work_ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
        ImGui::ProgressBar(static_cast<float>(g_session.job->progress()), ImVec2(inner - em * 6, 0));
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) g_session.job.reset();
        ui_probe::record_text("fit_progress", g5(g_session.job ? g_session.job->progress() : 0));
    }
    if (g_session.job && g_session.job->done() && !g_session.recorded && g_session.job->fit().ok()) record_fit(s);
    s.busy = g_session.job && !g_session.job->done();
    if (!error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        ImGui::TextWrapped("%s", error.c_str());
        ImGui::PopStyleColor();
        ui_probe::record_text("fit_error", error);
    }
    widgets::card_end();

    if (!g_session.job || !g_session.job->fit().ok()) return;
    const scaling::FitResult& r = g_session.job->fit().value;
    const bool has_iv = g_session.job->intervals().ok();
    const scaling::BootstrapResult* iv = has_iv ? &g_session.job->intervals().value : nullptr;

    ImGui::Dummy(ImVec2(0, em * 0.25f));
    widgets::card_begin(avail);
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted("Fit: L(N, D) = E + A/N^α + B/D^β");
    ImGui::PopFont();
    const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("fit_constants", 3, tf, ImVec2(inner, 0))) {
        ImGui::TableSetupColumn("Constant");
        ImGui::TableSetupColumn("Estimate");
        ImGui::TableSetupColumn("95% interval (bootstrap)");
        ImGui::TableHeadersRow();
        const struct { const char* name; double v; const scaling::Interval* i; } rows[] = {
            {"E", r.c.E, iv ? &iv->E : nullptr},           {"A", r.c.A, iv ? &iv->A : nullptr},
            {"B", r.c.B, iv ? &iv->B : nullptr},           {"α", r.c.alpha, iv ? &iv->alpha : nullptr},
            {"β", r.c.beta, iv ? &iv->beta : nullptr},     {"a = β/(α+β): N_opt ~ C^a", r.a_exp, iv ? &iv->a_exp : nullptr},
            {"b = α/(α+β): D_opt ~ C^b", r.b_exp, iv ? &iv->b_exp : nullptr}};
        for (const auto& row : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.name);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(g5(row.v).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(row.i ? (g5(row.i->lo) + " to " + g5(row.i->hi)).c_str() : "running...");
        }
        ImGui::EndTable();
    }
    ui_probe::record_text("fit_E", g5(r.c.E));
    ui_probe::record_text("fit_alpha", g5(r.c.alpha));
    const std::string summary = std::to_string(g_session.runs.size()) + " runs, " + std::to_string(r.starts) +
                                " starts, Huber objective " + g5(r.objective) + ". Largest compute in the data: " +
                                format_scientific(g_session.max_flops) + " FLOP.";
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
    if (!g_session.held_done) {
        g_session.held = scaling::held_out_check(g_session.runs, r);
        g_session.held_done = true;
    }
    if (g_session.held.ok()) {
        const scaling::HeldOut& h = g_session.held.value;
        const std::string text = "Held-out check: refitted without the " + std::to_string(h.held_out) +
                                 " largest-compute runs (from " + format_scientific(h.min_flops) +
                                 " FLOP), it predicts their losses within " + scaling::format_fixed(h.mean_abs_error * 100, 1) +
                                 "% on average, " + scaling::format_fixed(h.max_abs_error * 100, 1) + "% at worst.";
        widgets::dim_text_wrapped(text.c_str());
        ui_probe::record_text("fit_held_out", scaling::format_fixed(h.mean_abs_error * 100, 1));
    }
    if (s.flops > scaling::kExtrapolationFactor * g_session.max_flops) {
        const std::string far = "Extrapolation: the explorer's budget (" + format_scientific(s.flops) + " FLOP) is " +
                                format_count(s.flops / g_session.max_flops) +
                                "x beyond the largest run; predictions there rest on the power law holding far outside the data.";
        widgets::warning_text(far.c_str());
    }
    const bool shown_is_saved = g_session.recorded;
    if (!s.has_fit || !shown_is_saved) {
        ImGui::BeginDisabled(!shown_is_saved);  // a fit still bootstrapping is not a law yet
        if (ImGui::Button("Use as \"My fit\" in every view")) app::use_fit(s, true, true);
        ui_probe::record_last_item("fit_use");
        ImGui::EndDisabled();
    } else {
        if (ImGui::Button("Take \"My fit\" out of the laws")) app::use_fit(s, false, false);
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
    for (const scaling::Run& run : g_session.runs) {
        c.push_back(run.flops);
        res.push_back(std::log(scaling::chinchilla_loss(r.c, run.params, run.tokens) / run.loss));
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
    widgets::card_end();
}

}  // namespace views
