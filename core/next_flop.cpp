// next_flop.cpp: F x pretraining compute against F x samples, and samples at equal total FLOP.
#include "next_flop.hpp"

#include <cmath>

#include "test_time.hpp"

namespace scaling {

double samples_at_equal_flop(double compute_factor, double size_ratio, double samples_now, double r) {
    return size_ratio * samples_now + 3.0 * (compute_factor - 1.0) / r;
}

Result<NextFlop> next_flop(const Law& law, double flops, double factor, double p, double samples, double r,
                           int wrong_answers, double skew) {
    using R = Result<NextFlop>;
    if (!(std::isfinite(factor) && factor > 1)) return R::fail("must be a finite number greater than 1", "factor");
    if (!(std::isfinite(p) && p > 0 && p <= 1)) return R::fail("must be above 0 and at most 1", "success");
    if (!(std::isfinite(samples) && samples >= 1 && samples == std::floor(samples) && samples <= 1e4))
        return R::fail("must be a whole number from 1 to 10000", "samples");
    if (!(std::isfinite(r) && r > 0)) return R::fail("must be a finite number greater than zero", "inference_ratio");
    if (!(wrong_answers >= 1 && wrong_answers <= 100)) return R::fail("must be a whole number from 1 to 100", "wrong_answers");
    if (!(std::isfinite(skew) && skew >= 0 && skew <= 4)) return R::fail("must be from 0 to 4", "skew");
    const Result<Allocation> now = optimal(law, flops);
    if (!now.ok()) return R::fail(now.error, "flops");
    const Result<Allocation> scaled = optimal(law, flops * factor);
    if (!scaled.ok()) return R::fail(scaled.error, "flops");
    NextFlop n;
    n.factor = factor;
    n.now = now.value;
    n.scaled = scaled.value;
    n.has_loss = n.now.has_loss && n.scaled.has_loss;
    if (n.has_loss) n.loss_gain = n.now.loss - n.scaled.loss;
    if (n.has_loss && law.kind == LawKind::Chinchilla && n.now.loss > law.chinchilla.E) {
        n.has_reducible = true;
        n.reducible_share = n.loss_gain / (n.now.loss - law.chinchilla.E);
    }
    n.samples_now = samples;
    n.samples_scaled = samples * factor;
    n.pass_now = pass_at_k(p, samples);
    n.pass_scaled = pass_at_k(p, n.samples_scaled);
    const std::vector<double> shares = wrong_answer_shares(wrong_answers, skew);
    n.vote_now = plurality_vote(p, static_cast<int>(samples), shares);
    n.vote_scaled = plurality_vote(p, static_cast<int>(std::round(std::fmin(n.samples_scaled, 1e7))), shares);
    if (n.now.has_params && n.scaled.has_params && n.now.params > 0) {
        n.size_ratio = n.scaled.params / n.now.params;
        n.equal_flop_samples = samples_at_equal_flop(factor, n.size_ratio, samples, r);
        n.pass_equal_flop = pass_at_k(p, n.equal_flop_samples);
    }
    return R::of(n);
}

}  // namespace scaling
