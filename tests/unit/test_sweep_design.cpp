// test_sweep_design.cpp: the sweep designer (core/sweep_design.hpp, `scaling design`, `design-fit`):
// the design's arithmetic (budgets that sum to the study budget, 6ND = C exactly, grids centred on the
// law's optimum), Approach 2 on runs made exactly from a known law (Chinchilla's rounded constants,
// Hoffmann et al. 2022 Sec. 3.3: E 1.69, A 406.4, B 410.7, alpha 0.34, beta 0.28), its biases with
// the grid's width and an off-centre grid, and Approach 3 giving the constants back.
//
// Every pinned figure comes from an independent computation with numpy (/usr/bin/python3):
//   E,A,B,al,be = 1.69,406.4,410.7,0.34,0.28
//   nopt(C) = G (C/6)^(be/(al+be)), G = (al A/(be B))^(1/(al+be))          (Hoffmann et al. Eq. 4)
//   budgets: C_max = study / (M sum_j 10^(-span j/(K-1))), C_k = C_max 10^(-span (K-1-k)/(K-1))
//   runs: log10 N = centre(C) + w (2i/(M-1) - 1), D = C/(6N), L exact
//   Approach 2: np.polyfit(log10 N, L, 2) per budget -> vertex; np.polyfit(log10 C, log10 N_v, 1)
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "core/allocation.hpp"
#include "core/commands.hpp"
#include "core/fit.hpp"
#include "core/loss.hpp"
#include "core/requests.hpp"
#include "core/sweep_design.hpp"

using namespace scaling;
using doctest::Approx;

namespace {

const Law& chinchilla() { return *find_law("chinchilla-a3"); }

SweepSpec spec(double width = 0.5) {
    SweepSpec s;
    s.study_flops = 1e21;
    s.width_decades = width;
    return s;
}

// The default design's runs with the centre of each budget's grid moved: by a constant (`offset`
// decades) or along a line of slope `drift` in log C through the law's optimum at the smallest budget.
std::vector<Run> off_centre(double width, double offset, double drift) {
    const SweepDesign d = design_sweep(chinchilla(), spec(width)).value;
    const double c0 = d.budgets.front().flops, n0 = d.budgets.front().optimal_params;
    std::vector<Run> runs;
    for (const SweepBudget& b : d.budgets) {
        const double centre = drift > 0 ? std::log10(n0) + drift * std::log10(b.flops / c0)
                                        : std::log10(b.optimal_params) + offset;
        for (int i = 0; i < 7; ++i) {
            const double n = std::pow(10.0, centre + width * (2.0 * i / 6 - 1)), t = b.flops / (6 * n);
            runs.push_back({n, t, b.flops, chinchilla_loss(chinchilla().chinchilla, n, t), 0});
        }
    }
    return runs;
}

}  // namespace

TEST_CASE("design: 1e21 FLOP, 5 budgets over 2 decades, 7 sizes: the runs use exactly the study budget, 6ND = C") {
    REQUIRE(chinchilla().chinchilla.alpha == 0.34);
    const Result<SweepDesign> r = design_sweep(chinchilla(), spec());
    REQUIRE_MESSAGE(r.ok(), r.error);
    const SweepDesign& d = r.value;
    REQUIRE(d.budgets.size() == 5);
    REQUIRE(d.runs.size() == 35);
    // C_max = 1e21 / (7 x (1 + 10^-0.5 + 10^-1 + 10^-1.5 + 10^-2)) = 9.799162443672012e19 (python above).
    CHECK(d.budgets.back().flops == Approx(9.799162443672012e19).epsilon(1e-12));
    CHECK(d.budgets.front().flops == Approx(9.799162443672013e17).epsilon(1e-12));
    CHECK(d.total_flops == Approx(1e21).epsilon(1e-12));
    for (const SweepRun& run : d.runs) CHECK(6 * run.params * run.tokens == Approx(run.flops).epsilon(1e-12));
    // The middle run of each budget is the law's optimum: at 9.799e19, N_opt = 638,976,050.5 (python).
    CHECK(d.runs[34 - 3].params == Approx(638976050.5445781).epsilon(1e-9));
    CHECK(d.runs[34 - 3].params == Approx(d.budgets.back().optimal_params).epsilon(1e-12));
    // +-0.5 decades: the ends are N_opt / 10^0.5 and N_opt x 10^0.5.
    CHECK(d.runs[34].params / d.runs[28].params == Approx(10.0).epsilon(1e-12));
    // Loss at the smallest budget's smallest model: 0.12079 nats above the optimum's (python above).
    CHECK(d.runs[0].loss - d.budgets.front().optimal_loss == Approx(0.12079202673530931).epsilon(1e-9));
    // chinchilla-a3 was fitted on 6e18..3e21: the largest budget (9.8e19) is inside, so no warning of it.
    CHECK(d.beyond_fitted == 0);
}

