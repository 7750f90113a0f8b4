// view_tco.cpp: the TCO view: training once plus serving every day. Break-even (requests and days
// until inference has cost as much as training), inference per year against training, the total
// over the lifetime with traffic growth, a figure of cumulative cost over time; the over-training
// decision's payback; the break-even formula in circulation shown as a claim with its units. The
// inputs can be filled from the Budget, Serving and Lifetime views by running their commands on
// their own fields. Everything shown comes from `scaling tco` (core/requests_tco.cpp).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/axis.hpp"
#include "core/commands.hpp"
#include "core/quantity.hpp"
#include "core/requests.hpp"
#include "core/tco.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "semantics.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {
namespace {

using scaling::format_count;
using scaling::format_dollars;
using scaling::Json;

// [SECTION] Filling the inputs from the other views

// What the last fill said: the price's date ("prices as of ...") while the field still holds the
// filled text, or why the fill failed.
struct FillNote {
    std::string field_text, note, error;
};
FillNote g_training_note, g_request_note, g_over_note;

// The given fields of `view` that `cmd` takes, as its arguments (matched by descriptor, so two
// fields that share a key, the Budget view's two precisions, stay apart), minus `skip`.
scaling::Args args_of(app::State& s, int view, const scaling::Command& cmd, std::vector<const app::Field*> skip = {}) {
    scaling::Args args;
    app::each_input(s, view, [&](app::Field& f) {
        if (!f.given() || std::find(skip.begin(), skip.end(), &f) != skip.end()) return;
        if (std::find(cmd.inputs.begin(), cmd.inputs.end(), f.in) != cmd.inputs.end()) args[f.in->key] = f.text;
    });
    return args;
}

// The explorer's law as arguments: its id, and the custom law's constants.
void put_law(const app::State& s, scaling::Args& args) {
    const scaling::Law law = app::current_law(s);
    args["law"] = law.id;
    if (law.id != "custom") return;
    const double c[5] = {law.chinchilla.E, law.chinchilla.A, law.chinchilla.B, law.chinchilla.alpha, law.chinchilla.beta};
    for (int i = 0; i < 5; ++i) args[scaling::kCustomConstants[i]->key] = scaling::format_shortest(c[i]);
}

scaling::Result<Json> run(const char* name, const scaling::Args& args) {
    const scaling::Command* cmd = scaling::find_command(name);
    if (!cmd) return scaling::Result<Json>::fail(std::string("the ") + name + " command is not in this build");
    return cmd->run(args);
}

std::string failure(const char* view, const scaling::Result<Json>& r) {
    return std::string("The ") + view + " view's inputs give no answer: " + (r.field.empty() ? "" : r.field + ": ") + r.error;
}

std::string as_text(double x) { return scaling::format_significant(x, 6); }

// Training dollars: the Budget view's hardware budget (`scaling budget`, its `dollars`).
void from_budget(app::State& s) {
    const scaling::Command* cmd = scaling::find_command("budget");
    app::HardwareInputs& hw = s.hardware;
    // The solved field holds the Budget view's answer, not an input; a dollar budget stands in for days.
    const app::Field* solved[] = {&hw.flops, &hw.days, &hw.gpus, &hw.mfu};
    std::vector<const app::Field*> skip = {solved[hw.solve.index()]};
    if (hw.dollars.given()) skip.push_back(&hw.days);
    const scaling::Result<Json> r = run("budget", args_of(s, app::kBudget, *cmd, skip));
    g_training_note = {};
    if (!r.ok()) {
        g_training_note.error = failure("Budget", r);
        return;
    }
    s.tco.training_dollars.text = as_text(r.value["dollars"].get<double>());
    g_training_note = {s.tco.training_dollars.text,
                       "From the Budget view: " + format_count(r.value["gpu_hours"].get<double>()) + " GPU-hours on " +
                           r.value["gpu"].get<std::string>() + ", prices as of " + r.value["prices_as_of"].get<std::string>() + ".",
                       ""};
}

// Cost per request: the Serving view's model (`scaling serve`, its `dollars_per_request`).
void from_serving(app::State& s) {
    g_request_note = {};
    const scaling::Result<Json> r = run("serve", args_of(s, app::kServing, *scaling::find_command("serve")));
    if (!r.ok()) {
        g_request_note.error = failure("Serving", r);
        return;
    }
    s.tco.dollars_per_request.text = as_text(r.value["dollars_per_request"].get<double>());
    s.tco.dollars_per_million_tokens.text.clear();  // one form of the cost per request at a time
    g_request_note = {s.tco.dollars_per_request.text,
                      "From the Serving view: " + r.value["gpu_name"].get<std::string>() + ", prices as of " +
                          r.value["prices_as_of"].get<std::string>() + ".",
                      ""};
}

// The over-training pair: the Lifetime view's dollar optimum against the Chinchilla model of the
// same loss (`scaling lifetime-cost`: extra_training_dollars, saving_per_request).
void from_lifetime(app::State& s) {
    const scaling::Command* cmd = scaling::find_command("lifetime_cost");
    scaling::Args args = args_of(s, app::kLifetime, *cmd);
    put_law(s, args);
    // An empty target loss is the explorer's budget's optimum, as in the Lifetime view.
    if (!s.lifetime.loss.given()) {
        const auto at_budget = scaling::optimal(app::current_law(s), s.flops);
        if (at_budget.ok()) args["loss"] = scaling::format_shortest(at_budget.value.loss);
    }
    const scaling::Result<Json> r = run("lifetime_cost", args);
    g_over_note = {};
    if (!r.ok()) {
        g_over_note.error = failure("Lifetime", r);
        return;
    }
    if (!r.value.contains("extra_training_dollars")) {
        g_over_note.error = "The Lifetime view's optimum is the Chinchilla model itself: nothing to over-train.";
        return;
    }
    s.tco.extra_training_dollars.text = as_text(r.value["extra_training_dollars"].get<double>());
    s.tco.saving_per_request.text = as_text(r.value["saving_per_request"].get<double>());
    g_over_note = {s.tco.extra_training_dollars.text,
                   "From the Lifetime view: " + format_count(r.value["optimal"]["params"].get<double>()) +
                       " parameters instead of the Chinchilla-optimal " +
                       format_count(r.value["chinchilla_equal_loss"]["params"].get<double>()) + " at loss " +
                       scaling::format_fixed(r.value["loss"].get<double>(), 3) + ", prices as of " +
                       r.value["prices_as_of"].get<std::string>() + ".",
                   ""};
}

// A fill's note while its field still holds what was filled in; its error until the next fill.
void show_note(const FillNote& n, const app::Field& f, const char* probe) {
    if (!n.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        widgets::text_wrapped("%s", n.error.c_str());
        ImGui::PopStyleColor();
        ui_probe::record_text(probe, n.error);
    } else if (!n.note.empty() && f.text == n.field_text) {
        widgets::dim_text_wrapped(n.note.c_str());
        ui_probe::record_text(probe, n.note);
    }
}

// [SECTION] The view's parts

// The TCO view's own fields as `scaling tco`'s arguments (given ones only).
scaling::Args tco_args(app::State& s) {
    scaling::Args args;
    s.tco.each([&](app::Field& f) {
        if (f.given()) args[f.in->key] = f.text;
    });
    return args;
}

std::string label_of(app::State& s, const std::string& key) {
    std::string label = key;
    s.tco.each([&](app::Field& f) {
        if (key == f.in->key) label = f.in->label;
    });
    return label;
}

std::string days_text(const Json& d) { return d.is_null() ? "never" : scaling::format_days(d.get<double>()); }

// The request's warnings, each in the card it is about: the over-training ones (on the payback, the
// saving) in the over-training card, the rest beside the break-even.
void warnings(const Json& j, bool over_training) {
    for (const Json& w : j["warnings"]) {
        const std::string text = w.get<std::string>();
        const bool about_over = text.find("saving") != std::string::npos || text.find("over-training") != std::string::npos;
        if (about_over != over_training) continue;
        widgets::warning_text(text.c_str());
        ui_probe::record_text("tco_warning", text);
    }
}

void answer_card(const Json& j, const app::Fonts& f, float width, bool narrow) {
    const float em = ImGui::GetFontSize();
    widgets::card_begin(width);
    widgets::heading(f.bold, "When serving has cost as much as training");
    const double ratio = j["inference_to_training_per_year"].get<double>();
    const std::string values[4] = {format_count(j["break_even_requests"].get<double>()) + " requests",
                                   days_text(j["break_even_days"]),
                                   format_dollars(j["inference_dollars_per_year"].get<double>()) + " (" +
                                       scaling::format_significant(ratio, 3) + "x training)",
                                   format_dollars(j["tco_dollars"].get<double>())};
    const std::string tco_caption = "TCO over " + scaling::format_days(j["lifetime_days"].get<double>());
    const char* captions[4] = {"Break-even after", "Break-even in", "Inference per year", tco_caption.c_str()};
    const char* names[4] = {"tco_break_even_requests", "tco_break_even_days", "tco_inference_per_year", "tco_total"};
    ImGui::BeginGroup();
    widgets::stat_row(captions, values, names, 4, narrow ? 2 : 4, width - 2 * em, f.small, f.big);
    ImGui::EndGroup();
    ui_probe::record_last_item("tco_answer");
    widgets::text_wrapped("TCO = training %s + inference %s over the lifetime (%s requests): inference is %sx training.",
                          format_dollars(j["training_dollars"].get<double>()).c_str(),
                          format_dollars(j["lifetime_inference_dollars"].get<double>()).c_str(),
                          format_count(j["lifetime_requests"].get<double>()).c_str(),
                          scaling::format_significant(j["lifetime_inference_to_training"].get<double>(), 3).c_str());
    warnings(j, false);
    widgets::card_end();
}

// Cumulative cost over time: training as a step at day 0, inference growing with traffic, the total;
// break-even marked where inference reaches training.
void cost_figure(const Json& j, float width, bool narrow) {
    const double T = j["training_dollars"].get<double>(), p = j["dollars_per_request"].get<double>();
    const double r0 = j["requests_per_day"].get<double>(), g = j["traffic_growth"].get<double>();
    const double life = j["lifetime_days"].get<double>();
    const bool has_be = !j["break_even_days"].is_null();
    const double be = has_be ? j["break_even_days"].get<double>() : 0;
    // The lifetime, stretched to show a break-even up to three lifetimes away.
    const double end = has_be && be > life && be < 3 * life ? be * 1.15 : life;
    const int n = 200;
    std::vector<double> xs, inference, total;
    for (int i = 0; i <= n; ++i) {
        const double t = end * i / n;
        xs.push_back(t);
        inference.push_back(p * scaling::cumulative_requests(r0, g, t));
        total.push_back(T + inference.back());
    }
    const double step_x[3] = {0, 0, end}, step_y[3] = {0, T, T};
    const float h = views::figure_height(width, narrow ? 0.8f : 0.45f, 3);
    if (plot::BeginPlot("Cumulative cost over time##tco_cost", ImVec2(width, h))) {
        plot::SetupAxis(plot::X, "Days in service", scaling::AxisScale::Linear, scaling::AxisFormat::Plain);
        plot::SetupAxis(plot::Y, "Cumulative dollars", scaling::AxisScale::Linear, scaling::AxisFormat::Dollars);
        plot::PlotLine("Training (day 0)", step_x, step_y, 3, plot::Style{plot::PaletteColor(0), 2.5f});
        plot::PlotLine("Inference, cumulative", xs.data(), inference.data(), n + 1, plot::Style{plot::PaletteColor(1), 2.5f});
        plot::PlotLine("Total (TCO)", xs.data(), total.data(), n + 1, plot::Style{plot::PaletteColor(2), 3.0f});
        if (has_be && be <= end) {
            const double bx[1] = {be}, by[1] = {T};
            plot::PlotScatter("Break-even", bx, by, 1, plot::Style{plot::PaletteColor(3), 2.0f, false, plot::Marker::Circle, 6.0f});
        }
        if (end > life) plot::PlotRefLine("End of life", plot::X, life, plot::Style{IM_COL32(120, 124, 132, 255), 1.5f, true});
        plot::EndPlot();
    }
}

void over_training_card(app::State& s, const app::Fonts& f, const scaling::Result<Json>& r, float width, bool narrow) {
    const float em = ImGui::GetFontSize();
    widgets::card_begin(width);
    widgets::heading(f.bold, "Over-training a smaller model: the payback");
    widgets::text_wrapped("Extra training for a smaller model of the same quality, against what it saves on each request.");
    app::Field* in[] = {&s.tco.extra_training_dollars, &s.tco.saving_per_request};
    double v[2] = {};
    controls::number_rows(in, 2, 2, v);
    if (widgets::button("From the Lifetime view")) from_lifetime(s);
    ui_probe::record_last_item("tco_from_lifetime");
    if (ImGui::IsItemHovered())
        sem::tooltip("Runs the Lifetime view's dollar optimum (lifetime-cost) on its fields: its extra training over the "
                     "Chinchilla model of the same loss, and its saving per request");
    show_note(g_over_note, s.tco.extra_training_dollars, "tco_over_note");
    if (r.ok() && r.value.contains("payback_days")) {
        const Json& j = r.value;
        const std::string values[4] = {format_dollars(j["saving_dollars_per_day"].get<double>()),
                                       format_count(j["payback_requests"].get<double>()) + " requests",
                                       days_text(j["payback_days"]), format_dollars(j["lifetime_net_saving_dollars"].get<double>())};
        const char* captions[4] = {"Saving per day (day 0)", "Paid back after", "Paid back in", "Net over the lifetime"};
        const char* names[4] = {"tco_saving_per_day", "tco_payback_requests", "tco_payback_days", "tco_net_saving"};
        widgets::stat_row(captions, values, names, 4, narrow ? 2 : 4, width - 2 * em, f.small, f.big);
        warnings(j, true);
        widgets::note(f.small, "payback_days = extra_training_dollars / (saving_per_request x requests_per_day) with "
                               "flat traffic; with growth, the day cumulative savings reach the extra training.");
    } else if (!s.tco.extra_training_dollars.given() && !s.tco.saving_per_request.given()) {
        widgets::dim_text_wrapped("Give both to see the payback.");
    }
    widgets::card_end();
}

void claim_card(const app::Fonts& f, float width) {
    const scaling::Claim& c = scaling::circulating_break_even_claim();
    widgets::card_begin(width);
    widgets::heading(f.bold, "A break-even formula in circulation, and its units");
    widgets::text_wrapped("Claim: %s", c.formula);
    ui_probe::record_text("tco_claim", c.formula);
    widgets::warning_text((std::string("Units: ") + c.dimensions).c_str());
    widgets::text_wrapped("Consistent: %s, where %s.", c.consistent_form, c.saving_from_parameters);
    widgets::note(f.small, (std::string("Source of the claim: ") + c.source + ".").c_str());
    widgets::card_end();
}

}  // namespace

