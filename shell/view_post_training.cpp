// view_post_training.cpp: the Post-training view (RL and distillation, issue 19). The RL card: the
// FLOP of RL with sampled groups (GRPO: rollouts, policy updates, the reference model's forward),
// GPU-hours, dollars and the share of pretraining, a figure of the FLOP against the group size and the
// rankings in circulation beside them. The Distillation card: a teacher's generated data and a
// student's fine-tuning, with Busbridge et al. 2025's findings. Everything shown comes from
// `scaling rl` and `scaling distill` (core/requests_post_training.cpp), read from the same fields.
#include <cmath>
#include <string>
#include <vector>

#include "controls.hpp"
#include "core/axis.hpp"
#include "core/distillation.hpp"
#include "core/quantity.hpp"
#include "core/requests.hpp"
#include "core/rl.hpp"
#include "core/series.hpp"
#include "imgui.h"
#include "plot.hpp"
#include "ui_probe.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace views {
namespace {

using scaling::format_count;
using scaling::format_dollars;
using scaling::format_scientific;

// A share of pretraining to two significant figures: RL runs are often far below 0.01% of it.
std::string share_text(double share) { return scaling::format_significant(share * 100, 2) + "%"; }

// One card's fields as the CLI's arguments (empty fields left out): the request code reads them, so
// the view refuses what the CLI refuses.
template <class Each>
scaling::Args args_of(Each each) {
    scaling::Args args;
    each([&](const app::Field& f) {
        if (f.given()) args[f.in->key] = f.text;
    });
    return args;
}

void claims(const app::Fonts& f, const std::vector<scaling::SourcedClaim>& list, const char* probe) {
    int row = 0;
    for (const scaling::SourcedClaim& c : list) {
        widgets::text_wrapped("%s: %s", c.lever, c.text);
        ImGui::PushFont(f.small);
        widgets::dim_text_wrapped(c.source);
        ImGui::PopFont();
        ui_probe::record_text((std::string(probe) + std::to_string(row++)).c_str(), c.source);
    }
}

// The inputs of a card: its accelerator (and a second choice, when it has one) side by side, then
// the numbers; each choice is recorded for tests under its id without the "##".
void inputs_card(const app::Fonts& f, const char* title, app::Field& gpu, const char* gpu_id, app::Field* second,
                 const char* second_id, app::Field* const* numbers, int count, float avail, bool narrow) {
    widgets::card_begin(avail);
    widgets::heading(f.bold, title);
    const float inner = avail - 2 * ImGui::GetFontSize();
    const float w = second ? (inner - ImGui::GetStyle().ItemSpacing.x) / 2 : inner;
    controls::labelled_choice(gpu, gpu_id, w, &controls::gpu_names());
    ui_probe::record_last_item(gpu_id + 2);
    if (second) {
        ImGui::SameLine();
        controls::labelled_choice(*second, second_id, w);
        ui_probe::record_last_item(second_id + 2);
    }
    double unused[12] = {};  // the requests read the fields themselves
    controls::number_rows(numbers, count, narrow ? 2 : 4, unused);
    widgets::card_end();
}

// On a phone the answer comes first (when the inputs read) and the inputs after it; on a wide
// screen the other way round.
template <class Read, class Answer, class Inputs>
void in_order(bool narrow, Read read, Answer answer, Inputs inputs) {
    if (narrow) {
        const auto in = read();
        if (in.ok()) answer(in);
        ImGui::Spacing();
        inputs();
    } else {
        inputs();
        ImGui::Spacing();
        answer(read());
    }
}

// An answer card's end: its formulas and sources with the prices' date, then its warnings.
void answer_end(const app::Fonts& f, const std::string& sources, const scaling::Gpu& gpu, double price,
                const std::vector<std::string>& warnings) {
    widgets::note(f.small, (sources + " Prices as of " + (price > 0 ? std::string("your price") : gpu.price_date) + ".").c_str());
    for (const std::string& w : warnings) widgets::warning_text(w.c_str());
    widgets::card_end();
}

void claims_card(const app::Fonts& f, float avail, const char* title, const std::vector<scaling::SourcedClaim>& list,
                 const char* probe, const char* why) {
    widgets::card_begin(avail);
    widgets::heading(f.bold, title);
    claims(f, list, probe);
    widgets::note(f.small, why);
    widgets::card_end();
}

// [SECTION] RL

void rl_figure(const scaling::RlInputs& in, const scaling::RlResult& at, float width, bool narrow) {
    const float h = figure_height(width, narrow ? 0.8f : 0.45f, 3);
    if (!plot::BeginPlot("RL FLOP against group size##rl_fig", ImVec2(width, h))) return;
    plot::SetupAxis(plot::X, "Group size K (samples per prompt)", scaling::AxisScale::Log10, scaling::AxisFormat::Plain);
    plot::SetupAxis(plot::Y, "FLOP", scaling::AxisScale::Log10, scaling::AxisFormat::Flop);
    std::vector<double> ks = scaling::log_space(1, std::max(256.0, in.group_size * 2), 33);
    std::vector<double> phase[4];
    for (double k : ks) {
        scaling::RlInputs x = in;
        x.group_size = k;
        const scaling::Result<scaling::RlResult> r = scaling::rl_cost(x);
        const double v[4] = {r.ok() ? r.value.rollout.flops : NAN, r.ok() ? r.value.update.flops : NAN,
                             r.ok() && in.reference_model ? r.value.reference.flops : NAN,
                             r.ok() ? r.value.total_flops : NAN};
        for (int i = 0; i < 4; ++i) phase[i].push_back(v[i]);
    }
    const char* names[4] = {"Rollouts 2NKPT", "Update 6NKPT", "Reference 2NKPT", "Total"};
    for (int i = 0; i < 4; ++i) {
        if (i == 2 && !in.reference_model) continue;
        plot::PlotLine(names[i], ks.data(), phase[i].data(), static_cast<int>(ks.size()),
                       plot::Style{plot::PaletteColor(i), i == 3 ? 3.0f : 1.8f, i == 2});
    }
    plot::PlotRefLine(at.pretraining_default ? "Pretraining 6ND (D = 20N)" : "Pretraining 6ND", plot::Y,
                      at.pretraining_flops, plot::Style{plot::PaletteColor(5), 1.5f, true});
    const double px = in.group_size, py = at.total_flops;
    plot::PlotScatter("Your run", &px, &py, 1, plot::Style{plot::PaletteColor(3), 2.0f, false, plot::Marker::Circle, 6.0f});
    plot::EndPlot();
}

void rl_answer(const app::Fonts& f, const scaling::Result<scaling::RlInputs>& in, float avail, bool narrow) {
    widgets::card_begin(avail);
    const scaling::Result<scaling::RlResult> r = in.ok() ? scaling::rl_cost(in.value) : scaling::Result<scaling::RlResult>::fail(in.error, in.field);
    if (!r.ok()) {
        widgets::warning_text((r.field + ": " + r.error).c_str());
        widgets::card_end();
        return;
    }
    const scaling::RlResult& x = r.value;
    const scaling::RlInputs& i = in.value;
    const std::string values[5] = {format_scientific(x.rollout.flops, 3), format_scientific(x.total_flops, 3),
                                   format_count(x.total_gpu_hours), format_dollars(x.total_dollars),
                                   share_text(x.pretraining_share)};
    const char* captions[5] = {"Rollout FLOP", "Total FLOP", "GPU-hours", "Dollars", "Of pretraining"};
    const char* names[5] = {"rl_rollout_flops", "rl_total_flops", "rl_gpu_hours", "rl_dollars", "rl_share"};
    ImGui::BeginGroup();
    widgets::stat_row(captions, values, names, 5, narrow ? 2 : 5, avail - 2 * ImGui::GetFontSize(), f.small, f.big);
    ImGui::EndGroup();
    ui_probe::record_last_item("rl_answer");
    widgets::text_wrapped("%s samples (%s prompts x %s x %s epoch%s) of %s tokens: %s sampled tokens. Rollouts %s FLOP, "
                          "the policy update %s, the reference model %s: %s FLOP, %s GPU-hours on %s, %s.",
                          format_count(x.samples).c_str(), format_count(i.prompts).c_str(),
                          format_count(i.group_size).c_str(), scaling::format_significant(i.epochs, 3).c_str(),
                          i.epochs == 1 ? "" : "s", format_count(i.tokens_per_sample).c_str(), format_count(x.sampled_tokens).c_str(),
                          format_scientific(x.rollout.flops, 3).c_str(), format_scientific(x.update.flops, 3).c_str(),
                          i.reference_model ? format_scientific(x.reference.flops, 3).c_str() : "none (no KL term)",
                          format_scientific(x.total_flops, 3).c_str(), format_count(x.total_gpu_hours).c_str(),
                          i.gpu->name.c_str(), format_dollars(x.total_dollars).c_str());
    widgets::text_wrapped("Pretraining: 6 x %s x %s tokens = %s FLOP%s; the RL run is %s of it.",
                          format_count(i.params).c_str(), format_count(x.pretraining_tokens).c_str(),
                          format_scientific(x.pretraining_flops, 3).c_str(),
                          x.pretraining_default ? " (tokens not given: 20 per parameter, Chinchilla-optimal)" : "",
                          share_text(x.pretraining_share).c_str());
    answer_end(f, "Rollouts 2NKPT (generation), update 6NKPT (forward and backward over the sampled tokens), "
                  "reference 2NKPT with a KL term, each x epochs; prompt tokens not counted. GRPO: Shao et al. 2024, "
                  "DeepSeekMath, arXiv 2402.03300, Sec. 4.1.",
               *i.gpu, i.price_per_hour, x.warnings);
}

void rl_card(app::State& s, const app::Fonts& f, float avail, bool narrow) {
    app::PostTrainingInputs& v = s.post_training;
    app::Field* numbers[] = {&v.params, &v.prompts, &v.group_size, &v.tokens_per_sample, &v.epochs,
                             &v.pretraining_tokens, &v.mfu, &v.rollout_mfu, &v.price};
    const auto read = [&] { return scaling::rl_inputs(args_of([&](auto g) { v.each_rl(g); })); };
    in_order(
        narrow, read, [&](const scaling::Result<scaling::RlInputs>& in) { rl_answer(f, in, avail, narrow); },
        [&] {
            inputs_card(f, "RL post-training with sampled groups (GRPO)", v.gpu, "##rl_gpu", &v.reference_model,
                        "##rl_reference", numbers, 9, avail, narrow);
        });
    // A published setting to start from: fills the four fields it states, leaves the rest as typed.
    if (widgets::small_button("DeepSeekMath-RL's setting")) {
        const scaling::RlSetting& d = scaling::kDeepSeekMathRl;
        v.params.text = scaling::format_shortest(d.params), v.prompts.text = scaling::format_shortest(d.prompts);
        v.group_size.text = scaling::format_shortest(d.group_size);
        v.tokens_per_sample.text = scaling::format_shortest(d.tokens_per_sample);
    }
    ui_probe::record_last_item("rl_deepseekmath");
    ImGui::SameLine();
    ImGui::PushFont(f.small);
    widgets::dim_text_wrapped("7B, ~144K questions, 64 samples each, at most 1024 tokens (arXiv 2402.03300, Sec. 4.2); "
                              "passes not stated");
    ImGui::PopFont();
    const scaling::Result<scaling::RlInputs> in = read();
    if (in.ok()) {
        const scaling::Result<scaling::RlResult> r = scaling::rl_cost(in.value);
        if (r.ok()) {
            ImGui::Spacing();
            rl_figure(in.value, r.value, avail, narrow);
        }
    }
    ImGui::Spacing();
    claims_card(f, avail, "The rankings in circulation beside the costs: claims, not computed here", scaling::rl_claims(),
                "rl_claim_",
                "RL scaling has no published law with constants this tool could compute: the costs above are FLOP "
                "accounting, the rankings are their sources' readings of published charts.");
}

// [SECTION] Distillation

void distill_answer(const app::Fonts& f, const scaling::Result<scaling::DistillInputs>& in, float avail, bool narrow) {
    widgets::card_begin(avail);
    const scaling::Result<scaling::DistillResult> r =
        in.ok() ? scaling::distill_cost(in.value) : scaling::Result<scaling::DistillResult>::fail(in.error, in.field);
    if (!r.ok()) {
        widgets::warning_text((r.field + ": " + r.error).c_str());
        widgets::card_end();
        return;
    }
    const scaling::DistillResult& x = r.value;
    const scaling::DistillInputs& i = in.value;
    const std::string values[5] = {format_count(x.tokens), format_scientific(x.generation.flops, 3),
                                   format_scientific(x.fine_tuning.flops, 3), format_count(x.total_gpu_hours),
                                   format_dollars(x.total_dollars)};
    const char* captions[5] = {"Tokens", "Teacher FLOP", "Student FLOP", "GPU-hours", "Dollars"};
    const char* names[5] = {"distill_tokens", "distill_generation_flops", "distill_student_flops", "distill_gpu_hours",
                            "distill_dollars"};
    ImGui::BeginGroup();
    widgets::stat_row(captions, values, names, 5, narrow ? 2 : 5, avail - 2 * ImGui::GetFontSize(), f.small, f.big);
    ImGui::EndGroup();
    ui_probe::record_last_item("distill_answer");
    widgets::text_wrapped("%s GB at %s bytes per token: %s tokens. The teacher writes them for 2 x %s x tokens = %s FLOP "
                          "(%s GPU-hours, %s); the student learns them for 6 x %s x tokens x %s epoch%s = %s FLOP (%s "
                          "GPU-hours, %s).",
                          scaling::format_significant(i.dataset_gb, 4).c_str(),
                          scaling::format_significant(i.bytes_per_token, 3).c_str(), format_count(x.tokens).c_str(),
                          format_count(i.teacher_params).c_str(), format_scientific(x.generation.flops, 3).c_str(),
                          format_count(x.generation.gpu_hours).c_str(), format_dollars(x.generation.dollars).c_str(),
                          format_count(i.student_params).c_str(), scaling::format_significant(i.epochs, 3).c_str(),
                          i.epochs == 1 ? "" : "s", format_scientific(x.fine_tuning.flops, 3).c_str(), format_count(x.fine_tuning.gpu_hours).c_str(),
                          format_dollars(x.fine_tuning.dollars).c_str());
    answer_end(f, "4 bytes per token is an assumption: ~4 characters of English per token is the rule of thumb in "
                  "circulation (no primary source found); DeepSeek's API docs give ~3.3.",
               *i.gpu, i.price_per_hour, x.warnings);
}

void distill_card(app::State& s, const app::Fonts& f, float avail, bool narrow) {
    app::PostTrainingInputs& v = s.post_training;
    app::Field* numbers[] = {&v.teacher_params, &v.student_params, &v.dataset_gb, &v.bytes_per_token,
                             &v.distill_epochs, &v.distill_mfu, &v.generation_mfu, &v.distill_price};
    const auto read = [&] { return scaling::distill_inputs(args_of([&](auto g) { v.each_distill(g); })); };
    in_order(
        narrow, read, [&](const scaling::Result<scaling::DistillInputs>& in) { distill_answer(f, in, avail, narrow); },
        [&] {
            inputs_card(f, "Distillation through a teacher's generated data", v.distill_gpu, "##distill_gpu", nullptr, "",
                        numbers, 8, avail, narrow);
        });
    ImGui::Spacing();
    claims_card(f, avail, "Distillation Scaling Laws (Busbridge et al. 2025): findings, not computed here",
                scaling::distillation_claims(), "distill_claim_",
                "Their law of the student's cross-entropy (Eq. 8) needs fitted constants this tool could not confirm "
                "from the paper, so it is not computed; the findings above are theirs.");
}

}  // namespace

void post_training(app::State& s, const app::Fonts& f) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < ImGui::GetFontSize() * 40;
    rl_card(s, f, avail, narrow);
    ImGui::Spacing();
    distill_card(s, f, avail, narrow);
}

}  // namespace views
