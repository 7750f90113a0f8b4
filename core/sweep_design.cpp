// sweep_design.cpp: the IsoFLOP sweep's design and Approach 2's fit of its results (sweep_design.hpp).
#include "sweep_design.hpp"

#include <algorithm>
#include <cmath>

#include "allocation.hpp"
#include "caveats.hpp"
#include "compute.hpp"
#include "fit.hpp"
#include "loss.hpp"
#include "quantity.hpp"

namespace scaling {
namespace {

// Least squares of y on x: slope and intercept (x not all equal: the callers ensure it).
void line_fit(const std::vector<double>& x, const std::vector<double>& y, double* slope, double* intercept) {
    const double n = static_cast<double>(x.size());
    double mx = 0, my = 0;
    for (size_t i = 0; i < x.size(); ++i) mx += x[i] / n, my += y[i] / n;
    double sxx = 0, sxy = 0;
    for (size_t i = 0; i < x.size(); ++i) sxx += (x[i] - mx) * (x[i] - mx), sxy += (x[i] - mx) * (y[i] - my);
    *slope = sxy / sxx;
    *intercept = my - *slope * mx;
}

// Least-squares parabola y = c0 + c1 u + c2 u^2, u = x - mean(x) (centred: the normal equations stay
// well conditioned at log10 N of 8 to 12). The 3x3 system by Cramer's rule; false when singular.
bool parabola_fit(const std::vector<double>& x, const std::vector<double>& y, double* u0, double c[3]) {
    const double n = static_cast<double>(x.size());
    double m = 0;
    for (double v : x) m += v / n;
    double s[5] = {0, 0, 0, 0, 0}, t[3] = {0, 0, 0};  // s[p] = sum u^p, t[p] = sum y u^p
    for (size_t i = 0; i < x.size(); ++i) {
        const double u = x[i] - m;
        double up = 1;
        for (int p = 0; p < 5; ++p) {
            s[p] += up;
            if (p < 3) t[p] += y[i] * up;
            up *= u;
        }
    }
    const double M[3][3] = {{s[0], s[1], s[2]}, {s[1], s[2], s[3]}, {s[2], s[3], s[4]}};
    const auto det3 = [](const double a[3][3]) {
        return a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) +
               a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
    };
    const double d = det3(M);
    if (!(std::fabs(d) > 0) || !std::isfinite(d)) return false;
    for (int col = 0; col < 3; ++col) {
        double A[3][3];
        for (int r = 0; r < 3; ++r)
            for (int k = 0; k < 3; ++k) A[r][k] = k == col ? t[r] : M[r][k];
        c[col] = det3(A) / d;
    }
    *u0 = m;
    return true;
}

}  // namespace

// The biases of Approach 2, as the JSON, the view and site/docs-design.html state them.
static const char* const kBiases[] = {
    "The loss along an IsoFLOP is not a parabola in log N unless alpha = beta: a parabola fitted over a wide grid "
    "puts its vertex off the true optimum, by the same factor at every budget when the grid has a fixed width "
    "(N_opt's level is biased, its exponent is not). Source: Czech et al. 2026, arXiv 2603.22339 (grid width, "
    "loss-surface asymmetry).",
    "A grid off centre moves the vertex too; an offset that drifts with the budget (a grid centred on a law whose "
    "exponent is wrong) biases the exponent itself. Source: Czech et al. 2026, arXiv 2603.22339 (uncentred "
    "sampling).",
    "This design centres every budget on the law's optimum with one width, so the law's own losses give back its "
    "exponent (approach2_check); it drifts only as far as the law's exponent differs from your data's. Approach 3 "
    "fits the surface itself and has neither bias.",
};

std::span<const char* const> approach2_biases() { return kBiases; }

