// emergence.hpp: how a metric can make a smooth ability look like a jump (Schaeffer et al. 2023,
// "Are Emergent Abilities of Large Language Models a Mirage?", arXiv 2304.15004, Sec. 2).
// With per-token accuracy p and an answer of L tokens, exact match is p^L (all tokens right),
// while the expected token edit distance is L·(1 − p): the first bends sharply, the second is linear.
#pragma once

namespace scaling {

double exact_match(double per_token_accuracy, double answer_tokens);
double token_edit_distance(double per_token_accuracy, double answer_tokens);

// A smooth per-token accuracy against parameters, as in their Fig. 2: the per-token cross-entropy
// falls as a power law, (N_c/N)^α, and p = exp(−cross-entropy). Illustrative constants, editable in
// the view; not a fit to any benchmark.
struct SmoothAccuracy {
    double n_c = 4.6e7;  // parameters where the cross-entropy is 1 nat (p = 1/e)
    double alpha = 0.46;
};
double per_token_accuracy(const SmoothAccuracy& s, double params);

// The parameter count where exact match at L tokens first reaches `level` under `s`.
double params_reaching(const SmoothAccuracy& s, double answer_tokens, double level);

}  // namespace scaling
