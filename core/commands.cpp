// commands.cpp: the command table (commands.hpp) and call_json, the JS API's entry into it.
#include "commands.hpp"

#include <cctype>

#include "gallery.hpp"
#include "quantity.hpp"

namespace scaling {
namespace {

using namespace inputs;

// The law and its settings: custom's five constants, and DeepSeek's M/N where the command has a
// compute budget to turn into parameters.
std::vector<const Input*> with_law(std::vector<const Input*> ins, bool m_over_n = true) {
    for (const Input* in : {&kLaw, &kE, &kA, &kB, &kAlpha, &kBeta}) ins.push_back(in);
    if (m_over_n) ins.push_back(&kMOverN);
    return ins;
}

template <class T, Result<T> (*F)(const Args&), Json (*ToJson)(const T&)>
Result<Json> typed(const Args& args) {
    const Result<T> r = F(args);
    return r.ok() ? Result<Json>::of(ToJson(r.value)) : Result<Json>::fail(r.error, r.field);
}

Result<Json> frontier_run(const Args& args) {
    const Result<std::vector<Allocation>> r = frontier_request(args);
    if (!r.ok()) return Result<Json>::fail(r.error, r.field);
    Json rows = Json::array();
    for (const Allocation& a : r.value) rows.push_back(allocation_json(a));
    return Result<Json>::of(rows);
}

Result<Json> models_run(const Args& args) {
    const Result<const Law*> law = models_request(args);
    if (!law.ok()) return Result<Json>::fail(law.error, law.field);
    return Result<Json>::of(models_json(all_laws()));
}

Result<Json> fit_run(const Args& args) {
    const Result<FitReply> r = fit_request(args);
    return r.ok() ? Result<Json>::of(r.value.json) : Result<Json>::fail(r.error, r.field);
}

const std::vector<Command>& table() {
    static const std::vector<Command> kTable = {
        {"optimal", "Compute-optimal params and tokens for a FLOP budget", with_law({&kFlops}),
         typed<Allocation, optimal_request, allocation_json>},
        {"loss", "Predicted loss for a model size and token count", with_law({&kParams, &kTokens, &kUniqueTokens}, false),
         typed<Allocation, loss_request, allocation_json>},
        {"frontier", "The compute-optimal frontier: N, D, loss at log-spaced budgets",
         with_law({&kFrom, &kTo, &kPoints}), frontier_run},
        {"compare", "Every law at one budget, their spread, and the rules of thumb", with_law({&kFlops}),
         typed<Comparison, compare_request, comparison_json>},
        {"models", "The gallery of real models against the laws", {&kLaw}, models_run},
        {"budget", "FLOP <-> GPUs x days x MFU <-> dollars; the optimal model it buys",
         with_law({&kGpu, &kDtype, &kPrice, &kBudgetFlops, &kGpus, &kDays, &kMfu, &kDollars, &kPreset}),
         budget_request},
        {"memory", "Memory of a model: weights, training state, KV cache, GPUs to train and serve",
         {&kMemoryParams, &kGpu, &kMemoryDtype, &kLayers, &kKvHeads, &kHeadDim, &kContext, &kBatch, &kUsable},
         memory_request},
        {"lifetime", "Lifetime-compute optimum (Sardana et al. 2024): training + inference FLOP",
         with_law({&kLoss, &kInferenceTokens, &kRequests, &kTokensPerRequest}, false), lifetime_request},
        {"lifetime_cost", "Lifetime-dollar optimum: training, prefill and decode priced apart",
         with_law({&kLoss, &kRequests, &kInputTokens, &kOutputTokens, &kGpu, &kTrainGpu, &kTrainDtype, &kTrainPrice,
                   &kTrainMfu, &kPrefillGpu, &kPrefillDtype, &kPrefillPrice, &kPrefillMfu, &kDecodeGpu, &kDecodeDtype,
                   &kDecodePrice, &kDecodeMfu},
                  false),
         lifetime_cost_request},
        {"data", "Training on limited unique data (Muennighoff et al. 2023): one epoch, the repeated compute-optimal "
                 "split, and the data-constrained optimum",
         with_law({&kUniqueTokens, &kFlops}, false), data_request},
        {"scenario", "A base model given k x more compute: data-driven growth (the law's optimum) against "
                     "model-driven growth (data capped)",
         with_law({&kBaseParams, &kBaseTokens, &kComputeMultiple, &kDataCap}), scenario_request},
        {"project", "Compute as a multiple of a reference run, raw and as a mixture of experts' dense-equivalent, "
                    "with the law's compute-optimal model at each",
         with_law({&kReferenceFlops, &kReferenceMultiple, &kSparsity}), project_request},
        {"next_flop", "The next 10x: pretraining compute (loss on the law) against samples per question (pass@k, "
                      "plurality vote), and samples at equal total FLOP",
         with_law({&kFlops, &kSuccess, &kSamplesNow, &kInferenceRatio, &kFactor, &kWrongAnswers, &kSkew}),
         next_flop_request},
        {"test_time", "Samples per question: pass@k, pass^k and the plurality vote (self-consistency) with wrong "
                      "answers spread, the unbiased pass@k from measured samples, their cost, the claims in "
                      "circulation, and a small model sampling k times against a larger one answering once",
         {&kSuccess, &kSamples, &kWrongAnswers, &kSkew, &kModelParams, &kAnswerTokens, &kLargeSuccess, &kSizeRatio,
          &kInferenceRatio, &kMeasuredSamples, &kMeasuredCorrect},
         test_time_request},
        {"emergence", "A smooth per-token accuracy read as exact match and as edit distance (Schaeffer et al. 2023)",
         {&kAnswerLength, &kAccuracyNc, &kAccuracyAlpha}, emergence_request},
        // Fine-tuning planner (issue 19)
        {"fine_tuning", "Fine-tuning: FLOP, memory, time and dollars (full and LoRA), quality against examples with "
                        "a fit to your scores, the run beside pre-training, and the data pre-training is worth "
                        "(Hernandez et al. 2021)",
         {&kFtParams, &kExamples, &kTokensPerExample, &kLoraRank, &kFtLayers, &kDModel, &kFrozenDtype, &kFtGpu, &kFtGpus,
          &kFtMfu, &kFtPrice, &kFtPretrainingTokens, &kBaseQuality, &kRate, &kSaturationExamples, &kScorePoints,
          &kTransferParams, &kFinetuneTokens},
         fine_tuning_request},
        {"fit", "Fit E + A/N^alpha + B/D^beta to your runs (Huber, L-BFGS, 4,500 starts)",
         {&kFitText, &kExcludeTop, &kBootstrap, &kForm, &kX, &kPredict, &kTarget, &kColumns}, fit_run},
        // TCO (issue 18)
        {"tco", "Total cost of ownership: training plus serving, break-even requests and days, and the payback of "
                "over-training a smaller model",
         {&kTrainingDollars, &kDollarsPerRequest, &kDollarsPerMillionTokens, &kTcoTokensPerRequest, &kTcoRequestsPerDay,
          &kLifetimeDays, &kTrafficGrowth, &kExtraTrainingDollars, &kSavingPerRequest},
         tco_request},
        // Kaplan's single-variable laws (issue 19)
        {"kaplan", "Kaplan et al. 2020's L(N), L(D), L(C_min) with their constants, and the loss-vs-compute exponent "
                   "with and without the irreducible term on the law's frontier",
         with_law({&kKaplanParams, &kKaplanTokens, &kKaplanFlops, &kPfDays}, false), kaplan_request},
        {"hyper", "Learning rate and batch size for a budget (DeepSeek 2024) and the critical batch at the law's "
                  "loss (Kaplan 2020)",
         with_law({&kFlops}), hyper_request},  // issue 20
        // Downstream-task extrapolation (issue 20)
        {"task_fit", "Your task's scores at a few model sizes -> the score at a larger size (power law on the error "
                     "rate, or a sigmoid in log N), its leave-one-out range, the size a target score needs",
         {&kTaskPoints, &kTaskChance, &kTaskForm, &kTaskAt, &kTaskTarget}, task_fit_request},
        {"laws", "List the laws with their citations", {}, [](const Args&) { return Result<Json>::of(laws_json()); }},
        // Economics (issue 18): capex to FLOP, a router's task mix.
        {"capex", "A system's capital cost and year -> accelerators, FLOP/s, a training run's FLOP and the optimal "
                  "model; the circulating claims against it",
         with_law({&kSystemDollars, &kSystemYear, &kCapexGpu, &kCapexDtype, &kAcceleratorPrice, &kPriceYear,
                   &kOverheadShareInput, &kDoublingYears, &kWindowDays, &kCapexMfu}),
         capex_request},
        {"router", "A router's task mix: blended cost and latency per request from the serving model, against "
                   "sending everything through the most expensive path; fast, thinking and background modes",
         {&kRouterGpu, &kRouterPrice, &kRouterPrompt, &kRouterBatch, &kShareClassification, &kTokensClassification,
          &kParamsClassification, &kQualityClassification, &kShareSummarisation, &kTokensSummarisation,
          &kParamsSummarisation, &kQualitySummarisation, &kShareReasoning, &kTokensReasoning, &kParamsReasoning,
          &kQualityReasoning},
         router_request},
        // Serving and MoE (issue 18)
        {"serve", "Serving speed and cost on one accelerator (a roofline): decode and batched tokens/s, prefill, "
                  "time to first token, the largest batch, GPUs per replica, $ per million tokens",
         {&kServeModel, &kServeParams, &kActiveParams, &kServeLayers, &kHeads, &kServeKvHeads, &kServeHeadDim, &kLatentDim,
          &kServeGpu, &kServeDtype, &kKvDtype, &kServeInputTokens, &kServeOutputTokens, &kServeBatch, &kTp,
          &kServePrefillMfu, &kBandwidthFraction, &kServeUsable, &kServePrice},
         serve_request},
        {"moe", "A mixture of experts from its parts: total and active parameters, FLOP per token, memory, the "
                "dense-equivalent multiplier",
         {&kExperts, &kExpertsPerToken, &kSharedExperts, &kExpertParams, &kAlwaysOnParams, &kMoeDtype}, moe_request},
        // RL and distillation (issue 19)
        {"rl", "RL post-training with sampled groups (GRPO): rollout, update and reference-model FLOP, GPU-hours, "
               "dollars and the share of pretraining; the rankings in circulation beside them",
         {&kRlParams, &kRlPrompts, &kGroupSize, &kTokensPerSample, &kRlEpochs, &kReferenceModel, &kPretrainingTokens,
          &kRlGpu, &kRlPrice, &kRlMfu, &kRolloutMfu},
         rl_request},
        {"distill", "Distillation through generated data: the teacher's generation and the student's fine-tuning in "
                    "FLOP, GPU-hours and dollars; Busbridge et al. 2025's findings beside them",
         {&kTeacherParams, &kStudentParams, &kDatasetGb, &kBytesPerToken, &kDistillEpochs, &kDistillGpu, &kDistillPrice,
          &kDistillMfu, &kGenerationMfu},
         distill_request},
        // Sweep designer (issue 20)
        {"design", "An IsoFLOP sweep in the manner of Chinchilla's Approach 2: K budgets over a span that together use "
                   "the study budget, M sizes per budget around the law's optimum, each run's N, D, FLOP and expected loss",
         with_law({&kStudyFlops, &kDesignBudgets, &kSpanDecades, &kModelsPerBudget, &kWidthDecades, &kTargetFlops}),
         design_request},
        {"design_fit", "Fit a sweep's results both ways: Approach 2 (a parabola in log N per budget -> power laws) and "
                       "Approach 3 (E + A/N^alpha + B/D^beta)",
         {&kFitText}, design_fit_request},
        // Claims in circulation, checked (issue 20)
        {"claims", "Numbers about scaling in circulation, each checked against the chosen law and the cost, serving, "
                   "MoE and emergence models: what they compute, a verdict by a stated tolerance, the claim's source",
         with_law({&kClaimsFlops, &kClaimsGpu, &kClaimsMfu, &kClaimsPrice, &kClaimsModel, &kClaimsInputTokens,
                   &kClaimsOutputTokens, &kClaimsBatch}),
         claims_request},
    };
    return kTable;
}

}  // namespace

std::span<const Command> commands() { return table(); }

const Command* find_command(std::string_view name) {
    for (const Command& c : table())
        if (name == c.name) return &c;
    return nullptr;
}

std::string cli_name(const Command& c) {
    std::string s = c.name;
    for (char& ch : s) ch = ch == '_' ? '-' : ch;
    return s;
}

std::string js_name(const Command& c) {
    std::string s;
    bool up = false;
    for (const char* p = c.name; *p; ++p) {
        if (*p == '_') up = true;
        else s += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(*p))) : *p, up = false;
    }
    return s;
}

