// distillation.cpp: a teacher's generated dataset and a student's fine-tuning on it, in FLOP,
// GPU-hours and dollars (distillation.hpp); Busbridge et al. 2025's findings as claims.
#include "distillation.hpp"

#include <cmath>

#include "compute.hpp"

namespace scaling {

const std::vector<SourcedClaim>& distillation_claims() {
    // Paraphrased from the abstract and Figure 1 of arXiv 2502.08606 (v2, July 2025).
    static const std::vector<SourcedClaim> kClaims = {
        {"Existing teacher",
         "With a teacher that already exists, or many students to distil, distillation beats supervised learning up "
         "to a compute level that grows predictably with the student's size.",
         "Busbridge et al. 2025, \"Distillation Scaling Laws\", arXiv 2502.08606, abstract."},
        {"Teacher to train",
         "If only one student is to be distilled and the teacher must be trained too, supervised learning is "
         "generally preferable.",
         "Busbridge et al. 2025, arXiv 2502.08606, abstract."},
        {"Capacity gap",
         "Teachers with lower cross-entropy generally give students with lower cross-entropy, until the capacity gap: "
         "past it a stronger teacher gives a worse student. A student can also outperform its teacher.",
         "Busbridge et al. 2025, arXiv 2502.08606, Figure 1 and its caption (the law, their Eq. 8, fitted to students "
         "with cross-entropy above 2.3)."},
    };
    return kClaims;
}

Result<DistillResult> distill_cost(const DistillInputs& in) {
    using R = Result<DistillResult>;
    if (!in.gpu) return R::fail("no accelerator given", "gpu");
    const std::pair<const char*, double> positive[] = {
        {"teacher_params", in.teacher_params}, {"student_params", in.student_params}, {"dataset_gb", in.dataset_gb},
        {"bytes_per_token", in.bytes_per_token}, {"epochs", in.epochs}};
    for (const auto& [key, v] : positive)
        if (!(v > 0 && std::isfinite(v))) return R::fail("must be greater than zero", key);
    if (!(in.mfu > 0 && in.mfu <= 1)) return R::fail("must be above 0 and at most 1", "mfu");
    if (!(in.generation_mfu >= 0 && in.generation_mfu <= 1)) return R::fail("must be above 0 and at most 1", "generation_mfu");
    if (!(in.price_per_hour >= 0)) return R::fail("must be greater than zero", "price");

    DistillResult r;
    r.tokens = in.dataset_gb * 1e9 / in.bytes_per_token;
    r.generation = phase_cost(*in.gpu, in.price_per_hour, kInferenceFlopPerParamToken * in.teacher_params * r.tokens,
                              in.generation_mfu > 0 ? in.generation_mfu : in.mfu);
    r.fine_tuning =
        phase_cost(*in.gpu, in.price_per_hour, kTrainFlopPerParamToken * in.student_params * r.tokens * in.epochs, in.mfu);
    r.total_flops = r.generation.flops + r.fine_tuning.flops;
    r.total_gpu_hours = r.generation.gpu_hours + r.fine_tuning.gpu_hours;
    r.total_dollars = r.generation.dollars + r.fine_tuning.dollars;
    if (!std::isfinite(r.total_dollars) || !std::isfinite(r.tokens))
        return R::fail("the product of the inputs is beyond a double: make it smaller", "dataset_gb");

    if (in.generation_mfu == 0 || in.generation_mfu >= in.mfu)
        r.warnings.push_back("the teacher's generation is decoded a token at a time: memory-bound, it reaches a lower "
                             "MFU than fine-tuning; set the generation MFU (--generation-mfu) for your own figure");
    if (in.student_params >= in.teacher_params)
        r.warnings.push_back("the student is not smaller than the teacher");
    return R::of(r);
}

}  // namespace scaling
