// view_task.cpp: the Task view (issue 20): a task's scores at a few model sizes extrapolated to a
// larger one, as people are taught (measure 3-5 sizes, plot log-log, extrapolate, distrust beyond
// about 10x). A points editor, the form, chance, a size and a target; the answer with its
// leave-one-out range; the error rate against N on log-log axes with the fit, its band, the
// prediction and a marker at 10x the largest measured model; the worked example in circulation
// checked. Everything shown comes from core/task_fit.hpp through task_fit_inputs, as the CLI reads it.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/axis.hpp"
#include "core/fit.hpp"
#include "core/quantity.hpp"
#include "core/requests.hpp"
#include "core/task_fit.hpp"
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
using scaling::format_percent;

struct Answer {
    scaling::Result<scaling::TaskFitInputs> in = scaling::Result<scaling::TaskFitInputs>::fail("not read");
    scaling::Result<scaling::TaskFitResult> r = scaling::Result<scaling::TaskFitResult>::fail("not computed");
};

// The view's fields as `scaling task-fit`'s arguments (given ones only).
Answer compute(app::TaskInputs& t) {
    scaling::Args args;
    t.each([&](app::Field& f) {
        if (f.given()) args[f.in->key] = f.text;
    });
    Answer a;
    a.in = scaling::task_fit_inputs(args);
    if (a.in.ok()) a.r = scaling::task_fit(a.in.value);
    const std::string& why = a.in.ok() ? a.r.error : a.in.error;
    if (!a.in.ok() || !a.r.ok()) ui_probe::record_text("task_error", why);
    return a;
}

std::string fit_text(const scaling::TaskFit& f) {
    if (f.form == scaling::TaskForm::Error)
        return "A = " + (f.A >= 1e4 || f.A < 1e-3 ? scaling::format_scientific(f.A, 4) : scaling::format_significant(f.A, 4)) +
               ", alpha = " + scaling::format_significant(f.alpha, 4);
    return "k = " + scaling::format_significant(f.k, 4) + ", midpoint " + format_count(std::exp(f.x0));
}

void answer_card(const scaling::TaskFitInputs& in, const scaling::TaskFitResult& r, const app::Fonts& f, float width,
                 bool narrow) {
    const float em = ImGui::GetFontSize();
    widgets::card_begin(width);
    widgets::heading(f.bold, "What your points predict");
    const std::string at_caption = in.at > 0 ? "Score at " + format_count(in.at) : "Score at a size";
    const std::string target_caption = in.target >= 0 ? "Size for " + format_percent(in.target, 1) : "Size for a target";
    const std::string values[4] = {
        in.at > 0 ? format_percent(r.predicted_score, 1) : "give a size",
        r.interval.given ? format_percent(r.interval.lo, 1) + " to " + format_percent(r.interval.hi, 1) : "none (< 3 points)",
        in.target < 0 ? "give a target" : r.size_for_target > 0 ? format_count(r.size_for_target) + " params" : "not reachable",
        fit_text(r.fit)};
    const char* captions[4] = {at_caption.c_str(), "Leave-one-out range", target_caption.c_str(),
                               r.fit.form == scaling::TaskForm::Error ? "1 - score = A N^-alpha" : "Sigmoid in ln N"};
    const char* names[4] = {"task_score", "task_range", "task_size", "task_constants"};
    ImGui::BeginGroup();
    widgets::stat_row(captions, values, names, 4, narrow ? 2 : 4, width - 2 * em, f.small, f.big);
    ImGui::EndGroup();
    ui_probe::record_last_item("task_answer");
    if (r.size_interval.given)
        widgets::text_wrapped("Size for the target, leave-one-out range: %s to %s.", format_count(r.size_interval.lo).c_str(),
                              std::isfinite(r.size_interval.hi) ? format_count(r.size_interval.hi).c_str() : "never (a fit never reaches it)");
    widgets::text_wrapped("Fitted on %d points; the largest measured model is %s, so 10x is %s.", r.fit.points_used,
                          format_count(r.largest_params).c_str(),
                          format_count(scaling::kExtrapolationFactor * r.largest_params).c_str());
    std::string all;  // every warning, for tests: the probe keeps one text a name
    for (const std::string& w : r.warnings) {
        widgets::warning_text(w.c_str());
        all += (all.empty() ? "" : "\n") + w;
    }
    if (!all.empty()) ui_probe::record_text("task_warning", all);
    widgets::note(f.small, r.fit.form == scaling::TaskForm::Error
                               ? "Error form: a least-squares line through ln(1 - score) against ln N. The range is the "
                                 "spread of the fits without each point, not a calibrated 95% interval."
                               : "Sigmoid form: a least-squares line through logit((score - c) / (1 - c)) against ln N, "
                                 "c the chance level; points at or below chance, or at 1, have no logit and are left out.");
    widgets::card_end();
}

