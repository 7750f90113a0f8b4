// gpu_hours.cpp: FLOP at an MFU on one accelerator -> GPU-hours and dollars (gpu_hours.hpp).
#include "gpu_hours.hpp"

namespace scaling {

PhaseCost phase_cost(const Gpu& gpu, double price_per_hour, double flops, double mfu) {
    PhaseCost c;
    c.flops = flops, c.mfu = mfu;
    c.gpu_hours = flops / (gpu.peak_flops(Dtype::BF16) * mfu * 3600);
    c.dollars = c.gpu_hours * (price_per_hour > 0 ? price_per_hour : gpu.price_per_hour);
    return c;
}

}  // namespace scaling
