// allocation.hpp: compute-optimal (N, D) for a FLOP budget, and the same record for a given (N, D).
#pragma once
#include <string>

#include "laws.hpp"
#include "result.hpp"

namespace scaling {

// One point of a law: what the CLI's JSON, the JS API and the UI all show.
struct Allocation {
    std::string law;              // law id
    double flops = 0;             // training FLOP budget
    bool has_params = true;       // false for DeepSeek without M/N: then params and tokens_per_param are meaningless
    double params = 0;            // N, parameters (what N counts is in the law's n_counts)
    double tokens = 0;            // D, training tokens
    double tokens_per_param = 0;  // D / N
    bool has_flops_per_token = false;
    double flops_per_token = 0;   // M, non-embedding FLOP per token (DeepSeek's unit)
    bool has_loss = false;        // false for allocation-only laws: `loss` is then meaningless
    double loss = 0;              // predicted loss, nats/token
    // Trained on repeated data (Muennighoff et al. 2023, data_limits.hpp): then `loss` is L(N', D').
    bool has_unique = false;
    double unique_tokens = 0, epochs = 0, effective_params = 0, effective_tokens = 0;
};

// Closed form for E + A/N^alpha + B/D^beta under C = 6ND (Hoffmann et al. 2022, Eq. 4):
//   G = (alpha·A / (beta·B))^(1/(alpha+beta)); N = G·(C/6)^(beta/(alpha+beta)); D = (C/6)^(alpha/(alpha+beta)) / G.
struct Split { double params = 0, tokens = 0; };
Split chinchilla_optimal_split(const ChinchillaConstants& c, double flops);

// The compute-optimal allocation of `flops` under `law`. Errors: budget not finite and > 0,
// or a result that over/underflows.
Result<Allocation> optimal(const Law& law, double flops);

// The record of a model of N parameters on D tokens (C = 6ND) with a loss already known (0: none),
// unchecked: for the caveats of models other code sized (core/caveats.hpp).
Allocation model_of(const Law& law, double params, double tokens, double loss);

// The record for a model of `params` trained on `tokens` (flops = 6ND); loss when the law has one.
Result<Allocation> at_size(const Law& law, double params, double tokens);

}  // namespace scaling
