// scenarios.hpp: what-if questions about more compute.
// "k x more compute" from a base model: data-driven growth moves (N, D) the way the law's
// compute-optimal allocation moves with compute; model-driven growth caps the data at what exists
// and puts the rest of the compute into parameters. Under C = 6ND the two multipliers multiply to k
// either way. An example in circulation: Grok 2 -> Grok 3 at 10x compute, data about
// 10 TB -> 30 TB (data-driven) against under 20 TB (what was available: capped).
// Compute projections: a multiple of a reference run, as raw FLOP and, for a mixture of experts,
// dense-equivalent FLOP (gallery.hpp's multiplier), each with the law's compute-optimal model.
#pragma once
#include "allocation.hpp"
#include "laws.hpp"
#include "result.hpp"

namespace scaling {

struct Growth {
    double params_mult = 1, tokens_mult = 1;  // product = k
};

// The Chinchilla closed form: N x k^a, D x k^b with a = β/(α+β), b = α/(α+β) (Hoffmann et al.
// 2022, Eq. 4). grow_compute uses the law's own optimum instead, which agrees for these laws and
// also covers Kaplan, DeepSeek and Llama 3.
Growth data_driven_growth(const ChinchillaConstants& c, double k);
// Data grows at most `data_cap_mult` times (and never more than data-driven growth asks for);
// parameters take the rest: N x k / (D multiplier).
Growth capped_growth(const Growth& data_driven, double k, double data_cap_mult);

struct Scenario {
    Allocation base, data_driven, model_driven;  // loss only when the law has a loss form
    Growth data_growth, model_growth;
    bool cap_binds = false;                      // the cap is below what data-driven growth asks
};
// Errors name the field: params, tokens, k (finite, > 0), data_cap (finite, >= 1), law.
Result<Scenario> grow_compute(const Law& law, double base_params, double base_tokens, double k, double data_cap_mult);

struct Projection {
    double flops = 0;            // reference x times (raw training FLOP)
    double multiplier = 1;       // dense-equivalence multiplier at the given sparsity (1: dense)
    double dense_flops = 0;      // flops x multiplier
    Allocation raw, dense;       // the law's compute-optimal dense model at each
};
// `sparsity` = experts in total / experts used per token; 1 for a dense model.
// Errors name the field: reference, times, sparsity.
Result<Projection> project_compute(const Law& law, double reference_flops, double times, double sparsity);

}  // namespace scaling
