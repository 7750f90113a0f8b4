// serving.cpp: the roofline of one model served on one accelerator type (see serving.hpp).
// Sources of each step, in order: the KV cache (Ainslie et al. 2023 GQA, arXiv 2305.13245;
// DeepSeek-V2 MLA, arXiv 2405.04434), FLOP per token (Kaplan et al. 2020, arXiv 2001.08361, Table 1:
// forward pass 2N + 2 n_layer n_ctx d_attn), the step time as the longer of memory and compute time
// (Williams et al. 2009; LLM-Viewer, Yuan et al. 2024, arXiv 2402.16363), and latency as kipply's
// "Transformer inference arithmetic" (2022) derives it: each decode step reads every weight once.
#include "serving.hpp"

#include <algorithm>
#include <cmath>

#include "quantity.hpp"

namespace scaling {
namespace {

bool finite_positive(double x) { return std::isfinite(x) && x > 0; }
bool finite_non_negative(double x) { return std::isfinite(x) && x >= 0; }

// Replicas bigger than this are not a serving replica any engine runs; a model that needs more is
// refused rather than priced.
constexpr double kMaxReplicaGpus = 1024;

// Cards the KV cache is divided over. Tensor parallelism splits attention by heads, so each card
// keeps its share of the KV heads; past kv_heads cards the heads are replicated (vLLM and
// TensorRT-LLM do this for GQA). MLA caches one latent per token that every head reads ("compute
// similar to multi-query attention", vLLM's MLA notes), so each card keeps the whole latent cache.
double kv_split_over(const ServeInputs& in, double tp) {
    if (in.latent_dim > 0) return 1;
    const double kv_heads = in.kv_heads > 0 ? in.kv_heads : in.heads;
    return kv_heads > 0 ? std::min(tp, kv_heads) : 1;
}

// The matmul precision: FP8 and INT8 weights use the chip's FP8/INT8 mode (W8A8) where it exists;
// INT4 weights are weight-only (W4A16, as AWQ and GPTQ kernels run) and compute in BF16.
Dtype compute_dtype_for(const Gpu& gpu, Dtype weights) {
    if (weights == Dtype::INT4 || weights == Dtype::FP32) return Dtype::BF16;
    return gpu.peak_flops(weights) > 0 ? weights : Dtype::BF16;
}

// Attention FLOP per token per unit of context: 2 x n_layer x d_attn (Kaplan et al. 2020, Table 1),
// d_attn = heads x head_dim.
// Query heads not given (only KV heads): as many as the KV heads, as multi-head attention has.
double attention_flops_per_context(const ServeInputs& in) {
    return 2 * in.layers * (in.heads > 0 ? in.heads : in.kv_heads) * in.head_dim;
}

std::string gb(double bytes) { return format_significant(bytes / 1e9, 3) + " GB"; }

}  // namespace

double kv_bytes_per_token(const ServeInputs& in) {
    const double bytes = bytes_per_param(in.kv);
    if (in.latent_dim > 0) return in.layers * in.latent_dim * bytes;
    const double kv_heads = in.kv_heads > 0 ? in.kv_heads : in.heads;
    return 2 * in.layers * kv_heads * in.head_dim * bytes;  // K and V
}

Result<ServeResult> serve(const ServeInputs& in) {
    using R = Result<ServeResult>;
    if (!in.gpu) return R::fail("is required", "gpu");
    const Gpu& gpu = *in.gpu;
    if (!finite_positive(in.params)) return R::fail("must be a finite number greater than zero", "params");
    if (!finite_non_negative(in.active_params)) return R::fail("must not be negative", "active_params");
    if (in.active_params > in.params)
        return R::fail("active parameters (" + format_quantity(in.active_params, Unit::Params) + ") cannot exceed the total (" +
                           format_quantity(in.params, Unit::Params) + ")",
                       "active_params");
    if (in.kv != Dtype::BF16 && in.kv != Dtype::FP8) return R::fail("the KV cache is bf16 or fp8", "kv_dtype");
    struct Dim { const char* name; double v; };
    for (const Dim& d : {Dim{"layers", in.layers}, Dim{"heads", in.heads}, Dim{"kv_heads", in.kv_heads},
                         Dim{"head_dim", in.head_dim}, Dim{"latent_dim", in.latent_dim},
                         Dim{"input_tokens", in.prompt_tokens}, Dim{"output_tokens", in.output_tokens}})
        if (!finite_non_negative(d.v)) return R::fail("must be a finite number, zero or more", d.name);
    if (in.heads > 0 && in.kv_heads > in.heads)
        return R::fail("KV heads (" + format_fixed(in.kv_heads, 0) + ") cannot exceed query heads (" +
                           format_fixed(in.heads, 0) + ")",
                       "kv_heads");
    if (!(std::isfinite(in.batch) && in.batch >= 1)) return R::fail("must be at least 1 sequence", "batch");
    if (!(std::isfinite(in.tp) && in.tp >= 0 && in.tp <= kMaxReplicaGpus && in.tp == std::floor(in.tp)))
        return R::fail("must be a whole number of GPUs from 1 to 1024 (0: the fewest that hold the model)", "tp");
    if (!(in.prefill_mfu > 0 && in.prefill_mfu <= 1)) return R::fail("must lie in (0, 1]", "prefill_mfu");
    if (!(in.usable_fraction > 0 && in.usable_fraction <= 1)) return R::fail("must lie in (0, 1]", "usable");
    if (!(in.bandwidth_fraction > 0 && in.bandwidth_fraction <= 1))
        return R::fail("must lie in (0, 1]", "bandwidth_fraction");
    if (!finite_non_negative(in.price_per_hour)) return R::fail("must not be negative", "price");

    ServeResult r;
    std::vector<std::string>& warn = r.warnings;
    const double active = in.active_params > 0 ? in.active_params : in.params;
    const double weight_bytes = in.params * bytes_per_param(in.weights);
    const double active_bytes = active * bytes_per_param(in.weights);
    r.kv_bytes_per_token = kv_bytes_per_token(in);
    const bool has_shape = r.kv_bytes_per_token > 0;
    if (!has_shape) warn.push_back("No attention shape (layers, heads, head dim): the KV cache and attention FLOP are left out, so the largest batch is unknown.");
    if (in.heads > 0 && in.kv_heads > 0 && std::fmod(in.heads, in.kv_heads) != 0)
        warn.push_back("Query heads are not a multiple of KV heads: grouped-query attention shares each KV head among a whole group.");
    // Context per sequence: the cache holds prompt + output at the end of a request (memory); during
    // decoding a step attends on average to prompt + output / 2 tokens (reads and FLOP).
    const double context_full = in.prompt_tokens + in.output_tokens;
    const double context_mean = in.prompt_tokens + in.output_tokens / 2;
    const double kv_seq_bytes = r.kv_bytes_per_token * context_full;
    r.kv_gb_per_sequence = kv_seq_bytes / 1e9;
    r.weights_gb = weight_bytes / 1e9;
    const double usable_bytes = gpu.memory_gb * 1e9 * in.usable_fraction;
    r.usable_gb_per_gpu = usable_bytes / 1e9;

    // GPUs per replica: the user's, or the fewest powers of two (as engines choose TP) that hold the
    // weights and the batch's KV cache, each card its own share: memory is never pooled.
    auto needed = [&](double tp) { return weight_bytes / tp + in.batch * kv_seq_bytes / kv_split_over(in, tp); };
    double tp = in.tp;
    if (tp == 0) {
        for (tp = 1; tp <= kMaxReplicaGpus && needed(tp) > usable_bytes; tp *= 2) {}
        if (tp > kMaxReplicaGpus)
            return R::fail(gb(weight_bytes) + " of weights and a batch of " + format_fixed(in.batch, 0) +
                               " do not fit in 1024 " + gpu.name + " (" + format_fixed(gpu.memory_gb, 0) +
                               " GB each): use a lower precision, a smaller batch or a larger card",
                           "params");
    } else if (weight_bytes / tp > usable_bytes) {
        return R::fail("with " + format_fixed(tp, 0) + (tp == 1 ? " GPU" : " GPUs") + " per replica, each " + gpu.name +
                           " would hold " +
                           gb(weight_bytes / tp) + " of weights, more than its " + gb(usable_bytes) +
                           " usable: use more GPUs or a lower precision",
                       "tp");
    }
    r.tp = tp;
    r.kv_split = kv_split_over(in, tp);
    r.weights_gb_per_gpu = weight_bytes / tp / 1e9;
    const double kv_seq_bytes_per_gpu = kv_seq_bytes / r.kv_split;
    // No context at all (the command refuses 0 output tokens; the core allows it): no batch limit to state.
    r.max_batch = has_shape && kv_seq_bytes_per_gpu > 0
                      ? std::floor((usable_bytes - weight_bytes / tp) / kv_seq_bytes_per_gpu)
                      : 0;
    r.kv_gb_per_gpu = in.batch * kv_seq_bytes_per_gpu / 1e9;
    r.memory_gb_per_gpu = r.weights_gb_per_gpu + r.kv_gb_per_gpu;
    if (has_shape && in.batch > r.max_batch)
        warn.push_back("A batch of " + format_fixed(in.batch, 0) + " needs " + gb(r.memory_gb_per_gpu * 1e9) +
                       " per GPU, more than the " + gb(usable_bytes) + " usable: the KV cache holds " +
                       format_fixed(std::max(r.max_batch, 0.0), 0) + " sequences of " +
                       format_count(context_full) + " tokens. Speeds are computed as if it fit.");
    if (tp > kGpusPerNode)
        warn.push_back(format_fixed(tp, 0) + " GPUs span " + format_fixed(std::ceil(tp / kGpusPerNode), 0) +
                       " nodes of " + format_fixed(kGpusPerNode, 0) + ": engines use tensor parallelism within a node and pipeline or expert "
                       "parallelism across nodes; the communication between them is not modelled.");
    if (in.heads > 0 && std::fmod(in.heads, std::min(tp, in.heads)) != 0)
        warn.push_back("The query heads do not divide evenly over " + format_fixed(tp, 0) +
                       " GPUs: engines such as vLLM refuse such a tensor-parallel degree.");
    if (active < in.params && in.batch > 1)
        warn.push_back("Mixture of experts at a batch above 1: different tokens route to different experts, so a "
                       "step reads more than the active parameters (up to all of them); the memory time here is a "
                       "lower bound.");

    // Compute: the chip's peak in the matmul precision, at the MFU for both compute-bound phases.
    r.compute_dtype = compute_dtype_for(gpu, in.weights);
    if (r.compute_dtype != in.weights && in.weights != Dtype::INT4 && in.weights != Dtype::FP32)
        warn.push_back(gpu.name + std::string(" has no ") + dtype_name(in.weights) + " mode: the weights are "
                       "dequantised and multiplied in BF16 (weight-only quantisation).");
    r.compute_flops_per_gpu = gpu.peak_flops(r.compute_dtype);
    const double flops_per_second = r.compute_flops_per_gpu * in.prefill_mfu * tp;
    const double bandwidth = gpu.bandwidth_gbs * 1e9 * in.bandwidth_fraction;  // bytes/s per GPU

    // [Decode] One step makes one token for each of `batch` sequences. Each card reads its share of the
    // active weights once and its share of every sequence's cache.
    const double kv_read_per_gpu = in.batch * r.kv_bytes_per_token * context_mean / r.kv_split;
    r.memory_seconds = (active_bytes / tp + kv_read_per_gpu) / bandwidth;
    r.bytes_per_step = active_bytes + kv_read_per_gpu * tp;
    r.flops_per_token = 2 * active + attention_flops_per_context(in) * context_mean;
    r.compute_seconds = in.batch * r.flops_per_token / flops_per_second;
    r.step_seconds = std::max(r.memory_seconds, r.compute_seconds);
    r.memory_bound = r.memory_seconds >= r.compute_seconds;
    r.decode_tokens_per_second = 1 / r.step_seconds;
    r.throughput_tokens_per_second = in.batch / r.step_seconds;

    // [Prefill] Compute-bound at the MFU; a prompt's token attends to prompt / 2 tokens on average
    // (causal). Time to first token cannot beat one read of the weights.
    const double prefill_flops_per_token = 2 * active + attention_flops_per_context(in) * in.prompt_tokens / 2;
    r.prefill_tokens_per_second = flops_per_second / prefill_flops_per_token;
    const double prefill_seconds = in.prompt_tokens / r.prefill_tokens_per_second;
    r.ttft_seconds = std::max(prefill_seconds, active_bytes / tp / bandwidth);
    r.request_seconds = r.ttft_seconds + in.output_tokens / r.decode_tokens_per_second;

    // [Cost] The replica's GPUs, priced by the hour; a request pays its prefill time and its share of
    // the batched decode steps.
    r.price_per_hour = in.price_per_hour > 0 ? in.price_per_hour : gpu.price_per_hour;
    r.prices_as_of = in.price_per_hour > 0 ? "your price" : gpu.price_date;
    const double dollars_per_second = r.price_per_hour * tp / 3600;
    r.dollars_per_million_tokens = dollars_per_second / r.throughput_tokens_per_second * 1e6;
    r.dollars_per_request = dollars_per_second * (prefill_seconds + in.output_tokens / r.throughput_tokens_per_second);
    return R::of(r);
}

}  // namespace scaling
