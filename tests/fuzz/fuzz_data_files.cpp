// fuzz_data_files.cpp: the loaders of the data files (assets/laws.jsonl, models.csv, hardware.csv)
// on arbitrary text. The first byte picks the loader so one corpus serves all three.
#include <cstdint>
#include <string_view>

#include "core/catalog.hpp"
#include "core/gallery.hpp"
#include "core/hardware.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    switch (data[0] % 3) {
        case 0: {
            const auto r = scaling::parse_laws(text, "fuzz.jsonl");
            if (!r.ok() && r.error.empty()) __builtin_trap();
            break;
        }
        case 1: {
            const auto r = scaling::parse_models(text, "fuzz.csv");
            if (!r.ok() && r.error.empty()) __builtin_trap();
            break;
        }
        default: {
            const auto r = scaling::parse_hardware(text, "fuzz.csv");
            if (!r.ok() && r.error.empty()) __builtin_trap();
            break;
        }
    }
    return 0;
}
