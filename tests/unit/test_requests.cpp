// test_requests.cpp: the text-in, JSON-out layer that the CLI and the JS API share: the keys,
// the omitted loss, and errors that name the field at fault.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cmath>

#include "core/caveats.hpp"
#include "core/requests.hpp"

using namespace scaling;
using nlohmann::json;

TEST_CASE("optimal_request reads suffixes and returns the issue's JSON keys") {
    const Result<Allocation> r = optimal_request({{"flops", "5.76e23 FLOP"}, {"law", "chinchilla-a3"}});
    REQUIRE(r.ok());
    const json j = json::parse(dump(allocation_json(r.value)));
    CHECK(j["law"] == "chinchilla-a3");
    CHECK(j["flops"].get<double>() == 5.76e23);
    CHECK(j["params"].get<double>() == doctest::Approx(3.22e10).epsilon(2e-3));
    CHECK(j["tokens"].get<double>() == doctest::Approx(2.98e12).epsilon(2e-3));
    CHECK(j.contains("tokens_per_param"));
    CHECK(j.contains("loss"));
    // What the UI says beside the answer: 5.76e23 is beyond the budgets Approach 3 was fitted on.
    CHECK(j["extrapolated"] == true);
    CHECK(j["fitted_flops"] == json::array({6e18, 3e21}));
    REQUIRE(j["warnings"].size() == 1);
    CHECK(j["warnings"][0].get<std::string>().find("an extrapolation") != std::string::npos);
    CHECK(j.size() == 9);
}

TEST_CASE("a law without a loss form has no loss key: none is invented") {
    const Result<Allocation> r = optimal_request({{"flops", "1e24"}, {"law", "ratio20"}});
    REQUIRE(r.ok());
    const json j = json::parse(dump(allocation_json(r.value)));
    CHECK_FALSE(j.contains("loss"));
    CHECK(j["extrapolated"] == false);
    CHECK(j["fitted_flops"].is_null());  // a rule of thumb states no fitted range
    CHECK(j.size() == 8);
    const Result<Allocation> l = loss_request({{"params", "70B"}, {"tokens", "1.4T"}, {"law", "ratio20"}});
    CHECK_FALSE(l.ok());
    CHECK(l.field == "law");
}

TEST_CASE("loss_request: 70B params on 1.4T tokens under Chinchilla is 1.9366") {
    const Result<Allocation> r = loss_request({{"params", "70B"}, {"tokens", "1.4T"}, {"law", "chinchilla-a3"}});
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
        const Result<Allocation> r = optimal_request({{"flops", c.flops}, {"law", c.law}});
        CAPTURE(c.flops);
        CAPTURE(c.law);
        CHECK_FALSE(r.ok());
        CHECK(r.field == c.field);
        CHECK_MESSAGE(r.error.find(c.says) != std::string::npos, r.error);
    }
    CHECK(loss_request({{"params", "70B"}, {"tokens", "-1"}}).field == "tokens");
    CHECK(loss_request({{"params", "x"}, {"tokens", "1T"}}).field == "params");
}

TEST_CASE("error_json is one object with the field and the message") {
    const json j = json::parse(dump(error_json("flops", "is negative")));
    CHECK(j["error"] == "flops: is negative");
    CHECK(j["field"] == "flops");
}

