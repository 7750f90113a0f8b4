// test_time.cpp: pass@k, majority vote (binomial tail through log-gamma, exact for large k), costs.
#include "test_time.hpp"

#include <algorithm>
#include <cmath>

#include "compute.hpp"

namespace scaling {

double pass_at_k(double p, double k) {
    if (p >= 1) return 1;
    if (p <= 0) return 0;
    return -std::expm1(k * std::log1p(-p));  // 1 − (1 − p)^k without cancellation for small p
}

double majority_vote(double p, int k) {
    if (k <= 0) return 0;
    if (p >= 1) return 1;
    if (p <= 0) return 0;
    // Σ_{j > k/2} C(k, j) p^j (1 − p)^(k − j) + ½·C(k, k/2) p^(k/2) (1 − p)^(k/2) for even k,
    // each term from logs so that k in the thousands neither overflows nor underflows.
    const double lp = std::log(p), lq = std::log1p(-p);
    const double lk = std::lgamma(k + 1.0);
    double sum = 0;
    for (int j = k / 2; j <= k; ++j) {
        const double term = std::exp(lk - std::lgamma(j + 1.0) - std::lgamma(k - j + 1.0) + j * lp + (k - j) * lq);
        if (2 * j == k) sum += 0.5 * term;
        else if (2 * j > k) sum += term;
    }
    return std::clamp(sum, 0.0, 1.0);
}

double sampling_flops(double params, double tokens, double k) { return kInferenceFlopPerParamToken * params * tokens * k; }

double gain_exponent(double p, double k) {
    // Central difference in log k (k treated as continuous, as pass@k's formula allows).
    const double h = 0.01;
    const double up = pass_at_k(p, k * std::exp(h)) - p, down = pass_at_k(p, k * std::exp(-h)) - p;
    if (!(up > 0 && down > 0)) return 0;
    return (std::log(up) - std::log(down)) / (2 * h);
}

SampleRange sqrt_claim_range(double p, double band) {
    SampleRange r;
    if (!(p > 0 && p < 1)) return r;
    for (double k = 2; k <= 1e12; k *= std::pow(2.0, 0.125)) {
        const bool near = std::fabs(gain_exponent(p, k) - 0.5) <= band;
        if (near && r.lo == 0) r.lo = k;
        if (near) r.hi = k;
        if (!near && r.lo > 0) break;  // the exponent only falls: one contiguous range
    }
    return r;
}

double sqrt_claim_gain(double p, double k, double k_match) {
    return (pass_at_k(p, k_match) - p) * std::sqrt(k / k_match);
}

double samples_matching_larger_model(double size_ratio, double r) {
    // M·(6·D_pre + 2·D_inf) = 6·D_pre + 2·D_inf·k  =>  k = M + 3·(M − 1)·D_pre/D_inf.
    return size_ratio + 3.0 * (size_ratio - 1.0) / r;
}

}  // namespace scaling
