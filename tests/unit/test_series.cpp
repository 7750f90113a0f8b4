// test_series.cpp: the figure data: frontier rows, iso-FLOP profiles, the loss landscape, and
// marching squares on fields whose contours are known exactly.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/colormap.hpp"
#include "core/compute.hpp"
#include "core/contour.hpp"
#include "core/loss.hpp"
#include "core/series.hpp"

using namespace scaling;
using doctest::Approx;

TEST_CASE("log_space includes both ends exactly and is evenly spaced in log10") {
    const auto v = log_space(1e18, 1e28, 41);
    REQUIRE(v.size() == 41);
    CHECK(v.front() == 1e18);
    CHECK(v.back() == 1e28);
    for (size_t i = 1; i < v.size(); ++i) CHECK(std::log10(v[i]) - std::log10(v[i - 1]) == Approx(0.25).epsilon(1e-9));
    CHECK(log_space(1, 10, 1).empty());
    CHECK(log_space(-1, 10, 5).empty());
}

TEST_CASE("frontier rows are the optimal allocations at log-spaced budgets") {
    const Law& law = *find_law("chinchilla-a3");
    const auto f = frontier(law, 1e18, 1e28, 41);
    REQUIRE(f.ok());
    REQUIRE(f.value.size() == 41);
    for (const Allocation& a : f.value) {
        CHECK(kTrainFlopPerParamToken * a.params * a.tokens == Approx(a.flops).epsilon(1e-12));
        const auto direct = optimal(law, a.flops);
        CHECK(direct.value.params == a.params);
    }
    CHECK(frontier(law, 1e20, 1e18, 5).field == "to");
    CHECK(frontier(law, 1e18, 1e20, 1).field == "points");
    CHECK(frontier(law, -1, 1e20, 5).field == "from");
}

TEST_CASE("an iso-FLOP profile is lowest at the closed-form optimum") {
    const Law& law = *find_law("epoch2024");
    const auto p = iso_flop_profile(law, 1e21, 61, 1.5);
    REQUIRE(p.ok());
    REQUIRE(p.value.params.size() == 61);
    double min_loss = INFINITY;
    for (double l : p.value.loss) min_loss = std::min(min_loss, l);
    CHECK(p.value.optimum.loss <= min_loss + 1e-12);
    CHECK(p.value.loss[30] == Approx(p.value.optimum.loss).epsilon(1e-12));  // the middle point is N_opt
    CHECK_FALSE(iso_flop_profile(*find_law("ratio20"), 1e21, 11, 1).ok());
}

TEST_CASE("budgets_around is centred on the budget, in even log steps") {
    const auto b = budgets_around(1e21, 9, 0.5);
    REQUIRE(b.size() == 9);
    CHECK(b[4] == Approx(1e21).epsilon(1e-12));
    CHECK(b[0] == Approx(1e19).epsilon(1e-12));
    CHECK(b[8] == Approx(1e23).epsilon(1e-12));
}

TEST_CASE("the loss landscape samples L(N, D) on the grid, and its minimum is at the largest N and D") {
    const Law& law = *find_law("chinchilla-a3");
    const auto l = loss_landscape(law, 1e7, 1e13, 1e9, 1e15, 64, 48);
    REQUIRE(l.ok());
    const Grid& g = l.value.grid;
    CHECK(g.nx == 64);
    CHECK(g.ny == 48);
    CHECK(g.at(0, 0) == Approx(chinchilla_loss(law.chinchilla, 1e7, 1e9)).epsilon(1e-12));
    CHECK(g.at(63, 47) == Approx(l.value.z_min).epsilon(1e-12));
    CHECK(g.at(0, 0) == Approx(l.value.z_max).epsilon(1e-12));
}

