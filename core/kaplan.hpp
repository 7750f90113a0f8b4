// kaplan.hpp: Kaplan et al. 2020's single-variable laws as a command and a figure, and the
// loss-vs-compute exponent with and without the irreducible term on a Chinchilla-form frontier,
// which reconciles the circulating "alpha ~ 0.05-0.1" (Kaplan's exponents, laws with no E) with
// what a law with an irreducible loss gives at frontier budgets.
#pragma once
#include "laws.hpp"
#include "result.hpp"

namespace scaling {

// Kaplan et al. 2020 (arXiv 2001.08361), Eq. 1.1-1.3, constants of Table 2 / Sec. 1.2 as in
// assets/laws.jsonl (kaplan2020): each law holds when the other two resources are not limiting.
struct KaplanSingle {
    double params = 0, tokens = 0, cmin_pf_days = 0;  // the inputs: non-embedding N, D, C_min (PF-days)
    double loss_n = 0;  // L(N) = (N_c/N)^alpha_N, nats/token, Eq. 1.1
    double loss_d = 0;  // L(D) = (D_c/D)^alpha_D, Eq. 1.2
    double loss_c = 0;  // L(C_min) = (C_c/C_min)^alpha_C, Eq. 1.3
};
KaplanSingle kaplan_single(const KaplanConstants& k, double params, double tokens, double cmin_pf_days);

// The compute-optimal point of a law E + A/N^alpha + B/D^beta at C = 6ND, and the local slopes of
// its loss against compute there, as positive numbers (the loss falls as C^-exponent):
//   exponent_reducible = -d ln(L - E)/d ln C = alpha·beta/(alpha + beta), the same at every budget:
//     on the frontier N ~ C^(beta/(alpha+beta)) and D ~ C^(alpha/(alpha+beta)) (Hoffmann et al.
//     2022, Eq. 4), so A/N^alpha and B/D^beta both fall as C^(-alpha·beta/(alpha+beta));
//   exponent_total = -d ln L/d ln C = exponent_reducible · (L - E)/L, which shrinks as L nears E.
struct FrontierExponents {
    double flops = 0;               // C, training FLOP
    double params = 0, tokens = 0;  // the optimum N, D
    double loss = 0;                // L at the optimum, nats/token
    double irreducible = 0;         // E
    double exponent_reducible = 0;
    double exponent_total = 0;
};
// Errors: a law without the Chinchilla form (its field is "law"), or the optimum's own errors.
Result<FrontierExponents> frontier_exponents(const Law& law, double flops);

// The budget (FLOP) at which exponent_total equals `exponent`, by bisection on ln C over
// [1e10, 1e40]: exponent_total falls as C grows (L falls towards E). 0 when no budget there gives
// it (a law without E, or an exponent above alpha·beta/(alpha+beta) or below what 1e40 gives).
double budget_at_total_exponent(const Law& law, double exponent);

}  // namespace scaling
