// requests_cost.cpp: budget, memory and lifetime-cost requests (text arguments -> JSON), shared by
// the CLI (`scaling budget | memory | lifetime | lifetime-cost`) and the JS API.
#include <cmath>

#include <nlohmann/json.hpp>

#include "caveats_json.hpp"
#include "hardware.hpp"
#include "lifetime.hpp"
#include "presets.hpp"
#include "quantity.hpp"
#include "requests.hpp"

namespace scaling {
namespace {

using J = nlohmann::ordered_json;

std::string dump(const J& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

const std::string* arg(const Args& args, std::string_view key) {
    auto it = args.find(key);
    return it == args.end() ? nullptr : &it->second;
}

// An optional positive number: 0 when absent; an error naming the key when present but bad.
Result<double> optional_positive(const Args& args, const char* key, double fallback = 0) {
    const std::string* v = arg(args, key);
    if (!v) return Result<double>::of(fallback);
    const Result<double> r = parse_positive(*v);
    if (!r.ok()) return Result<double>::fail(r.error, key);
    return r;
}

Result<const Gpu*> gpu_arg(const Args& args, const char* key = "gpu", const char* fallback = "h100-sxm") {
    if (!hardware_error().empty()) return Result<const Gpu*>::fail(hardware_error(), key);
    const std::string* v = arg(args, key);
    Result<const Gpu*> g = gpu_from_id(v ? *v : fallback);
    if (!g.ok()) g.field = key;
    return g;
}

Result<Dtype> dtype_arg(const Args& args, const char* key, Dtype fallback) {
    const std::string* v = arg(args, key);
    if (!v) return Result<Dtype>::of(fallback);
    Result<Dtype> d = dtype_from_text(*v);
    if (!d.ok()) d.field = key;
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

Result<std::string> budget_request(const Args& args) {
    using R = Result<std::string>;
    Budget b;
    const Result<const Gpu*> g = gpu_arg(args);
    if (!g.ok()) return R::fail(g.error, g.field);
    b.gpu = g.value;
    const Result<Dtype> d = dtype_arg(args, "dtype", Dtype::BF16);
    if (!d.ok()) return R::fail(d.error, d.field);
    b.dtype = d.value;
    if (const std::string* id = arg(args, "preset")) {
        if (!presets_error().empty()) return R::fail("the presets failed to load: " + presets_error(), "preset");
        const Preset* p = find_preset(*id);
        if (!p || !p->in_budget) return R::fail("unknown preset " + quote_input(*id) + "; valid: " + budget_preset_ids(), "preset");
        b.gpu = gpu_from_id(p->gpu).value;
        b.flops = p->flops, b.gpus = p->gpus, b.mfu = p->mfu;
        if (p->gpu_hours > 0) b.days = p->gpu_hours / (24 * p->gpus);
    }
    struct Num { const char* key; double* out; };
    const Num nums[] = {{"flops", &b.flops}, {"gpus", &b.gpus}, {"days", &b.days}, {"mfu", &b.mfu},
                        {"dollars", &b.dollars}, {"price", &b.price_per_hour}};
    for (const Num& n : nums) {
        if (!arg(args, n.key)) continue;
        const Result<double> v = parse_quantity(*arg(args, n.key), std::string_view(n.key) == "flops" ? Unit::Flop : Unit::None);
        if (!v.ok()) return R::fail(v.error, n.key);
        if (!(v.value > 0)) return R::fail(quote_input(*arg(args, n.key)) + " must be greater than zero", n.key);
        *n.out = v.value;
    }
    const Result<Budget> s = solve_budget(b);
    if (!s.ok()) return R::fail(s.error, s.field);
    J j;
    j["gpu"] = s.value.gpu->id;
    j["dtype"] = dtype_name(s.value.dtype);
    j["price_per_hour"] = s.value.price_per_hour;
    j["flops"] = s.value.flops;
    j["gpus"] = s.value.gpus;
    j["days"] = s.value.days;
    j["mfu"] = s.value.mfu;
    j["gpu_hours"] = s.value.gpu_hours;
    j["dollars"] = s.value.dollars;
    // What the budget buys: the compute-optimal model under the law, and what it takes to serve it.
    Args law_args;
    for (const char* k : {"law", "E", "A", "B", "alpha", "beta", "m_over_n"})
        if (const std::string* v = arg(args, k)) law_args[k] = *v;
    const Result<Law> law = law_request(law_args);
    if (!law.ok()) return R::fail(law.error, law.field);
    const Result<Allocation> a = optimal(law.value, s.value.flops);
    if (a.ok()) {
        j["optimal"] = nlohmann::ordered_json::parse(to_json(a.value));
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
    return R::of(dump(j));
}

Result<std::string> memory_request(const Args& args) {
    using R = Result<std::string>;
    const Result<const Gpu*> g = gpu_arg(args);
    if (!g.ok()) return R::fail(g.error, g.field);
    MemoryInputs in;
    const std::string* params = arg(args, "params");
    if (!params) return R::fail("is required", "params");
    const Result<double> n = parse_positive(*params, Unit::Params);
    if (!n.ok()) return R::fail(n.error, "params");
    in.params = n.value;
    const Result<Dtype> d = dtype_arg(args, "dtype", Dtype::BF16);
    if (!d.ok()) return R::fail(d.error, d.field);
    in.weights = d.value;
    struct Num { const char* key; double* out; };
    const Num nums[] = {{"layers", &in.layers}, {"kv_heads", &in.kv_heads}, {"head_dim", &in.head_dim},
                        {"context", &in.context_tokens}, {"batch", &in.batch}, {"usable", &in.usable_fraction}};
    for (const Num& x : nums) {
        const Result<double> v = optional_positive(args, x.key, *x.out);
        if (!v.ok()) return R::fail(v.error, v.field);
        *x.out = v.value;
    }
    if (in.usable_fraction > 1) return R::fail("is a fraction of memory: it must lie in (0, 1]", "usable");
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
    return R::of(dump(j));
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
    const std::string* loss = arg(args, "loss");
    if (!loss) return R::fail("is required", "loss");
    const Result<double> l = parse_positive(*loss);
    if (!l.ok()) return R::fail(l.error, "loss");
    const Result<double> sensible = sensible_loss(l.value, "loss");
    if (!sensible.ok()) return R::fail(quote_input(*loss) + " is " + sensible.error, "loss");
    return R::of({law.value, l.value});
}

Result<std::string> lifetime_request(const Args& args) {
    using R = Result<std::string>;
    const Result<LawAndLoss> ll = law_and_loss(args);
    if (!ll.ok()) return R::fail(ll.error, ll.field);
    const Law& law = ll.value.law;
    // Demand as total tokens, or as requests x tokens per request.
    double d_inf = 0;
    if (const std::string* t = arg(args, "inference_tokens")) {
        const Result<double> v = parse_quantity(*t, Unit::Tokens);
        if (!v.ok() || v.value < 0) return R::fail(v.ok() ? "must not be negative" : v.error, "inference_tokens");
        d_inf = v.value;
    } else if (arg(args, "requests")) {
        const Result<double> req = optional_positive(args, "requests");
        if (!req.ok()) return R::fail(req.error, req.field);
        const Result<double> per = optional_positive(args, "tokens_per_request");
        if (!per.ok()) return R::fail(per.error, per.field);
        if (per.value == 0) return R::fail("is required with --requests", "tokens_per_request");
        d_inf = req.value * per.value;
    } else {
        return R::fail("is required (or --requests with --tokens-per-request)", "inference_tokens");
    }
    const Result<LifetimeResult> r = lifetime_optimum(law, ll.value.loss, d_inf);
    if (!r.ok()) return R::fail(r.error, r.field);
    return R::of(dump(lifetime_json(r.value, law)));
}

Result<std::string> lifetime_cost_request(const Args& args) {
    using R = Result<std::string>;
    const Result<LawAndLoss> ll = law_and_loss(args);
    if (!ll.ok()) return R::fail(ll.error, ll.field);
    const Law& law = ll.value.law;
    // Each phase: GPU, dtype, price and MFU, defaulting to the shared --gpu/--dtype/--price.
    // Default MFUs: training 40%, prefill 50% (compute-bound), decode 10% (memory-bound).
    Phase phases[3];
    const char* names[3] = {"train", "prefill", "decode"};
    const double mfu_default[3] = {0.4, 0.5, 0.1};
    J hw = J::object();
    for (int i = 0; i < 3; ++i) {
        const std::string p = names[i];
        const Result<const Gpu*> g = arg(args, p + "_gpu") ? gpu_arg(args, (p + "_gpu").c_str()) : gpu_arg(args);
        if (!g.ok()) return R::fail(g.error, g.field);
        const Result<Dtype> d = dtype_arg(args, (p + "_dtype").c_str(), Dtype::BF16);
        if (!d.ok()) return R::fail(d.error, d.field);
        const Result<double> price = optional_positive(args, (p + "_price").c_str(), g.value->price_per_hour);
        if (!price.ok()) return R::fail(price.error, price.field);
        const Result<double> mfu = optional_positive(args, (p + "_mfu").c_str(), mfu_default[i]);
        if (!mfu.ok()) return R::fail(mfu.error, mfu.field);
        if (mfu.value > 1) return R::fail("must lie in (0, 1]", p + "_mfu");
        phases[i] = {price.value, g.value->peak_flops(d.value), mfu.value};
        if (!(phases[i].peak_flops > 0)) return R::fail(g.value->name + " has no dense " + dtype_name(d.value) + " mode", p + "_dtype");
        hw[p] = {{"gpu", g.value->id}, {"dtype", dtype_name(d.value)}, {"price_per_hour", price.value}, {"mfu", mfu.value},
                 {"dollars_per_pflop", phases[i].dollars_per_flop() * 1e15}};
    }
    Demand demand;
    const Result<double> req = optional_positive(args, "requests");
    if (!req.ok()) return R::fail(req.error, req.field);
    if (req.value == 0) return R::fail("is required", "requests");
    demand.requests = req.value;
    const Result<double> in = optional_positive(args, "input_tokens", 1000);
    if (!in.ok()) return R::fail(in.error, in.field);
    const Result<double> out = optional_positive(args, "output_tokens", 250);
    if (!out.ok()) return R::fail(out.error, out.field);
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
    return R::of(dump(j));
}

}  // namespace scaling
