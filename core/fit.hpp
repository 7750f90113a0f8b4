// fit.hpp: fitting L(N, D) = E + A/N^alpha + B/D^beta to runs the way Hoffmann et al. (2022) and
// Besiroglu et al. (2024) did: minimise the Huber loss (delta = 1e-3) of the log-residuals of
//   log L_hat = LSE(a - alpha·log N, b - beta·log D, e),   A = e^a, B = e^b, E = e^e,
// by L-BFGS (LBFGSpp, Debian) from every start of a 4,500-point grid, keeping the best optimum;
// then bootstrap the runs for intervals.
#pragma once
#include <cstdint>
#include <vector>

#include "laws.hpp"
#include "result.hpp"
#include "runs.hpp"

namespace scaling {

struct FitOptions {
    double delta = 1e-3;       // Huber threshold on log-loss residuals (Besiroglu et al. 2024)
    bool full_grid = true;     // all 4,500 starts; false: only `start` (bootstraps)
    int max_iterations = 100;  // per start
};

struct FitResult {
    ChinchillaConstants c;
    double objective = 0;      // summed Huber loss at the optimum
    int starts = 0;            // starts tried
    double a_exp = 0, b_exp = 0;  // allocation exponents: N_opt ∝ C^a, a = beta/(alpha+beta); b = alpha/(alpha+beta)
};

// The Huber objective and its gradient at x = (a, b, e, alpha, beta), for the reference benchmark
// and tests.
double huber_objective(const std::vector<Run>& runs, const double x[5], double delta, double grad[5]);

// The best fit over the grid. Errors: fewer than 5 runs, no start converging to finite constants.
Result<FitResult> fit_chinchilla(const std::vector<Run>& runs, const FitOptions& options = {});

// One L-BFGS run from `start` = (a, b, e, alpha, beta).
FitResult fit_from(const std::vector<Run>& runs, const double start[5], const FitOptions& options);

// Runs without the k highest-loss ones (Epoch dropped the 5 highest of Chinchilla's Figure 4).
std::vector<Run> exclude_top_losses(std::vector<Run> runs, int k);

// Bootstrap: refit on `resamples` resamples (with replacement) from the best fit's constants.
struct BootstrapResult {
    std::vector<FitResult> fits;
    Interval E, A, B, alpha, beta, a_exp, b_exp;  // 2.5 and 97.5 percentiles
};
Result<BootstrapResult> bootstrap(const std::vector<Run>& runs, const FitResult& best, int resamples,
                                  std::uint64_t seed = 1, const FitOptions& options = {});

// 1-D fits of loss against one quantity x (N, D or C): the saturating y = E + A·x^(-alpha) (Huber on
// log residuals, L-BFGS from a small grid) or the pure power law y = A·x^(-alpha) (E = 0; least
// squares on logs, closed form).
struct PowerFit {
    double E = 0, A = 0, alpha = 0;
    double objective = 0;
};
Result<PowerFit> fit_power(const std::vector<double>& x, const std::vector<double>& y, bool with_offset,
                           const FitOptions& options = {});

// The check a forecaster wants: refit without the largest-compute runs and see how well the fit
// predicts them. Holds out the top `fraction` by compute (at least one run).
struct HeldOut {
    int held_out = 0;
    double min_flops = 0;          // smallest compute among the held-out runs
    double mean_abs_error = 0;     // mean |predicted/observed - 1| of their losses
    double max_abs_error = 0;
};
Result<HeldOut> held_out_check(const std::vector<Run>& runs, const FitResult& full, double fraction = 0.1,
                               const FitOptions& options = {});

// Predictions beyond this multiple of the data's largest compute are flagged as extrapolation.
inline constexpr double kExtrapolationFactor = 10.0;

// A fit done in slices, so a UI can draw frames, show progress and cancel between them: the grid's
// starts first, then the bootstrap resamples.
class FitJob {
public:
    FitJob(std::vector<Run> runs, int resamples, const FitOptions& options = {}, std::uint64_t seed = 1);
    // Does up to `units` starts or resamples; returns true while work remains.
    bool step(int units);
    double progress() const;  // 0..1
    bool done() const { return done_; }
    const Result<FitResult>& fit() const { return fit_; }               // after the grid
    const Result<BootstrapResult>& intervals() const { return boot_; }  // after the bootstrap
    // A finished job from a saved result (a reload): no work left, the given fit and intervals.
    void restore(const FitResult& fit, const BootstrapResult* intervals);

private:
    std::vector<Run> runs_;
    FitOptions options_;
    int resamples_ = 0;
    int next_start_ = 0;
    double best_x_[5] = {0, 0, 0, 0, 0};
    double best_f_ = 0;
    bool done_ = false;
    Result<FitResult> fit_ = Result<FitResult>::fail("not fitted yet");
    Result<BootstrapResult> boot_ = Result<BootstrapResult>::fail("no bootstrap");
    BootstrapResult partial_;
    int next_resample_ = 0;
    std::uint64_t rng_ = 0;
};

// Grid start i of 4,500 as (a, b, e, alpha, beta).
void grid_start(int i, double x[5]);
inline constexpr int kGridStarts = 4500;

}  // namespace scaling
