// results_json.hpp: typed results as JSON values, built once. The edges (call_json for the JS API,
// the CLI's --json) dump them to text; nothing inside the core parses JSON text it produced.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "allocation.hpp"
#include "compare.hpp"

namespace scaling {

using Json = nlohmann::ordered_json;  // keys in the order written: the JSON reads as the text does

// Compact text; invalid UTF-8 in a user's string is replaced rather than thrown on.
std::string dump(const Json& j);

// An allocation with the keys law, flops, params, tokens, tokens_per_param, flops_per_token, loss (each
// left out when the law does not define it), unique-data keys when repeated, and its caveats.
Json allocation_json(const Allocation& a);
// The same numbers without the law's id and caveats: one model inside a larger answer.
Json model_json(const Allocation& a);
// Each law's row as allocation_json (name, range_95 or range_error added), the published laws'
// spread, the rules of thumb with their verdicts, and every row's warnings led by the law's name.
Json comparison_json(const Comparison& c);
// The law catalogue; the gallery of models with each one set against every law given.
Json laws_json();
Json models_json(const std::vector<Law>& laws);
// {"error": "field: message", "field": field} (no field when empty).
Json error_json(std::string_view field, std::string_view message);

}  // namespace scaling
