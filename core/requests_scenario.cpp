// requests_scenario.cpp: `scaling scenario`, `scaling project` and `scaling next-flop` (and their
// scaling.* JS twins): k x compute grown two ways, compute projections, the next 10x.
#include <nlohmann/json.hpp>

#include "caveats_json.hpp"
#include "gallery.hpp"
#include "next_flop.hpp"
#include "quantity.hpp"
#include "requests.hpp"
#include "scenarios.hpp"

namespace scaling {
namespace {

using J = nlohmann::ordered_json;

J model_json(const Allocation& a) {
    J j;
    if (a.has_params) j["params"] = a.params;
    j["tokens"] = a.tokens;
    if (a.has_params) j["tokens_per_param"] = a.tokens_per_param;
    j["flops"] = a.flops;
    if (a.has_loss) j["loss"] = a.loss;
    return j;
}

std::string dump_json(const J& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// A required number: absent, unparseable, or out of (0, inf) names the field.
Result<double> number(const Args& args, const char* key, Unit unit = Unit::None) {
    const std::string* v = find_arg(args, key);
    if (!v) return Result<double>::fail("is required", key);
    Result<double> r = parse_positive(*v, unit);
    if (!r.ok()) r.field = key;
    return r;
}

// The core's field names, in the flags' spelling.
std::string flag_of(const std::string& field, const std::map<std::string, std::string>& names) {
    const auto it = names.find(field);
    return it == names.end() ? field : it->second;
}

}  // namespace

Result<std::string> scenario_request(const Args& args) {
    using R = Result<std::string>;
    const Result<Law> law = law_request(args);
    if (!law.ok()) return R::fail(law.error, law.field);
    const Result<double> n = number(args, "params", Unit::Params), d = number(args, "tokens", Unit::Tokens),
                         k = number(args, "compute_multiple"), cap = number(args, "data_cap");
    for (const Result<double>* r : {&n, &d, &k, &cap})
        if (!r->ok()) return R::fail(r->error, r->field);
    const Result<Scenario> s = grow_compute(law.value, n.value, d.value, k.value, cap.value);
    if (!s.ok()) return R::fail(s.error, flag_of(s.field, {{"k", "compute_multiple"}}));
    const Scenario& sc = s.value;
    // The base model is the user's: one too absurd to be a model is refused, naming its size.
    const Result<Allocation> base = refuse_absurd(Result<Allocation>::of(sc.base), "params");
    if (!base.ok()) return R::fail(base.error, base.field);
    J j;
    j["law"] = law.value.id;
    j["compute_multiple"] = k.value;
    j["data_cap"] = cap.value;
    j["cap_binds"] = sc.cap_binds;
    j["base"] = model_json(sc.base);
    J dd = model_json(sc.data_driven), md = model_json(sc.model_driven);
    dd["params_mult"] = sc.data_growth.params_mult;
    dd["tokens_mult"] = sc.data_growth.tokens_mult;
    md["params_mult"] = sc.model_growth.params_mult;
    md["tokens_mult"] = sc.model_growth.tokens_mult;
    j["data_driven"] = dd;
    j["model_driven"] = md;
    j["note"] = "data-driven: (N, D) move as the law's compute-optimal allocation moves from C to k·C; model-driven: "
                "D grows at most data_cap times and N takes the rest; C = 6ND, so params_mult x tokens_mult = k";
    put_caveats(j, caveats_of(law.value, sc));
    return R::of(dump_json(j));
}

Result<std::string> project_request(const Args& args) {
    using R = Result<std::string>;
    const Result<Law> law = law_request(args);
    if (!law.ok()) return R::fail(law.error, law.field);
    const Result<double> ref = number(args, "reference_flops", Unit::Flop), times = number(args, "reference_multiple");
    if (!ref.ok()) return R::fail(ref.error, ref.field);
    if (!times.ok()) return R::fail(times.error, times.field);
    double sparsity = 1;
    if (find_arg(args, "sparsity")) {
        const Result<double> s = number(args, "sparsity");
        if (!s.ok()) return R::fail(s.error, s.field);
        sparsity = s.value;
    }
    const Result<Projection> p = project_compute(law.value, ref.value, times.value, sparsity);
    if (!p.ok())
        return R::fail(p.error, flag_of(p.field, {{"reference", "reference_flops"}, {"times", "reference_multiple"}}));
    J j;
    j["law"] = law.value.id;
    j["reference_flops"] = ref.value;
    j["reference_multiple"] = times.value;
    j["sparsity"] = sparsity;
    j["flops"] = p.value.flops;
    j["dense_equivalent_multiplier"] = p.value.multiplier;
    j["dense_equivalent_flops"] = p.value.dense_flops;
    j["optimal_at_flops"] = model_json(p.value.raw);
    j["optimal_at_dense_equivalent"] = model_json(p.value.dense);
    j["note"] = kDenseEquivalentNote;
    put_caveats(j, caveats_of(law.value, p.value));
    return R::of(dump_json(j));
}

Result<std::string> next_flop_request(const Args& args) {
    using R = Result<std::string>;
    const Result<Law> law = law_request(args);
    if (!law.ok()) return R::fail(law.error, law.field);
    const Result<double> c = number(args, "flops", Unit::Flop);
    if (!c.ok()) return R::fail(c.error, c.field);
    // Optional, with the Test-time view's defaults: p = 0.2, one sample, R = 0.1; the step is 10x.
    double v[4] = {0.2, 1, 0.1, 10};
    const char* keys[4] = {"success", "samples", "inference_ratio", "factor"};
    for (int i = 0; i < 4; ++i) {
        if (!find_arg(args, keys[i])) continue;
        const Result<double> r = number(args, keys[i]);
        if (!r.ok()) return R::fail(r.error, r.field);
        v[i] = r.value;
    }
    const Result<NextFlop> n = next_flop(law.value, c.value, v[3], v[0], v[1], v[2]);
    if (!n.ok()) return R::fail(n.error, n.field);
    const NextFlop& x = n.value;
    const Result<Allocation> now = refuse_absurd(Result<Allocation>::of(x.now), "flops");
    if (!now.ok()) return R::fail(now.error, now.field);
    J j;
    j["law"] = law.value.id;
    j["flops"] = c.value;
    j["factor"] = x.factor;
    J pre;
    pre["now"] = model_json(x.now);
    pre["scaled"] = model_json(x.scaled);
    if (x.has_loss) pre["loss_gain"] = x.loss_gain;
    if (x.has_reducible) pre["reducible_share"] = x.reducible_share;
    if (x.size_ratio > 0) pre["size_ratio"] = x.size_ratio;
    j["pretraining"] = pre;
    j["test_time"] = {{"success", v[0]},
                      {"samples_now", x.samples_now},
                      {"samples_scaled", x.samples_scaled},
                      {"pass_at_k_now", x.pass_now},
                      {"pass_at_k_scaled", x.pass_scaled},
                      {"majority_vote_now", x.vote_now},
                      {"majority_vote_scaled", x.vote_scaled}};
    if (x.size_ratio > 0)
        j["equal_total_flop"] = {{"inference_ratio", v[2]},
                                 {"samples", x.equal_flop_samples},
                                 {"pass_at_k", x.pass_equal_flop},
                                 {"formula", "k' = M·k + 3·(factor − 1)/R (Snell et al. 2024's accounting, arXiv 2408.03314)"}};
    put_caveats(j, caveats_of(law.value, x));
    return R::of(dump_json(j));
}

}  // namespace scaling
