// test_self_consistency.cpp: the plurality vote against brute-force enumeration (small k and m) and
// a seeded Monte Carlo estimate (larger ones), pass^k, and Chen et al.'s unbiased estimator against
// the binomial-coefficient form.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "core/self_consistency.hpp"
#include "core/test_time.hpp"

using namespace scaling;
using doctest::Approx;

namespace {

// Every sequence of k answers (0 right, j = 1..m the j-th wrong one) with its probability; the right
// answer's winning chance under a plurality vote with uniform tie-breaking.
double enumerate_vote(double p, int k, const std::vector<double>& shares) {
    const int m = static_cast<int>(shares.size()), base = m + 1;
    int outcomes = 1;
    for (int i = 0; i < k; ++i) outcomes *= base;
    double total = 0;
    for (int code = 0; code < outcomes; ++code) {
        std::vector<int> count(base, 0);
        double prob = 1;
        for (int i = 0, x = code; i < k; ++i, x /= base) {
            const int a = x % base;
            ++count[a];
            prob *= a == 0 ? p : (1 - p) * shares[a - 1];
        }
        const int top = *std::max_element(count.begin(), count.end());
        if (count[0] != top) continue;
        const long tied = std::count(count.begin(), count.end(), top);
        total += prob / static_cast<double>(tied);
    }
    return total;
}

double monte_carlo_vote(double p, int k, const std::vector<double>& shares, int trials, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<double> cdf;
    double acc = 0;
    for (double s : shares) cdf.push_back(acc += s);
    double wins = 0;
    std::vector<int> count(shares.size() + 1);
    for (int trial = 0; trial < trials; ++trial) {
        std::fill(count.begin(), count.end(), 0);
        for (int i = 0; i < k; ++i) {
            if (u(rng) < p) ++count[0];
            else ++count[1 + std::min<size_t>(std::lower_bound(cdf.begin(), cdf.end(), u(rng)) - cdf.begin(), shares.size() - 1)];
        }
        const int top = *std::max_element(count.begin(), count.end());
        if (count[0] == top) wins += 1.0 / static_cast<double>(std::count(count.begin(), count.end(), top));
    }
    return wins / trials;
}

}  // namespace

TEST_CASE("wrong-answer shares: uniform at skew 0, Zipf otherwise, summing to 1") {
    const std::vector<double> u = wrong_answer_shares(4, 0);
    for (double s : u) CHECK(s == Approx(0.25));
    const std::vector<double> z = wrong_answer_shares(3, 1);  // 1, 1/2, 1/3 over 11/6
    CHECK(z[0] == Approx(6.0 / 11));
    CHECK(z[1] == Approx(3.0 / 11));
    CHECK(z[2] == Approx(2.0 / 11));
}

TEST_CASE("plurality vote agrees with enumerating every outcome for small k and m") {
    for (double p : {0.1, 0.2, 0.35, 0.6})
        for (int m : {1, 2, 3})
            for (double skew : {0.0, 1.5})
                for (int k = 1; k <= 7; ++k) {
                    const std::vector<double> shares = wrong_answer_shares(m, skew);
                    const Vote v = plurality_vote(p, k, shares);
                    CHECK(v.exact);
                    CHECK(v.value == Approx(enumerate_vote(p, k, shares)).epsilon(1e-12));
                }
}

TEST_CASE("one wrong answer is the binary majority vote; ties count 1/(t + 1)") {
    for (int k = 1; k <= 40; ++k) {
        // Through the general sum, not the shortcut: two wrong answers of which one never occurs.
        const Vote v = plurality_vote(0.3, k, std::vector<double>{1.0, 0.0});
        CHECK(v.value == Approx(majority_vote(0.3, k)).epsilon(1e-12));
    }
    // k = 2, two equally likely wrong answers: right twice (p²), or right once and wrong once (a tie
    // of two: half of 2·p·(1 − p)).
    const double p = 0.2;
    CHECK(plurality_vote(p, 2, 2, 0).value == Approx(p * p + p * (1 - p)).epsilon(1e-14));
}