Result<SweepDesign> design_sweep(const Law& law, const SweepSpec& spec) {
    using R = Result<SweepDesign>;
    if (!(spec.study_flops > 0) || !std::isfinite(spec.study_flops)) return R::fail("must be a positive number of FLOP", "study_flops");
    if (spec.budgets < 3) return R::fail("must be at least 3: a power law through the optima needs a residual", "budgets");
    if (spec.models_per_budget < 3) return R::fail("must be at least 3: a parabola has three constants", "models_per_budget");
    if (!(spec.span_decades >= kMinSpanDecades))
        return R::fail("must be at least 1.5 decades: the exponent is a slope over log C, and issue 20 asks for 1.5 "
                       "decades or more (Chinchilla's Approach 2 spanned 2.7)",
                       "span_decades");
    if (!(spec.width_decades > 0)) return R::fail("must be greater than 0 decades", "width_decades");
    if (!law.has_params()) return R::fail("gives no parameter count here (DeepSeek without M/N): choose a law with N", "law");

    SweepDesign d;
    d.spec = spec;
    const int K = spec.budgets, M = spec.models_per_budget;
    // sum_k 10^(-span (K-1-k)/(K-1)): the budgets relative to the largest, so M x that x C_max = study.
    double relative = 0;
    for (int k = 0; k < K; ++k) relative += std::pow(10.0, -spec.span_decades * (K - 1 - k) / (K - 1));
    const double largest = spec.study_flops / (M * relative);
    for (int k = 0; k < K; ++k) {
        SweepBudget b;
        b.flops = largest * std::pow(10.0, -spec.span_decades * (K - 1 - k) / (K - 1));
        const Result<Allocation> opt = optimal(law, b.flops);
        if (!opt.ok()) return R::fail(opt.error, "study_flops");
        b.optimal_params = opt.value.params;
        b.optimal_tokens = opt.value.tokens;
        b.optimal_loss = opt.value.has_loss ? opt.value.loss : 0;
        for (int i = 0; i < M; ++i) {
            SweepRun r;
            r.budget_index = k;
            r.flops = b.flops;
            r.params = b.optimal_params * std::pow(10.0, spec.width_decades * (2.0 * i / (M - 1) - 1));
            r.tokens = b.flops / (kTrainFlopPerParamToken * r.params);
            if (law.has_loss()) {
                const Result<double> l = predict_loss(law, r.params, r.tokens);
                r.has_loss = l.ok();
                r.loss = l.ok() ? l.value : 0;
            }
            if (!std::isfinite(r.params) || !std::isfinite(r.tokens) || !(r.params > 0) || !(r.tokens > 0))
                return R::fail("gives runs too large or too small to compute", "study_flops");
            d.total_flops += r.flops;
            d.runs.push_back(r);
        }
        d.budgets.push_back(b);
    }

    // Where the budgets land against the law's fitted range, and how far the answer will be carried.
    d.fitted_lo = law.valid_lo;
    d.fitted_hi = law.valid_hi;
    double fewest_params = d.runs.front().params, fewest_tokens = d.runs.front().tokens;
    for (const SweepRun& r : d.runs) fewest_params = std::min(fewest_params, r.params), fewest_tokens = std::min(fewest_tokens, r.tokens);
    if (law.valid_hi > 0 && largest > law.valid_hi) {
        d.beyond_fitted = largest / law.valid_hi;
        d.warnings.push_back("the largest budget, " + format_scientific(largest) + " FLOP, is " +
                             format_significant(d.beyond_fitted, 3) + "x beyond the range the law was fitted on (up to " +
                             format_scientific(law.valid_hi) + " FLOP): its grid is centred on the law's extrapolation");
    }
    if (law.valid_lo > 0 && d.budgets.front().flops < law.valid_lo)
        d.warnings.push_back("the smallest budget, " + format_scientific(d.budgets.front().flops) +
                             " FLOP, is below the range the law was fitted on (from " + format_scientific(law.valid_lo) +
                             " FLOP): its grid is centred on the law's extrapolation downward");
    if (spec.target_flops > 0) {
        d.extrapolation = spec.target_flops / largest;
        if (d.extrapolation > kExtrapolationFactor)
            d.warnings.push_back("the target, " + format_scientific(spec.target_flops) + " FLOP, is " +
                                 format_significant(d.extrapolation, 3) + "x (" +
                                 format_significant(std::log10(d.extrapolation), 2) +
                                 " decades) beyond the largest budget: the fitted power laws are carried that far");
    }
    if (fewest_params < kFewestParams || fewest_tokens < kFewestTokens)
        d.warnings.push_back("some runs have under 1M parameters or tokens, below every study "
                             "behind these laws: raise the study budget or narrow the width");

    // Approach 2 on the law's own losses: the grid's shape alone, with no noise.
    if (law.has_loss()) {
        std::vector<Run> exact;
        for (const SweepRun& r : d.runs) exact.push_back({r.params, r.tokens, r.flops, r.loss, 0});
        const Result<Approach2Fit> a2 = fit_approach2(exact);
        if (a2.ok() && a2.value.used == K) {
            d.has_check = true;
            const SweepBudget &lo = d.budgets.front(), &hi = d.budgets.back();
            d.a_law = std::log(hi.optimal_params / lo.optimal_params) / std::log(hi.flops / lo.flops);
            d.a_recovered = a2.value.a;
            d.vertex_ratio = a2.value.budgets.back().params_opt / hi.optimal_params;
        }
    }
    return R::of(std::move(d));
}

