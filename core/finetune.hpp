// finetune.hpp: fine-tuning's own arithmetic: the saturation curve in circulation, the usual
// guidance on methods by data size, and Hernandez et al. 2021's transfer law.
#pragma once
#include <vector>

namespace scaling {

// Performance relative to what the base model can reach: base_quality·(1 − exp(−k·D_ft/D_sat)),
// a rule of thumb in circulation, not a fitted law; D_sat typically 10K-100K examples.
double finetune_performance(double base_quality, double k, double examples, double saturation_examples);
// Examples needed to reach `fraction` of base_quality: D_sat·(−ln(1 − fraction))/k.
double examples_for_fraction(double k, double saturation_examples, double fraction);

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
