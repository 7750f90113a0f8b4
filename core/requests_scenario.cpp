// requests_scenario.cpp: `scaling scenario`, `scaling project` and `scaling next-flop` (and their
// scaling.* JS twins): k x compute grown two ways, compute projections, the next 10x.
#include "caveats_json.hpp"
#include "gallery.hpp"
#include "next_flop.hpp"
#include "quantity.hpp"
#include "requests.hpp"
#include "scenarios.hpp"

namespace scaling {
namespace {

using J = Json;

// The core's field names, in the flags' spelling.
std::string flag_of(const std::string& field, const std::map<std::string, std::string>& names) {
    const auto it = names.find(field);
    return it == names.end() ? field : it->second;
}

}  // namespace

Result<Json> scenario_request(const Args& args) {
    using R = Result<Json>;
    const Result<Law> law = law_request(args);
    if (!law.ok()) return R::fail(law.error, law.field);
    const Result<double> n = number_arg(args, inputs::kBaseParams), d = number_arg(args, inputs::kBaseTokens),
                         k = number_arg(args, inputs::kComputeMultiple), cap = number_arg(args, inputs::kDataCap);
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
    return R::of(j);
}

Result<Json> project_request(const Args& args) {
    using R = Result<Json>;
    const Result<Law> law = law_request(args);
    if (!law.ok()) return R::fail(law.error, law.field);
    const Result<double> ref = number_arg(args, inputs::kReferenceFlops),
                         times = number_arg(args, inputs::kReferenceMultiple), s = number_arg(args, inputs::kSparsity);
    for (const Result<double>* r : {&ref, &times, &s})
        if (!r->ok()) return R::fail(r->error, r->field);
    const double sparsity = s.value;
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
    return R::of(j);
}

Result<Json> next_flop_request(const Args& args) {
    using R = Result<Json>;
    const Result<Law> law = law_request(args);
    if (!law.ok()) return R::fail(law.error, law.field);
    // Optional, with the Test-time view's defaults (the descriptors'): p = 0.2, one sample, R = 0.1; the step 10x.
    const Result<double> c = number_arg(args, inputs::kFlops), p = number_arg(args, inputs::kSuccess),
                         k = number_arg(args, inputs::kSamplesNow), r = number_arg(args, inputs::kInferenceRatio),
                         f = number_arg(args, inputs::kFactor), m = number_arg(args, inputs::kWrongAnswers),
                         skew = number_arg(args, inputs::kSkew);
    for (const Result<double>* x : {&c, &p, &k, &r, &f, &m, &skew})
        if (!x->ok()) return R::fail(x->error, x->field);
    const double v[4] = {p.value, k.value, r.value, f.value};
    const Result<NextFlop> n = next_flop(law.value, c.value, v[3], v[0], v[1], v[2], static_cast<int>(m.value), skew.value);
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
                      {"wrong_answers", m.value},
                      {"skew", skew.value},
                      {"plurality_vote_now", x.vote_now.value},
                      {"plurality_vote_scaled", x.vote_scaled.value},
                      {"plurality_vote_scaled_exact", x.vote_scaled.exact}};
    if (x.size_ratio > 0)
        j["equal_total_flop"] = {{"inference_ratio", v[2]},
                                 {"samples", x.equal_flop_samples},
                                 {"pass_at_k", x.pass_equal_flop},
                                 {"formula", "k' = M·k + 3·(factor − 1)/R (Snell et al. 2024's accounting, arXiv 2408.03314)"}};
    put_caveats(j, caveats_of(law.value, x));
    return R::of(j);
}

}  // namespace scaling
