// test_serving.cpp: the Serving view, headless: it shows what the core computes for its default
// inputs (Llama 3 70B on H100s), a permalink restores its fields, bad text is named, and the MoE
// card's defaults and its "Serve this model" button.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "app.hpp"
#include "core/hardware.hpp"
#include "core/quantity.hpp"
#include "core/serving.hpp"
#include "harness.hpp"
#include "semantics.hpp"
#include "ui_probe.hpp"

namespace {
using test_ui::Harness;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The id of the first node of the semantic tree with `role` whose name holds `name` ("" if none).
std::string node_id(const Harness& h, const std::string& role, const std::string& name) {
    std::string id;
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& nodes) {
        for (const nlohmann::json& n : nodes) {
            if (id.empty() && n["role"] == role && n["name"].get<std::string>().find(name) != std::string::npos)
                id = n["id"].get<std::string>();
            if (n.contains("children")) walk(n["children"]);
        }
    };
    walk(nlohmann::json::parse(h.tree)["nodes"]);
    return id;
}

template <class T>
size_t visited_fields() {
    T inputs;
    size_t n = 0;
    inputs.each([&](app::Field&) { ++n; });
    return n;
}
}  // namespace

TEST_CASE("Serving view: the default model's roofline, as the core computes it") {
    Harness h(1280, 3000);  // tall enough for the figures below the answer
    h.show(app::kServing);
    CHECK(ui_probe::text("view") == "Serving");
    // The view's defaults: Llama 3 70B (70B, 80 layers, 64 heads, 8 KV heads of 128) on an H100
    // SXM, BF16, 1000 + 250 tokens, batch 16, the fewest GPUs, MFU 0.5, 80% of bandwidth.
    scaling::ServeInputs in;
    in.gpu = scaling::gpu_from_id("h100-sxm").value;
    in.params = 70e9;
    in.layers = 80, in.heads = 64, in.kv_heads = 8, in.head_dim = 128;
    in.prompt_tokens = 1000, in.output_tokens = 250, in.batch = 16;
    const auto r = scaling::serve(in);
    REQUIRE(r.ok());
    // 140 GB of weights and 16 x 0.4096 GB of cache: TP 2 leaves 2 GB per card for 3.3 GB: TP 4.
    CHECK(r.value.tp == 4);
    CHECK(ui_probe::text("serve_tp") == "4");
    CHECK(ui_probe::text("serve_decode") == scaling::format_count(r.value.decode_tokens_per_second) + " tok/s");
    CHECK(ui_probe::text("serve_throughput") == scaling::format_count(16 * r.value.decode_tokens_per_second) + " tok/s");
    CHECK(ui_probe::text("serve_cost") == "$" + scaling::format_significant(r.value.dollars_per_million_tokens, 3));
    CHECK(ui_probe::text("serve_max_batch") == scaling::format_count(r.value.max_batch));
    CHECK(ui_probe::text("serve_prices_as_of") == "prices as of 2025");
    CHECK(contains(ui_probe::text("serve_7b_70b"), "x slower per sequence"));
    CHECK(contains(ui_probe::text("serve_7b_70b"), "14 GB against 140 GB"));
    // Both figures are drawn.
    ui_probe::Rect fig;
    CHECK(ui_probe::rect("figure:Throughput against batch", &fig));
    CHECK(ui_probe::rect("figure:Speed per sequence against batch", &fig));
}

TEST_CASE("Serving view: a permalink restores its fields, and the view computes from them") {
    CHECK(visited_fields<app::ServingInputs>() * sizeof(app::Field) == sizeof(app::ServingInputs));
    CHECK(visited_fields<app::MoeInputs>() * sizeof(app::Field) == sizeof(app::MoeInputs));
    Harness h;
    const auto notices = app::apply_query(h.state, "view=serving&serve-model=llama3-8b&serve-params=8B&serve-layers=32&serve-heads=32&"
                                                   "serve-kv-heads=8&serve-gpu=mi300x&serve-dtype=fp8&serve-kv-dtype=fp8&serve-batch=1&serve-tp=1&"
                                                   "serve-bandwidth-fraction=1&serve-price=3");
    CHECK(notices.empty());
    h.show(h.state.requested_view);
    CHECK(ui_probe::text("view") == "Serving");
    CHECK(h.state.serving.gpu.text == "mi300x");
    CHECK(h.state.serving.dtype.text == "fp8");
    // 8e9 bytes + 65,536 x 1125 cache bytes (FP8: 2 x 32 x 8 x 128) per token at 5300 GB/s.
    const double expected = 5300e9 / (8e9 + 65536.0 * 1125);
    CHECK(ui_probe::text("serve_decode") == scaling::format_count(expected) + " tok/s");
    CHECK(ui_probe::text("serve_prices_as_of") == "your price");
    // Written back, the link carries the same fields.
    const std::string q = app::query_of(h.state);
    CHECK(contains(q, "serve-dtype=fp8"));
    CHECK(contains(q, "serve-gpu=mi300x"));
    CHECK(contains(q, "moe-experts=256"));
}

