// caveats_json.hpp: a Caveats as the keys every command's JSON answer carries: `extrapolated`,
// `fitted_flops` ([lo, hi], or null when the law states no range) and `warnings` (sentences).
// Internal to the core's request files, which alone speak JSON.
#pragma once
#include <nlohmann/json.hpp>

#include "caveats.hpp"

namespace scaling {

inline void put_caveats(nlohmann::ordered_json& j, const Caveats& c) {
    j["extrapolated"] = c.extrapolated;
    j["fitted_flops"] = c.fitted_hi > 0 ? nlohmann::ordered_json::array({c.fitted_lo, c.fitted_hi}) : nlohmann::ordered_json();
    j["warnings"] = c.warnings;
}

}  // namespace scaling
