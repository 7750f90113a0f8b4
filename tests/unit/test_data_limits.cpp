// test_data_limits.cpp: Muennighoff et al. 2023's repeated-data model (core/data_limits.hpp) against
// worked values from their printed constants, and the properties the data-limits view relies on.
#include <doctest/doctest.h>

#include <cmath>

#include "core/allocation.hpp"
#include "core/data_limits.hpp"
#include "core/loss.hpp"
#include "core/requests.hpp"
#include "printed.hpp"

using namespace scaling;
using doctest::Approx;

namespace {
const Law& muennighoff() { return *find_law("muennighoff2023"); }
}  // namespace

TEST_CASE("effective data at 4, 16 and 40 epochs: 3.73, 10.58 and 15.17 times U") {
    const double U = 25e9;
    // Printed to two decimals of a multiple of U: the tolerance is that printing.
    CHECK(effective_data(4 * U, U) / U == Approx(3.73).epsilon(0.005 / 3.73));
    CHECK(effective_data(16 * U, U) / U == Approx(10.58).epsilon(0.005 / 10.58));
    CHECK(effective_data(40 * U, U) / U == Approx(15.17).epsilon(0.005 / 15.17));
}

TEST_CASE("one epoch loses nothing; repetition never gives more than 16.39 U") {
    const double U = 1e10;
    CHECK(effective_data(U, U) == U);
    CHECK(effective_data(0.3 * U, U) == 0.3 * U);  // part of the data, seen once
    CHECK(effective_params(5e8, 1e9) == 5e8);
    CHECK((1 + kRStarData) == Approx(16.39).epsilon(0.005 / 16.39));
    double last = 0;
    for (double epochs = 1; epochs <= 1e6; epochs *= 1.5) {
        const double d = effective_data(epochs * U, U);
        CHECK(d >= last);                         // more repetition never removes data
        CHECK(d <= (1 + kRStarData) * U);         // and never passes the ceiling,
        if (epochs < 100) CHECK(d < (1 + kRStarData) * U);  // reached only in the limit (here: rounding)
        last = d;
    }
    CHECK(last / U == Approx(1 + kRStarData).epsilon(1e-9));  // approached at many epochs
}

TEST_CASE("U_N is about 0.051 U under their C4 fit, and the loss with one epoch is the law's") {
    const ChinchillaConstants& c = muennighoff().chinchilla;
    CHECK(unique_params(c, 1e11) / 1e11 == Approx(0.051).epsilon(0.0005 / 0.051));
    // U_N is the compute-optimal N for D = U: the law's own split at that budget agrees.
    const double U = 3e11;
    const double n = unique_params(c, U);
    const Split s = chinchilla_optimal_split(c, 6 * n * U);
    CHECK(s.params == Approx(n).epsilon(1e-9));
    CHECK(s.tokens == Approx(U).epsilon(1e-9));
    // At most one pass and N within what U feeds: nothing decays.
    CHECK(repeated_loss(c, n, U, U) == Approx(chinchilla_loss(c, n, U)).epsilon(1e-12));
}

TEST_CASE("at a fixed model, loss with more repetition never beats the ceiling, and stops improving") {
    const ChinchillaConstants& c = muennighoff().chinchilla;
    const double U = 1e10, N = 5e8;  // N within U_N = 5.1e8: only the data decays
    const double floor = chinchilla_loss(c, N, (1 + kRStarData) * U);
    double last = INFINITY;
    for (double epochs = 1; epochs <= 1e5; epochs *= 2) {
        const double l = repeated_loss(c, N, epochs * U, U);
        CHECK(l <= last + 1e-15);  // still non-increasing in D at fixed N
        CHECK(l >= floor);         // but never past what 16.39 U of fresh data would give
        if (epochs < 100) CHECK(l > floor);
        last = l;
    }
    CHECK(last == Approx(floor).epsilon(1e-9));
}

