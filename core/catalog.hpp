// catalog.hpp: reading and validating the data files of assets/ (laws; models in gallery.hpp).
// Errors name the file and line and say what is wrong, so a bad edit is found at once.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "laws.hpp"
#include "result.hpp"

namespace scaling {

// Parses a laws file: JSON objects one per line; blank lines and lines starting with '#' skipped.
// `file` names the source in messages ("assets/laws.jsonl:7: law \"x\": ...").
Result<std::vector<Law>> parse_laws(std::string_view text, std::string_view file);

// An embedded data file once parsed: its rows, or why it failed (shown by the CLI and the UI).
template <class T>
struct Loaded {
    std::vector<T> items;
    std::string error;
};
template <class T>
Loaded<T> keep(Result<std::vector<T>> parsed) {
    Loaded<T> l;
    if (parsed.ok()) l.items = std::move(parsed.value);
    else l.error = std::move(parsed.error);
    return l;
}

// The data files as compiled into the program (generated at build time from assets/).
namespace embedded {
extern const char* const kLawsJsonl;
extern const char* const kModelsCsv;
extern const char* const kHardwareCsv;
extern const char* const kEpoch2024BootstrapCsv;
}  // namespace embedded

}  // namespace scaling
