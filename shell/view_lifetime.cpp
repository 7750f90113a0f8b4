// view_lifetime.cpp: the lifetime cost of training plus serving (Sardana et al. 2024): for a target
// loss and an inference demand, the model minimising 6·N·D_train + 2·N·D_inf against the
// Chinchilla-optimal model of equal loss; a plot of lifetime compute against model size for a few
// demand levels; break-even; and an over-training explorer (preset: Llama 2 7B on 2T tokens).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/allocation.hpp"
#include "core/compute.hpp"
#include "core/hardware.hpp"
#include "core/lifetime.hpp"
#include "core/series.hpp"
#include "core/quantity.hpp"
#include "fields.hpp"
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

using scaling::format_shortest;
using scaling::format_percent;

// These optimisations take milliseconds; a frame redraws 60 times a second. Each result is kept
// with the inputs it was computed from (as text) and recomputed only when they change.
template <class T>
struct Memo {
    std::string key;
    T value;
};
template <class T, class F>
const T& memo(Memo<T>& m, const std::string& key, F compute) {
    if (m.key != key || key.empty()) {
        m.value = compute();
        m.key = key;
    }
    return m.value;
}
std::string law_key(const app::State& s, const scaling::Law& law) {
    return law.id + "#" + std::to_string(s.law_revision);
}

// Lifetime compute along the equal-loss curve for one demand level (a figure series).
void curve(const scaling::Law& law, double loss, double n_lo, double n_hi, double d_inf, std::vector<double>* n,
           std::vector<double>* total) {
    for (double x : scaling::log_space(n_lo, n_hi, 120)) {
        const scaling::Result<double> d = scaling::tokens_for_loss(law, x, loss);
        if (!d.ok()) continue;
        n->push_back(x);
        total->push_back(scaling::kTrainFlopPerParamToken * x * d.value + scaling::kInferenceFlopPerParamToken * x * d_inf);
    }
}

