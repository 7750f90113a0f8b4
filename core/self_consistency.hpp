// self_consistency.hpp: voting over k sampled answers when wrong answers scatter (Wang et al. 2022,
// "Self-Consistency Improves Chain of Thought Reasoning in Language Models", arXiv 2203.11171): the
// answer given most often wins, so a right answer that is rarer than one half can still win as long
// as no single wrong answer is more common than it. Beside it the reliability of k attempts (pass^k)
// and the unbiased pass@k estimator for measured samples (Chen et al. 2021, arXiv 2107.03374).
#pragma once
#include <string>
#include <vector>

#include "result.hpp"

namespace scaling {

// The shares of the m wrong answers among wrong samples, most common first: Zipf's law with exponent
// `skew`, share_j proportional to 1/j^skew (skew 0: equally likely). They sum to 1. An assumption to set to the
// task at hand: no paper gives how free-form wrong answers spread.
std::vector<double> wrong_answer_shares(int wrong_answers, double skew);

// Plurality vote of k independent samples: each is right with probability p, otherwise the j-th
// wrong answer with probability (1 − p)·shares[j]. The most frequent answer wins; a tie among the
// most frequent is broken uniformly at random (a right answer tied with t wrong ones wins 1/(t + 1)).
// One wrong answer is the binary majority vote of test_time.hpp.
//
// Exact by summing over the right answers' count c (binomial) and, for each c, the chance that no
// wrong answer exceeds c, with the ties counted, through the wrong answers one at a time (the
// multinomial as a chain of binomials: every term a probability, so nothing cancels). States and
// terms below 1e-18 are dropped; their mass is `error_bound`, an upper bound on the error.
// Beyond kExactVoteSamples samples the sum is not attempted: the result is the limit as k grows
// (1 when p beats every wrong answer's (1 − p)·share, 0 when one beats p, 1/(t + 1) when t tie with
// it), `exact` false.
inline constexpr int kExactVoteSamples = 1000;
struct Vote {
    double value = 0;
    double error_bound = 0;
    bool exact = true;
};
Vote plurality_vote(double p, int k, const std::vector<double>& shares);
Vote plurality_vote(double p, int k, int wrong_answers, double skew);

// pass^k: all k independent attempts right, p^k: the reliability agents are judged by (Yao et al.
// 2024, "τ-bench", arXiv 2406.12045, Sec. 3 defines pass^k).
double pass_all_k(double p, double k);

// Chen et al. 2021 (arXiv 2107.03374), Sec. 2.1: from n samples with c right, the unbiased
// estimate of pass@k is 1 − C(n − c, k)/C(n, k), computed as a product so that n in the thousands
// neither overflows nor cancels. Needs 1 <= k <= n and 0 <= c <= n; errors name `samples` (k),
// `measured_samples` (n) or `measured_correct` (c).
Result<double> pass_at_k_unbiased(double n, double c, double k);

}  // namespace scaling

namespace scaling {

// [SECTION] The claims in circulation, against the vote
// "Self-consistency adds about +30% with 10 samples and +50% with 100; the gain grows like
// sqrt(samples)": in circulation, no primary source found; read as percentage points over one
// sample. The halves disagree with each other: sqrt(samples) makes the gain at 100 sqrt(10) = 3.16
// times the gain at 10, the figures 50/30 = 1.67 times. Wang et al. 2022 (arXiv 2203.11171,
// abstract) measured +17.9 points on GSM8K with PaLM 540B and 40 sampled paths: one task, one model.
// "A 13B model sampled 10 times is cheaper than a 70B model answering once": in circulation, no
// primary source found. At 2·N FLOP per token and the same answer length, 10 x 13B = 130B
// parameter-passes against 70B: the small model costs 130/70 = 1.86 times as much.
struct VotingClaim {
    const char* claim;
    double claimed = 0, computed = 0;  // in the claim's unit
    const char* unit;                  // "points" of accuracy, a "ratio", or "ratio below" (claimed: under it)
    std::string verdict;               // holds / roughly / does not hold, with the reason
    const char* source;
};
std::vector<VotingClaim> check_voting_claims(double p, const std::vector<double>& shares);

}  // namespace scaling
