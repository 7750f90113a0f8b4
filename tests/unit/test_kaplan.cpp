// test_kaplan.cpp: Kaplan et al. 2020's single-variable laws at hand-computed points, the
// loss-vs-compute exponents against a finite difference taken here on the law's own optimum, the
// issue's ranges checked on the project's laws, `scaling kaplan`'s JSON, and the emergence catalogue.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <string>

#include "core/allocation.hpp"
#include "core/emergence_catalog.hpp"
#include "core/kaplan.hpp"
#include "core/laws.hpp"
#include "core/requests.hpp"

using namespace scaling;
using doctest::Approx;

namespace {
const Law& law(const char* id) {
    const Law* l = find_law(id);
    REQUIRE(l != nullptr);
    return *l;
}
// -d ln(f)/d ln C by central difference on the law's own optimum: ln C +- h, f = L - shift.
double slope(const Law& l, double flops, double shift) {
    const double h = 1e-4;
    const auto up = optimal(l, flops * std::exp(h)), down = optimal(l, flops * std::exp(-h));
    REQUIRE(up.ok());
    REQUIRE(down.ok());
    return -(std::log(up.value.loss - shift) - std::log(down.value.loss - shift)) / (2 * h);
}
}  // namespace

TEST_CASE("kaplan: the single-variable laws at hand-computed points (Eq. 1.1-1.3, Table 2 constants)") {
    const KaplanConstants& k = law("kaplan2020").kaplan;
    // python3 -c "print((8.8e13/1e9)**0.076, (5.4e13/1e10)**0.095, (3.1e8/1)**0.05, (8.8e13/1.5e9)**0.076)"
    // -> 2.3756402951345246 2.2624417538197132 2.6580802262455236 2.3035505519976587
    const KaplanSingle s = kaplan_single(k, 1e9, 1e10, 1);
    CHECK(s.loss_n == Approx(2.3756403).epsilon(1e-7));
    CHECK(s.loss_d == Approx(2.2624418).epsilon(1e-7));
    CHECK(s.loss_c == Approx(2.6580802).epsilon(1e-7));
    // ../shared/REFERENCES.md's worked value: L(N = 1.5e9) = 2.3036.
    CHECK(kaplan_single(k, 1.5e9, 1e10, 1).loss_n == Approx(2.3036).epsilon(1e-4));
}

TEST_CASE("kaplan: the command reads compute as FLOP or PF-days (1 PF-day = 8.64e19 FLOP), never both") {
    const auto by_flops = kaplan_request({{"params", "1B"}, {"tokens", "1e10"}, {"flops", "8.64e19"}});
    REQUIRE(by_flops.ok());
    CHECK(by_flops.value["pf_days"].get<double>() == Approx(1).epsilon(1e-12));
    CHECK(by_flops.value["loss_c"].get<double>() == Approx(2.6580802).epsilon(1e-7));
    CHECK(by_flops.value["loss_n"].get<double>() == Approx(2.3756403).epsilon(1e-7));
    const auto by_days = kaplan_request({{"pf_days", "1"}});
    REQUIRE(by_days.ok());
    CHECK(by_days.value["flops"].get<double>() == Approx(8.64e19).epsilon(1e-12));
    CHECK(by_days.value["constants"]["alpha_C"].get<double>() == 0.05);
    const auto both = kaplan_request({{"pf_days", "1"}, {"flops", "1e20"}});
    CHECK(!both.ok());
    CHECK(both.field == "pf_days");
    CHECK(kaplan_request({{"params", "0"}}).field == "params");
    CHECK(kaplan_request({{"tokens", "abc"}}).field == "tokens");
    CHECK(kaplan_request({{"flops", "1e400"}}).field == "flops");
}

TEST_CASE("kaplan: the frontier's exponents match a finite difference of the law's own optimum") {
    for (const char* id : {"epoch2024", "chinchilla-a3", "chinchilla-a3-exact"}) {
        CAPTURE(id);
        const Law& l = law(id);
        for (double c : {1e20, 1e22, 5.76e23, 1e26}) {
            CAPTURE(c);
            const auto e = frontier_exponents(l, c);
            REQUIRE(e.ok());
            CHECK(e.value.exponent_reducible == Approx(slope(l, c, l.chinchilla.E)).epsilon(1e-6));
            CHECK(e.value.exponent_total == Approx(slope(l, c, 0)).epsilon(1e-6));
        }
    }
}

