// hardware.hpp: accelerators (assets/hardware.csv), the budget converter FLOP <-> (GPU, count,
// days, MFU) <-> dollars, and memory: weights, mixed-precision training state, KV cache, and the
// fewest GPUs that hold a model for training or serving.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "result.hpp"

namespace scaling {

enum class Dtype { FP32, BF16, FP8, INT8, INT4 };

struct Gpu {
    std::string id, name, source, price_source;
    std::string price_date;     // when the price was read: "2025" or "2024-12" ("prices as of ...")
    double bf16_tflops = 0, fp8_tflops = 0, int8_tops = 0;  // dense peak; 0 = no such mode
    double memory_gb = 0;       // on-package memory, GB (1e9 bytes)
    double bandwidth_gbs = 0;   // memory bandwidth, GB/s
    double price_per_hour = 0;  // typical rental, US dollars

    // Dense peak FLOP/s for a compute dtype (BF16, FP8, INT8); 0 when the chip lacks it.
    double peak_flops(Dtype dtype) const;
};

Result<std::vector<Gpu>> parse_hardware(std::string_view text, std::string_view file);
const std::vector<Gpu>& all_gpus();
const std::string& hardware_error();
Result<const Gpu*> gpu_from_id(std::string_view id);  // error lists the valid ids
Result<Dtype> dtype_from_text(std::string_view text);  // "bf16", "fp8", "int8", "fp32", "int4"
const char* dtype_name(Dtype d);
double bytes_per_param(Dtype d);  // 4, 2, 1, 1, 0.5

// [Budget] FLOP = GPUs x seconds x peak x MFU; dollars = GPU-hours x price. Leave exactly one of
// flops, gpus, days, mfu (or dollars in place of days) at 0 and solve() fills it in.
struct Budget {
    const Gpu* gpu = nullptr;
    Dtype dtype = Dtype::BF16;
    double price_per_hour = 0;  // 0: the catalogue's price
    double flops = 0;           // training FLOP
    double gpus = 0;            // number of accelerators
    double days = 0;            // wall-clock days
    double mfu = 0;             // model FLOP utilisation, (0, 1]
    double dollars = 0;         // rental cost
    double gpu_hours = 0;       // filled by solve()
};
// Errors name the field: nothing or too much left open, MFU outside (0, 1], a dtype the GPU lacks.
Result<Budget> solve_budget(Budget b);

// [Memory] Bytes of a model in memory (GB = 1e9 bytes).
struct MemoryInputs {
    double params = 0;            // parameters held in memory (MoE: total)
    Dtype weights = Dtype::BF16;  // serving precision
    double layers = 0, kv_heads = 0, head_dim = 0;  // for the KV cache; 0 = not given
    double context_tokens = 0;    // tokens cached per sequence
    double batch = 1;             // sequences served at once
    double usable_fraction = 0.9; // of each GPU's memory (runtime, fragmentation)
};
struct Memory {
    double weights_gb = 0;         // params x bytes/param of the serving dtype
    double training_gb = 0;        // params x 16 bytes (mixed-precision Adam, see kTrainingBytesPerParam)
    double kv_bytes_per_token = 0; // 2 (K and V) x layers x kv_heads x head_dim x 2 bytes (BF16 cache)
    double kv_cache_gb = 0;        // per token x context x batch
    double serve_gb = 0;           // weights + KV cache
    // Whole numbers, held as double: a 1e20-parameter what-if needs more GPUs than an int counts.
    double gpus_to_train = 0;      // fewest GPUs holding the training state (activations excluded)
    double gpus_to_serve = 0;      // fewest GPUs holding weights + KV cache
};
// Mixed-precision Adam: BF16 weights (2) + BF16 gradients (2) + FP32 master weights (4) + FP32 Adam
// first and second moments (4 + 4) = 16 bytes per parameter (Rajbhandari et al. 2020, ZeRO, Sec. 3.1).
inline constexpr double kTrainingBytesPerParam = 16.0;
Result<Memory> memory(const MemoryInputs& in, const Gpu& gpu);

}  // namespace scaling
