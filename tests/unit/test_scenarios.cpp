// test_scenarios.cpp: k x compute split two ways (core/scenarios.hpp): multipliers multiply to k,
// the law's own optimum agrees with the Chinchilla closed form, the cap binds only when it is
// below data-driven growth, the Grok 2 -> Grok 3 preset's arithmetic, compute projections; and
// the next 10x of compute spent on pretraining or on samples (core/next_flop.hpp).
#include <doctest/doctest.h>

#include <cmath>

#include "core/allocation.hpp"
#include "core/gallery.hpp"
#include "core/next_flop.hpp"
#include "core/scenarios.hpp"
#include "core/test_time.hpp"

using namespace scaling;
using doctest::Approx;

TEST_CASE("10x compute splits into N and D multipliers whose product is 10, either way, under every law") {
    for (const Law& law : all_laws()) {
        if (law.kind == LawKind::DeepSeek) continue;  // no parameters without M/N
        CAPTURE(law.id);
        for (double k : {2.0, 10.0, 150.0}) {
            const Result<Scenario> s = grow_compute(law, 7e10, 1.4e12, k, 2.0);
            REQUIRE(s.ok());
            CHECK(s.value.data_growth.params_mult * s.value.data_growth.tokens_mult == Approx(k).epsilon(1e-9));
            CHECK(s.value.model_growth.params_mult * s.value.model_growth.tokens_mult == Approx(k).epsilon(1e-9));
            CHECK(s.value.data_driven.flops == Approx(k * s.value.base.flops).epsilon(1e-9));
            CHECK(s.value.model_driven.flops == Approx(k * s.value.base.flops).epsilon(1e-9));
            CHECK(s.value.model_growth.tokens_mult <= 2.0);
        }
    }
    // Under a Chinchilla-form law it is the closed form, the optimum moving with compute.
    const Law& law = *find_law("chinchilla-a3");
    const Growth g = data_driven_growth(law.chinchilla, 10);
    CHECK(g.params_mult * g.tokens_mult == Approx(10).epsilon(1e-12));
    const Split a = chinchilla_optimal_split(law.chinchilla, 1e23), b = chinchilla_optimal_split(law.chinchilla, 1e24);
    CHECK(b.params / a.params == Approx(g.params_mult).epsilon(1e-9));
    CHECK(b.tokens / a.tokens == Approx(g.tokens_mult).epsilon(1e-9));
    const Result<Scenario> s = grow_compute(law, 3e9, 5e11, 10, 100);
    REQUIRE(s.ok());
    CHECK(s.value.data_growth.tokens_mult == Approx(g.tokens_mult).epsilon(1e-9));
    CHECK_FALSE(s.value.cap_binds);
    // Kaplan's optimum puts most of 10x into parameters (N ∝ C^0.73).
    const Result<Scenario> kap = grow_compute(*find_law("kaplan2020"), 1e9, 2e10, 10, 100);
    REQUIRE(kap.ok());
    CHECK(kap.value.data_growth.params_mult == Approx(std::pow(10.0, 0.73)).epsilon(0.02));
}

TEST_CASE("the Grok preset: 10x compute with data 10 TB -> 30 TB, or capped under 20 TB") {
    // α = β: data-driven growth is sqrt(10) = 3.16x each, close to the 3x (10 -> 30 TB) quoted.
    const Law& law = *find_law("muennighoff2023");
    const Growth d = data_driven_growth(law.chinchilla, 10);
    CHECK(d.tokens_mult == Approx(std::sqrt(10.0)).epsilon(1e-9));
    const Growth capped = capped_growth(d, 10, 2.0);  // under 20 TB: at most 2x
    CHECK(capped.tokens_mult == 2.0);
    CHECK(capped.params_mult == Approx(5.0));
    const Growth loose = capped_growth(d, 10, 100.0);  // a cap that does not bind
    CHECK(loose.tokens_mult == Approx(d.tokens_mult));
    // Capped growth predicts a higher loss than the compute-optimal growth of the same compute,
    // and both beat the base.
    const Split base = chinchilla_optimal_split(law.chinchilla, 3e25);
    const Result<Scenario> s = grow_compute(law, base.params, base.tokens, 10, 2.0);
    REQUIRE(s.ok());
    CHECK(s.value.cap_binds);
    REQUIRE(s.value.base.has_loss);
    CHECK(s.value.data_driven.loss < s.value.base.loss);
    CHECK(s.value.model_driven.loss < s.value.base.loss);
    CHECK(s.value.model_driven.loss > s.value.data_driven.loss);
    CHECK(s.value.data_driven.tokens_per_param == Approx(s.value.base.tokens_per_param).epsilon(1e-9));
    CHECK(s.value.model_driven.tokens_per_param == Approx(s.value.base.tokens_per_param * 2 / 5).epsilon(1e-9));
}