std::string sweep_csv(const SweepDesign& d) {
    std::string out = "budget_index,params,tokens,flops,loss\n";
    for (const SweepRun& r : d.runs)
        out += std::to_string(r.budget_index) + "," + format_shortest(r.params) + "," + format_shortest(r.tokens) + "," +
               format_shortest(r.flops) + "," + (r.has_loss ? format_shortest(r.loss) : std::string()) + "\n";
    return out;
}

Result<Approach2Fit> fit_approach2(const std::vector<Run>& runs) {
    using R = Result<Approach2Fit>;
    std::vector<Run> sorted = runs;
    std::sort(sorted.begin(), sorted.end(), [](const Run& a, const Run& b) { return a.flops < b.flops; });
    Approach2Fit out;
    std::vector<double> log_c, log_n, log_d;
    for (size_t i = 0; i < sorted.size();) {
        // A group: every run within the tolerance of its first (smallest) C.
        size_t j = i;
        const double first = std::log10(sorted[i].flops);
        while (j < sorted.size() && std::log10(sorted[j].flops) - first <= kBudgetToleranceDecades) ++j;
        std::vector<double> x, y;
        double mean_log_c = 0;
        for (size_t r = i; r < j; ++r) {
            x.push_back(std::log10(sorted[r].params));
            y.push_back(sorted[r].loss);
            mean_log_c += std::log10(sorted[r].flops) / static_cast<double>(j - i);
        }
        i = j;
        const std::string at = format_scientific(std::pow(10.0, mean_log_c)) + " FLOP";
        std::vector<double> distinct = x;
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        if (distinct.size() < 3) {
            out.warnings.push_back("the budget at " + at + " has " + std::to_string(x.size()) +
                                   (x.size() == 1 ? " run" : " runs") + " of fewer than 3 sizes: left out");
            continue;
        }
        BudgetParabola p;
        p.flops = std::pow(10.0, mean_log_c);
        p.runs = static_cast<int>(x.size());
        p.min_params = std::pow(10.0, distinct.front());
        p.max_params = std::pow(10.0, distinct.back());
        double c[3];
        if (!parabola_fit(x, y, &p.u0, c)) continue;
        p.c0 = c[0], p.c1 = c[1], p.c2 = c[2];
        p.has_minimum = p.c2 > 0;
        if (!p.has_minimum) {
            out.warnings.push_back("the budget at " + at + " has no minimum (its parabola opens downward): left out");
            out.budgets.push_back(p);
            continue;
        }
        const double u = -p.c1 / (2 * p.c2);
        const double x_opt = p.u0 + u;
        p.params_opt = std::pow(10.0, x_opt);
        p.tokens_opt = p.flops / (kTrainFlopPerParamToken * p.params_opt);
        p.loss_opt = p.c0 + p.c1 * u + p.c2 * u * u;
        p.vertex_inside = x_opt >= distinct.front() && x_opt <= distinct.back();
        if (!p.vertex_inside)
            out.warnings.push_back("the budget at " + at + " has its vertex outside its sizes (" + format_count(p.params_opt) +
                                   " against " + format_count(p.min_params) + " to " + format_count(p.max_params) +
                                   "): the grid is off centre there, and the vertex an extrapolation");
        out.budgets.push_back(p);
        log_c.push_back(std::log10(p.flops));
        log_n.push_back(x_opt);
        log_d.push_back(std::log10(p.tokens_opt));
    }
    out.used = static_cast<int>(log_c.size());
    if (out.used < 2) return R::fail("needs at least two budgets of 3+ sizes with a minimum; found " + std::to_string(out.used));
    double icpt = 0;
    line_fit(log_c, log_n, &out.a, &icpt);
    out.k = std::pow(10.0, icpt);
    line_fit(log_c, log_d, &out.b, &icpt);
    out.k_tokens = std::pow(10.0, icpt);
    return R::of(std::move(out));
}

}  // namespace scaling
