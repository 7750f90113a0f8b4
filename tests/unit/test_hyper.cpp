// test_hyper.cpp: the hyper-parameter laws at a budget against values computed here by hand, and
// `scaling hyper`'s JSON keys.
#include <doctest/doctest.h>

#include <cmath>

#include "core/commands.hpp"
#include "core/hyper.hpp"
#include "core/laws.hpp"

using namespace scaling;
using doctest::Approx;

TEST_CASE("hyper: DeepSeek's learning rate and batch, Kaplan's critical batch, at Chinchilla's budget") {
    const Law* law = find_law("chinchilla-a3");
    REQUIRE(law != nullptr);
    // python3: C = 5.76e23; 0.3118*C**-0.125, 0.2920*C**0.3271 -> 3.340590951e-4, 17274959.81
    // Rounded Chinchilla constants: G = (0.34*406.4/(0.28*410.7))**(1/0.62); N = G*(C/6)**(0.28/0.62);
    // D = (C/6)**(0.34/0.62)/G -> D = 2.9823057e12, L = 1.9307481; 2e8/L**(1/0.21) = 8718300.25;
    // D / B_opt = 172637.49 steps.
    const auto h = hyper_params(*law, 5.76e23);
    REQUIRE(h.ok());
    CHECK(h.value.learning_rate == Approx(3.340590951e-4).epsilon(1e-9));
    CHECK(h.value.batch_tokens == Approx(17274959.81).epsilon(1e-9));
    CHECK(h.value.steps == Approx(172637.49).epsilon(1e-7));
    REQUIRE(h.value.has_critical_batch);
    CHECK(h.value.loss == Approx(1.9307481).epsilon(1e-7));
    CHECK(h.value.critical_batch_tokens == Approx(8718300.25).epsilon(1e-8));
    // At 1e24 the learning rate is the coefficient times 10^-3 exactly: 0.3118 (1e24)^-1/8.
    CHECK(hyper_params(*law, 1e24).value.learning_rate == Approx(3.118e-4).epsilon(1e-12));
}

TEST_CASE("hyper: an allocation-only law has no critical batch; a bad budget is refused by field") {
    const Law* ratio = find_law("ratio20");
    REQUIRE(ratio != nullptr);
    const auto h = hyper_params(*ratio, 1e22);
    REQUIRE(h.ok());
    CHECK_FALSE(h.value.has_critical_batch);
    CHECK(h.value.learning_rate > 0);
    const auto bad = hyper_params(*ratio, -1);
    CHECK_FALSE(bad.ok());
    CHECK(bad.field == "flops");
}

TEST_CASE("hyper: the command's JSON carries deepseek.learning_rate and deepseek.batch_tokens") {
    const Command* c = find_command("hyper");
    REQUIRE(c != nullptr);
    const Result<Json> r = c->run({{"flops", "1e24"}, {"law", "epoch2024"}});
    REQUIRE(r.ok());
    CHECK(r.value["deepseek"]["learning_rate"].get<double>() == Approx(3.118e-4).epsilon(1e-12));
    // python3: 0.2920*1e24**0.3271 -> 20691065.30597
    CHECK(r.value["deepseek"]["batch_tokens"].get<double>() == Approx(20691065.306).epsilon(1e-9));
    CHECK(r.value["kaplan"]["critical_batch_tokens"].get<double>() > 0);
    const Result<Json> none = c->run({{"flops", "1e24"}, {"law", "ratio20"}});
    REQUIRE(none.ok());
    CHECK(none.value["kaplan"].is_null());
}
