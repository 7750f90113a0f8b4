// axis.hpp: plot maths with no UI: axis transforms, tick locators and tick label formatters.
// Locators choose *which* values get ticks; formatters choose *what text* (ImPlot's split).
// The plot layer in shell/ asks for at most `max_labels` labels and lowers it until labels fit.
#pragma once
#include <string>
#include <vector>

namespace scaling {

enum class AxisScale { Linear, Log10 };

// Units a tick label is written in.
enum class AxisFormat {
    Plain,    // 0.25, 1200, 3e-5
    Flop,     // 1e24, 3e21
    Count,    // 70B, 1.4T, 500M (parameters, tokens)
    Dollars,  // $5.6M, $120K
    Loss,     // 1.935 (three decimals)
};

// Forward maps data to a space where the axis is linear; inverse undoes it.
// Log10 of a value <= 0 is -inf: callers drop such points before plotting.
double axis_forward(AxisScale scale, double value);
double axis_inverse(AxisScale scale, double t);

struct Tick {
    double value = 0;    // in data units
    bool major = false;  // majors get a label and a grid line; minors a short mark and a faint line
    std::string label;   // empty for minors
};

// Ticks for [lo, hi] with at most `max_labels` labelled (major) ticks, lo < hi.
// Log10: majors at decades, every 2nd, 3rd (then 6th, 9th...) decade when crowded, minors at 2..9 x 10^k;
// a range spanning less than two decades gets labelled 1-2-5 x 10^k ticks, and a range inside one
// decade falls back to linear ticks. Linear: steps of 1, 2 or 5 x 10^k, minors between.
std::vector<Tick> locate_ticks(AxisScale scale, double lo, double hi, int max_labels, AxisFormat format);

// One tick label: `step` is the spacing of neighbouring labelled ticks, so that labels of a fine
// linear axis get enough digits to differ ("0.95", "1.00", "1.05").
std::string format_tick(double value, AxisFormat format, double step = 0);

// A value read off a plot (hover, tooltips): like format_tick with three significant digits.
std::string format_value(double value, AxisFormat format);

// "$5.6M", "$120K", "$3.20": dollars with the count suffixes.
std::string format_dollars(double value);

}  // namespace scaling
