// runs.hpp: a user's training runs pasted as CSV or TSV: columns recognised by name, quantities
// with suffixes, D derived from C = 6ND when missing, and every row that does not parse listed
// with its line and reason, never dropped silently.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "result.hpp"

namespace scaling {

struct Run {
    double params = 0;  // N
    double tokens = 0;  // D (given, or C / 6N)
    double flops = 0;   // C (given, or 6ND)
    double loss = 0;    // nats/token
    int line = 0;       // in the pasted text
};

struct RejectedRow {
    int line = 0;
    std::string reason;
};

struct RunTable {
    std::vector<Run> runs;
    std::vector<RejectedRow> rejected;
    std::string params_column, tokens_column, flops_column, loss_column;  // the header names used
    bool tokens_derived = false;  // D came from C = 6ND
};

// Which header column holds each quantity, when recognition by name is not what the user wants:
// a column name (matched ignoring case and surrounding spaces), "-" for "not in this table", or
// empty for "recognise by name" (N/params/model size, D/tokens, C/FLOP/compute, loss).
struct ColumnMap {
    std::string params, tokens, flops, loss;
};

// The column names of the first non-blank, non-comment line (empty when there is none), so a UI
// can offer them for the mapping even when recognition failed.
std::vector<std::string> header_columns(std::string_view text);

// The most rows a paste may have: beyond it the data is refused (a fit must stay interactive).
inline constexpr int kMaxRuns = 100000;

// What the fit to come needs of the table: the five-constant law N, D or C, and loss in 5 rows; a
// power law in N alone only N and loss, in as many rows as it has constants.
struct RunNeeds {
    bool tokens_or_flops = true;
    int min_rows = 5;
    const char* fit = "a fit of five constants";
};

// Errors (no usable header, a column found twice, too few good rows, too many rows) name what is
// wrong; per-row problems go to `rejected`. Without a D or C column (allowed when `needs` says so)
// a run's tokens and flops are 0.
Result<RunTable> parse_runs(std::string_view text, const ColumnMap& map = {}, const RunNeeds& needs = {});

}  // namespace scaling