// Error rate against N on log-log axes: the points, the fit, the leave-one-out band, the prediction
// and the target, and a marker at 10x the largest measured model.
void figure(const scaling::TaskFitInputs& in, const scaling::TaskFitResult& r, float width, bool narrow) {
    double lo = r.largest_params, hi = scaling::kExtrapolationFactor * r.largest_params;
    for (const scaling::TaskPoint& p : in.points) lo = std::min(lo, p.params);
    if (in.at > 0) hi = std::max(hi, in.at);
    if (r.size_for_target > 0) hi = std::max(hi, std::min(r.size_for_target, 1e4 * r.largest_params));
    lo /= 2;
    hi *= 1.5;
    const auto error = [](double s) { return std::max(1 - s, 1e-6); };
    const int n = 120;
    std::vector<double> xs, fit, band_lo, band_hi;
    for (int i = 0; i <= n; ++i) {
        const double x = lo * std::pow(hi / lo, static_cast<double>(i) / n);
        xs.push_back(x);
        fit.push_back(error(scaling::task_score(r.fit, x)));
        double b0 = fit.back(), b1 = fit.back();
        for (const scaling::TaskFit& f : r.leave_one_out) {
            b0 = std::min(b0, error(scaling::task_score(f, x)));
            b1 = std::max(b1, error(scaling::task_score(f, x)));
        }
        band_lo.push_back(b0);
        band_hi.push_back(b1);
    }
    std::vector<double> px, py;
    std::vector<std::string> labels;
    for (const scaling::TaskPoint& p : in.points)
        if (p.score < 1) {
            px.push_back(p.params);
            py.push_back(1 - p.score);
            labels.push_back(format_count(p.params) + " " + format_percent(p.score, 1));
        }
    const float h = views::figure_height(width, narrow ? 0.8f : 0.45f, 3);
    if (plot::BeginPlot("Error rate against model size##task_fit", ImVec2(width, h))) {
        plot::SetupAxis(plot::X, "Model size N (parameters)", scaling::AxisScale::Log10, scaling::AxisFormat::Count);
        plot::SetupAxis(plot::Y, "Error rate 1 - score", scaling::AxisScale::Log10, scaling::AxisFormat::Plain);
        plot::SetupLegendNorthEast();
        if (!r.leave_one_out.empty())
            plot::PlotBand("Leave-one-out range", xs.data(), band_lo.data(), band_hi.data(), n + 1,
                           plot::Style{plot::PaletteColor(0)});
        plot::PlotLine("Fit", xs.data(), fit.data(), n + 1, plot::Style{plot::PaletteColor(0), 2.5f});
        plot::PlotScatter("Your points", px.data(), py.data(), static_cast<int>(px.size()),
                          plot::Style{plot::PaletteColor(1), 2.0f, false, plot::Marker::Circle, 5.0f}, &labels);
        if (in.at > 0) {
            const double x[1] = {in.at}, y[1] = {error(r.predicted_score)};
            plot::PlotScatter("Prediction", x, y, 1, plot::Style{plot::PaletteColor(3), 2.0f, false, plot::Marker::Circle, 7.0f});
        }
        if (r.size_for_target > 0 && r.size_for_target < hi) {
            const double x[1] = {r.size_for_target}, y[1] = {error(in.target)};
            plot::PlotScatter("Size for the target", x, y, 1, plot::Style{plot::PaletteColor(2), 2.0f, false, plot::Marker::Circle, 6.0f});
        }
        plot::PlotRefLine("10x the largest measured", plot::X, scaling::kExtrapolationFactor * r.largest_params,
                          plot::Style{IM_COL32(120, 124, 132, 255), 1.5f, true});
        plot::EndPlot();
    }
}

