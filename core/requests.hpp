// requests.hpp: the operations the CLI and the JS API share, from text arguments to results.
// Both front ends call these, so `scaling optimal --json` and `scaling.optimal()` cannot drift.
// Arguments are text keyed by the CLI's flag names (without dashes; "m_over_n" for --m-over-n);
// errors carry the field at fault.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "allocation.hpp"
#include "runs.hpp"

namespace scaling {

using Args = std::map<std::string, std::string, std::less<>>;  // absent key = not given
inline const std::string* find_arg(const Args& args, std::string_view key) {
    const auto it = args.find(key);
    return it == args.end() ? nullptr : &it->second;
}

// The law named by args["law"] (default kDefaultLawId, epoch2024), with `custom`'s constants (E, A, B, alpha,
// beta) or DeepSeek's M/N (m_over_n) applied from args when given.
Result<Law> law_request(const Args& args);
Result<const Law*> law_from_id(std::string_view id);

Result<Allocation> optimal_request(const Args& args);  // flops
Result<Allocation> loss_request(const Args& args);     // params, tokens[, unique_tokens: with repetition]

// data (requests_data.cpp): flops, unique_tokens, law (default muennighoff2023): Muennighoff et
// al. 2023's three ways to spend a budget on limited data, as JSON.
Result<std::string> data_request(const Args& args);

// What-if (requests_scenario.cpp), as JSON. scenario: params, tokens, compute_multiple, data_cap,
// law. project: reference_flops, reference_multiple, sparsity (default 1, dense), law. next_flop:
// flops, success (0.2), samples (1), inference_ratio (0.1), factor (10), law.
Result<std::string> scenario_request(const Args& args);
Result<std::string> project_request(const Args& args);
Result<std::string> next_flop_request(const Args& args);

// Every law with the settings in args applied (custom's E..beta, DeepSeek's m_over_n), for compare.
Result<std::vector<Law>> laws_request(const Args& args);
// compare: flops plus the settings above; JSON as in compare.hpp.
Result<std::string> compare_request(const Args& args);

// Budget, memory and lifetime cost (requests_cost.cpp). Keys as the CLI's flags: gpu, dtype,
// price, flops, gpus, days, mfu, dollars, preset; params, layers, kv_heads, head_dim, context,
// batch, usable; loss, inference_tokens, requests, tokens_per_request, input_tokens,
// output_tokens, {train,prefill,decode}_{gpu,dtype,price,mfu}.
Result<std::string> budget_request(const Args& args);
Result<std::string> memory_request(const Args& args);
Result<std::string> lifetime_request(const Args& args);
Result<std::string> lifetime_cost_request(const Args& args);

// fit (requests_fit.cpp): text (the runs as CSV/TSV), exclude_top, bootstrap, form (chinchilla,
// power), x (N, D, C; with power), predict (a FLOP budget), target (the loss column), columns
// ("N=width,D=-"). The JSON lists rejected rows, reports the best start's convergence and carries
// `warnings` (a fit short of a minimum, constants that trade off, a prediction that extrapolates),
// also given here for the CLI.
struct FitReply {
    std::string json;
    std::vector<RejectedRow> rejected;
    std::vector<std::string> warnings;
};
Result<FitReply> fit_request(const Args& args);

// JSON renderings with the keys law, flops, params, tokens, tokens_per_param, flops_per_token,
// loss (each omitted when the law does not define it); and the law catalogue.
std::string to_json(const Allocation& a);
std::string laws_json();
std::string error_json(std::string_view field, std::string_view message);

// The JS API's entry: `command` with a JSON object of string arguments; returns JSON (a result or
// {"error": ..., "field": ...}). Unknown commands and unknown argument names are errors.
std::string call_json(std::string_view command, std::string_view args_json);

}  // namespace scaling
