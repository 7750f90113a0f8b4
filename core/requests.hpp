// requests.hpp: the operations behind the command table (commands.hpp), from text arguments to
// typed results or JSON values. The CLI, the JS API and the tests call these, so `scaling optimal
// --json` and `scaling.optimal()` cannot drift. Arguments are text keyed by the inputs' keys
// (inputs.hpp: "m_over_n" for --m-over-n) and read through their descriptors, so a value is
// accepted or refused alike everywhere; errors carry the field at fault.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "allocation.hpp"
#include "compare.hpp"
#include "inputs.hpp"
#include "results_json.hpp"
#include "runs.hpp"

namespace scaling {

using Args = std::map<std::string, std::string, std::less<>>;  // absent key = not given
inline const std::string* find_arg(const Args& args, std::string_view key) {
    const auto it = args.find(key);
    return it == args.end() ? nullptr : &it->second;
}

// [SECTION] Reading arguments through their descriptors
// A number: read_number when given; absent, the descriptor's fallback when optional, else "is required".
Result<double> number_arg(const Args& args, const Input& in);
// The same with the caller's fallback for an optional input whose default is not a constant (a
// GPU's catalogue price).
Result<double> number_arg(const Args& args, const Input& in, double fallback);
// A choice's name, checked by read_choice; absent: the descriptor's initial.
Result<std::string> choice_arg(const Args& args, const Input& in);

// [SECTION] Laws
// The law named by args["law"] (default kDefaultLawId, epoch2024), with `custom`'s constants (E, A, B, alpha,
// beta) or DeepSeek's M/N (m_over_n) applied from args when given.
Result<Law> law_request(const Args& args);
Result<const Law*> law_from_id(std::string_view id);
// Every law with the settings in args applied (custom's E..beta, DeepSeek's m_over_n), for compare.
Result<std::vector<Law>> laws_request(const Args& args);

// [SECTION] Requests with typed results
Result<Allocation> optimal_request(const Args& args);  // flops
Result<Allocation> loss_request(const Args& args);     // params, tokens[, unique_tokens: with repetition]
Result<Comparison> compare_request(const Args& args);  // flops and custom's constants; every law
// frontier: from, to, points; one law when args name one, else every law, in catalogue order.
Result<std::vector<Allocation>> frontier_request(const Args& args);
// models: the law for the over-training column of the CLI's table (the JSON has every law's).
Result<const Law*> models_request(const Args& args);

// [SECTION] Requests answered as JSON values
// data (requests_data.cpp): flops, unique_tokens, law (default muennighoff2023): Muennighoff et
// al. 2023's three ways to spend a budget on limited data.
Result<Json> data_request(const Args& args);
// What-if (requests_scenario.cpp). scenario: params, tokens, compute_multiple, data_cap, law.
// project: reference_flops, reference_multiple, sparsity (default 1, dense), law. next_flop: flops,
// success (0.2), samples (1), inference_ratio (0.1), factor (10), law.
Result<Json> scenario_request(const Args& args);
Result<Json> project_request(const Args& args);
Result<Json> next_flop_request(const Args& args);
// Budget, memory and lifetime cost (requests_cost.cpp), keys as the CLI's flags.
Result<Json> budget_request(const Args& args);
Result<Json> memory_request(const Args& args);
Result<Json> lifetime_request(const Args& args);
Result<Json> lifetime_cost_request(const Args& args);
// The views' own arithmetic (requests_views.cpp): test_time (samples per question, Brown et al.
// 2024; Snell et al. 2024), emergence (Schaeffer et al. 2023).
Result<Json> test_time_request(const Args& args);
Result<Json> emergence_request(const Args& args);
// Fine-tuning planner (issue 19, requests_finetune.cpp): params, examples, tokens_per_example,
// lora_rank, the hardware, the saturation curve and its fit to score_points, transfer.
Result<Json> fine_tuning_request(const Args& args);
// Serving and MoE (issue 18, requests_serving.cpp): serve (the roofline of core/serving.hpp, with
// a model preset or typed shape, and the 7B-against-70B comparison), moe (total and active
// parameters from experts).
Result<Json> serve_request(const Args& args);
Result<Json> moe_request(const Args& args);

// Capex to FLOP (requests_capex.cpp, issue 18): system_dollars, year, gpu, dtype, accelerator_price,
// reference_year, overhead_share, doubling_years, window_days, mfu, the law (the optimal model).
Result<Json> capex_request(const Args& args);
// Router: a task mix (requests_router.cpp, issue 18): gpu, price, prompt_tokens, batch and per class
// (classification, summarisation, reasoning) share_*, tokens_*, params_*, quality_*. The Router view
// reads its fields through router_inputs, so it refuses what the CLI refuses.
Result<Json> router_request(const Args& args);
struct RouterInputs;
Result<RouterInputs> router_inputs(const Args& args);

// TCO (requests_tco.cpp): training_dollars, dollars_per_request (or dollars_per_million_tokens with
// tokens_per_request), requests_per_day, lifetime_days, traffic_growth, extra_training_dollars,
// saving_per_request: break-even, TCO and the over-training payback, with `claim` and `warnings`.
Result<Json> tco_request(const Args& args);

// RL and distillation (issue 19, requests_post_training.cpp). rl: params, prompts, group_size,
// tokens_per_sample, epochs, reference_model, pretraining_tokens, gpu, price, mfu, rollout_mfu.
// distill: teacher_params, student_params, dataset_gb, bytes_per_token, epochs, gpu, price, mfu,
// generation_mfu. The view reads its fields through rl_inputs and distill_inputs, so it refuses what
// the CLI refuses.
Result<Json> rl_request(const Args& args);
Result<Json> distill_request(const Args& args);
struct RlInputs;
struct DistillInputs;
Result<RlInputs> rl_inputs(const Args& args);
Result<DistillInputs> distill_inputs(const Args& args);
// Kaplan's single-variable laws (requests_kaplan.cpp, issue 19): params, tokens, flops or pf_days,
// the law (default epoch2024): L(N), L(D), L(C_min) with constants and citations, and the frontier's
// loss-vs-compute exponents with and without E (exponent_reducible, exponent_total).
Result<Json> kaplan_request(const Args& args);
// Hyper-parameter laws (requests_hyper.cpp, issue 20): flops and the law: DeepSeek 2024's learning
// rate and batch (`deepseek.learning_rate`, `deepseek.batch_tokens`, steps at the optimum's D) and
// Kaplan 2020's critical batch at the law's loss (`kaplan`, null for a law without a loss).
Result<Json> hyper_request(const Args& args);

// Downstream-task extrapolation (issue 20, requests_task.cpp): points (size:score pairs), chance,
// task_form (error, sigmoid), at (a size), target (a score): the fit, predicted_score with its
// leave-one-out interval, size_for_target, warnings. The Task view reads its fields through
// task_fit_inputs, so it refuses what the CLI refuses.
struct TaskFitInputs;
Result<TaskFitInputs> task_fit_inputs(const Args& args);
Result<Json> task_fit_request(const Args& args);
// Claims in circulation, checked (requests_claims.cpp, issue 20): the law, flops, gpu, mfu, price,
// model, input_tokens, output_tokens, batch -> `claims`, each with claim, computed, verdict, source,
// check, rule, claimed_low, claimed_high, value, unit.
Result<Json> claims_request(const Args& args);

// fit (requests_fit.cpp): text (the runs as CSV/TSV), exclude_top, bootstrap, form (chinchilla,
// power), x (N, D, C; with power), predict (a FLOP budget), target (the loss column), columns
// ("N=width,D=-"). The JSON lists rejected rows, reports the best start's convergence and carries
// `warnings` (a fit short of a minimum, constants that trade off, a prediction that extrapolates),
// also given here for the CLI.
struct FitReply {
    Json json;
    std::vector<RejectedRow> rejected;
    std::vector<std::string> warnings;
};
Result<FitReply> fit_request(const Args& args);

// Sweep designer (issue 20, requests_design.cpp). design: study_flops, budgets, span_decades,
// models_per_budget, width_decades, target_flops, the law: an IsoFLOP sweep (runs, budgets, the
// Approach 2 check, biases, warnings). design_fit: text (results as CSV/TSV): Approach 2 and 3.
// design_inputs and design_json take the law as given (the view's law in force, My fit included)
// and read the rest from the arguments; design_request reads the law from them too.
struct SweepDesign;
Result<SweepDesign> design_inputs(const Args& args, const Law& law);
Result<Json> design_json(const Args& args, const Law& law);
Result<Json> design_request(const Args& args);
Result<Json> design_fit_request(const Args& args);

// [SECTION] The JS API's entry (commands.cpp, from the command table in commands.hpp)
// `command` with a JSON object of string arguments; returns JSON text (a result or {"error": ...,
// "field": ...}). Unknown commands and argument names are refused, listing the valid ones.
std::string call_json(std::string_view command, std::string_view args_json);
// The command table as JSON text, for web/api.js to build its methods from (commands_json()).
std::string commands_json_text();

}  // namespace scaling