TEST_CASE("kaplan: the issue's ranges on the project's laws: 0.15-0.18 without E holds, 0.02-0.03 with E only near 1e22-1e23") {
    // alpha·beta/(alpha + beta): python3 -c "print(0.3478*0.3658/0.7136, 0.34*0.28/0.62)" -> 0.17828649 0.15354839
    const auto epoch = frontier_exponents(law("epoch2024"), 1e24), a3 = frontier_exponents(law("chinchilla-a3"), 1e24);
    REQUIRE(epoch.ok());
    REQUIRE(a3.ok());
    CHECK(epoch.value.exponent_reducible == Approx(0.17828649).epsilon(1e-7));
    CHECK(a3.value.exponent_reducible == Approx(0.15354839).epsilon(1e-7));
    // With E, epoch2024 (E = 1.8172): 0.17828649 x (L - E)/L at the optimum, L from the closed form
    // (python3: G=(a*A/(b*B))**(1/(a+b)); N=G*(C/6)**(b/(a+b)); D=(C/6)**(a/(a+b))/G; L=E+A/N**a+B/D**b):
    // 1e22 -> L = 2.1411, 0.0270; 1e23 -> 2.0321, 0.0189; 1e24 -> 1.9597, 0.01297; 1e26 -> 1.8799, 0.00595.
    CHECK(epoch.value.loss == Approx(1.95971).epsilon(1e-5));
    CHECK(epoch.value.exponent_total == Approx(0.0129652).epsilon(1e-5));
    CHECK(frontier_exponents(law("epoch2024"), 1e22).value.exponent_total == Approx(0.0270).epsilon(2e-3));
    CHECK(frontier_exponents(law("epoch2024"), 1e23).value.exponent_total == Approx(0.0189).epsilon(3e-3));
    CHECK(frontier_exponents(law("epoch2024"), 1e26).value.exponent_total == Approx(0.00595).epsilon(2e-3));
}

TEST_CASE("kaplan: the budgets where the whole loss's slope is 0.03 and 0.02 on epoch2024: 4.9e21 and 6.9e22 FLOP") {
    // Bisection on the closed form in python (the formula of the test above):
    // 0.03 -> 4.915027812975307e21, 0.02 -> 6.8894312122232225e22.
    const Law& l = law("epoch2024");
    const double c3 = budget_at_total_exponent(l, 0.03), c2 = budget_at_total_exponent(l, 0.02);
    CHECK(c3 == Approx(4.915028e21).epsilon(1e-5));
    CHECK(c2 == Approx(6.889431e22).epsilon(1e-5));
    CHECK(frontier_exponents(l, c3).value.exponent_total == Approx(0.03).epsilon(1e-9));
    // None for a law without E, nor for a slope above alpha·beta/(alpha+beta).
    CHECK(budget_at_total_exponent(law("kaplan2020"), 0.03) == 0);
    CHECK(budget_at_total_exponent(l, 0.2) == 0);
    const auto j = kaplan_request({});
    REQUIRE(j.ok());
    CHECK(j.value["total_exponent_002_at_flops"].get<double>() == Approx(6.889431e22).epsilon(1e-5));
}

TEST_CASE("kaplan: a law with no irreducible term has no exponent to set apart; the command says so and still answers") {
    const auto e = frontier_exponents(law("kaplan2020"), 1e24);
    CHECK(!e.ok());
    CHECK(e.field == "law");
    const auto j = kaplan_request({{"law", "kaplan2020"}});
    REQUIRE(j.ok());
    CHECK(j.value["exponent_reducible"].is_null());
    CHECK(j.value["exponent_note"].get<std::string>().find("irreducible") != std::string::npos);
}

TEST_CASE("emergence catalogue: every row has a source; disagreements are marked where rows differ") {
    int rows = 0;
    for (const EmergenceClaim& c : emergence_claims()) {
        CAPTURE(c.ability);
        CHECK(std::strlen(c.source) > 10);
        ++rows;
    }
    CHECK(rows >= 14);
    const auto disputed = [](const char* ability, const char* scale_start) {
        for (const EmergenceClaim& c : emergence_claims())
            if (std::strcmp(c.ability, ability) == 0 && std::strncmp(c.scale, scale_start, std::strlen(scale_start)) == 0)
                return claim_disputed(c) ? 1 : 0;
        return -1;  // no such row
    };
    // 68B and 100B against 10B: disagree. Wei et al.'s 68B against the CoT paper's 100B alone would not (1.5x).
    CHECK(disputed("Chain-of-thought prompting", "68B") == 1);
    CHECK(disputed("Instruction following", "68B") == 0);                  // one row
    CHECK(disputed("Self-consistency", "68B") == 1);                       // against "no threshold"
    CHECK(disputed("Theory of mind", "GPT-3") == 1);                       // Kosinski against Ullman
    CHECK(disputed("Theory of mind", "not shown") == 1);
    CHECK(disputed("Code generation", "no threshold: Codex") == 0);        // two rows, neither with a threshold
    CHECK(disputed("Word manipulation: unscrambling", "137B") == 0);       // one row; letter counting is its own
    CHECK(disputed("Word manipulation: letter counting", "no threshold") == 0);
}

TEST_CASE("emergence: the command lists the catalogue and grokking's example (Power et al. 2022, Fig. 1)") {
    const auto j = emergence_request({});
    REQUIRE(j.ok());
    CHECK(j.value["claims"].size() == emergence_claims().size());
    CHECK(j.value["grokking"]["train_near_perfect_steps"].get<double>() == 1e3);
    CHECK(j.value["grokking"]["first_generalisation_steps"].get<double>() == 1e5);
    CHECK(j.value["grokking"]["validation_near_perfect_steps"].get<double>() == 1e6);
    CHECK(j.value["grokking"]["source"].get<std::string>().find("2201.02177") != std::string::npos);
}
