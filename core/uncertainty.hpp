// uncertainty.hpp: 95% bands on N_opt, D_opt, tokens/param and loss from a law's joint bootstrap
// draws (draws.hpp). Each draw is one refit's five constants, kept together: the trade-offs the
// data impose between them (A with alpha, B with beta) stay in every draw, with nothing assumed.
#pragma once
#include <string>
#include <vector>

#include "laws.hpp"
#include "result.hpp"

namespace scaling {

struct Band {
    std::vector<double> flops;                      // budgets, FLOP
    std::vector<double> n_lo, n_hi, d_lo, d_hi;     // 2.5 and 97.5 percentiles of N_opt, D_opt
    std::vector<double> r_lo, r_hi, l_lo, l_hi;     // of tokens/param and of the loss at the optimum
    int draws = 0;                                  // draws the percentiles are over
};

// The 2.5th and 97.5th percentiles of `values` (nearest rank: the value at rank p·(n-1), rounded),
// for the bands and for the bootstrap's intervals alike. `values` must not be empty.
Interval central_95(std::vector<double> values);

// The band at each budget: every draw's compute-optimal N, D and loss under C = 6ND, then the
// percentiles across draws. Errors: the law has no draws, its draws file did not load (or, on the
// web, has not arrived yet), fewer than 10 draws give a finite optimum at a budget.
Result<Band> interval_band(const Law& law, const std::vector<double>& flops);

// How the law's band is made, from its draws' own record (runs, resamples, seed, not converged):
// one sentence for the views, the CLI's text and its JSON.
std::string band_method(const Law& law);

}  // namespace scaling
