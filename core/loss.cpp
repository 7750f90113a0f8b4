// loss.cpp: loss forms of the built-in laws.
#include "loss.hpp"

#include <cmath>

namespace scaling {

double chinchilla_loss(const ChinchillaConstants& c, double params, double tokens) {
    return c.E + c.A / std::pow(params, c.alpha) + c.B / std::pow(tokens, c.beta);
}

double kaplan_loss_n(const KaplanConstants& k, double params) {
    return std::pow(k.N_c / params, k.alpha_N);
}

double kaplan_loss_d(const KaplanConstants& k, double tokens) {
    return std::pow(k.D_c / tokens, k.alpha_D);
}

double kaplan_loss_c(const KaplanConstants& k, double cmin_pf_days) {
    return std::pow(k.C_c / cmin_pf_days, k.alpha_C);
}

double kaplan_loss_nd(const KaplanConstants& k, double params, double tokens) {
    return std::pow(std::pow(k.nd_N_c / params, k.nd_alpha_N / k.nd_alpha_D) + k.nd_D_c / tokens,
                    k.nd_alpha_D);
}

Result<double> predict_loss(const Law& law, double params, double tokens) {
    using R = Result<double>;
    if (!law.has_loss()) return R::fail("law " + law.id + " predicts no loss (it is an allocation rule only)");
    if (!(std::isfinite(params) && params > 0)) return R::fail("params must be a finite number greater than zero");
    if (!(std::isfinite(tokens) && tokens > 0)) return R::fail("tokens must be a finite number greater than zero");
    double loss = 0;
    switch (law.kind) {
        case LawKind::Chinchilla: loss = chinchilla_loss(law.chinchilla, params, tokens); break;
        case LawKind::Kaplan: loss = kaplan_loss_nd(law.kaplan, params, tokens); break;
        default: break;  // allocation-only laws: has_loss() is false, refused above
    }
    if (!std::isfinite(loss)) return R::fail("the predicted loss overflows at these sizes");
    return R::of(loss);
}

}  // namespace scaling
