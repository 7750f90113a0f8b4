// allocation.cpp: compute-optimal allocation for each law form.
#include "allocation.hpp"

#include <cmath>

#include "compute.hpp"
#include "loss.hpp"

namespace scaling {
namespace {

bool finite_positive(double x) { return std::isfinite(x) && x > 0; }

}  // namespace

Split chinchilla_optimal_split(const ChinchillaConstants& c, double flops) {
    const double sum = c.alpha + c.beta;
    const double G = std::pow(c.alpha * c.A / (c.beta * c.B), 1.0 / sum);
    const double base = flops / kTrainFlopPerParamToken;
    return {G * std::pow(base, c.beta / sum), std::pow(base, c.alpha / sum) / G};
}

Result<Allocation> optimal(const Law& law, double flops) {
    using R = Result<Allocation>;
    if (!finite_positive(flops)) return R::fail("the FLOP budget must be a finite number greater than zero");
    double params = 0, tokens = 0;
    switch (law.kind) {
        case LawKind::Chinchilla: {
            const Split s = chinchilla_optimal_split(law.chinchilla, flops);
            params = s.params;
            tokens = s.tokens;
            break;
        }
        case LawKind::Kaplan: {
            // Budget read as C_min in PF-days; D from C = 6ND (see the law's compute_convention).
            const double cmin = flops / kFlopPerPfDay;
            params = law.kaplan.alloc_k * std::pow(cmin, law.kaplan.alloc_exp);
            tokens = flops / (kTrainFlopPerParamToken * params);
            break;
        }
        case LawKind::TokensPerParam:
            // C = 6·N·(r·N)  =>  N = sqrt(C / (6r))
            params = std::sqrt(flops / (kTrainFlopPerParamToken * law.tokens_per_param));
            tokens = law.tokens_per_param * params;
            break;
        case LawKind::PowerParams:
            params = law.power.k * std::pow(flops, law.power.exp);
            tokens = flops / (kTrainFlopPerParamToken * params);
            break;
        case LawKind::PowerTokens:
            tokens = law.power.k * std::pow(flops, law.power.exp);
            params = flops / (kTrainFlopPerParamToken * tokens);
            break;
        case LawKind::DeepSeek: {
            // DeepSeek's own units: M (FLOP per token) and D, with C = M·D. Parameters only from M/N.
            Allocation a;
            a.law = law.id;
            a.flops = flops;
            a.flops_per_token = law.deepseek.m_k * std::pow(flops, law.deepseek.m_exp);
            a.has_flops_per_token = true;
            a.tokens = law.deepseek.d_k * std::pow(flops, law.deepseek.d_exp);
            a.has_params = law.has_params();
            if (a.has_params) {
                a.params = a.flops_per_token / law.m_over_n;
                a.tokens_per_param = a.tokens / a.params;
            }
            if (!finite_positive(a.flops_per_token) || !finite_positive(a.tokens) ||
                (a.has_params && !finite_positive(a.tokens_per_param)))
                return R::fail("this budget is outside what the law can represent in double precision");
            return R::of(a);
        }
    }
    if (!finite_positive(params) || !finite_positive(tokens))
        return R::fail("this budget is outside what the law can represent in double precision");
    Result<Allocation> r = at_size(law, params, tokens);
    if (r.ok()) r.value.flops = flops;  // the exact budget asked for, not 6ND re-rounded
    return r;
}

Allocation model_of(const Law& law, double params, double tokens, double loss) {
    Allocation a;
    a.law = law.id;
    a.params = params;
    a.tokens = tokens;
    a.flops = kTrainFlopPerParamToken * params * tokens;
    a.tokens_per_param = tokens / params;
    a.has_loss = loss > 0;
    a.loss = loss;
    return a;
}

Result<Allocation> at_size(const Law& law, double params, double tokens) {
    using R = Result<Allocation>;
    if (!finite_positive(params)) return R::fail("params must be a finite number greater than zero");
    if (!finite_positive(tokens)) return R::fail("tokens must be a finite number greater than zero");
    Allocation a = model_of(law, params, tokens, 0);
    if (!std::isfinite(a.flops) || !finite_positive(a.tokens_per_param))
        return R::fail("these sizes overflow double precision");
    if (law.has_loss()) {
        Result<double> l = predict_loss(law, params, tokens);
        if (!l.ok()) return R::fail(l.error);
        a.has_loss = true;
        a.loss = l.value;
    }
    return R::of(a);
}

}  // namespace scaling
