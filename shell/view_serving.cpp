// view_serving.cpp: the Serving view: one model served on one accelerator type as a roofline
// (core/serving.hpp): decode and batched throughput, prefill and time to first token, the batch
// the KV cache allows, GPUs per replica, $ per million tokens; why a 7B model answers faster than a
// 70B one; two figures against the batch; and, last, a mixture of experts counted from its parts
// (core/moe.hpp), whose total and active parameters can be served above.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/gallery.hpp"
#include "core/model_shapes.hpp"
#include "core/moe.hpp"
#include "core/quantity.hpp"
#include "core/serving.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {
namespace {

using scaling::format_count;
using scaling::format_fixed;
using scaling::format_significant;

std::string sig(double v) { return format_significant(v, 3); }
// Tokens per second as counts are written ("1.18K", "73.5"), never in exponent notation.
// Gigabytes: three significant digits, whole above 100 ("1342 GB", not "1.34e+03 GB").
std::string gb(double v) { return (v >= 100 ? format_fixed(v, 0) : sig(v)) + " GB"; }
std::string speed(double tokens_per_second) { return format_count(tokens_per_second) + " tok/s"; }

// A precision field's dtype: its choices are dtype names.
scaling::Dtype dtype_of(const app::Field& f) {
    const std::vector<std::string> ids = f.in->choices();
    return scaling::dtype_from_text(ids[static_cast<size_t>(f.index())]).value;
}

// The model combo's names: the gallery's (the same id), in the presets' order.
const std::vector<std::string>& model_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (const scaling::ModelShape& s : scaling::model_shapes()) {
            const scaling::Model* m = nullptr;
            for (const scaling::Model& g : scaling::all_models())
                if (g.id == s.id) m = &g;
            v.push_back(m ? m->name : s.id);
        }
        return v;
    }();
    return names;
}

// The model's fields from its preset: what is typed afterwards overrides it.
void apply_model(app::ServingInputs& v, const std::string& id) {
    const scaling::Result<scaling::ServeInputs> m = scaling::with_model(scaling::ServeInputs{}, id);
    if (!m.ok()) return;
    const scaling::ServeInputs& in = m.value;
    v.params.text = scaling::format_typed(in.params);
    v.active_params.text = in.active_params > 0 ? scaling::format_typed(in.active_params) : "";
    const std::pair<app::Field*, double> dims[] = {{&v.layers, in.layers},     {&v.heads, in.heads},
                                                   {&v.kv_heads, in.kv_heads}, {&v.head_dim, in.head_dim},
                                                   {&v.latent_dim, in.latent_dim}};
    for (const auto& [field, value] : dims) field->text = scaling::format_typed(value);
}

// The number fields, in the order read_inputs reads them.
constexpr int kShapeFields = 7, kWorkFields = 8;
void number_fields(app::ServingInputs& v, app::Field** shape, app::Field** work) {
    app::Field* s[kShapeFields] = {&v.params, &v.active_params, &v.layers, &v.heads, &v.kv_heads, &v.head_dim, &v.latent_dim};
    app::Field* w[kWorkFields] = {&v.input_tokens, &v.output_tokens, &v.batch, &v.tp,
                                  &v.prefill_mfu, &v.bandwidth_fraction, &v.usable, &v.price};
    std::copy(s, s + kShapeFields, shape);
    std::copy(w, w + kWorkFields, work);
}

// The fields as the core's inputs; false when one is refused (its field says why).
bool read_inputs(app::ServingInputs& v, scaling::ServeInputs* in) {
    app::Field* shape[kShapeFields];
    app::Field* work[kWorkFields];
    number_fields(v, shape, work);
    double a[kShapeFields], b[kWorkFields];
    const bool ok = read_fields(shape, kShapeFields, a) & read_fields(work, kWorkFields, b);
    if (!ok) return false;
    in->gpu = &scaling::all_gpus()[static_cast<size_t>(v.gpu.index())];
    in->weights = dtype_of(v.dtype);
    in->kv = dtype_of(v.kv_dtype);
    in->params = a[0], in->active_params = a[1], in->layers = a[2], in->heads = a[3], in->kv_heads = a[4];
    in->head_dim = a[5], in->latent_dim = a[6];
    in->prompt_tokens = b[0], in->output_tokens = b[1], in->batch = b[2], in->tp = b[3];
    in->prefill_mfu = b[4], in->bandwidth_fraction = b[5], in->usable_fraction = b[6], in->price_per_hour = b[7];
    return true;
}

