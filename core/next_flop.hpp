// next_flop.hpp: where to spend the next FLOP, in the quantities this tool can compute: what F x
// more pretraining compute buys on a law (the compute-optimal model's loss), what F x more samples
// per question buy (pass@k, plurality vote), and how many samples the same total FLOP would buy
// instead of the larger model (Snell et al. 2024's accounting, generalised to any F).
// RL scaling has no law here; the view states the published rankings as claims.
#pragma once
#include "allocation.hpp"
#include "laws.hpp"
#include "result.hpp"
#include "self_consistency.hpp"

namespace scaling {

// Pretraining X = 6·N·D_pre, inference Y = k·2·N·D_inf for k samples per question (D_inf: tokens
// of one answer to every question), R = D_inf / D_pre. Pretraining F times more (a model M times
// larger, still answering with k samples) costs F·X + M·k·Y' where Y' = 2·N·D_inf; keeping the model
// and sampling k' per question costs X + k'·Y'. Equal when k' = M·k + 3·(F − 1)/R. With k = 1 and
// F = M (Snell et al.'s larger model on the same data) this is samples_matching_larger_model.
double samples_at_equal_flop(double compute_factor, double size_ratio, double samples_now, double r);

struct NextFlop {
    double factor = 10;
    Allocation now, scaled;       // the law's compute-optimal model at C and factor·C
    bool has_loss = false;
    double loss_gain = 0;         // now.loss − scaled.loss, nats/token
    bool has_reducible = false;   // laws with an irreducible E: the share of L − E the step removes
    double reducible_share = 0;
    double size_ratio = 0;        // scaled.params / now.params (0 when the law gives no parameters)
    double samples_now = 1, samples_scaled = 10;  // k and factor·k
    double pass_now = 0, pass_scaled = 0;         // pass@k, pass@(factor·k)
    Vote vote_now, vote_scaled;                   // plurality vote at k and factor·k (self_consistency.hpp)
    double equal_flop_samples = 0;                // k' (0 without a size ratio)
    double pass_equal_flop = 0;                   // pass@k'
};
// Errors name the field: flops, factor (> 1), success (0 < p <= 1), samples (whole, >= 1),
// inference_ratio (> 0). Wrong answers spread over `wrong_answers` alternatives with Zipf `skew`
// (1 wrong answer: the binary majority vote).
Result<NextFlop> next_flop(const Law& law, double flops, double factor, double p, double samples, double r,
                           int wrong_answers, double skew);

}  // namespace scaling
