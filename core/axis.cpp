// axis.cpp: transforms, tick locators and formatters for the plot layer.
#include "axis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "quantity.hpp"

namespace scaling {
namespace {

// Relative slack when testing whether a tick lies inside [lo, hi]: a decade computed as 10^k may
// differ from the typed limit in the last bit.
constexpr double kSlack = 1e-9;

bool inside_log(double v, double lo, double hi) { return v >= lo * (1 - kSlack) && v <= hi * (1 + kSlack); }

struct Step {
    double step = 1;    // between labelled ticks
    int minor_div = 5;  // minor intervals per step
};

// The smallest 1-2-5 x 10^k step that gives at most max_labels labelled ticks in [lo, hi].
Step nice_step(double lo, double hi, int max_labels) {
    const double span = hi - lo;
    double decade = std::pow(10.0, std::floor(std::log10(span / max_labels)));
    for (int guard = 0; guard < 64; ++guard, decade *= 10) {
        for (double m : {1.0, 2.0, 5.0}) {
            const double s = m * decade;
            const double first = std::ceil(lo / s - kSlack) * s;
            const int count = static_cast<int>(std::floor((hi - first) / s + kSlack)) + 1;
            if (count <= max_labels) return {s, m == 2.0 ? 4 : 5};
        }
    }
    return {span, 5};
}

// Linear ticks: labelled majors at the nice step, minors between them.
std::vector<Tick> linear_ticks(double lo, double hi, int max_labels, AxisFormat format) {
    std::vector<Tick> out;
    const double span = hi - lo;
    if (!(span > 0) || max_labels < 1) return out;
    const auto [step, minor_div] = nice_step(lo, hi, max_labels);
    const double minor = step / minor_div;
    // Index the minor grid from zero so majors are exact multiples of the step and -0 never shows.
    const long first = static_cast<long>(std::ceil(lo / minor - kSlack));
    const long last = static_cast<long>(std::floor(hi / minor + kSlack));
    for (long i = first; i <= last; ++i) {
        const double v = i == 0 ? 0.0 : static_cast<double>(i) * minor;
        const bool major = i % minor_div == 0;
        out.push_back({v, major, major ? format_tick(v, format, step) : std::string()});
    }
    return out;
}

}  // namespace

double axis_forward(AxisScale scale, double value) {
    return scale == AxisScale::Log10 ? std::log10(value) : value;
}

double axis_inverse(AxisScale scale, double t) {
    return scale == AxisScale::Log10 ? std::pow(10.0, t) : t;
}

std::vector<Tick> locate_ticks(AxisScale scale, double lo, double hi, int max_labels, AxisFormat format) {
    if (max_labels < 1) max_labels = 1;
    if (!(lo < hi) || !std::isfinite(lo) || !std::isfinite(hi)) return {};
    if (scale == AxisScale::Linear) return linear_ticks(lo, hi, max_labels, format);
    if (!(lo > 0)) return {};

    const int k0 = static_cast<int>(std::floor(std::log10(lo))) ;
    const int k1 = static_cast<int>(std::ceil(std::log10(hi)));
    int decades_inside = 0;
    for (int k = k0; k <= k1; ++k) decades_inside += inside_log(std::pow(10.0, k), lo, hi) ? 1 : 0;

    std::vector<Tick> out;
    if (decades_inside >= 2) {
        // Majors at every s-th decade: s = 1, 2, 3, 6, 9, ... (the first that fits).
        int s = 1;
        auto count_for = [&](int step) {
            int n = 0;
            for (int k = k0; k <= k1; ++k)
                if (k % step == 0 && inside_log(std::pow(10.0, k), lo, hi)) ++n;
            return n;
        };
        while (count_for(s) > max_labels) s = s < 3 ? s + 1 : s + 3;
        for (int k = k0; k <= k1; ++k) {
            const double decade = std::pow(10.0, k);
            const bool major = (k % s == 0);
            if (inside_log(decade, lo, hi))
                out.push_back({decade, major, major ? format_tick(decade, format) : std::string()});
            if (s == 1)  // 2..9 x 10^k; at coarser steps the skipped decades are the minors
                for (int m = 2; m <= 9; ++m)
                    if (inside_log(m * decade, lo, hi)) out.push_back({m * decade, false, {}});
        }
        return out;
    }

    // Inside one decade or close to it (e.g. 0.9..1.1): plain linear ticks read best.
    if (hi / lo < 3) return linear_ticks(lo, hi, max_labels, format);

    // Less than two decades: labelled mantissa ticks, densest set that fits.
    static const std::vector<std::vector<int>> kSets = {
        {1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 5}, {1, 5}, {1}};
    for (const auto& set : kSets) {
        std::vector<Tick> ticks;
        int labelled = 0;
        for (int k = k0 - 1; k <= k1; ++k) {
            const double decade = std::pow(10.0, k);
            for (int m = 1; m <= 9; ++m) {
                const double v = m * decade;
                if (!inside_log(v, lo, hi)) continue;
                bool major = false;
                for (int s : set) major = major || s == m;
                labelled += major ? 1 : 0;
                ticks.push_back({v, major, {}});
            }
        }
        if (labelled >= 2 && labelled <= max_labels) {
            for (Tick& t : ticks)
                if (t.major) t.label = format_tick(t.value, format);
            return ticks;
        }
    }
    return linear_ticks(lo, hi, max_labels, format);
}

std::string format_dollars(double value) {
    if (!std::isfinite(value)) return "n/a";
    const std::string sign = value < 0 ? "-" : "";
    const double a = std::fabs(value);
    if (a < 1000) {
        char buf[32];
        std::snprintf(buf, sizeof buf, a < 0.01 && a > 0 ? "%.3g" : a < 10 ? "%.2f" : "%.0f", a);
        return sign + "$" + buf;
    }
    return sign + "$" + format_count(a);
}

std::string format_tick(double value, AxisFormat format, double step) {
    switch (format) {
        case AxisFormat::Flop: return format_scientific(value);
        case AxisFormat::Count: return format_count(value);
        case AxisFormat::Dollars: return format_dollars(value);
        case AxisFormat::Loss: return format_fixed(value, 3);
        case AxisFormat::Plain: break;
    }
    if (!std::isfinite(value)) return "n/a";
    if (step <= 0) return format_count(value);  // log-axis labels: "0.01", "1", "100", "1K"
    const double a = std::fabs(value);
    if (a >= 1e6 || (a < 1e-3 && value != 0)) return format_scientific(value);
    // Enough decimals to separate neighbours `step` apart, at least 0 and at most 6.
    const int decimals = std::max(0, std::min(6, static_cast<int>(std::ceil(-std::log10(step) - 1e-9))));
    return format_fixed(value, decimals);
}

std::string format_value(double value, AxisFormat format) {
    if (format == AxisFormat::Plain) {
        if (!std::isfinite(value)) return "n/a";
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.3g", value);
        return buf;
    }
    return format_tick(value, format);
}

}  // namespace scaling
