// series.hpp: the data behind the canonical figures: the compute-optimal frontier, iso-FLOP
// profiles (Hoffmann et al. 2022, Fig. 3) and the loss landscape over (N, D) (their Fig. 4).
// Used by the figures, the CLI's `frontier` and the CSV export, so all three show the same numbers.
#pragma once
#include <string>
#include <vector>

#include "allocation.hpp"
#include "contour.hpp"

namespace scaling {

// n values from lo to hi, evenly spaced in log10, both ends included (n >= 2).
std::vector<double> log_space(double lo, double hi, int n);

// The compute-optimal allocation at `points` budgets from c_lo to c_hi (log-spaced).
Result<std::vector<Allocation>> frontier(const Law& law, double c_lo, double c_hi, int points);

// Loss along the iso-FLOP curve C = 6ND, for N from N_opt/10^span to N_opt·10^span.
struct IsoFlopProfile {
    double flops = 0;
    std::vector<double> params;  // N
    std::vector<double> loss;    // L(N, C/(6N))
    Allocation optimum;          // the closed-form minimum on this curve
};
Result<IsoFlopProfile> iso_flop_profile(const Law& law, double flops, int points, double span_decades);

// `count` budgets centred (in log10) on `centre`, `step_decades` apart: the iso-FLOP figure's set.
std::vector<double> budgets_around(double centre, int count, double step_decades);

// L(N, D) on an nx x ny grid, log-spaced; grid coordinates are log10 N (x) and log10 D (y).
struct LossLandscape {
    Grid grid;             // z = loss
    double z_min = 0, z_max = 0;
};
Result<LossLandscape> loss_landscape(const Law& law, double n_lo, double n_hi, double d_lo, double d_hi,
                                     int nx, int ny);

// CSV with a header row: law,flops,params,tokens,tokens_per_param,loss,extrapolated (loss empty when
// the law has none; extrapolated true where the budget lies outside the law's fitted range).
std::string allocations_csv(const std::vector<Allocation>& rows);

}  // namespace scaling
