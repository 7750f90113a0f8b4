// model_shapes.hpp: attention shapes of real models, so the Serving view and `scaling serve
// --model` need no typing. Parameters come from the gallery (assets/models.csv, the same id), so
// each count is written once; the shapes are here, each row with its source.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "serving.hpp"

namespace scaling {

struct ModelShape {
    const char* id;     // the models.csv row: params_total, params_active
    double layers, heads, kv_heads, head_dim;
    double latent_dim;  // MLA: values cached per layer per token; 0 for GQA/MHA
    const char* source;
};

const std::vector<ModelShape>& model_shapes();
const ModelShape* find_model_shape(std::string_view id);
// The choices for the `model` input: the shapes' ids, in order.
std::vector<std::string> model_shape_ids();

// `in` with the model's parameters (from the gallery) and attention shape filled in. Errors name
// "model" (an unknown id, or a gallery that failed to load).
Result<ServeInputs> with_model(ServeInputs in, std::string_view id);

// "A 7B model answers about 10x faster than a 70B one", as numbers: Llama 2 7B against Llama 2 70B
// at batch 1 on the GPU, precisions, prompt, output and efficiencies of `setting` (its model, batch
// and tp are replaced: each gets the fewest GPUs that hold it).
struct SizeComparison {
    ServeResult small, large;
    double speed_ratio = 0;     // small's decode tokens/s over large's (per sequence)
    double gpu_time_ratio = 0;  // large's GPU-seconds per token over small's
    std::string sentence;
};
Result<SizeComparison> compare_7b_70b(const ServeInputs& setting);

}  // namespace scaling
