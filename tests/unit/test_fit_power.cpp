// test_fit_power.cpp: `scaling fit --form power` with as few points as constants, against N alone,
// with --predict and --bootstrap; and the leave-one-budget-out backtest of the five-constant fit.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/fit.hpp"
#include "core/loss.hpp"
#include "core/requests.hpp"

using namespace scaling;
using doctest::Approx;

TEST_CASE("fit --form power: two points against N alone, the prediction, and what is refused") {
    // No D or C column: the power law in N needs neither.
    const std::string two = "N,loss\n1e8,3.5\n1e9,2.9\n";
    const auto r = fit_request({{"text", two}, {"form", "power"}, {"x", "N"}, {"predict", "1e10"}});
    REQUIRE(r.ok());
    // python3: a = math.log(3.5/2.9)/math.log(10) -> 0.08167004645; A = 3.5*1e8**a -> 15.75536308;
    // at 1e10: 2.9*10**-a -> 2.40285714 (= 2.9^2/3.5, the geometric step repeated)
    CHECK(r.value.json["pure"]["alpha"].get<double>() == Approx(0.08167004645).epsilon(1e-10));
    CHECK(r.value.json["pure"]["A"].get<double>() == Approx(15.75536308).epsilon(1e-9));
    CHECK(r.value.json["prediction"]["pure"].get<double>() == Approx(2.9 * 2.9 / 3.5).epsilon(1e-12));
    CHECK(r.value.json["saturating"].is_null());  // three constants, two points
    CHECK(r.value.json["prediction"]["extrapolation"].get<bool>() == false);
    // The five-constant form still needs D or C and five runs: refused, not fitted on less.
    const auto chin = fit_request({{"text", two}});
    CHECK_FALSE(chin.ok());
    CHECK(chin.field == "text");
    // One point: nothing to fit.
    CHECK(fit_request({{"text", "N,loss\n1e8,3.5\n"}, {"form", "power"}, {"x", "N"}}).error.find("at least 2") !=
          std::string::npos);
    // A bootstrap of three points is refused by name, never ignored.
    const auto boot = fit_request({{"text", two + "1e10,2.5\n"}, {"form", "power"}, {"x", "N"}, {"bootstrap", "100"}});
    CHECK_FALSE(boot.ok());
    CHECK(boot.field == "bootstrap");
    // Far beyond the largest N: flagged.
    const auto far = fit_request({{"text", two}, {"form", "power"}, {"x", "N"}, {"predict", "1e11"}});
    REQUIRE(far.ok());
    CHECK(far.value.json["prediction"]["extrapolation"].get<bool>());
}

TEST_CASE("fit --form power --bootstrap: intervals around the estimate, the same on every run") {
    // Eight points of 1.8 + 400 N^-0.33 exactly: the saturating form recovers it, every resample too.
    std::string text = "N,loss\n";
    for (double n : {1e7, 3e7, 1e8, 3e8, 1e9, 3e9, 1e10, 3e10})
        text += std::to_string(n) + "," + std::to_string(1.8 + 400 * std::pow(n, -0.33)) + "\n";
    const Args args = {{"text", text}, {"form", "power"}, {"x", "N"}, {"bootstrap", "50"}, {"predict", "1e11"}};
    const auto a = fit_request(args), b = fit_request(args);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a.value.json["intervals_95"] == b.value.json["intervals_95"]);
    const double alpha = a.value.json["saturating"]["alpha"].get<double>();
    CHECK(alpha == Approx(0.33).epsilon(1e-3));  // std::to_string keeps 6 decimals of the loss
    const auto& iv = a.value.json["intervals_95"]["saturating"];
    CHECK(iv["alpha"][0].get<double>() <= alpha);
    CHECK(iv["alpha"][1].get<double>() >= alpha);
    const double at = 1.8 + 400 * std::pow(1e11, -0.33);
    CHECK(iv["prediction"][0].get<double>() == Approx(at).epsilon(1e-3));
    CHECK(iv["prediction"][1].get<double>() == Approx(at).epsilon(1e-3));
    // The pure law cannot bend to a floor: its interval is wide and below the truth at 1e11.
    CHECK(a.value.json["intervals_95"]["pure"]["prediction"][1].get<double>() < at);
}

TEST_CASE("leave one budget out: exact runs at four budgets are predicted exactly, fold by fold") {
    // Five sizes at each of four IsoFLOP budgets, losses exactly on Chinchilla's rounded law: every
    // fold's refit finds the same law, so every prediction equals its run.
    const ChinchillaConstants c{1.69, 406.4, 410.7, 0.34, 0.28};
    std::vector<Run> runs;
    for (double flops : {1e18, 1e19, 1e20, 1e21})
        for (double n : {0.25, 0.5, 1.0, 2.0, 4.0}) {
            Run r;
            r.flops = flops;
            r.params = n * std::sqrt(flops / 120);
            r.tokens = flops / (6 * r.params);
            r.loss = chinchilla_loss(c, r.params, r.tokens);
            runs.push_back(r);
        }
    const auto full = fit_chinchilla(runs);
    REQUIRE(full.ok());
    const auto b = leave_one_budget_out(runs, full.value);
    REQUIRE(b.ok());
    REQUIRE(b.value.folds.size() == 4);
    for (const BacktestFold& f : b.value.folds) {
        CHECK(f.runs == 5);
        CHECK(f.flops_lo == f.flops_hi);
        CHECK(f.max_abs_error < 1e-6);
    }
    CHECK(b.value.points.size() == 20);
    // One budget only: nothing to predict it from.
    const std::vector<Run> one(runs.begin(), runs.begin() + 5);
    CHECK_FALSE(leave_one_budget_out(one, full.value).ok());
}
