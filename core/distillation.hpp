// distillation.hpp: the compute of distilling through generated data: a teacher writes a dataset
// (long chains of thought; its size in GB -> tokens at a stated bytes per token), 2 N_teacher FLOP
// per generated token (forward only), and a student is fine-tuned on it, 6 N_student FLOP per token
// per epoch (forward and backward): the dense-transformer accounting of core/compute.hpp.
// Busbridge et al. 2025, "Distillation Scaling Laws" (arXiv 2502.08606), fit a law of the student's
// cross-entropy (their Eq. 8) to logit distillation; its fitted constants could not be confirmed from
// the sources reachable here, so the law is not computed: its findings are shown as sourced claims.
#pragma once
#include <string>
#include <vector>

#include "gpu_hours.hpp"
#include "result.hpp"
#include "rl.hpp"

namespace scaling {

// [SECTION] Sourced defaults
// Bytes of text per token. An assumption: "about 4 characters of English text per token" is the rule
// of thumb in circulation for BPE tokenisers (no primary source found; OpenAI's tokenizer help page is
// where it is usually quoted from); DeepSeek's API documentation gives 1 English character ~ 0.3
// token, about 3.3 characters per token (api-docs.deepseek.com, "Token & Token Usage"). One byte
// per character for English (ASCII) text.
inline constexpr double kDefaultBytesPerToken = 4;

// The findings of Busbridge et al. 2025 the Distillation card shows.
const std::vector<SourcedClaim>& distillation_claims();

// [SECTION] The model
struct DistillInputs {
    double teacher_params = 0;   // N_teacher (MoE: active)
    double student_params = 0;   // N_student
    double dataset_gb = 0;       // generated text, GB (1e9 bytes)
    double bytes_per_token = kDefaultBytesPerToken;
    double epochs = 1;           // the student's passes over the data
    const Gpu* gpu = nullptr;    // the accelerator for both phases (BF16 peak)
    double price_per_hour = 0;   // 0: the catalogue's
    double mfu = 0;              // the student's fine-tuning MFU, (0, 1]
    double generation_mfu = 0;   // the teacher's generation MFU, (0, 1]; 0: the same as mfu
};

struct DistillResult {
    double tokens = 0;           // dataset_gb x 1e9 / bytes_per_token
    PhaseCost generation;        // 2 N_teacher x tokens
    PhaseCost fine_tuning;       // 6 N_student x tokens x epochs
    double total_flops = 0, total_gpu_hours = 0, total_dollars = 0;
    std::vector<std::string> warnings;
};

// Errors name the field (its key: teacher_params, student_params, dataset_gb, ...).
Result<DistillResult> distill_cost(const DistillInputs& in);

}  // namespace scaling
