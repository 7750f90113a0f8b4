// hyper.cpp: the hyper-parameter laws of hyper.hpp at a budget.
#include "hyper.hpp"

#include <cmath>

#include "allocation.hpp"
#include "quantity.hpp"

namespace scaling {

Result<HyperParams> hyper_params(const Law& law, double flops) {
    using R = Result<HyperParams>;
    const Result<Allocation> a = optimal(law, flops);
    if (!a.ok()) return R::fail(a.error, "flops");
    HyperParams h;
    h.flops = flops;
    h.learning_rate = kDeepSeekLrCoef * std::pow(flops, kDeepSeekLrExp);
    h.batch_tokens = kDeepSeekBatchCoef * std::pow(flops, kDeepSeekBatchExp);
    h.tokens = a.value.tokens;
    h.has_steps = a.value.tokens > 0;
    h.steps = h.has_steps ? a.value.tokens / h.batch_tokens : 0;
    if (law.kind != LawKind::DeepSeek)
        h.warnings.push_back("DeepSeek's C is M·D, M the non-embedding FLOP per token with attention; this law counts "
                             "6ND, without attention: the learning rate and batch read it as M·D.");
    if (h.has_steps && h.steps < 1000)
        h.warnings.push_back("Only " + format_count(h.steps) + " steps of " + format_count(h.batch_tokens) +
                             " tokens: too few for a learning-rate schedule; the laws were fitted on longer runs.");
    if (a.value.has_loss && a.value.loss > 0) {
        h.has_critical_batch = true;
        h.loss = a.value.loss;
        h.critical_batch_tokens = kKaplanBatchStar / std::pow(a.value.loss, 1 / kKaplanAlphaB);
        if (law.kind != LawKind::Kaplan)
            h.warnings.push_back("Kaplan's critical batch reads a WebText2 loss; this law's loss is on other data, so "
                                 "take B_crit as an order of magnitude.");
    }
    return R::of(std::move(h));
}

}  // namespace scaling
