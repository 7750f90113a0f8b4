// fit.cpp: the Huber/L-BFGS fit of the Chinchilla form, and its bootstrap.
#include "fit.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <limits>

#include <Eigen/Core>
#include <Eigen/Eigenvalues>

#include "allocation.hpp"
#include "loss.hpp"
#include "quantity.hpp"
#include "uncertainty.hpp"
#include <LBFGS.h>

namespace scaling {
namespace {

struct Prepared {
    std::vector<double> ln_n, ln_d, ln_l;
};

Prepared prepare(const std::vector<Run>& runs) {
    Prepared p;
    for (const Run& r : runs) {
        p.ln_n.push_back(std::log(r.params));
        p.ln_d.push_back(std::log(r.tokens));
        p.ln_l.push_back(std::log(r.loss));
    }
    return p;
}

double objective(const Prepared& p, const double* x, double delta, double* grad) {
    const double a = x[0], b = x[1], e = x[2], alpha = x[3], beta = x[4];
    double f = 0;
    double g[5] = {0, 0, 0, 0, 0};
    for (size_t i = 0; i < p.ln_n.size(); ++i) {
        const double t1 = a - alpha * p.ln_n[i], t2 = b - beta * p.ln_d[i], t3 = e;
        const double m = std::max(t1, std::max(t2, t3));
        const double w1 = std::exp(t1 - m), w2 = std::exp(t2 - m), w3 = std::exp(t3 - m);
        const double s = w1 + w2 + w3;
        const double r = m + std::log(s) - p.ln_l[i];
        const double ar = std::fabs(r);
        f += ar <= delta ? 0.5 * r * r : delta * (ar - 0.5 * delta);
        if (!grad) continue;
        const double psi = ar <= delta ? r : (r > 0 ? delta : -delta);  // Huber's derivative
        const double k = psi / s;
        g[0] += k * w1;
        g[1] += k * w2;
        g[2] += k * w3;
        g[3] -= k * w1 * p.ln_n[i];
        g[4] -= k * w2 * p.ln_d[i];
    }
    if (grad) std::copy(g, g + 5, grad);
    return f;
}

FitResult finish(const double* x, double f, int starts, const Convergence& conv) {
    FitResult r;
    r.c.A = std::exp(x[0]);
    r.c.B = std::exp(x[1]);
    r.c.E = std::exp(x[2]);
    r.c.alpha = x[3];
    r.c.beta = x[4];
    r.objective = f;
    r.starts = starts;
    r.a_exp = r.c.beta / (r.c.alpha + r.c.beta);
    r.b_exp = r.c.alpha / (r.c.alpha + r.c.beta);
    r.convergence = conv;
    return r;
}

// What one descent reached: the objective at its best point and how it ended.
struct Descent {
    double f = 0;
    Convergence conv;
};

// LBFGSpp's settings for FitOptions' tolerances, shared by the 5-constant and the 1-D fits.
LBFGSpp::LBFGSParam<double> solver_param(const FitOptions& o) {
    LBFGSpp::LBFGSParam<double> param;
    param.epsilon = o.gradient_tolerance;
    param.epsilon_rel = 0;
    param.past = 3;
    param.delta = o.objective_tolerance;
    param.max_iterations = o.max_iterations;
    return param;
}

// One L-BFGS descent of `f(x, grad)` (an objective already scaled so the tolerances are relative),
// leaving `x` at the best point reached. LBFGSpp 0.1.0 throws when a line search cannot progress,
// and that happens away from minima too (a stale curvature pair turns the direction uphill): on
// the shared data one bootstrap resample in 25 stalled 1-17% above its minimum. So a stalled
// descent restarts from its best point with fresh curvature memory, for as long as a restart
// gains more than the objective tolerance; the restarts share max_iterations. Iterations are
// counted here because a throw loses the solver's count: a point starts a new iteration when it
// passes the Armijo test by which the solver's backtracking line search accepts it
// (f <= f_k + ftol·g_k·(x - x_k)); a unit test checks the count against the solver's.
template <int Dim, class F>
Convergence descend_with(F&& f, Eigen::Matrix<double, Dim, 1>& x, const FitOptions& o, bool restarts = true) {
    using V = Eigen::Matrix<double, Dim, 1>;
    LBFGSpp::LBFGSParam<double> param = solver_param(o);
    V best_x = x, acc_x = x, acc_g = V::Zero(x.size());
    double best_f = std::numeric_limits<double>::infinity(), acc_f = best_f;
    int run_steps = -1;  // this run's accepted steps; the first evaluation is its start, not a step
    auto fun = [&](const Eigen::VectorXd& at, Eigen::VectorXd& grad) {
        V g;
        const V pt = at;
        const double fx = f(pt, g);
        grad = g;
        if (run_steps < 0 || fx <= acc_f + param.ftol * acc_g.dot(pt - acc_x)) ++run_steps, acc_x = pt, acc_f = fx, acc_g = g;
        if (std::isfinite(fx) && fx < best_f) best_f = fx, best_x = pt;
        return fx;
    };
    Convergence conv;
    for (;;) {
        param.max_iterations = o.max_iterations - conv.iterations;  // > 0: LBFGSpp reads 0 as no cap
        LBFGSpp::LBFGSSolver<double> solver(param);
        Eigen::VectorXd v = best_x;
        const double before = best_f;
        double fx = 0;
        int k = -1;
        run_steps = -1;
        try {
            k = solver.minimize(fun, v, fx);
        } catch (const std::exception&) {
        }
        conv.iterations += std::max(run_steps, 0);
        if (k >= 0) {
            V g;
            f(best_x, g);
            conv.stop = k >= param.max_iterations ? Stop::Cap : g.norm() <= o.gradient_tolerance ? Stop::Gradient : Stop::Objective;
            break;
        }
        conv.stop = conv.iterations >= o.max_iterations ? Stop::Cap : Stop::Stalled;
        if (!restarts || conv.stop == Stop::Cap || !(before - best_f > o.objective_tolerance * std::fabs(best_f))) break;
    }
    x = best_x;
    conv.capped = conv.stop == Stop::Cap ? 1 : 0;
    return conv;
}

// The end of every descent that reports a result: Newton steps, then the measurement that says
// whether x is a minimum. The gradient says little on its own: the fit's Hessian is badly
// conditioned (alpha and beta multiply log N and log D, about 20), so a point within 1e-9 of the
// optimum in alpha can show a gradient of 1e-7 while one 6% off shows 1e-4. What the gradient's
// scale cannot fool is a Newton step, -H⁻¹g, tried from its full length down (backtracking), and
// what it gains relative to f. H comes from central differences of the analytic gradient;
// directions of negative curvature are left out of the step (a minimum has none) and probed
// instead: the Huber objective has no second derivative at its kinks, so finite differences can
// show a negative curvature at a true minimum (seen at -2e-4 of the largest), and only a measured
// descent tells a saddle from that. Measured, not predicted as ½·g^T·H⁻¹·g: at verified optima that
// prediction reached 1e-6.
// L-BFGS's objective test stops a little early on the flat ridges of resampled data: there a
// Newton step still gained up to 1.6e-6 (alpha moved by up to 0.0003), so steps are taken while
// they gain more than the objective tolerance, at most FitOptions::newton_steps of them; the last measured
// gain is the report's newton_gain. On flatter data a 100-iteration cap left 0.87% to gain and the
// step found it.

template <int Dim, class F>
void newton_finish(F&& f, Eigen::Matrix<double, Dim, 1>& x, const FitOptions& o, Convergence& conv) {
    using V = Eigen::Matrix<double, Dim, 1>;
    using M = Eigen::Matrix<double, Dim, Dim>;
    for (int taken = 0;; ++taken) {
        V g;
        const double fx = f(x, g);
        conv.scaled_gradient = g.norm();
        M h;
        for (int j = 0; j < Dim; ++j) {
            const double step = 1e-6 * std::max(1.0, std::fabs(x[j]));
            V xp = x, xm = x, gp, gm;
            xp[j] += step, xm[j] -= step;
            f(xp, gp), f(xm, gm);
            h.col(j) = (gp - gm) / (2 * step);
        }
        const Eigen::SelfAdjointEigenSolver<M> eig(0.5 * (h + h.transpose()));
        const V along = eig.eigenvectors().transpose() * g;
        V newton = V::Zero();
        for (int i = 0; i < Dim; ++i)
            if (eig.eigenvalues()[i] > 0) newton -= along[i] / eig.eigenvalues()[i] * eig.eigenvectors().col(i);
        // Candidates: the Newton step from its full length down, and, where the measured curvature
        // is negative (a saddle, or kinks seen through the finite differences), steps both ways
        // along that direction from a unit length down.
        double gained = 0;
        V best_step = V::Zero();
        auto consider = [&](const V& step) {
            V gy;
            const double fy = f(V(x + step), gy);
            if (std::isfinite(fy) && fx - fy > gained) gained = fx - fy, best_step = step;
        };
        for (double t = 1; t > 1e-6; t *= 0.5) consider(t * newton);
        for (int i = 0; i < Dim; ++i)
            if (eig.eigenvalues()[i] < 0)
                for (double t = 1; t > 1e-7; t *= 0.25) consider(t * eig.eigenvectors().col(i)), consider(-t * eig.eigenvectors().col(i));
        conv.newton_gain = std::isfinite(fx) && fx > 0 ? gained / fx : std::numeric_limits<double>::infinity();
        if (taken >= o.newton_steps || !(conv.newton_gain > o.objective_tolerance)) return;
        x += best_step;
        ++conv.newton_steps;
    }
}

using Vec5 = Eigen::Matrix<double, 5, 1>;

// The Huber objective divided by (runs x delta^2), as the solver sees it (FitOptions).
double scale_of(const Prepared& p, double delta) { return 1.0 / (static_cast<double>(p.ln_n.size()) * delta * delta); }
auto scaled_objective(const Prepared& p, double delta) {
    return [&p, delta, scale = scale_of(p, delta)](const Vec5& v, Vec5& grad) {
        double g[5];
        const double f = objective(p, v.data(), delta, g) * scale;
        for (int i = 0; i < 5; ++i) grad[i] = g[i] * scale;
        return f;
    };
}

// The five-constant descent from x5 (left at the best point), its objective reported unscaled.
// Without `restarts` a stall ends it: the grid's 4,500 starts only rank basins (most stall, many
// far from any minimum, and restarting them all costs ten times as much); the best is then
// descended again with restarts.
Descent descend(const Prepared& p, double* x5, const FitOptions& o, bool restarts = true) {
    Vec5 x = Eigen::Map<Vec5>(x5);
    Descent d;
    d.conv = descend_with<5>(scaled_objective(p, o.delta), x, o, restarts);
    std::copy(x.data(), x.data() + 5, x5);
    d.f = objective(p, x5, o.delta, nullptr);
    if (!std::isfinite(d.f)) d.f = std::numeric_limits<double>::infinity();
    return d;
}

// Newton steps from x5 to the minimum and the convergence report's measurements there (see
// newton_finish); returns the objective at the final x5, unscaled.
double finish_at(const Prepared& p, double* x5, const FitOptions& o, Convergence& conv) {
    Vec5 x = Eigen::Map<Vec5>(x5);
    newton_finish<5>(scaled_objective(p, o.delta), x, o, conv);
    std::copy(x.data(), x.data() + 5, x5);
    conv.gradient_norm = conv.scaled_gradient / scale_of(p, o.delta);
    return objective(p, x5, o.delta, nullptr);
}

// splitmix64: the same resamples on every platform.
std::uint64_t next_random(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void start_at(const FitResult& best, double x[5]) {
    x[0] = std::log(best.c.A), x[1] = std::log(best.c.B), x[2] = std::log(best.c.E);
    x[3] = best.c.alpha, x[4] = best.c.beta;
}

double correlation(const std::vector<double>& x, const std::vector<double>& y) {
    const double n = static_cast<double>(x.size());
    double mx = 0, my = 0;
    for (size_t i = 0; i < x.size(); ++i) mx += x[i] / n, my += y[i] / n;
    double sxx = 0, syy = 0, sxy = 0;
    for (size_t i = 0; i < x.size(); ++i)
        sxx += (x[i] - mx) * (x[i] - mx), syy += (y[i] - my) * (y[i] - my), sxy += (x[i] - mx) * (y[i] - my);
    return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0.0;
}

// Over the bootstrap fits: every constant's 95% interval, the pairs' correlations, how many
// resamples stopped short of a minimum, and the two predictions at the largest-compute run.
void fill_intervals(BootstrapResult& out, const std::vector<Run>& runs) {
    const Run& largest = *std::max_element(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.flops < b.flops; });
    std::vector<double> e, a, b, al, be, ae, be_exp, log_a, log_b, loss, params;
    out.not_converged = 0;
    out.resamples = static_cast<int>(out.fits.size());
    for (const FitResult& f : out.fits) {
        e.push_back(f.c.E), a.push_back(f.c.A), b.push_back(f.c.B), al.push_back(f.c.alpha), be.push_back(f.c.beta);
        ae.push_back(f.a_exp), be_exp.push_back(f.b_exp);
        log_a.push_back(std::log(f.c.A)), log_b.push_back(std::log(f.c.B));
        loss.push_back(chinchilla_loss(f.c, largest.params, largest.tokens));
        params.push_back(chinchilla_optimal_split(f.c, largest.flops).params);
        out.not_converged += f.convergence.converged() ? 0 : 1;
    }
    out.E = central_95(e), out.A = central_95(a), out.B = central_95(b);
    out.alpha = central_95(al), out.beta = central_95(be);
    out.a_exp = central_95(ae), out.b_exp = central_95(be_exp);
    out.corr_alpha_A = correlation(al, log_a);
    out.corr_beta_B = correlation(be, log_b);
    out.loss_at_largest = central_95(loss);
    out.params_at_largest = central_95(params);
}

// One resample's fit, from the best fit's constants.
FitResult fit_resample(const std::vector<Run>& runs, std::uint64_t& state, const double start[5],
                       const FitOptions& options, std::vector<Run>& sample) {
    sample.resize(runs.size());
    for (Run& r : sample) r = runs[next_random(state) % runs.size()];
    return fit_from(sample, start, options);
}

bool better(double f, const double* x, double best_f) {
    return f < best_f && std::isfinite(x[0] + x[1] + x[2] + x[3] + x[4]) && x[3] > 0 && x[4] > 0;
}

}  // namespace

const char* stop_name(Stop stop) {
    switch (stop) {
        case Stop::Gradient: return "gradient";
        case Stop::Objective: return "objective";
        case Stop::Stalled: return "stalled";
        case Stop::Cap: return "iteration cap";
    }
    return "";
}

bool stop_from_name(std::string_view name, Stop* stop) {
    for (Stop s : {Stop::Gradient, Stop::Objective, Stop::Stalled, Stop::Cap})
        if (name == stop_name(s)) return *stop = s, true;
    return false;
}

std::vector<std::string> fit_warnings(const FitResult& fit, const BootstrapResult* boot) {
    std::vector<std::string> out;
    const Convergence& c = fit.convergence;
    auto g3 = [](double x) { return format_scientific(x, 2); };
    if (!c.converged())
        out.push_back("The fit did not reach a minimum: its best start " +
                      std::string(c.stop == Stop::Cap ? "ran out of iterations" : "stopped") + " after " +
                      std::to_string(c.iterations) + " iterations, where a Newton step would still lower the "
                      "objective by " + (std::isfinite(c.newton_gain) ? g3(c.newton_gain * 100) + "%" : std::string("an unknown amount (a saddle)")) +
                      " (gradient norm " + g3(c.gradient_norm) + "). The constants may be far from the optimum.");
    if (c.capped > 0)
        out.push_back(std::to_string(c.capped) + " of " + std::to_string(fit.starts) +
                      " starts ran out of iterations before converging; one of them might have led lower.");
    if (!boot) return out;
    const int n = boot->resamples;
    if (boot->not_converged > 0)
        out.push_back(std::to_string(boot->not_converged) + " of " + std::to_string(n) +
                      " bootstrap resamples were still descending when they stopped: resampled runs that cannot fix a "
                      "constant let it run off (E toward 0, most often). The intervals include them where they stopped.");
    auto iv = [](const Interval& i, auto fmt) { return fmt(i.lo) + " to " + fmt(i.hi); };
    auto g = [](double x) {  // A and B: whole numbers from 100 up, three digits below
        char b[32];
        std::snprintf(b, sizeof b, x >= 100 ? "%.0f" : "%.3g", x);
        return std::string(b);
    };
    auto f3 = [](double x) { return format_fixed(x, 3); };
    std::string pairs;
    const struct { const char* exp; const char* scale; double corr, estimate; Interval exp_iv, scale_iv; } pair[2] = {
        {"α", "A", boot->corr_alpha_A, fit.c.alpha, boot->alpha, boot->A},
        {"β", "B", boot->corr_beta_B, fit.c.beta, boot->beta, boot->B}};
    for (const auto& q : pair) {
        const double half = (q.exp_iv.hi - q.exp_iv.lo) / 2 / q.estimate;
        if (!(std::fabs(q.corr) > kTradeOffCorrelation && half > kTradeOffWidth)) continue;
        pairs += std::string(pairs.empty() ? "" : "; ") + q.exp + " and " + q.scale + " (correlation " + f3(q.corr) +
                 ": " + q.exp + " " + iv(q.exp_iv, f3) + ", ±" + format_fixed(half * 100, 0) + "%; " + q.scale + " " +
                 iv(q.scale_iv, g) + ")";
    }
    if (!pairs.empty())
        out.push_back("The constants trade off across " + std::to_string(n) + " resamples: " + pairs +
                      ". The data fix each pair's combination better than either constant. Better determined: the loss "
                      "at the largest-compute run, " + iv(boot->loss_at_largest, f3) +
                      " nats/token, and the compute-optimal size at its compute, " +
                      iv(boot->params_at_largest, [](double x) { return format_count(x); }) + " parameters.");
    return out;
}

void grid_start(int i, double x[5]) {
    const int ibe = i % 5, ial = (i / 5) % 5, ie = (i / 25) % 5, ib = (i / 125) % 6, ia = (i / 750) % 6;
    x[0] = 5.0 * ia;
    x[1] = 5.0 * ib;
    x[2] = -1 + 0.5 * ie;
    x[3] = 0.5 * ial;
    x[4] = 0.5 * ibe;
}

double huber_objective(const std::vector<Run>& runs, const double x[5], double delta, double grad[5]) {
    return objective(prepare(runs), x, delta, grad);
}

FitResult fit_from(const std::vector<Run>& runs, const double start[5], const FitOptions& options) {
    const Prepared p = prepare(runs);
    double x[5];
    std::copy(start, start + 5, x);
    Descent d = descend(p, x, options);
    const double f = finish_at(p, x, options, d.conv);
    return finish(x, f, 1, d.conv);
}

Result<FitResult> fit_chinchilla(const std::vector<Run>& runs, const FitOptions& options) {
    FitJob job(runs, 0, options);
    while (job.step(kGridStarts)) {
    }
    return job.fit();
}

Result<PowerFit> fit_power(const std::vector<double>& x, const std::vector<double>& y, bool with_offset,
                           const FitOptions& options, const PowerFit* start) {
    using R = Result<PowerFit>;
    const size_t need = static_cast<size_t>(kPowerPoints[with_offset ? 1 : 0]);
    if (x.size() != y.size() || x.size() < need)
        return R::fail(std::string(with_offset ? "E + A x^-alpha has 3 constants and needs" : "A x^-alpha has 2 constants and needs") +
                           " at least " + std::to_string(need) + " points",
                       "runs");
    std::vector<double> lx, ly;
    for (size_t i = 0; i < x.size(); ++i) {
        if (!(x[i] > 0 && y[i] > 0 && std::isfinite(x[i]) && std::isfinite(y[i])))
            return R::fail("every x and loss must be finite and greater than zero", "runs");
        lx.push_back(std::log(x[i]));
        ly.push_back(std::log(y[i]));
    }
    const double n = static_cast<double>(lx.size());
    double mx = 0, my = 0;
    for (size_t i = 0; i < lx.size(); ++i) mx += lx[i] / n, my += ly[i] / n;
    double sxx = 0, sxy = 0;
    for (size_t i = 0; i < lx.size(); ++i) sxx += (lx[i] - mx) * (lx[i] - mx), sxy += (lx[i] - mx) * (ly[i] - my);
    if (!(sxx > 0)) return R::fail("all x are equal: no slope to fit", "runs");
    PowerFit pure;
    pure.alpha = -sxy / sxx;
    pure.A = std::exp(my + pure.alpha * mx);
    for (size_t i = 0; i < lx.size(); ++i) {
        const double r = std::log(pure.A) - pure.alpha * lx[i] - ly[i];
        pure.objective += r * r;
    }
    if (!with_offset) return R::of(pure);

    // E + A x^-alpha: parameters (log A, log E, alpha); log L_hat = LSE(log A - alpha·log x, log E).
    auto objective = [&](const double* p, double* g) {
        double f = 0, ga = 0, ge = 0, gal = 0;
        for (size_t i = 0; i < lx.size(); ++i) {
            const double t1 = p[0] - p[2] * lx[i], t2 = p[1];
            const double m = std::max(t1, t2);
            const double w1 = std::exp(t1 - m), w2 = std::exp(t2 - m), s = w1 + w2;
            const double r = m + std::log(s) - ly[i];
            const double ar = std::fabs(r);
            f += ar <= options.delta ? 0.5 * r * r : options.delta * (ar - 0.5 * options.delta);
            const double psi = ar <= options.delta ? r : (r > 0 ? options.delta : -options.delta);
            ga += psi * w1 / s;
            ge += psi * w2 / s;
            gal -= psi * w1 / s * lx[i];
        }
        if (g) g[0] = ga, g[1] = ge, g[2] = gal;
        return f;
    };
    // The same tolerances as the five-constant fit, on the objective divided by (points x delta^2).
    const double scale = 1.0 / (n * options.delta * options.delta);
    auto scaled = [&](const Eigen::Vector3d& q, Eigen::Vector3d& grad) {
        double g[3];
        const double f = objective(q.data(), g) * scale;
        grad << g[0] * scale, g[1] * scale, g[2] * scale;
        return f;
    };
    double best_f = std::numeric_limits<double>::infinity();
    Eigen::Vector3d best(0, 0, 0);
    Convergence best_conv;
    int capped = 0;
    const double min_y = *std::min_element(y.begin(), y.end());
    auto try_start = [&](Eigen::Vector3d v) {
        const Convergence conv = descend_with<3>(scaled, v, options);
        capped += conv.capped;
        const double f = objective(v.data(), nullptr);
        if (std::isfinite(f) && f < best_f && v[2] > 0) best_f = f, best = v, best_conv = conv;
    };
    if (start) {  // one descent from a known optimum (a bootstrap resample near the full fit)
        try_start(Eigen::Vector3d(std::log(start->A), std::log(start->E), start->alpha));
    } else {
        for (double e_frac : {0.2, 0.4, 0.6, 0.8, 0.95})
            for (double alpha : {0.05, 0.1, 0.2, 0.3, 0.5, 1.0}) {
                // Start with E below the smallest loss and A putting the curve through the data's middle.
                const double e = e_frac * min_y;
                try_start(Eigen::Vector3d(std::log(std::max(std::exp(my) - e, 1e-12)) + alpha * mx, std::log(e), alpha));
            }
    }
    if (!std::isfinite(best_f)) return R::fail("no start converged", "runs");
    newton_finish<3>(scaled, best, options, best_conv);
    best_conv.gradient_norm = best_conv.scaled_gradient / scale;
    PowerFit f;
    f.A = std::exp(best[0]);
    f.E = std::exp(best[1]);
    f.alpha = best[2];
    f.objective = objective(best.data(), nullptr);
    f.convergence = best_conv;
    f.convergence.capped = capped;
    // Through every point (three points, three constants): the objective is 0, its least value, so
    // this is a minimum, and a gain relative to 0 would be undefined.
    if (f.objective <= 0) f.convergence.newton_gain = 0;
    return R::of(f);
}

Result<HeldOut> held_out_check(const std::vector<Run>& runs, const FitResult& full, double fraction,
                               const FitOptions& options) {
    using R = Result<HeldOut>;
    if (!(fraction > 0 && fraction < 0.5)) return R::fail("the held-out fraction must lie in (0, 0.5)", "fraction");
    std::vector<Run> sorted = runs;
    std::sort(sorted.begin(), sorted.end(), [](const Run& a, const Run& b) { return a.flops < b.flops; });
    const int k = std::max(1, static_cast<int>(std::ceil(fraction * sorted.size())));
    if (static_cast<int>(sorted.size()) - k < 5) return R::fail("too few runs left to fit after holding some out", "runs");
    const std::vector<Run> train(sorted.begin(), sorted.end() - k);
    // One descent from the full fit's optimum: the grid's best basin, refitted without the held-out runs.
    double start[5];
    start_at(full, start);
    const FitResult f = fit_from(train, start, options);
    HeldOut h;
    h.held_out = k;
    h.min_flops = sorted[sorted.size() - static_cast<size_t>(k)].flops;
    for (size_t i = sorted.size() - static_cast<size_t>(k); i < sorted.size(); ++i) {
        const Run& r = sorted[i];
        const double err = chinchilla_loss(f.c, r.params, r.tokens) / r.loss - 1;
        h.mean_abs_error += std::fabs(err) / k;
        h.max_abs_error = std::max(h.max_abs_error, std::fabs(err));
    }
    return R::of(h);
}

Result<Backtest> leave_one_budget_out(const std::vector<Run>& runs, const FitResult& full, const FitOptions& options) {
    using R = Result<Backtest>;
    std::vector<Run> sorted = runs;
    std::sort(sorted.begin(), sorted.end(), [](const Run& a, const Run& b) { return a.flops < b.flops; });
    // Group index per sorted run: a new group where C leaves kBudgetGroupRatio of the group's first.
    std::vector<int> group(sorted.size(), 0);
    int groups = 0;
    double first = 0;
    for (size_t i = 0; i < sorted.size(); ++i) {
        if (i == 0 || sorted[i].flops > first * kBudgetGroupRatio) first = sorted[i].flops, ++groups;
        group[i] = groups - 1;
    }
    if (groups > kMaxBudgetFolds) {
        const double lo = std::log(sorted.front().flops), span = std::log(sorted.back().flops) - lo;
        for (size_t i = 0; i < sorted.size(); ++i)
            group[i] = std::min(kMaxBudgetFolds - 1, static_cast<int>((std::log(sorted[i].flops) - lo) / span * kMaxBudgetFolds));
        groups = kMaxBudgetFolds;
    }
    if (groups < 2) return R::fail("the runs share one budget: there is no other budget to predict it from", "runs");
    double start[5];
    start_at(full, start);
    Backtest b;
    for (int g = 0; g < groups; ++g) {
        std::vector<Run> train;
        std::vector<const Run*> test;
        for (size_t i = 0; i < sorted.size(); ++i) {
            if (group[i] == g) test.push_back(&sorted[i]);
            else train.push_back(sorted[i]);
        }
        if (test.empty()) continue;  // an empty span of log C
        if (train.size() < 5) {
            ++b.skipped;
            continue;
        }
        const FitResult f = fit_from(train, start, options);
        BacktestFold fold;
        fold.flops_lo = test.front()->flops, fold.flops_hi = test.back()->flops;
        fold.runs = static_cast<int>(test.size());
        for (const Run* r : test) {
            const double predicted = chinchilla_loss(f.c, r->params, r->tokens);
            const double err = std::fabs(predicted / r->loss - 1);
            fold.mean_abs_error += err / static_cast<double>(test.size());
            fold.max_abs_error = std::max(fold.max_abs_error, err);
            b.points.push_back({r->flops, r->loss, predicted, static_cast<int>(b.folds.size())});
        }
        b.folds.push_back(fold);
    }
    if (b.points.empty()) return R::fail("every budget holds too many runs to leave out", "runs");
    for (const BacktestPoint& p : b.points) {
        const double err = std::fabs(p.predicted / p.observed - 1);
        b.mean_abs_error += err / static_cast<double>(b.points.size());
        b.max_abs_error = std::max(b.max_abs_error, err);
    }
    return R::of(std::move(b));
}

std::vector<Run> exclude_top_losses(std::vector<Run> runs, int k) {
    if (k <= 0) return runs;
    std::vector<double> losses;
    for (const Run& r : runs) losses.push_back(r.loss);
    std::sort(losses.begin(), losses.end(), std::greater<double>());
    if (static_cast<size_t>(k) >= losses.size()) return {};
    // Drop exactly k: the k highest, ties broken by order.
    std::vector<Run> out;
    int dropped = 0;
    const double threshold = losses[static_cast<size_t>(k) - 1];
    for (const Run& r : runs) {
        if (dropped < k && r.loss >= threshold) {
            ++dropped;
            continue;
        }
        out.push_back(r);
    }
    return out;
}

Result<BootstrapResult> bootstrap(const std::vector<Run>& runs, const FitResult& best, int resamples,
                                  std::uint64_t seed, const FitOptions& options) {
    using R = Result<BootstrapResult>;
    if (resamples < 10 || resamples > 100000) return R::fail("must be between 10 and 100000", "bootstrap");
    if (runs.size() < 5) return R::fail("a fit of five constants needs at least 5 runs", "runs");
    std::uint64_t state = seed;
    double start[5];
    start_at(best, start);
    BootstrapResult out;
    out.seed = seed;
    std::vector<Run> sample;
    for (int i = 0; i < resamples; ++i) out.fits.push_back(fit_resample(runs, state, start, options, sample));
    fill_intervals(out, runs);
    return R::of(std::move(out));
}

}  // namespace scaling

