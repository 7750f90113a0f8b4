// uncertainty.cpp: percentile bands over joint bootstrap draws, and the sentence saying how.
#include "uncertainty.hpp"

#include <algorithm>
#include <cmath>

#include "allocation.hpp"
#include "draws.hpp"
#include "loss.hpp"
#include "quantity.hpp"

namespace scaling {

Interval central_95(std::vector<double> v) {
    const auto at = [&](double p) {
        const size_t k = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
        std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
        return v[k];
    };
    const double lo = at(0.025);
    return {lo, at(0.975)};
}

Result<Band> interval_band(const Law& law, const std::vector<double>& flops) {
    using R = Result<Band>;
    const Result<const DrawSet*> set = law_draws(law);
    if (!set.ok()) return R::fail(set.error, set.field);
    const std::vector<ChinchillaConstants>& draws = set.value->draws;
    Band b;
    b.flops = flops;
    b.draws = static_cast<int>(draws.size());
    std::vector<double> n, d, r, l;
    for (double c : flops) {
        n.clear(), d.clear(), r.clear(), l.clear();
        for (const ChinchillaConstants& k : draws) {
            const Split s = chinchilla_optimal_split(k, c);
            if (!(std::isfinite(s.params) && std::isfinite(s.tokens) && s.params > 0 && s.tokens > 0)) continue;
            n.push_back(s.params);
            d.push_back(s.tokens);
            r.push_back(s.tokens / s.params);
            l.push_back(chinchilla_loss(k, s.params, s.tokens));
        }
        if (n.size() < 10) return R::fail("too few draws with a finite optimum at " + format_scientific(c) + " FLOP", "flops");
        const Interval in = central_95(n), id = central_95(d), ir = central_95(r), il = central_95(l);
        b.n_lo.push_back(in.lo), b.n_hi.push_back(in.hi);
        b.d_lo.push_back(id.lo), b.d_hi.push_back(id.hi);
        b.r_lo.push_back(ir.lo), b.r_hi.push_back(ir.hi);
        b.l_lo.push_back(il.lo), b.l_hi.push_back(il.hi);
    }
    return R::of(b);
}

std::string band_method(const Law& law) {
    const Result<const DrawSet*> set = law_draws(law);
    if (!set.ok()) return law.name + ": no band (" + set.error + ").";
    const DrawSet& s = *set.value;
    const int kept = static_cast<int>(s.draws.size());
    const std::string resamples = kept < s.resamples
                                      ? "the first " + std::to_string(kept) + " of " + std::to_string(s.resamples) + " bootstrap resamples"
                                      : std::to_string(kept) + " bootstrap resamples";
    std::string out = law.name + ": 2.5th to 97.5th percentile, at each budget, over " + resamples + " of its " +
                      std::to_string(s.runs) + " runs (drawn with replacement, seed " + std::to_string(s.seed) +
                      "), each refitted; a refit's E, A, B, α and β are used together, so the band keeps the "
                      "trade-offs the data impose between them";
    if (s.not_converged > 0)
        out += "; " + std::to_string(s.not_converged) + " refits stopped short of a minimum and are kept";
    return out + ".";
}

}  // namespace scaling
