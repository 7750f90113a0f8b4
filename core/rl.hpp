// rl.hpp: the compute of RL post-training with sampled groups (GRPO and friends): for each prompt a
// group of K samples is generated (the rollouts), the policy is updated on them (forward and
// backward over the sampled tokens), and a KL term to a frozen reference model costs that model's
// forward over the same tokens. GRPO: Shao et al. 2024, "DeepSeekMath", arXiv 2402.03300, Sec. 4.1
// (a group of G outputs per question scored against the group's mean; the KL to the reference
// model is added to the loss). The FLOP follow the dense-transformer accounting of core/compute.hpp:
// 2N per token forward, 6N per token forward and backward (Kaplan et al. 2020, arXiv 2001.08361).
#pragma once
#include <string>
#include <vector>

#include "gpu_hours.hpp"
#include "result.hpp"

namespace scaling {

// [SECTION] Sourced defaults
// Chinchilla's compute-optimal ratio, used when the pretraining tokens are not given: about 20 tokens
// per parameter (Hoffmann et al. 2022, arXiv 2203.15556, Approaches 1 and 2, Table 3; REFERENCES.md).
inline constexpr double kChinchillaTokensPerParam = 20;

// DeepSeekMath-RL's setting (Shao et al. 2024, arXiv 2402.03300, Sec. 4.2): about 144K chain-of-thought
// questions of GSM8K and MATH, 64 outputs sampled per question, a max length of 1024 tokens, a KL
// coefficient of 0.04, and a single policy update after each exploration stage (one forward and backward
// per sample, as counted here). The number of passes is not stated; 1024 is a ceiling, so one pass at it
// is an upper bound per pass.
struct RlSetting {
    const char* name;
    double params, prompts, group_size, tokens_per_sample;
};
inline constexpr RlSetting kDeepSeekMathRl{"DeepSeekMath-RL 7B", 7e9, 144e3, 64, 1024};

// A claim as its source states it (paraphrased), shown beside the computed costs: none is computed here.
struct SourcedClaim {
    const char* lever;
    const char* text;
    const char* source;
};
// The ranking "test-time > RL > pretraining per FLOP", also in the Next FLOP view.
inline constexpr SourcedClaim kRlRanking{
    "Ranking",
    "Inference scaling buys more per multiple of compute than RL scaling: about 10x the RL compute for the gain of 3x "
    "the inference, 10,000x for 100x; with pretraining scaling stalled, more progress is expected from inference "
    "scaling than from either.",
    "Toby Ord 2025, \"How well does RL scale?\" (essay, 22 October 2025, tobyord.com; read off OpenAI's o1 and o3 "
    "charts)."};
// The claims the RL card shows: the ranking, and what RL compute was against pretraining.
const std::vector<SourcedClaim>& rl_claims();

// [SECTION] The model
// Accounting: `prompts` distinct prompts, each seen `epochs` times (an epoch is one pass over them;
// how they are batched into steps changes no FLOP); each time K samples of T generated tokens.
// Prompt tokens are not counted (their prefill is small beside long sampled answers).
struct RlInputs {
    double params = 0;             // N, the policy's parameters (MoE: active)
    double prompts = 0;            // P, distinct prompts
    double group_size = 0;         // K, samples per prompt (GRPO's G)
    double tokens_per_sample = 0;  // T, generated tokens per sample
    double epochs = 1;             // passes over the prompts
    bool reference_model = true;   // a KL term to a frozen reference model (its forward pass)
    double pretraining_tokens = 0; // D of the model's pretraining; 0: 20 x N (Chinchilla-optimal)
    const Gpu* gpu = nullptr;      // the accelerator for every phase (BF16 peak)
    double price_per_hour = 0;     // 0: the catalogue's
    double mfu = 0;                // updates' and the reference forward's MFU, (0, 1]
    double rollout_mfu = 0;        // the rollouts' MFU, (0, 1]; 0: the same as mfu
};

struct RlResult {
    double samples = 0;            // epochs x P x K
    double sampled_tokens = 0;     // samples x T
    PhaseCost rollout;             // 2 N x sampled tokens (generation: forward only)
    PhaseCost update;              // 6 N x sampled tokens (policy gradient: forward and backward)
    PhaseCost reference;           // 2 N x sampled tokens with a KL term, else 0
    double total_flops = 0, total_gpu_hours = 0, total_dollars = 0;
    double pretraining_tokens = 0; // as given, or 20 N
    bool pretraining_default = false;  // 20 N was used
    double pretraining_flops = 0;  // 6 N D
    double pretraining_share = 0;  // total_flops / pretraining_flops
    std::vector<std::string> warnings;
};

// Errors name the field (its key: params, prompts, group_size, ..., mfu, rollout_mfu).
Result<RlResult> rl_cost(const RlInputs& in);

}  // namespace scaling
