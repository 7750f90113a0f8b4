// uncertainty.hpp: bands on N_opt, D_opt, tokens/param and loss from a law's published intervals.
//
// How the band is made (also shown in the UI): the paper publishes 95% intervals per parameter but
// no correlations. Each draw maps standard-normal numbers through a split normal whose median is the
// published estimate and whose 2.5/97.5 percentiles are the published interval ends, so every
// marginal matches the paper. A fit trades A against alpha (and B against beta) to keep the data's
// predictions, so each pair shares one draw (comonotone); the pairs and E draw independently.
// Independent draws of all five would allow 0.2 to 1,400 tokens per parameter at 1e24 FLOP, which
// no fit to the data supports. The correlation model is an assumption; a bootstrap of the data
// (the fitting view) replaces it when data are loaded.
#pragma once
#include <cstdint>
#include <vector>

#include "laws.hpp"
#include "result.hpp"

namespace scaling {

extern const char* const kIntervalBandMethod;  // one paragraph for the UI and the CLI's JSON

struct Band {
    std::vector<double> flops;                      // budgets, FLOP
    std::vector<double> n_lo, n_hi, d_lo, d_hi;     // 2.5 and 97.5 percentiles of N_opt, D_opt
    std::vector<double> r_lo, r_hi, l_lo, l_hi;     // of tokens/param and of the loss at the optimum
    int draws = 0;
};

// Parameter sets drawn as described above (deterministic for a seed, on every platform).
std::vector<ChinchillaConstants> interval_draws(const Law& law, int draws, std::uint64_t seed);

// The band at each budget. Errors: the law has no published intervals, or draws < 10.
Result<Band> interval_band(const Law& law, const std::vector<double>& flops, int draws = 1000,
                           std::uint64_t seed = 20240416);

}  // namespace scaling
