// requests_design.cpp: `scaling design` and `scaling design-fit` (scaling.design(), scaling.designFit()):
// an IsoFLOP sweep proposed at the law in force, and its results fitted by Approach 2 (a parabola per
// budget) and Approach 3 (the five-constant fit), as JSON (core/sweep_design.hpp). The Design view
// calls both, so it shows what the CLI prints.
#include <cmath>

#include "allocation.hpp"
#include "fit.hpp"
#include "requests.hpp"
#include "sweep_design.hpp"

namespace scaling {
namespace {

Json biases_json() {
    Json j = Json::array();
    for (const char* b : approach2_biases()) j.push_back(b);
    return j;
}

Result<int> whole_arg(const Args& args, const Input& in) {
    const Result<double> v = number_arg(args, in);
    return v.ok() ? Result<int>::of(static_cast<int>(v.value)) : Result<int>::fail(v.error, v.field);
}

}  // namespace

Result<SweepDesign> design_inputs(const Args& args, const Law& law) {
    using R = Result<SweepDesign>;
    using namespace inputs;
    SweepSpec spec;
    const std::pair<const Input*, double*> nums[] = {{&kStudyFlops, &spec.study_flops},
                                                     {&kSpanDecades, &spec.span_decades},
                                                     {&kWidthDecades, &spec.width_decades},
                                                     {&kTargetFlops, &spec.target_flops}};
    for (const auto& [input, out] : nums) {
        const Result<double> v = number_arg(args, *input);
        if (!v.ok()) return R::fail(v.error, v.field);
        *out = v.value;
    }
    const Result<int> k = whole_arg(args, kDesignBudgets), m = whole_arg(args, kModelsPerBudget);
    if (!k.ok()) return R::fail(k.error, k.field);
    if (!m.ok()) return R::fail(m.error, m.field);
    spec.budgets = k.value;
    spec.models_per_budget = m.value;
    return design_sweep(law, spec);
}

Result<Json> design_request(const Args& args) {
    const Result<Law> law = law_request(args);
    if (!law.ok()) return Result<Json>::fail(law.error, law.field);
    return design_json(args, law.value);
}

Result<Json> design_json(const Args& args, const Law& law) {
    using R = Result<Json>;
    const Result<SweepDesign> r = design_inputs(args, law);
    if (!r.ok()) return R::fail(r.error, r.field);
    const SweepDesign& d = r.value;
    Json j;
    j["law"] = law.id;
    j["study_flops"] = d.spec.study_flops;
    j["runs_total_flops"] = d.total_flops;  // the sum over the runs: the study budget, to rounding
    j["budgets_count"] = d.budgets.size();
    j["models_per_budget"] = d.spec.models_per_budget;
    j["span_decades"] = d.spec.span_decades;
    j["width_decades"] = d.spec.width_decades;
    Json budgets = Json::array();
    for (const SweepBudget& b : d.budgets) {
        Json o = {{"flops", b.flops}, {"optimal_params", b.optimal_params}, {"optimal_tokens", b.optimal_tokens}};
        if (law.has_loss()) o["optimal_loss"] = b.optimal_loss;
        budgets.push_back(o);
    }
    j["budgets"] = budgets;
    Json runs = Json::array();
    for (const SweepRun& s : d.runs)
        runs.push_back({{"budget_index", s.budget_index}, {"params", s.params}, {"tokens", s.tokens}, {"flops", s.flops},
                        {"loss", s.has_loss ? Json(s.loss) : Json()}});
    j["runs"] = runs;
    j["largest_budget"] = d.budgets.back().flops;
    j["smallest_budget"] = d.budgets.front().flops;
    j["fitted_range"] = d.fitted_hi > 0 ? Json::array({d.fitted_lo, d.fitted_hi}) : Json();
    j["beyond_fitted"] = d.beyond_fitted > 0 ? Json(d.beyond_fitted) : Json();
    if (d.extrapolation > 0) {
        j["target_flops"] = d.extrapolation * d.budgets.back().flops;
        j["extrapolation"] = {{"factor", d.extrapolation}, {"decades", std::log10(d.extrapolation)}};
    }
    if (d.has_check)
        j["approach2_check"] = {{"a_law", d.a_law}, {"a_recovered", d.a_recovered}, {"vertex_ratio", d.vertex_ratio},
                                {"what", "Approach 2 on the law's own expected losses: the exponent it gives back and "
                                         "its N_opt at the largest budget over the law's"}};
    j["biases"] = biases_json();
    Json warnings = Json::array();
    for (const std::string& w : d.warnings) warnings.push_back(w);
    j["warnings"] = warnings;
    return R::of(j);
}

Result<Json> design_fit_request(const Args& args) {
    using R = Result<Json>;
    const std::string* text = find_arg(args, inputs::kFitText.key);
    if (!text) return R::fail("is required: the results as CSV or TSV text (N, D or C, loss)", "text");
    const auto table = parse_runs(*text);
    if (!table.ok()) return R::fail(table.error, "text");
    const std::vector<Run>& runs = table.value.runs;
    Json j;
    j["runs"] = runs.size();
    Json rejected = Json::array();
    for (const RejectedRow& row : table.value.rejected) rejected.push_back({{"line", row.line}, {"reason", row.reason}});
    j["rejected"] = rejected;
    double largest = 0;
    for (const Run& r : runs) largest = std::max(largest, r.flops);
    j["largest_flops"] = largest;
    Json warnings = Json::array();

    const Result<Approach2Fit> a2 = fit_approach2(runs);
    if (!a2.ok()) return R::fail(a2.error, "text");
    const Approach2Fit& f = a2.value;
    Json budgets = Json::array();
    for (const BudgetParabola& p : f.budgets) {
        Json o = {{"flops", p.flops}, {"runs", p.runs}, {"min_params", p.min_params}, {"max_params", p.max_params},
                  {"has_minimum", p.has_minimum}, {"parabola", {{"u0", p.u0}, {"c0", p.c0}, {"c1", p.c1}, {"c2", p.c2}}}};
        if (p.has_minimum) {
            o["params_opt"] = p.params_opt;
            o["tokens_opt"] = p.tokens_opt;
            o["loss_opt"] = p.loss_opt;
            o["vertex_inside"] = p.vertex_inside;
        }
        budgets.push_back(o);
    }
    const double n2 = f.k * std::pow(largest, f.a);
    j["approach2"] = {{"budgets", budgets}, {"used", f.used}, {"a", f.a}, {"k", f.k}, {"b", f.b}, {"k_tokens", f.k_tokens},
                      {"params_at_largest", n2}, {"tokens_at_largest", largest / (6 * n2)},
                      {"form", "N_opt = k C^a, D_opt = k_tokens C^b; parabola: loss = c0 + c1 u + c2 u^2, u = log10 N - u0"}};
    for (const std::string& w : f.warnings) warnings.push_back(w);

    const Result<FitResult> a3 = fit_chinchilla(runs);
    if (a3.ok()) {
        const ChinchillaConstants& c = a3.value.c;
        const Split s = chinchilla_optimal_split(c, largest);
        j["approach3"] = {{"E", c.E}, {"A", c.A}, {"B", c.B}, {"alpha", c.alpha}, {"beta", c.beta}, {"a", a3.value.a_exp},
                          {"b", a3.value.b_exp}, {"params_at_largest", s.params}, {"tokens_at_largest", s.tokens},
                          {"converged", a3.value.convergence.converged()}};
        for (const std::string& w : fit_warnings(a3.value, nullptr)) warnings.push_back(w);
        j["params_ratio_at_largest"] = n2 / s.params;
    } else {
        j["approach3"] = {{"error", a3.error}};
        warnings.push_back("Approach 3 could not be fitted: " + a3.error);
    }
    j["biases"] = biases_json();
    j["warnings"] = warnings;
    return R::of(j);
}

}  // namespace scaling
