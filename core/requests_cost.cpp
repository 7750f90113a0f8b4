// requests_cost.cpp: budget, memory and lifetime-cost requests (text arguments -> JSON), shared by
// the CLI (`scaling budget | memory | lifetime | lifetime-cost`) and the JS API.
#include <cmath>

#include "caveats_json.hpp"
#include "hardware.hpp"
#include "lifetime.hpp"
#include "presets.hpp"
#include "quantity.hpp"
#include "requests.hpp"
#include "results_json.hpp"

namespace scaling {
namespace {

using J = Json;

// A GPU by id: the input's own when given, else `shared` (the command-wide --gpu) or its initial.
Result<const Gpu*> gpu_arg(const Args& args, const Input& in, const Input* shared = nullptr) {
    if (!hardware_error().empty()) return Result<const Gpu*>::fail(hardware_error(), in.key);
    const Input& from = !find_arg(args, in.key) && shared && find_arg(args, shared->key) ? *shared : in;
    const std::string* v = find_arg(args, from.key);
    // The catalogue's lookup, whose error lists the ids as read_choice would, with "unknown GPU".
    Result<const Gpu*> g = gpu_from_id(v ? *v : from.initial);
    if (!g.ok()) g.field = from.key;
    return g;
}

Result<Dtype> dtype_arg(const Args& args, const Input& in) {
    const Result<std::string> name = choice_arg(args, in);
    if (!name.ok()) return Result<Dtype>::fail(name.error, name.field);
    Result<Dtype> d = dtype_from_text(name.value);
    if (!d.ok()) d.field = in.key;
    return d;
}

J model_json(const LifetimeModel& m) {
    return {{"params", m.params}, {"tokens", m.tokens}, {"train_flops", m.train_flops},
            {"inference_flops", m.infer_flops}, {"total_flops", m.total_flops}};
}

// The lifetime comparison; the objective's unit (FLOP or dollars) is in the saving's key names.
// Both models are at the target loss, which the request has already checked.
J lifetime_json(const LifetimeResult& r, const Law& law) {
    J j;
    j["law"] = law.id;
    j["loss"] = r.loss;
    j["inference_tokens"] = r.inference_tokens;
    j["optimal"] = model_json(r.best);
    j["chinchilla_equal_loss"] = model_json(r.chinchilla);
    j["params_ratio"] = r.params_ratio;
    j["tokens_ratio"] = r.tokens_ratio;
    j["lifetime_saving"] = r.lifetime_saving;
    if (r.best.params < r.chinchilla.params) {
        const Result<BreakEven> b = break_even(law, r.loss, r.best.params);
        if (b.ok()) j["break_even_inference_tokens"] = b.value.tokens;
    }
    put_caveats(j, caveats_of(law, r));
    return j;
}

}  // namespace

Result<Json> budget_request(const Args& args) {
    using R = Result<Json>;
    using namespace inputs;
    Budget b;
    const Result<const Gpu*> g = gpu_arg(args, kGpu);
    if (!g.ok()) return R::fail(g.error, g.field);
    b.gpu = g.value;
    const Result<Dtype> d = dtype_arg(args, kDtype);
    if (!d.ok()) return R::fail(d.error, d.field);
    b.dtype = d.value;
    if (find_arg(args, kPreset.key)) {
        if (!presets_error().empty()) return R::fail("the presets failed to load: " + presets_error(), "preset");
        const Result<std::string> id = choice_arg(args, kPreset);  // the Budget view's published runs
        if (!id.ok()) return R::fail(id.error, id.field);
        const Preset* p = find_preset(id.value);
        b.gpu = gpu_from_id(p->gpu).value;
        b.flops = p->flops, b.gpus = p->gpus, b.mfu = p->mfu;
        if (p->gpu_hours > 0) b.days = p->gpu_hours / (24 * p->gpus);
    }
    // Given ones override the preset's; the one left at zero is solved for.
    const std::pair<const Input*, double*> nums[] = {{&kBudgetFlops, &b.flops}, {&kGpus, &b.gpus}, {&kDays, &b.days},
                                                     {&kMfu, &b.mfu}, {&kDollars, &b.dollars}, {&kPrice, &b.price_per_hour}};
    for (const auto& [in, out] : nums) {
        const Result<double> v = number_arg(args, *in, *out);
        if (!v.ok()) return R::fail(v.error, v.field);
        *out = v.value;
    }
    const Result<Budget> s = solve_budget(b);
    if (!s.ok()) return R::fail(s.error, s.field);
    J j;
    j["gpu"] = s.value.gpu->id;
    j["dtype"] = dtype_name(s.value.dtype);
    j["price_per_hour"] = s.value.price_per_hour;
    j["prices_as_of"] = b.price_per_hour > 0 ? "your price" : s.value.gpu->price_date;  // issue 18, section 6
    j["flops"] = s.value.flops;
    j["gpus"] = s.value.gpus;
    j["days"] = s.value.days;
    j["mfu"] = s.value.mfu;
    j["gpu_hours"] = s.value.gpu_hours;
    j["dollars"] = s.value.dollars;
    // What the budget buys: the compute-optimal model under the law, and what it takes to serve it.
    const Result<Law> law = law_request(args);
    if (!law.ok()) return R::fail(law.error, law.field);
    const Result<Allocation> a = optimal(law.value, s.value.flops);
    if (a.ok()) {
        j["optimal"] = allocation_json(a.value);
        put_caveats(j, caveats_of(law.value, a.value, "the optimal model"));
        if (a.value.has_params) {
            MemoryInputs in;
            in.params = a.value.params;
            const Result<Memory> m = memory(in, *s.value.gpu);
            if (m.ok())
                j["memory"] = {{"weights_gb_bf16", m.value.weights_gb}, {"training_gb", m.value.training_gb},
                               {"gpus_to_serve", m.value.gpus_to_serve}, {"gpus_to_train_state", m.value.gpus_to_train}};
        }
    }
    return R::of(j);
}

Result<Json> memory_request(const Args& args) {
    using R = Result<Json>;
    using namespace inputs;
    const Result<const Gpu*> g = gpu_arg(args, kGpu);
    if (!g.ok()) return R::fail(g.error, g.field);
    MemoryInputs in;
    const Result<Dtype> d = dtype_arg(args, kMemoryDtype);
    if (!d.ok()) return R::fail(d.error, d.field);
    in.weights = d.value;
    // Absent: MemoryInputs' own defaults (no KV cache unless its shape is given).
    const std::pair<const Input*, double*> nums[] = {{&kMemoryParams, &in.params}, {&kLayers, &in.layers},
                                                     {&kKvHeads, &in.kv_heads}, {&kHeadDim, &in.head_dim},
                                                     {&kContext, &in.context_tokens}, {&kBatch, &in.batch},
                                                     {&kUsable, &in.usable_fraction}};
    for (const auto& [input, out] : nums) {
        const Result<double> v = input->optional ? number_arg(args, *input, *out) : number_arg(args, *input);
        if (!v.ok()) return R::fail(v.error, v.field);
        *out = v.value;
    }
    const Result<Memory> m = memory(in, *g.value);
    if (!m.ok()) return R::fail(m.error, m.field);
    J j;
    j["gpu"] = g.value->id;
    j["params"] = in.params;
    j["dtype"] = dtype_name(in.weights);
    j["bytes_per_param"] = bytes_per_param(in.weights);
    j["weights_gb"] = m.value.weights_gb;
    j["training_bytes_per_param"] = kTrainingBytesPerParam;
    j["training_gb"] = m.value.training_gb;
    j["kv_bytes_per_token"] = m.value.kv_bytes_per_token;
    j["kv_cache_gb"] = m.value.kv_cache_gb;
    j["serve_gb"] = m.value.serve_gb;
    j["usable_fraction"] = in.usable_fraction;
    j["gpus_to_train"] = m.value.gpus_to_train;
    j["gpus_to_serve"] = m.value.gpus_to_serve;
    j["note"] = "training state = 16 bytes/param (BF16 weights 2 + BF16 gradients 2 + FP32 master 4 + Adam moments "
                "4 + 4); activations and the KV cache of training are not included";
    return R::of(j);
}

// The law and the target loss both lifetime requests start from.
struct LawAndLoss {
    Law law;
    double loss = 0;
};
Result<LawAndLoss> law_and_loss(const Args& args) {
    using R = Result<LawAndLoss>;
    const Result<Law> law = law_request(args);
    if (!law.ok()) return R::fail(law.error, law.field);
    const Result<double> l = number_arg(args, inputs::kLoss);
    if (!l.ok()) return R::fail(l.error, l.field);
    const Result<double> sensible = sensible_loss(l.value, "loss");
    if (!sensible.ok()) return R::fail(quote_input(*find_arg(args, "loss")) + " is " + sensible.error, "loss");
    return R::of({law.value, l.value});
}

Result<Json> lifetime_request(const Args& args) {
    using R = Result<Json>;
    using namespace inputs;
    const Result<LawAndLoss> ll = law_and_loss(args);
    if (!ll.ok()) return R::fail(ll.error, ll.field);
    const Law& law = ll.value.law;
    // Demand as total tokens, or as requests x tokens per request.
    double d_inf = 0;
    if (find_arg(args, kInferenceTokens.key)) {
        const Result<double> v = number_arg(args, kInferenceTokens);
        if (!v.ok()) return R::fail(v.error, v.field);
        d_inf = v.value;
    } else if (find_arg(args, kRequests.key)) {
        const Result<double> req = number_arg(args, kRequests);
        if (!req.ok()) return R::fail(req.error, req.field);
        if (!find_arg(args, kTokensPerRequest.key)) return R::fail("is required with --requests", kTokensPerRequest.key);
        const Result<double> per = number_arg(args, kTokensPerRequest);
        if (!per.ok()) return R::fail(per.error, per.field);
        d_inf = req.value * per.value;
    } else {
        return R::fail("is required (or --requests with --tokens-per-request)", kInferenceTokens.key);
    }
    const Result<LifetimeResult> r = lifetime_optimum(law, ll.value.loss, d_inf);
    if (!r.ok()) return R::fail(r.error, r.field);
    return R::of(lifetime_json(r.value, law));
}

Result<Json> lifetime_cost_request(const Args& args) {
    using R = Result<Json>;
    using namespace inputs;
    const Result<LawAndLoss> ll = law_and_loss(args);
    if (!ll.ok()) return R::fail(ll.error, ll.field);
    const Law& law = ll.value.law;
    // Each phase: GPU (default the shared --gpu), dtype, price (default the GPU's) and MFU (the
    // descriptors' defaults: training 40%, prefill 50% compute-bound, decode 10% memory-bound).
    struct PhaseInputs { const char* name; const Input *gpu, *dtype, *price, *mfu; };
    const PhaseInputs ins[3] = {{"train", &kTrainGpu, &kTrainDtype, &kTrainPrice, &kTrainMfu},
                                {"prefill", &kPrefillGpu, &kPrefillDtype, &kPrefillPrice, &kPrefillMfu},
                                {"decode", &kDecodeGpu, &kDecodeDtype, &kDecodePrice, &kDecodeMfu}};
    Phase phases[3];
    J hw = J::object();
    std::string prices_as_of;  // the catalogue's dates of the prices used, "your prices" when all typed
    for (int i = 0; i < 3; ++i) {
        const Result<const Gpu*> g = gpu_arg(args, *ins[i].gpu, &kGpu);
        if (!g.ok()) return R::fail(g.error, g.field);
        const Result<Dtype> d = dtype_arg(args, *ins[i].dtype);
        if (!d.ok()) return R::fail(d.error, d.field);
        const Result<double> price = number_arg(args, *ins[i].price, g.value->price_per_hour);
        if (!price.ok()) return R::fail(price.error, price.field);
        if (!find_arg(args, ins[i].price->key) && prices_as_of.find(g.value->price_date) == std::string::npos)
            prices_as_of += (prices_as_of.empty() ? "" : ", ") + g.value->price_date;
        const Result<double> mfu = number_arg(args, *ins[i].mfu);
        if (!mfu.ok()) return R::fail(mfu.error, mfu.field);
        phases[i] = {price.value, g.value->peak_flops(d.value), mfu.value};
        if (!(phases[i].peak_flops > 0)) return R::fail(g.value->name + " has no dense " + dtype_name(d.value) + " mode", ins[i].dtype->key);
        hw[ins[i].name] = {{"gpu", g.value->id}, {"dtype", dtype_name(d.value)}, {"price_per_hour", price.value}, {"mfu", mfu.value},
                           {"dollars_per_pflop", phases[i].dollars_per_flop() * 1e15}};
    }
    Demand demand;
    if (!find_arg(args, kRequests.key)) return R::fail("is required", kRequests.key);
    const Result<double> req = number_arg(args, kRequests), in = number_arg(args, kInputTokens),
                         out = number_arg(args, kOutputTokens);
    for (const Result<double>* r : {&req, &in, &out})
        if (!r->ok()) return R::fail(r->error, r->field);
    demand.requests = req.value;
    demand.input_tokens = in.value, demand.output_tokens = out.value;
    const Result<DollarResult> r = lifetime_dollars(law, ll.value.loss, phases[0], phases[1], phases[2], demand);
    if (!r.ok()) return R::fail(r.error, r.field);
    J j = lifetime_json(r.value.r, law);
    j["requests"] = demand.requests;
    j["input_tokens"] = demand.input_tokens;
    j["output_tokens"] = demand.output_tokens;
    j["hardware"] = hw;
    j["optimal_dollars"] = {{"train", r.value.train_dollars}, {"prefill", r.value.prefill_dollars},
                            {"decode", r.value.decode_dollars}, {"total", r.value.r.best.cost}};
    j["chinchilla_dollars"] = {{"train", r.value.chin_train_dollars}, {"prefill", r.value.chin_prefill_dollars},
                               {"decode", r.value.chin_decode_dollars}, {"total", r.value.r.chinchilla.cost}};
    if (j.contains("break_even_inference_tokens"))
        j["break_even_requests"] = j["break_even_inference_tokens"].get<double>() / (demand.input_tokens + demand.output_tokens);
    j["prices_as_of"] = prices_as_of.empty() ? "your prices" : prices_as_of;
    // The over-training decision as the TCO view reads it: the optimum's extra training over the
    // Chinchilla model of the same loss, and what it saves on each request (prefill + decode).
    const double extra = r.value.train_dollars - r.value.chin_train_dollars;
    const double saving = (r.value.chin_prefill_dollars + r.value.chin_decode_dollars - r.value.prefill_dollars -
                           r.value.decode_dollars) / demand.requests;
    if (extra > 0 && saving > 0) {
        j["extra_training_dollars"] = extra;
        j["saving_per_request"] = saving;
    }
    return R::of(j);
}

}  // namespace scaling
