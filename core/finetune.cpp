// finetune.cpp: saturation, guidance and transfer.
#include "finetune.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "quantity.hpp"

namespace scaling {

double finetune_performance(double base_quality, double k, double examples, double saturation_examples) {
    return base_quality * -std::expm1(-k * examples / saturation_examples);
}

double examples_for_fraction(double k, double saturation_examples, double fraction) {
    return saturation_examples * -std::log1p(-fraction) / k;
}

const std::vector<FinetuneAdvice>& finetune_guidance() {
    static const std::vector<FinetuneAdvice> kTable = {
        {0, 100, "prompting (few-shot examples in the prompt)"},
        {100, 1000, "LoRA, rank 8-16"},
        {1000, 10000, "LoRA, rank 32-64"},
        {10000, 0, "full fine-tuning, or QLoRA when memory is short"},
    };
    return kTable;
}

const FinetuneAdvice& advice_for(double examples) {
    for (const FinetuneAdvice& a : finetune_guidance())
        if (examples >= a.from && (a.to == 0 || examples < a.to)) return a;
    return finetune_guidance().front();
}

double transferred_data(const TransferConstants& c, double finetune_tokens, double params) {
    return c.k * std::pow(finetune_tokens, c.alpha) * std::pow(params, c.beta);
}

double transfer_fraction(const TransferConstants& c, double finetune_tokens, double params) {
    const double t = transferred_data(c, finetune_tokens, params);
    return t / (finetune_tokens + t);
}

// [SECTION] Fitting the saturation form (issue 19)
namespace {

std::vector<double> shape_at(const std::vector<ScorePoint>& pts, double rate) {
    std::vector<double> g;
    for (const ScorePoint& p : pts) g.push_back(-std::expm1(-rate * p.examples));
    return g;
}

double max_abs_error(const std::vector<ScorePoint>& pts, const std::vector<double>& g, double base) {
    double m = 0;
    for (size_t i = 0; i < pts.size(); ++i) m = std::max(m, std::abs(base * g[i] - pts[i].score));
    return m;
}

// The base for a given rate: least squares in closed form, or the minimax one, which lies where an
// error rising with base (b g_i - y_i) meets one falling (y_j - b g_j): b = (y_i + y_j) / (g_i + g_j).
double base_at(const std::vector<ScorePoint>& pts, const std::vector<double>& g, bool minimax) {
    double gy = 0, gg = 0;
    for (size_t i = 0; i < pts.size(); ++i) gy += g[i] * pts[i].score, gg += g[i] * g[i];
    double best = gg > 0 ? gy / gg : 0;
    if (!minimax) return best;
    double best_err = max_abs_error(pts, g, best);
    for (size_t i = 0; i < pts.size(); ++i)
        for (size_t j = 0; j < pts.size(); ++j) {
            if (g[i] + g[j] <= 0) continue;
            const double b = (pts[i].score + pts[j].score) / (g[i] + g[j]);
            const double e = max_abs_error(pts, g, b);
            if (e < best_err) best = b, best_err = e;
        }
    return best;
}

double objective(const std::vector<ScorePoint>& pts, double log_rate, bool minimax) {
    const std::vector<double> g = shape_at(pts, std::pow(10.0, log_rate));
    const double b = base_at(pts, g, minimax);
    if (minimax) return max_abs_error(pts, g, b);
    double s = 0;
    for (size_t i = 0; i < pts.size(); ++i) s += (b * g[i] - pts[i].score) * (b * g[i] - pts[i].score);
    return s;
}

}  // namespace

SaturationFit fit_saturation(const std::vector<ScorePoint>& pts, bool minimax) {
    double lo_x = pts.front().examples, hi_x = lo_x;
    for (const ScorePoint& p : pts) lo_x = std::min(lo_x, p.examples), hi_x = std::max(hi_x, p.examples);
    // Rates beyond these make the curve linear (r D << 1) or flat (r D >> 1) over every point.
    const double a = std::log10(1e-4 / hi_x), b = std::log10(1e4 / lo_x);
    constexpr int kGrid = 400;
    int best = 0;
    double best_v = objective(pts, a, minimax);
    for (int i = 1; i <= kGrid; ++i) {
        const double v = objective(pts, a + (b - a) * i / kGrid, minimax);
        if (v < best_v) best = i, best_v = v;
    }
    // Golden section within the best grid cell's neighbours.
    double lo = a + (b - a) * std::max(0, best - 1) / kGrid, hi = a + (b - a) * std::min(kGrid, best + 1) / kGrid;
    const double phi = (std::sqrt(5.0) - 1) / 2;
    for (int it = 0; it < 100; ++it) {
        const double m1 = hi - phi * (hi - lo), m2 = lo + phi * (hi - lo);
        if (objective(pts, m1, minimax) < objective(pts, m2, minimax)) hi = m2;
        else lo = m1;
    }
    SaturationFit f;
    f.rate = std::pow(10.0, (lo + hi) / 2);
    const std::vector<double> g = shape_at(pts, f.rate);
    f.base = base_at(pts, g, minimax);
    double ss = 0;
    for (size_t i = 0; i < pts.size(); ++i) {
        f.residuals.push_back(f.base * g[i] - pts[i].score);
        ss += f.residuals.back() * f.residuals.back();
        f.max_error = std::max(f.max_error, std::abs(f.residuals.back()));
    }
    f.rms = std::sqrt(ss / static_cast<double>(pts.size()));
    return f;
}

Result<std::vector<ScorePoint>> parse_score_points(std::string_view text, const char* field) {
    using R = Result<std::vector<ScorePoint>>;
    constexpr size_t kMaxPoints = 200;
    std::vector<ScorePoint> out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find_first_of(",;\n", start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view pair = text.substr(start, end - start);
        start = end + 1;
        // Two fields split by blanks or ':'.
        std::string_view parts[2];
        int n = 0;
        size_t i = 0;
        while (i < pair.size()) {
            while (i < pair.size() && (pair[i] == ' ' || pair[i] == '\t' || pair[i] == '\r' || pair[i] == ':')) ++i;
            if (i >= pair.size()) break;
            size_t j = i;
            while (j < pair.size() && !(pair[j] == ' ' || pair[j] == '\t' || pair[j] == '\r' || pair[j] == ':')) ++j;
            if (n == 2) return R::fail("each point is two numbers, examples and score: \"" + std::string(pair) + "\"", field);
            parts[n++] = pair.substr(i, j - i);
            i = j;
        }
        if (n == 0) continue;  // an empty item: "100 0.6, , 1000 0.8" or a trailing comma
        if (n == 1) return R::fail("each point is two numbers, examples and score: \"" + std::string(pair) + "\"", field);
        const Result<double> x = parse_positive(parts[0]);
        if (!x.ok()) return R::fail("examples \"" + std::string(parts[0]) + "\": " + x.error, field);
        const Result<double> y = parse_quantity(parts[1]);
        if (!y.ok() || y.value < 0 || y.value > 1)
            return R::fail("score \"" + std::string(parts[1]) + "\" must be a fraction from 0 to 1 (60% is 0.6)", field);
        if (out.size() == kMaxPoints) return R::fail("takes at most 200 points", field);
        out.push_back({x.value, y.value});
    }
    if (out.size() < 3) return R::fail("needs at least 3 points (examples score), e.g. \"100 0.6, 1000 0.8, 10000 0.9\"", field);
    bool spread = false;
    for (const ScorePoint& p : out) spread |= p.examples != out.front().examples;
    if (!spread) return R::fail("needs points at 2 or more different numbers of examples", field);
    return R::of(out);
}

const std::vector<ScorePoint>& circulating_curve() {
    static const std::vector<ScorePoint> kCurve = {{100, 0.60}, {1e3, 0.80}, {1e4, 0.90}, {1e5, 0.92}};
    return kCurve;
}

double saturation_span_decades(double from_fraction, double to_fraction) {
    return std::log10(std::log1p(-to_fraction) / std::log1p(-from_fraction));
}

}  // namespace scaling
