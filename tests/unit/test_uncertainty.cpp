// test_uncertainty.cpp: draws from published intervals reproduce those intervals, and the bands
// contain the estimate's own allocation, narrow near the fitted budgets and widen beyond them.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/allocation.hpp"
#include "core/uncertainty.hpp"

using namespace scaling;

namespace {
double quantile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<size_t>(p * (v.size() - 1) + 0.5)];
}
}  // namespace

TEST_CASE("each parameter's draws have the published median and 95% interval (to 3% of the interval)") {
    const Law& law = *find_law("epoch2024");
    const auto draws = interval_draws(law, 20000, 7);
    REQUIRE(draws.size() == 20000);
    struct P { double ChinchillaConstants::*field; double estimate; Interval iv; };
    const P params[] = {{&ChinchillaConstants::E, law.chinchilla.E, law.intervals.E},
                        {&ChinchillaConstants::A, law.chinchilla.A, law.intervals.A},
                        {&ChinchillaConstants::B, law.chinchilla.B, law.intervals.B},
                        {&ChinchillaConstants::alpha, law.chinchilla.alpha, law.intervals.alpha},
                        {&ChinchillaConstants::beta, law.chinchilla.beta, law.intervals.beta}};
    for (const P& p : params) {
        std::vector<double> v;
        for (const auto& d : draws) v.push_back(d.*p.field);
        const double width = p.iv.hi - p.iv.lo;
        CHECK(std::fabs(quantile(v, 0.5) - p.estimate) < 0.03 * width);
        CHECK(std::fabs(quantile(v, 0.025) - p.iv.lo) < 0.03 * width);
        CHECK(std::fabs(quantile(v, 0.975) - p.iv.hi) < 0.03 * width);
    }
    // A moves with alpha: the same draw feeds both.
    for (size_t i = 1; i < 200; ++i)
        CHECK((draws[i].alpha > law.chinchilla.alpha) == (draws[i].A > law.chinchilla.A));
}

TEST_CASE("draws are the same for the same seed on every run") {
    const Law& law = *find_law("epoch2024");
    const auto a = interval_draws(law, 5, 42), b = interval_draws(law, 5, 42), c = interval_draws(law, 5, 43);
    CHECK(a[4].B == b[4].B);
    CHECK(a[4].B != c[4].B);
}

TEST_CASE("the Epoch band holds the estimate's allocation, tight at fitted budgets, wider when extrapolated") {
    const Law& law = *find_law("epoch2024");
    const auto band = interval_band(law, {1e20, 1e24, 1e28});
    REQUIRE(band.ok());
    for (size_t i = 0; i < 3; ++i) {
        const Allocation a = optimal(law, band.value.flops[i]).value;
        CAPTURE(band.value.flops[i]);
        CHECK(band.value.n_lo[i] <= a.params);
        CHECK(a.params <= band.value.n_hi[i]);
        CHECK(band.value.r_lo[i] <= a.tokens_per_param);
        CHECK(a.tokens_per_param <= band.value.r_hi[i]);
        CHECK(band.value.l_lo[i] <= a.loss);
        CHECK(a.loss <= band.value.l_hi[i]);
    }
    const double width20 = band.value.n_hi[0] / band.value.n_lo[0];
    const double width28 = band.value.n_hi[2] / band.value.n_lo[2];
    CHECK(width20 < 1.2);  // 1e20 is inside the fitted range (6e18..3e21)
    CHECK(width28 > 2 * width20);
    CHECK_FALSE(interval_band(*find_law("chinchilla-a3"), {1e24}).ok());
}
