// data_limits.cpp: Muennighoff et al. 2023's effective data and parameters, and the best number of
// epochs for a budget (a one-dimensional search: the loss along C = 6ND has one minimum in log D).
#include "data_limits.hpp"

#include <algorithm>
#include <cmath>

#include "allocation.hpp"
#include "compute.hpp"
#include "loss.hpp"

namespace scaling {
namespace {

// U + U·R*·(1 − exp(−R/R*)) with R = x/U − 1; x itself when x ≤ U.
double decayed(double x, double unique, double r_star) {
    if (!(x > unique)) return x;
    const double repeats = x / unique - 1;
    return unique + unique * r_star * -std::expm1(-repeats / r_star);
}

}  // namespace

double effective_data(double tokens, double unique_tokens) { return decayed(tokens, unique_tokens, kRStarData); }

double effective_params(double params, double unique_params) { return decayed(params, unique_params, kRStarParams); }

double unique_params(const ChinchillaConstants& c, double unique_tokens) {
    // From the closed form (allocation.hpp): D_opt = (C/6)^(α/(α+β)) / G  =>  C/6 = (U·G)^((α+β)/α),
    // then N = G·(C/6)^(β/(α+β)) = G·(U·G)^(β/α).
    const double sum = c.alpha + c.beta;
    const double G = std::pow(c.alpha * c.A / (c.beta * c.B), 1.0 / sum);
    return G * std::pow(unique_tokens * G, c.beta / c.alpha);
}

double repeated_loss(const ChinchillaConstants& c, double params, double tokens, double unique_tokens) {
    const double seen = std::min(tokens, unique_tokens);  // U_D: the unique tokens actually used
    const double d_eff = effective_data(tokens, seen);
    const double n_eff = effective_params(params, std::min(params, unique_params(c, seen)));
    return chinchilla_loss(c, n_eff, d_eff);
}

DataPoint at_epochs(const ChinchillaConstants& c, double flops, double unique_tokens, double epochs) {
    DataPoint p;
    p.epochs = epochs;
    p.tokens = epochs * unique_tokens;
    p.params = flops / (kTrainFlopPerParamToken * p.tokens);
    const double seen = std::min(p.tokens, unique_tokens);
    p.effective_tokens = effective_data(p.tokens, seen);
    p.effective_params = effective_params(p.params, std::min(p.params, unique_params(c, seen)));
    p.loss = chinchilla_loss(c, p.effective_params, p.effective_tokens);
    p.fresh_loss = chinchilla_loss(c, p.params, p.tokens);
    return p;
}

Result<DataPlan> plan_data(const Law& law, double flops, double unique_tokens) {
    using R = Result<DataPlan>;
    if (law.kind != LawKind::Chinchilla)
        return R::fail("law " + law.id + " has no E + A/N^α + B/D^β form, which the repetition model needs", "law");
    if (!(std::isfinite(flops) && flops > 0)) return R::fail("must be a finite number greater than zero", "flops");
    if (!(std::isfinite(unique_tokens) && unique_tokens > 0))
        return R::fail("must be a finite number greater than zero", "unique_tokens");
    const ChinchillaConstants& c = law.chinchilla;
    DataPlan plan;
    plan.law = law.id;
    plan.flops = flops;
    plan.unique_tokens = unique_tokens;
    plan.ceiling_tokens = (1 + kRStarData) * unique_tokens;
    const Split best = chinchilla_optimal_split(c, flops);
    plan.data_binding = best.tokens > unique_tokens;
    plan.unconstrained = at_epochs(c, flops, unique_tokens, best.tokens / unique_tokens);
    plan.one_epoch = at_epochs(c, flops, unique_tokens, 1.0);

    // The optimum over log(epochs): a grid wide enough to hold it (from a tenth of the smaller of
    // D* and U up to 1,000 epochs or a model of one parameter), then golden-section refinement.
    const double lo = std::log(std::min(best.tokens, unique_tokens) / unique_tokens / 10);
    const double hi = std::log(std::min(1000.0, flops / kTrainFlopPerParamToken / unique_tokens));
    if (!(hi > lo)) return R::fail("is too small for this much data: no model of at least one parameter fits", "flops");
    const auto loss_at = [&](double log_epochs) { return at_epochs(c, flops, unique_tokens, std::exp(log_epochs)).loss; };
    constexpr int kGrid = 400;
    int best_i = 0;
    double best_loss = INFINITY;
    for (int i = 0; i <= kGrid; ++i) {
        const double l = loss_at(lo + (hi - lo) * i / kGrid);
        if (l < best_loss) best_loss = l, best_i = i;
    }
    double a = lo + (hi - lo) * std::max(0, best_i - 1) / kGrid, b = lo + (hi - lo) * std::min(kGrid, best_i + 1) / kGrid;
    const double phi = (std::sqrt(5.0) - 1) / 2;
    for (int it = 0; it < 80 && b - a > 1e-12; ++it) {
        const double x1 = b - phi * (b - a), x2 = a + phi * (b - a);
        if (loss_at(x1) < loss_at(x2)) b = x2;
        else a = x1;
    }
    plan.optimum = at_epochs(c, flops, unique_tokens, std::exp((a + b) / 2));
    for (const DataPoint* p : {&plan.unconstrained, &plan.one_epoch, &plan.optimum})
        if (!(std::isfinite(p->loss) && std::isfinite(p->params) && p->params > 0))
            return R::fail("gives no finite loss at this budget and unique data", "flops");
    return R::of(plan);
}

}  // namespace scaling
