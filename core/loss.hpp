// loss.hpp: loss predictions L(N, D) for each law form, and Kaplan's single-variable laws.
#pragma once
#include "laws.hpp"
#include "result.hpp"

namespace scaling {

// E + A/N^alpha + B/D^beta, nats/token.
double chinchilla_loss(const ChinchillaConstants& c, double params, double tokens);

// Kaplan et al. 2020: L(N) (Eq. 1.1), L(D) (Eq. 1.2), L(C_min) (Eq. 1.3, PF-days), L(N, D) (Eq. 1.5).
double kaplan_loss_n(const KaplanConstants& k, double params);
double kaplan_loss_d(const KaplanConstants& k, double tokens);
double kaplan_loss_c(const KaplanConstants& k, double cmin_pf_days);
double kaplan_loss_nd(const KaplanConstants& k, double params, double tokens);

// L(N, D) for any law that has a loss form; an error for one that has none, or for inputs that
// are not finite and positive, or a result that is not finite.
Result<double> predict_loss(const Law& law, double params, double tokens);

}  // namespace scaling
