// test_budget.cpp: the hardware catalogue, the budget converter with the published presets, and
// memory arithmetic for a 7B and a 70B model checked by hand.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/hardware.hpp"
#include "core/presets.hpp"

using namespace scaling;
using doctest::Approx;

namespace {
const Gpu& gpu(const char* id) {
    const auto r = gpu_from_id(id);
    REQUIRE_MESSAGE(r.ok(), r.error);
    return *r.value;
}
}  // namespace

TEST_CASE("the hardware catalogue loads with the issue's accelerators, each with sources") {
    REQUIRE_MESSAGE(hardware_error().empty(), hardware_error());
    for (const char* id : {"a100-40gb", "a100-80gb", "h100-sxm", "h100-pcie", "h200", "b200", "mi300x", "tpu-v5e",
                           "tpu-v5p", "l4", "rtx-4090"}) {
        const Gpu& g = gpu(id);
        CAPTURE(id);
        CHECK(g.bf16_tflops > 0);
        CHECK(g.memory_gb > 0);
        CHECK(g.price_per_hour > 0);
        CHECK_FALSE(g.source.empty());
        CHECK_FALSE(g.price_source.empty());
        CHECK(g.price_date.size() >= 4);  // a year at least: results say "prices as of" it
    }
    CHECK(gpu("h100-sxm").peak_flops(Dtype::BF16) == 989e12);
    CHECK(gpu("a100-80gb").peak_flops(Dtype::FP8) == 0);  // Ampere has no FP8
    CHECK(gpu_from_id("h9000").error.find("valid ids: a100-40gb") != std::string::npos);
}

TEST_CASE("FLOP -> GPU-days -> FLOP round-trips") {
    Budget b;
    b.gpu = &gpu("h100-sxm");
    b.flops = 1e24;
    b.gpus = 1000;
    b.mfu = 0.4;
    const auto days = solve_budget(b);
    REQUIRE(days.ok());
    CHECK(days.value.days == Approx(1e24 / (1000 * 86400 * 989e12 * 0.4)).epsilon(1e-12));
    Budget back;
    back.gpu = b.gpu;
    back.gpus = 1000;
    back.days = days.value.days;
    back.mfu = 0.4;
    const auto flops = solve_budget(back);
    REQUIRE(flops.ok());
    CHECK(flops.value.flops == Approx(1e24).epsilon(1e-12));
    CHECK(flops.value.dollars == Approx(1000 * days.value.days * 24 * 2.50).epsilon(1e-12));
}

TEST_CASE("the issue's example: 1,000 H100s for 60 days at 40% MFU") {
    Budget b;
    b.gpu = &gpu("h100-sxm");
    b.gpus = 1000, b.days = 60, b.mfu = 0.4;
    const auto r = solve_budget(b);
    REQUIRE(r.ok());
    CHECK(r.value.flops == Approx(1000.0 * 60 * 86400 * 989e12 * 0.4).epsilon(1e-12));  // 2.05e24
    CHECK(r.value.gpu_hours == Approx(1.44e6).epsilon(1e-12));
}

TEST_CASE("published presets reproduce their figures within 5%") {
    for (const Preset& p : all_presets()) {
        if (!p.in_budget) continue;
        CAPTURE(p.id);
        Budget b;
        b.gpu = &gpu(p.gpu.c_str());
        b.gpus = p.gpus;
        b.flops = p.flops;
        b.mfu = p.mfu;
        if (p.gpu_hours > 0) b.days = p.gpu_hours / (24 * p.gpus);
        const auto r = solve_budget(b);
        REQUIRE_MESSAGE(r.ok(), r.error);
        if (p.gpu_hours > 0) CHECK(r.value.gpu_hours == Approx(p.gpu_hours).epsilon(0.05));
        if (p.flops > 0) CHECK(r.value.flops == Approx(p.flops).epsilon(0.05));
    }
    // Llama 3.1 405B: 3.8e25 FLOP in 30.84M H100-hours is 35% of dense BF16 peak.
    Budget llama;
    llama.gpu = &gpu("h100-sxm");
    llama.flops = 3.8e25, llama.gpus = 16384, llama.days = 30.84e6 / (24 * 16384);
    CHECK(solve_budget(llama).value.mfu == Approx(0.346).epsilon(0.01));
    // DeepSeek-V3: 2.788M H800-hours at $2/hour is $5.576M (the paper's figure).
    Budget ds;
    ds.gpu = &gpu("h800");
    ds.gpus = 2048, ds.days = 2.788e6 / (24 * 2048), ds.flops = 6 * 37e9 * 14.8e12;
    CHECK(solve_budget(ds).value.dollars == Approx(5.576e6).epsilon(1e-9));
    // Grok-3 scale: 3e26 FLOP on 100K H100s at an assumed 40% MFU takes about 88 days.
    Budget grok;
    grok.gpu = &gpu("h100-sxm");
    grok.flops = 3e26, grok.gpus = 100000, grok.mfu = 0.4;
    CHECK(solve_budget(grok).value.days == Approx(87.8).epsilon(0.01));
}

