// capex.hpp: capital expenditure to FLOP. A system's cost and year -> the accelerators it buys (the
// share of a cluster's capital that is not accelerators set aside), their FLOP/s (a reference
// accelerator's peak, improved along a price-performance trend), and the FLOP of a training run over
// a window at an MFU; and the circulating claims ("a $5bn 2025 system trained a ~3e26 FLOP model")
// set against it.
#pragma once
#include <string>
#include <vector>

#include "hardware.hpp"
#include "result.hpp"

namespace scaling {

// [SECTION] Sourced defaults
// Price-performance trend, FLOP/s per dollar: Hobbhahn & Besiroglu 2022, "Trends in GPU
// price-performance" (Epoch AI, epochai.org/blog/trends-in-gpu-price-performance), the GPUs used in
// ML research (n = 26): doubling every 2.07 years, 95% interval [1.54, 3.13]. (All 470 GPUs: 2.46
// [2.24, 2.72]; the top GPUs: 2.95 [2.54, 3.52]; FP16: 2.30 [1.69, 3.62].)
inline constexpr double kPricePerfDoublingYears = 2.07;
inline constexpr double kPricePerfDoublingLow = 1.54;   // fastest of the interval
inline constexpr double kPricePerfDoublingHigh = 3.13;  // slowest
// The reference accelerator's purchase price: "Nvidia sells DGX H100s at around $270,000"
// (SemiAnalysis, 2023-05-29, "AI server cost analysis", as recorded in Epoch AI's Hardware
// prices.csv of Cottier et al. 2024): $270,000 / 8 GPUs = $33,750 per H100, server included.
inline constexpr double kReferencePrice = 33750;
inline constexpr double kReferenceYear = 2023;  // that price's date (2023-05)
inline constexpr const char* kReferencePriceDate = "2023-05 (DGX H100, SemiAnalysis)";
// The share of the system's capital that is not the (server-level) accelerators: the cluster's
// interconnect is 19% of a cluster's hardware cost (Cottier et al. 2024, "The rising costs of
// training frontier AI models", arXiv 2405.21015; CLUSTER_INTERCONNECT_COST_FRACTION in their code);
// buildings, power and cooling are not in their estimate: 0.5 in all is an assumption the user edits.
inline constexpr double kOverheadShare = 0.5;

// [SECTION] The model
struct CapexInputs {
    const Gpu* gpu = nullptr;        // the reference accelerator (its dense peak)
    Dtype dtype = Dtype::BF16;       // the training precision (its peak)
    double system_dollars = 0;       // the system's capital cost, $
    double year = 0;                 // the year the system is bought
    double accelerator_price = kReferencePrice;  // $ per accelerator (server share included)
    double reference_year = kReferenceYear;      // the year of that price and peak
    double overhead_share = kOverheadShare;      // [0, 1): capital that is not accelerators
    double doubling_years = kPricePerfDoublingYears;  // FLOP/s per $ doubles every this many years
    double window_days = 0;          // the training run's wall-clock days
    double mfu = 0;                  // model FLOP utilisation, (0, 1]
};

struct CapexResult {
    double accelerator_dollars = 0;     // system x (1 - overhead share)
    double overhead_dollars = 0;        // system x overhead share
    double trend_factor = 0;            // 2^((year - reference year) / doubling)
    double accelerators = 0;            // accelerator dollars / price (a year's chip costs what the reference did)
    double flops_per_second_per_accelerator = 0;  // reference peak x trend factor
    double flops_per_second = 0;        // peak of the whole system
    double reference_equivalents = 0;   // flops_per_second / the reference's peak (e.g. "H100-equivalents")
    double flops_per_second_per_dollar = 0;  // peak per dollar of the whole system
    double training_flops = 0;          // flops_per_second x MFU x window
    double training_flops_low = 0, training_flops_high = 0;  // at the trend's slowest and fastest doubling
    std::vector<std::string> warnings;  // inputs that parse but strain the model
};

// Errors name the field (no GPU, a dtype the GPU lacks, a share of 1 or more).
Result<CapexResult> capex(const CapexInputs& in);
// 2^((year - reference_year) / doubling_years).
double price_performance_factor(double year, double reference_year, double doubling_years);

// [SECTION] The circulating claims, against the model
// A claim is absolute (FLOP of a run) or relative to the first claim (a multiple of its FLOP).
struct CapexClaim {
    const char* text;    // as it circulates
    double dollars = 0;  // system cost
    double year = 0;
    double claimed = 0;  // FLOP (absolute) or a multiple of the first claim's FLOP (relative)
    bool relative = false;
};
const std::vector<CapexClaim>& capex_claims();

struct ClaimCheck {
    const CapexClaim* claim = nullptr;
    double computed = 0;            // the model's FLOP (absolute) or multiple (relative), at `in`
    double low = 0, high = 0;       // the same at the trend interval's slow and fast ends
    double implied_doubling_years = 0;  // relative: the doubling the claim needs (0: none needed)
    double implied_days = 0;        // absolute: the window that gives the claimed FLOP at `in`'s MFU
    std::string verdict;            // "agrees", "above the trend's range", ...
    std::string reason;             // one sentence
};
// Each claim under `in`'s price, share, MFU, window and doubling (the claim's own cost and year).
std::vector<ClaimCheck> check_claims(const CapexInputs& in);

}  // namespace scaling
