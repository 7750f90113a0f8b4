// fuzz_runs.cpp: the CSV/TSV reader of pasted runs (core/runs.hpp). Every accepted run is finite
// and positive; every rejected row has a reason; nothing is both accepted and refused silently.
#include <cmath>
#include <cstdint>
#include <string_view>

#include "core/runs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)scaling::header_columns(text);
    const scaling::Result<scaling::RunTable> r = scaling::parse_runs(text);
    if (!r.ok()) {
        if (r.error.empty()) __builtin_trap();
        return 0;
    }
    if (static_cast<int>(r.value.runs.size()) > scaling::kMaxRuns) __builtin_trap();
    for (const scaling::Run& run : r.value.runs)
        for (double x : {run.params, run.tokens, run.flops, run.loss})
            if (!(std::isfinite(x) && x > 0)) __builtin_trap();
    for (const scaling::RejectedRow& row : r.value.rejected)
        if (row.reason.empty() || row.line <= 0) __builtin_trap();
    return 0;
}
