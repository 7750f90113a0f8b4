// inputs.hpp: one descriptor per input of the explorer. Each says once what the input is called,
// what it means, in which unit, what is accepted and what it starts as; every front end reads it:
//   the UI's field (label, unit, help, range, error under the field),
//   the permalink (the key with '_' -> '-'),
//   the CLI's option (--key with '_' -> '-', the help text),
//   the JS API and the commands' JSON (the key as written),
//   the core's validation (read_input), and the accessible DOM over the canvas (label, unit, help).
// So an input is accepted or refused the same way, with the same words, wherever it is typed.
//
// Keys are unique within a command, not across the product: `params` is the model's size for
// `loss`, `memory` and `scenario`. The permalink's query is one namespace for every view, so a
// descriptor may give a `link` key where the plain one would collide ("base-params"); the CLI and
// the JSON always use `key`.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "quantity.hpp"
#include "result.hpp"

namespace scaling {

enum class InputKind {
    Number,  // a quantity (suffixes and unit words allowed), checked against [lo, hi]
    Choice,  // one of the names that `choices` lists (a GPU id, a dtype, a law id)
    Text,    // free text the command reads itself (a CSV of runs, a column mapping)
};

struct Input {
    const char* key;             // snake_case: JSON and JS argument; CLI flag and link key with '-'
    const char* label;           // the UI's label, as a person reads it: "Compute multiple k"
    const char* help;            // one sentence: --help, tooltips, the accessible description
    InputKind kind = InputKind::Number;
    Unit unit = Unit::None;      // the unit a number is parsed in ("70B tokens" is refused for params)
    const char* unit_text = "";  // the unit as shown beside the value ("FLOP", "$/GPU-hour", "x")
    double lo = 0, hi = 1e300;   // accepted range of a number
    bool lo_open = true;         // lo itself refused (the default, (0, ...]: positive numbers)
    bool whole = false;          // a whole number (samples, layers)
    bool optional = false;       // may be left out or empty: then `fallback` (or "not given")
    const char* initial = "";    // what the UI's field starts with ("" = empty)
    double fallback = 0;         // the value when an optional input is left out
    const char* link = nullptr;  // the permalink key when `key` would collide (see above)
    std::vector<std::string> (*choices)() = nullptr;  // Choice: the accepted names, in order
};

// The CLI's flag and the permalink's key: `key` with '_' -> '-' ("compute-multiple").
std::string flag_name(const Input& in);
std::string link_key(const Input& in);

// Reads a number typed for `in`: parses it in the input's unit and checks the range and wholeness.
// Errors are sentences that name the accepted range; the field is `in.key`. Empty text is an error
// here; whether empty means "not given" is the caller's question (see `given`).
Result<double> read_number(const Input& in, std::string_view text);
// Reads a choice: the index of `text` in in.choices(), or an error listing them.
Result<int> read_choice(const Input& in, std::string_view text);
// True when `text` holds something other than blanks.
bool given(std::string_view text);

// The accepted range as people read it: "from 1 to 1e6", "greater than 0", "from 0 to 1".
std::string range_text(const Input& in);

// Every descriptor, for checks that walk them all (unique keys, the ranges' own sanity).
std::span<const Input* const> all_inputs();

// The inputs, grouped by what they describe. Each command (core/commands.hpp) and each view lists
// the ones it reads.
namespace inputs {
// The law and its settings (every command with a law).
extern const Input kLaw, kE, kA, kB, kAlpha, kBeta, kMOverN;
// Budgets and sizes.
extern const Input kFlops, kParams, kTokens, kUniqueTokens, kFrom, kTo, kPoints;
// Scenarios: a base model given k x compute; projections of compute.
extern const Input kBaseParams, kBaseTokens, kComputeMultiple, kDataCap, kBaseDataTb;
extern const Input kReferenceFlops, kReferenceMultiple, kSparsity;
// Test-time compute and the next 10x.
extern const Input kSuccess, kSamples, kSamplesNow, kModelParams, kAnswerTokens, kLargeSuccess, kSizeRatio,
    kInferenceRatio, kFactor;
// Self-consistency: the wrong answers' spread, and measured samples for the unbiased pass@k.
extern const Input kWrongAnswers, kSkew, kMeasuredSamples, kMeasuredCorrect;
// Emergence as a metric artefact.
extern const Input kAnswerLength, kAccuracyNc, kAccuracyAlpha;
// Fine-tuning: saturation and transfer.
extern const Input kBaseQuality, kRate, kSaturationExamples, kExamples, kTransferParams, kFinetuneTokens;
// Fine-tuning planner (issue 19): size, LoRA, hardware, pre-training, your own scores.
extern const Input kFtParams, kTokensPerExample, kLoraRank, kFtLayers, kDModel, kFrozenDtype, kFtGpu, kFtGpus, kFtMfu,
    kFtPrice, kFtPretrainingTokens, kScorePoints;
// Budget: hardware and the four budget quantities; memory.
extern const Input kGpu, kDtype, kSolve, kPrice, kBudgetFlops, kGpus, kDays, kMfu, kDollars, kPreset;
extern const Input kMemoryParams, kMemoryDtype, kLayers, kKvHeads, kHeadDim, kContext, kBatch, kUsable;
// Lifetime: target loss, demand, over-training; the dollar version per phase.
extern const Input kLoss, kInferenceTokens, kTokensPerRequest, kOverParams, kOverTokens;
extern const Input kRequests, kInputTokens, kOutputTokens, kRequestsPerDay;
extern const Input kTrainGpu, kTrainDtype, kTrainPrice, kTrainMfu, kPrefillGpu, kPrefillDtype, kPrefillPrice,
    kPrefillMfu, kDecodeGpu, kDecodeDtype, kDecodePrice, kDecodeMfu;
// Fitting your own runs.
extern const Input kFitText, kExcludeTop, kBootstrap, kForm, kX, kPredict, kTarget, kColumns;
// Capex to FLOP (issue 18).
extern const Input kSystemDollars, kSystemYear, kCapexGpu, kCapexDtype, kAcceleratorPrice, kPriceYear,
    kOverheadShareInput, kDoublingYears, kWindowDays, kCapexMfu;
// Router: a task mix (issue 18).
extern const Input kRouterGpu, kRouterPrice, kRouterPrompt, kRouterBatch;
extern const Input kShareClassification, kTokensClassification, kParamsClassification, kQualityClassification;
extern const Input kShareSummarisation, kTokensSummarisation, kParamsSummarisation, kQualitySummarisation;
extern const Input kShareReasoning, kTokensReasoning, kParamsReasoning, kQualityReasoning;
// Serving and MoE (issue 18): the model (a preset, or typed), precisions, tensor parallelism and
// the achieved bandwidth; a mixture of experts from its parts.
extern const Input kServeGpu, kServePrice, kServeLayers, kServeKvHeads, kServeHeadDim, kServeBatch, kServeUsable,
    kServeInputTokens, kServeOutputTokens, kServePrefillMfu;
extern const Input kServeModel, kServeParams, kActiveParams, kHeads, kLatentDim, kServeDtype, kKvDtype, kTp,
    kBandwidthFraction;
extern const Input kExperts, kExpertsPerToken, kSharedExperts, kExpertParams, kAlwaysOnParams, kMoeDtype;
// TCO: training and serving dollars, traffic and its growth, the over-training decision.
extern const Input kTrainingDollars, kDollarsPerRequest, kDollarsPerMillionTokens, kLifetimeDays, kTrafficGrowth,
    kExtraTrainingDollars, kSavingPerRequest, kTcoRequestsPerDay, kTcoTokensPerRequest;
// RL and distillation (issue 19): GRPO-style RL cost; a teacher's generated data and a student's fine-tuning.
extern const Input kRlParams, kRlPrompts, kGroupSize, kTokensPerSample, kRlEpochs, kReferenceModel, kPretrainingTokens,
    kRlGpu, kRlPrice, kRlMfu, kRolloutMfu;
extern const Input kTeacherParams, kStudentParams, kDatasetGb, kBytesPerToken, kDistillEpochs, kDistillGpu,
    kDistillPrice, kDistillMfu, kGenerationMfu;
// Kaplan's single-variable laws (issue 19): N, D and compute (FLOP, or PF-days on the CLI).
extern const Input kKaplanParams, kKaplanTokens, kKaplanFlops, kPfDays;
// Downstream-task extrapolation (issue 20): the points, chance level, form, a size, a target score.
extern const Input kTaskPoints, kTaskChance, kTaskForm, kTaskAt, kTaskTarget;
// Sweep designer (issue 20): the study budget, K budgets over a span, M sizes per budget over a width, a target.
extern const Input kStudyFlops, kDesignBudgets, kSpanDecades, kModelsPerBudget, kWidthDecades, kTargetFlops;
// Claims in circulation, checked (issue 20): the budget the allocation claims are read at, the
// hardware of the cost claims, the served model and its requests.
extern const Input kClaimsFlops, kClaimsGpu, kClaimsMfu, kClaimsPrice, kClaimsModel, kClaimsInputTokens,
    kClaimsOutputTokens, kClaimsBatch;
}  // namespace inputs

// The custom law's five constants, in the order of the form E + A/N^alpha + B/D^beta.
inline const Input* const kCustomConstants[5] = {&inputs::kE, &inputs::kA, &inputs::kB, &inputs::kAlpha, &inputs::kBeta};

}  // namespace scaling