TEST_CASE("design-fit: Approach 2 on the law's exact losses gives back a = beta/(alpha+beta) at the default width") {
    const SweepDesign d = design_sweep(chinchilla(), spec()).value;
    REQUIRE(d.has_check);
    // a = 0.28 / 0.62 = 0.45161290322580644; Approach 2 gives it back to 1e-12 in numpy; we ask 1e-6.
    CHECK(d.a_law == Approx(0.45161290322580644).epsilon(1e-9));
    CHECK(d.a_recovered == Approx(0.45161290322580644).epsilon(1e-6));
    // Its N_opt is 1.0104x the law's (the parabola's vertex; python: 1.0103622285977627).
    CHECK(d.vertex_ratio == Approx(1.0103622285977627).epsilon(1e-6));
}

TEST_CASE("Approach 2's vertex moves further off the optimum as the grid widens; the exponent stays") {
    // python: widths 0.25, 0.5, 1.0, 1.5 -> vertex / N_opt at the largest budget 1.0025806150768006,
    // 1.0103622285977627, 1.0420928590749736, 1.0971861986383489; a = 0.451613 at every width.
    const double widths[] = {0.25, 0.5, 1.0, 1.5};
    const double ratios[] = {1.0025806150768006, 1.0103622285977627, 1.0420928590749736, 1.0971861986383489};
    double last = 1;
    for (int i = 0; i < 4; ++i) {
        const SweepDesign d = design_sweep(chinchilla(), spec(widths[i])).value;
        CAPTURE(widths[i]);
        CHECK(d.vertex_ratio == Approx(ratios[i]).epsilon(1e-6));
        CHECK(d.vertex_ratio > last);
        CHECK(d.a_recovered == Approx(0.45161290322580644).epsilon(1e-6));
        last = d.vertex_ratio;
    }
}

TEST_CASE("an off-centre grid moves the vertex by a constant; one that drifts with C biases the exponent") {
    // Constant offsets of -0.3 and +0.3 decades: vertex / N_opt 0.9892449939973966 and 1.0028917782920252
    // at every budget (python), a unchanged.
    // Plain names, not a structured binding: clang 14 (the web build) cannot capture one in doctest's lambdas.
    for (const auto& p : {std::pair{-0.3, 0.9892449939973966}, std::pair{0.3, 1.0028917782920252}}) {
        const double offset = p.first, ratio = p.second;
        const Result<Approach2Fit> f = fit_approach2(off_centre(0.5, offset, 0));
        REQUIRE_MESSAGE(f.ok(), f.error);
        CAPTURE(offset);
        CHECK(f.value.used == 5);
        CHECK(f.value.a == Approx(0.45161290322580644).epsilon(1e-6));
        const SweepDesign d = design_sweep(chinchilla(), spec()).value;
        CHECK(f.value.budgets.back().params_opt / d.budgets.back().optimal_params == Approx(ratio).epsilon(1e-6));
        CHECK(f.value.b == Approx(1 - f.value.a).epsilon(1e-9));  // D = C / 6N
    }
    // Grids centred on a line of slope 0.6 (a law with a wrong exponent) through the smallest budget's
    // optimum: a = 0.44992008045758514 at width 0.5 and 0.4476237657049474 at width 1.0 (python), below
    // the truth's 0.4516, and more so for the wider grid.
    const Result<Approach2Fit> narrow = fit_approach2(off_centre(0.5, 0, 0.6));
    const Result<Approach2Fit> wide = fit_approach2(off_centre(1.0, 0, 0.6));
    REQUIRE(narrow.ok());
    REQUIRE(wide.ok());
    CHECK(narrow.value.a == Approx(0.44992008045758514).epsilon(1e-6));
    CHECK(wide.value.a == Approx(0.4476237657049474).epsilon(1e-6));
}

