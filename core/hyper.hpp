// hyper.hpp: published laws for the training hyper-parameters beside the allocation: the learning
// rate and batch size that a compute budget calls for (DeepSeek LLM 2024) and the critical batch size
// that a loss calls for (Kaplan et al. 2020). Each constant sits beside its citation.
#pragma once
#include <string>
#include <vector>

#include "laws.hpp"
#include "result.hpp"

namespace scaling {

// Bi et al. 2024, "DeepSeek LLM" (arXiv 2401.02954), Sec. 3.1, Eq. (1): the near-optimal learning
// rate and batch size (in tokens) as power laws in the compute budget C, fitted on small-scale
// grid searches. Their C is M·D with M the non-embedding FLOP per token including attention
// (REFERENCES: DeepSeek), not 6ND: for a dense model the two differ by attention's share of M.
inline constexpr double kDeepSeekLrCoef = 0.3118, kDeepSeekLrExp = -0.1250;
inline constexpr double kDeepSeekBatchCoef = 0.2920, kDeepSeekBatchExp = 0.3271;

// Kaplan et al. 2020 (arXiv 2001.08361), Eq. (1.4) and Sec. 5.1: the critical batch size, past which
// a bigger batch buys little speed, depends on the loss alone: B_crit(L) = B_* / L^(1/alpha_B), with
// B_* ~ 2e8 tokens and alpha_B ~ 0.21. L is their WebText2 loss in nats/token: fed another
// dataset's loss (every law here but Kaplan's own), B_crit is an order of magnitude, not a setting.
inline constexpr double kKaplanBatchStar = 2e8, kKaplanAlphaB = 0.21;

struct HyperParams {
    double flops = 0;
    double learning_rate = 0;          // DeepSeek's eta_opt at C
    double batch_tokens = 0;           // DeepSeek's B_opt at C, tokens per step
    bool has_steps = false;
    double tokens = 0, steps = 0;      // the optimum's D, and D / B_opt optimizer steps
    bool has_critical_batch = false;   // the law predicts a loss at the optimum
    double loss = 0;                   // that loss, nats/token
    double critical_batch_tokens = 0;  // Kaplan's B_crit(loss)
    std::vector<std::string> warnings;
};

// The hyper-parameters at `flops` under `law` (its optimum gives D and the loss). Errors: a budget
// not finite and > 0, or the optimum's own errors.
Result<HyperParams> hyper_params(const Law& law, double flops);

}  // namespace scaling