TEST_CASE("marching squares finds the circle x^2 + y^2 = 1 to within a cell") {
    Grid g;
    g.nx = g.ny = 101;
    g.x0 = g.y0 = -2;
    g.x1 = g.y1 = 2;
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i) g.z.push_back(g.x(i) * g.x(i) + g.y(j) * g.y(j));
    const auto segs = marching_squares(g, 1.0);
    REQUIRE(segs.size() > 50);
    double length = 0;
    for (const Segment& s : segs) {
        for (double r : {std::hypot(s.xa, s.ya), std::hypot(s.xb, s.yb)}) CHECK(r == Approx(1.0).epsilon(0.01));
        length += std::hypot(s.xb - s.xa, s.yb - s.ya);
    }
    CHECK(length == Approx(2 * M_PI).epsilon(0.01));  // closed, no gaps or doubled pieces
    const auto levels = contour_levels(g, {0.5, 1.0, 3.0});
    REQUIRE(levels.size() == 3);
    for (const ContourLevel& c : levels) {
        double x = 0, y = 0;
        REQUIRE(label_point(c.segments, -2, 2, -2, 2, &x, &y));
        CHECK(x * x + y * y == Approx(c.level).epsilon(0.02));  // on its own line
    }
    // Zoomed into the top right quadrant, the label moves to the part of the circle in view.
    double x = 0, y = 0;
    REQUIRE(label_point(levels[1].segments, 0, 2, 0, 2, &x, &y));
    CHECK(x > 0.12);
    CHECK(y > 0.12);
    CHECK_FALSE(label_point(levels[1].segments, 1.5, 2, 1.5, 2, &x, &y));  // the circle is not in this box
}

TEST_CASE("marching squares skips cells with a non-finite corner and handles flat fields") {
    Grid g;
    g.nx = g.ny = 3;
    g.z = {0, 0, 0, 0, NAN, 2, 0, 2, 2};
    for (const Segment& s : marching_squares(g, 1.0)) CHECK(std::isfinite(s.xa + s.ya + s.xb + s.yb));
    g.z = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    CHECK(marching_squares(g, 1.0).empty());
}

TEST_CASE("nice_levels gives round levels inside the range") {
    const auto v = nice_levels(1.8, 4.1, 6);
    REQUIRE_FALSE(v.empty());
    CHECK(v.size() <= 6);
    CHECK(v.front() >= 1.8);
    CHECK(v.back() < 4.1);
    CHECK(v.front() == Approx(2.0));
    CHECK(v[1] - v[0] == Approx(0.5));
}

TEST_CASE("allocations_csv writes one header and one row per allocation, no loss for allocation-only laws") {
    const auto a = optimal(*find_law("chinchilla-a3"), 1e24);
    const auto r = optimal(*find_law("ratio20"), 1e24);
    const std::string csv = allocations_csv({a.value, r.value});
    CHECK(csv.find("law,flops,params,tokens,tokens_per_param,loss,extrapolated\n") == 0);
    CHECK(csv.find("chinchilla-a3,1.000000e+24,") != std::string::npos);
    CHECK(csv.find(",true\n") != std::string::npos);  // 1e24 is beyond Approach 3's fitted budgets
    CHECK(csv.find("ratio20,1.000000e+24,9.128709e+10,1.825742e+12,20,,false\n") != std::string::npos);
}

TEST_CASE("viridis runs from dark purple to yellow, clamps, and never returns NaN") {
    const auto lo = viridis(0), hi = viridis(1);
    CHECK(lo.r == doctest::Approx(68 / 255.0));
    CHECK(lo.b == doctest::Approx(84 / 255.0));
    CHECK(hi.g == doctest::Approx(231 / 255.0));
    CHECK(viridis(-3).r == lo.r);
    CHECK(viridis(7).g == hi.g);
    CHECK(viridis(NAN).r == lo.r);
    float prev = -1;  // luminance rises monotonically: a heatmap reads in grey
    for (double t = 0; t <= 1; t += 0.01) {
        const auto c = viridis(t);
        const float y = 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b;
        CHECK(y > prev);
        prev = y;
    }
}
