// finetune.hpp: fine-tuning's own arithmetic: the saturation curve in circulation, the usual
// guidance on methods by data size, and Hernandez et al. 2021's transfer law.
#pragma once
#include <string_view>
#include <vector>

#include "result.hpp"

namespace scaling {

// Performance relative to what the base model can reach: base_quality·(1 − exp(−k·D_ft/D_sat)),
// a rule of thumb in circulation, not a fitted law; D_sat typically 10K-100K examples.
double finetune_performance(double base_quality, double k, double examples, double saturation_examples);
// Examples needed to reach `fraction` of base_quality: D_sat·(−ln(1 − fraction))/k.
double examples_for_fraction(double k, double saturation_examples, double fraction);

// [SECTION] Fitting the saturation form (issue 19)
// The form depends on k and D_sat only through their ratio, the rate r = k / D_sat (per example), so
// a fit identifies base and r, never k and D_sat apart. For a given r, the least-squares base is
// closed-form, sum(g y) / sum(g g) with g = 1 - exp(-r D); r is found by a 1-D search on log10 r
// (a grid, then golden section). `minimax` fits the smallest largest error instead (base for a given
// r: the best crossing of two error lines), the bound no parameters can beat.
struct ScorePoint {
    double examples = 0, score = 0;
};
struct SaturationFit {
    double base = 0, rate = 0;     // r = k / D_sat
    double rms = 0, max_error = 0; // in score units (0.06 = 6 points)
    std::vector<double> residuals; // fitted - observed, per point
};
SaturationFit fit_saturation(const std::vector<ScorePoint>& points, bool minimax = false);
// "100 0.6, 1000 0.8; 1e4:0.9": pairs split by ',', ';' or new lines, examples and score by blanks
// or ':'. Examples > 0 (suffixes as everywhere: 10K), scores in [0, 1], at least 3 points of which
// 2 differ in examples. Errors name `field`.
Result<std::vector<ScorePoint>> parse_score_points(std::string_view text, const char* field);
// The curve in circulation: 60 / 80 / 90 / 92% at 100 / 1K / 10K / 100K examples (in circulation;
// no primary source found). It rises about 10 points a decade for two decades and then flattens,
// which the form cannot follow: the form goes from 10% to 90% of its ceiling within
// log10(ln 10 / ln(10/9)) = 1.34 decades (saturation_span_decades).
const std::vector<ScorePoint>& circulating_curve();
double saturation_span_decades(double from_fraction, double to_fraction);

// Guidance by number of examples (a rule of thumb in circulation, not a fitted law).
struct FinetuneAdvice {
    double from = 0, to = 0;  // examples, [from, to); to = 0 for no upper end
    const char* method;
};
const std::vector<FinetuneAdvice>& finetune_guidance();
const FinetuneAdvice& advice_for(double examples);

// Hernandez et al. 2021, "Scaling Laws for Transfer" (arXiv 2102.01293), Eq. 1.1: data effectively
// transferred by pre-training, D_T = k·D_F^α·N^β, for D_F fine-tuning tokens and N non-embedding
// parameters. Their text → Python fit: k = 1.9e4, α = 0.18, β = 0.38.
struct TransferConstants {
    double k = 1.9e4, alpha = 0.18, beta = 0.38;
};
double transferred_data(const TransferConstants& c, double finetune_tokens, double params);
// The fraction of the effective data that pre-training supplied: D_T / (D_F + D_T).
double transfer_fraction(const TransferConstants& c, double finetune_tokens, double params);

}  // namespace scaling
