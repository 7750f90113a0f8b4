// caveats.cpp: extrapolation and the physical-sense checks of every answer (caveats.hpp).
#include "caveats.hpp"

#include <algorithm>
#include <cmath>

#include "compute.hpp"
#include "data_limits.hpp"
#include "lifetime.hpp"
#include "next_flop.hpp"
#include "quantity.hpp"
#include "scenarios.hpp"

namespace scaling {

void Caveats::warn(std::string sentence) {
    if (std::find(warnings.begin(), warnings.end(), sentence) == warnings.end()) warnings.push_back(std::move(sentence));
}

void Caveats::add(const Caveats& more) {
    extrapolated = extrapolated || more.extrapolated;
    if (fitted_hi == 0) fitted_lo = more.fitted_lo, fitted_hi = more.fitted_hi;
    for (const std::string& w : more.warnings) warn(w);
}

Caveats caveats_of(const Law& law, const Allocation& a, std::string_view what) {
    Caveats c;
    c.fitted_lo = law.valid_lo;
    c.fitted_hi = law.valid_hi;
    std::string who(what);
    if (!who.empty()) who[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(who[0]))), who += ": ";
    if (law.valid_hi > 0 && (a.flops < law.valid_lo || a.flops > law.valid_hi)) {
        c.extrapolated = true;
        c.warn(who + format_scientific(a.flops) + " FLOP lies outside the budgets " + law.id + " was fitted on (" +
               format_scientific(law.valid_lo) + " to " + format_scientific(law.valid_hi) + " FLOP): an extrapolation.");
    }
    if (a.has_params && a.params < kFewestParams)
        c.warn(who + format_count(a.params) + " parameters is below 1M, smaller than the models of every study behind "
               "these laws but Kaplan et al. 2020's (Chinchilla's runs start at 57M): a far extrapolation.");
    if (a.tokens < kFewestTokens)
        c.warn(who + format_count(a.tokens) + " tokens is below 1M, less data than any study behind these laws trained on "
               "(the least: 22M, Kaplan et al. 2020): a far extrapolation.");
    if (a.has_params && a.tokens_per_param < kFewestTokensPerParam)
        c.warn(who + format_count(a.tokens_per_param) + " tokens per parameter, fewer tokens than parameters: the data "
               "term dominates the loss, where Hoffmann et al. 2022 put the compute-optimal split near 20 per parameter.");
    if (a.has_loss && a.loss > std::log(kSmallVocabulary))
        c.warn(who + "a loss of " + format_fixed(a.loss, 2) + " nats/token is above ln 50,257 = " +
               format_fixed(std::log(kSmallVocabulary), 2) +
               ", worse than guessing uniformly over GPT-2's vocabulary: the law is far from where it was fitted.");
    return c;
}

Caveats caveats_of(const Law& law, const Scenario& s) {
    Caveats c = caveats_of(law, s.base, "the base model");
    c.add(caveats_of(law, s.data_driven, "data-driven growth"));
    c.add(caveats_of(law, s.model_driven, "model-driven growth"));
    return c;
}

Caveats caveats_of(const Law& law, const Projection& p) {
    Caveats c = caveats_of(law, p.raw, "the optimum at the projected compute");
    c.add(caveats_of(law, p.dense, "the optimum at its dense equivalent"));
    return c;
}

Caveats caveats_of(const Law& law, const NextFlop& n) {
    Caveats c = caveats_of(law, n.now, "today's optimum");
    c.add(caveats_of(law, n.scaled, "the optimum at " + format_count(n.factor) + "x"));
    return c;
}

Caveats caveats_of(const Law& law, const LifetimeResult& r) {
    Caveats c = caveats_of(law, model_of(law, r.best.params, r.best.tokens, r.loss), "the lifetime optimum");
    c.add(caveats_of(law, model_of(law, r.chinchilla.params, r.chinchilla.tokens, r.loss), "the Chinchilla-optimal model"));
    return c;
}

Caveats caveats_of(const Law& law, const DataPlan& p) {
    const DataPoint& split = p.unconstrained;
    Caveats c = caveats_of(law, model_of(law, split.params, split.tokens, split.loss), "the compute-optimal split");
    c.add(caveats_of(law, model_of(law, p.optimum.params, p.optimum.tokens, p.optimum.loss), "the data-constrained optimum"));
    if (p.unique_tokens < kFewestTokens)
        c.warn(format_count(p.unique_tokens) + " unique tokens is below 1M, less data than any study behind these laws "
               "trained on: a far extrapolation.");
    return c;
}

Result<Allocation> refuse_absurd(Result<Allocation> r, std::string_view field) {
    if (!r.ok()) return r;
    const Allocation& a = r.value;
    const std::string f(field);
    // Said of the budget when the law chose the model, of the model when the user named it.
    const std::string subject = field == "flops" ? format_scientific(a.flops) + " FLOP buys, under " + a.law + ", "
                                                 : "Under " + a.law + ", ";
    if (a.has_params && a.params < 1)
        return Result<Allocation>::fail(subject + "a model of " + format_count(a.params) +
                                        " parameters: less than one parameter, no model at all", f);
    if (a.tokens < 1)
        return Result<Allocation>::fail(subject + format_count(a.tokens) + " training tokens: less than one token, no "
                                        "training at all", f);
    const Result<double> loss = sensible_loss(a.loss, field);
    if (a.has_loss && !loss.ok())
        return Result<Allocation>::fail(subject + "a model of " + format_count(a.params) + " parameters on " +
                                        format_count(a.tokens) + " tokens with a predicted loss of " +
                                        format_fixed(a.loss, 1) + " nats/token, " + loss.error, f);
    return r;
}

Result<double> sensible_loss(double loss, std::string_view field) {
    const double bound = std::log(kLargeVocabulary);
    if (loss > bound)
        return Result<double>::fail("above ln 256,000 = " + format_fixed(bound, 2) +
                                    ", worse than guessing uniformly over the largest vocabulary in use (Gemma's): no "
                                    "trained model is that bad, so the law does not apply",
                                    std::string(field));
    return Result<double>::of(loss);
}

}  // namespace scaling
