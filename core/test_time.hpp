// test_time.hpp: spending compute when the model answers (Brown et al. 2024, arXiv 2407.21787;
// Snell et al. 2024, arXiv 2408.03314): k independent samples, scored by coverage (pass@k) or majority vote;
// what they cost; and Snell et al. 2024's trade of test-time compute against model size.
#pragma once
#include <vector>

namespace scaling {

// Coverage: at least one of k independent samples right, each with probability p. 1 − (1 − p)^k.
double pass_at_k(double p, double k);

// Majority vote of k samples when each is right with probability p and wrong answers agree with
// each other (the binary case: the binomial tail). A tie (even k) is broken by a coin: it counts
// half. This is the most pessimistic case for voting; spread wrong answers only help it.
double majority_vote(double p, int k);

// FLOP to answer with k samples of `tokens` tokens each from a model of N parameters: 2·N per
// token (a forward pass; Kaplan et al. 2020, Sec. 2.1).
double sampling_flops(double params, double tokens, double k);

// "Improvement ~ sqrt(samples) until saturation", a claim in circulation. The gain over one sample,
// pass@k − p, grows like k^g with a local exponent g = d ln(gain)/d ln k that falls from 1 (while
// k·p is small every sample adds about p) towards 0 (coverage saturates). The claim holds where g is
// near 1/2: sqrt_claim_range gives the samples where |g − 1/2| <= band (lo = hi = 0: nowhere).
double gain_exponent(double p, double k);
struct SampleRange {
    double lo = 0, hi = 0;
};
SampleRange sqrt_claim_range(double p, double band);
// The claim as a curve: c·sqrt(k), matched to the true gain at k_match.
double sqrt_claim_gain(double p, double k, double k_match);

// Snell et al. 2024 (arXiv 2408.03314): pretraining X = 6·N·D_pre, inference Y = 2·N·D_inf,
// R = D_inf / D_pre. A model M times larger costs M·(X + Y). Spending that total on the smaller
// model's samples instead buys k = M + 3·(M − 1)/R samples per query (the same tokens each).
double samples_matching_larger_model(double size_ratio, double inference_to_pretraining_tokens);

}  // namespace scaling
