// emergence.cpp: Schaeffer et al. 2023's metric arithmetic.
#include "emergence.hpp"

#include <cmath>

namespace scaling {

double exact_match(double p, double answer_tokens) { return std::pow(p, answer_tokens); }

double token_edit_distance(double p, double answer_tokens) { return answer_tokens * (1 - p); }

double per_token_accuracy(const SmoothAccuracy& s, double params) { return std::exp(-std::pow(s.n_c / params, s.alpha)); }

double params_reaching(const SmoothAccuracy& s, double answer_tokens, double level) {
    // p^L = level  =>  p = level^(1/L)  =>  (N_c/N)^α = −ln(level)/L  =>  N = N_c·(−ln(level)/L)^(−1/α).
    return s.n_c * std::pow(-std::log(level) / answer_tokens, -1.0 / s.alpha);
}

}  // namespace scaling
