// test_tco.cpp: total cost of ownership and break-even (core/tco.hpp, `scaling tco`): the issue's
// worked examples, growth compounded continuously against hand computations, the over-training
// payback, the warnings, and the cost per request given per million tokens.
#include <doctest/doctest.h>

#include <cmath>

#include "core/commands.hpp"
#include "core/hardware.hpp"
#include "core/requests.hpp"
#include "core/tco.hpp"

using namespace scaling;
using doctest::Approx;

namespace {
TcoInputs example() {
    TcoInputs in;
    in.training_dollars = 10e6;
    in.dollars_per_request = 0.01;
    in.requests_per_day = 1e9;
    in.lifetime_days = 365;
    return in;
}
}  // namespace

TEST_CASE("tco: $10M training, $0.01 a request, 1e9 requests a day break even after 1e9 requests, in one day") {
    const Result<TcoResult> r = tco(example());
    REQUIRE_MESSAGE(r.ok(), r.error);
    // 10e6 / 0.01 = 1e9 requests; 1e9 / 1e9 a day = 1 day.
    CHECK(r.value.break_even_requests == Approx(1e9).epsilon(1e-12));
    CHECK(r.value.break_even_days == Approx(1).epsilon(1e-12));
    // A year: 0.01 x 1e9 x 365 = $3.65e9, 365 times the training.
    CHECK(r.value.inference_dollars_per_year == Approx(3.65e9).epsilon(1e-12));
    CHECK(r.value.inference_to_training == Approx(365).epsilon(1e-12));
    // TCO over 365 days: 1e7 + 3.65e9 = 3.66e9.
    CHECK(r.value.tco_dollars == Approx(3.66e9).epsilon(1e-12));
    CHECK(r.value.warnings.empty());
}

TEST_CASE("tco: $5M of extra training saving $0.001 a request at 1e7 requests a day saves $10K a day, paid back in 500 days") {
    TcoInputs in = example();
    in.requests_per_day = 1e7;
    in.lifetime_days = 730;
    in.extra_training_dollars = 5e6;
    in.saving_per_request = 0.001;
    const Result<TcoResult> r = tco(in);
    REQUIRE_MESSAGE(r.ok(), r.error);
    REQUIRE(r.value.has_over_training);
    CHECK(r.value.saving_dollars_per_day == Approx(1e4).epsilon(1e-12));  // 0.001 x 1e7
    CHECK(r.value.payback_requests == Approx(5e9).epsilon(1e-12));        // 5e6 / 0.001
    CHECK(r.value.payback_days == Approx(500).epsilon(1e-12));            // 5e9 / 1e7
    // Over 730 days: 0.001 x 7.3e9 - 5e6 = $2.3M saved.
    CHECK(r.value.lifetime_net_saving == Approx(2.3e6).epsilon(1e-9));
    CHECK(r.value.warnings.empty());
}

TEST_CASE("tco: a payback beyond the lifetime, or a break-even beyond it, is warned about") {
    TcoInputs in = example();
    in.requests_per_day = 1e7;
    in.extra_training_dollars = 5e6;
    in.saving_per_request = 0.001;
    in.lifetime_days = 365;  // payback after 500 days: never within this life
    const Result<TcoResult> r = tco(in);
    REQUIRE(r.ok());
    REQUIRE(r.value.warnings.size() == 1);
    CHECK(r.value.warnings[0].find("pays back after 500 days") != std::string::npos);
    CHECK(r.value.lifetime_net_saving == Approx(0.001 * 3.65e9 - 5e6).epsilon(1e-9));  // -$1.35M
    in.lifetime_days = 50;  // break-even at 1e9 / 1e7 = 100 days
    const Result<TcoResult> b = tco(in);
    REQUIRE(b.ok());
    CHECK(b.value.warnings[0].find("break-even after 100 days") != std::string::npos);
}