void inputs_card(app::State& s, const app::Fonts& f, float width, bool narrow) {
    app::ServingInputs& v = s.serving;
    const float em = ImGui::GetFontSize();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    widgets::card_begin(width);
    widgets::heading(f.bold, "Model, accelerator and precision");
    const int per_row = narrow ? 2 : 4;
    const float combo_w = (width - 2 * em - spacing * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    app::Field* combos[4] = {&v.model, &v.gpu, &v.dtype, &v.kv_dtype};
    const char* ids[4] = {"##serve_model", "##serve_gpu", "##serve_dtype", "##serve_kv"};
    const std::vector<std::string>* shown[4] = {&model_names(), &controls::gpu_names(), nullptr, nullptr};
    // Each combo under its label as a group, a row's groups placed at one height (SameLine would
    // lower them to the first one's text baseline).
    ImVec2 row;
    for (int i = 0; i < 4; ++i) {
        if (i % per_row) ImGui::SetCursorPos(ImVec2(row.x + static_cast<float>(i % per_row) * (combo_w + spacing), row.y));
        else row = ImGui::GetCursorPos();
        const bool changed = controls::labelled_choice(*combos[i], ids[i], combo_w, shown[i]);
        if (i == 0 && changed) apply_model(v, v.model.text);
    }
    app::Field* shape[kShapeFields];
    app::Field* work[kWorkFields];
    number_fields(v, shape, work);
    double ignored[kWorkFields];
    ImGui::Spacing();
    controls::number_rows(shape, kShapeFields, narrow ? 2 : 4, ignored);
    ImGui::Spacing();
    controls::number_rows(work, kWorkFields, narrow ? 2 : 4, ignored);
    widgets::card_end();
}

// The label of the field a core error names ("tp" -> "GPUs per replica (TP)").
template <class Inputs>
std::string label_of(Inputs& v, const std::string& key) {
    std::string label = key;
    v.each([&](app::Field& f) {
        if (key == f.in->key) label = f.in->label;
    });
    return label;
}

void answer_card(const app::Fonts& f, float width, bool narrow, const scaling::ServeInputs& in,
                 const scaling::ServeResult& r) {
    widgets::card_begin(width);
    widgets::heading(f.bold, "Serving speed and cost");
    const std::string values[6] = {speed(r.decode_tokens_per_second), speed(r.throughput_tokens_per_second),
                                   sig(r.ttft_seconds) + " s", "$" + sig(r.dollars_per_million_tokens),
                                   format_fixed(r.tp, 0), format_count(std::max(r.max_batch, 0.0))};
    const char* captions[6] = {"Decode, per sequence", "Throughput per replica", "Time to first token",
                               "$ per million output tokens", "GPUs per replica", "Largest batch (KV cache)"};
    const char* names[6] = {"serve_decode", "serve_throughput", "serve_ttft", "serve_cost", "serve_tp", "serve_max_batch"};
    ImGui::BeginGroup();
    widgets::stat_row(captions, values, names, 6, narrow ? 2 : 3, width - 2 * ImGui::GetFontSize(), f.small, f.big);
    ImGui::EndGroup();
    ui_probe::record_last_item("serve_answer");
    // How the cache divides: by KV heads up to their number (then replicated); MLA's not at all.
    const std::string kv_note =
        in.latent_dim > 0      ? "; MLA's latent cache is not divided: every card holds all of it"
        : r.kv_split < r.tp    ? "; the cache over " + format_fixed(r.kv_split, 0) + " of them, one per KV head, "
                                 "replicated beyond"
                               : "";
    widgets::text_wrapped("Each of the %s %s holds %s of weights and %s of KV cache (%s of its %s usable): memory is "
                          "per card, never pooled. Tensor parallelism splits the weights and the KV cache across the "
                          "cards%s. GPUs per replica are chosen as serving engines choose them: powers of two up to "
                          "a node of 8.",
                          format_fixed(r.tp, 0).c_str(), in.gpu->name.c_str(), gb(r.weights_gb_per_gpu).c_str(),
                          gb(r.kv_gb_per_gpu).c_str(), gb(r.memory_gb_per_gpu).c_str(), gb(r.usable_gb_per_gpu).c_str(),
                          kv_note.c_str());
    widgets::text_wrapped("Decode is %s at batch %s: a step reads %s (active weights and the batch's cache) in %s ms "
                          "and computes %s FLOP per token in %s ms.",
                          r.memory_bound ? "memory-bound" : "compute-bound", format_count(in.batch).c_str(),
                          gb(r.bytes_per_step / 1e9).c_str(), sig(r.memory_seconds * 1e3).c_str(),
                          scaling::format_scientific(r.flops_per_token).c_str(), sig(r.compute_seconds * 1e3).c_str());
    const std::string asof = r.prices_as_of == "your price" ? "your price" : "prices as of " + r.prices_as_of;
    widgets::text_wrapped("Prefill: %s per replica. A request of %s + %s tokens takes %s s and costs $%s (%s, "
                          "$%s per GPU-hour).",
                          speed(r.prefill_tokens_per_second).c_str(), format_count(in.prompt_tokens).c_str(),
                          format_count(in.output_tokens).c_str(), sig(r.request_seconds).c_str(),
                          sig(r.dollars_per_request).c_str(), asof.c_str(), format_fixed(r.price_per_hour, 2).c_str());
    ui_probe::record_text("serve_prices_as_of", asof);
    std::string all;
    for (const std::string& w : r.warnings) {
        widgets::warning_text(w.c_str());
        all += w + "\n";
    }
    ui_probe::record_text("serve_warnings", all);
    widgets::card_end();
}

void size_card(const app::Fonts& f, float width, const scaling::ServeInputs& in) {
    const scaling::Result<scaling::SizeComparison> c = scaling::compare_7b_70b(in);
    widgets::card_begin(width);
    widgets::heading(f.bold, "Why a 7B model answers faster than a 70B one");
    const std::string text = c.ok() ? c.value.sentence : "Not computed here: " + c.error;
    widgets::text_wrapped("%s", text.c_str());
    ui_probe::record_text("serve_7b_70b", text);
    widgets::card_end();
}

// Throughput and per-sequence speed against the batch, at the replica's GPUs, with the roofline's
// two lines and the KV limit.
void figures(float avail, bool narrow, const scaling::ServeInputs& in, const scaling::ServeResult& r) {
    scaling::ServeInputs at = in;
    at.tp = r.tp;
    const double top = std::max({1024.0, 4 * r.max_batch, 2 * in.batch});
    std::vector<double> b, achieved, memory_line, compute_line, per_seq;
    for (int i = 0; i <= 80; ++i) {
        at.batch = std::round(std::pow(top, i / 80.0));
        if (!b.empty() && at.batch == b.back()) continue;
        const scaling::Result<scaling::ServeResult> p = scaling::serve(at);
        if (!p.ok()) continue;
        b.push_back(at.batch);
        achieved.push_back(p.value.throughput_tokens_per_second);
        memory_line.push_back(at.batch / p.value.memory_seconds);
        compute_line.push_back(at.batch / p.value.compute_seconds);
        per_seq.push_back(p.value.decode_tokens_per_second);
    }
    const int n = static_cast<int>(b.size());
    const float w = narrow ? avail : (avail - ImGui::GetStyle().ItemSpacing.x) / 2;
    const float h = views::figure_height(w, narrow ? 0.75f : 0.62f, 4);
    const plot::Style kv_limit{IM_COL32(90, 90, 100, 255), 1.5f, true};
    if (plot::BeginPlot("Throughput against batch##serve_roofline", ImVec2(w, h))) {
        plot::SetupAxis(plot::X, "Batch (sequences)", scaling::AxisScale::Log10, scaling::AxisFormat::Count);
        plot::SetupAxis(plot::Y, "Tokens/s per replica", scaling::AxisScale::Log10, scaling::AxisFormat::Count);
        plot::PlotLine("Roofline: min of the two", b.data(), achieved.data(), n, plot::Style{plot::PaletteColor(0), 3.0f});
        plot::PlotLine("Memory-bound (bandwidth)", b.data(), memory_line.data(), n,
                       plot::Style{plot::PaletteColor(1), 1.5f, true});
        plot::PlotLine("Compute-bound (peak x MFU)", b.data(), compute_line.data(), n,
                       plot::Style{plot::PaletteColor(2), 1.5f, true});
        if (r.max_batch >= 1) plot::PlotRefLine("KV-cache limit", plot::X, r.max_batch, kv_limit);
        plot::PlotRefLine("Your batch", plot::X, in.batch, plot::Style{plot::PaletteColor(3), 1.5f, true});
        plot::EndPlot();
    }
    if (!narrow) ImGui::SameLine();
    if (plot::BeginPlot("Speed per sequence against batch##serve_per_sequence", ImVec2(w, h))) {
        plot::SetupAxis(plot::X, "Batch (sequences)", scaling::AxisScale::Log10, scaling::AxisFormat::Count);
        plot::SetupAxis(plot::Y, "Tokens/s per sequence", scaling::AxisScale::Log10, scaling::AxisFormat::Plain);
        plot::PlotLine("Per sequence (1 / step time)", b.data(), per_seq.data(), n, plot::Style{plot::PaletteColor(0), 3.0f});
        if (r.max_batch >= 1) plot::PlotRefLine("KV-cache limit", plot::X, r.max_batch, kv_limit);
        plot::PlotRefLine("Your batch", plot::X, in.batch, plot::Style{plot::PaletteColor(3), 1.5f, true});
        plot::EndPlot();
    }
}

void moe_card(app::State& s, const app::Fonts& f, float width, bool narrow) {
    app::MoeInputs& m = s.moe;
    widgets::card_begin(width);
    widgets::heading(f.bold, "Mixture of experts: total and active parameters");
    app::Field* in[5] = {&m.experts, &m.experts_per_token, &m.shared_experts, &m.expert_params, &m.always_on_params};
    double x[5] = {};
    const bool ok = controls::number_rows(in, 5, narrow ? 2 : 5, x);
    controls::labelled_choice(m.dtype, "##moe_dtype", ImGui::GetFontSize() * 8);
    scaling::MoeShape shape;
    shape.experts = x[0], shape.experts_per_token = x[1], shape.shared_experts = x[2];
    shape.expert_params = x[3], shape.always_on_params = x[4];
    shape.weights = dtype_of(m.dtype);
    const scaling::Result<scaling::MoeCounts> c = scaling::count_moe(shape);
    if (!ok) {
        // The refused field says why, under its row.
    } else if (c.ok()) {
        const scaling::MoeCounts& v = c.value;
        const std::string values[5] = {format_count(v.total_params), format_count(v.active_params),
                                       scaling::format_scientific(v.inference_flops_per_token),
                                       scaling::format_scientific(v.training_flops_per_token), gb(v.weights_gb)};
        const char* captions[5] = {"Total parameters", "Active per token", "FLOP per token, inference (2N)",
                                   "FLOP per token, training (6N)", "Weights in memory"};
        const char* names[5] = {"moe_total", "moe_active", "moe_infer_flops", "moe_train_flops", "moe_memory"};
        ImGui::BeginGroup();
        widgets::stat_row(captions, values, names, 5, narrow ? 2 : 5, width - 2 * ImGui::GetFontSize(), f.small, f.big);
        ImGui::EndGroup();
        widgets::text_wrapped("%s: %s of the parameters work on each token, and all of them sit in memory.",
                              v.sentence.c_str(), scaling::format_percent(v.active_fraction).c_str());
        ui_probe::record_text("moe_sentence", v.sentence);
        widgets::text_wrapped("Dense-equivalent compute at 1:%s expert sparsity: about %sx (the gallery's and the "
                              "Scenarios view's multiplier, an estimate in circulation that no paper fits).",
                              format_fixed(v.sparsity, v.sparsity == std::floor(v.sparsity) ? 0 : 1).c_str(),
                              format_fixed(v.dense_equivalent_multiplier, 1).c_str());
        if (widgets::button("Serve this model")) {
            s.serving.params.text = scaling::format_typed(v.total_params);
            s.serving.active_params.text = scaling::format_typed(v.active_params);
        }
        ui_probe::record_last_item("moe_serve");
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
        const std::string e = label_of(m, c.field) + ": " + c.error;
        widgets::text_wrapped("%s", e.c_str());
        ImGui::PopStyleColor();
        ui_probe::record_text("moe_error", e);
    }
    widgets::note(f.small, "Total = always-on + (routed + shared experts) x parameters per expert; active = always-on "
                           "+ (routed per token + shared) x parameters per expert. Defaults: DeepSeek-V3 (arXiv "
                           "2412.19437): 256 routed experts, 8 per token, 1 shared, 2.554B per expert over 58 MoE "
                           "layers, 14.56B always on, giving 671B total and 37.5B active (the paper: 37B). Active "
                           "parameters set FLOP and bytes read per token; total parameters set memory.");
    widgets::card_end();
}

}  // namespace

