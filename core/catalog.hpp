// catalog.hpp: the data files of assets/ as compiled into the program, and how a module keeps its
// file once parsed. Each module reads and validates its own file (laws.cpp, gallery.cpp,
// hardware.cpp, presets.cpp, draws.cpp); errors name the file and line and say what is wrong, so
// a bad edit is found at once. This header depends on none of them.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "result.hpp"

namespace scaling {

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

// The item of a catalogue with this id, or nullptr.
template <class T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    for (const T& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

// The data files as compiled into the program (generated at build time from assets/).
namespace embedded {
extern const char* const kLawsJsonl;
extern const char* const kModelsCsv;
extern const char* const kHardwareCsv;
extern const char* const kPresetsCsv;
extern const char* const kEpoch2024BootstrapCsv;

// The draws files of assets/ by file name (read by draws.cpp, named by laws): the text compiled in,
// or null where the build fetches the file beside the page instead (cmake/embed_assets.cmake).
struct DrawsFile {
    const char* name;
    const char* const* text;
};
inline constexpr DrawsFile kDrawsFiles[] = {
    {"epoch2024-bootstrap.csv", &kEpoch2024BootstrapCsv},
};
}  // namespace embedded

// Whether `file` names one of the draws files above.
inline bool is_embedded_draws(std::string_view file) {
    for (const embedded::DrawsFile& d : embedded::kDrawsFiles)
        if (file == d.name) return true;
    return false;
}

}  // namespace scaling