TEST_CASE("tco: growth compounds continuously, (1 + g) times the traffic after a year, and break-even is exact under it") {
    TcoInputs in = example();
    in.requests_per_day = 1e7;
    in.traffic_growth = 1;  // doubling a year: k = ln 2 / 365 a day
    const Result<TcoResult> r = tco(in);
    REQUIRE(r.ok());
    const double k = std::log(2.0) / 365;
    // A year: r0 (e^(365 k) - 1) / k = 1e7 x (2 - 1) / k = 1e7 x 365 / ln 2 = 5.2658e9 requests, x $0.01.
    CHECK(r.value.inference_dollars_per_year == Approx(0.01 * 1e7 * 365 / std::log(2.0)).epsilon(1e-12));
    // Break-even: 1e9 = 1e7 (e^(k t) - 1) / k -> t = ln(1 + 100 k) / k = ln(1.18990) / 0.00189903 = 91.56 days (100 flat).
    CHECK(r.value.break_even_days == Approx(std::log1p(100 * k) / k).epsilon(1e-12));
    CHECK(r.value.break_even_days == Approx(91.558).epsilon(1e-4));
    CHECK(cumulative_requests(1e7, 1, r.value.break_even_days) == Approx(1e9).epsilon(1e-12));
    // Round trip at several growths, shrinking ones included.
    for (double g : {-0.5, -0.1, 1e-9, 0.3, 5.0}) {
        CAPTURE(g);
        CHECK(days_to_requests(1e7, g, cumulative_requests(1e7, g, 200)) == Approx(200).epsilon(1e-9));
    }
}

TEST_CASE("tco: shrinking traffic that never reaches break-even says never (infinity) and warns") {
    TcoInputs in = example();
    in.requests_per_day = 1e7;
    in.traffic_growth = -0.9;  // k = ln 0.1 / 365: at most r0 / |k| = 1e7 x 158.5 = 1.585e9 requests, ever
    in.training_dollars = 20e6;  // 2e9 requests to break even
    const Result<TcoResult> r = tco(in);
    REQUIRE(r.ok());
    CHECK(std::isinf(r.value.break_even_days));
    REQUIRE(!r.value.warnings.empty());
    CHECK(r.value.warnings[0].find("never") != std::string::npos);
}

TEST_CASE("tco: refusals name the field") {
    TcoInputs in = example();
    in.dollars_per_request = 0;
    CHECK(tco(in).field == "dollars_per_request");
    in = example();
    in.traffic_growth = -1;
    CHECK(tco(in).field == "traffic_growth");
    in = example();
    in.extra_training_dollars = 5e6;  // without its saving
    CHECK(tco(in).field == "saving_per_request");
    in = example();
    in.lifetime_days = NAN;
    CHECK(tco(in).field == "lifetime_days");
}

TEST_CASE("tco: the circulating formula's consistent form gives the saving from parameters, 2 FLOP per parameter per token") {
    // 70B against 7B, 1000 tokens a request, $1e-18 a FLOP: 2 x 6.3e10 x 1e3 x 1e-18 = $1.26e-4 a request.
    CHECK(saving_per_request_from_params(70e9, 7e9, 1000, 1e-18) == Approx(1.26e-4).epsilon(1e-12));
    const Claim& c = circulating_break_even_claim();
    CHECK(std::string(c.dimensions).find("days / parameter") != std::string::npos);
}

