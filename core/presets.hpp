// presets.hpp: published training runs to start from (assets/presets.csv, one source per row):
// budget chips under the explorer's budget field, the Budget view's published runs and the CLI's
// `scaling budget --preset`, and the Scenarios view's reference run. A run in the gallery takes its
// FLOP and GPU-hours from its models.csv row, so each figure is written once.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "gallery.hpp"
#include "hardware.hpp"
#include "result.hpp"

namespace scaling {

struct Preset {
    std::string id, name, source;
    std::string model;       // the models.csv row the figures come from; "" = a run outside the gallery
    std::string gpu;         // hardware.csv id; "" = not a hardware preset
    double flops = 0;        // training FLOP: the model's reported figure, else 6·N_active·D; or the row's own
    double gpu_hours = 0;    // as the model's source states; 0 = not published
    double gpus = 0;         // accelerators used; 0 = not published
    double mfu = 0;          // assumed utilisation where no GPU-hours are published; 0 = follows from them
    bool in_allocator = false;  // a chip under the explorer's budget field
    bool in_budget = false;     // the Budget view's published runs and `scaling budget --preset`
};

// Parses the presets CSV against the gallery and the hardware it names. Errors name the file, line
// and field ("assets/presets.csv:12: preset \"x\": gpu: ...").
Result<std::vector<Preset>> parse_presets(std::string_view text, std::string_view file,
                                          const std::vector<Model>& models, const std::vector<Gpu>& gpus);

// The presets compiled into the program; empty with presets_error() set if they failed to load.
const std::vector<Preset>& all_presets();
const std::string& presets_error();
const Preset* find_preset(std::string_view id);  // nullptr when there is none

// The rows the explorer starts from: its default budget is Chinchilla's, and Grok 3's run is the
// Scenarios view's reference (the Grok 2 -> Grok 3 preset and the default projection).
inline constexpr const char* kDefaultBudgetPreset = "chinchilla";
inline constexpr const char* kGrok3Preset = "grok3-scale";

// "llama31-405b, deepseek-v3, grok3-scale": the ids `scaling budget --preset` takes.
std::string budget_preset_ids();

}  // namespace scaling
