// serving.hpp: serving speed and cost of one model on one accelerator type, a roofline model
// (Williams et al. 2009, "Roofline"; applied to LLM inference as in Yuan et al. 2024, LLM-Viewer,
// arXiv 2402.16363): each decode step reads the weights once and every sequence's KV cache, and
// computes 2 FLOP per active parameter per token; it takes the longer of the memory time and the
// compute time. Prefill is compute-bound at an MFU.
//
// CONTRACT (issue 18): the Router view (core/router.*) and the TCO view call serve(); the names
// and meanings of the members below stay as they are. serving.cpp may add members.
#pragma once
#include <string>
#include <vector>

#include "hardware.hpp"
#include "result.hpp"

namespace scaling {

// Achieved share of peak memory bandwidth while decoding ("model bandwidth utilisation", MBU, as
// defined by Databricks/MosaicML 2023, "LLM Inference Performance Engineering: Best Practices").
// 0.8 is an ASSUMPTION the user can edit: optimised CUDA serving stacks are reported at about 60-85%
// of peak; 1.0 gives the pure roofline of Williams et al. 2009.
inline constexpr double kAchievedBandwidthFraction = 0.8;
// GPUs in one node joined by NVLink (8 on an HGX/DGX H100 or B200 board: NVIDIA DGX H100 and DGX
// B200 datasheets, as assets/hardware.csv's B200 row reads its per-GPU figures): serving engines (vLLM, SGLang, TensorRT-LLM) take a tensor-
// parallel degree that is a power of two within a node (1, 2, 4, 8); beyond 8 a replica spans nodes
// (pipeline or expert parallelism across them), which this model prices but flags.
inline constexpr double kGpusPerNode = 8;

struct ServeInputs {
    const Gpu* gpu = nullptr;
    Dtype weights = Dtype::BF16;   // weight precision: bf16, fp8, int8, int4
    Dtype kv = Dtype::BF16;        // KV-cache precision: bf16 or fp8
    double params = 0;             // total parameters (memory); MoE: all experts
    double active_params = 0;      // parameters used per token (FLOP and bytes read); 0 = params
    // Attention shape, for the KV cache and attention FLOP. latent_dim > 0: multi-head latent
    // attention (DeepSeek-V2, arXiv 2405.04434), which caches latent_dim values per layer per token
    // (d_c + d_h^R: 512 + 64 = 576 for DeepSeek-V3) instead of 2 x kv_heads x head_dim.
    double layers = 0, heads = 0, kv_heads = 0, head_dim = 0, latent_dim = 0;
    double prompt_tokens = 0;      // per request (prefill)
    double output_tokens = 0;      // per request (decode)
    double batch = 1;              // sequences decoded together per replica
    double tp = 0;                 // GPUs per replica (tensor parallel); 0 = the fewest that hold it
    double prefill_mfu = 0.5;      // prefill's share of peak FLOP/s
    double usable_fraction = 0.9;  // of each GPU's memory
    double price_per_hour = 0;     // per GPU; 0 = the catalogue's
    // Added by serving.cpp (the contract allows additions):
    double bandwidth_fraction = kAchievedBandwidthFraction;  // achieved share of peak memory bandwidth
};

struct ServeResult {
    double tp = 0;                          // GPUs per replica used
    double weights_gb_per_gpu = 0;          // weights / tp
    double kv_bytes_per_token = 0;          // per token of context, all layers
    double max_batch = 0;                   // sequences whose KV cache fits beside the weights
    double decode_tokens_per_second = 0;    // per sequence, at `batch`
    double throughput_tokens_per_second = 0;// per replica: batch x decode speed
    bool memory_bound = true;               // the decode step is limited by bandwidth
    double prefill_tokens_per_second = 0;   // per replica
    double ttft_seconds = 0;                // time to first token: the prompt's prefill
    double request_seconds = 0;             // ttft + output_tokens / decode speed
    double dollars_per_million_tokens = 0;  // output tokens, at the batched throughput
    double dollars_per_request = 0;         // prefill and decode time of one request, priced
    std::string prices_as_of;               // the GPU's price_date (or "your price")
    std::vector<std::string> warnings;      // e.g. a batch above max_batch (computed, but flagged)
    // Added by serving.cpp: the pieces of the roofline, so views and tests can show the reason.
    double weights_gb = 0;                  // all weights (total parameters) at the weight precision
    double kv_gb_per_sequence = 0;          // one sequence's cache at its full context (prompt + output)
    double kv_gb_per_gpu = 0;               // the batch's KV cache on each card
    double memory_gb_per_gpu = 0;           // weights_gb_per_gpu + kv_gb_per_gpu
    double usable_gb_per_gpu = 0;           // memory_gb x usable_fraction
    double kv_split = 1;                    // cards the KV cache is split over (min(tp, kv_heads); 1 for MLA)
    double bytes_per_step = 0;              // read per decode step: active weights + the batch's KV cache
    double flops_per_token = 0;             // decode, 2 x active + 2 x layers x context x heads x head_dim
    double memory_seconds = 0;              // bytes_per_step / (bandwidth x fraction x tp)
    double compute_seconds = 0;             // batch x flops_per_token / (peak x mfu x tp)
    double step_seconds = 0;                // max of the two: one token for each of `batch` sequences
    double compute_flops_per_gpu = 0;       // peak FLOP/s of the compute precision used
    Dtype compute_dtype = Dtype::BF16;      // matmul precision: FP8/INT8 weights compute in their own
                                            // mode where the chip has it; INT4 is weight-only (W4A16)
    double price_per_hour = 0;              // per GPU, the one used
};

// Errors name the field (no GPU, a model that does not fit the replica at the given tp).
Result<ServeResult> serve(const ServeInputs& in);

// KV-cache bytes per token of context, all layers: MLA caches latent_dim values per layer
// (DeepSeek-V2, arXiv 2405.04434, Sec. 2.1); otherwise K and V for each KV head (GQA, Ainslie et al.
// 2023, arXiv 2305.13245; kv_heads = heads is multi-head attention). 0 when the shape is not given.
double kv_bytes_per_token(const ServeInputs& in);

}  // namespace scaling
