// kaplan.cpp: Kaplan's single-variable laws and the frontier's loss-vs-compute exponents.
#include "kaplan.hpp"

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

}  // namespace scaling
