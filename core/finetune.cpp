// finetune.cpp: saturation, guidance and transfer.
#include "finetune.hpp"

#include <cmath>

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

}  // namespace scaling
