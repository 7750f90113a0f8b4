// test_serving.cpp: the serving roofline (core/serving.*) pinned against hand computations, each
// written out beside its check. Catalogue figures used (assets/hardware.csv): H100 SXM 80 GB,
// 3350 GB/s, 989 TFLOPS BF16, $2.50/h; MI300X 192 GB, 5300 GB/s; H200 141 GB, 4800 GB/s.
#include <doctest/doctest.h>

#include <string>

#include "core/serving.hpp"

using namespace scaling;
using doctest::Approx;

namespace {
const Gpu* gpu(const char* id) {
    const auto r = gpu_from_id(id);
    REQUIRE_MESSAGE(r.ok(), r.error);
    return r.value;
}

// Llama 2 70B / Llama 3 70B attention: 80 layers, 64 query heads, 8 KV heads, head dim 128.
ServeInputs seventy_b(const char* gpu_id) {
    ServeInputs in;
    in.gpu = gpu(gpu_id);
    in.params = 70e9;
    in.layers = 80, in.heads = 64, in.kv_heads = 8, in.head_dim = 128;
    in.prompt_tokens = 1000, in.output_tokens = 250;
    in.bandwidth_fraction = 1;  // the pure roofline, so the hand computations need no efficiency
    return in;
}

// Llama 2 7B: 32 layers, 32 heads, multi-head attention (32 KV heads), head dim 128.
ServeInputs seven_b(const char* gpu_id) {
    ServeInputs in = seventy_b(gpu_id);
    in.params = 7e9;
    in.layers = 32, in.heads = 32, in.kv_heads = 32;
    return in;
}

bool has_warning(const ServeResult& r, const std::string& part) {
    for (const std::string& w : r.warnings)
        if (w.find(part) != std::string::npos) return true;
    return false;
}
}  // namespace

TEST_CASE("the KV cache per token follows GQA and MLA") {
    ServeInputs in = seventy_b("h100-sxm");
    // GQA: 2 (K, V) x 80 layers x 8 KV heads x 128 x 2 bytes = 327,680 bytes.
    CHECK(kv_bytes_per_token(in) == 327680);
    in.kv = Dtype::FP8;  // 1 byte per value: half
    CHECK(kv_bytes_per_token(in) == 163840);
    in.kv = Dtype::BF16;
    in.kv_heads = 0;  // not given: multi-head attention, 64 KV heads, 8x the cache
    CHECK(kv_bytes_per_token(in) == 8 * 327680);
    // MLA (DeepSeek-V3): 61 layers x (d_c 512 + d_h^R 64) x 2 bytes = 70,272 bytes, whatever the heads.
    in.layers = 61, in.heads = 128, in.kv_heads = 128, in.latent_dim = 576;
    CHECK(kv_bytes_per_token(in) == 70272);
}

TEST_CASE("a 70B model in BF16 on H100s: two GPUs, memory-bound decode, as computed by hand") {
    const auto r = serve(seventy_b("h100-sxm"));
    REQUIRE_MESSAGE(r.ok(), r.error);
    const ServeResult& s = r.value;
    // Weights 70e9 x 2 = 140 GB; usable 80 x 0.9 = 72 GB per card: one does not hold them, two do
    // (70 GB each, plus one sequence's KV cache: 327,680 x 1250 / 2 = 0.2048 GB).
    CHECK(s.tp == 2);
    CHECK(s.weights_gb_per_gpu == Approx(70).epsilon(1e-12));
    CHECK(s.kv_split == 2);
    // Largest batch: floor((72 - 70) GB / 0.2048 GB) = floor(9.77) = 9.
    CHECK(s.max_batch == 9);
    // Decode at batch 1: each card reads 70 GB of weights + 327,680 x 1125 / 2 = 0.18432 GB of cache
    // (mean context 1000 + 250 / 2 = 1125): 70.18432e9 / 3350e9 = 0.0209505 s -> 47.731 tokens/s.
    CHECK(s.memory_seconds == Approx(0.0209505433).epsilon(1e-6));
    CHECK(s.decode_tokens_per_second == Approx(47.731459).epsilon(1e-6));
    CHECK(s.memory_bound);
    // Compute: 2 x 70e9 + 2 x 80 x 64 x 128 x 1125 = 141.47456e9 FLOP per token (Kaplan Table 1),
    // at 989e12 x 0.5 x 2 GPUs: 1.43048e-4 s, 146x less than the memory time.
    CHECK(s.flops_per_token == Approx(141.47456e9).epsilon(1e-12));
    CHECK(s.compute_seconds == Approx(1.4304809e-4).epsilon(1e-6));
    // Prefill: 2 x 70e9 + 2 x 80 x 64 x 128 x 500 = 140.65536e9 FLOP per prompt token (mean
    // context 500); 989e12 x 0.5 x 2 / that = 7031.37 tokens/s; 1000 tokens -> TTFT 0.14222 s.
    CHECK(s.prefill_tokens_per_second == Approx(7031.3709).epsilon(1e-6));
    CHECK(s.ttft_seconds == Approx(0.14221978).epsilon(1e-6));
    // Request: 0.14222 + 250 x 0.0209505 = 5.37986 s.
    CHECK(s.request_seconds == Approx(5.3798556).epsilon(1e-6));
    // Cost: 2 GPUs x $2.50/h = $1/720 per second; 1e6 / 47.7315 tokens/s / 720 = $29.098 per
    // million output tokens; a request: (0.14222 + 250 x 0.0209505) s / 720 = $0.0074720.
    CHECK(s.dollars_per_million_tokens == Approx(29.097977).epsilon(1e-6));
    CHECK(s.dollars_per_request == Approx(0.0074720217).epsilon(1e-6));
    CHECK(s.prices_as_of == "2025");
    CHECK(s.warnings.empty());
}

