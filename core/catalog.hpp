// catalog.hpp: reading and validating the data files of assets/ (laws; models in gallery.hpp).
// Errors name the file and line and say what is wrong, so a bad edit is found at once.
#pragma once
#include <string_view>
#include <vector>

#include "laws.hpp"
#include "result.hpp"

namespace scaling {

// Parses a laws file: JSON objects one per line; blank lines and lines starting with '#' skipped.
// `file` names the source in messages ("assets/laws.jsonl:7: law \"x\": ...").
Result<std::vector<Law>> parse_laws(std::string_view text, std::string_view file);

// The data files as compiled into the program (generated at build time from assets/).
namespace embedded {
extern const char* const kLawsJsonl;
extern const char* const kModelsCsv;
extern const char* const kHardwareCsv;
}  // namespace embedded

}  // namespace scaling
