// compute.hpp: the FLOP accounting every law here shares (Kaplan et al. 2020, Sec. 2.1: C = 6ND
// for training, 2N per token for a forward pass).
#pragma once

namespace scaling {

// Dense transformer training: C ≈ 6·N·D (forward 2ND + backward 4ND). Kaplan et al. 2020 Sec. 2.1;
// Hoffmann et al. 2022 Sec. 3 use the same approximation for their allocations.
inline constexpr double kTrainFlopPerParamToken = 6.0;

// Inference: the forward pass alone, C ≈ 2·N per token, a multiply and an add per parameter
// (Kaplan et al. 2020, Sec. 2.1 and Table 1; the context term 2·n_layer·n_ctx·d_attn is left out as
// small beside it). Sardana et al. 2024 price serving over a model's life the same way.
inline constexpr double kInferenceFlopPerParamToken = 2.0;

// 1 PF-day = 1e15 FLOP/s x 86,400 s. Kaplan et al. 2020 state compute in PF-days.
inline constexpr double kFlopPerPfDay = 8.64e19;

}  // namespace scaling
