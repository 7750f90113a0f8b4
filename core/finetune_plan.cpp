// finetune_plan.cpp: FLOP, memory, GPUs and dollars of a fine-tuning run (finetune_plan.hpp).
#include "finetune_plan.hpp"

#include <algorithm>
#include <cmath>

#include "finetune.hpp"

namespace scaling {
namespace {

constexpr double kAspect = 128;             // d_model / layers of Llama 7B: 4096 / 32
constexpr double kUsable = 0.9;             // of each GPU's memory, as hardware.hpp's MemoryInputs
constexpr double kOptimiserBytes = 12;      // FP32 master 4 + Adam moments 4 + 4 (ZeRO Sec. 3.1)
constexpr double kGradientBytes = 2;        // BF16

// GPU count, time and dollars of `run` through the Budget converter (hardware.hpp).
Result<FinetuneRun> on_hardware(FinetuneRun run, const FinetunePlanInputs& in, double* price) {
    using R = Result<FinetuneRun>;
    const double usable_gb = in.gpu->memory_gb * kUsable;
    run.gpus = in.gpus > 0 ? in.gpus : std::max(1.0, std::ceil(run.memory_gb / usable_gb - 1e-9));
    Budget b;
    b.gpu = in.gpu;
    b.price_per_hour = in.price_per_hour;
    b.flops = run.flops;
    b.gpus = run.gpus;
    b.mfu = in.mfu;
    const Result<Budget> s = solve_budget(b);
    if (!s.ok()) return R::fail(s.error, s.field);
    run.gpu_hours = s.value.gpu_hours;
    run.days = s.value.days;
    run.dollars = s.value.dollars;
    *price = s.value.price_per_hour;
    return R::of(run);
}

}  // namespace

ModelShapeGuess shape_from_params(double params) {
    // N = 12 L d^2 with d = 128 L: L^3 = N / (12 x 128^2).
    const double layers = std::max(1.0, std::round(std::cbrt(params / (12 * kAspect * kAspect))));
    return {layers, std::max(1.0, std::round(std::sqrt(params / (12 * layers))))};
}

double lora_adapter_params(double rank, double layers, double d_model) { return 8 * rank * d_model * layers; }

Result<FinetunePlan> plan_finetune(const FinetunePlanInputs& in) {
    using R = Result<FinetunePlan>;
    if (!in.gpu) return R::fail("is required", "gpu");
    FinetunePlan p;
    p.tokens = in.examples * in.tokens_per_example;
    p.shape_from_rule = !(in.layers > 0 && in.d_model > 0);
    p.shape = shape_from_params(in.params);
    if (in.layers > 0) p.shape.layers = in.layers;
    if (in.d_model > 0) p.shape.d_model = in.d_model;

    FinetuneRun full;
    full.flops = 6 * in.params * p.tokens;
    full.weights_gb = in.params * bytes_per_param(Dtype::BF16) / 1e9;
    full.gradients_gb = in.params * kGradientBytes / 1e9;
    full.optimiser_gb = in.params * kOptimiserBytes / 1e9;
    full.memory_gb = in.params * kTrainingBytesPerParam / 1e9;  // = the three above: 2 + 2 + 12
    const Result<FinetuneRun> f = on_hardware(full, in, &p.price_per_hour);
    if (!f.ok()) return R::fail(f.error, f.field);
    p.full = f.value;

    if (in.lora_rank > 0) {
        p.has_lora = true;
        const double a = lora_adapter_params(in.lora_rank, p.shape.layers, p.shape.d_model);
        if (a >= in.params)
            return R::fail("gives adapters (" + std::to_string(static_cast<long long>(a)) +
                               " parameters) as large as the model: lower the rank or check layers and d_model",
                           "lora_rank");
        p.adapter_params = a;
        FinetuneRun lora;
        lora.flops = 4 * in.params * p.tokens + 6 * a * p.tokens;
        lora.weights_gb = in.params * bytes_per_param(in.frozen) / 1e9;
        lora.gradients_gb = a * kGradientBytes / 1e9;
        lora.optimiser_gb = a * kOptimiserBytes / 1e9;
        lora.memory_gb = lora.weights_gb + a * kTrainingBytesPerParam / 1e9;
        const Result<FinetuneRun> l = on_hardware(lora, in, &p.price_per_hour);
        if (!l.ok()) return R::fail(l.error, l.field);
        p.lora = l.value;
    }
    return R::of(p);
}

VersusPretraining versus_pretraining(double params, double finetune_tokens, double pretraining_tokens) {
    VersusPretraining v;
    v.pretraining_tokens = pretraining_tokens > 0 ? pretraining_tokens : 20 * params;
    v.pretraining_flops = 6 * params * v.pretraining_tokens;
    v.data_ratio = finetune_tokens / v.pretraining_tokens;
    v.compute_ratio = v.data_ratio;  // 6 N D_ft / 6 N D_pre: full fine-tuning, the same N
    v.transferred_tokens = transferred_data(TransferConstants{}, finetune_tokens, params);
    return v;
}

const RankClaim* rank_claims(int* count) {
    static const RankClaim kClaims[] = {
        {"LoRA rank 8 reaches about 80-90% of full fine-tuning; rank 64 about matches it",
         "in circulation; no primary source found",
         "No paper found giving these fractions. The two primary sources below point in different directions, "
         "depending on the task."},
        {"Very small ranks are already competitive on GPT-3 175B (WikiSQL, MultiNLI)", "sourced",
         "Hu et al. 2021, arXiv 2106.09685, Sec. 7.2 and Table 6 (ranks 1, 2, 4, 8, 64 on W_q, W_v); the abstract: "
         "LoRA on par with or better than full fine-tuning on RoBERTa, DeBERTa, GPT-2 and GPT-3"},
        {"LoRA substantially underperforms full fine-tuning on code and maths, and forgets less", "sourced",
         "Biderman et al. 2024, \"LoRA Learns Less and Forgets Less\", arXiv 2405.09673 (TMLR): instruction "
         "fine-tuning (~100K pairs) and continued pre-training (~20B tokens) on Llama 2 7B; full fine-tuning learns "
         "perturbations of rank 10-100x typical LoRA ranks"},
        {"LoRA matches full fine-tuning on small and medium instruction or reasoning sets and falls behind when the "
         "data exceed its capacity; attention-only LoRA falls behind even at matched parameter counts",
         "sourced (a lab's write-up, not peer reviewed)",
         "Thinking Machines Lab 2025, \"LoRA Without Regret\", as summarised in its Tinker docs' LoRA primer. The "
         "adapters counted here are attention-only"},
    };
    *count = static_cast<int>(std::size(kClaims));
    return kClaims;
}

}  // namespace scaling
