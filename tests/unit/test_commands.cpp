// test_commands.cpp: the command table every front end is made from, and the worked values of the
// commands that the Test-time, Emergence and Fine-tuning views became. Expected values are computed
// here from the papers' formulas, not copied from the commands' output.
#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>

#include "core/commands.hpp"

using namespace scaling;

namespace {
Json run(const char* name, const Args& args) {
    const Result<Json> r = find_command(name)->run(args);
    REQUIRE_MESSAGE(r.ok(), r.error);
    return r.value;
}
}  // namespace

TEST_CASE("the command table: unique names, camelCase JS names, unique input keys per command") {
    std::set<std::string> names, js;
    for (const Command& c : commands()) {
        CHECK(names.insert(c.name).second);
        CHECK(js.insert(js_name(c)).second);
        CHECK(std::string(c.summary).size() > 10);
        std::set<std::string> keys;
        for (const Input* in : c.inputs) CHECK_MESSAGE(keys.insert(in->key).second, c.name, " repeats ", in->key);
    }
    for (const char* n : {"optimal", "loss", "compare", "laws", "models", "budget", "memory", "lifetime",
                          "lifetimeCost", "fit", "data", "scenario", "project", "nextFlop", "testTime", "emergence",
                          "fineTuning", "frontier"})
        CHECK_MESSAGE(js.count(n) == 1, n);
    CHECK(cli_name(*find_command("lifetime_cost")) == "lifetime-cost");
    CHECK(find_command("nope") == nullptr);
    // A law's constants are never required: the law's own stand in for them.
    CHECK_FALSE(required(inputs::kE));
    CHECK(required(inputs::kFlops));
    CHECK_FALSE(required(inputs::kSamples));
}

TEST_CASE("call_json dispatches from the table and refuses what it does not list, listing what it does") {
    const std::string unknown = call_json("nope", "{}");
    CHECK(unknown.find("unknown command") != std::string::npos);
    CHECK(unknown.find("test_time") != std::string::npos);
    const std::string bad_key = call_json("emergence", R"({"length":"10"})");
    CHECK(bad_key.find("emergence takes answer_length, accuracy_nc, accuracy_alpha") != std::string::npos);
    const Json table = commands_json();
    CHECK(table.size() == commands().size());
    CHECK(table[0]["inputs"][0]["key"] == "flops");
}

TEST_CASE("test_time: coverage, plurality vote, cost and Snell et al.'s equal-FLOP samples at the view's defaults") {
    const Json j = run("test_time", {});
    const double p = 0.2;  // the view's starting success of one sample
    // Coverage pass@k = 1 - (1 - p)^k (Brown et al. 2024, arXiv 2407.21787, Sec. 2).
    CHECK(j["curve"][2]["samples"] == 4);
    CHECK(j["curve"][2]["pass_at_k"].get<double>() == doctest::Approx(1 - std::pow(1 - p, 4)).epsilon(1e-12));
    // Plurality vote of 4 over ten equally likely wrong answers (the defaults), by enumerating all 11^4
    // answer sequences in Python (itertools.product, ties split evenly): 0.246848.
    CHECK(j["curve"][2]["plurality_vote"].get<double>() == doctest::Approx(0.246848).epsilon(1e-9));
    CHECK(j["curve"][2]["pass_all_k"].get<double>() == doctest::Approx(std::pow(p, 4)).epsilon(1e-12));
    // One wrong answer: the binary vote, P(X >= 3) + P(X = 2)/2 with X ~ Binomial(4, p).
    const double vote4 = 4 * p * p * p * (1 - p) + std::pow(p, 4) + 0.5 * 6 * p * p * (1 - p) * (1 - p);
    CHECK(run("test_time", {{"wrong_answers", "1"}})["curve"][2]["plurality_vote"].get<double>() ==
          doctest::Approx(vote4).epsilon(1e-12));
    // The claims: 10 x 13B against 70B is 130/70 of the cost; the sqrt and +30/+50 claims are computed.
    REQUIRE(j["claims"].size() == 4);
    CHECK(j["claims"][3]["computed"].get<double>() == doctest::Approx(130.0 / 70).epsilon(1e-12));
    CHECK(j["claims"][2]["claimed"].get<double>() == doctest::Approx(std::sqrt(10.0)).epsilon(1e-12));
    // Chen et al.'s estimator from measured samples: n = 10, c = 3 at k = 1, 2, 4, 8, 10 (k <= n).
    const Json m = run("test_time", {{"measured_samples", "10"}, {"measured_correct", "3"}})["measured"]["estimate"];
    CHECK(m[1]["pass_at_k"].get<double>() == doctest::Approx(1 - 21.0 / 45).epsilon(1e-12));
    CHECK(m.back()["samples"] == 10);
    CHECK(find_command("test_time")->run({{"measured_samples", "10"}}).field == "measured_correct");
    // 64 samples of 1000 tokens from 8B parameters at 2N FLOP per token (Kaplan et al. 2020, Sec. 2.1).
    CHECK(j["at_most_samples"]["flops_per_question"].get<double>() == doctest::Approx(2 * 8e9 * 1000 * 64).epsilon(1e-12));
    // k = M + 3(M - 1)/R with M = 10, R = 0.1 (Snell et al. 2024, arXiv 2408.03314): 280 samples.
    CHECK(j["small_versus_large"]["equal_total_flop"]["samples_exact"].get<double>() ==
          doctest::Approx(10 + 3 * 9 / 0.1).epsilon(1e-12));
    CHECK(j["small_versus_large"]["equal_inference_flop"]["samples"] == 10);
    // Inputs are read through their descriptors: the field named.
    CHECK(find_command("test_time")->run({{"samples", "0"}}).field == "samples");
    CHECK(find_command("test_time")->run({{"samples", "2.5"}}).field == "samples");
    CHECK(find_command("test_time")->run({{"success", "1.5"}}).field == "success");
}