TEST_CASE("7B against 70B at batch 1: the ratio of bytes read per token") {
    // MI300X holds 70B in BF16 on one card (140 GB < 192 x 0.9 = 172.8 GB), so both run at TP 1.
    const auto small = serve(seven_b("mi300x"));
    const auto large = serve(seventy_b("mi300x"));
    REQUIRE(small.ok());
    REQUIRE(large.ok());
    CHECK(small.value.tp == 1);
    CHECK(large.value.tp == 1);
    // 7B: 14e9 + 524,288 x 1125 = 14.589824e9 bytes per token; / 5300e9 -> 363.27 tokens/s.
    CHECK(small.value.decode_tokens_per_second == Approx(5300e9 / 14.589824e9).epsilon(1e-9));
    CHECK(small.value.decode_tokens_per_second == Approx(363.27).epsilon(1e-4));
    // 70B: 140e9 + 327,680 x 1125 = 140.36864e9 bytes -> 37.757 tokens/s: 9.62x slower, about the
    // 10x of the weights (the 7B's multi-head cache is larger than the 70B's grouped one).
    CHECK(large.value.decode_tokens_per_second == Approx(37.757).epsilon(1e-4));
    CHECK(small.value.decode_tokens_per_second / large.value.decode_tokens_per_second ==
          Approx(140.36864 / 14.589824).epsilon(1e-9));
    // On H100s the 70B needs TP 2 and is only 4.8x slower than the 7B on one card: two cards read
    // in parallel. 7B: 14.589824e9 / 3350e9 -> 229.61 tokens/s.
    const auto h100_small = serve(seven_b("h100-sxm"));
    REQUIRE(h100_small.ok());
    CHECK(h100_small.value.decode_tokens_per_second == Approx(229.61209).epsilon(1e-6));
}

TEST_CASE("past the ridge the step is compute-bound: the roofline's flat part") {
    // 8B with no context (KV cache and attention FLOP zero): memory time 16e9 / 3350e9 = 4.776 ms,
    // compute time per sequence 16e9 / (989e12 x 0.5) = 32.35 us. The ridge is at batch
    // 494.5e12 / 3350e9 = 147.6; at batch 256 the step takes 256 x 16e9 / 494.5e12 = 8.2831 ms
    // and the replica makes 256 / 8.2831 ms = 30,906 tokens/s.
    ServeInputs in;
    in.gpu = gpu("h100-sxm");
    in.params = 8e9;
    in.bandwidth_fraction = 1;
    in.batch = 256;
    const auto r = serve(in);
    REQUIRE(r.ok());
    CHECK_FALSE(r.value.memory_bound);
    CHECK(r.value.memory_seconds == Approx(16e9 / 3350e9).epsilon(1e-12));
    CHECK(r.value.step_seconds == Approx(8.2831143e-3).epsilon(1e-6));
    CHECK(r.value.throughput_tokens_per_second == Approx(30906.25).epsilon(1e-6));
    CHECK(has_warning(r.value, "No attention shape"));
    in.batch = 147;  // just under the ridge: still memory-bound, and the same step time as batch 1
    const auto below = serve(in);
    REQUIRE(below.ok());
    CHECK(below.value.memory_bound);
    CHECK(below.value.step_seconds == Approx(16e9 / 3350e9).epsilon(1e-12));
}

TEST_CASE("quantised weights read fewer bytes; INT4 computes in BF16; the bandwidth fraction scales decode") {
    ServeInputs in = seventy_b("h100-sxm");
    in.weights = Dtype::FP8;  // 70 GB: fits one H100 (72 GB usable), 2 GB left for the cache
    auto r = serve(in);
    REQUIRE(r.ok());
    CHECK(r.value.tp == 1);
    CHECK(r.value.compute_dtype == Dtype::FP8);
    // floor(2 GB / (327,680 x 1250 = 0.4096 GB)) = 4 sequences; decode (70e9 + 0.36864e9) / 3350e9.
    CHECK(r.value.max_batch == 4);
    CHECK(r.value.decode_tokens_per_second == Approx(3350e9 / 70.36864e9).epsilon(1e-9));
    in.weights = Dtype::INT4;  // 35 GB, weight-only: matmuls in BF16
    r = serve(in);
    REQUIRE(r.ok());
    CHECK(r.value.compute_dtype == Dtype::BF16);
    CHECK(r.value.weights_gb == Approx(35).epsilon(1e-12));
    in.weights = Dtype::FP8;
    in.gpu = gpu("a100-80gb");  // Ampere has no FP8: weight-only, in BF16, and said so
    in.tp = 2;
    r = serve(in);
    REQUIRE(r.ok());
    CHECK(r.value.compute_dtype == Dtype::BF16);
    CHECK(has_warning(r.value, "has no FP8 mode"));
    in = seventy_b("h100-sxm");
    in.bandwidth_fraction = 0.8;  // 80% of 3350 GB/s: 0.8 x 47.7315 = 38.185 tokens/s
    r = serve(in);
    REQUIRE(r.ok());
    CHECK(r.value.decode_tokens_per_second == Approx(0.8 * 47.731459).epsilon(1e-6));
}

