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
};

// Errors name the field (no GPU, a model that does not fit the replica at the given tp).
Result<ServeResult> serve(const ServeInputs& in);

}  // namespace scaling
