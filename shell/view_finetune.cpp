// view_finetune.cpp: the Fine-tuning view: the planner (FLOP, memory, GPUs, days and dollars of full
// fine-tuning and of LoRA, the run beside pre-training, the LoRA-rank claims), the saturation curve
// of performance against examples with the usual guidance by data size, its fit to your own
// (examples, score) points beside the curve in circulation, and Hernandez et al. 2021's data
// transferred by pre-training. The planner's and the fit's numbers come from `scaling fine-tuning`
// (core/requests_finetune.cpp), which reads the fields as the CLI reads its flags.
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/axis.hpp"
#include "core/finetune.hpp"
#include "core/quantity.hpp"
#include "core/requests.hpp"
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
using scaling::Json;

double num(const Json& j, const char* key) { return j[key].get<double>(); }

std::string gb(double x) { return scaling::format_significant(x, 3) + " GB"; }

std::string days_or_hours(double days) {
    return days < 1 ? scaling::format_significant(days * 24, 3) + " h" : scaling::format_significant(days, 3) + " days";
}

// The planner's answer: full and LoRA side by side, then the run beside pre-training.
void plan_answer(const Json& j, const app::Fonts& f, float width, bool narrow) {
    const float em = ImGui::GetFontSize();
    const Json& full = j["full"];
    const bool lora = j.contains("lora");
    widgets::card_begin(width);
    widgets::heading(f.bold, "What the run costs");
    const std::string v_flops = scaling::format_scientific(num(j, "flops"));
    const std::string v_mem = gb(num(full, "memory_gb"));
    const std::string v_cost = scaling::format_dollars(num(full, "dollars"));
    const std::string v_lora = lora ? gb(num(j["lora"], "memory_gb")) : "not asked";
    const char* captions[4] = {"Full fine-tuning FLOP (6 N D)", "Full: memory", "Full: dollars", "LoRA: memory"};
    const std::string values[4] = {v_flops, v_mem, v_cost, v_lora};
    const char* names[4] = {"ft_plan_flops", "ft_plan_memory", "ft_plan_dollars", "ft_plan_lora_memory"};
    ImGui::BeginGroup();
    widgets::stat_row(captions, values, names, 4, narrow ? 2 : 4, width - 2 * em, f.small, f.big);
    ImGui::EndGroup();
    ui_probe::record_last_item("ft_plan_answer");

    // The table: one column per method.
    const int cols = lora ? 3 : 2;
    if (ImGui::BeginTable("ft_plan", cols, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("");
        ImGui::TableSetupColumn("Full");
        if (lora) ImGui::TableSetupColumn(("LoRA r = " + format_count(num(j["lora"], "rank"))).c_str());
        ImGui::TableHeadersRow();
        const struct { const char* label; const char* key; int kind; } rows[] = {
            {"FLOP", "flops", 0},      {"Memory", "memory_gb", 1},     {"  weights", "weights_gb", 1},
            {"  gradients", "gradients_gb", 1}, {"  optimiser", "optimiser_gb", 1}, {"GPUs", "gpus", 2},
            {"GPU-hours", "gpu_hours", 3}, {"Wall clock", "days", 4}, {"Dollars", "dollars", 5}};
        for (const auto& r : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.label);
            for (int c = 0; c < cols - 1; ++c) {
                const double x = num(c == 0 ? full : j["lora"], r.key);
                const std::string t = r.kind == 0   ? scaling::format_scientific(x)
                                      : r.kind == 1 ? gb(x)
                                      : r.kind == 2 ? format_count(x)
                                      : r.kind == 3 ? scaling::format_significant(x, 3)
                                      : r.kind == 4 ? days_or_hours(x)
                                                    : scaling::format_dollars(x);
                number_cell("ft_plan", t);
            }
        }
        ImGui::EndTable();
    }
    const std::string as_of = j["prices_as_of"].get<std::string>();
    widgets::text_wrapped("%s tokens (%s examples x %s), %s, MFU %s, %s/GPU-hour (prices as of %s).",
                          format_count(num(j, "tokens")).c_str(), format_count(num(j, "examples")).c_str(),
                          format_count(num(j, "tokens_per_example")).c_str(), j["gpu"].get<std::string>().c_str(),
                          scaling::format_shortest(num(j, "mfu")).c_str(),
                          scaling::format_dollars(num(j, "price_per_hour")).c_str(), as_of.c_str());
    if (lora) {
        const Json& l = j["lora"];
        widgets::text_wrapped("LoRA: %s adapter parameters (%s of N) on q, k, v, o of %s layers x d_model %s (%s); "
                              "%s of full's FLOP.",
                              format_count(num(l, "adapter_params")).c_str(),
                              scaling::format_percent(num(l, "adapter_fraction"), 2).c_str(),
                              format_count(num(l, "layers")).c_str(), format_count(num(l, "d_model")).c_str(),
                              l["shape_rule"].get<std::string>().c_str(),
                              scaling::format_percent(num(l, "compute_fraction_of_full"), 1).c_str());
        ui_probe::record_text("ft_adapters", format_count(num(l, "adapter_params")));
    }
    const Json& v = j["versus_pretraining"];
    widgets::text_wrapped("Beside pre-training on %s tokens (%s): fine-tuning uses %s of its data and of its compute "
                          "(%s FLOP). Pre-training is worth D_T = %s tokens of fine-tuning data here (Hernandez et al. "
                          "2021: D_T grows as D_F^0.18 N^0.38).",
                          format_count(num(v, "pretraining_tokens")).c_str(),
                          v["pretraining_tokens_rule"].get<std::string>().c_str(),
                          scaling::format_percent(num(v, "compute_vs_pretraining"), 4).c_str(),
                          scaling::format_scientific(num(v, "pretraining_flops")).c_str(),
                          format_count(num(v, "transferred_tokens")).c_str());
    widgets::note(f.small, "Full: 6 N D FLOP (Kaplan et al. 2020); 16 bytes/param: BF16 weights 2 + gradients 2 + FP32 "
                           "master 4 + Adam moments 8 (ZeRO, Rajbhandari et al. 2020, Sec. 3.1). LoRA (Hu et al. 2021, "
                           "arXiv 2106.09685): our accounting is forward 2N + backward through the activations 2N (the "
                           "frozen weights get no gradient of their own) + 6 per adapter parameter, about 2/3 of full; "
                           "memory: frozen weights at their precision (int4: QLoRA, Dettmers et al. 2023, arXiv "
                           "2305.14314) + 16 bytes per adapter parameter. Activations are left out; GPUs: the fewest "
                           "holding 90% of their memory, unless given.");
    widgets::card_end();
}

