// requests_views.cpp: `scaling test-time | emergence` and their scaling.* twins: the numbers the
// Test-time and Emergence views show, with the views' starting values (fine-tuning:
// requests_finetune.cpp).
#include <algorithm>
#include <array>
#include <cmath>

#include "emergence.hpp"
#include "requests.hpp"
#include "test_time.hpp"

namespace scaling {
namespace {

// Reads every input listed, in order; the first refusal names its field.
template <size_t N>
Result<std::array<double, N>> numbers(const Args& args, const Input* const (&ins)[N]) {
    std::array<double, N> out{};
    for (size_t i = 0; i < N; ++i) {
        const Result<double> v = number_arg(args, *ins[i]);
        if (!v.ok()) return Result<std::array<double, N>>::fail(v.error, v.field);
        out[i] = v.value;
    }
    return Result<std::array<double, N>>::of(out);
}

Json at_samples(double p, int k) {
    return {{"samples", k}, {"pass_at_k", pass_at_k(p, k)}, {"majority_vote", majority_vote(p, k)}};
}

}  // namespace

Result<Json> test_time_request(const Args& args) {
    using namespace inputs;
    static const Input* const kIns[] = {&kSuccess, &kSamples, &kModelParams, &kAnswerTokens,
                                        &kLargeSuccess, &kSizeRatio, &kInferenceRatio};
    const auto v = numbers(args, kIns);
    if (!v.ok()) return Result<Json>::fail(v.error, v.field);
    const auto [p, k_max, params, tokens, large_p, m, ratio] = v.value;
    const int kmax = static_cast<int>(k_max);
    Json j;
    j["success"] = p;
    j["samples"] = kmax;
    j["model_params"] = params;
    j["answer_tokens"] = tokens;
    // The headline at the most samples, and the curve at k = 1, 2, 4, ... and the most.
    Json top = at_samples(p, kmax);
    top["flops_per_question"] = sampling_flops(params, tokens, kmax);
    j["at_most_samples"] = top;
    Json curve = Json::array();
    for (int k = 1; k < kmax; k *= 2) curve.push_back(at_samples(p, k));
    curve.push_back(at_samples(p, kmax));
    j["curve"] = curve;
    // Where the gain over one sample grows like sqrt(k): its local exponent within 0.4 to 0.6.
    const SampleRange holds = sqrt_claim_range(p, 0.1);
    j["sqrt_claim_holds"] = holds.lo > 0 ? Json{{"from", holds.lo}, {"to", holds.hi}} : Json();
    // A small model sampling k times against one M times larger answering once (Snell et al. 2024,
    // arXiv 2408.03314): at equal inference FLOP k = M; at equal total FLOP k = M + 3(M - 1)/R.
    const double k_total = samples_matching_larger_model(m, ratio);
    Json big;
    big["large_success"] = large_p;
    big["size_ratio"] = m;
    big["inference_ratio"] = ratio;
    big["equal_inference_flop"] = at_samples(p, static_cast<int>(std::floor(m)));
    big["equal_total_flop"] = at_samples(p, static_cast<int>(std::min(1e4, std::floor(k_total))));
    big["equal_total_flop"]["samples_exact"] = k_total;
    big["formula"] = "k = M + 3·(M − 1)/R (Snell et al. 2024's accounting, arXiv 2408.03314)";
    j["small_versus_large"] = big;
    return Result<Json>::of(j);
}

Result<Json> emergence_request(const Args& args) {
    using namespace inputs;
    static const Input* const kIns[] = {&kAnswerLength, &kAccuracyNc, &kAccuracyAlpha};
    const auto v = numbers(args, kIns);
    if (!v.ok()) return Result<Json>::fail(v.error, v.field);
    const auto [L, n_c, alpha] = v.value;
    const SmoothAccuracy acc{n_c, alpha};
    Json j;
    j["answer_length"] = L;
    j["accuracy_nc"] = n_c;
    j["accuracy_alpha"] = alpha;
    j["params_at_half_exact_match"] = params_reaching(acc, L, 0.5);
    // The view's table: the same per-token accuracy read by the two metrics (Schaeffer et al. 2023, Sec. 2).
    Json table = Json::array();
    for (double p : {0.8, 0.9, 0.95, 0.99})
        table.push_back({{"per_token_accuracy", p}, {"exact_match", exact_match(p, L)},
                         {"token_edit_distance", token_edit_distance(p, L)}});
    j["by_per_token_accuracy"] = table;
    // The view's curves over its axis, 1e6 to 1e14 parameters, at each decade.
    Json curve = Json::array();
    for (int e = 6; e <= 14; ++e) {
        const double n = std::pow(10.0, e), p = per_token_accuracy(acc, n);
        curve.push_back({{"params", n}, {"per_token_accuracy", p}, {"exact_match", exact_match(p, L)},
                         {"token_edit_distance", token_edit_distance(p, L)}});
    }
    j["by_params"] = curve;
    return Result<Json>::of(j);
}

}  // namespace scaling
