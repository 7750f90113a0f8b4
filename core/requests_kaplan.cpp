// requests_kaplan.cpp: `scaling kaplan` and scaling.kaplan(): Kaplan et al. 2020's single-variable
// laws L(N), L(D), L(C_min) with their constants and citations, and the loss-vs-compute exponents
// with and without the irreducible term on the frontier of the law in force (kaplan.hpp).
#include <cmath>

#include "compute.hpp"
#include "kaplan.hpp"
#include "requests.hpp"

namespace scaling {
namespace {

// C as FLOP from --flops, or from --pf-days (1 PF-day = 8.64e19 FLOP, compute.hpp); never both.
Result<double> compute_flops(const Args& args) {
    using namespace inputs;
    if (!find_arg(args, kPfDays.key)) return number_arg(args, kKaplanFlops);
    if (find_arg(args, kKaplanFlops.key)) return Result<double>::fail("give --flops or --pf-days, not both", kPfDays.key);
    const Result<double> pf = number_arg(args, kPfDays);
    return pf.ok() ? Result<double>::of(pf.value * kFlopPerPfDay) : pf;
}

Json frontier_exponents_json(const FrontierExponents& e) {
    return {{"flops", e.flops},   {"params", e.params},          {"tokens", e.tokens},
            {"loss", e.loss},     {"irreducible", e.irreducible}, {"exponent_reducible", e.exponent_reducible},
            {"exponent_total", e.exponent_total}};
}

}  // namespace

Result<Json> kaplan_request(const Args& args) {
    using R = Result<Json>;
    using namespace inputs;
    const Law* kaplan = find_law("kaplan2020");
    if (!kaplan) return R::fail("the law catalogue has no kaplan2020: " + catalog_error());
    const Result<double> n = number_arg(args, kKaplanParams);
    if (!n.ok()) return R::fail(n.error, n.field);
    const Result<double> d = number_arg(args, kKaplanTokens);
    if (!d.ok()) return R::fail(d.error, d.field);
    const Result<double> c = compute_flops(args);
    if (!c.ok()) return R::fail(c.error, c.field);
    const Result<Law> law = law_request(args);
    if (!law.ok()) return R::fail(law.error, law.field);

    const KaplanConstants& k = kaplan->kaplan;
    const KaplanSingle s = kaplan_single(k, n.value, d.value, c.value / kFlopPerPfDay);
    Json j;
    j["params"] = s.params;
    j["tokens"] = s.tokens;
    j["flops"] = c.value;
    j["pf_days"] = s.cmin_pf_days;
    j["flop_per_pf_day"] = kFlopPerPfDay;
    j["loss_n"] = s.loss_n;
    j["loss_d"] = s.loss_d;
    j["loss_c"] = s.loss_c;
    j["constants"] = {{"alpha_N", k.alpha_N}, {"N_c", k.N_c}, {"alpha_D", k.alpha_D}, {"D_c", k.D_c},
                      {"alpha_C", k.alpha_C}, {"C_c_pf_days", k.C_c}};
    j["citations"] = {
        {"loss_n", "L(N) = (N_c/N)^alpha_N, N non-embedding parameters: Kaplan et al. 2020, arXiv 2001.08361, Eq. 1.1"},
        {"loss_d", "L(D) = (D_c/D)^alpha_D, D tokens: Kaplan et al. 2020, Eq. 1.2"},
        {"loss_c", "L(C_min) = (C_c/C_min)^alpha_C, C_min in PF-days at the critical batch size: Kaplan et al. 2020, "
                   "Eq. 1.3; here C_min = C / 8.64e19, the project's convention for a budget in FLOP"}};
    j["law"] = law.value.id;
    const Result<FrontierExponents> e = frontier_exponents(law.value, c.value);
    if (e.ok()) {
        j["frontier"] = frontier_exponents_json(e.value);
        j["exponent_reducible"] = e.value.exponent_reducible;
        j["exponent_total"] = e.value.exponent_total;
        Json by = Json::array();
        for (int x = 18; x <= 27; ++x) {
            const Result<FrontierExponents> at = frontier_exponents(law.value, std::pow(10.0, x));
            if (at.ok()) by.push_back(frontier_exponents_json(at.value));
        }
        j["exponents_by_budget"] = by;
        // Where the whole loss's slope is the "about 0.02-0.03" for this law.
        for (const auto& [key, x] : {std::pair{"total_exponent_003_at_flops", 0.03}, std::pair{"total_exponent_002_at_flops", 0.02}}) {
            const double c_at = budget_at_total_exponent(law.value, x);
            j[key] = c_at > 0 ? Json(c_at) : Json();
        }
    } else {
        j["exponent_reducible"] = Json();
        j["exponent_total"] = Json();
        j["exponent_note"] = e.error;
    }
    j["reconciliation"] =
        "Kaplan's alpha_N = 0.076, alpha_D = 0.095 and alpha_C = 0.050 are slopes of laws with no irreducible term, "
        "so they are slopes of the whole loss. A law E + A/N^alpha + B/D^beta falls along its compute-optimal "
        "frontier as (L - E) ~ C^-(alpha·beta/(alpha+beta)) (exponent_reducible), while the whole loss falls by "
        "exponent_total = exponent_reducible x (L - E)/L, which shrinks as L nears E.";
    return R::of(j);
}

}  // namespace scaling