// The LoRA-rank guidance in circulation against the primary sources.
void rank_claims_card(const Json& j, const app::Fonts& f, float width) {
    widgets::card_begin(width);
    widgets::heading(f.bold, "LoRA rank: what circulates, what papers found");
    for (const Json& c : j["lora_rank_claims"]) {
        widgets::text_wrapped("\"%s\": %s.", c["claim"].get<std::string>().c_str(), c["status"].get<std::string>().c_str());
        ImGui::PushFont(f.small);
        widgets::dim_text_wrapped(c["source"].get<std::string>().c_str());
        ImGui::PopFont();
    }
    widgets::card_end();
}

// The fit card: your points, the form fitted to them, and the curve in circulation with its best fits.
void fit_card(app::State& s, const Json& j, const std::string& points_error, const app::Fonts& f, float width,
              bool narrow) {
    app::FineTuningInputs& v = s.fine_tuning;
    const float em = ImGui::GetFontSize();
    widgets::card_begin(width);
    widgets::heading(f.bold, "Fit the form to your own scores");
    controls::number_field(v.score_points, width - 2 * em, "100 0.55, 1000 0.7, 10000 0.78");
    if (!points_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        widgets::text_wrapped("%s", points_error.c_str());
        ImGui::PopStyleColor();
    }
    const bool has_fit = j.contains("fit");
    const Json& c = j["circulating_curve"];
    const Json& ls = c["least_squares"];
    const Json& mm = c["minimax"];
    if (has_fit) {
        const Json& fit = j["fit"];
        const std::string vals[4] = {format_fixed(num(fit, "base_quality"), 3), format_count(num(fit, "examples_scale")),
                                     format_fixed(100 * num(fit, "rms_error"), 1) + " pts",
                                     format_fixed(100 * num(fit, "max_error"), 1) + " pts"};
        const char* caps[4] = {"Base (ceiling)", "D_sat / k (examples)", "RMS error", "Largest error"};
        const char* names[4] = {"ft_fit_base", "ft_fit_scale", "ft_fit_rms", "ft_fit_max"};
        widgets::stat_row(caps, vals, names, 4, narrow ? 2 : 4, width - 2 * em, f.small, f.big);
        if (widgets::button("Use this fit above")) {
            v.base_quality.text = scaling::format_significant(num(fit, "base_quality"), 4);
            v.rate.text = "1";
            v.saturation_examples.text = scaling::format_significant(num(fit, "examples_scale"), 4);
        }
        ui_probe::record_last_item("ft_use_fit");
        if (ImGui::IsItemHovered()) sem::tooltip("Sets base to the fit's, k to 1 and D_sat to 1 / rate");
    } else {
        if (points_error.empty())
            widgets::text_wrapped("Type at least 3 points as 'examples score' pairs; the form is fitted to them by "
                                  "least squares.");
    }
    ui_probe::record_text("ft_fit_max", has_fit ? format_fixed(100 * num(j["fit"], "max_error"), 1) : "");
    // The figure: your points and fit, the circulating curve and its least-squares fit.
    std::vector<double> xs, y_ls, y_fit;
    for (int i = 0; i <= 160; ++i) {
        const double x = std::pow(10.0, 1 + 5.0 * i / 160);
        xs.push_back(x);
        y_ls.push_back(scaling::finetune_performance(num(ls, "base_quality"), num(ls, "rate"), x, 1));
        if (has_fit) y_fit.push_back(scaling::finetune_performance(num(j["fit"], "base_quality"), num(j["fit"], "rate"), x, 1));
    }
    std::vector<double> cx, cy, ux, uy;
    for (const Json& p : ls["points"]) cx.push_back(num(p, "examples")), cy.push_back(num(p, "score"));
    if (has_fit)
        for (const Json& p : j["fit"]["points"]) ux.push_back(num(p, "examples")), uy.push_back(num(p, "score"));
    const float h = views::figure_height(width - 2 * em, narrow ? 0.8f : 0.45f, 4);
    if (plot::BeginPlot("Your scores and the form##ft_fit", ImVec2(width - 2 * em, h))) {
        plot::SetupAxis(plot::X, "Fine-tuning examples", scaling::AxisScale::Log10, scaling::AxisFormat::Count);
        plot::SetupAxis(plot::Y, "Score", scaling::AxisScale::Linear, scaling::AxisFormat::Plain);
        plot::SetupAxisLimits(plot::Y, 0, 1.05);
        plot::PlotScatter("Circulating curve (claim)", cx.data(), cy.data(), static_cast<int>(cx.size()),
                          plot::Style{IM_COL32(120, 124, 132, 255), 2.0f, false, plot::Marker::Square, 6.0f});
        plot::PlotLine("Form fitted to the claim", xs.data(), y_ls.data(), static_cast<int>(xs.size()),
                       plot::Style{IM_COL32(120, 124, 132, 255), 1.5f, true});
        if (has_fit) {
            plot::PlotScatter("Your points", ux.data(), uy.data(), static_cast<int>(ux.size()),
                              plot::Style{plot::PaletteColor(3), 2.0f, false, plot::Marker::Circle, 6.0f});
            plot::PlotLine("Form fitted to your points", xs.data(), y_fit.data(), static_cast<int>(xs.size()),
                           plot::Style{plot::PaletteColor(0), 3.0f});
        }
        plot::EndPlot();
    }
    widgets::text_wrapped("The curve in circulation, 60 / 80 / 90 / 92%% at 100 / 1K / 10K / 100K examples (in "
                          "circulation; no primary source found), is not of this form. Least squares gives base %s, "
                          "D_sat / k = %s examples, off by up to %s points (at 1K); no parameters do better than %s "
                          "points at worst (minimax: base %s, D_sat / k = %s).",
                          format_fixed(num(ls, "base_quality"), 3).c_str(), format_fixed(num(ls, "examples_scale"), 1).c_str(),
                          format_fixed(100 * num(ls, "max_error"), 1).c_str(), format_fixed(100 * num(mm, "max_error"), 1).c_str(),
                          format_fixed(num(mm, "base_quality"), 3).c_str(), format_fixed(num(mm, "examples_scale"), 1).c_str());
    ui_probe::record_text("ft_claim_max", format_fixed(100 * num(mm, "max_error"), 1));
    widgets::note(f.small, "The form depends on k and D_sat only through r = k / D_sat, so a fit finds the ceiling and "
                           "r, never k and D_sat apart. It is concave in the examples and saturating: it climbs from 10% "
                           "to 90% of its ceiling within 1.34 decades of examples. It can match a quick rise to a "
                           "plateau; it cannot match a curve that keeps gaining about 10 points a decade over three "
                           "decades, as the circulating one does (a log-linear rise).");
    widgets::card_end();
}

}  // namespace

