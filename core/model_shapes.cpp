// model_shapes.cpp: the table of model_shapes.hpp, one row per model with its source.
#include "model_shapes.hpp"

#include "catalog.hpp"
#include "gallery.hpp"
#include "quantity.hpp"

namespace scaling {

const std::vector<ModelShape>& model_shapes() {
    static const std::vector<ModelShape> kShapes = {
        // id, layers, heads, KV heads, head dim, MLA latent
        {"llama2-7b", 32, 32, 32, 128, 0,
         "Touvron et al. 2023, arXiv 2307.09288 Sec. 2.2 (Llama 1's architecture: arXiv 2302.13971 Table 2, 6.7B: "
         "32 layers, 32 heads, d 4096); multi-head attention"},
        {"llama2-70b", 80, 64, 8, 128, 0,
         "Touvron et al. 2023, arXiv 2307.09288 Table 1 (GQA for 70B); 80 layers, 64 heads, 8 KV heads, d 8192 "
         "from the model's config.json (meta-llama/Llama-2-70b-hf)"},
        {"llama3-8b", 32, 32, 8, 128, 0, "Llama Team 2024, arXiv 2407.21783 Table 3 (d 4096 / 32 heads = 128)"},
        {"llama3-70b", 80, 64, 8, 128, 0, "Llama Team 2024, arXiv 2407.21783 Table 3 (d 8192 / 64 heads = 128)"},
        {"llama31-405b", 126, 128, 8, 128, 0, "Llama Team 2024, arXiv 2407.21783 Table 3 (d 16384 / 128 heads = 128)"},
        {"mixtral-8x7b", 32, 32, 8, 128, 0, "Jiang et al. 2024, arXiv 2401.04088 Table 1"},
        // MLA caches the compressed KV (d_c = 512) and the decoupled RoPE key (d_h^R = 64) per layer.
        {"deepseek-v3", 61, 128, 128, 128, 576,
         "DeepSeek-AI 2024, arXiv 2412.19437 Sec. 4.2 (61 layers, 128 heads of 128, d_c 512, d_h^R 64)"},
    };
    return kShapes;
}

const ModelShape* find_model_shape(std::string_view id) {
    for (const ModelShape& s : model_shapes())
        if (id == s.id) return &s;
    return nullptr;
}

std::vector<std::string> model_shape_ids() {
    std::vector<std::string> ids;
    for (const ModelShape& s : model_shapes()) ids.push_back(s.id);
    return ids;
}

}  // namespace scaling

namespace scaling {

Result<ServeInputs> with_model(ServeInputs in, std::string_view id) {
    using R = Result<ServeInputs>;
    const ModelShape* shape = find_model_shape(id);
    if (!shape) return R::fail("unknown model " + quote_input(id), "model");
    if (!gallery_error().empty()) return R::fail("the gallery failed to load: " + gallery_error(), "model");
    const Model* m = find_by_id(all_models(), shape->id);
    if (!m) return R::fail("model " + quote_input(id) + " is not in assets/models.csv", "model");
    in.params = m->params_total;
    in.active_params = m->params_active < m->params_total ? m->params_active : 0;
    in.layers = shape->layers, in.heads = shape->heads, in.kv_heads = shape->kv_heads;
    in.head_dim = shape->head_dim, in.latent_dim = shape->latent_dim;
    return R::of(in);
}

Result<SizeComparison> compare_7b_70b(const ServeInputs& setting) {
    using R = Result<SizeComparison>;
    ServeInputs base = setting;
    base.batch = 1, base.tp = 0;
    SizeComparison c;
    ServeResult* slots[2] = {&c.small, &c.large};
    const char* ids[2] = {"llama2-7b", "llama2-70b"};
    for (int i = 0; i < 2; ++i) {
        const Result<ServeInputs> in = with_model(base, ids[i]);
        if (!in.ok()) return R::fail(in.error, in.field);
        const Result<ServeResult> r = serve(in.value);
        if (!r.ok()) return R::fail(r.error, r.field);
        *slots[i] = r.value;
    }
    c.speed_ratio = c.small.decode_tokens_per_second / c.large.decode_tokens_per_second;
    c.gpu_time_ratio = c.speed_ratio * c.large.tp / c.small.tp;
    const auto gpus = [](double tp) { return format_fixed(tp, 0) + (tp == 1 ? " GPU" : " GPUs (TP " + format_fixed(tp, 0) + ")"); };
    const auto speed = [](const ServeResult& r) { return format_significant(r.decode_tokens_per_second, 3) + " tokens/s"; };
    c.sentence = "At batch 1 on " + setting.gpu->name + " with " + dtype_name(setting.weights) +
                 " weights, Llama 2 7B decodes " + speed(c.small) + " on " + gpus(c.small.tp) + " and Llama 2 70B " +
                 speed(c.large) + " on " + gpus(c.large.tp) + ": " + format_fixed(c.speed_ratio, 1) +
                 "x slower per sequence, " + format_fixed(c.gpu_time_ratio, 1) +
                 "x the GPU-time per token. Each token reads every weight once: " + format_significant(c.small.weights_gb, 3) +
                 " GB against " + format_significant(c.large.weights_gb, 3) + " GB, " + format_significant(c.large.weights_gb / c.small.weights_gb, 3) + "x" +
                 (c.large.tp > c.small.tp ? "; tensor parallelism spreads the 70B's reads over " +
                                                format_fixed(c.large.tp, 0) + " cards' bandwidth"
                                          : "") +
                 ". FP8 weights halve the bytes read and INT4 quarter them, for both.";
    return R::of(c);
}

}  // namespace scaling
