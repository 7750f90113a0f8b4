// fit.cpp: the Huber/L-BFGS fit of the Chinchilla form, and its bootstrap.
#include "fit.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>

#include <Eigen/Core>

#include "loss.hpp"
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

FitResult finish(const double* x, double f, int starts) {
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
    return r;
}

// One L-BFGS descent. LBFGSpp throws when a line search cannot progress (flat Huber regions do
// that); the iterate reached so far is kept, as scipy's L-BFGS-B would report it.
double descend(const Prepared& p, double* x5, const FitOptions& o) {
    LBFGSpp::LBFGSParam<double> param;
    param.epsilon = 1e-10;
    param.epsilon_rel = 1e-10;
    param.past = 3;
    param.delta = 1e-12;
    param.max_iterations = o.max_iterations;
    LBFGSpp::LBFGSSolver<double> solver(param);
    Eigen::VectorXd x = Eigen::Map<Eigen::VectorXd>(x5, 5);
    Eigen::VectorXd best_x = x;
    double best_f = std::numeric_limits<double>::infinity();
    auto fun = [&](const Eigen::VectorXd& v, Eigen::VectorXd& grad) {
        double g[5];
        const double f = objective(p, v.data(), o.delta, g);
        for (int i = 0; i < 5; ++i) grad[i] = g[i];
        if (std::isfinite(f) && f < best_f) best_f = f, best_x = v;
        return f;
    };
    double fx = 0;
    try {
        solver.minimize(fun, x, fx);
    } catch (const std::exception&) {
        // keep best_x
    }
    std::copy(best_x.data(), best_x.data() + 5, x5);
    return best_f;
}

// splitmix64: the same resamples on every platform.
std::uint64_t next_random(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void resample(const std::vector<Run>& runs, std::uint64_t& state, std::vector<Run>& sample) {
    sample.resize(runs.size());
    for (Run& r : sample) r = runs[next_random(state) % runs.size()];
}

void start_at(const FitResult& best, double x[5]) {
    x[0] = std::log(best.c.A), x[1] = std::log(best.c.B), x[2] = std::log(best.c.E);
    x[3] = best.c.alpha, x[4] = best.c.beta;
}

// 2.5 and 97.5 percentiles of every constant over the bootstrap fits.
void fill_intervals(BootstrapResult& out) {
    auto interval = [&](double (*get)(const FitResult&)) {
        std::vector<double> v;
        for (const FitResult& f : out.fits) v.push_back(get(f));
        std::sort(v.begin(), v.end());
        return Interval{v[static_cast<size_t>(0.025 * (v.size() - 1) + 0.5)], v[static_cast<size_t>(0.975 * (v.size() - 1) + 0.5)]};
    };
    out.E = interval([](const FitResult& f) { return f.c.E; });
    out.A = interval([](const FitResult& f) { return f.c.A; });
    out.B = interval([](const FitResult& f) { return f.c.B; });
    out.alpha = interval([](const FitResult& f) { return f.c.alpha; });
    out.beta = interval([](const FitResult& f) { return f.c.beta; });
    out.a_exp = interval([](const FitResult& f) { return f.a_exp; });
    out.b_exp = interval([](const FitResult& f) { return f.b_exp; });
}

bool better(double f, const double* x, double best_f) {
    return f < best_f && std::isfinite(x[0] + x[1] + x[2] + x[3] + x[4]) && x[3] > 0 && x[4] > 0;
}

}  // namespace

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
    const double f = descend(p, x, options);
    return finish(x, f, 1);
}

Result<FitResult> fit_chinchilla(const std::vector<Run>& runs, const FitOptions& options) {
    using R = Result<FitResult>;
    if (runs.size() < 5) return R::fail("a fit of five constants needs at least 5 runs", "runs");
    const Prepared p = prepare(runs);
    // Besiroglu et al. 2024's grid: alpha, beta in {0, 0.5, 1, 1.5, 2}; e in {-1, -0.5, 0, 0.5, 1};
    // a, b in {0, 5, ..., 25}: 5 x 5 x 5 x 6 x 6 = 4,500 starts.
    double best_x[5] = {0, 0, 0, 0, 0};
    double best_f = std::numeric_limits<double>::infinity();
    for (int i = 0; i < kGridStarts; ++i) {
        double x[5];
        grid_start(i, x);
        const double f = descend(p, x, options);
        if (better(f, x, best_f)) {
            best_f = f;
            std::copy(x, x + 5, best_x);
        }
    }
    if (!std::isfinite(best_f)) return R::fail("no start converged to finite constants", "runs");
    return R::of(finish(best_x, best_f, kGridStarts));
}

