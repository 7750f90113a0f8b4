// requests_post_training.cpp: the rl and distill requests (text arguments -> JSON), shared by the CLI
// (`scaling rl`, `scaling distill`) and the JS API (`scaling.rl()`, `scaling.distill()`): RL post-training
// compute with sampled groups (core/rl.hpp) and distillation through a teacher's generated data
// (core/distillation.hpp), each in FLOP, GPU-hours and dollars with the sourced claims beside them.
#include "distillation.hpp"
#include "requests.hpp"
#include "rl.hpp"

namespace scaling {
namespace {

// The numbers of a request, read through their descriptors in order; the first refusal is returned.
Result<bool> read_numbers(const Args& args, std::initializer_list<std::pair<const Input*, double*>> nums) {
    for (const auto& [input, out] : nums) {
        const Result<double> v = number_arg(args, *input);
        if (!v.ok()) return Result<bool>::fail(v.error, v.field);
        *out = v.value;
    }
    return Result<bool>::of(true);
}

// The accelerator and its price: the catalogue's when no price is typed ("prices as of" its date).
Result<const Gpu*> gpu_and_price(const Args& args, const Input& gpu, const Input& price, double& per_hour) {
    using R = Result<const Gpu*>;
    if (!hardware_error().empty()) return R::fail(hardware_error(), gpu.key);
    const Result<std::string> id = choice_arg(args, gpu);
    if (!id.ok()) return R::fail(id.error, id.field);
    const Result<double> p = number_arg(args, price, 0.0);
    if (!p.ok()) return R::fail(p.error, p.field);
    per_hour = p.value;
    return gpu_from_id(id.value);
}

Json phase_json(const PhaseCost& c) {
    return {{"flops", c.flops}, {"mfu", c.mfu}, {"gpu_hours", c.gpu_hours}, {"dollars", c.dollars}};
}

Json sourced_claims_json(const std::vector<SourcedClaim>& claims) {
    Json out = Json::array();
    for (const SourcedClaim& c : claims) out.push_back({{"lever", c.lever}, {"claim", c.text}, {"source", c.source}});
    return out;
}

}  // namespace

Result<RlInputs> rl_inputs(const Args& args) {
    using R = Result<RlInputs>;
    using namespace inputs;
    RlInputs in;
    const Result<const Gpu*> g = gpu_and_price(args, kRlGpu, kRlPrice, in.price_per_hour);
    if (!g.ok()) return R::fail(g.error, g.field);
    in.gpu = g.value;
    const Result<std::string> ref = choice_arg(args, kReferenceModel);
    if (!ref.ok()) return R::fail(ref.error, ref.field);
    in.reference_model = ref.value == "yes";
    const Result<bool> ok = read_numbers(args, {{&kRlParams, &in.params}, {&kRlPrompts, &in.prompts},
                                                {&kGroupSize, &in.group_size}, {&kTokensPerSample, &in.tokens_per_sample},
                                                {&kRlEpochs, &in.epochs}, {&kPretrainingTokens, &in.pretraining_tokens},
                                                {&kRlMfu, &in.mfu}, {&kRolloutMfu, &in.rollout_mfu}});
    if (!ok.ok()) return R::fail(ok.error, ok.field);
    return R::of(in);
}

Result<Json> rl_request(const Args& args) {
    using R = Result<Json>;
    const Result<RlInputs> in = rl_inputs(args);
    if (!in.ok()) return R::fail(in.error, in.field);
    const Result<RlResult> r = rl_cost(in.value);
    if (!r.ok()) return R::fail(r.error, r.field);
    const RlResult& x = r.value;
    Json j;
    j["params"] = in.value.params;
    j["prompts"] = in.value.prompts;
    j["group_size"] = in.value.group_size;
    j["tokens_per_sample"] = in.value.tokens_per_sample;
    j["epochs"] = in.value.epochs;
    j["reference_model"] = in.value.reference_model;
    j["samples"] = x.samples;
    j["sampled_tokens"] = x.sampled_tokens;
    j["rollout_flops"] = x.rollout.flops;
    j["update_flops"] = x.update.flops;
    j["reference_flops"] = x.reference.flops;
    j["total_flops"] = x.total_flops;
    j["phases"] = {{"rollout", phase_json(x.rollout)}, {"update", phase_json(x.update)},
                   {"reference", phase_json(x.reference)}};
    j["gpu"] = in.value.gpu->id;
    j["price_per_hour"] = in.value.price_per_hour > 0 ? in.value.price_per_hour : in.value.gpu->price_per_hour;
    j["prices_as_of"] = in.value.price_per_hour > 0 ? "your price" : in.value.gpu->price_date;
    j["gpu_hours"] = x.total_gpu_hours;
    j["dollars"] = x.total_dollars;
    j["pretraining_tokens"] = x.pretraining_tokens;
    j["pretraining_tokens_source"] = x.pretraining_default
                                         ? "not given: 20 tokens per parameter, Chinchilla-optimal (Hoffmann et al. 2022)"
                                         : "given";
    j["pretraining_flops"] = x.pretraining_flops;
    j["pretraining_share"] = x.pretraining_share;
    j["accounting"] = "rollout 2NKPT x epochs (generation), update 6NKPT x epochs (forward and backward over the "
                      "sampled tokens), reference 2NKPT x epochs with a KL term; prompt tokens not counted";
    j["source"] = "GRPO: Shao et al. 2024, DeepSeekMath, arXiv 2402.03300, Sec. 4.1";
    j["claims"] = sourced_claims_json(rl_claims());
    j["warnings"] = x.warnings;
    return R::of(j);
}

Result<DistillInputs> distill_inputs(const Args& args) {
    using R = Result<DistillInputs>;
    using namespace inputs;
    DistillInputs in;
    const Result<const Gpu*> g = gpu_and_price(args, kDistillGpu, kDistillPrice, in.price_per_hour);
    if (!g.ok()) return R::fail(g.error, g.field);
    in.gpu = g.value;
    const Result<bool> ok = read_numbers(args, {{&kTeacherParams, &in.teacher_params},
                                                {&kStudentParams, &in.student_params}, {&kDatasetGb, &in.dataset_gb},
                                                {&kBytesPerToken, &in.bytes_per_token}, {&kDistillEpochs, &in.epochs},
                                                {&kDistillMfu, &in.mfu}, {&kGenerationMfu, &in.generation_mfu}});
    if (!ok.ok()) return R::fail(ok.error, ok.field);
    return R::of(in);
}

Result<Json> distill_request(const Args& args) {
    using R = Result<Json>;
    const Result<DistillInputs> in = distill_inputs(args);
    if (!in.ok()) return R::fail(in.error, in.field);
    const Result<DistillResult> r = distill_cost(in.value);
    if (!r.ok()) return R::fail(r.error, r.field);
    const DistillResult& x = r.value;
    Json j;
    j["teacher_params"] = in.value.teacher_params;
    j["student_params"] = in.value.student_params;
    j["dataset_gb"] = in.value.dataset_gb;
    j["bytes_per_token"] = in.value.bytes_per_token;
    j["bytes_per_token_source"] = "an assumption: ~4 characters of English text per token is the rule of thumb in "
                                  "circulation (no primary source found); DeepSeek's API docs give ~3.3";
    j["epochs"] = in.value.epochs;
    j["tokens"] = x.tokens;
    j["generation_flops"] = x.generation.flops;
    j["fine_tuning_flops"] = x.fine_tuning.flops;
    j["total_flops"] = x.total_flops;
    j["phases"] = {{"generation", phase_json(x.generation)}, {"fine_tuning", phase_json(x.fine_tuning)}};
    j["gpu"] = in.value.gpu->id;
    j["price_per_hour"] = in.value.price_per_hour > 0 ? in.value.price_per_hour : in.value.gpu->price_per_hour;
    j["prices_as_of"] = in.value.price_per_hour > 0 ? "your price" : in.value.gpu->price_date;
    j["gpu_hours"] = x.total_gpu_hours;
    j["dollars"] = x.total_dollars;
    j["scaling_law"] = "Busbridge et al. 2025 (arXiv 2502.08606) Eq. 8: its fitted constants could not be confirmed, "
                       "so the student's loss is not computed; its findings are in `claims`";
    j["claims"] = sourced_claims_json(distillation_claims());
    j["warnings"] = x.warnings;
    return R::of(j);
}

}  // namespace scaling
