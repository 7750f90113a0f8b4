// capex.cpp: a system's capital cost and year -> accelerators, FLOP/s and a training run's FLOP
// (capex.hpp), and the circulating claims set against it.
#include "capex.hpp"

#include <cmath>

#include "quantity.hpp"

namespace scaling {

double price_performance_factor(double year, double reference_year, double doubling_years) {
    return std::exp2((year - reference_year) / doubling_years);
}

Result<CapexResult> capex(const CapexInputs& in) {
    using R = Result<CapexResult>;
    if (!in.gpu) return R::fail("no accelerator given", "gpu");
    const double peak = in.gpu->peak_flops(in.dtype);
    if (!(peak > 0)) return R::fail(in.gpu->name + " has no dense " + dtype_name(in.dtype) + " mode", "dtype");
    if (!(in.overhead_share >= 0 && in.overhead_share < 1))
        return R::fail("must be at least 0 and below 1 (a share of the system's cost)", "overhead_share");
    if (!(in.system_dollars > 0)) return R::fail("must be greater than zero", "system_dollars");
    if (!(in.accelerator_price > 0)) return R::fail("must be greater than zero", "accelerator_price");
    if (!(in.doubling_years > 0)) return R::fail("must be greater than zero", "doubling_years");
    if (!(in.mfu > 0 && in.mfu <= 1)) return R::fail("must be above 0 and at most 1", "mfu");
    if (!(in.window_days > 0)) return R::fail("must be greater than zero", "window_days");

    CapexResult r;
    r.accelerator_dollars = in.system_dollars * (1 - in.overhead_share);
    r.overhead_dollars = in.system_dollars * in.overhead_share;
    r.trend_factor = price_performance_factor(in.year, in.reference_year, in.doubling_years);
    // A later year's accelerator is taken to cost what the reference did and to be faster by the
    // trend (new generations have kept their price and raised their FLOP/s: A100 -> H100 -> B200).
    r.accelerators = r.accelerator_dollars / in.accelerator_price;
    r.flops_per_second_per_accelerator = peak * r.trend_factor;
    r.flops_per_second = r.accelerators * r.flops_per_second_per_accelerator;
    r.reference_equivalents = r.flops_per_second / peak;
    r.flops_per_second_per_dollar = r.flops_per_second / in.system_dollars;
    const double seconds = in.window_days * 86400;
    r.training_flops = r.flops_per_second * in.mfu * seconds;
    // The ranges allow a price of 1e-300: a system that large is beyond a double, not an answer.
    if (!std::isfinite(r.training_flops) || !std::isfinite(r.accelerators))
        return R::fail("is too small against the system's cost: the accelerators and FLOP are beyond a double",
                       "accelerator_price");
    const double base = r.training_flops / r.trend_factor;
    const double a = base * price_performance_factor(in.year, in.reference_year, kPricePerfDoublingHigh);
    const double b = base * price_performance_factor(in.year, in.reference_year, kPricePerfDoublingLow);
    r.training_flops_low = std::min(a, b), r.training_flops_high = std::max(a, b);

    const double years_out = std::fabs(in.year - in.reference_year);
    if (years_out > 6)
        r.warnings.push_back("the year is " + format_fixed(years_out, 0) + " years from the reference price (" +
                             format_fixed(in.reference_year, 0) + "): the trend is extrapolated far beyond its data "
                             "(2006-2021)");
    if (in.mfu > 0.6)
        r.warnings.push_back("an MFU of " + format_percent(in.mfu, 0) + " is above what large runs report (Llama 3 "
                             "405B: 38-43%, arXiv 2407.21783, Table 4)");
    if (in.window_days > 365)
        r.warnings.push_back("a training window over a year: the hardware is a generation old before it ends");
    if (in.gpu->id != "h100-sxm" && in.accelerator_price == kReferencePrice)
        r.warnings.push_back("the price per accelerator is an H100's (DGX H100, 2023); type " + in.gpu->name +
                             "'s own price");
    return R::of(r);
}

const std::vector<CapexClaim>& capex_claims() {
    // As they circulate (forecasts and commentary, 2025); the second and third are read as multiples
    // of the first run's FLOP: "~150x that" and "a further ~8x" of the $5bn 2025 system.
    static const std::vector<CapexClaim> kClaims = {
        {"a $5bn 2025 system trained a ~3e26 FLOP model", 5e9, 2025, 3e26, false},
        {"a $150bn system in 2028 gives ~150x that", 150e9, 2028, 150, true},
        {"a $20bn system in 2026 a further ~8x", 20e9, 2026, 8, true},
    };
    return kClaims;
}

std::vector<ClaimCheck> check_claims(const CapexInputs& in) {
    std::vector<ClaimCheck> out;
    const std::vector<CapexClaim>& claims = capex_claims();
    const CapexClaim& first = claims.front();
    for (const CapexClaim& c : claims) {
        ClaimCheck k;
        k.claim = &c;
        if (!c.relative) {
            CapexInputs at = in;
            at.system_dollars = c.dollars, at.year = c.year;
            const Result<CapexResult> r = capex(at);
            if (!r.ok()) continue;
            k.computed = r.value.training_flops;
            k.low = r.value.training_flops_low, k.high = r.value.training_flops_high;
            k.implied_days = c.claimed / (r.value.flops_per_second * in.mfu * 86400);
            const double ratio = c.claimed / k.computed;
            const std::string window = "it needs " + format_significant(k.implied_days, 2) + " days at " +
                                       format_percent(in.mfu, 0) + " MFU on the system the model buys";
            if (ratio >= 0.5 && ratio <= 2) {
                k.verdict = "agrees (within 2x)";
                k.reason = "the model gives " + format_scientific(k.computed, 2) + " FLOP; " + window;
            } else {
                k.verdict = ratio > 1 ? "above the model" : "below the model";
                k.reason = "the claim is " + format_significant(ratio > 1 ? ratio : 1 / ratio, 2) + "x " +
                           (ratio > 1 ? "above" : "below") + " the model's " + format_scientific(k.computed, 2) +
                           " FLOP: " + window;
            }
        } else {
            // Price, share, MFU and window cancel: only the cost ratio and the trend remain.
            const double cost_ratio = c.dollars / first.dollars, dy = c.year - first.year;
            k.computed = cost_ratio * price_performance_factor(c.year, first.year, in.doubling_years);
            const double a = cost_ratio * price_performance_factor(c.year, first.year, kPricePerfDoublingHigh);
            const double b = cost_ratio * price_performance_factor(c.year, first.year, kPricePerfDoublingLow);
            k.low = std::min(a, b), k.high = std::max(a, b);
            if (c.claimed > cost_ratio && dy > 0) k.implied_doubling_years = dy / std::log2(c.claimed / cost_ratio);
            const std::string parts = format_significant(cost_ratio, 3) + "x the dollars times " +
                                      format_significant(k.computed / cost_ratio, 3) + "x from " +
                                      format_fixed(dy, 0) + (dy == 1 ? " year" : " years") + " of price-performance gives " +
                                      format_significant(k.computed, 3) + "x";
            if (c.claimed > k.high * 1.0001) {
                k.verdict = "above the trend's range";
                k.reason = parts + "; the claim needs FLOP/s per dollar to double every " +
                           format_significant(k.implied_doubling_years, 2) + (k.implied_doubling_years == 1 ? " year" : " years") + " (here " +
                           format_significant(in.doubling_years, 3) + "; the trend's range " +
                           format_significant(kPricePerfDoublingLow, 3) + "-" +
                           format_significant(kPricePerfDoublingHigh, 3) +
                           "): the rest must come from elsewhere (FP8's 2x peak, a longer run, a higher MFU)";
            } else if (c.claimed < k.low / 1.0001) {
                k.verdict = "below the trend's range";
                k.reason = parts + "; the claim is more cautious than the trend";
            } else {
                k.verdict = "within the trend's range";
                k.reason = parts + " (" + format_significant(k.low, 2) + "-" + format_significant(k.high, 2) +
                           "x over the trend's range)";
            }
        }
        out.push_back(k);
    }
    return out;
}

}  // namespace scaling
