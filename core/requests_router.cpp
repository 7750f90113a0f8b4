// requests_router.cpp: the router request (text arguments -> JSON), shared by the CLI (`scaling
// router`) and the JS API (`scaling.router()`): a task mix's blended cost and latency per request
// from the serving model, against sending every request through the most expensive path.
#include "requests.hpp"
#include "router.hpp"

namespace scaling {
namespace {

struct ClassInputs { const char* name; const Input *share, *tokens, *params, *quality; };
const ClassInputs kClassInputs[kRouterClasses] = {
    {"classification", &inputs::kShareClassification, &inputs::kTokensClassification, &inputs::kParamsClassification,
     &inputs::kQualityClassification},
    {"summarisation", &inputs::kShareSummarisation, &inputs::kTokensSummarisation, &inputs::kParamsSummarisation,
     &inputs::kQualitySummarisation},
    {"reasoning", &inputs::kShareReasoning, &inputs::kTokensReasoning, &inputs::kParamsReasoning,
     &inputs::kQualityReasoning}};

}  // namespace

Result<RouterInputs> router_inputs(const Args& args) {
    using R = Result<RouterInputs>;
    using namespace inputs;
    if (!hardware_error().empty()) return R::fail(hardware_error(), kRouterGpu.key);
    RouterInputs in;
    const Result<std::string> gpu = choice_arg(args, kRouterGpu);
    if (!gpu.ok()) return R::fail(gpu.error, gpu.field);
    in.gpu = gpu_from_id(gpu.value).value;
    const Result<double> price = number_arg(args, kRouterPrice, 0.0);
    const Result<double> prompt = number_arg(args, kRouterPrompt);
    const Result<double> batch = number_arg(args, kRouterBatch);
    for (const Result<double>* v : {&price, &prompt, &batch})
        if (!v->ok()) return R::fail(v->error, v->field);
    in.price_per_hour = price.value, in.prompt_tokens = prompt.value, in.batch = batch.value;
    for (const ClassInputs& ci : kClassInputs) {
        RouterClass c;
        c.name = ci.name;
        const Result<double> share = number_arg(args, *ci.share), tokens = number_arg(args, *ci.tokens),
                             params = number_arg(args, *ci.params);
        for (const Result<double>* v : {&share, &tokens, &params})
            if (!v->ok()) return R::fail(v->error, v->field);
        c.share = share.value / 100, c.output_tokens = tokens.value, c.params = params.value;
        if (find_arg(args, ci.quality->key) && given(*find_arg(args, ci.quality->key))) {
            const Result<double> q = number_arg(args, *ci.quality);
            if (!q.ok()) return R::fail(q.error, q.field);
            c.quality = q.value;
        }
        in.classes.push_back(c);
    }
    return R::of(in);
}

Result<Json> router_request(const Args& args) {
    using R = Result<Json>;
    const Result<RouterInputs> in = router_inputs(args);
    if (!in.ok()) return R::fail(in.error, in.field);
    const Result<RouterResult> r = route(in.value);
    if (!r.ok()) return R::fail(r.error, r.field);
    const RouterResult& x = r.value;
    Json j;
    j["gpu"] = in.value.gpu->id;
    j["prices_as_of"] = x.prices_as_of;
    j["prompt_tokens"] = in.value.prompt_tokens;
    j["batch"] = in.value.batch;
    j["blended_dollars_per_request"] = x.blended_dollars_per_request;
    j["blended_latency_seconds"] = x.blended_latency_seconds;
    j["all_expensive_dollars_per_request"] = x.all_expensive_dollars_per_request;
    j["all_expensive_latency_seconds"] = x.all_expensive_latency_seconds;
    j["expensive_class"] = x.classes[static_cast<size_t>(x.expensive)].in.name;
    j["saving_factor"] = x.saving_factor;
    j["claimed_saving_factor"] = {kClaimedSavingLow, kClaimedSavingHigh};
    j["saving_verdict"] = saving_verdict(x.saving_factor);
    Json classes = Json::array();
    for (const RouterClassResult& k : x.classes) {
        Json c = {{"name", k.in.name},
                  {"share", k.in.share},
                  {"output_tokens", k.in.output_tokens},
                  {"params", k.in.params},
                  {"tp", k.serve.tp},
                  {"dollars_per_request", k.dollars_per_request},
                  {"latency_seconds", k.latency_seconds},
                  {"ttft_seconds", k.serve.ttft_seconds},
                  {"decode_tokens_per_second", k.serve.decode_tokens_per_second}};
        if (k.in.quality >= 0) c["quality"] = k.in.quality, c["quality_per_dollar"] = k.quality_per_dollar;
        classes.push_back(c);
    }
    j["classes"] = classes;
    if (x.blended_quality >= 0) j["blended_quality"] = x.blended_quality, j["quality_per_dollar"] = x.quality_per_dollar;
    Json modes = Json::array();
    for (const RouterMode& m : x.modes)
        modes.push_back({{"mode", m.name}, {"path", m.path}, {"latency_seconds", m.latency_seconds},
                         {"dollars_per_request", m.dollars_per_request}});
    j["modes"] = modes;
    j["token_guidance"] = "classification 1x, summarisation 2-5x, reasoning 10-100x the tokens of a plain answer: "
                          "guidance in circulation with no measurement found behind it (defaults 1x, 3x, 30x of 250)";
    j["warnings"] = x.warnings;
    return R::of(j);
}

}  // namespace scaling