Result<PowerFit> fit_power(const std::vector<double>& x, const std::vector<double>& y, bool with_offset,
                           const FitOptions& options) {
    using R = Result<PowerFit>;
    if (x.size() != y.size() || x.size() < 3) return R::fail("a power law needs at least 3 points", "runs");
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
    LBFGSpp::LBFGSParam<double> param;
    param.epsilon = 1e-12;
    param.epsilon_rel = 1e-12;
    param.max_iterations = 10 * options.max_iterations;  // three parameters: cheap, and floors converge slowly
    double best_f = std::numeric_limits<double>::infinity();
    double best[3] = {0, 0, 0};
    const double min_y = *std::min_element(y.begin(), y.end());
    for (double e_frac : {0.2, 0.4, 0.6, 0.8, 0.95})
        for (double alpha : {0.05, 0.1, 0.2, 0.3, 0.5, 1.0}) {
            // Start with E below the smallest loss and A putting the curve through the data's middle.
            const double e = e_frac * min_y;
            const double a = std::log(std::max(std::exp(my) - e, 1e-12)) + alpha * mx;
            Eigen::VectorXd v(3);
            v << a, std::log(e), alpha;
            Eigen::VectorXd keep = v;
            double kf = std::numeric_limits<double>::infinity();
            auto fun = [&](const Eigen::VectorXd& q, Eigen::VectorXd& grad) {
                double g[3];
                const double f = objective(q.data(), g);
                grad << g[0], g[1], g[2];
                if (std::isfinite(f) && f < kf) kf = f, keep = q;
                return f;
            };
            LBFGSpp::LBFGSSolver<double> solver(param);
            double fx = 0;
            try {
                solver.minimize(fun, v, fx);
            } catch (const std::exception&) {
            }
            if (kf < best_f && keep[2] > 0) best_f = kf, best[0] = keep[0], best[1] = keep[1], best[2] = keep[2];
        }
    if (!std::isfinite(best_f)) return R::fail("no start converged", "runs");
    PowerFit f;
    f.A = std::exp(best[0]);
    f.E = std::exp(best[1]);
    f.alpha = best[2];
    f.objective = best_f;
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
    std::vector<Run> sample;
    for (int i = 0; i < resamples; ++i) {
        resample(runs, state, sample);
        out.fits.push_back(fit_from(sample, start, options));
    }
    fill_intervals(out);
    return R::of(std::move(out));
}

}  // namespace scaling

namespace scaling {

FitJob::FitJob(std::vector<Run> runs, int resamples, const FitOptions& options, std::uint64_t seed)
    : runs_(std::move(runs)), options_(options), resamples_(resamples), rng_(seed) {
    best_f_ = std::numeric_limits<double>::infinity();
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
    for (; units > 0 && next_start_ < kGridStarts; --units, ++next_start_) {
        double x[5];
        grid_start(next_start_, x);
        const double f = descend(p, x, options_);
        if (better(f, x, best_f_)) {
            best_f_ = f;
            std::copy(x, x + 5, best_x_);
        }
        if (next_start_ + 1 == kGridStarts) {
            fit_ = std::isfinite(best_f_) ? Result<FitResult>::of(finish(best_x_, best_f_, kGridStarts))
                                          : Result<FitResult>::fail("no start converged to finite constants", "runs");
            if (!fit_.ok() || resamples_ <= 0) done_ = true;
        }
    }
    if (done_ || units <= 0) return !done_;
    // The bootstrap, a slice at a time; the intervals come from the whole set at the end.
    double start[5];
    start_at(fit_.value, start);
    std::vector<Run> sample;
    for (; units > 0 && next_resample_ < resamples_; --units, ++next_resample_) {
        resample(runs_, rng_, sample);
        partial_.fits.push_back(fit_from(sample, start, options_));
    }
    if (next_resample_ >= resamples_) {
        fill_intervals(partial_);
        boot_ = Result<BootstrapResult>::of(std::move(partial_));
        done_ = true;
    }
    return !done_;
}

double FitJob::progress() const {
    const double total = kGridStarts + std::max(0, resamples_);
    return done_ ? 1.0 : (next_start_ + next_resample_) / total;
}

}  // namespace scaling
