// view_scenarios.cpp: the Scenarios view: "k x more compute" from a base model (a gallery row or
// typed), grown data-driven (the law's optimum moving with compute) or model-driven (the data capped,
// parameters take the rest); then a projection of compute as a multiple of a reference run, raw and
// as a mixture of experts' dense-equivalent FLOP. Every assumption is an input.
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/allocation.hpp"
#include "core/gallery.hpp"
#include "core/presets.hpp"
#include "core/quantity.hpp"
#include "core/scenarios.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"
#include "semantics.hpp"

namespace views {
namespace {

using scaling::format_count;
using scaling::format_fixed;
using scaling::format_scientific;

// The Grok 2 -> Grok 3 preset, an example in circulation: 10x compute, data about 10 TB that
// compute-optimal growth would take to about 30 TB, against under 20 TB available. xAI has published
// neither model's size, data or compute; Grok 3's ~3e26 FLOP is the figure in circulation (a run of
// assets/presets.csv), so the preset's base is Grok 2 at a tenth of it, sized compute-optimally
// under the chosen law.
constexpr double kGrokStep = 10;
constexpr double kGrok2DataTb = 10, kGrok3DataCapTb = 20;

void base_picker(app::State& s, double params, double tokens, float width) {
    // The combo shows the gallery row whose (N_active, D) the fields hold, else "Custom".
    const scaling::Model* shown = nullptr;
    for (const scaling::Model& m : scaling::all_models())
        if (m.has_tokens() && std::fabs(m.params_active / params - 1) < 1e-3 && std::fabs(m.tokens / tokens - 1) < 1e-3) shown = &m;
    ImGui::SetNextItemWidth(width);
    const ImGuiID combo_id = ImGui::GetID("##base");
    const ImVec2 combo_at = ImGui::GetCursorScreenPos();
    if (ImGui::BeginCombo("##base", shown ? shown->name.c_str() : "Custom (typed below)", ImGuiComboFlags_HeightLarge)) {
        for (const scaling::Model& m : scaling::all_models()) {
            if (!m.has_tokens()) continue;  // a base needs its training tokens
            const std::string label = m.name + "  (" + format_count(m.params_active) + ", " + format_count(m.tokens) + " tokens)";
            if (ImGui::Selectable(label.c_str(), &m == shown, 0, ImVec2(0, widgets::touch() ? ImGui::GetFrameHeight() : 0))) {
                s.scenarios.base_params.text = scaling::format_typed(m.params_active);
                s.scenarios.base_tokens.text = scaling::format_typed(m.tokens);
                s.scenarios.base_data_tb.text.clear();
            }
            if (ImGui::IsItemHovered()) sem::tooltip("%s", m.source.c_str());
        }
        ImGui::EndCombo();
    }
    // For the keyboard and screen readers: the same gallery as a select, "Custom" first.
    std::vector<std::string> options = {"Custom (typed below)"};
    std::vector<const scaling::Model*> models = {nullptr};
    for (const scaling::Model& m : scaling::all_models())
        if (m.has_tokens()) options.push_back(m.name), models.push_back(&m);
    int index = 0;
    for (size_t i = 1; i < models.size(); ++i)
        if (models[i] == shown) index = static_cast<int>(i);
    const int picked = sem::select_at(combo_id, combo_at, ImVec2(combo_at.x + width, combo_at.y + ImGui::GetFrameHeight()),
                                      "Base model", options, index);
    if (picked > 0) {
        s.scenarios.base_params.text = scaling::format_typed(models[static_cast<size_t>(picked)]->params_active);
        s.scenarios.base_tokens.text = scaling::format_typed(models[static_cast<size_t>(picked)]->tokens);
        s.scenarios.base_data_tb.text.clear();
    }
    ui_probe::record_last_item("sc_base");
}

// Grok 3's training FLOP as the presets give it; 0 if they failed to load (the Budget view says why).
double grok3_flops() {
    const scaling::Preset* p = scaling::find_preset(scaling::kGrok3Preset);
    return p ? p->flops : 0;
}

void grok_preset(app::State& s, const scaling::Law& law) {
    const double grok3 = grok3_flops();
    if (!(grok3 > 0)) return;
    const scaling::Result<scaling::Allocation> base = scaling::optimal(law, grok3 / kGrokStep);
    app::ScenariosInputs& v = s.scenarios;
    if (base.ok() && base.value.has_params) {
        v.base_params.text = scaling::format_typed(base.value.params);
        v.base_tokens.text = scaling::format_typed(base.value.tokens);
    }
    v.compute_multiple.text = scaling::format_typed(kGrokStep);
    v.data_cap.text = scaling::format_typed(kGrok3DataCapTb / kGrok2DataTb);
    v.base_data_tb.text = scaling::format_typed(kGrok2DataTb);
    v.reference_flops.text = scaling::format_typed(grok3);
}

// Loss and multipliers along k for both ways of growing, for the figures.
struct Paths {
    std::vector<double> k, loss_data, loss_model, n_data, d_data, n_model, d_model;
};
Paths paths(const scaling::Law& law, double params, double tokens, double cap, double k_shown) {
    Paths p;
    const double hi = std::max(1000.0, k_shown * 3);
    for (int i = 0; i <= 120; ++i) {
        const double k = std::pow(hi, i / 120.0);
        const scaling::Result<scaling::Scenario> r = scaling::grow_compute(law, params, tokens, k, cap);
        if (!r.ok()) continue;
        p.k.push_back(k);
        p.loss_data.push_back(r.value.data_driven.loss);
        p.loss_model.push_back(r.value.model_driven.loss);
        p.n_data.push_back(r.value.data_growth.params_mult);
        p.d_data.push_back(r.value.data_growth.tokens_mult);
        p.n_model.push_back(r.value.model_growth.params_mult);
        p.d_model.push_back(r.value.model_growth.tokens_mult);
    }
    return p;
}

void marker(const char* label, double x, double y, ImU32 color, plot::Marker m) {
    plot::Style st;
    st.color = color;
    st.marker = m;
    st.marker_size = ImGui::GetFontSize() * 0.35f;
    plot::PlotScatter(label, &x, &y, 1, st);
}

// One row of a comparison table: its name (shorter on phones) and a value per column. On phones a
// value's "(x2.83)" goes under it. Probe names use the long name and the value as on a wide screen.
void table_row(const char* name, const char* short_name, bool narrow, const char* const* probes, const std::string* values) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(narrow ? short_name : name);
    for (int i = 0; i < 3; ++i) {
        ImGui::TableNextColumn();
        std::string shown = values[i];
        const size_t at = shown.find("  (");
        if (narrow && at != std::string::npos) shown.replace(at, 2, "\n");
        ImGui::TextUnformatted(shown.c_str());
        ui_probe::record_text((std::string("sc_") + probes[i] + ":" + name).c_str(), values[i]);
    }
}

void say_error(const char* what, const std::string& error) {
    ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
    ImGui::TextWrapped("%s %s", what, error.c_str());
    ImGui::PopStyleColor();
    ui_probe::record_text("sc_error", std::string(what) + " " + error);
}

void growth_section(app::State& s, const app::Fonts& f, const scaling::Law& law, float avail, bool narrow) {
    const float em = ImGui::GetFontSize();
    widgets::card_begin(avail);
    widgets::heading(f.bold, "A base model given k x more compute");
    const float inner = avail - 2 * em;
    const float half = narrow ? inner : (inner - ImGui::GetStyle().ItemSpacing.x) / 2;
    app::ScenariosInputs& v = s.scenarios;
    const double typed_n = scaling::parse_quantity(v.base_params.text).value;
    const double typed_d = scaling::parse_quantity(v.base_tokens.text).value;
    const ImVec2 row = ImGui::GetCursorPos();
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_dim());
    ImGui::TextUnformatted("Start from a model in the gallery");
    ImGui::PopStyleColor();
    base_picker(s, typed_n, typed_d, half);
    ImGui::EndGroup();
    // Placed beside it rather than by SameLine, which would lower it to the combo's text baseline.
    if (!narrow) ImGui::SetCursorPos(ImVec2(row.x + half + ImGui::GetStyle().ItemSpacing.x, row.y));
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_dim());
    ImGui::TextUnformatted("Scaling law");
    ImGui::PopStyleColor();
    controls::law_combo(s, half);
    ImGui::EndGroup();
    controls::law_settings(s, inner);
    if (widgets::small_button("Grok 2 -> Grok 3 preset")) grok_preset(s, law);
    ui_probe::record_last_item("sc_grok");
    app::Field* in[] = {&v.base_params, &v.base_tokens, &v.compute_multiple, &v.data_cap, &v.base_data_tb};
    double x[5] = {};
    const bool ok = controls::number_rows(in, 5, narrow ? 2 : 5, x);
    widgets::card_end();
    if (!ok) return;
    const double n0 = x[0], d0 = x[1], k = x[2], cap = x[3], tb = x[4];
    const scaling::Result<scaling::Scenario> r = scaling::grow_compute(law, n0, d0, k, cap);
    if (!r.ok()) {
        say_error(r.field == "k" ? "Compute multiple k:" : r.field == "params" ? "Base parameters:" : "Scenario:", r.error);
        return;
    }
    const scaling::Scenario& sc = r.value;
    // As `scaling scenario`: a base too absurd to be a model is refused (core/caveats.hpp).
    const scaling::Result<scaling::Allocation> sane = scaling::refuse_absurd(scaling::Result<scaling::Allocation>::of(sc.base), "params");
    if (!sane.ok()) {
        say_error("Base model:", sane.error);
        return;
    }
    ImGui::Spacing();

    // The comparison as a table: columns are what is compared.
    widgets::card_begin(avail);
    widgets::heading(f.bold, sc.cap_binds ? "The data cap binds: model-driven growth differs from data-driven"
                                          : "The cap does not bind: both ways grow alike");
    const scaling::Allocation* cols[3] = {&sc.base, &sc.data_driven, &sc.model_driven};
    const char* heads[3] = {"Base", "Data-driven", narrow ? "Capped" : "Model-driven (data capped)"};
    const char* probe[3] = {"base", "data", "model"};
    const bool loss = law.has_loss();
    if (ImGui::BeginTable("growth", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, narrow ? 0.5f : 1.1f);
        for (const char* h : heads) ImGui::TableSetupColumn(h, ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        const auto row = [&](const char* name, const char* short_name, auto value) {
            const std::string v[3] = {value(0), value(1), value(2)};
            table_row(name, short_name, narrow, probe, v);
        };
        const scaling::Growth* g[3] = {nullptr, &sc.data_growth, &sc.model_growth};
        row("Parameters N", "N", [&](int i) { return format_count(cols[i]->params) + (g[i] ? "  (x" + format_fixed(g[i]->params_mult, 2) + ")" : ""); });
        row("Tokens D", "D", [&](int i) { return format_count(cols[i]->tokens) + (g[i] ? "  (x" + format_fixed(g[i]->tokens_mult, 2) + ")" : ""); });
        if (tb > 0) row("Data on disk", "TB", [&](int i) { return format_fixed(tb * cols[i]->tokens / d0, 1) + " TB"; });
        row("Tokens per parameter", "D/N", [&](int i) { return format_fixed(cols[i]->tokens_per_param, 1); });
        row("Training FLOP (6ND)", "FLOP", [&](int i) { return format_scientific(cols[i]->flops, 3); });
        if (loss) row("Predicted loss", "Loss", [&](int i) { return format_fixed(cols[i]->loss, 4); });
        ImGui::EndTable();
    }
    std::string say = "Data-driven growth asks for " + format_fixed(sc.data_growth.tokens_mult, 2) + "x the data";
    if (tb > 0) say += " (" + format_fixed(tb, 1) + " TB -> " + format_fixed(tb * sc.data_growth.tokens_mult, 1) + " TB)";
    say += "; the cap allows " + format_fixed(cap, 2) + "x";
    if (tb > 0) say += " (" + format_fixed(tb * cap, 1) + " TB)";
    if (sc.cap_binds) {
        say += ", so the model grows " + format_fixed(sc.model_growth.params_mult, 2) + "x instead of " +
               format_fixed(sc.data_growth.params_mult, 2) + "x";
        if (loss) say += ", for " + format_fixed(sc.model_driven.loss - sc.data_driven.loss, 4) + " nats/token more loss at the same compute";
    }
    say += ".";
    ImGui::TextWrapped("%s", say.c_str());
    ui_probe::record_text("sc_summary", say);
    views::caveats(scaling::caveats_of(law, sc), "sc_caveats");
    widgets::card_end();
    ImGui::Spacing();

    const Paths p = paths(law, n0, d0, cap, k);
    const int count = static_cast<int>(p.k.size());
    const float plot_w = narrow ? avail : (avail - ImGui::GetStyle().ItemSpacing.x) / 2;
    const float h = views::figure_height(plot_w, narrow ? 0.75f : 0.62f, 4);
    const plot::Style kData{plot::PaletteColor(0), 3.0f}, kModel{plot::PaletteColor(3), 3.0f};
    if (loss) {
        if (plot::BeginPlot("Predicted loss against the compute multiple##sc_loss", ImVec2(plot_w, h))) {
            plot::SetupAxis(plot::X, "Compute multiple k", scaling::AxisScale::Log10, scaling::AxisFormat::Plain);
            plot::SetupAxis(plot::Y, "Loss (nats/token)", scaling::AxisScale::Linear, scaling::AxisFormat::Loss);
            plot::SetupLegendNorthEast();
            plot::PlotLine("Data-driven", p.k.data(), p.loss_data.data(), count, kData);
            plot::PlotLine("Model-driven (data capped)", p.k.data(), p.loss_model.data(), count, kModel);
            marker("##k data", k, sc.data_driven.loss, plot::PaletteColor(0), plot::Marker::Circle);
            marker("##k model", k, sc.model_driven.loss, plot::PaletteColor(3), plot::Marker::Diamond);
            plot::PlotRefLine("Your k", plot::X, k, plot::Style{IM_COL32(160, 160, 170, 255), 1.0f, true});
            plot::EndPlot();
        }
        if (!narrow) ImGui::SameLine();
    }
    if (plot::BeginPlot("How N and D grow##sc_growth", ImVec2(loss ? plot_w : avail, h))) {
        plot::SetupAxis(plot::X, "Compute multiple k", scaling::AxisScale::Log10, scaling::AxisFormat::Plain);
        plot::SetupAxis(plot::Y, "Multiple of the base", scaling::AxisScale::Log10, scaling::AxisFormat::Plain);
        plot::PlotLine("N, data-driven", p.k.data(), p.n_data.data(), count, kData);
        plot::PlotLine("D, data-driven", p.k.data(), p.d_data.data(), count, plot::Style{plot::PaletteColor(0), 2.0f, true});
        plot::PlotLine("N, model-driven", p.k.data(), p.n_model.data(), count, kModel);
        plot::PlotLine("D, model-driven", p.k.data(), p.d_model.data(), count, plot::Style{plot::PaletteColor(3), 2.0f, true});
        plot::PlotRefLine("Data cap", plot::Y, cap, plot::Style{IM_COL32(160, 160, 170, 255), 1.0f, true});
        plot::PlotRefLine("##k", plot::X, k, plot::Style{IM_COL32(160, 160, 170, 255), 1.0f, true});
        plot::EndPlot();
    }
    std::string how = "Data-driven: N and D move as the law's compute-optimal allocation moves from C to k·C (under " +
                      law.name + ": " + law.form + "). Model-driven: D grows at most by the cap and N takes the rest, N x k / (D multiple). "
                      "Either way C = 6ND, so the two multiples multiply to k. The base need not be compute-optimal; "
                      "only its growth follows the law.";
    if (!loss) how += " This law has no loss form, so there is no predicted loss: choose one with a loss to compare them.";
    widgets::note(f.small, how.c_str());
    widgets::note(f.small, ("Grok 2 -> Grok 3 preset: 10x compute, data about 10 TB that data-driven growth would take to about "
                            "30 TB, against under 20 TB available (figures in circulation; xAI has published neither "
                            "model's size, data or compute). The preset sizes Grok 2 compute-optimally at " +
                            scaling::format_typed(grok3_flops() / kGrokStep) + " FLOP, a tenth of Grok 3's quoted ~" + scaling::format_typed(grok3_flops()) +
                            ": an assumption, edit it.").c_str());
}

