// claims.hpp: numbers about scaling that circulate in courses, posts and talks, each checked against
// the laws: the claim as people say it, what the chosen law (or the cost, serving, MoE and emergence
// code) computes, a verdict by a stated rule, where the claim comes from and where the check does.
// `scaling claims` and the Claims view show this table (issue 20, item 5).
#pragma once
#include <string>
#include <vector>

#include "hardware.hpp"
#include "laws.hpp"
#include "result.hpp"

namespace scaling {

// [SECTION] The verdict rule
// A claim states a range [lo, hi] of a positive quantity (a point when lo = hi). The computed value
// holds when it lies in [lo / holds, hi x holds] and is roughly right in [lo / roughly, hi x roughly];
// each claim sets the two factors next to it with the reason (how rounded the claim is, how much it
// leaves unsaid). A claim of two parts takes the worse part's verdict.
enum class Verdict { Holds, Roughly, DoesNotHold, NotComputable };
const char* verdict_name(Verdict v);  // "holds", "roughly", "does not hold", "not computable"
struct Tolerance {
    double holds = 1;    // factor around the claimed range that still holds, >= 1
    double roughly = 1;  // factor that is roughly right, >= holds
    const char* reason;  // why these factors
};
Verdict judge(double value, double lo, double hi, const Tolerance& t);

// What a claim says with no primary source behind it.
inline constexpr const char* kInCirculation = "in circulation; no primary source found";

// One checked claim. The shape is meant for any claim in circulation: the voting claims of
// self_consistency.hpp and the capex claims of capex.hpp carry the same parts under older names.
struct CheckedClaim {
    const char* id;          // stable key: "tokens-per-param", "kaplan-10x", ...
    const char* claim;       // as people say it
    std::string computed;    // what the laws give, a sentence with the figures
    Verdict verdict = Verdict::NotComputable;
    std::string rule;        // the claimed range, the tolerance and its reason
    const char* source;      // the claim's source, or kInCirculation
    const char* check;       // the source of the check: the law, paper or code it is computed by
    double claimed_lo = 0, claimed_hi = 0;  // in `unit`; hi is infinity for "at least" claims
    double value = 0;        // the computed quantity judged (the first part's for a two-part claim)
    const char* unit;        // "tokens/param", "x", "%", "$", "params", "ratio"
};

struct ClaimsInputs {
    const Law* law = nullptr;     // the law the loss and allocation claims are read at
    double flops = 1e24;          // the budget of the budget-dependent claims (REFERENCES' 1e24)
    const Gpu* gpu = nullptr;     // training and serving accelerator (BF16)
    double mfu = 0.4;             // training MFU, (0, 1]
    double price_per_hour = 0;    // $ per GPU-hour; 0: the catalogue's
    std::string model = "llama3-70b";  // the served model (model_shapes.hpp)
    double prompt_tokens = 1000, output_tokens = 500, batch = 16;  // per request; sequences per replica
};

// Every claim under `in`. Errors name the field: gpu, mfu, model, batch (a model the replica cannot
// hold). A claim the law cannot compute (no loss form, no parameters) is a row "not computable".
Result<std::vector<CheckedClaim>> circulating_claims(const ClaimsInputs& in);

// The compute-optimal budget of a model of `params` under `law`: bisection on ln C over
// [1e10, 1e40] (N_opt grows with C for every law). 0 when no budget there gives it.
double budget_for_params(const Law& law, double params);

}  // namespace scaling
