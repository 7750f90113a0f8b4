// data_limits.hpp: training when unique data runs out (Muennighoff et al. 2023, "Scaling
// Data-Constrained Language Models", arXiv 2305.16264, Sec. 3 and Appendix A).
//
// Repeated tokens are worth less than fresh ones: U unique tokens seen D/U times count as
//   D' = U + U·R*_D·(1 − exp(−R_D/R*_D)),  R_D = D/U − 1 (repetitions after the first pass),
// which never exceeds (1 + R*_D)·U = 16.39·U. Parameters beyond what U can feed decay alike:
//   N' = U_N + U_N·R*_N·(1 − exp(−R_N/R*_N)),  U_N = min(N, compute-optimal N for U), R_N = N/U_N − 1.
// The loss is the Chinchilla form on the effective quantities: L = E + A/N'^α + B/D'^β.
#pragma once
#include <string>

#include "laws.hpp"
#include "result.hpp"

namespace scaling {

// Their fitted decay constants (Muennighoff et al. 2023, arXiv 2305.16264, Sec. 3.2, Eq. 5 and 6).
inline constexpr double kRStarData = 15.387756;
inline constexpr double kRStarParams = 5.309743;

// D' for `tokens` trained on `unique_tokens` (D' = D when D ≤ U: nothing is repeated).
double effective_data(double tokens, double unique_tokens);
// N' for `params` when `unique_params` is what the data can feed (N' = N when N ≤ U_N).
double effective_params(double params, double unique_params);
// U_N: the parameters that are compute-optimal for `unique_tokens` under the law's closed form
// (the N of the budget whose optimal D is U; for their C4 fit about 0.051·U).
double unique_params(const ChinchillaConstants& c, double unique_tokens);
// L(N', D') for N parameters trained on D tokens drawn from U unique ones.
double repeated_loss(const ChinchillaConstants& c, double params, double tokens, double unique_tokens);

// One way to spend `flops` on U unique tokens: D = epochs·U tokens, N = C/(6D).
struct DataPoint {
    double epochs = 0;            // D / U (below 1: part of the data is never seen)
    double params = 0, tokens = 0;
    double effective_params = 0;  // N'
    double effective_tokens = 0;  // D'
    double loss = 0;              // with repetition
    double fresh_loss = 0;        // the same N, D if every token were new (the law without repetition)
};
DataPoint at_epochs(const ChinchillaConstants& c, double flops, double unique_tokens, double epochs);

struct DataPlan {
    std::string law;
    double flops = 0, unique_tokens = 0;
    bool data_binding = false;   // U is below the compute-optimal D: the data limit matters
    DataPoint unconstrained;     // the compute-optimal split, its D repeated from U (epochs = D*/U)
    DataPoint one_epoch;         // every unique token once: D = U, N = C/(6U)
    DataPoint optimum;           // the lowest loss with repetition over all epochs (their optimum)
    double ceiling_tokens = 0;   // (1 + R*_D)·U: the most effective data U can ever give
};
// Errors: a law without the Chinchilla form; budgets or U not finite and positive.
Result<DataPlan> plan_data(const Law& law, double flops, double unique_tokens);

}  // namespace scaling
