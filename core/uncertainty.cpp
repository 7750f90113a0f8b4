// uncertainty.cpp: split-normal draws from published intervals, and percentile bands.
#include "uncertainty.hpp"

#include <algorithm>
#include <cmath>

#include "allocation.hpp"
#include "loss.hpp"

namespace scaling {

const char* const kIntervalBandMethod =
    "95% band from the published 95% intervals: each parameter follows a split normal with its median at "
    "the estimate and its 2.5/97.5 percentiles at the interval ends; A moves with alpha and B with beta "
    "(one shared draw each, as a fit trades them off), E independently. The paper gives no correlations, "
    "so this is an assumption; independent draws would allow 0.2-1,400 tokens/param at 1e24 FLOP.";

namespace {

// splitmix64: a small generator with the same sequence on every compiler (std:: distributions differ).
struct Rng {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return (static_cast<double>(next() >> 11) + 0.5) / 9007199254740992.0; }  // (0, 1)
    double normal() {  // Box-Muller
        const double u = uniform(), v = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
    }
};

constexpr double kZ975 = 1.959963984540054;  // the standard normal's 97.5th percentile

double split(double estimate, Interval iv, double z, bool log_scale) {
    double v = estimate, lo = iv.lo, hi = iv.hi;
    if (log_scale) v = std::log(v), lo = std::log(lo), hi = std::log(hi);
    const double x = v + z * (z < 0 ? v - lo : hi - v) / kZ975;
    return log_scale ? std::exp(x) : x;
}

double percentile(std::vector<double>& v, double p) {
    const size_t k = std::min(v.size() - 1, static_cast<size_t>(p * (v.size() - 1) + 0.5));
    std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
    return v[k];
}

}  // namespace

std::vector<ChinchillaConstants> interval_draws(const Law& law, int draws, std::uint64_t seed) {
    std::vector<ChinchillaConstants> out;
    if (!law.has_intervals) return out;
    Rng rng{seed};
    const ChinchillaConstants& c = law.chinchilla;
    const ChinchillaIntervals& iv = law.intervals;
    for (int i = 0; i < draws; ++i) {
        const double za = rng.normal(), zb = rng.normal(), ze = rng.normal();
        ChinchillaConstants d;
        d.alpha = split(c.alpha, iv.alpha, za, false);
        d.A = split(c.A, iv.A, za, true);
        d.beta = split(c.beta, iv.beta, zb, false);
        d.B = split(c.B, iv.B, zb, true);
        d.E = split(c.E, iv.E, ze, false);
        out.push_back(d);
    }
    return out;
}

Result<Band> interval_band(const Law& law, const std::vector<double>& flops, int draws, std::uint64_t seed) {
    using R = Result<Band>;
    if (!law.has_intervals) return R::fail("law " + law.id + " publishes no intervals", "law");
    if (draws < 10) return R::fail("needs at least 10 draws", "draws");
    const std::vector<ChinchillaConstants> sets = interval_draws(law, draws, seed);
    Band b;
    b.flops = flops;
    b.draws = draws;
    std::vector<double> n, d, r, l;
    for (double c : flops) {
        n.clear(), d.clear(), r.clear(), l.clear();
        for (const ChinchillaConstants& k : sets) {
            const Split s = chinchilla_optimal_split(k, c);
            if (!(std::isfinite(s.params) && std::isfinite(s.tokens) && s.params > 0 && s.tokens > 0)) continue;
            n.push_back(s.params);
            d.push_back(s.tokens);
            r.push_back(s.tokens / s.params);
            l.push_back(chinchilla_loss(k, s.params, s.tokens));
        }
        if (n.size() < 10) return R::fail("too few finite draws at " + std::to_string(c) + " FLOP", "flops");
        b.n_lo.push_back(percentile(n, 0.025)), b.n_hi.push_back(percentile(n, 0.975));
        b.d_lo.push_back(percentile(d, 0.025)), b.d_hi.push_back(percentile(d, 0.975));
        b.r_lo.push_back(percentile(r, 0.025)), b.r_hi.push_back(percentile(r, 0.975));
        b.l_lo.push_back(percentile(l, 0.025)), b.l_hi.push_back(percentile(l, 0.975));
    }
    return R::of(b);
}

}  // namespace scaling
