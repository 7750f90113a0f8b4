// fit.hpp: fitting L(N, D) = E + A/N^alpha + B/D^beta to runs the way Hoffmann et al. (2022) and
// Besiroglu et al. (2024) did: minimise the Huber loss (delta = 1e-3) of the log-residuals of
//   log L_hat = LSE(a - alpha·log N, b - beta·log D, e),   A = e^a, B = e^b, E = e^e,
// by L-BFGS (LBFGSpp, Debian) from every start of a 4,500-point grid, keeping the best optimum;
// then bootstrap the runs for intervals.
#pragma once
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "laws.hpp"
#include "result.hpp"
#include "runs.hpp"

namespace scaling {

struct FitOptions {
    double delta = 1e-3;  // Huber threshold on log-loss residuals (Besiroglu et al. 2024)
    // Each descent runs until it converges: the gradient's norm falls below gradient_tolerance, or
    // the objective changes by less than objective_tolerance (relative) over three iterations. Both
    // apply to the objective divided by (runs x delta^2), the mean squared residual in units of
    // delta, so they mean the same for 20 runs or 20,000. Newton steps then finish the best start
    // and every bootstrap resample (fit.cpp, newton_finish), while they gain more than
    // objective_tolerance.
    double gradient_tolerance = 1e-9;
    double objective_tolerance = 1e-12;
    // A guard against a start that never settles, never the reason one stops on real data: the most
    // any start took on the shared Chinchilla runs and their narrow subsets was 654 iterations.
    int max_iterations = 10000;
    int newton_steps = 20;  // at most, after the best start and each resample (0: none)
};

// How an L-BFGS descent ended.
enum class Stop {
    Gradient,   // the gradient's norm fell below the tolerance
    Objective,  // the objective stopped changing (relative tolerance over three iterations)
    Stalled,    // the line search could lower the objective no further in double precision
    Cap,        // max_iterations ran out first
};
const char* stop_name(Stop stop);  // "gradient", "objective", "stalled", "iteration cap"
bool stop_from_name(std::string_view name, Stop* stop);  // the inverse; false for any other text

// A fit's optimum counts as a minimum when a Newton step from it gains less than this fraction of
// the objective, measured (Convergence::newton_gain). Every reported descent ends with Newton steps
// (fit.cpp, newton_finish), after which the optima of the shared data and its subsets leave below
// 1e-13; the standard for agreeing with a reference is 1e-9.
inline constexpr double kMinimumGain = 1e-9;

struct Convergence {
    int iterations = 0;          // L-BFGS iterations of the best start (restarts after stalls included)
    int newton_steps = 0;        // Newton steps that finished it
    double gradient_norm = 0;    // |gradient| of the summed Huber objective at the optimum
    double scaled_gradient = 0;  // the same divided by (runs x delta^2), what the solver's tolerance is on
    // What a Newton step from the optimum still gains, measured, relative to the objective
    // (infinite at a saddle). The gradient alone misleads here: the Hessian's scales differ by
    // orders of magnitude, so a point 6% off in alpha can show a smaller gradient than the optimum
    // of other data.
    double newton_gain = 0;
    Stop stop = Stop::Gradient;  // how the best start's L-BFGS descent ended
    int capped = 0;              // of all starts: how many max_iterations stopped
    bool converged() const { return newton_gain <= kMinimumGain; }
};

struct FitResult {
    ChinchillaConstants c;
    double objective = 0;      // summed Huber loss at the optimum
    int starts = 0;            // starts tried
    double a_exp = 0, b_exp = 0;  // allocation exponents: N_opt ~ C^a, a = beta/(alpha+beta); b = alpha/(alpha+beta)
    Convergence convergence;   // of the best start; `capped` over all starts
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
    std::vector<FitResult> fits;  // empty when restored from saved work (the summary below is kept)
    int resamples = 0;
    std::uint64_t seed = 0;  // of the resampling: the same seed gives the same resamples
    Interval E, A, B, alpha, beta, a_exp, b_exp;  // 2.5 and 97.5 percentiles
    int not_converged = 0;  // resamples whose descent did not reach a minimum (see Convergence)
    // Pearson correlations across resamples of alpha with log A and of beta with log B: near +-1
    // the data fix only a combination of each pair (the constants trade off).
    double corr_alpha_A = 0, corr_beta_B = 0;
    // What the fits predict together, which stays determined when single constants are not: the
    // loss at the largest-compute run's N and D, and the compute-optimal N at its compute.
    Interval loss_at_largest, params_at_largest;
};
Result<BootstrapResult> bootstrap(const std::vector<Run>& runs, const FitResult& best, int resamples,
                                  std::uint64_t seed = 1, const FitOptions& options = {});

// When the fit warns that a pair of constants trades off: their correlation across resamples
// beyond kTradeOffCorrelation and the exponent's 95% interval wider than
// ±kTradeOffWidth of its estimate. The correlation alone would warn on every fit of this form: it is
// above 0.999 on Epoch's 240 runs too, since alpha multiplies log N (about 20) and a change in
// alpha is undone by one in log A. The width singles out fits where the trade-off leaves the
// exponent loose: the 240 runs give ±8% (alpha) and ±12% (beta); their subsets below 3e19 FLOP
// ±20% and ±17%.
inline constexpr double kTradeOffCorrelation = 0.95;
inline constexpr double kTradeOffWidth = 0.15;

// The sentences a user must read beside the constants: the best start stopped before a minimum,
// resamples that did, constants that trade off (and what is still well determined). Empty when
// all is well. `boot` may be null (no bootstrap).
std::vector<std::string> fit_warnings(const FitResult& fit, const BootstrapResult* boot);

// 1-D fits of loss against one quantity x (N, D or C): the saturating y = E + A·x^(-alpha) (Huber on
// log residuals, L-BFGS from a small grid) or the pure power law y = A·x^(-alpha) (E = 0; least
// squares on logs, closed form).
struct PowerFit {
    double E = 0, A = 0, alpha = 0;
    double objective = 0;
    Convergence convergence;  // of the best start (the pure law is closed form: always converged)
};
// Each form needs as many points as it has constants (kPowerPoints: 2 for the pure law, 3 for the
// saturating one) at two distinct x at least. The saturating form starts from a small grid, or only
// from `start` when given.
Result<PowerFit> fit_power(const std::vector<double>& x, const std::vector<double>& y, bool with_offset,
                           const FitOptions& options = {}, const PowerFit* start = nullptr);
inline constexpr int kPowerPoints[2] = {2, 3};  // [with_offset]
inline double power_loss(const PowerFit& f, double x) { return f.E + f.A * std::pow(x, -f.alpha); }

// The 1-D fits on `resamples` resamples of the points (with replacement, splitmix64 from `seed`):
// 95% intervals of each form's constants and of its prediction at `at` (0: none). A resample
// whose form cannot be fitted (too few distinct x) is counted in `skipped`, not hidden.
struct PowerFormIntervals {
    Interval E, A, alpha, at;
    int fitted = 0, skipped = 0;
};
struct PowerBootstrap {
    PowerFormIntervals pure, saturating;
};
PowerBootstrap bootstrap_power(const std::vector<double>& x, const std::vector<double>& y, int resamples, double at,
                               std::uint64_t seed = 1, const FitOptions& options = {});

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

// Leave one budget out: the runs grouped by compute (a group holds runs within kBudgetGroupRatio of
// its smallest C, as an IsoFLOP sweep's budgets are), each group predicted by the fit of all the
// others, from the full fit's optimum (one descent, as the held-out check and the bootstrap do).
// More than kMaxBudgetFolds groups (runs at scattered budgets) are merged into that many equal
// spans of log C. A group is skipped when fewer than 5 runs would remain to fit.
inline constexpr double kBudgetGroupRatio = 1.1;
inline constexpr int kMaxBudgetFolds = 12;
struct BacktestFold {
    double flops_lo = 0, flops_hi = 0;  // the group's compute
    int runs = 0;
    double mean_abs_error = 0, max_abs_error = 0;  // of |predicted/observed - 1|
};
struct BacktestPoint {
    double flops = 0, observed = 0, predicted = 0;
    int fold = 0;
};
struct Backtest {
    std::vector<BacktestFold> folds;
    std::vector<BacktestPoint> points;  // every predicted run
    double mean_abs_error = 0, max_abs_error = 0;  // over every predicted run
    int skipped = 0;                               // groups too big to leave out
};
Result<Backtest> leave_one_budget_out(const std::vector<Run>& runs, const FitResult& full, const FitOptions& options = {});

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
    Convergence best_conv_;
    int capped_ = 0;
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