bool required(const Input& in) {
    for (const Input* law_setting : kCustomConstants)
        if (&in == law_setting) return false;
    return !in.optional && &in != &kMOverN;
}

Json commands_json() {
    Json out = Json::array();
    for (const Command& c : table()) {
        Json ins = Json::array();
        for (const Input* in : c.inputs) {
            Json i;
            i["key"] = in->key;
            i["label"] = in->label;
            i["help"] = in->help;
            i["unit"] = in->unit_text;
            i["kind"] = in->kind == InputKind::Number ? "number" : in->kind == InputKind::Choice ? "choice" : "text";
            if (in->kind == InputKind::Number) {
                i["range"] = {in->lo, in->hi};
                i["lo_open"] = in->lo_open;
                i["whole"] = in->whole;
            }
            i["optional"] = !required(*in);
            i["initial"] = in->initial;
            if (in->choices) i["choices"] = in->choices();
            ins.push_back(i);
        }
        out.push_back({{"name", c.name}, {"js_name", js_name(c)}, {"summary", c.summary}, {"inputs", ins}});
    }
    return out;
}

std::string commands_json_text() { return dump(commands_json()); }

std::string call_json(std::string_view command, std::string_view args_json) {
    const Json parsed = Json::parse(args_json.begin(), args_json.end(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) return dump(error_json("", "arguments must be an object"));
    Args args;
    for (auto it = parsed.begin(); it != parsed.end(); ++it) {
        if (!it.value().is_string()) return dump(error_json(it.key(), "expected a number or a string"));
        args[it.key()] = it.value().get<std::string>();
    }
    const Command* cmd = find_command(command);
    if (!cmd) {
        std::string list;
        for (const Command& c : table()) list += (list.empty() ? "" : ", ") + std::string(c.name);
        return dump(error_json("", "unknown command " + quote_input(command) + "; commands: " + list));
    }
    for (const auto& [key, value] : args) {
        bool known = false;
        std::string list;
        for (const Input* in : cmd->inputs) {
            known = known || key == in->key;
            list += (list.empty() ? "" : ", ") + std::string(in->key);
        }
        if (!known)
            return dump(error_json(quote_input(key), std::string("unknown argument; ") + cmd->name + " takes " +
                                                         (list.empty() ? "none" : list)));
    }
    const Result<Json> r = cmd->run(args);
    return dump(r.ok() ? r.value : error_json(r.field, r.error));
}

}  // namespace scaling