TEST_CASE("Serving view: bad text names its field; a refused replica names the GPUs per replica") {
    Harness h;
    h.show(app::kServing);
    h.state.serving.batch.text = "-1";
    h.frames(2);
    CHECK(contains(ui_probe::text("input_error"), "Batch"));
    h.state.serving.batch.text = "1";
    h.state.serving.tp.text = "1";  // 140 GB of BF16 weights on one 80 GB card
    h.frames(2);
    CHECK(contains(ui_probe::text("serve_error"), "tp: with 1 GPU per replica, each NVIDIA H100 SXM would hold 140 GB"));
    h.state.serving.tp.text = "";
    h.state.serving.batch.text = "500";  // beyond the cache at TP 2 ... the view says so
    h.state.serving.tp.text = "2";
    h.frames(2);
    CHECK(contains(ui_probe::text("serve_warnings"), "Speeds are computed as if it fit"));
}

TEST_CASE("Serving view, MoE card: DeepSeek-V3's parts, and Serve this model") {
    Harness h(1280, 4000);  // tall enough that the last card is on screen
    h.show(app::kServing);
    CHECK(ui_probe::text("moe_total") == "671B");
    CHECK(ui_probe::text("moe_active") == "37.5B");
    CHECK(ui_probe::text("moe_memory") == "1342 GB");  // BF16: 2 x 670.938e9 bytes
    CHECK(ui_probe::text("moe_sentence") == "671B parameters with the compute per token of a 37.5B dense model");
    h.click("moe_serve");
    h.frames(2);
    CHECK(h.state.serving.params.text == scaling::format_typed(670.938e9));
    CHECK(h.state.serving.active_params.text == scaling::format_typed(37.546e9));
    h.state.moe.experts_per_token.text = "300";  // more than the 256 experts
    h.frames(2);
    ui_probe::Rect button;
    CHECK_FALSE(ui_probe::rect("moe_serve", &button));
    CHECK(contains(ui_probe::text("moe_error"), "Routed experts per token: a token cannot use more experts (300)"));
}

TEST_CASE("Serving view: choosing a model fills its parameters and shape; typed values then override them") {
    Harness h;
    h.show(app::kServing);
    const std::string model = node_id(h, "select", "Model");
    REQUIRE(!model.empty());
    sem::act(model, "choose", "6");  // the presets' order: DeepSeek-V3 last
    h.frames(3);
    CHECK(h.state.serving.model.text == "deepseek-v3");
    CHECK(h.state.serving.params.text == "671B");
    CHECK(h.state.serving.active_params.text == "37B");
    CHECK(h.state.serving.latent_dim.text == "576");
    // 1342 GB of BF16 weights: 16 H100s would hold 83.9 GB each, over the 72 GB usable; 32 hold
    // 41.9 GB and the batch's whole MLA cache (16 x 70,272 x 1250 bytes = 1.41 GB) on every card.
    CHECK(ui_probe::text("serve_tp") == "32");
    CHECK(contains(ui_probe::text("serve_warnings"), "32 GPUs span 4 nodes"));
    h.state.serving.params.text = "700B";
    h.frames(2);
    CHECK(h.state.serving.model.text == "deepseek-v3");  // the preset stays chosen; the typed value counts
    CHECK(contains(ui_probe::text("serve_warnings"), "lower bound"));
}

TEST_CASE("Serving view: the docs page's example link opens the 70B on an MI300X at 37.8 tokens/s") {
    // site/docs-serving.html: 5300e9 / (140e9 + 327,680 x 1125) = 37.757 tokens/s at batch 1.
    Harness h(1280, 3000);
    CHECK(app::apply_query(h.state, "view=serving&serve-model=llama2-70b&serve-params=70B&serve-layers=80&serve-heads=64&"
                                    "serve-kv-heads=8&serve-head-dim=128&serve-latent-dim=0&serve-gpu=mi300x&"
                                    "serve-batch=1&serve-bandwidth-fraction=1")
              .empty());
    h.show(h.state.requested_view);
    CHECK(ui_probe::text("serve_decode") == "37.8 tok/s");
    CHECK(ui_probe::text("serve_tp") == "1");
}