// The dollar version: each phase priced on its own hardware, demand as requests x tokens.
void dollar_card(app::State& s, const app::Fonts& f, const scaling::Law& law, double loss, float width) {
    const float em = ImGui::GetFontSize();
    const float inner = width - 2 * em;
    widgets::card_begin(width);
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted("Lifetime cost in dollars");
    ImGui::PopFont();
    app::LifetimeInputs& li = s.lifetime;
    const float quarter = (inner - ImGui::GetStyle().ItemSpacing.x * 3) / 4;
    for (app::Field* x : {&li.requests, &li.input_tokens, &li.output_tokens, &li.requests_per_day}) {
        if (x != &li.requests) ImGui::SameLine();
        controls::number_field(*x, quarter);
    }

    const auto& gpus = scaling::all_gpus();
    const char* phase_names[3] = {"Training", "Prefill", "Decode"};
    const scaling::Dtype dtypes[3] = {scaling::Dtype::BF16, scaling::Dtype::FP8, scaling::Dtype::INT8};
    scaling::Phase phases[3];
    std::string error;
    // The first refusal, "Label: why", as the solver's message.
    const auto read = [&](const app::Field& x) {
        const scaling::Result<double> r = x.number();
        if (!r.ok() && error.empty()) error = std::string(x.in->label) + ": " + r.error;
        return r.ok() ? r.value : 0;
    };
    for (int i = 0; i < 3; ++i) {
        app::PhaseInputs& ph = li.phase[i];
        ImGui::PushID(i);
        const scaling::Gpu& g = gpus[static_cast<size_t>(ph.gpu.index())];
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(phase_names[i]);
        ImGui::SameLine(em * 6);
        controls::choice_combo(ph.gpu, "##g", em * 13, &controls::gpu_names());
        ImGui::SameLine();
        controls::choice_combo(ph.dtype, "##d", em * 6);
        // A compact row: short captions beside the boxes, the descriptor's label in the tooltip and errors.
        ImGui::SameLine();
        ImGui::TextUnformatted("MFU");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 4);
        fields::text("##m", "", &ph.mfu.text, ImGuiInputTextFlags_AutoSelectAll);
        if (ImGui::IsItemHovered() && !ImGui::IsItemActive()) sem::tooltip("%s", ph.mfu.in->label);
        ui_probe::record_last_item(scaling::link_key(*ph.mfu.in).c_str());
        ImGui::SameLine();
        ImGui::TextUnformatted("$/h");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em * 5);
        const std::string hint = scaling::format_dollars(g.price_per_hour);
        fields::text("##p", hint.c_str(), &ph.price.text, ImGuiInputTextFlags_AutoSelectAll);
        if (ImGui::IsItemHovered() && !ImGui::IsItemActive()) sem::tooltip("%s", ph.price.in->label);
        ui_probe::record_last_item(scaling::link_key(*ph.price.in).c_str());
        ImGui::PopID();
        const scaling::Dtype dtype = dtypes[ph.dtype.index()];
        const double mfu = read(ph.mfu);
        const double price = ph.price.given() ? read(ph.price) : g.price_per_hour;
        phases[i] = {price, g.peak_flops(dtype), mfu};
        if (error.empty() && !(phases[i].peak_flops > 0)) error = g.name + " has no dense " + scaling::dtype_name(dtype) + " mode";
    }
    scaling::Demand demand;
    demand.requests = read(li.requests);
    demand.input_tokens = read(li.input_tokens);
    demand.output_tokens = read(li.output_tokens);
    scaling::Result<scaling::DollarResult> r = scaling::Result<scaling::DollarResult>::fail(error);
    static Memo<scaling::Result<scaling::DollarResult>> memo_dollars;
    std::string key = law_key(s, law) + format_shortest(loss) + format_shortest(demand.requests) + format_shortest(demand.input_tokens) +
                      format_shortest(demand.output_tokens);
    for (const scaling::Phase& p : phases) key += format_shortest(p.price_per_hour) + format_shortest(p.peak_flops) + format_shortest(p.mfu);
    if (error.empty())
        r = memo(memo_dollars, key, [&] { return scaling::lifetime_dollars(law, loss, phases[0], phases[1], phases[2], demand); });
    if (!r.ok()) {
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        widgets::text_wrapped("%s", (r.field.empty() ? r.error : r.field + ": " + r.error).c_str());
        ImGui::PopStyleColor();
        ui_probe::record_text("dollars_error", r.error);
        widgets::card_end();
        return;
    }
    const scaling::DollarResult& d = r.value;
    const std::string text = "Dollar-optimal: " + format_count(d.r.best.params) + " params on " +
                             format_count(d.r.best.tokens) + " tokens; training " + scaling::format_dollars(d.train_dollars) +
                             " + prefill " + scaling::format_dollars(d.prefill_dollars) + " + decode " +
                             scaling::format_dollars(d.decode_dollars) + " = " + scaling::format_dollars(d.r.best.cost) +
                             ", against " + scaling::format_dollars(d.r.chinchilla.cost) + " for the Chinchilla-optimal " +
                             format_count(d.r.chinchilla.params) + " (" + format_percent(d.r.lifetime_saving) + " saved).";
    widgets::text_wrapped("%s", text.c_str());
    ui_probe::record_text("dollars_saving", format_percent(d.r.lifetime_saving));
    // Issue 18, section 6: the dates of the catalogue's prices in use (as `lifetime-cost`'s prices_as_of).
    std::string dates;
    for (const app::PhaseInputs& ph : li.phase) {
        const std::string& date = gpus[static_cast<size_t>(ph.gpu.index())].price_date;
        if (!ph.price.given() && dates.find(date) == std::string::npos) dates += (dates.empty() ? "" : ", ") + date;
    }
    const std::string priced = dates.empty() ? "At your prices." : "Catalogue prices as of " + dates + ".";
    widgets::dim_text_wrapped(priced.c_str());
    ui_probe::record_text("dollars_prices_as_of", priced);
    // Break-even in dollars: the extra training paid back by the cheaper serving of each request.
    const double extra = d.train_dollars - d.chin_train_dollars;
    const double saved_per_request = ((d.chin_prefill_dollars + d.chin_decode_dollars) -
                                      (d.prefill_dollars + d.decode_dollars)) / demand.requests;
    if (extra > 0 && saved_per_request > 0) {
        const double requests = extra / saved_per_request;
        std::string t = "Break-even: the extra " + scaling::format_dollars(extra) + " of training is repaid after " +
                        format_count(requests) + " requests";
        const auto per_day = li.requests_per_day.number();
        if (per_day.ok()) t += ", " + format_count(requests / per_day.value) + " days at " + format_count(per_day.value) + " a day";
        widgets::dim_text_wrapped((t + ".").c_str());
        ui_probe::record_text("dollars_break_even", format_count(requests));
    }
    ImGui::PushFont(f.small);
    widgets::dim_text_wrapped("Each phase costs price / (3,600 s x dense peak x MFU) per FLOP: training 6 FLOP per "
                              "parameter per token, prefill and decode 2. Decode is memory-bound, hence its low default MFU.");
    ImGui::PopFont();
    widgets::card_end();
}

}  // namespace

