// test_requests.cpp: the text-in, JSON-out layer that the CLI and the JS API share: the keys,
// the omitted loss, and errors that name the field at fault.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/requests.hpp"

using namespace scaling;
using nlohmann::json;

TEST_CASE("optimal_request reads suffixes and returns the issue's JSON keys") {
    const Result<Allocation> r = optimal_request("5.76e23 FLOP", "chinchilla-a3");
    REQUIRE(r.ok());
    const json j = json::parse(to_json(r.value));
    CHECK(j["law"] == "chinchilla-a3");
    CHECK(j["flops"].get<double>() == 5.76e23);
    CHECK(j["params"].get<double>() == doctest::Approx(3.22e10).epsilon(2e-3));
    CHECK(j["tokens"].get<double>() == doctest::Approx(2.98e12).epsilon(2e-3));
    CHECK(j.contains("tokens_per_param"));
    CHECK(j.contains("loss"));
    CHECK(j.size() == 6);
}

TEST_CASE("a law without a loss form has no loss key: none is invented") {
    const Result<Allocation> r = optimal_request("1e24", "ratio20");
    REQUIRE(r.ok());
    const json j = json::parse(to_json(r.value));
    CHECK_FALSE(j.contains("loss"));
    CHECK(j.size() == 5);
    const Result<Allocation> l = loss_request("70B", "1.4T", "ratio20");
    CHECK_FALSE(l.ok());
    CHECK(l.field == "law");
}

TEST_CASE("loss_request: 70B params on 1.4T tokens under Chinchilla is 1.9366") {
    const Result<Allocation> r = loss_request("70B", "1.4T", "chinchilla-a3");
    REQUIRE(r.ok());
    CHECK(std::fabs(r.value.loss - 1.9366) < 5e-5);
    CHECK(r.value.flops == doctest::Approx(6 * 70e9 * 1.4e12).epsilon(1e-12));
}

TEST_CASE("errors name the field at fault") {
    struct Case { const char* flops; const char* law; const char* field; const char* says; };
    const Case cases[] = {
        {"-5", "chinchilla-a3", "flops", "negative"},
        {"abc", "chinchilla-a3", "flops", "not a number"},
        {"1e400", "chinchilla-a3", "flops", "too large"},
        {"0", "chinchilla-a3", "flops", "zero"},
        {"70B tokens", "chinchilla-a3", "flops", "expected FLOP"},
        {"1e24", "nope", "law", "valid ids: chinchilla-a3"},
        {"1e24", "", "law", "empty"},
    };
    for (const Case& c : cases) {
        const Result<Allocation> r = optimal_request(c.flops, c.law);
        CAPTURE(c.flops);
        CAPTURE(c.law);
        CHECK_FALSE(r.ok());
        CHECK(r.field == c.field);
        CHECK_MESSAGE(r.error.find(c.says) != std::string::npos, r.error);
    }
    CHECK(loss_request("70B", "-1", "chinchilla-a3").field == "tokens");
    CHECK(loss_request("x", "1T", "chinchilla-a3").field == "params");
}

TEST_CASE("error_json is one object with the field and the message") {
    const json j = json::parse(error_json("flops", "is negative"));
    CHECK(j["error"] == "flops: is negative");
    CHECK(j["field"] == "flops");
}

TEST_CASE("laws_json lists every law with its citation and constants") {
    const json j = json::parse(laws_json());
    REQUIRE(j.is_array());
    CHECK(j.size() == all_laws().size());
    for (const json& l : j) {
        CHECK(l.contains("id"));
        CHECK(l.contains("citation"));
        CHECK(l.contains("constants"));
        CHECK(l.contains("has_loss"));
    }
    CHECK(j[0]["constants"]["alpha"].get<double>() == 0.34);
}
