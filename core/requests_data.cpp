// requests_data.cpp: `scaling data` and scaling.data(): a budget spent on limited unique data.
#include "caveats_json.hpp"
#include "data_limits.hpp"
#include "quantity.hpp"
#include "requests.hpp"

namespace scaling {
namespace {

using J = Json;

J point_json(const DataPoint& p) {
    return J{{"epochs", p.epochs},
             {"params", p.params},
             {"tokens", p.tokens},
             {"effective_params", p.effective_params},
             {"effective_tokens", p.effective_tokens},
             {"loss", p.loss},
             {"fresh_data_loss", p.fresh_loss}};
}

}  // namespace

Result<Json> data_request(const Args& args) {
    using R = Result<Json>;
    Args law_args = args;
    if (!find_arg(args, "law")) law_args["law"] = "muennighoff2023";  // the fit its R* belong to
    const Result<Law> law = law_request(law_args);
    if (!law.ok()) return R::fail(law.error, law.field);
    // Optional for `loss` (repetition is its option), required here: the data is the question.
    if (!find_arg(args, inputs::kUniqueTokens.key)) return R::fail("is required", inputs::kUniqueTokens.key);
    const Result<double> c = number_arg(args, inputs::kFlops), u = number_arg(args, inputs::kUniqueTokens);
    if (!c.ok()) return R::fail(c.error, c.field);
    if (!u.ok()) return R::fail(u.error, u.field);
    const Result<DataPlan> plan = plan_data(law.value, c.value, u.value);
    if (!plan.ok()) return R::fail(plan.error, plan.field);
    const DataPlan& p = plan.value;
    const Result<Allocation> split = refuse_absurd(
        Result<Allocation>::of(model_of(law.value, p.unconstrained.params, p.unconstrained.tokens, p.unconstrained.fresh_loss)), "flops");
    if (!split.ok()) return R::fail(split.error, split.field);
    J j;
    j["law"] = p.law;
    j["flops"] = p.flops;
    j["unique_tokens"] = p.unique_tokens;
    j["data_binding"] = p.data_binding;
    j["ceiling_tokens"] = p.ceiling_tokens;
    j["compute_optimal_repeated"] = point_json(p.unconstrained);
    j["one_epoch"] = point_json(p.one_epoch);
    j["data_constrained_optimum"] = point_json(p.optimum);
    j["constants"] = {{"r_star_data", kRStarData}, {"r_star_params", kRStarParams}};
    j["citation"] = "Muennighoff et al. 2023, arXiv 2305.16264, Eq. 5-6 (R*_D = 15.387756, R*_N = 5.309743)";
    if (p.law != "muennighoff2023")
        j["note"] = "R*_D and R*_N were fitted together with muennighoff2023's constants; here they are applied to " + p.law;
    if (!p.data_binding)
        j["note_data"] = "the unique data covers the compute-optimal token count: repetition is not needed at this budget";
    put_caveats(j, caveats_of(law.value, p));
    return R::of(j);
}

}  // namespace scaling