void fine_tuning(app::State& s, const app::Fonts& f) {
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < em * 40;
    app::FineTuningInputs& v = s.fine_tuning;

    // [SECTION] The planner
    app::Field* plan_in[] = {&v.params, &v.examples, &v.tokens_per_example, &v.lora_rank, &v.layers, &v.d_model,
                             &v.gpus, &v.mfu, &v.price, &v.pretraining_tokens};
    constexpr int kPlanIn = 10;
    double plan_x[kPlanIn] = {};
    const auto plan_inputs = [&] {
        widgets::card_begin(avail);
        widgets::heading(f.bold, "Planner: the run's compute, memory and cost");
        const float spacing = ImGui::GetStyle().ItemSpacing.x;
        const float combo_w = (avail - 2 * em - spacing) / 2;
        controls::labelled_choice(v.gpu, "##ft_gpu", combo_w, &controls::gpu_names());
        ImGui::SameLine();
        controls::labelled_choice(v.frozen_dtype, "##ft_frozen", combo_w);
        const bool valid = controls::number_rows(plan_in, kPlanIn, narrow ? 2 : 5, plan_x);
        ImGui::PushFont(f.small);
        widgets::dim_text_wrapped("LoRA rank empty: full fine-tuning only. Layers and d_model empty: from N. Frozen "
                                  "weights int4: QLoRA. Pre-training tokens empty: 20 N.");
        ImGui::PopFont();
        widgets::card_end();
        return valid;
    };
    // Your points are read apart: a typo there shows under their field and leaves the planner's answer.
    scaling::Args args;
    v.each([&](app::Field& x) {
        if (x.given() && &x != &v.score_points) args[x.in->key] = x.text;
    });
    std::string points_error;
    if (v.score_points.given()) {
        const auto p = scaling::parse_score_points(v.score_points.text, v.score_points.in->key);
        if (p.ok()) args[v.score_points.in->key] = v.score_points.text;
        else points_error = std::string(v.score_points.in->label) + ": " + p.error;
    }
    // Recorded here, not in the fit card, which a short window may clip.
    if (!points_error.empty()) ui_probe::record_text("input_error", points_error);
    const scaling::Result<Json> r = scaling::fine_tuning_request(args);
    const auto plan_error = [&] {
        if (r.ok()) return;
        std::string label = r.field;
        v.each([&](app::Field& x) {
            if (r.field == x.in->key) label = x.in->label;
        });
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        widgets::text_wrapped("%s: %s", label.c_str(), r.error.c_str());
        ImGui::PopStyleColor();
        ui_probe::record_text("ft_error", r.error);
    };
    // On a phone the answer comes first, on the first screen; the inputs follow it.
    if (narrow) {
        if (r.ok()) plan_answer(r.value, f, avail, true);
        ImGui::Spacing();
        plan_inputs();
        plan_error();
    } else {
        plan_inputs();
        plan_error();
        ImGui::Spacing();
        if (r.ok()) plan_answer(r.value, f, avail, false);
    }
    ImGui::Spacing();
    if (r.ok()) {
        rank_claims_card(r.value, f, avail);
        ImGui::Spacing();
    }

    // [SECTION] Saturation
    app::Field* in[] = {&v.base_quality, &v.rate, &v.saturation_examples, &v.examples};
    double x[4] = {};
    const auto inputs = [&] {
        widgets::card_begin(avail);
        widgets::heading(f.bold, "Saturation: performance against fine-tuning examples");
        const bool valid = controls::number_rows(in, 4, narrow ? 2 : 4, x);
        ImGui::PushFont(f.small);
        widgets::dim_text_wrapped("Starting values: the least-squares fit of the form to the curve in circulation "
                                  "(below), not a measured law. Fit your own scores below and use that fit.");
        ImGui::PopFont();
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
                               "10K-100K examples are quoted widely and fitted by no paper (the circulating curve "
                               "itself implies D_sat / k near 100 examples). Fit your own runs below.");
        widgets::card_end();
        ImGui::EndGroup();
    }
    ImGui::Spacing();
    if (r.ok()) {
        fit_card(s, r.value, points_error, f, avail, narrow);
        ImGui::Spacing();
    }

    // [SECTION] Transfer (Hernandez et al. 2021).
    widgets::card_begin(avail);
    widgets::heading(f.bold, "Transfer: data that pre-training is worth");
    app::Field* tr[] = {&v.transfer_params, &v.finetune_tokens};
    double y[2] = {};
    if (controls::number_rows(tr, 2, narrow ? 1 : 2, y)) {
        const scaling::TransferConstants c;
        const double n = y[0], d = y[1];
        const double dt = scaling::transferred_data(c, d, n);
        const std::string t = format_count(dt);
        widgets::text_wrapped("Effective data transferred D_T = %s tokens: pre-training is worth %s of the %s effective "
                           "tokens (D_F + D_T).", t.c_str(),
                           (format_fixed(100 * scaling::transfer_fraction(c, d, n), 1) + "%").c_str(), format_count(d + dt).c_str());
        ui_probe::record_text("ft_transfer", t);
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
