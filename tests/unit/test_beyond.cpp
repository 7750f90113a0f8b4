// test_beyond.cpp: test-time compute, emergence and fine-tuning arithmetic (core/test_time.hpp,
// emergence.hpp, finetune.hpp): closed forms against brute-force enumeration and the papers'
// worked values.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/emergence.hpp"
#include "core/finetune.hpp"
#include "core/test_time.hpp"

using namespace scaling;
using doctest::Approx;

namespace {

// Every outcome of k samples (bit j set: sample j right), with its probability.
template <class F>
double enumerate(double p, int k, F&& counts) {
    double total = 0;
    for (int mask = 0; mask < (1 << k); ++mask) {
        int right = 0;
        for (int j = 0; j < k; ++j) right += (mask >> j) & 1;
        total += counts(right, k) * std::pow(p, right) * std::pow(1 - p, k - right);
    }
    return total;
}

}  // namespace

TEST_CASE("pass@k is 1 - (1 - p)^k and agrees with enumerating every outcome") {
    for (double p : {0.01, 0.2, 0.5, 0.9})
        for (int k = 1; k <= 10; ++k) {
            const double brute = enumerate(p, k, [](int right, int) { return right > 0 ? 1.0 : 0.0; });
            CHECK(pass_at_k(p, k) == Approx(brute).epsilon(1e-12));
            CHECK(pass_at_k(p, k) == Approx(1 - std::pow(1 - p, k)).epsilon(1e-12));
        }
    CHECK(pass_at_k(0.3, 1) == Approx(0.3));
    CHECK(pass_at_k(1e-9, 10) == Approx(1e-8).epsilon(1e-6));  // no cancellation at tiny p
    CHECK(pass_at_k(0, 100) == 0);
    CHECK(pass_at_k(1, 3) == 1);
}

TEST_CASE("majority vote is the binomial tail (ties half) and agrees with enumeration") {
    for (double p : {0.3, 0.5, 0.6, 0.8})
        for (int k = 1; k <= 12; ++k) {
            const double brute = enumerate(p, k, [](int right, int n) {
                return 2 * right > n ? 1.0 : 2 * right == n ? 0.5 : 0.0;
            });
            CHECK(majority_vote(p, k) == Approx(brute).epsilon(1e-10));
        }
    CHECK(majority_vote(0.6, 1) == Approx(0.6));
    // Condorcet: above one half, voting converges to certainty; below, to failure; large k is finite.
    CHECK(majority_vote(0.6, 1001) > 0.99999);
    CHECK(majority_vote(0.4, 1001) < 1e-5);
    CHECK(majority_vote(0.5, 1000) == Approx(0.5).epsilon(1e-9));
}

TEST_CASE("sampling cost is 2·N FLOP per token per sample; Snell's trade gives k = M at R -> infinity") {
    CHECK(sampling_flops(7e9, 1000, 16) == Approx(2 * 7e9 * 1000 * 16));
    CHECK(samples_matching_larger_model(1, 0.5) == Approx(1));
    CHECK(samples_matching_larger_model(14, 1e12) == Approx(14).epsilon(1e-9));
    // Equal total FLOP by construction: M(6 D_pre + 2 D_inf) = 6 D_pre + 2 D_inf k.
    const double M = 14, d_pre = 1e12, d_inf = 2e11, k = samples_matching_larger_model(M, d_inf / d_pre);
    CHECK(M * (6 * d_pre + 2 * d_inf) == Approx(6 * d_pre + 2 * d_inf * k));
}

TEST_CASE("the sqrt(samples) claim: the gain's exponent falls from 1 to 0 and is 1/2 only in a band") {
    const double p = 0.05;
    CHECK(gain_exponent(p, 2) > 0.9);     // while k·p is small, each sample adds about p: linear
    CHECK(gain_exponent(p, 1000) < 0.01); // coverage saturated: nothing left to gain
    const SampleRange r = sqrt_claim_range(p, 0.1);
    REQUIRE(r.lo > 2);
    CHECK(r.hi > r.lo);
    CHECK(r.hi < 1000);
    const double mid = std::sqrt(r.lo * r.hi);
    CHECK(gain_exponent(p, mid) == Approx(0.5).epsilon(0.25));
    // Inside the band a sqrt curve matched at its middle stays within 25%; far outside it does not.
    for (double k = r.lo; k <= r.hi; k *= 1.5)
        CHECK(sqrt_claim_gain(p, k, mid) == Approx(pass_at_k(p, k) - p).epsilon(0.25));
    CHECK(sqrt_claim_gain(p, 50 * r.hi, mid) > 1.5 * (pass_at_k(p, 50 * r.hi) - p));
    // Rarer successes need more samples before the band starts.
    CHECK(sqrt_claim_range(0.001, 0.1).lo > 10 * r.lo);
    CHECK(sqrt_claim_range(0, 0.1).lo == 0);
}

TEST_CASE("Schaeffer et al.: exact match at L = 10 is 0.107 / 0.349 / 0.599 / 0.904") {
    CHECK(exact_match(0.80, 10) == Approx(0.107).epsilon(0.0005 / 0.107));
    CHECK(exact_match(0.90, 10) == Approx(0.349).epsilon(0.0005 / 0.349));
    CHECK(exact_match(0.95, 10) == Approx(0.599).epsilon(0.0005 / 0.599));
    CHECK(exact_match(0.99, 10) == Approx(0.904).epsilon(0.0005 / 0.904));
    CHECK(token_edit_distance(0.9, 10) == Approx(1.0));
    CHECK(token_edit_distance(1.0, 10) == 0);
    // The smooth curve crosses a level where params_reaching says.
    const SmoothAccuracy s;
    const double n = params_reaching(s, 10, 0.5);
    CHECK(exact_match(per_token_accuracy(s, n), 10) == Approx(0.5).epsilon(1e-9));
    CHECK(per_token_accuracy(s, s.n_c) == Approx(std::exp(-1.0)));
}

TEST_CASE("fine-tuning: the saturation curve, its inverse, the guidance table and Hernandez's transfer") {
    CHECK(finetune_performance(0.8, 1, 0, 1e4) == 0);
    CHECK(finetune_performance(0.8, 1, 1e4, 1e4) == Approx(0.8 * (1 - std::exp(-1.0))));
    CHECK(finetune_performance(0.8, 1, 1e7, 1e4) == Approx(0.8));
    const double d = examples_for_fraction(2, 3e4, 0.9);
    CHECK(finetune_performance(1, 2, d, 3e4) == Approx(0.9));
    CHECK(std::string(advice_for(50).method).find("prompting") == 0);
    CHECK(std::string(advice_for(100).method).find("rank 8-16") != std::string::npos);
    CHECK(std::string(advice_for(5000).method).find("rank 32-64") != std::string::npos);
    CHECK(std::string(advice_for(1e6).method).find("full") == 0);
    // D_T = k·D_F^α·N^β with the text -> Python constants.
    const TransferConstants t;
    CHECK(transferred_data(t, 1e6, 1e8) == Approx(1.9e4 * std::pow(1e6, 0.18) * std::pow(1e8, 0.38)));
    CHECK(transfer_fraction(t, 1e6, 1e8) > transfer_fraction(t, 1e9, 1e8));  // transfer matters most with little data
    CHECK(transfer_fraction(t, 1e6, 1e9) > transfer_fraction(t, 1e6, 1e8));  // and more for larger models
}
