// requests_views.cpp: `scaling test-time | emergence` and their scaling.* twins: the numbers the
// Test-time and Emergence views show, with the views' starting values (fine-tuning:
// requests_finetune.cpp).
#include <algorithm>
#include <array>
#include <cmath>

#include "emergence.hpp"
#include "emergence_catalog.hpp"
#include "finetune.hpp"
#include "requests.hpp"
#include "self_consistency.hpp"
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

// One point of the curves: coverage, reliability and the plurality vote at k samples.
Json at_samples(double p, int k, const std::vector<double>& shares) {
    const Vote v = plurality_vote(p, k, shares);
    Json j = {{"samples", k}, {"pass_at_k", pass_at_k(p, k)}, {"pass_all_k", pass_all_k(p, k)},
              {"plurality_vote", v.value}};
    if (!v.exact) j["plurality_vote_limit"] = true;  // beyond kExactVoteSamples: the vote's limit
    return j;
}

}  // namespace

Result<Json> test_time_request(const Args& args) {
    using namespace inputs;
    static const Input* const kIns[] = {&kSuccess, &kSamples,    &kWrongAnswers,   &kSkew,
                                        &kModelParams, &kAnswerTokens, &kLargeSuccess, &kSizeRatio,
                                        &kInferenceRatio};
    const auto v = numbers(args, kIns);
    if (!v.ok()) return Result<Json>::fail(v.error, v.field);
    const auto [p, k_max, m, skew, params, tokens, large_p, size_ratio, ratio] = v.value;
    const int kmax = static_cast<int>(k_max);
    const std::vector<double> shares = wrong_answer_shares(static_cast<int>(m), skew);
    Json j;
    j["success"] = p;
    j["samples"] = kmax;
    j["wrong_answers"] = m;
    j["skew"] = skew;
    j["model_params"] = params;
    j["answer_tokens"] = tokens;
    // The headline at the most samples, and the curve at k = 1, 2, 4, ... and the most.
    Json top = at_samples(p, kmax, shares);
    const Vote vote = plurality_vote(p, kmax, shares);
    top["plurality_vote_error_bound"] = vote.error_bound;
    top["flops_per_question"] = sampling_flops(params, tokens, kmax);
    j["at_most_samples"] = top;
    Json curve = Json::array();
    for (int k = 1; k < kmax; k *= 2) curve.push_back(at_samples(p, k, shares));
    curve.push_back(at_samples(p, kmax, shares));
    j["curve"] = curve;
    // Chen et al. 2021's unbiased pass@k from measured samples, when both counts are given.
    if (args.count(kMeasuredSamples.key) || args.count(kMeasuredCorrect.key)) {
        const Result<double> n = number_arg(args, kMeasuredSamples), c = number_arg(args, kMeasuredCorrect);
        if (!n.ok()) return Result<Json>::fail(n.error, n.field);
        if (!c.ok()) return Result<Json>::fail(c.error, c.field);
        if (!args.count(kMeasuredSamples.key) || !args.count(kMeasuredCorrect.key))
            return Result<Json>::fail("give both the measured samples and how many were right",
                                      args.count(kMeasuredSamples.key) ? kMeasuredCorrect.key : kMeasuredSamples.key);
        Json est = Json::array();
        const double k_top = std::min<double>(kmax, n.value);
        std::vector<double> ks;
        for (double k = 1; k < k_top; k *= 2) ks.push_back(k);
        ks.push_back(k_top);
        for (double k : ks) {
            const Result<double> e = pass_at_k_unbiased(n.value, c.value, k);
            if (!e.ok()) return Result<Json>::fail(e.error, e.field);
            est.push_back({{"samples", k}, {"pass_at_k", e.value}});
        }
        j["measured"] = {{"measured_samples", n.value}, {"measured_correct", c.value}, {"estimate", est},
                         {"source", "Chen et al. 2021, arXiv 2107.03374, Sec. 2.1: 1 - C(n - c, k)/C(n, k)"}};
    }
    // Where the gain over one sample grows like sqrt(k): its local exponent within 0.4 to 0.6.
    const SampleRange holds = sqrt_claim_range(p, 0.1);
    j["sqrt_claim_holds"] = holds.lo > 0 ? Json{{"from", holds.lo}, {"to", holds.hi}} : Json();
    // The claims in circulation, against the vote (self_consistency.hpp).
    Json claims = Json::array();
    for (const VotingClaim& c : check_voting_claims(p, shares))
        claims.push_back({{"claim", c.claim}, {"claimed", c.claimed}, {"computed", c.computed}, {"unit", c.unit}, {"verdict", c.verdict},
                          {"source", c.source}});
    j["claims"] = claims;
    // A small model sampling k times against one M times larger answering once (Snell et al. 2024,
    // arXiv 2408.03314): at equal inference FLOP k = M; at equal total FLOP k = M + 3(M - 1)/R.
    const double k_total = samples_matching_larger_model(size_ratio, ratio);
    Json big;
    big["large_success"] = large_p;
    big["size_ratio"] = size_ratio;
    big["inference_ratio"] = ratio;
    big["equal_inference_flop"] = at_samples(p, static_cast<int>(std::floor(size_ratio)), shares);
    big["equal_total_flop"] = at_samples(p, static_cast<int>(std::min(1e4, std::floor(k_total))), shares);
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
    // The thresholds claimed, a source per row, and grokking's example (emergence_catalog.hpp, issue 19).
    Json claims = Json::array();
    for (const EmergenceClaim& c : emergence_claims())
        claims.push_back({{"ability", c.ability}, {"task", c.task}, {"scale", c.scale},
                          {"params", c.params > 0 ? Json(c.params) : Json()},
                          {"flops", c.flops > 0 ? Json(c.flops) : Json()}, {"source", c.source},
                          {"disputed", claim_disputed(c)}});
    j["claims"] = claims;
    const GrokkingExample g;
    j["grokking"] = {{"task", g.task},
                     {"train_fraction", g.train_fraction},
                     {"train_near_perfect_steps", g.train_near_perfect_steps},
                     {"first_generalisation_steps", g.first_generalisation_steps},
                     {"validation_near_perfect_steps", g.validation_near_perfect_steps},
                     {"source", g.source},
                     {"weight_decay", g.weight_decay},
                     {"reading", g.reading}};
    return Result<Json>::of(j);
}

}  // namespace scaling
