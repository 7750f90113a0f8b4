// gpu_hours.hpp: a phase's FLOP on one accelerator type -> GPU-hours and dollars (post-training: RL
// rollouts and updates, a teacher's generation, a student's fine-tuning), at the phase's own MFU.
// GPU-hours = FLOP / (dense BF16 peak x MFU x 3600 s); dollars = GPU-hours x price per hour.
#pragma once
#include "hardware.hpp"

namespace scaling {

struct PhaseCost {
    double flops = 0;      // the phase's FLOP
    double mfu = 0;        // the share of peak it reaches, (0, 1]
    double gpu_hours = 0;  // flops / (peak x mfu x 3600)
    double dollars = 0;    // gpu_hours x price per GPU-hour
};

// BF16 peak (every catalogue GPU has it); price 0: the catalogue's. The caller has checked gpu,
// mfu in (0, 1] and price >= 0.
PhaseCost phase_cost(const Gpu& gpu, double price_per_hour, double flops, double mfu);

}  // namespace scaling
