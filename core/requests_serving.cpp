// requests_serving.cpp: the serve and moe requests (text arguments -> JSON), shared by the CLI
// (`scaling serve`, `scaling moe`) and the JS API (scaling.serve(), scaling.moe()).
#include "hardware.hpp"
#include "model_shapes.hpp"
#include "moe.hpp"
#include "quantity.hpp"
#include "requests.hpp"
#include "results_json.hpp"
#include "serving.hpp"

namespace scaling {
namespace {

using J = Json;

// A precision chosen by name, through the input's choices, then as a Dtype.
Result<Dtype> precision_arg(const Args& args, const Input& in) {
    const Result<std::string> name = choice_arg(args, in);
    if (!name.ok()) return Result<Dtype>::fail(name.error, name.field);
    return dtype_from_text(name.value);  // the choices are all dtype names
}

// The model: --model's preset when given; typed --params alone means a model of your own (no
// preset shape); neither means the default preset. Typed values override the preset's.
Result<ServeInputs> model_args(const Args& args, ServeInputs in) {
    using R = Result<ServeInputs>;
    using namespace inputs;
    const bool preset = find_arg(args, kServeModel.key) || !find_arg(args, kServeParams.key);
    if (preset) {
        const Result<std::string> id = choice_arg(args, kServeModel);
        if (!id.ok()) return R::fail(id.error, id.field);
        const Result<ServeInputs> m = with_model(in, id.value);
        if (!m.ok()) return m;
        in = m.value;
    }
    const std::pair<const Input*, double*> nums[] = {
        {&kServeParams, &in.params}, {&kActiveParams, &in.active_params}, {&kServeLayers, &in.layers},
        {&kHeads, &in.heads}, {&kServeKvHeads, &in.kv_heads}, {&kServeHeadDim, &in.head_dim}, {&kLatentDim, &in.latent_dim}};
    for (const auto& [input, out] : nums) {
        const Result<double> v = number_arg(args, *input, *out);
        if (!v.ok()) return R::fail(v.error, v.field);
        *out = v.value;
    }
    return R::of(in);
}

Result<ServeInputs> serve_args(const Args& args) {
    using R = Result<ServeInputs>;
    using namespace inputs;
    ServeInputs in;
    if (!hardware_error().empty()) return R::fail(hardware_error(), "gpu");
    const Result<std::string> gpu_id = choice_arg(args, kServeGpu);
    if (!gpu_id.ok()) return R::fail(gpu_id.error, gpu_id.field);
    in.gpu = gpu_from_id(gpu_id.value).value;
    const Result<Dtype> w = precision_arg(args, kServeDtype);
    if (!w.ok()) return R::fail(w.error, w.field);
    const Result<Dtype> kv = precision_arg(args, kKvDtype);
    if (!kv.ok()) return R::fail(kv.error, kv.field);
    in.weights = w.value, in.kv = kv.value;
    const std::pair<const Input*, double*> nums[] = {
        {&kServeInputTokens, &in.prompt_tokens}, {&kServeOutputTokens, &in.output_tokens}, {&kServeBatch, &in.batch},
        {&kTp, &in.tp}, {&kServePrefillMfu, &in.prefill_mfu}, {&kServeUsable, &in.usable_fraction},
        {&kBandwidthFraction, &in.bandwidth_fraction}, {&kServePrice, &in.price_per_hour}};
    for (const auto& [input, out] : nums) {
        const Result<double> v = number_arg(args, *input);  // absent: the descriptor's fallback
        if (!v.ok()) return R::fail(v.error, v.field);
        *out = v.value;
    }
    return model_args(args, in);
}

Json serve_json(const ServeInputs& in, const ServeResult& r) {
    J j;
    j["gpu"] = in.gpu->id;
    j["gpu_name"] = in.gpu->name;
    j["dtype"] = dtype_name(in.weights);
    j["kv_dtype"] = dtype_name(in.kv);
    j["compute_dtype"] = dtype_name(r.compute_dtype);
    j["params"] = in.params;
    j["active_params"] = in.active_params > 0 ? in.active_params : in.params;
    j["layers"] = in.layers, j["heads"] = in.heads, j["kv_heads"] = in.kv_heads > 0 ? in.kv_heads : in.heads;
    j["head_dim"] = in.head_dim, j["latent_dim"] = in.latent_dim;
    j["input_tokens"] = in.prompt_tokens, j["output_tokens"] = in.output_tokens, j["batch"] = in.batch;
    j["tp"] = r.tp;
    j["weights_gb"] = r.weights_gb;
    j["weights_gb_per_gpu"] = r.weights_gb_per_gpu;
    j["kv_bytes_per_token"] = r.kv_bytes_per_token;
    j["kv_gb_per_sequence"] = r.kv_gb_per_sequence;
    j["kv_gb_per_gpu"] = r.kv_gb_per_gpu;
    j["memory_gb_per_gpu"] = r.memory_gb_per_gpu;
    j["usable_gb_per_gpu"] = r.usable_gb_per_gpu;
    j["kv_split"] = r.kv_split;
    j["max_batch"] = r.max_batch;
    j["decode_tokens_per_second"] = r.decode_tokens_per_second;
    j["throughput_tokens_per_second"] = r.throughput_tokens_per_second;
    j["memory_bound"] = r.memory_bound;
    j["memory_seconds"] = r.memory_seconds;
    j["compute_seconds"] = r.compute_seconds;
    j["step_seconds"] = r.step_seconds;
    j["bytes_per_step"] = r.bytes_per_step;
    j["flops_per_token"] = r.flops_per_token;
    j["prefill_tokens_per_second"] = r.prefill_tokens_per_second;
    j["ttft_seconds"] = r.ttft_seconds;
    j["request_seconds"] = r.request_seconds;
    j["price_per_hour"] = r.price_per_hour;
    j["dollars_per_million_tokens"] = r.dollars_per_million_tokens;
    j["dollars_per_request"] = r.dollars_per_request;
    j["prices_as_of"] = r.prices_as_of;
    j["bandwidth_fraction"] = in.bandwidth_fraction;
    j["prefill_mfu"] = in.prefill_mfu;
    const std::string split = r.kv_split == r.tp ? "the weights and the KV cache"
                              : r.kv_split == 1  ? "the weights (the KV cache is held whole on each)"
                                                 : "the weights, and the KV cache over " + format_fixed(r.kv_split, 0) +
                                                       " of them (one per KV head)";
    const std::string held = format_significant(r.memory_gb_per_gpu, 3) + " GB of its " +
                             format_significant(r.usable_gb_per_gpu, 3) + " GB usable";
    j["per_card"] = r.tp == 1 ? "one GPU holds the weights and the KV cache: " + held
                              : "memory is per card, never pooled: tensor parallelism over " + format_fixed(r.tp, 0) +
                                    " GPUs splits " + split + "; each holds " + held;
    j["warnings"] = r.warnings;
    return j;
}

}  // namespace

Result<Json> serve_request(const Args& args) {
    using R = Result<Json>;
    const Result<ServeInputs> in = serve_args(args);
    if (!in.ok()) return R::fail(in.error, in.field);
    const Result<ServeResult> r = serve(in.value);
    if (!r.ok()) return R::fail(r.error, r.field);
    J j = serve_json(in.value, r.value);
    const std::string* model = find_arg(args, inputs::kServeModel.key);
    j["model"] = model ? *model : find_arg(args, inputs::kServeParams.key) ? "custom" : inputs::kServeModel.initial;
    const Result<SizeComparison> c = compare_7b_70b(in.value);
    if (c.ok())
        j["seven_vs_seventy"] = {{"small_decode_tokens_per_second", c.value.small.decode_tokens_per_second},
                                 {"large_decode_tokens_per_second", c.value.large.decode_tokens_per_second},
                                 {"small_tp", c.value.small.tp}, {"large_tp", c.value.large.tp},
                                 {"speed_ratio", c.value.speed_ratio}, {"gpu_time_ratio", c.value.gpu_time_ratio},
                                 {"sentence", c.value.sentence}};
    return R::of(j);
}

Result<Json> moe_request(const Args& args) {
    using R = Result<Json>;
    using namespace inputs;
    MoeShape in;
    const Result<Dtype> w = precision_arg(args, kMoeDtype);
    if (!w.ok()) return R::fail(w.error, w.field);
    in.weights = w.value;
    const std::pair<const Input*, double*> nums[] = {{&kExperts, &in.experts},
                                                     {&kExpertsPerToken, &in.experts_per_token},
                                                     {&kSharedExperts, &in.shared_experts},
                                                     {&kExpertParams, &in.expert_params},
                                                     {&kAlwaysOnParams, &in.always_on_params}};
    for (const auto& [input, out] : nums) {
        const Result<double> v = number_arg(args, *input);  // absent: DeepSeek-V3's (the fallbacks)
        if (!v.ok()) return R::fail(v.error, v.field);
        *out = v.value;
    }
    const Result<MoeCounts> c = count_moe(in);
    if (!c.ok()) return R::fail(c.error, c.field);
    J j;
    j["total_params"] = c.value.total_params;
    j["active_params"] = c.value.active_params;
    j["active_fraction"] = c.value.active_fraction;
    j["training_flops_per_token"] = c.value.training_flops_per_token;
    j["inference_flops_per_token"] = c.value.inference_flops_per_token;
    j["dtype"] = dtype_name(in.weights);
    j["weights_gb"] = c.value.weights_gb;
    j["sparsity"] = c.value.sparsity;
    j["dense_equivalent_multiplier"] = c.value.dense_equivalent_multiplier;
    j["sentence"] = c.value.sentence;
    return R::of(j);
}

}  // namespace scaling
