// print.hpp: the `scaling` CLI's human-readable layouts (tables and "key  value" lines); with
// --json the commands' JSON is printed instead, warnings beside it on stderr.
#pragma once
#include <string>
#include <vector>

#include "core/allocation.hpp"
#include "core/compare.hpp"
#include "core/results_json.hpp"

namespace cli {

// One allocation as labelled lines, with its caveats (what the UI says beside the numbers).
void print_allocation(const scaling::Allocation& a);
// The frontier as a table (caveats in brief) or as CSV.
void print_frontier(const std::vector<scaling::Allocation>& rows, bool csv);
void print_compare(const scaling::Comparison& c);
void print_models(const scaling::Law& law);  // `law` for the over-training column
void print_laws();
// A result as JSON (warnings also on stderr, so a pipe keeps clean JSON while the terminal shows
// them) or as print_flat's lines.
void print_result(const char* command, const scaling::Json& j, bool json);
// Human-readable form of a result object: one "key  value" line per leaf, numbers in the units
// their keys name (params and tokens as counts, FLOP in scientific, dollars with $, ratios as %).
void print_flat(const scaling::Json& j, const std::string& prefix = "");

}  // namespace cli