void tco(app::State& s, const app::Fonts& f) {
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < em * 40;
    app::TcoInputs& t = s.tco;
    app::Field* in[] = {&t.training_dollars,  &t.dollars_per_request, &t.dollars_per_million_tokens, &t.tokens_per_request,
                        &t.requests_per_day, &t.lifetime_days,       &t.traffic_growth};
    double v[7] = {};
    const auto inputs = [&] {
        widgets::card_begin(avail);
        widgets::heading(f.bold, "Training once, serving every day");
        const bool valid = controls::number_rows(in, 7, narrow ? 2 : 4, v);
        ImGui::PushFont(f.small);
        widgets::dim_text_wrapped("Cost per request: typed, or per million tokens x tokens per request (one of the two). "
                                  "Traffic growth per year, compounded continuously.");
        ImGui::PopFont();
        if (widgets::button("From the Budget view")) from_budget(s);
        ui_probe::record_last_item("tco_from_budget");
        if (ImGui::IsItemHovered()) sem::tooltip("Training dollars: the Budget view's hardware budget (its GPU-hours x price)");
        if (!narrow) ImGui::SameLine();
        if (widgets::button("From the Serving view")) from_serving(s);
        ui_probe::record_last_item("tco_from_serving");
        if (ImGui::IsItemHovered()) sem::tooltip("Cost per request: the Serving view's model on its accelerator at its price");
        show_note(g_training_note, t.training_dollars, "tco_training_note");
        show_note(g_request_note, t.dollars_per_request, "tco_request_note");
        widgets::card_end();
        return valid;
    };
    // The request reads the fields as the CLI reads its flags; its refusal names the field.
    const auto compute = [&] {
        const scaling::Result<Json> r = scaling::tco_request(tco_args(s));
        if (!r.ok()) ui_probe::record_text("tco_error", r.error);
        return r;
    };
    const auto error = [&](const scaling::Result<Json>& r) {
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        widgets::text_wrapped("%s: %s", label_of(s, r.field).c_str(), r.error.c_str());
        ImGui::PopStyleColor();
    };
    scaling::Result<Json> r = scaling::Result<Json>::fail("not computed: an input is refused");
    bool valid = false;
    // On a phone the answer comes first; the inputs follow it.
    if (narrow) {
        valid = read_fields(in, 7, v);
        if (valid) r = compute();
        if (r.ok()) answer_card(r.value, f, avail, true);
        ImGui::Spacing();
        inputs();
    } else {
        valid = inputs();
        if (valid) r = compute();
        ImGui::Spacing();
        if (r.ok()) answer_card(r.value, f, avail, false);
    }
    if (valid && !r.ok()) error(r);
    ImGui::Spacing();
    if (r.ok()) {
        cost_figure(r.value, avail, narrow);
        ImGui::Spacing();
    }
    over_training_card(s, f, r, avail, narrow);
    ImGui::Spacing();
    claim_card(f, avail);
}

}  // namespace views
