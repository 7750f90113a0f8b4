// moe.hpp: a mixture of experts counted from its parts: routed experts, the routed experts each
// token uses, shared experts (always used) and the always-on parameters (attention, embeddings,
// dense layers, routers) -> total parameters (memory) and active parameters (FLOP and bytes read
// per token), as DeepSeek-V3 (arXiv 2412.19437) and Mixtral (arXiv 2401.04088) report them.
#pragma once
#include <string>
#include <vector>

#include "hardware.hpp"
#include "result.hpp"

namespace scaling {

struct MoeShape {
    double experts = 0;            // routed experts per MoE layer
    double experts_per_token = 0;  // routed experts each token is sent to (top-k)
    double shared_experts = 0;     // experts every token uses (DeepSeekMoE's shared experts)
    double expert_params = 0;      // one expert's parameters summed over all MoE layers
    double always_on_params = 0;   // attention, embeddings, dense layers, norms, routers
    Dtype weights = Dtype::BF16;   // for the memory the weights take
};

struct MoeCounts {
    double total_params = 0;               // always-on + (experts + shared) x expert_params
    double active_params = 0;              // always-on + (experts_per_token + shared) x expert_params
    double active_fraction = 0;            // active / total
    double training_flops_per_token = 0;   // 6 x active (forward 2 + backward 4; Kaplan et al. 2020)
    double inference_flops_per_token = 0;  // 2 x active
    double weights_gb = 0;                 // total x bytes per parameter: every expert sits in memory
    double sparsity = 0;                   // routed experts / routed per token (the gallery's convention)
    double dense_equivalent_multiplier = 1;// gallery.hpp's moe_compute_multiplier(sparsity), an estimate
    std::string sentence;                  // "671B parameters with the compute per token of a 37.5B dense model"
};

// Errors name the field: experts, experts_per_token (more than experts), shared_experts,
// expert_params, always_on_params.
Result<MoeCounts> count_moe(const MoeShape& in);

}  // namespace scaling
