// fuzz_quantity.cpp: the quantity parser (core/quantity.hpp) on arbitrary text, under every unit.
// Properties beyond "no crash": an accepted value is finite, and formatting it never yields NaN/inf.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/quantity.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    using scaling::Unit;
    for (Unit u : {Unit::None, Unit::Params, Unit::Tokens, Unit::Flop}) {
        const scaling::Result<double> r = scaling::parse_quantity(text, u);
        if (r.ok() && !std::isfinite(r.value)) __builtin_trap();
        if (!r.ok() && r.error.empty()) __builtin_trap();
        const scaling::Result<double> p = scaling::parse_positive(text, u);
        if (p.ok() && !(p.value > 0 && std::isfinite(p.value))) __builtin_trap();
        if (r.ok()) {
            for (const std::string& s : {scaling::format_count(r.value), scaling::format_scientific(r.value),
                                         scaling::format_fixed(r.value, 3)})
                if (s.find("nan") != std::string::npos || s.find("inf") != std::string::npos) __builtin_trap();
        }
    }
    return 0;
}