TEST_CASE("laws_json lists every law with its citation and constants") {
    const json j = json::parse(dump(laws_json()));
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

TEST_CASE("the custom law takes its constants from the arguments; other laws refuse them") {
    const Result<Allocation> r = loss_request({{"params", "70B"}, {"tokens", "1T"}, {"law", "custom"}, {"E", "1.69"},
                                               {"A", "406.4"}, {"B", "410.7"}, {"alpha", "0.336"}, {"beta", "0.283"}});
    REQUIRE(r.ok());
    CHECK(std::fabs(r.value.loss - 1.947) < 5e-4);  // Sardana et al. 2024's worked value
    const Result<Allocation> changed = loss_request({{"params", "70B"}, {"tokens", "1T"}, {"law", "custom"}, {"E", "2.5"}});
    REQUIRE(changed.ok());
    CHECK(changed.value.loss == doctest::Approx(r.value.loss + 0.81).epsilon(1e-9));
    CHECK(loss_request({{"params", "70B"}, {"tokens", "1T"}, {"law", "custom"}, {"alpha", "-1"}}).field == "alpha");
    CHECK(loss_request({{"params", "70B"}, {"tokens", "1T"}, {"law", "custom"}, {"A", "abc"}}).field == "A");
    const Result<Allocation> refused = optimal_request({{"flops", "1e24"}, {"law", "epoch2024"}, {"E", "1.5"}});
    CHECK(refused.field == "E");
    CHECK(refused.error.find("only --law custom") != std::string::npos);
}

TEST_CASE("deepseek2024 answers in FLOP per token unless M/N is given") {
    const Result<Allocation> m = optimal_request({{"flops", "1e24"}, {"law", "deepseek2024"}});
    REQUIRE(m.ok());
    const json j = json::parse(dump(allocation_json(m.value)));
    CHECK_FALSE(j.contains("params"));
    CHECK_FALSE(j.contains("tokens_per_param"));
    CHECK(j.contains("flops_per_token"));
    const Result<Allocation> n = optimal_request({{"flops", "1e24"}, {"law", "deepseek2024"}, {"m_over_n", "6.5"}});
    REQUIRE(n.ok());
    CHECK(n.value.params == doctest::Approx(m.value.flops_per_token / 6.5).epsilon(1e-12));
    CHECK(optimal_request({{"flops", "1e24"}, {"law", "epoch2024"}, {"m_over_n", "6"}}).field == "m_over_n");
    CHECK(optimal_request({{"flops", "1e24"}, {"law", "deepseek2024"}, {"m_over_n", "0"}}).field == "m_over_n");
}

TEST_CASE("call_json: the JS API's entry validates the command and argument names") {
    const json ok = json::parse(call_json("optimal", R"({"flops":"1e24","law":"epoch2024"})"));
    CHECK(ok["law"] == "epoch2024");
    CHECK(json::parse(call_json("optimal", R"({"flop":"1e24"})"))["error"].get<std::string>().find("unknown argument") != std::string::npos);
    CHECK(json::parse(call_json("optimal", R"({"flops":1e24})"))["field"] == "flops");  // numbers arrive as text
    CHECK(json::parse(call_json("optimal", "[1]")).contains("error"));
    CHECK(json::parse(call_json("optimal", "{not json")).contains("error"));
    CHECK(json::parse(call_json("nope", "{}"))["error"].get<std::string>().find("unknown command") != std::string::npos);
    CHECK(json::parse(call_json("optimal", "{}"))["error"] == "flops: is required");
    CHECK(json::parse(call_json("laws", "{}")).is_array());
}

TEST_CASE("caveats: each threshold warns just past its value and not before; the absurd is refused") {
    const Law& law = *find_law("chinchilla-a3");
    const auto warnings = [&](double n, double d) { return caveats_of(law, model_of(law, n, d, 2.0)).warnings; };
    // 1M parameters, 1M tokens and 1 token per parameter, each on its own (C = 6ND kept inside the fitted range).
    CHECK(warnings(1e9, 2e10).empty());
    CHECK(warnings(0.99e6, 1.1e12).size() == 1);
    CHECK(warnings(1e6, 1.1e12).empty());
    CHECK(warnings(1.1e12, 0.99e6).front().find("tokens is below 1M") != std::string::npos);
    CHECK(warnings(1e9, 0.99e9).back().find("fewer tokens than parameters") != std::string::npos);
    CHECK(warnings(1e9, 1e9).empty());
    // The loss bounds: ln 50,257 warns, ln 256,000 refuses.
    CHECK(caveats_of(law, model_of(law, 1e9, 2e10, std::log(kSmallVocabulary) + 1e-9)).warnings.size() == 1);
    CHECK(caveats_of(law, model_of(law, 1e9, 2e10, std::log(kSmallVocabulary) - 1e-9)).warnings.empty());
    CHECK(sensible_loss(std::log(kLargeVocabulary) - 1e-9, "loss").ok());
    CHECK(sensible_loss(std::log(kLargeVocabulary) + 1e-9, "loss").field == "loss");
    CHECK(refuse_absurd(Result<Allocation>::of(model_of(law, 0.9, 1e12, 0)), "params").field == "params");
    CHECK(refuse_absurd(Result<Allocation>::of(model_of(law, 1e9, 0.9, 0)), "params").error.find("less than one token") != std::string::npos);
    // Extrapolation: the law's fitted budgets, edges included.
    const Caveats edge = caveats_of(law, model_of(law, 1e9, 3e21 / 6e9, 0));
    CHECK_FALSE(edge.extrapolated);
    CHECK(edge.fitted_lo == 6e18);
    CHECK(caveats_of(law, model_of(law, 1e9, 3.1e21 / 6e9, 0)).extrapolated);
    CHECK_FALSE(caveats_of(*find_law("kaplan2020"), model_of(law, 1e9, 1e15, 0)).extrapolated);  // no range stated
}