TEST_CASE("MoE: active parameters are read and computed per token, total parameters are held") {
    // DeepSeek-V3 on H200s, FP8 weights and BF16 MLA cache: 671 GB / (141 x 0.9 = 126.9 GB) needs
    // 5.3 cards -> 8 (a power of two). Each card holds 83.875 GB of weights and the whole latent
    // cache (MLA is not split by heads). Batch 1 reads 37 GB / 8 + 70,272 x 1125 = 4.625 +
    // 0.079056 GB per card: / 4800e9 = 0.98001 ms -> 1020.4 tokens/s.
    ServeInputs in;
    in.gpu = gpu("h200");
    in.weights = Dtype::FP8;
    in.params = 671e9, in.active_params = 37e9;
    in.layers = 61, in.heads = 128, in.head_dim = 128, in.latent_dim = 576;
    in.prompt_tokens = 1000, in.output_tokens = 250;
    in.bandwidth_fraction = 1;
    const auto r = serve(in);
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.value.tp == 8);
    CHECK(r.value.kv_split == 1);
    CHECK(r.value.weights_gb_per_gpu == Approx(83.875).epsilon(1e-12));
    CHECK(r.value.memory_seconds == Approx((4.625e9 + 70272.0 * 1125) / 4800e9).epsilon(1e-12));
    CHECK(r.value.decode_tokens_per_second == Approx(1020.39).epsilon(1e-4));
    // (126.9 - 83.875) GB / (70,272 x 1250 = 87.84 MB) = 489.8 -> 489 sequences.
    CHECK(r.value.max_batch == 489);
    in.batch = 64;
    const auto batched = serve(in);
    REQUIRE(batched.ok());
    CHECK(has_warning(batched.value, "lower bound"));
    in.active_params = 700e9;
    CHECK(serve(in).field == "active_params");
}

TEST_CASE("tensor parallelism: the user's degree, memory per card, and refusals naming the field") {
    ServeInputs in = seventy_b("h100-sxm");
    in.tp = 1;  // 140 GB on one 80 GB card
    auto r = serve(in);
    CHECK(r.field == "tp");
    CHECK(r.error.find("140 GB") != std::string::npos);
    in.tp = 4;  // allowed; the KV cache splits over 4 of the 8 KV heads
    r = serve(in);
    REQUIRE(r.ok());
    CHECK(r.value.kv_split == 4);
    CHECK(r.value.weights_gb_per_gpu == Approx(35).epsilon(1e-12));
    in.tp = 16;  // beyond a node of 8: priced, flagged; KV heads replicate past 8 cards
    r = serve(in);
    REQUIRE(r.ok());
    CHECK(r.value.kv_split == 8);
    CHECK(has_warning(r.value, "span 2 nodes"));
    in.tp = 0;
    in.batch = 40;  // 40 x 0.4096 GB of cache: TP 2 holds 9 sequences, TP 4 holds (72 - 35) / 0.1024 = 361
    r = serve(in);
    REQUIRE(r.ok());
    CHECK(r.value.tp == 4);
    in.tp = 2;  // forced: computed, with the KV limit named
    r = serve(in);
    REQUIRE(r.ok());
    CHECK(has_warning(r.value, "holds 9 sequences"));
    in = seventy_b("h100-sxm");
    in.params = 1e15;  // 2 PB: no replica
    CHECK(serve(in).field == "params");
    in = seventy_b("h100-sxm");
    in.gpu = nullptr;
    CHECK(serve(in).field == "gpu");
    in = seventy_b("h100-sxm");
    in.kv_heads = 65;
    CHECK(serve(in).field == "kv_heads");
    in = seventy_b("h100-sxm");
    in.kv = Dtype::INT4;
    CHECK(serve(in).field == "kv_dtype");
    in = seventy_b("h100-sxm");
    in.batch = 0.5;
    CHECK(serve(in).field == "batch");
    in = seventy_b("h100-sxm");
    in.prefill_mfu = 1.5;
    CHECK(serve(in).field == "prefill_mfu");
    in = seventy_b("h100-sxm");
    in.price_per_hour = 4;
    r = serve(in);
    REQUIRE(r.ok());
    CHECK(r.value.prices_as_of == "your price");
    CHECK(r.value.dollars_per_million_tokens == Approx(29.097977 * 4 / 2.5).epsilon(1e-6));
}
