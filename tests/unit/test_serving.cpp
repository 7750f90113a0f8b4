// test_serving.cpp: the serving roofline (core/serving.*) pinned against hand computations, each
// written out beside its check. Catalogue figures used (assets/hardware.csv): H100 SXM 80 GB,
// 3350 GB/s, 989 TFLOPS BF16, $2.50/h; MI300X 192 GB, 5300 GB/s; H200 141 GB, 4800 GB/s.
#include <doctest/doctest.h>

#include <string>

#include "core/model_shapes.hpp"
#include "core/moe.hpp"
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

// [SECTION] Model presets and the 7B-against-70B sentence

TEST_CASE("model presets fill parameters from the gallery and shapes from their sources") {
    ServeInputs in;
    in.gpu = gpu("h100-sxm");
    const auto r = with_model(in, "deepseek-v3");
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.value.params == 671e9);  // assets/models.csv, arXiv 2412.19437
    CHECK(r.value.active_params == 37e9);
    CHECK(r.value.latent_dim == 576);
    const auto dense = with_model(in, "llama3-70b");
    REQUIRE(dense.ok());
    CHECK(dense.value.active_params == 0);  // dense: all parameters are active
    CHECK(dense.value.layers == 80);
    for (const ModelShape& s : model_shapes()) {
        CAPTURE(s.id);
        CHECK(with_model(in, s.id).ok());  // every preset has its gallery row
        CHECK(std::string(s.source).find("arXiv") != std::string::npos);
    }
    CHECK(with_model(in, "gpt-9").field == "model");
}

TEST_CASE("7B against 70B on one GPU type at batch 1, as a sentence with the reason") {
    // H100 SXM, BF16, bandwidth fraction 1, prompt 1000 and output 250: the 7B as computed above
    // (229.61 tokens/s on one card), the 70B at 47.731 tokens/s on two: 4.81x slower per sequence,
    // 9.62x the GPU-time per token.
    ServeInputs setting = seven_b("h100-sxm");
    const auto c = compare_7b_70b(setting);
    REQUIRE_MESSAGE(c.ok(), c.error);
    CHECK(c.value.small.decode_tokens_per_second == Approx(229.61209).epsilon(1e-6));
    CHECK(c.value.large.decode_tokens_per_second == Approx(47.731459).epsilon(1e-6));
    CHECK(c.value.large.tp == 2);
    CHECK(c.value.speed_ratio == Approx(229.61209 / 47.731459).epsilon(1e-6));
    CHECK(c.value.gpu_time_ratio == Approx(2 * 229.61209 / 47.731459).epsilon(1e-6));
    CHECK(c.value.sentence.find("4.8x slower per sequence, 9.6x the GPU-time per token") != std::string::npos);
    CHECK(c.value.sentence.find("14 GB against 140 GB, 10x") != std::string::npos);
}

// [SECTION] Mixture of experts

TEST_CASE("DeepSeek-V3's defaults give 671B total and 37B active") {
    // arXiv 2412.19437 Sec. 4.2 and the model's config.json: 61 layers, d 7168, the first 3 dense
    // (FFN 18432), 58 MoE layers of 256 routed experts (FFN 2048) + 1 shared, 8 routed per token;
    // MLA with d_c' 1536, d_c 512, 128 heads of 128 (+ 64 RoPE); vocabulary 129,280, untied.
    //   one expert: 3 x 7168 x 2048 x 58 = 2,554,331,136
    //   attention per layer: 7168x1536 + 1536x128x192 + 7168x576 + 512x128x256 + 128x128x7168
    //     = 187,105,280 (+ norms) -> x 61 = 11.4134B; dense FFN 3 x 3 x 7168 x 18432 = 1.1891B;
    //   embeddings 2 x 129,280 x 7168 = 1.8534B; routers 58 x 256 x 7168 = 0.1064B: 14.56B always on.
    //   total = 14.56B + 257 x 2.5543B = 671.0B; active = 14.56B + 9 x 2.5543B = 37.55B.
    // The paper's 37B is 1.5% below (it rounds, and may leave out the input embedding): tolerance 2%.
    MoeShape in;
    in.experts = 256, in.experts_per_token = 8, in.shared_experts = 1;
    in.expert_params = 2.554e9, in.always_on_params = 14.56e9;
    const auto r = count_moe(in);
    REQUIRE(r.ok());
    CHECK(r.value.total_params == Approx(671e9).epsilon(0.005));
    CHECK(r.value.active_params == Approx(37e9).epsilon(0.02));
    CHECK(r.value.inference_flops_per_token == 2 * r.value.active_params);
    CHECK(r.value.training_flops_per_token == 6 * r.value.active_params);
    CHECK(r.value.weights_gb == Approx(2 * r.value.total_params / 1e9));  // BF16
    CHECK(r.value.sparsity == 32);
    CHECK(r.value.dense_equivalent_multiplier == Approx(6).epsilon(1e-12));  // the gallery's 6x at 1:32
    CHECK(r.value.sentence == "671B parameters with the compute per token of a 37.5B dense model");
}

TEST_CASE("Mixtral 8x7B from its parts: 46.7B total, 12.9B active") {
    // arXiv 2401.04088 Table 1: 32 layers, d 4096, FFN 14336, 32 heads, 8 KV heads of 128, 8
    // experts, top 2, vocabulary 32,000.
    //   one expert: 3 x 4096 x 14336 x 32 = 5,637,144,576
    //   always on: attention 32 x (2 x 4096^2 + 2 x 4096 x 1024) = 1,342,177,280; embeddings
    //   2 x 32,000 x 4096 = 262,144,000; routers 32 x 4096 x 8 = 1,048,576; norms 266,240
    //   = 1,605,636,096.
    //   total = 1.6056B + 8 x 5.6371B = 46.703B; active = 1.6056B + 2 x 5.6371B = 12.880B.
    MoeShape in;
    in.experts = 8, in.experts_per_token = 2;
    in.expert_params = 5637144576, in.always_on_params = 1605636096;
    const auto r = count_moe(in);
    REQUIRE(r.ok());
    CHECK(r.value.total_params == Approx(46.7e9).epsilon(0.001));
    CHECK(r.value.active_params == Approx(12.9e9).epsilon(0.002));
    in.experts_per_token = 9;
    CHECK(count_moe(in).field == "experts_per_token");
    in.experts_per_token = 2, in.expert_params = 0;
    CHECK(count_moe(in).field == "expert_params");
}
