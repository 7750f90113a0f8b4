// rl.cpp: RL post-training compute with sampled groups (rl.hpp): rollouts, policy updates, the
// reference model's forward, in GPU-hours and dollars and as a share of pretraining.
#include "rl.hpp"

#include <cmath>

#include "compute.hpp"
#include "quantity.hpp"

namespace scaling {

const std::vector<SourcedClaim>& rl_claims() {
    static const std::vector<SourcedClaim> kClaims = {
        kRlRanking,
        {"RL against pretraining",
         "In the first round of reasoning models the RL compute was very small beside pretraining: the whole training "
         "cost something like 1.01x the base model's, while the headline results needed about 30x the inference.",
         "Toby Ord 2025, \"How well does RL scale?\" (essay, 22 October 2025, tobyord.com)."},
    };
    return kClaims;
}

Result<RlResult> rl_cost(const RlInputs& in) {
    using R = Result<RlResult>;
    if (!in.gpu) return R::fail("no accelerator given", "gpu");
    const std::pair<const char*, double> positive[] = {{"params", in.params}, {"prompts", in.prompts},
                                                       {"group_size", in.group_size},
                                                       {"tokens_per_sample", in.tokens_per_sample}, {"epochs", in.epochs}};
    for (const auto& [key, v] : positive)
        if (!(v > 0 && std::isfinite(v))) return R::fail("must be greater than zero", key);
    if (!(in.pretraining_tokens >= 0)) return R::fail("must be greater than zero (or left empty: 20 x params)", "pretraining_tokens");
    if (!(in.mfu > 0 && in.mfu <= 1)) return R::fail("must be above 0 and at most 1", "mfu");
    if (!(in.rollout_mfu >= 0 && in.rollout_mfu <= 1)) return R::fail("must be above 0 and at most 1", "rollout_mfu");
    if (!(in.price_per_hour >= 0)) return R::fail("must be greater than zero", "price");

    RlResult r;
    r.samples = in.epochs * in.prompts * in.group_size;
    r.sampled_tokens = r.samples * in.tokens_per_sample;
    const double n = in.params, tokens = r.sampled_tokens;
    const double forward = kInferenceFlopPerParamToken * n * tokens;  // 2NKPT x epochs
    r.rollout = phase_cost(*in.gpu, in.price_per_hour, forward, in.rollout_mfu > 0 ? in.rollout_mfu : in.mfu);
    r.update = phase_cost(*in.gpu, in.price_per_hour, kTrainFlopPerParamToken * n * tokens, in.mfu);  // 6NKPT
    r.reference = phase_cost(*in.gpu, in.price_per_hour, in.reference_model ? forward : 0, in.mfu);
    r.total_flops = r.rollout.flops + r.update.flops + r.reference.flops;
    r.total_gpu_hours = r.rollout.gpu_hours + r.update.gpu_hours + r.reference.gpu_hours;
    r.total_dollars = r.rollout.dollars + r.update.dollars + r.reference.dollars;
    r.pretraining_default = in.pretraining_tokens == 0;
    r.pretraining_tokens = r.pretraining_default ? kChinchillaTokensPerParam * n : in.pretraining_tokens;
    r.pretraining_flops = kTrainFlopPerParamToken * n * r.pretraining_tokens;
    r.pretraining_share = r.total_flops / r.pretraining_flops;
    // Every input is bounded, yet their product may not be: a result beyond a double is no answer.
    if (!std::isfinite(r.total_dollars) || !std::isfinite(r.pretraining_flops) || !(r.pretraining_share > 0))
        return R::fail("the product of the inputs is beyond a double: make it smaller", "prompts");

    if (in.rollout_mfu == 0 || in.rollout_mfu >= in.mfu)
        r.warnings.push_back("rollouts are generation, decoded a token at a time: memory-bound, they reach a lower MFU "
                             "than the updates; set the rollout MFU (--rollout-mfu) for your own figure");
    if (r.pretraining_share > 1)
        r.warnings.push_back("the RL run costs more FLOP than the model's pretraining (" +
                             format_significant(r.pretraining_share, 3) + "x)");
    return R::of(r);
}

}  // namespace scaling
