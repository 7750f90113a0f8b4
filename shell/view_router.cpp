// view_router.cpp: the Router view: a task mix of request classes (share, output tokens, model),
// each priced and timed by the serving model on one GPU type (core/router.hpp), the blend against
// sending everything through the most expensive path, the fast / thinking / background modes, and
// a figure of the saving against the share of reasoning requests.
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/quantity.hpp"
#include "core/requests.hpp"
#include "core/router.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {
namespace {

using scaling::format_significant;

// The view's fields as the CLI's arguments, read by the same request code (empty fields left out).
scaling::Result<scaling::RouterInputs> read_router(app::RouterInputs& v) {
    scaling::Args args;
    v.each([&](const app::Field& f) {
        if (f.given()) args[f.in->key] = f.text;
    });
    return scaling::router_inputs(args);
}

std::string dollars(double d) { return "$" + format_significant(d, 3); }
std::string seconds(double s) { return format_significant(s, 3) + " s"; }

void classes_table(const scaling::RouterResult& r, bool narrow) {
    if (!ImGui::BeginTable("router_classes", narrow ? 4 : 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
        return;
    ImGui::TableSetupColumn("Class", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Share", ImGuiTableColumnFlags_WidthFixed);
    if (!narrow) ImGui::TableSetupColumn("Model, tokens", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("$ / request", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Latency", ImGuiTableColumnFlags_WidthFixed);
    if (!narrow) ImGui::TableSetupColumn("Quality / $", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (const scaling::RouterClassResult& k : r.classes) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(k.in.name.c_str());
        number_cell("router_classes", scaling::format_percent(k.in.share, 0));
        if (!narrow)
            number_cell("router_classes", scaling::format_count(k.in.params) + ", " + scaling::format_count(k.in.output_tokens));
        number_cell("router_classes", dollars(k.dollars_per_request));
        ui_probe::record_text(("router_cost_" + k.in.name).c_str(), dollars(k.dollars_per_request));
        number_cell("router_classes", seconds(k.latency_seconds));
        if (!narrow) number_cell("router_classes", k.in.quality >= 0 ? format_significant(k.quality_per_dollar, 3) : "-", k.in.quality < 0);
    }
    ImGui::EndTable();
}

void modes_table(const scaling::RouterResult& r, bool narrow) {
    if (!ImGui::BeginTable("router_modes", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    ImGui::TableSetupColumn("Mode", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Latency", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("$ / request", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (const scaling::RouterMode& m : r.modes) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        // On a phone the path would be cut by its column: it follows the table, whole.
        if (narrow) ImGui::TextUnformatted(m.name.c_str());
        else widgets::text_wrapped("%s: %s", m.name.c_str(), m.path.c_str());
        number_cell("router_modes", seconds(m.latency_seconds));
        number_cell("router_modes", dollars(m.dollars_per_request));
    }
    ImGui::EndTable();
    if (narrow)
        for (const scaling::RouterMode& m : r.modes) widgets::text_wrapped("%s: %s.", m.name.c_str(), m.path.c_str());
}

// The saving against the reasoning share, the other classes keeping their proportions.
void figure(const scaling::RouterInputs& in, double saving, float width, bool narrow) {
    const float h = figure_height(width, narrow ? 0.8f : 0.45f, 4);
    if (!plot::BeginPlot("Saving against the share of reasoning requests##router_fig", ImVec2(width, h))) return;
    plot::SetupAxis(plot::X, "Reasoning share (%)", scaling::AxisScale::Linear, scaling::AxisFormat::Plain);
    plot::SetupAxis(plot::Y, "Saving (x)", scaling::AxisScale::Log10, scaling::AxisFormat::Plain);
    std::vector<double> xs, ys;
    const size_t last = in.classes.size() - 1;
    double rest = 0;
    for (size_t i = 0; i < last; ++i) rest += in.classes[i].share;
    for (int i = 1; i <= 50; ++i) {  // 2% steps: 50 mixes, each three roofline calls
        scaling::RouterInputs at = in;
        const double share = i / 50.0;
        for (size_t c = 0; c < last; ++c)
            at.classes[c].share = rest > 0 ? in.classes[c].share / rest * (1 - share) : (1 - share) / static_cast<double>(last);
        at.classes[last].share = share;
        const scaling::Result<scaling::RouterResult> r = scaling::route(at);
        if (!r.ok()) continue;
        xs.push_back(100.0 * share);
        ys.push_back(r.value.saving_factor);
    }
    plot::PlotLine("Computed saving", xs.data(), ys.data(), static_cast<int>(xs.size()), plot::Style{plot::PaletteColor(0), 3.0f});
    plot::PlotRefLine("Claimed 5x", plot::Y, scaling::kClaimedSavingLow, plot::Style{plot::PaletteColor(2), 1.5f, true});
    plot::PlotRefLine("Claimed 10x", plot::Y, scaling::kClaimedSavingHigh, plot::Style{plot::PaletteColor(2), 1.5f, true});
    const double px = 100 * in.classes[last].share;
    plot::PlotScatter("Your mix", &px, &saving, 1, plot::Style{plot::PaletteColor(3), 2.0f, false, plot::Marker::Circle, 6.0f});
    plot::EndPlot();
}

}  // namespace

void router(app::State& s, const app::Fonts& f) {
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < em * 40;
    app::RouterInputs& v = s.router;

    const auto inputs = [&] {
        widgets::card_begin(avail);
        widgets::heading(f.bold, "Request classes and where they are sent");
        const float inner = avail - 2 * em;
        controls::labelled_choice(v.gpu, "##router_gpu", narrow ? inner : inner / 2, &controls::gpu_names());
        ui_probe::record_last_item("router_gpu");
        app::Field* common[] = {&v.prompt_tokens, &v.batch, &v.price};
        double y[3] = {};
        bool valid = controls::number_rows(common, 3, narrow ? 2 : 3, y);
        for (auto& row : v.classes) {
            app::Field* fields[] = {&row[0], &row[1], &row[2], &row[3]};
            double x[4] = {};
            // Quality is optional: an empty field is "not given", not an error.
            valid = controls::number_rows(fields, 4, narrow ? 2 : 4, x) && valid;
        }
        widgets::card_end();
        return valid;
    };
    const auto answer = [&](const scaling::Result<scaling::RouterResult>& r) {
        widgets::card_begin(avail);
        if (!r.ok()) {
            // Named as the field's label ("Reasoning share"), as the fields' own errors are.
            std::string name = r.field;
            v.each([&](const app::Field& x) {
                if (r.field == x.in->key) name = x.in->label;
            });
            widgets::warning_text((name + ": " + r.error).c_str());
            ui_probe::record_text("router_error", name + ": " + r.error);
            widgets::card_end();
            return;
        }
        const scaling::RouterResult& x = r.value;
        const std::string top = x.classes[static_cast<size_t>(x.expensive)].in.name;
        const std::string values[4] = {dollars(x.blended_dollars_per_request), dollars(x.all_expensive_dollars_per_request),
                                       format_significant(x.saving_factor, 3) + "x", seconds(x.blended_latency_seconds)};
        const std::string all_caption = "All through " + top;
        const char* captions[4] = {"Blended $ / request", all_caption.c_str(), "Saving", "Blended latency"};
        const char* names[4] = {"router_blended", "router_all_expensive", "router_saving", "router_latency"};
        ImGui::BeginGroup();
        widgets::stat_row(captions, values, names, 4, narrow ? 2 : 4, avail - 2 * em, f.small, f.big);
        ImGui::EndGroup();
        ui_probe::record_last_item("router_answer");
        const std::string verdict = scaling::saving_verdict(x.saving_factor);
        ui_probe::record_text("router_verdict", verdict);
        widgets::text_wrapped("The circulating claim, routing saves 5-10x against sending everything to the largest "
                              "model: the computed saving is %sx, %s.", format_significant(x.saving_factor, 3).c_str(),
                              verdict.c_str());
        const double top_share = x.classes[static_cast<size_t>(x.expensive)].in.share;
        if (top_share > 0)
            widgets::text_wrapped("It can never exceed 1 / the %s share = %sx: the %s requests alone cost that much.",
                                  top.c_str(), format_significant(1 / top_share, 3).c_str(), top.c_str());
        if (x.blended_quality >= 0)
            widgets::text_wrapped("Blended quality %s; quality per dollar %s.", format_significant(x.blended_quality, 3).c_str(),
                                  format_significant(x.quality_per_dollar, 3).c_str());
        widgets::note(f.small, ("Prices as of " + x.prices_as_of + ". Each class priced by the serving model (a "
                                "roofline) on one GPU type; the attention shape of the Llama 3 model nearest in size.")
                                   .c_str());
        for (const std::string& w : x.warnings) widgets::warning_text(w.c_str());
        widgets::card_end();
    };

    const scaling::Result<scaling::RouterInputs> in = read_router(v);
    const scaling::Result<scaling::RouterResult> r =
        in.ok() ? scaling::route(in.value) : scaling::Result<scaling::RouterResult>::fail(in.error, in.field);
    // On a phone the answer comes first; the inputs follow it.
    if (narrow) {
        answer(r);
        ImGui::Spacing();
        inputs();
    } else {
        inputs();
        ImGui::Spacing();
        answer(r);
    }
    if (!r.ok()) return;
    ImGui::Spacing();
    widgets::card_begin(avail);
    widgets::heading(f.bold, "Each class, and the modes");
    classes_table(r.value, narrow);
    modes_table(r.value, narrow);
    widgets::note(f.small, "Tokens per class follow the guidance in circulation (classification 1x, summarisation "
                           "2-5x, reasoning 10-100x the tokens of a plain answer: 250, 750, 7500 here); no measurement "
                           "behind it was found. Shares and models are assumptions: edit them.");
    widgets::card_end();
    ImGui::Spacing();
    figure(in.value, r.value.saving_factor, avail, narrow);
}

}  // namespace views
