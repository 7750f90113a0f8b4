// router.cpp: a router's task mix priced by the serving model (router.hpp).
#include "router.hpp"

#include <cmath>

#include "quantity.hpp"

namespace scaling {
namespace {

// The attention shape of a class's model, for its KV cache: the Llama 3 model nearest in
// log(parameters) (Llama 3 Herd, arXiv 2407.21783, Table 3: 8B 32 layers, 32 heads; 70B 80 layers,
// 64 heads; 405B 126 layers, 128 heads; 8 KV heads and head dimension 128 in all three).
struct Shape { double params, layers, heads; };
constexpr Shape kLlama3[] = {{8e9, 32, 32}, {70e9, 80, 64}, {405e9, 126, 128}};
constexpr double kLlama3KvHeads = 8, kLlama3HeadDim = 128;

ServeInputs path(const RouterInputs& in, const RouterClass& c, double batch) {
    const Shape* best = &kLlama3[0];
    for (const Shape& s : kLlama3)
        if (std::fabs(std::log(s.params / c.params)) < std::fabs(std::log(best->params / c.params))) best = &s;
    ServeInputs s;
    s.gpu = in.gpu;
    s.params = c.params;
    s.layers = best->layers, s.heads = best->heads, s.kv_heads = kLlama3KvHeads, s.head_dim = kLlama3HeadDim;
    s.prompt_tokens = in.prompt_tokens;
    s.output_tokens = c.output_tokens;
    s.batch = batch;
    s.price_per_hour = in.price_per_hour;
    return s;
}

std::string field_of(const char* what, const RouterClass& c) {
    return std::string(what) + "_" + (c.name.empty() ? "class" : c.name.substr(0, c.name.find(' ')));
}

}  // namespace

std::vector<RouterClass> default_router_classes() {
    return {{"classification", 0.6, 1 * kPlainAnswerTokens, 8e9, -1},
            {"summarisation", 0.3, 3 * kPlainAnswerTokens, 8e9, -1},
            {"reasoning", 0.1, 30 * kPlainAnswerTokens, 70e9, -1}};
}

std::string saving_verdict(double f) {
    if (f < kClaimedSavingLow) return "below the claim";
    if (f > kClaimedSavingHigh) return "above the claim";
    return "within the claim";
}

Result<RouterResult> route(const RouterInputs& in) {
    using R = Result<RouterResult>;
    if (!in.gpu) return R::fail("is required", "gpu");
    if (in.classes.empty()) return R::fail("no request classes", "share");
    double sum = 0;
    for (const RouterClass& c : in.classes) {
        if (!(c.share >= 0 && c.share <= 1))
            return R::fail(quote_input(format_shortest(100 * c.share)) + " must be from 0 to 100 (%)", field_of("share", c));
        sum += c.share;
    }
    if (std::fabs(sum - 1) > 1e-6)
        return R::fail("the shares sum to " + format_shortest(std::round(sum * 1e4) / 100) + "%; they must sum to 100%",
                       field_of("share", in.classes.back()));

    RouterResult r;
    bool all_quality = true;
    for (const RouterClass& c : in.classes) {
        const Result<ServeResult> s = serve(path(in, c, in.batch));
        if (!s.ok()) return R::fail(c.name + ": " + s.error, field_of("params", c));
        RouterClassResult k{c, s.value, s.value.dollars_per_request, s.value.request_seconds, 0};
        if (c.quality >= 0) k.quality_per_dollar = c.quality / k.dollars_per_request;
        else all_quality = false;
        r.blended_dollars_per_request += c.share * k.dollars_per_request;
        r.blended_latency_seconds += c.share * k.latency_seconds;
        for (const std::string& w : s.value.warnings) r.warnings.push_back(c.name + ": " + w);
        r.prices_as_of = s.value.prices_as_of;
        r.classes.push_back(k);
    }
    int cheap = 0;
    for (int i = 0; i < static_cast<int>(r.classes.size()); ++i) {
        if (r.classes[i].dollars_per_request > r.classes[r.expensive].dollars_per_request) r.expensive = i;
        if (r.classes[i].dollars_per_request < r.classes[cheap].dollars_per_request) cheap = i;
    }
    const RouterClassResult& top = r.classes[r.expensive];
    r.all_expensive_dollars_per_request = top.dollars_per_request;
    r.all_expensive_latency_seconds = top.latency_seconds;
    r.saving_factor = r.all_expensive_dollars_per_request / r.blended_dollars_per_request;
    if (all_quality) {
        r.blended_quality = 0;
        for (const RouterClassResult& k : r.classes) r.blended_quality += k.in.share * k.in.quality;
        r.quality_per_dollar = r.blended_quality / r.blended_dollars_per_request;
    }

    // Modes: fast and thinking at the online batch; background fills the replica to its KV limit.
    r.modes.push_back({"fast", r.classes[cheap].in.name + " path, batch " + format_fixed(in.batch, 0),
                       r.classes[cheap].latency_seconds, r.classes[cheap].dollars_per_request});
    r.modes.push_back({"thinking", top.in.name + " path, batch " + format_fixed(in.batch, 0), top.latency_seconds,
                       top.dollars_per_request});
    const double full = std::floor(top.serve.max_batch);
    if (full >= 1) {
        const Result<ServeResult> bg = serve(path(in, top.in, full));
        if (bg.ok())
            r.modes.push_back({"background", top.in.name + " path, batch " + format_fixed(full, 0) + " (the KV limit)",
                               bg.value.request_seconds, bg.value.dollars_per_request});
    }
    if (in.batch > top.serve.max_batch && top.serve.max_batch > 0)
        r.warnings.push_back("the batch of " + format_fixed(in.batch, 0) + " is above what the " + top.in.name +
                             " path's KV cache allows (" + format_fixed(std::floor(top.serve.max_batch), 0) + ")");
    return R::of(r);
}

}  // namespace scaling
