// kaplan.cpp: Kaplan's single-variable laws and the frontier's loss-vs-compute exponents.
#include "kaplan.hpp"

#include <cmath>

#include "allocation.hpp"
#include "loss.hpp"

namespace scaling {

KaplanSingle kaplan_single(const KaplanConstants& k, double params, double tokens, double cmin_pf_days) {
    return {params, tokens, cmin_pf_days, kaplan_loss_n(k, params), kaplan_loss_d(k, tokens), kaplan_loss_c(k, cmin_pf_days)};
}

Result<FrontierExponents> frontier_exponents(const Law& law, double flops) {
    using R = Result<FrontierExponents>;
    if (law.kind != LawKind::Chinchilla)
        return R::fail("law " + law.id + " is not of the form E + A/N^alpha + B/D^beta: it has no irreducible term "
                       "to set apart", "law");
    const Result<Allocation> opt = optimal(law, flops);
    if (!opt.ok()) return R::fail(opt.error, opt.field);
    const ChinchillaConstants& c = law.chinchilla;
    FrontierExponents e;
    e.flops = flops;
    e.params = opt.value.params;
    e.tokens = opt.value.tokens;
    e.loss = opt.value.loss;
    e.irreducible = c.E;
    e.exponent_reducible = c.alpha * c.beta / (c.alpha + c.beta);
    e.exponent_total = e.exponent_reducible * (e.loss - c.E) / e.loss;
    return R::of(e);
}

double budget_at_total_exponent(const Law& law, double exponent) {
    const auto total = [&](double log_c) {
        const Result<FrontierExponents> e = frontier_exponents(law, std::exp(log_c));
        return e.ok() ? e.value.exponent_total : -1.0;
    };
    double lo = std::log(1e10), hi = std::log(1e40);
    if (!(total(lo) >= exponent && total(hi) <= exponent && total(hi) >= 0)) return 0;
    for (int i = 0; i < 200 && hi - lo > 1e-12; ++i) {
        const double mid = (lo + hi) / 2;
        (total(mid) > exponent ? lo : hi) = mid;
    }
    return std::exp((lo + hi) / 2);
}

}  // namespace scaling
