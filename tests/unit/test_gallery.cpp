// test_gallery.cpp: the real-model gallery: every row sourced, derived compute against what the
// papers report, over-training factors, MoE handling, and validation of the file.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/allocation.hpp"
#include "core/gallery.hpp"

using namespace scaling;
using doctest::Approx;

namespace {
const Model& model(const char* id) {
    for (const Model& m : all_models())
        if (m.id == id) return m;
    FAIL("no model ", id);
    static Model none;
    return none;
}

const std::string kHeader =
    "id,name,organisation,year,params_total,params_active,tokens,reported_flops,gpu_hours,gpu,experts_total,experts_active,source\n";
std::string error_of(const std::string& rows) {
    const auto r = parse_models(kHeader + rows, "models.csv");
    return r.ok() ? std::string() : r.error;
}
}  // namespace

TEST_CASE("the gallery loads: at least 25 models, each with a source, the issue's list included") {
    REQUIRE_MESSAGE(gallery_error().empty(), gallery_error());
    CHECK(all_models().size() >= 25);
    for (const Model& m : all_models()) {
        CAPTURE(m.id);
        CHECK_FALSE(m.source.empty());
        CHECK(m.params_active <= m.params_total);
    }
    for (const char* id : {"gpt3", "gopher", "chinchilla", "palm", "mt-nlg", "bloom", "opt-175b", "llama-7b",
                           "llama-13b", "llama-65b", "llama2-7b", "llama2-13b", "llama2-70b", "llama3-8b",
                           "llama3-70b", "llama31-405b", "mistral-7b", "mixtral-8x7b", "phi3-mini", "gemma2-9b",
                           "gemma2-27b", "qwen25-7b", "qwen25-72b", "falcon-180b", "olmo-7b", "deepseek-v3"})
        CHECK(model(id).name.size() > 0);
}

TEST_CASE("6·N·D matches the compute the papers report, within 5%") {
    for (const char* id : {"gpt3", "llama31-405b", "chinchilla"}) {
        const Model& m = model(id);
        CAPTURE(id);
        REQUIRE(m.reported_flops > 0);
        CHECK(std::fabs(training_flops(m) / m.reported_flops - 1) < 0.05);
    }
    CHECK(model("gpt3").reported_flops == 3.14e23);
    CHECK(model("llama31-405b").reported_flops == 3.8e25);
}

TEST_CASE("mixtures of experts keep total and active parameters apart; dense-equivalent is 3x at 1:8, 6x at 1:32") {
    const Model& ds = model("deepseek-v3");
    CHECK(ds.is_moe());
    CHECK(ds.params_total == 671e9);
    CHECK(ds.params_active == 37e9);
    CHECK(training_flops(ds) == Approx(6 * 37e9 * 14.8e12).epsilon(1e-12));  // FLOP use active parameters
    CHECK(dense_equivalent_flops(ds) == Approx(6.0 * training_flops(ds)).epsilon(1e-12));  // 256/8 = 1:32
    Model eight = ds;
    eight.experts_total = 8, eight.experts_active = 1;
    CHECK(dense_equivalent_flops(eight) == Approx(3.0 * training_flops(eight)).epsilon(1e-12));
    CHECK(dense_equivalent_flops(model("llama2-70b")) == 0);
    CHECK_FALSE(versus(ds, *find_law("epoch2024")).has_loss);  // a dense law's loss is not claimed for MoE
}

TEST_CASE("over-training against a law's optimum at the model's own compute") {
    const Law& epoch = *find_law("epoch2024");
    const Versus chin = versus(model("chinchilla"), epoch);
    REQUIRE(chin.ok);
    CHECK(chin.overtraining == Approx(20.0 / optimal(epoch, training_flops(model("chinchilla"))).value.tokens_per_param));
    CHECK(chin.overtraining > 0.7);
    CHECK(chin.overtraining < 1.5);  // Chinchilla is near-optimal under the refit
    CHECK(versus(model("llama3-8b"), epoch).overtraining > 50);  // 1,875 tokens per parameter
    CHECK(versus(model("gpt3"), epoch).overtraining < 0.2);     // 1.7 tokens per parameter: under-trained
    CHECK(versus(model("gpt3"), epoch).has_loss);
    CHECK_FALSE(versus(model("mistral-7b"), epoch).ok);          // tokens not published
    CHECK_FALSE(versus(model("gpt3"), *find_law("deepseek2024")).ok);  // that law gives no parameters
}

TEST_CASE("the models file is validated: each defect named with file, line and field") {
    struct Case { std::string rows; const char* says; };
    const Case cases[] = {
        {"a,A,Org,2020,1e9,1e9,1e10,,,,,,\n", "models.csv:2: model \"a\": missing source"},
        {"a,A,Org,2020,-1e9,1e9,1e10,,,,,,src\n", "params_total: \"-1e9\" is negative"},
        {"a,A,Org,2020,1e9,1e9,lots,,,,,,src\n", "tokens: \"lots\" is not a number"},
        {"a,A,Org,2020,1e9,1e9\n", "6 fields, expected 13"},
        {"a,A,Org,2020,1e9,2e9,1e10,,,,,,src\n", "params_active exceeds params_total"},
        {"a,A,Org,2020,1e9,1e9,1e10,,,,8,,src\n", "give both experts_total and experts_active"},
        {"a,A,Org,20.5,1e9,1e9,1e10,,,,,,src\n", "year"},
        {"a,A,Org,2020,1e9,1e9,1e10,,,,,,src\na,B,Org,2020,1e9,1e9,1e10,,,,,,src\n", "models.csv:3: model \"a\": the id is used twice"},
    };
    for (const Case& c : cases) {
        const std::string e = error_of(c.rows);
        CAPTURE(c.rows);
        CHECK_MESSAGE(e.find(c.says) != std::string::npos, e);
    }
    CHECK(parse_models("id,name\n", "m.csv").error.find("header") != std::string::npos);
    const auto quoted = parse_models(kHeader + "a,\"A, the model\",Org,2020,1e9,1e9,,,,,,,\"Someone, 2020\"\n", "m.csv");
    REQUIRE_MESSAGE(quoted.ok(), quoted.error);
    CHECK(quoted.value[0].name == "A, the model");
}

TEST_CASE("numbers beyond an int's range are refused before any cast (fuzz_data_files found this)") {
    CHECK(error_of("a,A,O,2020,1e9,1e9,,,,,2.02e15,8,S\n").find("experts_total") != std::string::npos);
    CHECK(error_of("a,A,O,2020,1e9,1e9,,,,,8,1.5,S\n").find("experts_active") != std::string::npos);
    CHECK(error_of("a,A,O,1e300,1e9,1e9,,,,,,,S\n").find("year") != std::string::npos);
    CHECK(error_of("a,A,O,2020,1e9,1e9,,,,,8,2,S\n").empty());
}
