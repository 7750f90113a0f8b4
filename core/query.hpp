// query.hpp: a URL query string (a permalink's state) read into key/value pairs and written back.
// Percent-escapes and '+' are decoded; anything malformed is reported, not guessed at. Bounded, so
// a hostile link cannot make the app do unbounded work.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "result.hpp"

namespace scaling {

using QueryPairs = std::vector<std::pair<std::string, std::string>>;

inline constexpr size_t kMaxQueryBytes = 8192;  // far beyond any state the app writes
inline constexpr size_t kMaxQueryPairs = 64;

struct ParsedQuery {
    QueryPairs pairs;                  // in order; a repeated key appears twice (the last wins)
    std::vector<std::string> problems; // pieces left out and why ("%zz: a broken escape")
};

// `query` with or without its leading '?'. Fails only when the whole is unusable (too long).
Result<ParsedQuery> parse_query(std::string_view query);

// "key=value&..." with everything but unreserved characters (A-Z a-z 0-9 - . _ ~) and the
// readable , and : percent-escaped (so "+" in "1e+24" becomes %2B, never a space).
std::string encode_query(const QueryPairs& pairs);

}  // namespace scaling
