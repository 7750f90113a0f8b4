// requests_fit.cpp: `scaling fit` and scaling.fit(): the runs text in, the fit as JSON out, shared
// so the CLI and the browser print the same numbers.
#include <algorithm>
#include <cmath>

#include "caveats_json.hpp"
#include "fit.hpp"
#include "quantity.hpp"
#include "requests.hpp"
#include "runs.hpp"

namespace scaling {
namespace {

using J = Json;

const std::string* arg(const Args& args, const char* key) { return find_arg(args, key); }

// A whole-number input read through its descriptor, then held to [lo, hi] that depend on the data.
Result<int> whole(const Args& args, const Input& in, int lo, int hi) {
    const Result<double> v = number_arg(args, in);
    if (!v.ok()) return Result<int>::fail(v.error, v.field);
    if (v.value < lo || v.value > hi)
        return Result<int>::fail(quote_input(*find_arg(args, in.key)) + " is not a whole number from " + std::to_string(lo) +
                                 " to " + std::to_string(hi), in.key);
    return Result<int>::of(static_cast<int>(v.value));
}

// --columns: comma-separated KEY=NAME pairs, KEY one of N, D, C, loss.
Result<ColumnMap> column_map(const Args& args) {
    ColumnMap map;
    if (const std::string* target = arg(args, "target")) map.loss = *target;
    const std::string* spec = arg(args, "columns");
    size_t pos = 0;
    while (spec && !spec->empty() && pos <= spec->size()) {
        const size_t end = std::min(spec->find(',', pos), spec->size());
        const std::string pair = spec->substr(pos, end - pos);
        pos = end + 1;
        const size_t eq = pair.find('=');
        const std::string key = pair.substr(0, eq == std::string::npos ? 0 : eq);
        std::string* slot = key == "N" ? &map.params : key == "D" ? &map.tokens : key == "C" ? &map.flops
                          : key == "loss" ? &map.loss : nullptr;
        if (!slot || eq + 1 >= pair.size())
            return Result<ColumnMap>::fail(quote_input(pair) + " is not KEY=NAME with KEY one of N, D, C, loss", "columns");
        *slot = pair.substr(eq + 1);
    }
    return Result<ColumnMap>::of(map);
}

J interval(const Interval& i) { return J::array({i.lo, i.hi}); }

// How the best start's descent ended (FitResult::convergence), for the JSON and the CLI's text.
J convergence_json(const Convergence& c, int starts) {
    J j;
    j["converged"] = c.converged();
    j["stopped_by"] = stop_name(c.stop);
    j["iterations"] = c.iterations;
    j["newton_steps"] = c.newton_steps;
    j["gradient_norm"] = c.gradient_norm;
    j["newton_gain"] = std::isfinite(c.newton_gain) ? J(c.newton_gain) : J();
    j["capped_starts"] = c.capped;
    j["starts"] = starts;
    return j;
}

// --form power: loss against one quantity, both forms, with --predict and --bootstrap.
Result<FitReply> power_request(const Args& args, const std::vector<Run>& runs, const std::string& x_name, int resamples,
                               J j, FitReply reply) {
    using R = Result<FitReply>;
    std::vector<double> xs, ys;
    double max_x = 0;
    for (const Run& run : runs) {
        xs.push_back(x_name == "N" ? run.params : x_name == "D" ? run.tokens : run.flops);
        ys.push_back(run.loss);
        max_x = std::max(max_x, xs.back());
    }
    double at = 0;
    if (find_arg(args, inputs::kPredict.key)) {
        const Result<double> c = number_arg(args, inputs::kPredict);
        if (!c.ok()) return R::fail(c.error, c.field);
        at = c.value;
    }
    // Six points at least for a bootstrap: a resample of fewer repeats a point so often that the
    // saturating form's three constants are fitted to two or three distinct x.
    constexpr size_t kBootstrapPoints = 2 * kPowerPoints[1];
    if (resamples > 0 && xs.size() < kBootstrapPoints)
        return R::fail("a bootstrap of " + std::to_string(xs.size()) + " points says little: give at least " +
                           std::to_string(kBootstrapPoints) + " or 0 resamples",
                       "bootstrap");
    const auto pure = fit_power(xs, ys, false);
    if (!pure.ok()) return R::fail(pure.error, "text");
    const auto sat = fit_power(xs, ys, true);
    J warnings = J::array();
    j["x"] = x_name;
    j["points"] = xs.size();
    if (sat.ok()) {
        j["saturating"] = {{"E", sat.value.E}, {"A", sat.value.A}, {"alpha", sat.value.alpha}, {"objective", sat.value.objective},
                           {"convergence", convergence_json(sat.value.convergence, 30)}};
        if (!sat.value.convergence.converged())
            warnings.push_back("The saturating fit did not reach a minimum: a Newton step from it still gains " +
                               format_scientific(sat.value.convergence.newton_gain * 100, 2) + "% of the objective.");
    } else {
        j["saturating"] = J();
        warnings.push_back("Only the pure power law: " + sat.error + ".");
    }
    j["pure"] = {{"A", pure.value.A}, {"alpha", pure.value.alpha}, {"squared_log_error", pure.value.objective}};
    if (xs.size() == static_cast<size_t>(kPowerPoints[0]))
        warnings.push_back("Two points: the pure law passes through both exactly, so nothing tests it.");
    else if (xs.size() == static_cast<size_t>(kPowerPoints[1]) && sat.ok())
        warnings.push_back("Three points: E + A x^-alpha has as many constants as points, so nothing tests it.");
    if (at > 0) {
        const bool far = at > kExtrapolationFactor * max_x;
        j["prediction"] = {{"x", at},
                           {"pure", power_loss(pure.value, at)},
                           {"saturating", sat.ok() ? J(power_loss(sat.value, at)) : J()},
                           {"extrapolation", far}};
        if (far)
            warnings.push_back(format_scientific(at) + " is " + format_count(at / max_x) + "x the largest " + x_name +
                               " (" + format_scientific(max_x) + "): an extrapolation");
    }
    if (resamples > 0) {
        const PowerBootstrap b = bootstrap_power(xs, ys, resamples, at);
        auto form_json = [&](const PowerFormIntervals& f, bool with_e) {
            J o = {{"A", interval(f.A)}, {"alpha", interval(f.alpha)}};
            if (with_e) o["E"] = interval(f.E);
            if (at > 0) o["prediction"] = interval(f.at);
            o["fitted"] = f.fitted;
            o["skipped"] = f.skipped;
            return f.fitted > 0 ? o : J();
        };
        j["bootstrap"] = resamples;
        j["intervals_95"] = {{"pure", form_json(b.pure, false)}, {"saturating", form_json(b.saturating, true)}};
        if (b.saturating.skipped > 0)
            warnings.push_back(std::to_string(b.saturating.skipped) + " of " + std::to_string(resamples) +
                               " resamples could not be fitted with E and are left out of its intervals.");
    }
    j["warnings"] = warnings;
    reply.warnings = warnings.get<std::vector<std::string>>();
    reply.json = j;
    return R::of(std::move(reply));
}

}  // namespace

Result<FitReply> fit_request(const Args& args) {
    using R = Result<FitReply>;
    const std::string* text = arg(args, "text");
    if (!text) return R::fail("is required: the runs as CSV or TSV text", "text");
    const Result<ColumnMap> map = column_map(args);
    if (!map.ok()) return R::fail(map.error, map.field);
    const Result<std::string> form_arg = choice_arg(args, inputs::kForm), x_arg = choice_arg(args, inputs::kX);
    if (!form_arg.ok()) return R::fail(form_arg.error, form_arg.field);
    if (!x_arg.ok()) return R::fail(x_arg.error, x_arg.field);
    const std::string& form = form_arg.value;
    const std::string& x_name = x_arg.value;
    // What the form needs of the table: the power law as many rows as its fewest constants, and
    // against N no D or C column.
    RunNeeds needs;
    if (form == "power") needs = {x_name != "N", kPowerPoints[0], "a power law A x^-alpha"};
    const auto table = parse_runs(*text, map.value, needs);
    if (!table.ok()) return R::fail(table.error, "text");
    FitReply reply;
    reply.rejected = table.value.rejected;
    const int total = static_cast<int>(table.value.runs.size());
    const Result<int> exclude = whole(args, inputs::kExcludeTop, 0, total - needs.min_rows);
    if (!exclude.ok())
        return R::fail(exclude.error + " (at least " + std::to_string(needs.min_rows) + " runs must remain)", exclude.field);
    const Result<int> resamples = whole(args, inputs::kBootstrap, 0, 100000);
    if (!resamples.ok()) return R::fail(resamples.error, resamples.field);
    if (resamples.value != 0 && resamples.value < 10) return R::fail("must be 0 or 10 to 100000", "bootstrap");

    const std::vector<Run> runs = exclude_top_losses(table.value.runs, exclude.value);
    J j;
    j["runs_used"] = runs.size();
    j["runs_rejected"] = table.value.rejected.size();
    J rejected = J::array();
    for (const RejectedRow& r : table.value.rejected) rejected.push_back({{"line", r.line}, {"reason", r.reason}});
    j["rejected"] = rejected;
    j["excluded_top"] = exclude.value;
    if (form == "power") return power_request(args, runs, x_name, resamples.value, std::move(j), std::move(reply));
    const auto fitted = fit_chinchilla(runs);
    if (!fitted.ok()) return R::fail(fitted.error, "text");
    const FitResult& r = fitted.value;
    j["tokens_from_compute"] = table.value.tokens_derived;
    auto column = [](const std::string& name) { return name.empty() ? J() : J(name); };
    j["columns"] = {{"N", column(table.value.params_column)}, {"D", column(table.value.tokens_column)},
                    {"C", column(table.value.flops_column)}, {"loss", column(table.value.loss_column)}};
    j["constants"] = {{"E", r.c.E}, {"A", r.c.A}, {"B", r.c.B}, {"alpha", r.c.alpha}, {"beta", r.c.beta}};
    j["allocation_exponents"] = {{"a", r.a_exp}, {"b", r.b_exp}};
    j["objective"] = r.objective;
    j["starts"] = r.starts;
    j["convergence"] = convergence_json(r.convergence, r.starts);
    double max_flops = 0;
    for (const Run& run : runs) max_flops = std::max(max_flops, run.flops);
    j["max_flops"] = max_flops;
    const auto held = held_out_check(runs, r);
    if (held.ok())
        j["held_out"] = {{"runs", held.value.held_out}, {"from_flops", held.value.min_flops},
                         {"mean_abs_error_fraction", held.value.mean_abs_error},
                         {"max_abs_error_fraction", held.value.max_abs_error}};
    const auto lobo = leave_one_budget_out(runs, r);
    if (lobo.ok()) {
        J folds = J::array();
        for (const BacktestFold& f : lobo.value.folds)
            folds.push_back({{"flops", J::array({f.flops_lo, f.flops_hi})}, {"runs", f.runs},
                             {"mean_abs_error_fraction", f.mean_abs_error}, {"max_abs_error_fraction", f.max_abs_error}});
        j["leave_one_budget_out"] = {{"folds", folds}, {"skipped", lobo.value.skipped},
                                     {"mean_abs_error_fraction", lobo.value.mean_abs_error},
                                     {"max_abs_error_fraction", lobo.value.max_abs_error}};
    } else {
        j["leave_one_budget_out"] = {{"error", lobo.error}};
    }
    if (find_arg(args, inputs::kPredict.key)) {
        const Result<double> c = number_arg(args, inputs::kPredict);
        if (!c.ok()) return R::fail(c.error, c.field);
        // The fitted law, its valid range the runs' compute (as "My fit" in the UI).
        Law law = *find_law("custom");
        law.id = "my-fit";
        law.chinchilla = r.c;
        law.valid_lo = max_flops;
        for (const Run& run : runs) law.valid_lo = std::min(law.valid_lo, run.flops);
        law.valid_hi = max_flops;
        const auto a = refuse_absurd(optimal(law, c.value), "predict");
        if (!a.ok()) return R::fail(a.error, "predict");
        J p = allocation_json(a.value);
        p.erase("law");
        const Caveats caveats = caveats_of(law, a.value, "the prediction");
        put_caveats(p, caveats);
        // Beyond 10x the largest run the fit's own rule calls it far (kExtrapolationFactor).
        const bool far = c.value > kExtrapolationFactor * max_flops;
        p["extrapolation"] = far;
        j["prediction"] = p;
        // When far, the sentence below says more than the caveats' first one (the extrapolation's).
        for (size_t i = far && caveats.extrapolated ? 1 : 0; i < caveats.warnings.size(); ++i)
            reply.warnings.push_back(caveats.warnings[i]);
        if (far)
            reply.warnings.push_back(format_scientific(c.value) + " FLOP is " + format_count(c.value / max_flops) +
                                     "x the largest run (" + format_scientific(max_flops) + " FLOP): an extrapolation");
    }
    Result<BootstrapResult> boot = Result<BootstrapResult>::fail("no bootstrap");
    if (resamples.value > 0) {
        boot = bootstrap(runs, r, resamples.value);
        if (!boot.ok()) return R::fail(boot.error, boot.field.empty() ? "bootstrap" : boot.field);
        const BootstrapResult& b = boot.value;
        j["intervals_95"] = {{"E", interval(b.E)},         {"A", interval(b.A)},
                             {"B", interval(b.B)},         {"alpha", interval(b.alpha)},
                             {"beta", interval(b.beta)},   {"a", interval(b.a_exp)},
                             {"b", interval(b.b_exp)}};
        j["bootstrap"] = resamples.value;
        j["bootstrap_not_converged"] = b.not_converged;
        j["correlations"] = {{"alpha_A", b.corr_alpha_A}, {"beta_B", b.corr_beta_B}};
        j["at_largest_run_95"] = {{"loss", interval(b.loss_at_largest)}, {"params_opt", interval(b.params_at_largest)}};
    }
    // The fit's own warnings first (convergence, trade-offs), then the prediction's.
    std::vector<std::string> warnings = fit_warnings(r, boot.ok() ? &boot.value : nullptr);
    warnings.insert(warnings.end(), reply.warnings.begin(), reply.warnings.end());
    reply.warnings = warnings;
    j["warnings"] = warnings;
    reply.json = j;
    return R::of(std::move(reply));
}

}  // namespace scaling
