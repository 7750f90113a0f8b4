// test_presets.cpp: the published runs of assets/presets.csv: their figures as published (pinned
// here against the papers), taken from the gallery where the run is there, offered where they
// should be, and a bad row refused with the file, the line and the field.
#include <doctest/doctest.h>

#include <string>

#include "core/catalog.hpp"
#include "core/presets.hpp"
#include "core/requests.hpp"

using namespace scaling;
using doctest::Approx;

namespace {
const std::string kHeader = "id,name,model,flops,gpu,gpus,mfu,offered_in,source\n";
std::string parse_error(const std::string& rows) {
    return parse_presets(kHeader + rows, "p.csv", all_models(), all_gpus()).error;
}
}  // namespace

TEST_CASE("the presets load, each with a name and a source") {
    REQUIRE_MESSAGE(presets_error().empty(), presets_error());
    REQUIRE(all_presets().size() == 4);
    for (const Preset& p : all_presets()) {
        CAPTURE(p.id);
        CHECK_FALSE(p.name.empty());
        CHECK_FALSE(p.source.empty());
        CHECK(p.flops > 0);
    }
}

TEST_CASE("the presets' figures are the published ones") {
    for (const char* id : {"chinchilla", "llama31-405b", "deepseek-v3", "grok3-scale"}) REQUIRE_MESSAGE(find_preset(id) != nullptr, id);
    // Hoffmann et al. 2022 (arXiv 2203.15556), Table 3: 5.76e23 FLOP, Gopher's budget, which
    // Chinchilla 70B was trained with (Sec. 4.1). Exact: it is the explorer's default budget.
    CHECK(find_preset("chinchilla")->flops == 5.76e23);
    // Llama Team 2024 (arXiv 2407.21783): 3.8e25 FLOP, 30.84M H100-hours, up to 16,384 H100s.
    const Preset& llama = *find_preset("llama31-405b");
    CHECK(llama.flops == 3.8e25);
    CHECK(llama.gpu_hours == 30.84e6);
    CHECK(llama.gpus == 16384);
    CHECK(llama.gpu == "h100-sxm");
    // DeepSeek-AI 2024 (arXiv 2412.19437): 2.788M H800-hours on 2,048 H800s; no FLOP printed, so
    // 6·N·D with 37B active parameters on 14.8T tokens, 3.29e24.
    const Preset& ds = *find_preset("deepseek-v3");
    CHECK(ds.flops == Approx(3.2856e24).epsilon(1e-12));
    CHECK(ds.gpu_hours == 2.788e6);
    CHECK(ds.gpus == 2048);
    CHECK(ds.gpu == "h800");
    // Grok 3: about 3e26 FLOP on 100K H100s (the source material; xAI publishes none), MFU assumed.
    const Preset& grok = *find_preset(kGrok3Preset);
    CHECK(grok.flops == 3e26);
    CHECK(grok.gpus == 100000);
    CHECK(grok.mfu == 0.4);
    CHECK(find_preset(kDefaultBudgetPreset)->id == "chinchilla");
}

TEST_CASE("a run in the gallery takes its FLOP and GPU-hours from the gallery row, written once") {
    int from_gallery = 0;
    for (const Preset& p : all_presets()) {
        if (p.model.empty()) continue;
        CAPTURE(p.id);
        const Model* m = find_by_id(all_models(), p.model);
        REQUIRE(m != nullptr);
        CHECK(p.flops == (m->reported_flops > 0 ? m->reported_flops : training_flops(*m)));
        CHECK(p.gpu_hours == m->gpu_hours);
        ++from_gallery;
    }
    CHECK(from_gallery == 3);
    // A figure given twice is refused, not compared: the copy could drift.
    CHECK(parse_error("x,X,chinchilla,5.76e23,,,,allocator,S\n").find("p.csv:2: preset \"x\": flops") == 0);
}

TEST_CASE("presets are offered where they belong: chips under the budget field, the Budget view and --preset") {
    std::string allocator, budget;
    for (const Preset& p : all_presets()) {
        if (p.in_allocator) allocator += p.id + " ";
        if (p.in_budget) budget += p.id + " ";
    }
    CHECK(allocator == "chinchilla llama31-405b ");
    CHECK(budget == "llama31-405b deepseek-v3 grok3-scale ");
    CHECK(budget_preset_ids() == "llama31-405b, deepseek-v3, grok3-scale");
    // Chinchilla has no hardware: the CLI refuses it and lists what it takes.
    const Result<Json> r = budget_request({{"preset", "chinchilla"}});
    CHECK(r.field == "preset");
    CHECK(r.error.find("llama31-405b, deepseek-v3, grok3-scale") != std::string::npos);
}

TEST_CASE("a bad presets row is refused with the file, the line and the field") {
    CHECK(parse_error("x,X,no-such-model,,,,,,S\n").find("p.csv:2: preset \"x\": model") == 0);
    CHECK(parse_error("x,X,,,,,,,S\n").find("flops: missing") != std::string::npos);
    CHECK(parse_error("x,X,,1e24,no-gpu,8,0.4,budget,S\n").find("gpu: no hardware") != std::string::npos);
    CHECK(parse_error("x,X,,1e24,h100-sxm,8,0.4,everywhere,S\n").find("offered_in") != std::string::npos);
    CHECK(parse_error("x,X,,1e24,h100-sxm,,0.4,budget,S\n").find("needs gpu, gpus") != std::string::npos);
    CHECK(parse_error("x,X,,1e24,h100-sxm,8,,budget,S\n").find("needs gpu, gpus") != std::string::npos);
    CHECK(parse_error("x,X,,1e24,h100-sxm,8,1.5,budget,S\n").find("mfu") != std::string::npos);
    CHECK(parse_error("x,X,,1e24,,,,allocator,\n").find("missing source") != std::string::npos);
    CHECK(parse_error("x,X,,1e24,,,,,S\nx,Y,,1e24,,,,,S\n").find("p.csv:3: preset \"x\": the id is used twice") == 0);
    CHECK(parse_error("x,X,,1e24,,,,allocator,S\n").empty());
}

// Loaded here during static initialisation, as the web entry's global state loads them: a loader
// that read another file's global (not built yet in that order) would fail.
namespace {
const bool kLoadedEarly = !all_presets().empty() && !all_gpus().empty() && !all_models().empty();
}  // namespace

TEST_CASE("the catalogues load during static initialisation too") {
    CHECK(kLoadedEarly);
}
