// requests.hpp: the operations the CLI and the JS API share, from text arguments to results.
// Both front ends call these, so `scaling optimal --json` and `scaling.optimal()` cannot drift.
// Errors carry the field at fault (`flops`, `params`, `tokens`, `law`), named as the CLI flags.
#pragma once
#include <string>
#include <string_view>

#include "allocation.hpp"

namespace scaling {

Result<const Law*> law_from_id(std::string_view id);
Result<Allocation> optimal_request(std::string_view flops, std::string_view law_id);
Result<Allocation> loss_request(std::string_view params, std::string_view tokens, std::string_view law_id);

// JSON renderings with the keys law, flops, params, tokens, tokens_per_param, loss (loss omitted
// for a law without a loss form); and the law catalogue.
std::string to_json(const Allocation& a);
std::string laws_json();
std::string error_json(std::string_view field, std::string_view message);

}  // namespace scaling
