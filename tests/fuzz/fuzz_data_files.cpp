// fuzz_data_files.cpp: the loaders of the data files (assets/laws.jsonl, models.csv, hardware.csv,
// the bootstrap draws) on arbitrary text. The first byte picks the loader so one corpus serves all.
#include <cstdint>
#include <string_view>

#include "core/catalog.hpp"
#include "core/draws.hpp"
#include "core/gallery.hpp"
#include "core/hardware.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    switch (data[0] % 4) {
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
        case 2: {
            const auto r = scaling::parse_hardware(text, "fuzz.csv");
            if (!r.ok() && r.error.empty()) __builtin_trap();
            break;
        }
        default: {
            const auto r = scaling::parse_draws(text, "fuzz.csv");
            if (!r.ok() && r.error.empty()) __builtin_trap();
            // What loads is what a band may use: as many draws as claimed at most, each finite and > 0.
            if (r.ok() && r.value.draws.size() > static_cast<size_t>(r.value.resamples)) __builtin_trap();
            for (const scaling::ChinchillaConstants& c : r.value.draws)
                if (!scaling::usable_draw(c)) __builtin_trap();
            break;
        }
    }
    return 0;
}
