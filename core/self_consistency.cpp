// self_consistency.cpp: the plurality vote summed exactly, pass^k, the unbiased pass@k estimator.
#include "self_consistency.hpp"

#include <algorithm>
#include <cmath>

#include "test_time.hpp"

namespace scaling {
namespace {

// States and binomial terms below this are dropped (and counted in the error bound).
constexpr double kNegligible = 1e-18;

// ln C(n, a) from a table of ln n!.
struct LogChoose {
    std::vector<double> lf;
    explicit LogChoose(int n) : lf(n + 1, 0.0) {
        for (int i = 1; i <= n; ++i) lf[i] = lf[i - 1] + std::log(static_cast<double>(i));
    }
    double operator()(int n, int a) const { return lf[n] - lf[a] - lf[n - a]; }
};

// The limit as k grows: the law of large numbers orders the answers by their probabilities.
Vote vote_limit(double p, const std::vector<double>& shares) {
    const double top = (1 - p) * shares.front();  // shares are most common first
    Vote v;
    v.exact = false;
    if (p > top * (1 + 1e-12)) v.value = 1;
    else if (p * (1 + 1e-12) < top) v.value = 0;
    else {
        int tied = 0;
        for (double s : shares) tied += std::fabs((1 - p) * s - p) <= 1e-12 * p;
        v.value = 1.0 / (1 + tied);
    }
    return v;
}

// A binomial tail from `from` away from the mode (up: P(X >= from) for from above the mode; down:
// P(X <= from) for from below it): the terms only shrink, so the sum stops when they vanish. -1 when
// `from` is on the wrong side of the mode (the tail is then not small).
double binomial_tail(int n, double q, int from, bool up, const LogChoose& lc) {
    if (q <= 0) return up ? (from <= 0 ? 1 : 0) : 1;
    if (q >= 1) return up ? 1 : (from >= n ? 1 : 0);
    const double mode = (n + 1) * q;
    if (up ? from < mode : from > mode - 1) return -1;
    if (from < 0 || from > n) return 0;
    const double ratio = q / (1 - q);
    double term = std::exp(lc(n, from) + from * std::log(q) + (n - from) * std::log1p(-q)), sum = 0;
    for (int a = from; a >= 0 && a <= n && term > kNegligible * 1e-3; up ? ++a : --a) {
        sum += term;
        term *= up ? ratio * (n - a) / (a + 1) : a / (ratio * (n - a + 1));
    }
    return sum;
}

// Given n wrong samples spread over the shares, E[1{no wrong answer beats c} / (1 + ties at c)].
// f[r·(T + 1) + t]: the chance that, after the answers so far, r samples remain and t answers tie c.
double no_wrong_answer_beats(int c, int n, const std::vector<double>& shares, const std::vector<double>& rest,
                             const LogChoose& lc, double& dropped) {
    const int m = static_cast<int>(shares.size());
    if (n < c) return 1;                            // the right answer outnumbers all wrong ones together
    if (n > static_cast<long>(c) * m) return 0;     // some wrong answer must have more than c
    // Bounds that settle most c without the chain: if even the union of "answer j reaches c" is
    // negligible, the right answer wins outright; if one answer alone almost surely passes c, it loses.
    double reach = 0;
    for (int j = 0; j < m; ++j) {
        const double up = binomial_tail(n, shares[j], c, true, lc);
        if (up < 0) {
            reach = -1;
            break;
        }
        reach += up;
    }
    if (reach >= 0 && reach < kNegligible) {
        dropped += reach;
        return 1;
    }
    const double below = binomial_tail(n, shares.front(), c, false, lc);  // the most common wrong answer
    if (below >= 0 && below < kNegligible) {
        dropped += below;
        return 0;
    }
    const int T = std::min(m, n / c);  // at most n/c answers can reach c
    const int w = T + 1;
    std::vector<double> f((n + 1) * w, 0.0), g((n + 1) * w, 0.0);
    f[n * w] = 1;
    int rlo = n, rhi = n, thi = 0;  // the live states: r in [rlo, rhi], t <= thi
    for (int j = 0; j < m && rhi > 0; ++j) {
        // This answer's share of the samples still unassigned: the multinomial as a chain of binomials.
        const double q = j == m - 1 ? 1.0 : std::clamp(shares[j] / rest[j], 0.0, 1.0);
        const double log_q = std::log(q), log_not_q = std::log1p(-q), ratio = q / (1 - q);
        std::fill(g.begin(), g.begin() + (rhi + 1) * w, 0.0);
        for (int r = rlo; r <= rhi; ++r)
            for (int t = 0; t <= thi; ++t) {
                const double v = f[r * w + t];
                if (v == 0) continue;
                if (q >= 1) {  // every remaining sample goes to this answer
                    if (r <= c) g[t + (r == c)] += v;
                    continue;
                }
                if (q <= 0) {
                    g[r * w + t] += v;
                    continue;
                }
                // Walk out from the binomial's mode in both directions until the terms vanish; only
                // a <= c is kept (more would beat the right answer).
                const int top = std::min(c, r);
                const int mode = std::clamp(static_cast<int>((r + 1) * q), 0, top);
                const double at_mode = std::exp(lc(r, mode) + mode * log_q + (r - mode) * log_not_q);
                double term = at_mode;
                for (int a = mode; a <= top && term * v > kNegligible; ++a) {
                    g[(r - a) * w + t + (a == c)] += v * term;
                    term *= ratio * (r - a) / (a + 1);
                }
                term = at_mode;
                for (int a = mode; a > 0;) {
                    term *= a / (ratio * (r - a + 1));  // term(a - 1) from term(a)
                    --a;
                    if (term * v <= kNegligible) break;
                    g[(r - a) * w + t + (a == c)] += v * term;
                }
            }
        f.swap(g);
        // Drop negligible states and narrow the range of r still live.
        int lo = n + 1, hi = -1, top_t = 0;
        for (int r = 0; r <= rhi; ++r)
            for (int t = 0; t <= std::min(T, thi + 1); ++t) {
                double& v = f[r * w + t];
                if (v == 0) continue;
                if (v < kNegligible) {
                    dropped += v;
                    v = 0;
                    continue;
                }
                lo = std::min(lo, r), hi = std::max(hi, r), top_t = std::max(top_t, t);
            }
        if (hi < 0) return 0;
        rlo = lo, rhi = hi, thi = top_t;
    }
    if (rlo > 0) return 0;  // samples left over: only when every remaining answer's share is 0
    double sum = 0;
    for (int t = 0; t <= thi; ++t) sum += f[t] / (1 + t);
    return sum;
}

}  // namespace

std::vector<double> wrong_answer_shares(int wrong_answers, double skew) {
    std::vector<double> s(std::max(1, wrong_answers));
    double total = 0;
    for (size_t j = 0; j < s.size(); ++j) total += s[j] = std::pow(static_cast<double>(j + 1), -skew);
    for (double& x : s) x /= total;
    return s;
}

Vote plurality_vote(double p, int k, const std::vector<double>& shares) {
    if (k <= 0 || p <= 0) return {};
    if (p >= 1) return {1, 0, true};
    if (shares.size() == 1) return {majority_vote(p, k), 0, true};  // the binomial tail, already exact
    if (k > kExactVoteSamples) return vote_limit(p, shares);
    std::vector<double> rest(shares.size());
    double acc = 0;
    for (size_t j = shares.size(); j-- > 0;) rest[j] = acc += shares[j];
    const LogChoose lc(k);
    Vote v;
    for (int c = 1; c <= k; ++c) {  // c = 0 never wins: some wrong answer was given
        const double pc = std::exp(lc(k, c) + c * std::log(p) + (k - c) * std::log1p(-p));
        if (pc < kNegligible) {
            v.error_bound += pc;
            continue;
        }
        double dropped = 0;
        v.value += pc * no_wrong_answer_beats(c, k - c, shares, rest, lc, dropped);
        v.error_bound += pc * dropped;
    }
    v.value = std::clamp(v.value, 0.0, 1.0);
    return v;
}

Vote plurality_vote(double p, int k, int wrong_answers, double skew) {
    return plurality_vote(p, k, wrong_answer_shares(wrong_answers, skew));
}

double pass_all_k(double p, double k) { return p >= 1 ? 1 : p <= 0 ? 0 : std::exp(k * std::log(p)); }

Result<double> pass_at_k_unbiased(double n, double c, double k) {
    using R = Result<double>;
    if (!(n >= 1 && n == std::floor(n) && n <= 1e7)) return R::fail("must be a whole number of samples, 1 or more", "measured_samples");
    if (!(c >= 0 && c == std::floor(c) && c <= n))
        return R::fail("must be a whole number from 0 to the measured samples", "measured_correct");
    if (!(k >= 1 && k == std::floor(k) && k <= n))
        return R::fail("must be a whole number from 1 to the measured samples (the estimator needs k <= n)", "samples");
    if (n - c < k) return R::of(1.0);  // every draw of k contains a right one
    // C(n − c, k)/C(n, k) = Π_{i = n − c + 1}^{n} (1 − k/i)   (Chen et al. 2021, Fig. 3's numpy form)
    double miss = 1;
    for (double i = n - c + 1; i <= n; ++i) miss *= 1 - k / i;
    return R::of(1 - miss);
}

}  // namespace scaling