TEST_CASE("scenario inputs are checked and the field at fault is named") {
    const Law& law = *find_law("chinchilla-a3");
    CHECK(grow_compute(law, 1e9, 1e10, 10, 0.5).field == "data_cap");
    CHECK(grow_compute(law, -1, 1e10, 10, 2).field == "params");
    CHECK(grow_compute(law, 1e9, NAN, 10, 2).field == "tokens");
    CHECK(grow_compute(law, 1e9, 1e10, 0, 2).field == "k");
    CHECK(grow_compute(law, 1e9, 1e10, INFINITY, 2).field == "k");
    CHECK(grow_compute(law, 1e9, 1e10, 1e300, 2).field == "k");  // 6ND x k overflows
    CHECK(project_compute(law, 0, 150, 8).field == "reference");
    CHECK(project_compute(law, 3e26, -1, 8).field == "times");
    CHECK(project_compute(law, 3e26, 150, 0.5).field == "sparsity");
}

TEST_CASE("projections: 150x Grok 3's ~3e26 FLOP, dense and as a mixture of experts") {
    const Law& law = *find_law("chinchilla-a3");
    const Result<Projection> dense = project_compute(law, 3e26, 150, 1);
    REQUIRE(dense.ok());
    CHECK(dense.value.flops == Approx(4.5e28));
    CHECK(dense.value.multiplier == 1.0);
    CHECK(dense.value.dense.params == Approx(dense.value.raw.params));
    // 1:8 and 1:32 sparsity: the quoted 3x and 6x (rules of thumb in circulation).
    const Result<Projection> moe8 = project_compute(law, 3e26, 150, 8), moe32 = project_compute(law, 3e26, 150, 32);
    REQUIRE(moe8.ok());
    REQUIRE(moe32.ok());
    CHECK(moe8.value.dense_flops == Approx(1.35e29));
    CHECK(moe32.value.multiplier == Approx(6.0));
    CHECK(moe8.value.dense.loss < moe8.value.raw.loss);
    CHECK(moe8.value.dense.flops == Approx(moe8.value.dense_flops).epsilon(1e-9));
    // The gallery's dense-equivalent estimate uses the same multiplier: DeepSeek-V3 (1:32) about 6x.
    CHECK(moe_compute_multiplier(256.0 / 8) == Approx(6.0));
    CHECK(moe_compute_multiplier(1) == 1.0);
    CHECK(moe_compute_multiplier(8) == Approx(3.0).epsilon(1e-12));
    CHECK(moe_compute_multiplier(4) > 1.0);  // Mixtral's 8 experts, 2 active: between the anchors
    CHECK(moe_compute_multiplier(4) < 3.0);
}

// Where to spend the next FLOP (core/next_flop.hpp).
TEST_CASE("samples at equal total FLOP reduce to Snell et al.'s k = M + 3(M - 1)/R") {
    for (double m : {2.0, 14.0})
        for (double r : {0.1, 1.0, 10.0})
            CHECK(samples_at_equal_flop(m, m, 1, r) == Approx(samples_matching_larger_model(m, r)).epsilon(1e-12));
    // Direct accounting: pretraining F x with an M x larger model answering k times, against the
    // same model answering k' times, in units of 2·N·D_pre.
    const double f = 10, m = 3.16, k = 4, r = 0.2;
    const double kp = samples_at_equal_flop(f, m, k, r);
    CHECK(3 * f + m * k * r == Approx(3 + kp * r).epsilon(1e-12));
}

