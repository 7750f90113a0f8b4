// requests_task.cpp: `scaling task-fit` and scaling.taskFit(): downstream-task extrapolation
// (task_fit.hpp) from text arguments, as JSON. The Task view reads its fields through
// task_fit_inputs, so it refuses what the CLI refuses.
#include <cmath>

#include "fit.hpp"  // kExtrapolationFactor
#include "requests.hpp"
#include "task_fit.hpp"

namespace scaling {
namespace {

Json range_json(const ScoreRange& r) {
    if (!r.given) return Json();
    return Json::array({r.lo, std::isfinite(r.hi) ? Json(r.hi) : Json()});
}

}  // namespace

Result<TaskFitInputs> task_fit_inputs(const Args& args) {
    using R = Result<TaskFitInputs>;
    using namespace inputs;
    TaskFitInputs in;
    const std::string* text = find_arg(args, kTaskPoints.key);
    if (!text || !given(*text)) return R::fail("is required: size:score pairs, e.g. 7e9:0.60,13e9:0.70", kTaskPoints.key);
    const Result<std::vector<TaskPoint>> p = parse_task_points(*text, kTaskPoints.key);
    if (!p.ok()) return R::fail(p.error, p.field);
    in.points = p.value;
    const Result<std::string> form = choice_arg(args, kTaskForm);
    if (!form.ok()) return R::fail(form.error, form.field);
    in.form = form.value == "sigmoid" ? TaskForm::Sigmoid : TaskForm::Error;
    const Result<double> chance = number_arg(args, kTaskChance);
    if (!chance.ok()) return R::fail(chance.error, chance.field);
    in.chance = chance.value;
    // Optional with no default: left out (or empty), there is no prediction or no target.
    for (const auto& [input, out] : {std::pair{&kTaskAt, &in.at}, std::pair{&kTaskTarget, &in.target}}) {
        const std::string* v = find_arg(args, input->key);
        if (!v || !given(*v)) continue;
        const Result<double> x = read_number(*input, *v);
        if (!x.ok()) return R::fail(x.error, x.field);
        *out = x.value;
    }
    return R::of(in);
}

Result<Json> task_fit_request(const Args& args) {
    using R = Result<Json>;
    const Result<TaskFitInputs> in = task_fit_inputs(args);
    if (!in.ok()) return R::fail(in.error, in.field);
    const Result<TaskFitResult> r = task_fit(in.value);
    if (!r.ok()) return R::fail(r.error, r.field);
    const TaskFitResult& v = r.value;
    Json j;
    j["form"] = task_form_name(v.fit.form);
    j["formula"] = v.fit.form == TaskForm::Error ? "1 - score = A x N^-alpha (least squares on ln(1 - score) against ln N)"
                                                 : "score = c + (1 - c) / (1 + exp(-k (ln N - x0))) (least squares on "
                                                   "logit((score - c) / (1 - c)) against ln N)";
    Json points = Json::array();
    for (const TaskPoint& p : in.value.points) points.push_back({{"params", p.params}, {"score", p.score}});
    j["points"] = points;
    j["points_used"] = v.fit.points_used;
    j["chance"] = v.fit.chance;
    if (v.fit.form == TaskForm::Error) {
        j["A"] = v.fit.A;
        j["alpha"] = v.fit.alpha;
    } else {
        j["k"] = v.fit.k;
        j["x0"] = v.fit.x0;
        j["midpoint_params"] = std::exp(v.fit.x0);
    }
    j["largest_params"] = v.largest_params;
    j["extrapolation_limit_params"] = kExtrapolationFactor * v.largest_params;
    j["at"] = in.value.at > 0 ? Json(in.value.at) : Json();
    j["predicted_score"] = in.value.at > 0 ? Json(v.predicted_score) : Json();
    j["interval"] = range_json(v.interval);
    j["interval_method"] = "leave-one-out: the range of the fits without each point, and the full fit (3+ points)";
    j["target"] = in.value.target >= 0 ? Json(in.value.target) : Json();
    j["size_for_target"] = v.size_for_target > 0 ? Json(v.size_for_target) : Json();
    j["size_interval"] = range_json(v.size_interval);
    Json warnings = Json::array();
    for (const std::string& w : v.warnings) warnings.push_back(w);
    j["warnings"] = warnings;
    return R::of(j);
}

}  // namespace scaling