namespace scaling {

std::vector<VotingClaim> check_voting_claims(double p, const std::vector<double>& shares) {
    const char* unsourced = "in circulation; no primary source found";
    const double g10 = plurality_vote(p, 10, shares).value - p, g100 = plurality_vote(p, 100, shares).value - p;
    // A gain in points holds within 5 points of the claim, roughly within 10.
    const auto points = [](double claimed, double computed) -> std::string {
        const double off = std::fabs(computed - claimed);
        return off <= 0.05 ? "holds here" : off <= 0.10 ? "roughly, here" : "does not hold here";
    };
    const double ratio = g10 > 0 ? g100 / g10 : 0, sqrt_ratio = std::sqrt(10.0);
    std::vector<VotingClaim> out;
    out.push_back({"Self-consistency adds about +30 points with 10 samples", 0.30, g10, "points", points(0.30, g10), unsourced});
    out.push_back({"... and about +50 points with 100 samples", 0.50, g100, "points", points(0.50, g100), unsourced});
    out.push_back({"The gain grows like sqrt(samples): gain(100)/gain(10) = sqrt(10)", sqrt_ratio, ratio, "ratio",
                   std::string(g10 <= 0                                  ? "not computable here: no gain at 10 samples"
                               : std::fabs(ratio / sqrt_ratio - 1) <= 0.2 ? "holds here"
                                                                          : "does not hold here") +
                       "; the two figures above imply 50/30 = 1.67, not 3.16: the claims disagree with each other",
                   unsourced});
    const double cost = 10 * 13e9 / 70e9;
    out.push_back({"A 13B model sampled 10 times is cheaper than a 70B model answering once", 1, cost, "ratio below",
                   "does not hold: 10 x 13B = 130B parameter-passes against 70B, 1.86x the cost per question",
                   unsourced});
    return out;
}

}  // namespace scaling
