// view_capex.cpp: the Capex view: a system's capital cost and year -> accelerators, FLOP/s and a
// training run's FLOP (core/capex.hpp), the compute-optimal model it buys, the circulating claims
// against the model, and a figure of training FLOP against system cost for a few years.
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/capex.hpp"
#include "core/quantity.hpp"
#include "core/series.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {
namespace {

using scaling::format_count;
using scaling::format_scientific;
using scaling::format_significant;

// The Capex view's fields as the core's inputs; false when one does not read (its error is shown
// under it by number_rows).
scaling::CapexInputs model_inputs(app::CapexInputs& v, const double* x) {
    scaling::CapexInputs in;
    in.gpu = &scaling::all_gpus()[static_cast<size_t>(v.gpu.index())];
    in.dtype = scaling::dtype_from_text(v.dtype.in->choices()[static_cast<size_t>(v.dtype.index())]).value;
    in.system_dollars = x[0], in.year = x[1], in.accelerator_price = x[2], in.reference_year = x[3];
    in.overhead_share = x[4], in.doubling_years = x[5], in.window_days = x[6], in.mfu = x[7];
    return in;
}

std::string dollars(double d) {
    return d >= 1e9 ? "$" + format_significant(d / 1e9, 3) + "bn" : "$" + format_count(d);
}

void claims_card(const app::Fonts& f, const scaling::CapexInputs& in, float width, bool narrow) {
    widgets::card_begin(width);
    widgets::heading(f.bold, "The circulating claims against the model");
    const std::vector<scaling::ClaimCheck> checks = scaling::check_claims(in);
    // On a phone a claim's sentence would be cut by its column: the sentences below carry it all,
    // with the claimed and computed figures.
    const bool table = !narrow && ImGui::BeginTable("capex_claims", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH);
    if (table) {
        ImGui::TableSetupColumn("Claim", ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn("Claimed", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("Model", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("Verdict", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
    }
    int row = 0;
    for (const scaling::ClaimCheck& k : checks) {
        const bool rel = k.claim->relative;
        const std::string claimed = rel ? format_significant(k.claim->claimed, 3) + "x" : format_scientific(k.claim->claimed, 2);
        const std::string computed = rel ? format_significant(k.computed, 3) + "x" : format_scientific(k.computed, 2);
        if (table) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            widgets::text_wrapped("%s", k.claim->text);
            number_cell("capex_claims", claimed);
            number_cell("capex_claims", computed);
            ImGui::TableNextColumn();
            widgets::text_wrapped("%s", k.verdict.c_str());
        }
        ui_probe::record_text(("capex_claim_" + std::to_string(row)).c_str(), computed);
        ui_probe::record_text(("capex_verdict_" + std::to_string(row)).c_str(), k.verdict);
        ++row;
    }
    if (table) ImGui::EndTable();
    for (const scaling::ClaimCheck& k : checks) {
        if (narrow) {
            const bool rel = k.claim->relative;
            widgets::text_wrapped("%s (the model: %s): %s. %s.", k.claim->text,
                                  (rel ? format_significant(k.computed, 3) + "x" : format_scientific(k.computed, 2)).c_str(),
                                  k.verdict.c_str(), k.reason.c_str());
        } else {
            widgets::text_wrapped("%s: %s. %s.", k.claim->text, k.verdict.c_str(), k.reason.c_str());
        }
    }
    widgets::note(f.small, "\"150x\" and \"a further 8x\" are read as multiples of the $5bn 2025 run. Relative claims "
                           "depend only on the cost ratio and the trend; the absolute one also on the price, the "
                           "overhead share, the window and the MFU above.");
    widgets::card_end();
}

void figure(const scaling::CapexInputs& in, float width, bool narrow) {
    const float h = figure_height(width, narrow ? 0.8f : 0.5f, 4);
    if (!plot::BeginPlot("Training FLOP against system cost##capex_fig", ImVec2(width, h))) return;
    plot::SetupAxis(plot::X, "System cost ($)", scaling::AxisScale::Log10, scaling::AxisFormat::Dollars);
    plot::SetupAxis(plot::Y, "Training FLOP", scaling::AxisScale::Log10, scaling::AxisFormat::Flop);
    const std::vector<double> costs = scaling::log_space(1e8, 1e12, 41);
    std::vector<double> years = {2024, 2025, 2026, 2028};
    if (in.year != 2024 && in.year != 2025 && in.year != 2026 && in.year != 2028) years.push_back(in.year);
    int colour = 0;
    for (double y : years) {
        std::vector<double> flops;
        for (double c : costs) {
            scaling::CapexInputs at = in;
            at.system_dollars = c, at.year = y;
            const scaling::Result<scaling::CapexResult> r = scaling::capex(at);
            flops.push_back(r.ok() ? r.value.training_flops : NAN);
        }
        const std::string label = "bought in " + scaling::format_fixed(y, 0);
        plot::PlotLine(label.c_str(), costs.data(), flops.data(), static_cast<int>(costs.size()),
                       plot::Style{plot::PaletteColor(colour++), y == in.year ? 3.0f : 1.8f});
    }
    // The claims as points: the first absolute, the others as its multiples.
    std::vector<double> cx, cy;
    std::vector<std::string> names;
    const std::vector<scaling::CapexClaim>& claims = scaling::capex_claims();
    for (const scaling::CapexClaim& c : claims) {
        cx.push_back(c.dollars);
        cy.push_back(c.relative ? c.claimed * claims.front().claimed : c.claimed);
        // Short labels on the figure ("$150bn 2028: 150x"); the table below quotes the claims whole.
        names.push_back(dollars(c.dollars) + " " + scaling::format_fixed(c.year, 0) + ": " +
                        (c.relative ? format_significant(c.claimed, 3) + "x" : format_scientific(c.claimed, 2)));
    }
    plot::PlotScatter("Circulating claims", cx.data(), cy.data(), static_cast<int>(cx.size()),
                      plot::Style{plot::PaletteColor(5), 2.0f, false, plot::Marker::Diamond, 6.0f}, &names);
    const scaling::Result<scaling::CapexResult> mine = scaling::capex(in);
    if (mine.ok()) {
        const double px = in.system_dollars, py = mine.value.training_flops;
        plot::PlotScatter("Your system", &px, &py, 1, plot::Style{plot::PaletteColor(3), 2.0f, false, plot::Marker::Circle, 6.0f});
    }
    plot::EndPlot();
}

}  // namespace

void capex(app::State& s, const app::Fonts& f) {
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < em * 40;
    app::CapexInputs& v = s.capex;
    app::Field* in[] = {&v.system_dollars, &v.year, &v.accelerator_price, &v.reference_year, &v.overhead_share,
                        &v.doubling_years, &v.window_days, &v.mfu};
    constexpr int kCount = 8;
    double x[kCount] = {};

    const auto inputs = [&] {
        widgets::card_begin(avail);
        widgets::heading(f.bold, "A system's capital cost and year");
        const float inner = avail - 2 * em;
        const float half = (inner - ImGui::GetStyle().ItemSpacing.x) / 2;
        controls::labelled_choice(v.gpu, "##capex_gpu", half, &controls::gpu_names());
        ui_probe::record_last_item("capex_gpu");
        ImGui::SameLine();
        controls::labelled_choice(v.dtype, "##capex_dtype", half);
        const bool valid = controls::number_rows(in, kCount, narrow ? 2 : 4, x);
        widgets::card_end();
        return valid;
    };
    const auto answer = [&](const scaling::CapexInputs& ci) {
        widgets::card_begin(avail);
        const scaling::Result<scaling::CapexResult> r = scaling::capex(ci);
        if (!r.ok()) {
            widgets::warning_text((r.field + ": " + r.error).c_str());
            widgets::card_end();
            return;
        }
        const scaling::CapexResult& c = r.value;
        const auto opt = scaling::optimal(app::current_law(s), c.training_flops);
        const std::string values[4] = {format_count(std::round(c.accelerators)), format_scientific(c.flops_per_second, 3),
                                       format_scientific(c.training_flops, 3),
                                       opt.ok() && opt.value.has_params ? format_count(opt.value.params) : "-"};
        const char* captions[4] = {"Accelerators", "Peak FLOP/s", "Training FLOP", "Optimal model (params)"};
        const char* names[4] = {"capex_accelerators", "capex_flops_per_second", "capex_training_flops", "capex_optimal"};
        ImGui::BeginGroup();
        widgets::stat_row(captions, values, names, 4, narrow ? 2 : 4, avail - 2 * em, f.small, f.big);
        ImGui::EndGroup();
        ui_probe::record_last_item("capex_answer");
        widgets::text_wrapped("%s buys %s of accelerators (%s overhead) at %s each: %s %s, each %s FLOP/s (%s x the %s "
                              "reference's peak after %s years of price-performance). Over %s days at %s MFU: %s FLOP "
                              "(%s to %s over the trend's range).",
                              dollars(ci.system_dollars).c_str(), dollars(c.accelerator_dollars).c_str(),
                              dollars(c.overhead_dollars).c_str(), dollars(ci.accelerator_price).c_str(),
                              format_count(std::round(c.accelerators)).c_str(), ci.gpu->name.c_str(),
                              format_scientific(c.flops_per_second_per_accelerator, 3).c_str(),
                              format_significant(c.trend_factor, 3).c_str(), scaling::dtype_name(ci.dtype),
                              format_significant(ci.year - ci.reference_year, 3).c_str(),
                              format_significant(ci.window_days, 3).c_str(), scaling::format_percent(ci.mfu, 0).c_str(),
                              format_scientific(c.training_flops, 2).c_str(), format_scientific(c.training_flops_low, 2).c_str(),
                              format_scientific(c.training_flops_high, 2).c_str());
        if (opt.ok() && opt.value.has_params)
            widgets::text_wrapped("Under %s that buys a compute-optimal model of %s parameters on %s tokens.",
                                  app::current_law(s).name.c_str(), format_count(opt.value.params).c_str(),
                                  format_count(opt.value.tokens).c_str());
        const bool catalogue = ci.accelerator_price == scaling::kReferencePrice && ci.reference_year == scaling::kReferenceYear;
        widgets::note(f.small, (std::string("Prices as of ") + (catalogue ? scaling::kReferencePriceDate : "your price") +
                                ". Trend: FLOP/s per dollar doubles every 2.07 years (95% CI 1.54-3.13), Hobbhahn & "
                                "Besiroglu 2022, Epoch AI, GPUs used in ML.")
                                   .c_str());
        for (const std::string& w : c.warnings) widgets::warning_text(w.c_str());
        widgets::card_end();
    };

    // On a phone the answer comes first; the inputs follow it.
    bool ok = false;
    if (narrow) {
        ok = read_fields(in, kCount, x);
        if (ok) {
            answer(model_inputs(v, x));
            ImGui::Spacing();
        }
        inputs();
    } else {
        ok = inputs();
        if (ok) {
            ImGui::Spacing();
            answer(model_inputs(v, x));
        }
    }
    if (!ok) return;
    const scaling::CapexInputs ci = model_inputs(v, x);
    if (!scaling::capex(ci).ok()) return;
    ImGui::Spacing();
    figure(ci, avail, narrow);
    ImGui::Spacing();
    claims_card(f, ci, avail, narrow);
}

}  // namespace views
