// compare.cpp: laws side by side and the rules of thumb.
#include "compare.hpp"

#include <algorithm>
#include <cmath>

#include "caveats.hpp"
#include "compute.hpp"

namespace scaling {
namespace {

// Rules of thumb quoted in the field, each as N(C); D follows from C = 6ND.
struct Rule {
    const char* id;
    const char* formula;
    const char* claim;
    double (*params)(double flops);
};
const Rule kRules[] = {
    {"20-tokens-per-param", "N = √(C/120), D = 20·N", "Chinchilla's 'about 20 tokens per parameter'",
     [](double c) { return std::sqrt(c / 120.0); }},
    {"0.6-sqrt-c-over-6", "N = 0.6·√(C/6)", "often quoted as 'about 20 tokens per parameter'; gives 2.8",
     [](double c) { return 0.6 * std::sqrt(c / 6.0); }},
    {"sqrt-c-over-6", "N ≈ √(C/6)", "'N and D equal': 1 token per parameter",
     [](double c) { return std::sqrt(c / 6.0); }},
};

}  // namespace

bool is_published_law(const Law& law) {
    return law.kind != LawKind::TokensPerParam && law.id != "custom" && law.id != "my-fit";
}

Comparison compare(const std::vector<Law>& laws, double flops, bool ranges) {
    Comparison out;
    out.flops = flops;
    out.n_min = out.d_min = INFINITY;
    for (const Law& law : laws) {
        LawRow row;
        row.name = law.name;
        const Result<Allocation> r = optimal(law, flops);
        row.ok = r.ok();
        row.error = r.error;
        if (r.ok()) row.at = r.value, row.caveats = caveats_of(law, r.value);
        if (ranges && !law.has_band()) row.range_error = law.no_band;
        if (ranges && law.has_band()) {
            const Result<Band> b = interval_band(law, {flops});
            out.range_method += (out.range_method.empty() ? "" : " ") + band_method(law);
            if (!b.ok()) row.range_error = b.error;
            else {
                row.has_range = true;
                row.n_lo = b.value.n_lo[0], row.n_hi = b.value.n_hi[0];
                row.d_lo = b.value.d_lo[0], row.d_hi = b.value.d_hi[0];
                row.r_lo = b.value.r_lo[0], row.r_hi = b.value.r_hi[0];
                row.l_lo = b.value.l_lo[0], row.l_hi = b.value.l_hi[0];
            }
        }
        if (row.ok && row.at.has_params && is_published_law(law)) {
            out.n_min = std::min(out.n_min, row.at.params), out.n_max = std::max(out.n_max, row.at.params);
            out.d_min = std::min(out.d_min, row.at.tokens), out.d_max = std::max(out.d_max, row.at.tokens);
        }
        out.laws.push_back(std::move(row));
    }
    for (const Rule& rule : kRules) {
        RuleOfThumb t;
        t.id = rule.id;
        t.formula = rule.formula;
        t.claim = rule.claim;
        t.at.law = rule.id;
        t.at.flops = flops;
        t.at.params = rule.params(flops);
        t.at.tokens = flops / (kTrainFlopPerParamToken * t.at.params);
        t.at.tokens_per_param = t.at.tokens / t.at.params;
        // "Disagrees with every law": more than a factor 2 in N from each published law's N_opt.
        bool agrees_with_one = false;
        for (size_t i = 0; i < laws.size(); ++i) {
            const LawRow& row = out.laws[i];
            if (!row.ok || !row.at.has_params || !is_published_law(laws[i])) continue;
            agrees_with_one = agrees_with_one || std::fabs(std::log2(t.at.params / row.at.params)) <= 1.0;
        }
        t.disagrees_with_every_law = !agrees_with_one;
        out.rules.push_back(t);
    }
    return out;
}

Caveats caveats_of(const Comparison& c, bool with_extrapolation) {
    Caveats all;
    for (const LawRow& r : c.laws) {
        if (!r.ok) continue;
        all.extrapolated = all.extrapolated || r.caveats.extrapolated;
        // The extrapolation's sentence comes first in a row's caveats (caveats.hpp).
        for (size_t i = !with_extrapolation && r.caveats.extrapolated ? 1 : 0; i < r.caveats.warnings.size(); ++i)
            all.warn(r.name + ": " + r.caveats.warnings[i]);
    }
    return all;
}

}  // namespace scaling