TEST_CASE("emergence: exact match p^L and edit distance L(1 - p) (Schaeffer et al. 2023, Sec. 2)") {
    const Json j = run("emergence", {{"answer_length", "10"}});
    const Json& at_09 = j["by_per_token_accuracy"][1];
    CHECK(at_09["per_token_accuracy"] == 0.9);
    CHECK(at_09["exact_match"].get<double>() == doctest::Approx(std::pow(0.9, 10)).epsilon(1e-12));
    CHECK(at_09["token_edit_distance"].get<double>() == doctest::Approx(1.0).epsilon(1e-12));
    // p(N) = exp(-(N_c/N)^alpha), so p^L = 1/2 where (N_c/N)^alpha = ln 2 / L: N = N_c (L / ln 2)^(1/alpha).
    const double half = 4.6e7 * std::pow(10 / std::log(2.0), 1 / 0.46);
    CHECK(j["params_at_half_exact_match"].get<double>() == doctest::Approx(half).epsilon(1e-6));
    CHECK(find_command("emergence")->run({{"accuracy_alpha", "9"}}).field == "accuracy_alpha");
}

TEST_CASE("fine_tuning: the saturation curve and Hernandez et al. 2021's transferred data at the view's defaults") {
    const Json j = run("fine_tuning", {});
    // base·(1 - exp(-k·D/D_sat)) with base 0.873, k 1, D 2000, D_sat 86 (the least-squares fit to the
    // circulating curve, issue 19: test_finetune.cpp).
    CHECK(j["performance"].get<double>() == doctest::Approx(0.873 * (1 - std::exp(-2000.0 / 86))).epsilon(1e-12));
    // 90% of the ceiling at D_sat·ln 10 / k examples: 86 x 2.302585 = 198.02 -> 199.
    CHECK(j["examples_for_90_percent"].get<double>() == std::ceil(86 * std::log(10.0)));
    // D_T = k·D_F^alpha·N^beta, k = 1.9e4, alpha = 0.18, beta = 0.38 (arXiv 2102.01293, Eq. 1.1), D_F 10M, N 1B.
    const double dt = 1.9e4 * std::pow(1e7, 0.18) * std::pow(1e9, 0.38);
    CHECK(j["transfer"]["transferred_tokens"].get<double>() == doctest::Approx(dt).epsilon(1e-12));
    CHECK(j["transfer"]["pretraining_fraction"].get<double>() == doctest::Approx(dt / (1e7 + dt)).epsilon(1e-12));
    CHECK(find_command("fine_tuning")->run({{"examples", "0"}}).field == "examples");
}

TEST_CASE("frontier and models: the JS twins of the CLI's commands") {
    const Json all = run("frontier", {{"from", "1e20"}, {"to", "1e22"}, {"points", "3"}});
    CHECK(all.size() == 3 * all_laws().size());
    const Json one = run("frontier", {{"from", "1e20"}, {"to", "1e22"}, {"points", "3"}, {"law", "chinchilla-a3"}});
    REQUIRE(one.size() == 3);
    CHECK(one[1]["flops"].get<double>() == doctest::Approx(1e21).epsilon(1e-12));
    CHECK(find_command("frontier")->run({{"points", "1"}}).field == "points");
    CHECK(find_command("models")->run({{"law", "nope"}}).field == "law");
}
