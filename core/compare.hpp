// compare.hpp: every law at one budget, their spread, and the rules of thumb in circulation set
// against them (the formulas in circulation that disagree with every published fit).
#pragma once
#include <string>
#include <vector>

#include "allocation.hpp"
#include "caveats.hpp"
#include "uncertainty.hpp"

namespace scaling {

struct RuleOfThumb {
    std::string id;       // "sqrt-c-over-6"
    std::string formula;  // "N ≈ √(C/6)"
    std::string claim;    // what it is quoted as meaning
    Allocation at;        // what it gives at the budget (law = the rule's id; no loss)
    bool disagrees_with_every_law = false;  // its N is more than 2x off every published law's N_opt
};

struct LawRow {
    std::string name;
    bool ok = false;
    std::string error;         // when !ok
    Allocation at;
    Caveats caveats;           // of `at`: the budget outside the law's fitted range, and warnings
    bool has_range = false;    // a 95% range from the law's joint bootstrap draws (uncertainty.hpp)
    double n_lo = 0, n_hi = 0, d_lo = 0, d_hi = 0, r_lo = 0, r_hi = 0, l_lo = 0, l_hi = 0;
    std::string range_error;   // a law with draws whose range could not be made (or not yet, on the web)
};

struct Comparison {
    double flops = 0;
    std::vector<LawRow> laws;
    double n_min = 0, n_max = 0, d_min = 0, d_max = 0;  // over the published laws with parameters
    std::vector<RuleOfThumb> rules;
    std::string range_method;  // how the ranges are made: band_method of each law with draws
};

// Published laws are those that are neither rules of thumb (kind ratio) nor the user's own
// (`custom`, `my-fit`); the spread and the rules' verdicts use only them. `laws` come with the
// caller's settings applied. Without `ranges` no law's 95% range is made (a table that shows none
// then never asks for the draws, which the web fetches only when first needed).
bool is_published_law(const Law& law);
Comparison compare(const std::vector<Law>& laws, double flops, bool ranges = true);
// Every row's caveats in one, each sentence led by its law's name; without the extrapolation's
// sentences when a view marks extrapolated rows another way.
Caveats caveats_of(const Comparison& c, bool with_extrapolation = true);

}  // namespace scaling
