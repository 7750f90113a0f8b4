// caveats.hpp: what every answer says beside its numbers, the same in the UI, the CLI and the JS
// API: whether its budget lies outside the range its law was fitted on, and warnings for quantities
// that parse but make no physical sense; answers too absurd to give are refused, naming the field.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "allocation.hpp"
#include "laws.hpp"
#include "result.hpp"

namespace scaling {

// [SECTION] Thresholds, each with its reason
// Smaller models are below the smallest of every study behind these laws but Kaplan et al. 2020
// (768 non-embedding parameters, arXiv 2001.08361 Sec. 2): Chinchilla's Figure 4 runs start at
// 57M (Besiroglu et al. 2024's reconstruction), Muennighoff et al. 2023 at 10M.
inline constexpr double kFewestParams = 1e6;
// Less data than the smallest training set of any study here (Kaplan et al. 2020: 22M tokens).
inline constexpr double kFewestTokens = 1e6;
// Fewer tokens than parameters: the data term then dominates the loss, where Hoffmann et al. 2022
// put the compute-optimal split near 20 tokens per parameter; Chinchilla's runs went below 1 only
// at their smallest budgets (down to 0.04). Kaplan et al. 2020's rule falls below 1 at large budgets.
inline constexpr double kFewestTokensPerParam = 1;
// A loss above ln V is worse than guessing uniformly over a vocabulary of V tokens. Warned above
// ln 50,257 = 10.8 nats (GPT-2's byte-level BPE, Radford et al. 2019, the smallest in common use);
// refused above ln 256,000 = 12.45 nats (Gemma's, Gemma Team 2024, arXiv 2403.08295, the largest):
// no trained model is worse than uniform guessing, so the law does not apply there.
inline constexpr double kSmallVocabulary = 50257;
inline constexpr double kLargeVocabulary = 256000;

struct Caveats {
    bool extrapolated = false;          // a budget outside the law's fitted range (when it states one)
    double fitted_lo = 0, fitted_hi = 0;  // that range, FLOP; 0 when the law states none
    std::vector<std::string> warnings;    // sentences, in the order found, each once

    void warn(std::string sentence);
    void add(const Caveats& more);       // extrapolated or-ed, warnings appended (each once)
};

// The caveats of one allocation (a law's optimum, or a model the user named) under `law`.
// `what` names it in the sentences ("the optimum", "the base model"); empty for the only one. The
// extrapolation's sentence, when there is one, comes first.
Caveats caveats_of(const Law& law, const Allocation& a, std::string_view what = {});
// The caveats of each kind of answer, over every model it reports: one place, for the requests
// (CLI, JS API) and the views alike.
struct Scenario;
struct Projection;
struct NextFlop;
struct LifetimeResult;
struct DataPlan;
Caveats caveats_of(const Law& law, const Scenario& s);
Caveats caveats_of(const Law& law, const Projection& p);
Caveats caveats_of(const Law& law, const NextFlop& n);
Caveats caveats_of(const Law& law, const LifetimeResult& r);
Caveats caveats_of(const Law& law, const DataPlan& p);

// An allocation too absurd to report: below one parameter or one token, or a loss above
// ln kLargeVocabulary. Returns it unchanged when sensible, else an error naming `field`.
Result<Allocation> refuse_absurd(Result<Allocation> r, std::string_view field);

// A loss the user asks for (a target): refused above ln kLargeVocabulary, naming `field`.
Result<double> sensible_loss(double loss, std::string_view field);

}  // namespace scaling