void serving(app::State& s, const app::Fonts& f) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < ImGui::GetFontSize() * 40;
    app::ServingInputs& v = s.serving;

    scaling::ServeInputs in;
    bool read = false;  // every field valid; then r is the core's answer or its refusal
    scaling::Result<scaling::ServeResult> r;
    const auto compute = [&] {
        read = read_inputs(v, &in);
        if (read) r = scaling::serve(in);
    };
    const auto answer = [&] {
        if (!read) {
            // The refused field says why, under its row.
        } else if (r.ok()) {
            answer_card(f, avail, narrow, in, r.value);
        } else {
            widgets::card_begin(avail);
            ImGui::PushStyleColor(ImGuiCol_Text, widgets::col_error());
            widgets::text_wrapped("%s: %s", label_of(v, r.field).c_str(), r.error.c_str());
            ImGui::PopStyleColor();
            ui_probe::record_text("serve_error", r.field + ": " + r.error);  // the key, as the CLI names it
            widgets::card_end();
        }
        ImGui::Spacing();
    };
    // On a phone the answer comes first; the inputs follow it.
    if (narrow) {
        compute();
        answer();
        inputs_card(s, f, avail, narrow);
    } else {
        inputs_card(s, f, avail, narrow);
        compute();
        ImGui::Spacing();
        answer();
    }
    if (read && r.ok()) {
        ImGui::Spacing();
        size_card(f, avail, in);
        ImGui::Spacing();
        figures(avail, narrow, in, r.value);
    }
    ImGui::Spacing();
    widgets::note(f.small, "Roofline (Williams et al. 2009) as LLM-Viewer applies it (Yuan et al. 2024, arXiv "
                           "2402.16363): a decode step takes the longer of reading the active weights and the batch's "
                           "KV cache at bandwidth x the achieved fraction, and computing 2 x active + 2 x layers x "
                           "context x heads x head dim FLOP per token (Kaplan et al. 2020, Table 1) at peak x MFU. "
                           "KV cache per token: 2 x layers x KV heads x head dim (GQA, arXiv 2305.13245) or layers x "
                           "latent dim (MLA, arXiv 2405.04434). The achieved bandwidth (0.8) and MFU (0.5) are "
                           "assumptions to edit; communication between GPUs is not modelled.");
    ImGui::Spacing();
    moe_card(s, f, avail, narrow);
}

}  // namespace views