void projection_section(app::State& s, const app::Fonts& f, const scaling::Law& law, float avail, bool narrow) {
    widgets::card_begin(avail);
    widgets::heading(f.bold, "Projecting compute: a multiple of a reference run, dense or mixture of experts");
    app::Field* in[] = {&s.scenarios.reference_flops, &s.scenarios.reference_multiple, &s.scenarios.sparsity};
    double x[3] = {};
    const bool ok = controls::number_rows(in, 3, narrow ? 1 : 3, x);
    if (!ok) {
        widgets::card_end();
        return;
    }
    const double ref = x[0], times = x[1], sparsity = x[2];
    const scaling::Result<scaling::Projection> r = scaling::project_compute(law, ref, times, sparsity);
    const scaling::Result<scaling::Allocation> at_ref = scaling::optimal(law, ref);
    if (!r.ok() || !at_ref.ok()) {
        say_error("Projection:", r.ok() ? at_ref.error : r.error);
        widgets::card_end();
        return;
    }
    const scaling::Projection& p = r.value;
    const scaling::Allocation* cols[3] = {&at_ref.value, &p.raw, &p.dense};
    const std::string heads[3] = {"Reference", "x" + format_count(times) + (narrow ? "" : ", dense"),
                                  "x" + format_count(times) + (narrow ? ", MoE" : ", MoE dense-equivalent")};
    const char* probe[3] = {"ref", "raw", "dense"};
    if (ImGui::BeginTable("projection", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, narrow ? 0.5f : 1.1f);
        for (const std::string& h : heads) ImGui::TableSetupColumn(h.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        const auto row = [&](const char* name, const char* short_name, auto value) {
            const std::string v[3] = {value(*cols[0]), value(*cols[1]), value(*cols[2])};
            table_row(name, short_name, narrow, probe, v);
        };
        row("Effective training FLOP", "FLOP", [](const scaling::Allocation& a) { return format_scientific(a.flops, 3); });
        if (p.raw.has_params)
            row("Compute-optimal N", "N", [](const scaling::Allocation& a) { return format_count(a.params); });
        row("Compute-optimal D", "D", [](const scaling::Allocation& a) { return format_count(a.tokens); });
        if (p.raw.has_loss) row("Predicted loss", "Loss", [](const scaling::Allocation& a) { return format_fixed(a.loss, 4); });
        ImGui::EndTable();
    }
    const std::string say = format_count(times) + "x " + format_scientific(ref, 2) + " FLOP is " + format_scientific(p.flops, 3) +
                            " FLOP of raw compute; a mixture of experts at 1:" + format_fixed(sparsity, sparsity < 10 ? 1 : 0) +
                            " sparsity is worth about " + format_fixed(p.multiplier, 2) + "x that in dense compute, " +
                            format_scientific(p.dense_flops, 3) + " FLOP.";
    ImGui::TextWrapped("%s", say.c_str());
    ui_probe::record_text("sc_projection", say);
    views::caveats(scaling::caveats_of(law, p), "sc_projection_caveats");
    widgets::note(f.small, (std::string(scaling::kDenseEquivalentNote) +
                            " The dense-equivalent column is the dense model that compute would buy under the chosen law; "
                            "the mixture itself is larger in total and smaller per token. The default reference is Grok 3's ~" +
                            scaling::format_typed(grok3_flops()) + " FLOP as it is quoted in circulation (not published by xAI).").c_str());
    widgets::card_end();
}

}  // namespace

void scenarios(app::State& s, const app::Fonts& f) {
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < em * 40;
    const scaling::Law law = app::current_law(s);
    growth_section(s, f, law, avail, narrow);
    ImGui::Spacing();
    projection_section(s, f, law, avail, narrow);
}

}  // namespace views
