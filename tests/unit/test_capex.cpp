// test_capex.cpp: capex to FLOP (core/capex.hpp) against hand computations, and the circulating
// claims' verdicts.
#include <doctest/doctest.h>

#include <cmath>

#include "core/capex.hpp"
#include "core/commands.hpp"
#include "core/requests.hpp"

using namespace scaling;

namespace {
CapexInputs defaults() {
    CapexInputs in;
    in.gpu = gpu_from_id("h100-sxm").value;
    in.system_dollars = 5e9, in.year = 2025, in.window_days = 90, in.mfu = 0.4;
    return in;
}
}  // namespace

TEST_CASE("capex: a $5bn 2025 system on H100 prices, by hand") {
    const Result<CapexResult> r = capex(defaults());
    REQUIRE(r.ok());
    // Accelerator dollars 5e9 x (1 - 0.5) = 2.5e9; / $33,750 = 74,074 H100-priced accelerators.
    CHECK(r.value.accelerator_dollars == doctest::Approx(2.5e9).epsilon(1e-12));
    CHECK(r.value.accelerators == doctest::Approx(74074.07).epsilon(1e-6));
    // Trend 2^((2025 - 2023) / 2.07) = 1.95367; each accelerator 989e12 x 1.95367 FLOP/s.
    CHECK(r.value.trend_factor == doctest::Approx(1.953666).epsilon(1e-5));
    // FLOP/s = 74,074 x 989e12 x 1.95367 = 1.4312e20; x 0.4 x 90 x 86,400 s = 4.4517e26 FLOP.
    CHECK(r.value.flops_per_second == doctest::Approx(1.43124e20).epsilon(1e-4));
    CHECK(r.value.training_flops == doctest::Approx(4.45173e26).epsilon(1e-4));
    // The trend's interval: doubling 3.13 y -> 2^(2/3.13) = 1.5573 -> 3.548e26; 1.54 y -> 5.606e26.
    CHECK(r.value.training_flops_low == doctest::Approx(3.5484e26).epsilon(1e-3));
    CHECK(r.value.training_flops_high == doctest::Approx(5.6057e26).epsilon(1e-3));
    CHECK(r.value.reference_equivalents == doctest::Approx(74074.07 * 1.953666).epsilon(1e-5));
    CHECK(r.value.warnings.empty());
}

TEST_CASE("capex: FLOP scale with dollars, the accelerator share, MFU and the window; the year by the trend") {
    const CapexInputs base = defaults();
    const double f0 = capex(base).value.training_flops;
    CapexInputs in = base;
    in.system_dollars *= 3;
    CHECK(capex(in).value.training_flops == doctest::Approx(3 * f0).epsilon(1e-12));
    in = base, in.overhead_share = 0.75;  // half the accelerators of share 0.5
    CHECK(capex(in).value.training_flops == doctest::Approx(f0 / 2).epsilon(1e-12));
    in = base, in.year = base.year + 2.07;  // one doubling later
    CHECK(capex(in).value.training_flops == doctest::Approx(2 * f0).epsilon(1e-9));
    in = base, in.dtype = Dtype::FP8;  // H100 FP8 peak 1979 / BF16 989
    CHECK(capex(in).value.training_flops == doctest::Approx(f0 * 1979 / 989).epsilon(1e-9));
}

TEST_CASE("capex: refusals name the field; odd inputs are warned about") {
    CapexInputs in = defaults();
    in.overhead_share = 1;
    CHECK(capex(in).field == "overhead_share");
    in = defaults(), in.mfu = 0;
    CHECK(capex(in).field == "mfu");
    in = defaults(), in.gpu = gpu_from_id("a100-80gb").value, in.dtype = Dtype::FP8;
    CHECK(capex(in).field == "dtype");  // the A100 has no FP8 mode
    in = defaults(), in.year = 2040;
    REQUIRE(capex(in).ok());
    CHECK(capex(in).value.warnings.size() == 1);  // 17 years past the price: extrapolated
}

TEST_CASE("capex: the circulating claims against the model, with their verdicts") {
    const std::vector<ClaimCheck> k = check_claims(defaults());
    REQUIRE(k.size() == 3);
    // $5bn 2025 -> ~3e26: the model gives 4.45e26, within 2x; 3e26 needs 3e26 / (1.4312e20 x 0.4 x
    // 86,400) = 60.65 days at 40% MFU.
    CHECK(k[0].verdict == "agrees (within 2x)");
    CHECK(k[0].computed == doctest::Approx(4.45173e26).epsilon(1e-4));
    CHECK(k[0].implied_days == doctest::Approx(60.65).epsilon(1e-3));
    // $150bn 2028: 30x the dollars x 2^(3/2.07) = 2.731 -> 81.9x (range 58.3x-115.8x); 150x needs a
    // doubling every 3 / log2(150/30) = 1.292 years.
    CHECK(k[1].computed == doctest::Approx(81.92).epsilon(1e-3));
    CHECK(k[1].low == doctest::Approx(58.30).epsilon(1e-3));
    CHECK(k[1].high == doctest::Approx(115.76).epsilon(1e-3));
    CHECK(k[1].implied_doubling_years == doctest::Approx(1.292).epsilon(1e-3));
    CHECK(k[1].verdict == "above the trend's range");
    // $20bn 2026: 4x x 2^(1/2.07) = 5.59x (4.99x-6.27x); 8x needs a doubling every year.
    CHECK(k[2].computed == doctest::Approx(5.591).epsilon(1e-3));
    CHECK(k[2].implied_doubling_years == doctest::Approx(1.0).epsilon(1e-9));
    CHECK(k[2].verdict == "above the trend's range");
}

TEST_CASE("capex: the command's JSON keys and the optimal model the run buys") {
    const Command* c = find_command("capex");
    REQUIRE(c);
    const Result<Json> r = c->run({});
    REQUIRE(r.ok());
    for (const char* key : {"accelerators", "flops_per_second", "training_flops", "warnings", "prices_as_of", "claims",
                            "optimal"})
        CHECK_MESSAGE(r.value.contains(key), key);
    CHECK(r.value["training_flops"].get<double>() == doctest::Approx(4.45173e26).epsilon(1e-4));
    CHECK(r.value["optimal"]["flops"].get<double>() == doctest::Approx(4.45173e26).epsilon(1e-4));
    const Result<Json> bad = c->run({{"overhead_share", "1.2"}});
    CHECK(bad.field == "overhead_share");
}