// The worked example in circulation, computed live and set beside the claim.
void claim_card(const app::Fonts& f, float width) {
    const scaling::TaskClaim& c = scaling::circulating_task_claim();
    scaling::TaskFitInputs in;
    in.points = scaling::parse_task_points(c.points, "points").value;
    in.at = c.at;
    const scaling::Result<scaling::TaskFitResult> r = scaling::task_fit(in);
    widgets::card_begin(width);
    widgets::heading(f.bold, "A claim in circulation, checked");
    widgets::text_wrapped("Claim: %s.", c.claim);
    if (r.ok()) {
        const std::string checked = "Checked: the error rate's power law through the two points (alpha = " +
                                    scaling::format_significant(r.value.fit.alpha, 4) + ") gives " +
                                    format_percent(r.value.predicted_score, 1) + " at " + format_count(c.at) +
                                    ": the claim's range is slightly low.";
        widgets::text_wrapped("%s", checked.c_str());
        ui_probe::record_text("task_claim", checked);
    }
    widgets::note(f.small, "Source of the claim: in circulation; no primary source found. Two points always fit a "
                           "line, so nothing tests the form; 70B is 5.4x 13B, inside the 10x rule of thumb.");
    widgets::note(f.small, "Distrust beyond about 10x: a rule of thumb in circulation; no primary source found. "
                           "Measured: across 10x compute, BIG-Bench Hard extrapolations miss by 6 points on average, "
                           "single tasks by 18 (Owen 2024, arXiv 2401.04757); 39% of downstream cases scale "
                           "predictably (Lourie, Hu and Cho 2025, arXiv 2507.00885).");
    widgets::card_end();
}

}  // namespace

void task(app::State& s, const app::Fonts& f) {
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < em * 40;
    app::TaskInputs& t = s.task;
    app::Field* in[] = {&t.chance, &t.at, &t.target};
    double v[3] = {};
    Answer a;
    const auto inputs = [&] {
        widgets::card_begin(avail);
        widgets::heading(f.bold, "Your task's scores at a few model sizes");
        widgets::dim_text_wrapped("Size and score pairs, 7e9:0.60,13e9:0.70, or lines N,score pasted from a spreadsheet; "
                                  "scores from 0 to 1 or as 60%.");
        fields::lines("##task_points", &t.points.text, ImVec2(avail - 2 * em, em * 5), t.points.in->label);
        ui_probe::record_last_item(scaling::link_key(*t.points.in).c_str());
        if (a.in.ok() ? !a.r.ok() && a.r.field == "points" : a.in.field == "points") {
            const std::string error = std::string(t.points.in->label) + ": " + (a.in.ok() ? a.r.error : a.in.error);
            ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
            widgets::text_wrapped("%s", error.c_str());
            ImGui::PopStyleColor();
            ui_probe::record_text("input_error", error);  // as number_rows records its fields' errors
        }
        if (widgets::button("7B 60%, 13B 70%")) {
            t.points.text = scaling::circulating_task_claim().points;
            t.at.text = "70B";
            t.task_form.text = "error";
        }
        ui_probe::record_last_item("task_preset");
        if (ImGui::IsItemHovered()) sem::tooltip("The worked example in circulation: 7B at 60%% and 13B at 70%%, asked at 70B");
        // The forms by what they fit, in the order of the descriptor's choices (error, sigmoid).
        static const std::vector<std::string> kForms = {"Power law on the error rate", "Sigmoid in ln N, floor at chance"};
        controls::labelled_choice(t.task_form, "##task_form", narrow ? avail - 2 * em : (avail - 2 * em) / 2, &kForms);
        const bool valid = controls::number_rows(in, 3, 3, v);
        widgets::card_end();
        return valid;
    };
    // The request reads every field itself (as the CLI reads its flags), so it runs before any is drawn.
    a = compute(t);
    if (narrow) {
        // On a phone the answer comes first; the inputs follow it.
        if (a.r.ok()) answer_card(a.in.value, a.r.value, f, avail, true);
        ImGui::Spacing();
        inputs();
    } else {
        inputs();
        ImGui::Spacing();
        if (a.r.ok()) answer_card(a.in.value, a.r.value, f, avail, false);
    }
    ImGui::Spacing();
    if (a.r.ok()) {
        figure(a.in.value, a.r.value, avail, narrow);
        ImGui::Spacing();
    }
    claim_card(f, avail);
}

}  // namespace views