TEST_CASE("bad budgets are refused, naming the field") {
    Budget b;
    b.gpu = &gpu("h100-sxm");
    b.gpus = 1000, b.days = 60, b.mfu = 1.5;
    CHECK(solve_budget(b).field == "mfu");
    b.mfu = -0.4;
    CHECK(solve_budget(b).field == "mfu");
    b.mfu = 0.4, b.gpus = -3;
    CHECK(solve_budget(b).field == "gpus");
    b.gpus = 1000, b.flops = 1e24;
    CHECK(solve_budget(b).error.find("everything is given") != std::string::npos);
    Budget thin;
    thin.gpu = &gpu("h100-sxm");
    thin.gpus = 8;
    CHECK(solve_budget(thin).error.find("too little") != std::string::npos);
    Budget huge;
    huge.gpu = &gpu("l4");
    huge.flops = 1e26, huge.gpus = 1, huge.days = 1;
    CHECK(solve_budget(huge).field == "mfu");  // would need far more than 100% of peak
    Budget tpu;
    tpu.gpu = &gpu("tpu-v5e");
    tpu.dtype = Dtype::FP8;
    tpu.gpus = 8, tpu.days = 1, tpu.mfu = 0.5;
    CHECK(solve_budget(tpu).field == "dtype");
    CHECK(dtype_from_text("fp6").field == "dtype");
}

TEST_CASE("memory for a 7B and a 70B model, by hand") {
    const Gpu& h100 = gpu("h100-sxm");  // 80 GB, 90% usable = 72 GB
    MemoryInputs seven;
    seven.params = 7e9;
    const auto m7 = memory(seven, h100);
    REQUIRE(m7.ok());
    CHECK(m7.value.weights_gb == Approx(14.0));     // 7e9 x 2 bytes (BF16)
    CHECK(m7.value.training_gb == Approx(112.0));   // 7e9 x 16 bytes (mixed-precision Adam)
    CHECK(m7.value.gpus_to_serve == 1);
    CHECK(m7.value.gpus_to_train == 2);             // 112 / 72 = 1.56
    seven.weights = Dtype::INT4;
    CHECK(memory(seven, h100).value.weights_gb == Approx(3.5));
    seven.weights = Dtype::FP32;
    CHECK(memory(seven, h100).value.weights_gb == Approx(28.0));

    // Llama 2 70B: 80 layers, 8 KV heads (grouped-query attention), head dim 128.
    MemoryInputs seventy;
    seventy.params = 70e9;
    seventy.layers = 80, seventy.kv_heads = 8, seventy.head_dim = 128;
    seventy.context_tokens = 4096, seventy.batch = 16;
    const auto m70 = memory(seventy, h100);
    REQUIRE(m70.ok());
    CHECK(m70.value.weights_gb == Approx(140.0));
    CHECK(m70.value.training_gb == Approx(1120.0));
    CHECK(m70.value.kv_bytes_per_token == Approx(2.0 * 80 * 8 * 128 * 2));   // 327,680 bytes
    CHECK(m70.value.kv_cache_gb == Approx(327680.0 * 4096 * 16 / 1e9));     // 21.5 GB
    CHECK(m70.value.gpus_to_serve == 3);                                     // 161.5 / 72 = 2.24
    CHECK(m70.value.gpus_to_train == 16);                                    // 1120 / 72 = 15.6
    seventy.params = 0;
    CHECK(memory(seventy, h100).field == "params");
}

TEST_CASE("memory of a 1e20-parameter what-if: GPU counts beyond an int's range stay exact (no overflow)") {
    MemoryInputs huge;
    huge.params = 1e20;
    const auto m = memory(huge, gpu("h100-sxm"));
    REQUIRE(m.ok());
    CHECK(m.value.gpus_to_train == std::ceil(1e20 * 16 / 1e9 / 72 - 1e-9));
    CHECK(m.value.gpus_to_train > 2e10);
}
