// finetune_plan.hpp: what a fine-tuning run costs: FLOP, memory, GPUs, days and dollars, for full
// fine-tuning and for LoRA adapters (Hu et al. 2021, arXiv 2106.09685) on frozen weights, which
// may be quantised (QLoRA: Dettmers et al. 2023, arXiv 2305.14314); and the run beside the model's
// pre-training (data, compute, and Hernandez et al. 2021's transfer exponents, core/finetune.hpp).
//
// Accounting (site/docs-fine-tuning.html says the same):
// - Full: 6 N D_ft FLOP, D_ft = examples x tokens per example (Kaplan et al. 2020, Sec. 2.1: 2N
//   forward, 4N backward per token).
// - LoRA: 4 N D_ft + 6 A D_ft. The frozen weights need the forward (2N) and the gradient with
//   respect to the activations (2N) to reach the adapters below them, but no gradient with respect
//   to themselves (the other 2N); the A adapter parameters cost the usual 6 per token. So LoRA is
//   about 2/3 of full. This is an accounting choice, not a measurement: Hu et al. report memory and
//   speed, not FLOP, and recomputing activations (checkpointing) adds another forward, 2N.
// - Adapters: rank r on the four attention projections q, k, v, o, each d_model x d_model, with A
//   (r x d) and B (d x r): 4 x 2 r d per layer, A = 8 r d L (the count Hu et al. 2021 Sec. 7.1 use:
//   18M on GPT-3 175B is r = 8 on one type of attention weight over 96 layers, 2 x 12288 x 8 x 96
//   = 18.9M). Grouped-query attention makes k and v narrower, so this overstates A for such
//   models; LoRA on the MLP too adds more.
// - Memory (activations excluded): full = 16 bytes/param (kTrainingBytesPerParam, ZeRO Sec. 3.1:
//   BF16 weights 2 + gradients 2 + FP32 master 4 + Adam moments 8); LoRA = frozen weights at their
//   precision (BF16 2 bytes; INT4 0.5 as QLoRA's 4-bit NormalFloat, its quantisation constants left
//   out) + 16 bytes per adapter parameter.
#pragma once
#include <string>

#include "hardware.hpp"
#include "result.hpp"

namespace scaling {

// The shape a parameter count implies when layers and d_model are not typed: N = 12 L d^2
// (non-embedding, Kaplan et al. 2020 Sec. 2.1) with d = 128 L, the aspect ratio of Llama 7B
// (32 layers, d_model 4096: Touvron et al. 2023, arXiv 2302.13971 Table 2). L is rounded to a
// whole layer and d_model then solved from N: 7e9 -> 33 layers, d_model 4204.
struct ModelShapeGuess {
    double layers = 0, d_model = 0;
};
ModelShapeGuess shape_from_params(double params);

double lora_adapter_params(double rank, double layers, double d_model);  // 8 r d L

struct FinetunePlanInputs {
    double params = 0;               // N
    double examples = 0, tokens_per_example = 0;
    double lora_rank = 0;            // 0: full fine-tuning only
    double layers = 0, d_model = 0;  // 0: from shape_from_params
    Dtype frozen = Dtype::BF16;      // LoRA's frozen weights (INT4: QLoRA)
    const Gpu* gpu = nullptr;
    double gpus = 0;                 // 0: the fewest that hold the run's memory
    double mfu = 0.4;
    double price_per_hour = 0;       // 0: the catalogue's
};

// One way of fine-tuning: its FLOP, memory and what it takes on the hardware.
struct FinetuneRun {
    double flops = 0;
    double memory_gb = 0;               // the sum of the three below
    double weights_gb = 0;              // full: BF16 weights; LoRA: frozen weights at their precision
    double gradients_gb = 0;            // full: BF16 gradients; LoRA: the adapters' (2 bytes each)
    double optimiser_gb = 0;            // FP32 master copy + Adam moments, 12 bytes per trained param
    double gpus = 0, gpu_hours = 0, days = 0, dollars = 0;
};

struct FinetunePlan {
    double tokens = 0;                // D_ft
    ModelShapeGuess shape;            // used for the adapters
    bool shape_from_rule = false;
    FinetuneRun full;
    bool has_lora = false;
    double adapter_params = 0;
    FinetuneRun lora;
    double price_per_hour = 0;        // in force
};

// Errors name the field: a GPU too small for the weights, an MFU or GPU count refused by the budget.
Result<FinetunePlan> plan_finetune(const FinetunePlanInputs& in);

// The run beside pre-training the same model on `pretraining_tokens` (0: 20 N, Hoffmann et al.
// 2022's compute-optimal tokens per parameter, arXiv 2203.15556 Table 3).
struct VersusPretraining {
    double pretraining_tokens = 0, pretraining_flops = 0;  // 6 N D_pre
    double data_ratio = 0, compute_ratio = 0;              // fine-tuning over pre-training (full FT)
    double transferred_tokens = 0;                         // Hernandez et al. 2021, D_T(D_ft, N)
};
VersusPretraining versus_pretraining(double params, double finetune_tokens, double pretraining_tokens);

// The LoRA-rank guidance in circulation and what primary sources say.
struct RankClaim {
    const char* claim;
    const char* status;  // "sourced", "in circulation; no primary source found", "contradicted in part"
    const char* source;
};
const RankClaim* rank_claims(int* count);

}  // namespace scaling
