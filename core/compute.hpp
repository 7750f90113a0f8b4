// compute.hpp: the FLOP accounting every law here shares (Kaplan et al. 2020, Sec. 2.1: C = 6ND
// for training, 2N per token for a forward pass).
#pragma once

namespace scaling {

// Dense transformer training: C ≈ 6·N·D (forward 2ND + backward 4ND). Kaplan et al. 2020 Sec. 2.1;
// Hoffmann et al. 2022 Sec. 3 use the same approximation for their allocations.
inline constexpr double kTrainFlopPerParamToken = 6.0;

// 1 PF-day = 1e15 FLOP/s x 86,400 s. Kaplan et al. 2020 state compute in PF-days.
inline constexpr double kFlopPerPfDay = 8.64e19;

}  // namespace scaling
