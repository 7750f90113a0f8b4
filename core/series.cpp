// series.cpp: figure data computed from the laws.
#include "series.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "caveats.hpp"
#include "compute.hpp"
#include "loss.hpp"

namespace scaling {

std::vector<double> log_space(double lo, double hi, int n) {
    std::vector<double> out;
    if (n < 2 || !(lo > 0) || !(hi > 0)) return out;
    const double a = std::log10(lo), b = std::log10(hi);
    for (int i = 0; i < n; ++i) out.push_back(i == 0 ? lo : i == n - 1 ? hi : std::pow(10.0, a + (b - a) * i / (n - 1)));
    return out;
}

Result<std::vector<Allocation>> frontier(const Law& law, double c_lo, double c_hi, int points) {
    using R = Result<std::vector<Allocation>>;
    if (!(std::isfinite(c_lo) && c_lo > 0)) return R::fail("must be a finite number greater than zero", "from");
    if (!(std::isfinite(c_hi) && c_hi > c_lo)) return R::fail("must be greater than --from", "to");
    if (points < 2 || points > 100000) return R::fail("must be between 2 and 100000", "points");
    std::vector<Allocation> rows;
    for (double c : log_space(c_lo, c_hi, points)) {
        Result<Allocation> a = optimal(law, c);
        if (!a.ok()) return R::fail(a.error, "to");
        rows.push_back(a.value);
    }
    return R::of(rows);
}

Result<IsoFlopProfile> iso_flop_profile(const Law& law, double flops, int points, double span_decades) {
    using R = Result<IsoFlopProfile>;
    if (!law.has_loss()) return R::fail("law " + law.id + " predicts no loss, so it has no iso-FLOP profile", "law");
    const Result<Allocation> opt = optimal(law, flops);
    if (!opt.ok()) return R::fail(opt.error, "flops");
    IsoFlopProfile p;
    p.flops = flops;
    p.optimum = opt.value;
    const double k = std::pow(10.0, span_decades);
    for (double n : log_space(opt.value.params / k, opt.value.params * k, points)) {
        const Result<double> l = predict_loss(law, n, flops / (kTrainFlopPerParamToken * n));
        if (!l.ok()) continue;  // past double range at the ends: leave the point out
        p.params.push_back(n);
        p.loss.push_back(l.value);
    }
    return R::of(p);
}

std::vector<double> budgets_around(double centre, int count, double step_decades) {
    std::vector<double> out;
    const double c = std::log10(centre);
    for (int i = 0; i < count; ++i) out.push_back(std::pow(10.0, c + (i - (count - 1) / 2.0) * step_decades));
    return out;
}

Result<LossLandscape> loss_landscape(const Law& law, double n_lo, double n_hi, double d_lo, double d_hi,
                                     int nx, int ny) {
    using R = Result<LossLandscape>;
    if (!law.has_loss()) return R::fail("law " + law.id + " predicts no loss, so it has no landscape", "law");
    if (nx < 2 || ny < 2) return R::fail("the grid needs at least 2 x 2 cells");
    LossLandscape out;
    Grid& g = out.grid;
    g.nx = nx;
    g.ny = ny;
    g.x0 = std::log10(n_lo);
    g.x1 = std::log10(n_hi);
    g.y0 = std::log10(d_lo);
    g.y1 = std::log10(d_hi);
    g.z.resize(static_cast<size_t>(nx) * ny);
    out.z_min = std::numeric_limits<double>::infinity();
    out.z_max = -std::numeric_limits<double>::infinity();
    for (int j = 0; j < ny; ++j) {
        const double d = std::pow(10.0, g.y(j));
        for (int i = 0; i < nx; ++i) {
            const Result<double> l = predict_loss(law, std::pow(10.0, g.x(i)), d);
            const double z = l.ok() ? l.value : std::numeric_limits<double>::quiet_NaN();
            g.z[static_cast<size_t>(j) * nx + i] = z;
            if (std::isfinite(z)) {
                out.z_min = std::min(out.z_min, z);
                out.z_max = std::max(out.z_max, z);
            }
        }
    }
    return R::of(out);
}

std::string allocations_csv(const std::vector<Allocation>& rows) {
    std::string out = "law,flops,params,tokens,tokens_per_param,loss,extrapolated\n";
    char buf[256];
    for (const Allocation& a : rows) {
        std::snprintf(buf, sizeof buf, "%s,%.6e,%.6e,%.6e,%.6g,", a.law.c_str(), a.flops, a.params, a.tokens,
                      a.tokens_per_param);
        out += buf;
        if (a.has_loss) {
            std::snprintf(buf, sizeof buf, "%.6f", a.loss);
            out += buf;
        }
        const Law* law = find_law(a.law);
        out += caveats_of(law ? *law : Law{}, a).extrapolated ? ",true\n" : ",false\n";
    }
    return out;
}

}  // namespace scaling