namespace scaling {

FitJob::FitJob(std::vector<Run> runs, int resamples, const FitOptions& options, std::uint64_t seed)
    : runs_(std::move(runs)), options_(options), resamples_(resamples), rng_(seed) {
    best_f_ = std::numeric_limits<double>::infinity();
    partial_.seed = seed;
    if (runs_.size() < 5) {
        fit_ = Result<FitResult>::fail("a fit of five constants needs at least 5 runs", "runs");
        done_ = true;
    }
}

void FitJob::restore(const FitResult& fit, const BootstrapResult* intervals) {
    next_start_ = kGridStarts;
    next_resample_ = resamples_;
    fit_ = Result<FitResult>::of(fit);
    if (intervals) boot_ = Result<BootstrapResult>::of(*intervals);
    done_ = true;
}

bool FitJob::step(int units) {
    if (done_) return false;
    const Prepared p = prepare(runs_);
    // Besiroglu et al. 2024's grid (grid_start): every start descends to convergence; the best
    // optimum is kept with its convergence report, and the starts stopped by the cap are counted.
    for (; units > 0 && next_start_ < kGridStarts; --units, ++next_start_) {
        double x[5];
        grid_start(next_start_, x);
        const Descent d = descend(p, x, options_, false);
        capped_ += d.conv.capped;
        if (better(d.f, x, best_f_)) {
            best_f_ = d.f;
            best_conv_ = d.conv;
            std::copy(x, x + 5, best_x_);
        }
        if (next_start_ + 1 == kGridStarts) {
            // The best start, descended on with restarts to its minimum (see descend).
            Convergence conv = best_conv_;
            if (std::isfinite(best_f_)) {
                const Descent polish = descend(p, best_x_, options_);
                conv.iterations += polish.conv.iterations;
                // Its stop is the report's when it moved on (a restart at a minimum only stalls).
                if (best_f_ - polish.f > options_.objective_tolerance * polish.f) conv.stop = polish.conv.stop;
                best_f_ = finish_at(p, best_x_, options_, conv);
            }
            conv.capped = capped_;
            fit_ = std::isfinite(best_f_) ? Result<FitResult>::of(finish(best_x_, best_f_, kGridStarts, conv))
                                          : Result<FitResult>::fail("no start converged to finite constants", "runs");
            if (!fit_.ok() || resamples_ <= 0) done_ = true;
        }
    }
    if (done_ || units <= 0) return !done_;
    // The bootstrap, a slice at a time; the intervals come from the whole set at the end.
    double start[5];
    start_at(fit_.value, start);
    std::vector<Run> sample;
    for (; units > 0 && next_resample_ < resamples_; --units, ++next_resample_)
        partial_.fits.push_back(fit_resample(runs_, rng_, start, options_, sample));
    if (next_resample_ >= resamples_) {
        fill_intervals(partial_, runs_);
        boot_ = Result<BootstrapResult>::of(std::move(partial_));
        done_ = true;
    }
    return !done_;
}

double FitJob::progress() const {
    const double total = kGridStarts + std::max(0, resamples_);
    return done_ ? 1.0 : (next_start_ + next_resample_) / total;
}

PowerBootstrap bootstrap_power(const std::vector<double>& x, const std::vector<double>& y, int resamples, double at,
                               std::uint64_t seed, const FitOptions& options) {
    PowerBootstrap out;
    // Each resample's saturating fit descends once from the full data's optimum, as the
    // five-constant bootstrap does (fit_resample): the grid's 30 starts per resample would cost 30x.
    const Result<PowerFit> full = fit_power(x, y, true, options);
    std::uint64_t state = seed;
    std::vector<double> sx(x.size()), sy(y.size());
    std::vector<double> v[2][4];  // [form][E, A, alpha, at]
    for (int i = 0; i < resamples; ++i) {
        for (size_t k = 0; k < x.size(); ++k) {
            const size_t j = next_random(state) % x.size();
            sx[k] = x[j], sy[k] = y[j];
        }
        for (int form = 0; form < 2; ++form) {
            PowerFormIntervals& o = form ? out.saturating : out.pure;
            const Result<PowerFit> f = fit_power(sx, sy, form == 1, options, form == 1 && full.ok() ? &full.value : nullptr);
            if (!f.ok()) {
                ++o.skipped;
                continue;
            }
            ++o.fitted;
            v[form][0].push_back(f.value.E), v[form][1].push_back(f.value.A), v[form][2].push_back(f.value.alpha);
            if (at > 0) v[form][3].push_back(power_loss(f.value, at));
        }
    }
    for (int form = 0; form < 2; ++form) {
        PowerFormIntervals& o = form ? out.saturating : out.pure;
        if (o.fitted == 0) continue;
        o.E = central_95(v[form][0]), o.A = central_95(v[form][1]), o.alpha = central_95(v[form][2]);
        if (at > 0) o.at = central_95(v[form][3]);
    }
    return out;
}

}  // namespace scaling