TEST_CASE("a binding data limit: the data-constrained optimum beats both one epoch and the repeated Chinchilla split") {
    // 1e22 FLOP wants ~200B tokens under their fit; 25B unique tokens are far short.
    const Result<DataPlan> r = plan_data(muennighoff(), 1e22, 25e9);
    REQUIRE(r.ok());
    const DataPlan& p = r.value;
    CHECK(p.data_binding);
    CHECK(p.unconstrained.epochs > 1);
    CHECK(p.one_epoch.epochs == 1);
    CHECK(p.one_epoch.tokens == 25e9);
    CHECK(6 * p.one_epoch.params * p.one_epoch.tokens == Approx(1e22));
    CHECK(6 * p.optimum.params * p.optimum.tokens == Approx(1e22));
    CHECK(p.optimum.loss <= p.one_epoch.loss);
    CHECK(p.optimum.loss <= p.unconstrained.loss);
    CHECK(p.optimum.loss < p.unconstrained.loss - 1e-4);  // strictly: the naive split over-repeats
    // It is a minimum along the budget: a little more or less repetition costs loss.
    for (double f : {0.9, 1.1})
        CHECK(at_epochs(muennighoff().chinchilla, 1e22, 25e9, p.optimum.epochs * f).loss > p.optimum.loss);
    // Repetition can only cost: the same N and D on fresh data do at least as well.
    CHECK(p.optimum.fresh_loss <= p.optimum.loss);
    CHECK(p.ceiling_tokens == Approx(16.387756 * 25e9));
}

TEST_CASE("data enough for the budget: the optimum is the law's own compute-optimal split") {
    const Result<DataPlan> r = plan_data(muennighoff(), 1e20, 1e12);
    REQUIRE(r.ok());
    CHECK_FALSE(r.value.data_binding);
    const Split s = chinchilla_optimal_split(muennighoff().chinchilla, 1e20);
    CHECK(r.value.optimum.params == Approx(s.params).epsilon(1e-5));
    CHECK(r.value.optimum.loss == Approx(chinchilla_loss(muennighoff().chinchilla, s.params, s.tokens)).epsilon(1e-10));
}

TEST_CASE("data and loss requests: bad input is refused by field; a law without the form is refused") {
    CHECK(data_request({{"flops", "1e22"}}).field == "unique_tokens");
    CHECK(data_request({{"flops", "-1"}, {"unique_tokens", "25B"}}).field == "flops");
    CHECK(data_request({{"flops", "1e22"}, {"unique_tokens", "abc"}}).field == "unique_tokens");
    CHECK(data_request({{"flops", "1e22"}, {"unique_tokens", "1e400"}}).field == "unique_tokens");
    CHECK(data_request({{"flops", "1e22"}, {"unique_tokens", "25B"}, {"law", "llama3"}}).field == "law");
    const Result<Json> ok = data_request({{"flops", "1e22"}, {"unique_tokens", "25B"}});
    REQUIRE(ok.ok());
    CHECK(ok.value.contains("data_constrained_optimum"));

    const Result<Allocation> a =
        loss_request({{"law", "muennighoff2023"}, {"params", "1B"}, {"tokens", "100B"}, {"unique_tokens", "25B"}});
    REQUIRE(a.ok());
    CHECK(a.value.has_unique);
    CHECK(a.value.epochs == 4);
    CHECK(a.value.effective_tokens / 25e9 == Approx(3.73).epsilon(0.005 / 3.73));
    CHECK(a.value.loss == Approx(repeated_loss(muennighoff().chinchilla, 1e9, 1e11, 25e9)));
    CHECK(a.value.loss > loss_request({{"law", "muennighoff2023"}, {"params", "1B"}, {"tokens", "100B"}}).value.loss);
    CHECK(loss_request({{"law", "kaplan2020"}, {"params", "1B"}, {"tokens", "100B"}, {"unique_tokens", "25B"}}).field == "law");
    CHECK(loss_request({{"params", "1B"}, {"tokens", "100B"}, {"unique_tokens", "0"}}).field == "unique_tokens");
}
