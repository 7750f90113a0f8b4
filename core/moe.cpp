// moe.cpp: total and active parameters of a mixture of experts (moe.hpp).
#include "moe.hpp"

#include <cmath>

#include "gallery.hpp"
#include "quantity.hpp"

namespace scaling {

Result<MoeCounts> count_moe(const MoeShape& in) {
    using R = Result<MoeCounts>;
    if (!(std::isfinite(in.experts) && in.experts >= 1)) return R::fail("must be at least 1 expert", "experts");
    if (!(std::isfinite(in.experts_per_token) && in.experts_per_token >= 1))
        return R::fail("must be at least 1 expert", "experts_per_token");
    if (in.experts_per_token > in.experts)
        return R::fail("a token cannot use more experts (" + format_fixed(in.experts_per_token, 0) + ") than there are (" +
                           format_fixed(in.experts, 0) + ")",
                       "experts_per_token");
    if (!(std::isfinite(in.shared_experts) && in.shared_experts >= 0)) return R::fail("must not be negative", "shared_experts");
    if (!(std::isfinite(in.expert_params) && in.expert_params > 0))
        return R::fail("must be a finite number greater than zero", "expert_params");
    if (!(std::isfinite(in.always_on_params) && in.always_on_params >= 0))
        return R::fail("must not be negative", "always_on_params");
    MoeCounts c;
    c.total_params = in.always_on_params + (in.experts + in.shared_experts) * in.expert_params;
    c.active_params = in.always_on_params + (in.experts_per_token + in.shared_experts) * in.expert_params;
    if (!std::isfinite(c.total_params)) return R::fail("the total overflows", "expert_params");
    c.active_fraction = c.active_params / c.total_params;
    c.training_flops_per_token = 6 * c.active_params;
    c.inference_flops_per_token = 2 * c.active_params;
    c.weights_gb = c.total_params * bytes_per_param(in.weights) / 1e9;
    c.sparsity = in.experts / in.experts_per_token;
    c.dense_equivalent_multiplier = moe_compute_multiplier(c.sparsity);
    c.sentence = format_count(c.total_params) + " parameters with the compute per token of a " +
                 format_count(c.active_params) + " dense model";
    return R::of(c);
}

}  // namespace scaling