TEST_CASE("tco command: the worked examples through the command table, and per million tokens") {
    const Command* cmd = find_command("tco");
    REQUIRE(cmd);
    Result<Json> r = cmd->run({{"training_dollars", "10M"}, {"dollars_per_request", "0.01"}, {"requests_per_day", "1e9"}});
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.value["break_even_requests"].get<double>() == Approx(1e9).epsilon(1e-12));
    CHECK(r.value["break_even_days"].get<double>() == Approx(1).epsilon(1e-12));
    CHECK(r.value["inference_dollars_per_year"].get<double>() == Approx(3.65e9).epsilon(1e-12));
    CHECK(r.value.contains("claim"));
    CHECK(!r.value.contains("payback_days"));
    // $2.5 per million tokens x 4000 tokens = $0.01 a request: the same answer.
    r = cmd->run({{"training_dollars", "10M"}, {"dollars_per_million_tokens", "2.5"}, {"tokens_per_request", "4000"},
                  {"requests_per_day", "1e9"}});
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.value["dollars_per_request"].get<double>() == Approx(0.01).epsilon(1e-12));
    CHECK(r.value["break_even_days"].get<double>() == Approx(1).epsilon(1e-12));
    r = cmd->run({{"training_dollars", "1"}, {"dollars_per_request", "0.01"}, {"requests_per_day", "1e7"},
                  {"extra_training_dollars", "5M"}, {"saving_per_request", "0.001"}, {"lifetime_days", "1000"}});
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.value["saving_dollars_per_day"].get<double>() == Approx(1e4).epsilon(1e-12));
    CHECK(r.value["payback_days"].get<double>() == Approx(500).epsilon(1e-12));
}

TEST_CASE("tco command: both forms of the cost per request at once are refused, naming them") {
    const Command* cmd = find_command("tco");
    REQUIRE(cmd);
    const Result<Json> both = cmd->run({{"training_dollars", "10M"}, {"dollars_per_request", "0.01"},
                                        {"dollars_per_million_tokens", "2"}, {"tokens_per_request", "100"},
                                        {"requests_per_day", "1e9"}});
    CHECK(!both.ok());
    CHECK(both.field == "dollars_per_request");
    CHECK(both.error.find("--dollars-per-million-tokens") != std::string::npos);
    const Result<Json> no_tokens = cmd->run({{"training_dollars", "10M"}, {"dollars_per_million_tokens", "2"},
                                             {"requests_per_day", "1e9"}});
    CHECK(no_tokens.field == "tokens_per_request");
    const Result<Json> none = cmd->run({{"training_dollars", "10M"}, {"requests_per_day", "1e9"}});
    CHECK(none.field == "dollars_per_request");
}

TEST_CASE("lifetime-cost gives the TCO view its over-training pair; budget and lifetime-cost say when prices were read") {
    const Command* cmd = find_command("lifetime_cost");
    REQUIRE(cmd);
    const Result<Json> r = cmd->run({{"loss", "2.1"}, {"requests", "1e10"}});
    REQUIRE_MESSAGE(r.ok(), r.error);
    const Json& j = r.value;
    REQUIRE(j.contains("extra_training_dollars"));
    // Extra training: the optimum's training dollars over the Chinchilla model's of the same loss.
    CHECK(j["extra_training_dollars"].get<double>() ==
          Approx(j["optimal_dollars"]["train"].get<double>() - j["chinchilla_dollars"]["train"].get<double>()).epsilon(1e-12));
    // Saving per request: the serving dollars (prefill + decode) saved, over the 1e10 requests.
    const auto serving = [&](const char* m) { return j[m]["prefill"].get<double>() + j[m]["decode"].get<double>(); };
    CHECK(j["saving_per_request"].get<double>() * 1e10 ==
          Approx(serving("chinchilla_dollars") - serving("optimal_dollars")).epsilon(1e-9));
    const Gpu& h100 = *gpu_from_id("h100-sxm").value;
    CHECK(j["prices_as_of"] == h100.price_date);
    const Result<Json> typed = cmd->run({{"loss", "2.1"}, {"requests", "1e10"}, {"train_price", "2"},
                                         {"prefill_price", "2"}, {"decode_price", "2"}});
    REQUIRE(typed.ok());
    CHECK(typed.value["prices_as_of"] == "your prices");
    const Result<Json> b = find_command("budget")->run({{"gpus", "1000"}, {"days", "60"}, {"mfu", "0.4"}});
    REQUIRE(b.ok());
    CHECK(b.value["prices_as_of"] == h100.price_date);
}
