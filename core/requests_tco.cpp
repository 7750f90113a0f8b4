// requests_tco.cpp: `scaling tco` and scaling.tco(): total cost of ownership, break-even and the
// over-training payback (tco.hpp) from text arguments, as JSON. The TCO view calls it too, so the
// view, the CLI and the JS API read the cost per request the same way.
#include <cmath>

#include "requests.hpp"
#include "tco.hpp"

namespace scaling {
namespace {

// Infinity (never) as JSON's null.
Json days_json(double days) { return std::isfinite(days) ? Json(days) : Json(); }

// The cost per request: typed, or $ per million tokens x tokens per request / 1e6; never both.
Result<double> dollars_per_request_arg(const Args& args, Json& j) {
    using R = Result<double>;
    using namespace inputs;
    const bool per_request = find_arg(args, kDollarsPerRequest.key) != nullptr;
    const bool per_mtok = find_arg(args, kDollarsPerMillionTokens.key) != nullptr;
    if (per_request && per_mtok)
        return R::fail("give --dollars-per-request, or --dollars-per-million-tokens with --tokens-per-request, not both",
                       kDollarsPerRequest.key);
    if (!per_mtok) {
        if (!per_request)
            return R::fail("is required (or --dollars-per-million-tokens with --tokens-per-request)", kDollarsPerRequest.key);
        return number_arg(args, kDollarsPerRequest);
    }
    const R m = number_arg(args, kDollarsPerMillionTokens);
    if (!m.ok()) return m;
    if (!find_arg(args, kTcoTokensPerRequest.key)) return R::fail("is required with --dollars-per-million-tokens", kTcoTokensPerRequest.key);
    const R t = number_arg(args, kTcoTokensPerRequest);
    if (!t.ok()) return t;
    j["dollars_per_million_tokens"] = m.value;
    j["tokens_per_request"] = t.value;
    return R::of(m.value * t.value / 1e6);
}

}  // namespace

Result<Json> tco_request(const Args& args) {
    using R = Result<Json>;
    using namespace inputs;
    Json j;
    TcoInputs in;
    const std::pair<const Input*, double*> nums[] = {
        {&kTrainingDollars, &in.training_dollars}, {&kTcoRequestsPerDay, &in.requests_per_day},
        {&kLifetimeDays, &in.lifetime_days}, {&kTrafficGrowth, &in.traffic_growth},
        {&kExtraTrainingDollars, &in.extra_training_dollars}, {&kSavingPerRequest, &in.saving_per_request}};
    for (const auto& [input, out] : nums) {
        // Optional ones left out: the descriptor's fallback (the over-training pair: 0, no decision).
        const Result<double> v = input->optional ? number_arg(args, *input, input->fallback) : number_arg(args, *input);
        if (!v.ok()) return R::fail(v.error, v.field);
        *out = v.value;
    }
    const Result<double> p = dollars_per_request_arg(args, j);
    if (!p.ok()) return R::fail(p.error, p.field);
    in.dollars_per_request = p.value;
    const Result<TcoResult> r = tco(in);
    if (!r.ok()) return R::fail(r.error, r.field);
    const TcoResult& v = r.value;

    j["training_dollars"] = in.training_dollars;
    j["dollars_per_request"] = in.dollars_per_request;
    j["requests_per_day"] = in.requests_per_day;
    j["lifetime_days"] = in.lifetime_days;
    j["traffic_growth"] = in.traffic_growth;
    j["growth_model"] = "continuous: requests/day = requests_per_day x (1 + traffic_growth)^(day / 365)";
    j["break_even_requests"] = v.break_even_requests;
    j["break_even_days"] = days_json(v.break_even_days);
    j["inference_dollars_per_year"] = v.inference_dollars_per_year;
    j["inference_to_training_per_year"] = v.inference_to_training;
    j["lifetime_requests"] = v.lifetime_requests;
    j["lifetime_inference_dollars"] = v.lifetime_inference_dollars;
    j["tco_dollars"] = v.tco_dollars;
    j["lifetime_inference_to_training"] = v.lifetime_inference_to_training;
    if (v.has_over_training) {
        j["extra_training_dollars"] = in.extra_training_dollars;
        j["saving_per_request"] = in.saving_per_request;
        j["saving_dollars_per_day"] = v.saving_dollars_per_day;
        j["payback_requests"] = v.payback_requests;
        j["payback_days"] = days_json(v.payback_days);
        j["lifetime_net_saving_dollars"] = v.lifetime_net_saving;
    }
    const Claim& c = circulating_break_even_claim();
    j["claim"] = {{"formula", c.formula}, {"dimensions", c.dimensions}, {"consistent_form", c.consistent_form},
                  {"saving_from_parameters", c.saving_from_parameters}, {"source", c.source}};
    Json warnings = Json::array();
    for (const std::string& w : v.warnings) warnings.push_back(w);
    if (find_arg(args, kTcoTokensPerRequest.key) && !j.contains("tokens_per_request"))
        warnings.push_back("tokens_per_request is read only with dollars_per_million_tokens; it was not used");
    j["warnings"] = warnings;
    return R::of(j);
}

}  // namespace scaling