TEST_CASE("the next 10x: pretraining loss gain against samples, under a Chinchilla law") {
    const Law& law = *find_law("chinchilla-a3");
    const Result<NextFlop> n = next_flop(law, 5.76e23, 10, 0.2, 4, 0.1, 10, 0);
    REQUIRE(n.ok());
    const Result<Allocation> a = optimal(law, 5.76e23), b = optimal(law, 5.76e24);
    CHECK(n.value.loss_gain == Approx(a.value.loss - b.value.loss).epsilon(1e-12));
    CHECK(n.value.loss_gain > 0);
    CHECK(n.value.reducible_share == Approx((a.value.loss - b.value.loss) / (a.value.loss - law.chinchilla.E)).epsilon(1e-12));
    CHECK(n.value.size_ratio == Approx(b.value.params / a.value.params).epsilon(1e-12));
    CHECK(n.value.pass_now == Approx(1 - std::pow(0.8, 4)).epsilon(1e-12));
    CHECK(n.value.pass_scaled == Approx(1 - std::pow(0.8, 40)).epsilon(1e-12));
    CHECK(n.value.equal_flop_samples == Approx(n.value.size_ratio * 4 + 270).epsilon(1e-12));
    CHECK(n.value.pass_equal_flop > n.value.pass_scaled);
    // The issue's case: p = 0.2, one sample -> ten. With ten equally likely wrong answers the vote
    // rises to 36.6% (the sum of self_consistency.hpp, checked against enumeration in its own test);
    // the old binary vote fell to 2.0%. One wrong answer gives the binary vote again.
    const Result<NextFlop> one = next_flop(law, 5.76e23, 10, 0.2, 1, 0.1, 10, 0);
    REQUIRE(one.ok());
    CHECK(one.value.vote_now.value == Approx(0.2).epsilon(1e-12));
    CHECK(one.value.vote_scaled.value == Approx(0.366395).epsilon(1e-5));
    CHECK(next_flop(law, 5.76e23, 10, 0.2, 1, 0.1, 1, 0).value.vote_scaled.value == Approx(majority_vote(0.2, 10)).epsilon(1e-12));
    CHECK(next_flop(law, 5.76e23, 10, 0.2, 1, 0.1, 0, 0).field == "wrong_answers");
    CHECK(next_flop(law, 5.76e23, 10, 0.2, 1, 0.1, 10, -1).field == "skew");
    // Diminishing returns on both sides: the second 10x buys less than the first.
    const Result<NextFlop> second = next_flop(law, 5.76e24, 10, 0.2, 40, 0.1, 10, 0);
    REQUIRE(second.ok());
    CHECK(second.value.loss_gain < n.value.loss_gain);
    CHECK(second.value.pass_scaled - second.value.pass_now < n.value.pass_scaled - n.value.pass_now);
    // Bad input names its field.
    CHECK(next_flop(law, 5.76e23, 1, 0.2, 4, 0.1, 10, 0).field == "factor");
    CHECK(next_flop(law, 5.76e23, 10, 0, 4, 0.1, 10, 0).field == "success");
    CHECK(next_flop(law, 5.76e23, 10, 0.2, 2.5, 0.1, 10, 0).field == "samples");
    CHECK(next_flop(law, 5.76e23, 10, 0.2, 4, -1, 10, 0).field == "inference_ratio");
    CHECK(next_flop(law, -5, 10, 0.2, 4, 0.1, 10, 0).field == "flops");
    // A law without a loss form still gives the test-time side.
    const Result<NextFlop> llama = next_flop(*find_law("llama3"), 1e24, 10, 0.2, 4, 0.1, 10, 0);
    REQUIRE(llama.ok());
    CHECK_FALSE(llama.value.has_loss);
    CHECK(llama.value.pass_scaled > llama.value.pass_now);
}