TEST_CASE("design-fit groups runs into budgets by C = 6ND when N and D are rounded to three figures") {
    std::vector<Run> runs;
    const SweepDesign d = design_sweep(chinchilla(), spec()).value;
    for (const SweepRun& s : d.runs) {
        const double n = std::stod(format_significant(s.params, 3)), t = std::stod(format_significant(s.tokens, 3));
        runs.push_back({n, t, 6 * n * t, chinchilla_loss(chinchilla().chinchilla, n, t), 0});
    }
    const Result<Approach2Fit> f = fit_approach2(runs);
    REQUIRE_MESSAGE(f.ok(), f.error);
    CHECK(f.value.budgets.size() == 5);
    CHECK(f.value.used == 5);
    // python (the same rounding, regressed on the nominal budgets): a = 0.45194871501655454; the groups'
    // own mean C differ from the nominal by under 0.1%, so within 1e-3 of the law's 0.4516.
    CHECK(f.value.a == Approx(0.45161290322580644).epsilon(2e-3));
}

TEST_CASE("Approach 3 on the 35 exact runs gives back Chinchilla's constants") {
    const SweepDesign d = design_sweep(chinchilla(), spec()).value;
    std::vector<Run> runs;
    for (const SweepRun& s : d.runs) runs.push_back({s.params, s.tokens, s.flops, s.loss, 0});
    const Result<FitResult> f = fit_chinchilla(runs);
    REQUIRE_MESSAGE(f.ok(), f.error);
    // Exact data: the Huber objective's minimum is the truth. Tolerances: 1e-4 on E and the exponents,
    // 1e-3 on A and B (they trade off with the exponents: fit.hpp).
    CHECK(f.value.c.E == Approx(1.69).epsilon(1e-4));
    CHECK(f.value.c.alpha == Approx(0.34).epsilon(1e-4));
    CHECK(f.value.c.beta == Approx(0.28).epsilon(1e-4));
    CHECK(f.value.c.A == Approx(406.4).epsilon(1e-3));
    CHECK(f.value.c.B == Approx(410.7).epsilon(1e-3));
    CHECK(f.value.a_exp == Approx(0.45161290322580644).epsilon(1e-4));
}

TEST_CASE("design refuses what cannot make a sweep, naming the field") {
    const auto refused = [](Args args, const char* field) {
        args["study_flops"] = args.count("study_flops") ? args["study_flops"] : "1e21";
        const Result<Json> r = design_request(args);
        CAPTURE(field);
        CHECK_FALSE(r.ok());
        CHECK(r.field == field);
        return r.error;
    };
    CHECK(refused({{"span_decades", "1"}}, "span_decades").find("at least 1.5 decades") != std::string::npos);
    refused({{"study_flops", "-1e21"}}, "study_flops");
    refused({{"models_per_budget", "0"}}, "models_per_budget");
    refused({{"budgets", "2"}}, "budgets");
    refused({{"width_decades", "abc"}}, "width_decades");
    refused({{"law", "deepseek2024"}}, "law");  // no parameter count without M/N
}

TEST_CASE("scaling design --json: runs with params, tokens, flops, loss, budget_index; budgets; the check") {
    const Result<Json> r = design_request({{"study_flops", "1e21"}, {"law", "chinchilla-a3"}});
    REQUIRE_MESSAGE(r.ok(), r.error);
    const Json& j = r.value;
    for (const char* key : {"runs", "budgets", "study_flops", "largest_budget", "approach2_check", "biases", "warnings"})
        CHECK_MESSAGE(j.contains(key), key);
    REQUIRE(j["runs"].size() == 35);
    const Json& run = j["runs"][0];
    for (const char* key : {"params", "tokens", "flops", "loss", "budget_index"}) CHECK_MESSAGE(run.contains(key), key);
    CHECK(6 * run["params"].get<double>() * run["tokens"].get<double>() == Approx(run["flops"].get<double>()).epsilon(1e-12));
    // A target 100x beyond the largest budget is said to be an extrapolation.
    const Result<Json> far = design_request({{"study_flops", "1e21"}, {"target_flops", "9.8e21"}});
    REQUIRE(far.ok());
    CHECK(far.value["extrapolation"]["factor"].get<double>() == Approx(100).epsilon(1e-3));
    CHECK(far.value["warnings"].size() >= 1);
}

TEST_CASE("the design's CSV reads back through parse_runs and fits both ways") {
    const SweepDesign d = design_sweep(chinchilla(), spec()).value;
    const std::string csv = sweep_csv(d);
    const Result<Json> r = design_fit_request({{"text", csv}});
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.value["runs"].get<int>() == 35);
    CHECK(r.value["approach2"]["a"].get<double>() == Approx(0.45161290322580644).epsilon(1e-5));
    CHECK(r.value["approach3"]["a"].get<double>() == Approx(0.45161290322580644).epsilon(1e-4));
    CHECK(r.value["approach2"]["budgets"].size() == 5);
}