TEST_CASE("plurality vote agrees with a seeded Monte Carlo estimate for larger k and m") {
    struct Case {
        double p;
        int k, m;
        double skew;
    };
    for (const Case c : {Case{0.2, 10, 10, 0}, Case{0.2, 64, 50, 1}, Case{0.15, 40, 5, 0}, Case{0.05, 101, 100, 0.5}}) {
        const std::vector<double> shares = wrong_answer_shares(c.m, c.skew);
        const int trials = 40000;
        const double mc = monte_carlo_vote(c.p, c.k, shares, trials, 12345);
        const Vote v = plurality_vote(c.p, c.k, shares);
        // Four standard errors of the estimate (at least 0.005 for values near 0 or 1).
        const double se = std::sqrt(std::max(mc * (1 - mc), 0.01) / trials);
        CHECK(std::fabs(v.value - mc) < 4 * se + 1e-9);
        CHECK(v.error_bound < 1e-9);
    }
}

TEST_CASE("scattered wrong answers rescue voting: p = 0.2 with 10 votes") {
    // The binary model (every wrong answer the same) says 10 votes take 20% down to 2.0%.
    CHECK(plurality_vote(0.2, 10, 1, 0).value == Approx(majority_vote(0.2, 10)).epsilon(1e-12));
    CHECK(majority_vote(0.2, 10) < 0.03);
    // With ten equally likely wrong answers each is 8% against the right answer's 20%: voting helps,
    // and more votes help more (the limit is 1 since 0.2 > 0.08).
    const double v10 = plurality_vote(0.2, 10, 10, 0).value, v100 = plurality_vote(0.2, 100, 10, 0).value;
    CHECK(v10 > 0.2);
    CHECK(v100 > v10);
    CHECK(v100 > 0.9);
    // One dominant wrong answer (Zipf skew 3: 83% of the wrong ones, 66% of all) defeats voting.
    CHECK(plurality_vote(0.2, 100, 10, 3).value < 0.01);
}

TEST_CASE("beyond the exact range the vote is its limit, said so") {
    const Vote win = plurality_vote(0.2, kExactVoteSamples + 1, 10, 0);
    CHECK_FALSE(win.exact);
    CHECK(win.value == 1);
    CHECK(plurality_vote(0.2, kExactVoteSamples + 1, 1, 0).value < 1e-90);  // binary: exact, tiny
    CHECK(plurality_vote(0.05, kExactVoteSamples + 1, 2, 0).value == 0);     // 0.475 each beats 0.05
    CHECK(plurality_vote(0.2, kExactVoteSamples + 1, 4, 0).value == Approx(0.2));  // 4 wrong at 0.2: 1/5
}

TEST_CASE("pass^k is p^k; Chen et al.'s estimator matches 1 - C(n-c, k)/C(n, k)") {
    CHECK(pass_all_k(0.9, 10) == Approx(std::pow(0.9, 10)));
    CHECK(pass_all_k(1, 100) == 1);
    CHECK(pass_all_k(0, 3) == 0);
    // n = 10, c = 3, k = 2: 1 − C(7,2)/C(10,2) = 1 − 21/45.
    CHECK(pass_at_k_unbiased(10, 3, 2).value == Approx(1 - 21.0 / 45));
    // k = 1 is the plain fraction right.
    CHECK(pass_at_k_unbiased(200, 37, 1).value == Approx(37.0 / 200));
    CHECK(pass_at_k_unbiased(5, 3, 3).value == 1);  // n − c < k: every draw has a right one
    CHECK(pass_at_k_unbiased(100, 0, 10).value == 0);
    // Large n without overflow: n = 1e4, c = 10, k = 100 against the log-gamma form.
    const double lg = std::lgamma(1e4 - 10 + 1) - std::lgamma(1e4 - 10 - 100 + 1) - std::lgamma(1e4 + 1) + std::lgamma(1e4 - 100 + 1);
    CHECK(pass_at_k_unbiased(1e4, 10, 100).value == Approx(1 - std::exp(lg)).epsilon(1e-10));
    CHECK(pass_at_k_unbiased(10, 11, 2).field == "measured_correct");
    CHECK(pass_at_k_unbiased(10, 3, 11).field == "samples");
    CHECK(pass_at_k_unbiased(0, 0, 1).field == "measured_samples");
}
