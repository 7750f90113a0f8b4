// test_router.cpp: a router's task mix (core/router.hpp) against hand computations of the serving
// roofline, the shares' refusals, and the circulating 5-10x claim's verdict.
#include <doctest/doctest.h>

#include <cmath>

#include "core/commands.hpp"
#include "core/requests.hpp"
#include "core/router.hpp"

using namespace scaling;

namespace {
RouterInputs defaults() {
    RouterInputs in;
    in.gpu = gpu_from_id("h100-sxm").value;
    in.classes = default_router_classes();
    return in;
}
}  // namespace

// Hand computation, H100 SXM (3,350 GB/s x 0.8 achieved, 989 TFLOPS BF16 x 0.5, 80 GB x 0.9, $2.50/h),
// prompt 1,000 tokens, batch 32, BF16 weights and cache, Llama 3 shapes (8 KV heads, head dim 128):
// classification, 8B (32 layers, 32 heads), 250 output tokens, one GPU:
//   KV per token 2 x 32 x 8 x 128 x 2 B = 131,072 B; mean context 1,125 tokens;
//   step = (16e9 + 32 x 131,072 x 1,125) B / 2.68e12 B/s = 7.7308 ms (compute 1.054 ms: memory-bound);
//   throughput 32 / 7.7308 ms = 4,139 tokens/s; prefill 1,000 x (16e9 + 2 x 32 x 32 x 128 x 500) FLOP
//   / 494.5e12 FLOP/s = 32.62 ms; $ = 2.5/3600 x (0.03262 + 250 / 4,139) = $6.4596e-5;
//   latency = 32.62 ms + 250 x 7.7308 ms = 1.9653 s.
// summarisation, 8B, 750 tokens: $1.5485e-4. reasoning, 70B (80 layers, 64 heads), 7,500 tokens: 140 GB
//   of weights and 32 x 2.785 GB of cache need 4 GPUs (2: 70 + 44.6 GB > 72 GB usable); $1.17248e-2.
// Blend 0.6 x 6.4596e-5 + 0.3 x 1.5485e-4 + 0.1 x 1.17248e-2 = $1.25769e-3; all reasoning / blend = 9.3225x.
TEST_CASE("router: the default mix on an H100, by hand") {
    const Result<RouterResult> r = route(defaults());
    REQUIRE(r.ok());
    REQUIRE(r.value.classes.size() == 3);
    CHECK(r.value.classes[0].dollars_per_request == doctest::Approx(6.4596e-5).epsilon(1e-4));
    CHECK(r.value.classes[0].latency_seconds == doctest::Approx(1.96533).epsilon(1e-4));
    CHECK(r.value.classes[1].dollars_per_request == doctest::Approx(1.54849e-4).epsilon(1e-4));
    CHECK(r.value.classes[2].serve.tp == 4);
    CHECK(r.value.classes[2].dollars_per_request == doctest::Approx(1.172481e-2).epsilon(1e-4));
    CHECK(r.value.expensive == 2);
    CHECK(r.value.blended_dollars_per_request == doctest::Approx(1.257693e-3).epsilon(1e-4));
    CHECK(r.value.all_expensive_dollars_per_request == doctest::Approx(1.172481e-2).epsilon(1e-4));
    CHECK(r.value.saving_factor == doctest::Approx(9.3225).epsilon(1e-4));
    CHECK(r.value.blended_latency_seconds == doctest::Approx(16.303).epsilon(1e-3));
    CHECK(saving_verdict(r.value.saving_factor) == "within the claim");
    // Modes: fast is the classification path, thinking the reasoning path, background that path
    // filled to its KV limit: cheaper per request and slower.
    REQUIRE(r.value.modes.size() == 3);
    CHECK(r.value.modes[0].latency_seconds == doctest::Approx(1.96533).epsilon(1e-4));
    CHECK(r.value.modes[2].dollars_per_request < r.value.modes[1].dollars_per_request);
    CHECK(r.value.modes[2].latency_seconds > r.value.modes[1].latency_seconds);
    CHECK(r.value.blended_quality < 0);  // no quality given
}

TEST_CASE("router: a mix with no reasoning saves more; all reasoning saves nothing") {
    RouterInputs in = defaults();
    in.classes[0].share = 0.7, in.classes[2].share = 0;
    CHECK(route(in).value.saving_factor > 9.3225);
    in.classes[0].share = 0, in.classes[1].share = 0, in.classes[2].share = 1;
    CHECK(route(in).value.saving_factor == doctest::Approx(1).epsilon(1e-12));
}

TEST_CASE("router: the saving never exceeds 1 / the expensive class's share, whatever the models") {
    for (double reasoning : {0.05, 0.1, 0.3, 0.7}) {
        for (double small : {1e9, 8e9, 30e9}) {
            RouterInputs in = defaults();
            in.classes[0].params = in.classes[1].params = small;
            in.classes[0].share = 0.9 - reasoning, in.classes[1].share = 0.1, in.classes[2].share = reasoning;
            const Result<RouterResult> r = route(in);
            REQUIRE(r.ok());
            CAPTURE(reasoning);
            CHECK(r.value.saving_factor <= 1 / reasoning + 1e-9);
            CHECK(r.value.saving_factor >= 1);
        }
    }
}

TEST_CASE("router: quality per dollar where every class has a quality") {
    RouterInputs in = defaults();
    in.classes[0].quality = 0.9, in.classes[1].quality = 0.8, in.classes[2].quality = 0.7;
    const Result<RouterResult> r = route(in);
    REQUIRE(r.ok());
    // 0.6 x 0.9 + 0.3 x 0.8 + 0.1 x 0.7 = 0.85 over $1.25769e-3 = 675.8 per dollar.
    CHECK(r.value.blended_quality == doctest::Approx(0.85).epsilon(1e-12));
    CHECK(r.value.quality_per_dollar == doctest::Approx(0.85 / 1.257693e-3).epsilon(1e-4));
}

TEST_CASE("router: shares above 100% or summing off 100% are refused naming the field") {
    const Command* c = find_command("router");
    REQUIRE(c);
    const Result<Json> high = c->run({{"share_classification", "120"}});
    CHECK(high.field == "share_classification");
    const Result<Json> sum = c->run({{"share_classification", "70"}});  // 70 + 30 + 10 = 110
    CHECK(sum.field == "share_reasoning");
    CHECK(sum.error.find("110") != std::string::npos);
    const Result<Json> ok = c->run({{"share_classification", "70"}, {"share_reasoning", "0"}});
    REQUIRE(ok.ok());
    for (const char* key : {"blended_dollars_per_request", "blended_latency_seconds", "all_expensive_dollars_per_request",
                            "saving_factor", "classes", "warnings", "modes", "prices_as_of"})
        CHECK_MESSAGE(ok.value.contains(key), key);
}