void lifetime(app::State& s, const app::Fonts& f) {
    controls::figure_toolbar(s, f);
    const scaling::Law law = app::current_law(s);
    if (!law_has_loss_or_say_so(law, "lifetime optimum (it needs a loss to hold fixed)")) return;
    const float em = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;

    widgets::card_begin(avail);
    const float inner = avail - 2 * em;
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted("Lifetime compute: training + serving");
    ImGui::PopFont();
    const auto at_budget = scaling::optimal(law, s.flops);
    const std::string loss_hint = at_budget.ok() ? format_fixed(at_budget.value.loss, 4) + " (budget's optimum)" : "e.g. 2.0";
    const float field = (inner - ImGui::GetStyle().ItemSpacing.x) / 2;
    app::LifetimeInputs& li = s.lifetime;
    const auto fields = [&] {
        controls::number_field(li.loss, field, loss_hint.c_str());
        ImGui::SameLine();
        controls::number_field(li.inference_tokens, field, "e.g. 1e10 requests x 1,250 = 1.25e13");
    };
    // Phones: the two models and the verdict before the fields, so the answer is on the first
    // screen under the shared budget and law; the fields are read, not drawn, to compute it.
    const bool narrow = inner < em * 30;
    if (!narrow) fields();

    std::string error;
    double loss = at_budget.ok() ? at_budget.value.loss : 0;
    if (li.loss.given()) {
        const auto r = li.loss.number();
        const auto sane = scaling::sensible_loss(r.value, "loss");  // as `scaling lifetime --loss`
        if (r.ok() && sane.ok()) loss = r.value;
        else error = std::string(li.loss.in->label) + ": " + (r.ok() ? sane.error : r.error);
    }
    double d_inf = 0;
    if (error.empty()) {
        const auto r = li.inference_tokens.number();
        if (r.ok()) d_inf = r.value;
        else error = std::string(li.inference_tokens.in->label) + ": " + r.error;
    }
    scaling::Result<scaling::LifetimeResult> res = scaling::Result<scaling::LifetimeResult>::fail(error);
    static Memo<scaling::Result<scaling::LifetimeResult>> memo_main;
    if (error.empty())
        res = memo(memo_main, law_key(s, law) + format_shortest(loss) + format_shortest(d_inf),
                   [&] { return scaling::lifetime_optimum(law, loss, d_inf); });
    if (!res.ok()) {
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        widgets::text_wrapped("%s", (res.field.empty() ? res.error : res.field + ": " + res.error).c_str());
        ImGui::PopStyleColor();
        ui_probe::record_text("lifetime_error", res.error);
        if (narrow) fields();
        widgets::card_end();
        return;
    }
    const scaling::LifetimeResult& r = res.value;
    const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp |
                               ImGuiTableFlags_PadOuterX;
    // The two models side by side: one row each, or on a phone one column each (six columns of
    // numbers do not fit 390 px).
    const char* kQuantities[6] = {"Model at equal loss", "Params", "Train tokens", "Train FLOP", "Inference FLOP",
                                  "Lifetime FLOP"};
    const struct { const char* name; const scaling::LifetimeModel* m; } rows[] = {
        {"Lifetime-optimal", &r.best}, {"Chinchilla-optimal (training only)", &r.chinchilla}};
    auto cells = [](const char* name, const scaling::LifetimeModel& m) {
        return std::vector<std::string>{name, format_count(m.params), format_count(m.tokens), format_scientific(m.train_flops),
                                        format_scientific(m.infer_flops), format_scientific(m.total_flops)};
    };
    ImGui::BeginGroup();
    if (narrow) {
        // The quantities' names wrap in what the values leave; the values never wrap.
        if (ImGui::BeginTable("lifetime", 3, tf, ImVec2(inner, 0))) {
            ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn("Lifetime", ImGuiTableColumnFlags_WidthFixed, 0.0f);
            ImGui::TableSetupColumn("Chinchilla", ImGuiTableColumnFlags_WidthFixed, 0.0f);
            ImGui::TableHeadersRow();
            const std::vector<std::string> a = cells("Lifetime", r.best), b = cells("Chinchilla", r.chinchilla);
            for (size_t q = 1; q < 6; ++q) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushTextWrapPos(0.0f);  // at the column's edge, not the card's
                widgets::text_wrapped("%s", kQuantities[q]);
                ImGui::PopTextWrapPos();
                number_cell("lifetime", a[q]);
                number_cell("lifetime", b[q]);
            }
            ImGui::EndTable();
        }
    } else if (ImGui::BeginTable("lifetime", 6, tf, ImVec2(inner, 0))) {
        for (const char* h : kQuantities) ImGui::TableSetupColumn(h);
        ImGui::TableHeadersRow();
        for (const auto& row : rows) {
            ImGui::TableNextRow();
            const std::vector<std::string> t = cells(row.name, *row.m);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(t[0].c_str());
            for (size_t q = 1; q < t.size(); ++q) number_cell("lifetime", t[q]);
        }
        ImGui::EndTable();
    }
    const std::string verdict = "Lifetime-optimal: " + format_percent(r.params_ratio) + " of the parameters, " +
                                format_percent(r.tokens_ratio) + " of the training tokens, and " + format_percent(r.lifetime_saving) +
                                " less lifetime compute than the Chinchilla-optimal model of the same loss.";
    widgets::text_wrapped("%s", verdict.c_str());
    ImGui::EndGroup();
    ui_probe::record_last_item("lifetime_answer");
    views::caveats(scaling::caveats_of(law, r), "lifetime_caveats");
    ui_probe::record_text("lifetime_saving", format_percent(r.lifetime_saving));
    ui_probe::record_text("lifetime_params", format_count(r.best.params));
    if (r.best.params < r.chinchilla.params) {
        static Memo<scaling::Result<scaling::BreakEven>> memo_be;
        const auto& be = memo(memo_be, law_key(s, law) + format_shortest(loss) + format_shortest(r.best.params),
                              [&] { return scaling::break_even(law, loss, r.best.params); });
        if (be.ok())
            widgets::dim_text_wrapped(("Break-even: its extra training (" + format_scientific(be.value.extra_train_flops) +
                                       " FLOP) is repaid after " + format_count(be.value.tokens) + " inference tokens (" +
                                       format_count(be.value.tokens / 1250) + " requests of 1,250 tokens).").c_str());
    }

    if (narrow) fields();

    // Lifetime compute against model size at a few demand levels, each optimum marked.
    const double n_lo = r.best.params / 6, n_hi = r.chinchilla.params * 6;
    const float h = figure_height(inner, 0.45f, 8);
    const double levels[] = {0, d_inf / 10, d_inf, d_inf * 10};
    struct Curves {
        std::vector<double> n[4], total[4];
        scaling::Result<scaling::LifetimeResult> optimum[4];
        double lowest = INFINITY;
    };
    static Memo<Curves> memo_curves;
    const Curves& cv = memo(memo_curves, law_key(s, law) + format_shortest(loss) + format_shortest(d_inf), [&] {
        Curves c;
        for (int i = 0; i < 4; ++i) {
            curve(law, loss, n_lo, n_hi, levels[i], &c.n[i], &c.total[i]);
            for (double t : c.total[i]) c.lowest = std::min(c.lowest, t);
            c.optimum[i] = scaling::lifetime_optimum(law, loss, levels[i]);
        }
        return c;
    });
    const double lowest = cv.lowest;
    if (plot::BeginPlot("Lifetime compute vs model size at equal loss", ImVec2(inner, h))) {
        plot::SetupAxis(plot::X, "Parameters N", scaling::AxisScale::Log10, scaling::AxisFormat::Count);
        plot::SetupAxis(plot::Y, "Training + inference FLOP", scaling::AxisScale::Log10, scaling::AxisFormat::Flop);
        // The valley matters, not the wall near the smallest feasible size: show up to 20x the minimum.
        if (std::isfinite(lowest)) plot::SetupAxisLimits(plot::Y, lowest * 0.7, lowest * 20);
        plot::SetupLegendNorthEast();
        for (int i = 0; i < 4; ++i) {
            if (i > 0 && !(levels[i] > 0)) continue;
            const std::vector<double>& n = cv.n[i];
            const std::vector<double>& total = cv.total[i];
            plot::Style st;
            st.color = plot::PaletteColor(i);
            st.weight = i == 2 ? 3.0f : 1.8f;
            const std::string name = i == 0 ? "Training only" : format_count(levels[i]) + " inference tokens";
            plot::PlotLine(name.c_str(), n.data(), total.data(), static_cast<int>(n.size()), st);
            const auto& o = cv.optimum[i];
            if (o.ok()) {
                st.marker_size = em * 0.35f;
                const std::vector<std::string> label = {"optimum " + format_count(o.value.best.params)};
                plot::PlotScatter(name.c_str(), &o.value.best.params, &o.value.best.total_flops, 1, st, &label);
            }
        }
        plot::EndPlot();
    }
    ImGui::PushFont(f.small);
    widgets::dim_text_wrapped("Sardana et al. 2024 (arXiv 2401.00448): minimise 6·N·D_train + 2·N·D_inf subject to "
                              "L(N, D_train) = target. Training costs 6 FLOP per parameter per token, serving 2. "
                              "Below, the same in dollars with prefill and decode priced apart.");
    ImGui::PopFont();
    widgets::card_end();

    ImGui::Dummy(ImVec2(0, em * 0.25f));
    dollar_card(s, f, law, loss, avail);

    // Over-training explorer.
    ImGui::Dummy(ImVec2(0, em * 0.25f));
    widgets::card_begin(avail);
    ImGui::PushFont(f.bold);
    ImGui::TextUnformatted("Over-training explorer");
    ImGui::PopFont();
    const float third = (inner - ImGui::GetStyle().ItemSpacing.x * 2) / 3;
    controls::number_field(li.over_params, third);
    ImGui::SameLine();
    controls::number_field(li.over_tokens, third);
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextUnformatted(" ");
    // The descriptors start at this model (Touvron et al. 2023, Llama 2: 7B on 2T tokens).
    if (widgets::button("Llama 2 7B on 2T tokens")) {
        li.over_params.text = li.over_params.in->initial;
        li.over_tokens.text = li.over_tokens.in->initial;
    }
    ImGui::EndGroup();
    const auto n = li.over_params.number();
    const auto d = li.over_tokens.number();
    static Memo<scaling::Result<scaling::Overtraining>> memo_over;
    const auto o = n.ok() && d.ok()
                       ? memo(memo_over, law_key(s, law) + format_shortest(n.value) + format_shortest(d.value),
                              [&] { return scaling::overtraining(law, n.value, d.value); })
                       : scaling::Result<scaling::Overtraining>::fail(
                             n.ok() ? std::string(li.over_tokens.in->label) + ": " + d.error
                                    : std::string(li.over_params.in->label) + ": " + n.error);
    if (!o.ok()) {
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        widgets::text_wrapped("%s", o.error.c_str());
        ImGui::PopStyleColor();
    } else {
        const scaling::Overtraining& v = o.value;
        const std::string text =
            "Loss " + format_fixed(v.loss, 4) + " for " + format_scientific(v.train_flops) + " training FLOP. The "
            "Chinchilla-optimal model of the same loss has " + format_count(v.chin_params) + " params on " +
            format_count(v.chin_tokens) + " tokens (" + format_scientific(v.chin_train_flops) + " FLOP): this model costs " +
            format_percent(v.extra_train) + " more to train and " + format_percent(v.inference_saving) + " less per token served.";
        widgets::text_wrapped("%s", text.c_str());
        ui_probe::record_text("overtrain_extra", format_percent(v.extra_train));
        ui_probe::record_text("overtrain_saving", format_percent(v.inference_saving));
        if (v.inference_saving > 0) {
            static Memo<scaling::Result<scaling::BreakEven>> memo_over_be;
            const auto& be = memo(memo_over_be, law_key(s, law) + format_shortest(v.loss) + format_shortest(n.value),
                                  [&] { return scaling::break_even(law, v.loss, n.value); });
            if (be.ok())
                widgets::dim_text_wrapped(("It pays back its extra training after " + format_count(be.value.tokens) +
                                           " inference tokens.").c_str());
        }
    }
    widgets::card_end();
}

}  // namespace views
