// gallery.hpp: real models (assets/models.csv, one source per row) and what follows from each:
// training compute C = 6·N_active·D, tokens per parameter, over- or under-training against a law's
// optimum at that compute, predicted loss, and for mixtures of experts a dense-equivalent compute.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "laws.hpp"
#include "result.hpp"

namespace scaling {

struct Model {
    std::string id, name, organisation, source;
    int year = 0;
    double params_total = 0;    // what sits in memory
    double params_active = 0;   // used per token (FLOP); equals params_total for dense models
    double tokens = 0;          // training tokens; 0 = not published
    double reported_flops = 0;  // as the source states; 0 = not published
    double gpu_hours = 0;       // as the source states; 0 = not published
    std::string gpu;
    int experts_total = 0, experts_active = 0;  // mixture of experts routing; 0 = dense
    int line = 0;               // in the data file, for messages

    bool is_moe() const { return experts_total > 0; }
    bool has_tokens() const { return tokens > 0; }
};

// Parses the models CSV: '#' comment lines, a header naming the columns, quoted fields allowed.
// Errors name file, line and field ("assets/models.csv:12: model \"x\": tokens: ...").
Result<std::vector<Model>> parse_models(std::string_view text, std::string_view file);

// The gallery compiled into the program; empty with gallery_error() set if it failed to load.
const std::vector<Model>& all_models();
const std::string& gallery_error();

// Compute the model's training took under C = 6·N_active·D (0 when tokens are not published).
double training_flops(const Model& m);

// Dense-equivalent compute of a mixture of experts, an estimate: the multiplier is about 3x at 1:8
// expert sparsity and 6x at 1:32 (multipliers in circulation, e.g. DeepSeek-V3's 4e24
// raw FLOP quoted as about 2.5e25 dense-equivalent; no paper fits them), with 1x for a dense model;
// between and beyond those anchors a straight line in log-log (3·sqrt(s/8) from 1:8 up), in the
// sparsity s = experts_total / experts_active. 0 for dense models or unknown tokens.
double dense_equivalent_flops(const Model& m);
// The multiplier alone: s^(ln 3 / ln 8) up to s = 8, then 3·sqrt(s/8); 1 for s <= 1.
double moe_compute_multiplier(double sparsity);
extern const char* const kDenseEquivalentNote;

// A model against one law at the model's own compute.
struct Versus {
    bool ok = false;             // false when tokens are unknown or the law gives no parameters
    double optimal_params = 0;   // N_opt at the model's compute
    double overtraining = 0;     // (D/N) / (D_opt/N_opt): above 1 the model saw more tokens per parameter
    bool has_loss = false;       // dense models under a law with a loss form
    double loss = 0;             // L(N, D) predicted for the model itself
};
Versus versus(const Model& m, const Law& law);

}  // namespace scaling
