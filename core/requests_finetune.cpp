// requests_finetune.cpp: `scaling fine-tuning` and scaling.fineTuning(): the Fine-tuning view's
// numbers: the run's FLOP, memory, time and dollars, full and LoRA (finetune_plan.hpp); the
// saturation curve, its fit to your points and to the curve in circulation (finetune.hpp); the run
// beside pre-training; Hernandez et al. 2021's transfer; the LoRA-rank claims.
#include <cmath>

#include "finetune.hpp"
#include "finetune_plan.hpp"
#include "requests.hpp"

namespace scaling {
namespace {

Json run_json(const FinetuneRun& r) {
    return {{"flops", r.flops},         {"memory_gb", r.memory_gb}, {"weights_gb", r.weights_gb},
            {"gradients_gb", r.gradients_gb}, {"optimiser_gb", r.optimiser_gb}, {"gpus", r.gpus},
            {"gpu_hours", r.gpu_hours}, {"days", r.days},           {"dollars", r.dollars}};
}

Json fit_json(const std::vector<ScorePoint>& pts, const SaturationFit& f) {
    Json points = Json::array();
    for (size_t i = 0; i < pts.size(); ++i)
        points.push_back({{"examples", pts[i].examples}, {"score", pts[i].score},
                          {"fitted", pts[i].score + f.residuals[i]}});
    return {{"base_quality", f.base}, {"rate", f.rate}, {"examples_scale", 1 / f.rate},
            {"rms_error", f.rms}, {"max_error", f.max_error}, {"points", points}};
}

}  // namespace

Result<Json> fine_tuning_request(const Args& args) {
    using R = Result<Json>;
    using namespace inputs;
    // Every number, optional ones left out as their descriptors' fallbacks (0: not given).
    double base = 0, k = 0, sat = 0, examples = 0, tn = 0, td = 0, pre = 0;
    FinetunePlanInputs in;
    const std::pair<const Input*, double*> nums[] = {
        {&kBaseQuality, &base},    {&kRate, &k},           {&kSaturationExamples, &sat},
        {&kExamples, &examples},   {&kTransferParams, &tn}, {&kFinetuneTokens, &td},
        {&kFtParams, &in.params},  {&kTokensPerExample, &in.tokens_per_example}, {&kLoraRank, &in.lora_rank},
        {&kFtLayers, &in.layers},  {&kDModel, &in.d_model}, {&kFtGpus, &in.gpus},
        {&kFtMfu, &in.mfu},        {&kFtPrice, &in.price_per_hour}, {&kFtPretrainingTokens, &pre}};
    for (const auto& [input, out] : nums) {
        const Result<double> v = number_arg(args, *input);
        if (!v.ok()) return R::fail(v.error, v.field);
        *out = v.value;
    }
    if (!hardware_error().empty()) return R::fail(hardware_error(), kFtGpu.key);
    const Result<std::string> gpu = choice_arg(args, kFtGpu);
    if (!gpu.ok()) return R::fail(gpu.error, gpu.field);
    in.gpu = gpu_from_id(gpu.value).value;
    const Result<std::string> frozen = choice_arg(args, kFrozenDtype);
    if (!frozen.ok()) return R::fail(frozen.error, frozen.field);
    in.frozen = dtype_from_text(frozen.value).value;
    in.examples = examples;
    std::vector<ScorePoint> points;
    if (const std::string* text = find_arg(args, kScorePoints.key); text && given(*text)) {
        const Result<std::vector<ScorePoint>> p = parse_score_points(*text, kScorePoints.key);
        if (!p.ok()) return R::fail(p.error, p.field);
        points = p.value;
    }
    const Result<FinetunePlan> plan = plan_finetune(in);
    if (!plan.ok()) return R::fail(plan.error, plan.field);
    const FinetunePlan& p = plan.value;

    Json j;
    // The planner.
    j["params"] = in.params;
    j["examples"] = examples;
    j["tokens_per_example"] = in.tokens_per_example;
    j["tokens"] = p.tokens;
    j["flops"] = p.full.flops;
    j["flops_formula"] = "full: 6 N D_ft (D_ft = examples x tokens per example); LoRA: 4 N D_ft + 6 A D_ft";
    j["gpu"] = in.gpu->id;
    j["mfu"] = in.mfu;
    j["price_per_hour"] = p.price_per_hour;
    j["prices_as_of"] = in.price_per_hour > 0 ? "your price" : in.gpu->price_date;
    j["full"] = run_json(p.full);
    j["full"]["memory_rule"] = "16 bytes/param: BF16 weights 2 + gradients 2 + FP32 master 4 + Adam moments 8 "
                               "(Rajbhandari et al. 2020, ZeRO, Sec. 3.1); activations excluded";
    if (p.has_lora) {
        Json l = run_json(p.lora);
        l["rank"] = in.lora_rank;
        l["frozen_dtype"] = dtype_name(in.frozen);
        l["layers"] = p.shape.layers;
        l["d_model"] = p.shape.d_model;
        l["shape_rule"] = p.shape_from_rule ? "from N: N = 12 L d^2 with d = 128 L (Llama 7B's 4096 / 32), L rounded"
                                            : "as given";
        l["adapter_params"] = p.adapter_params;
        l["adapter_fraction"] = p.adapter_params / in.params;
        l["adapter_rule"] = "rank r on q, k, v, o (d_model x d_model each): 8 r d_model per layer (Hu et al. 2021, "
                            "arXiv 2106.09685)";
        l["flops_accounting"] = "forward 2N + backward through the activations 2N (the frozen weights get no "
                                "gradient of their own) + 6 per adapter parameter: about 2/3 of full; an accounting "
                                "choice, not a measurement";
        l["compute_fraction_of_full"] = p.lora.flops / p.full.flops;
        l["memory_rule"] = "frozen weights at their precision + 16 bytes per adapter parameter; activations excluded";
        j["lora"] = l;
    }
    // The run beside pre-training the same model.
    const VersusPretraining v = versus_pretraining(in.params, p.tokens, pre);
    j["versus_pretraining"] = {
        {"pretraining_tokens", v.pretraining_tokens},
        {"pretraining_tokens_rule", pre > 0 ? "as given" : "20 N (Hoffmann et al. 2022, arXiv 2203.15556)"},
        {"pretraining_flops", v.pretraining_flops},
        {"data_vs_pretraining", v.data_ratio},
        {"compute_vs_pretraining", v.compute_ratio},
        {"transferred_tokens", v.transferred_tokens},
        {"transfer_exponents", {{"finetune_data_alpha", 0.18}, {"params_beta", 0.38}}},
        {"transfer_source", "Hernandez et al. 2021, arXiv 2102.01293, Eq. 1.1: D_T = k D_F^0.18 N^0.38 (text to "
                            "Python, non-embedding N)"}};

    // The saturation curve.
    j["base_quality"] = base;
    j["rate"] = k;
    j["saturation_examples"] = sat;
    j["rate_per_example"] = k / sat;
    j["performance"] = finetune_performance(base, k, examples, sat);
    j["examples_for_90_percent"] = std::ceil(examples_for_fraction(k, sat, 0.9));
    j["examples_for_99_percent"] = std::ceil(examples_for_fraction(k, sat, 0.99));
    j["method"] = advice_for(examples).method;
    if (!points.empty()) j["fit"] = fit_json(points, fit_saturation(points));
    const std::vector<ScorePoint>& c = circulating_curve();
    j["circulating_curve"] = {
        {"source", "in circulation; no primary source found"},
        {"least_squares", fit_json(c, fit_saturation(c))},
        {"minimax", fit_json(c, fit_saturation(c, true))},
        {"identifiable", "the form depends on k and D_sat only through r = k / D_sat: fits give base and r"},
        {"why_not", "the form is concave in D and goes from 10% to 90% of its ceiling within 1.34 decades of "
                    "examples; the curve rises about 10 points a decade over three decades"}};

    // Hernandez et al. 2021 (arXiv 2102.01293), Eq. 1.1, with their text -> Python constants.
    const TransferConstants tc;
    const double dt = transferred_data(tc, td, tn);
    j["transfer"] = {{"transfer_params", tn},
                     {"finetune_tokens", td},
                     {"transferred_tokens", dt},
                     {"effective_tokens", td + dt},
                     {"pretraining_fraction", transfer_fraction(tc, td, tn)},
                     {"constants", {{"k", tc.k}, {"alpha", tc.alpha}, {"beta", tc.beta}}}};
    Json claims = Json::array();
    int n = 0;
    const RankClaim* rc = rank_claims(&n);
    for (int i = 0; i < n; ++i)
        claims.push_back({{"claim", rc[i].claim}, {"status", rc[i].status}, {"source", rc[i].source}});
    j["lora_rank_claims"] = claims;
    return R::of(j);
}

}  // namespace scaling
