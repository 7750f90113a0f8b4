// inputs.cpp: the descriptors (inputs.hpp) and reading typed text against them.
// Ranges are the widest that still mean something; values inside them that are odd rather than
// wrong (a model of 1,000 parameters) are answered with a warning (caveats.hpp), not refused.
#include "inputs.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "hardware.hpp"
#include "laws.hpp"
#include "model_shapes.hpp"
#include "presets.hpp"
#include "runs.hpp"
#include "serving.hpp"

namespace scaling {
namespace {

constexpr double kInf = 1e300;  // "no upper bound" (parse_quantity refuses anything beyond a double)

std::vector<std::string> law_ids() {
    std::vector<std::string> ids;
    for (const Law& l : all_laws()) ids.push_back(l.id);
    return ids;
}
std::vector<std::string> gpu_ids() {
    std::vector<std::string> ids;
    for (const Gpu& g : all_gpus()) ids.push_back(g.id);
    return ids;
}
std::vector<std::string> preset_ids() {
    std::vector<std::string> ids;
    for (const Preset& p : all_presets())
        if (p.in_budget) ids.push_back(p.id);
    return ids;
}
// Compute precisions have a dense peak in the catalogue; weights may also be stored in FP32 or INT4.
std::vector<std::string> compute_dtypes() { return {"bf16", "fp8", "int8"}; }
std::vector<std::string> weight_dtypes() { return {"fp32", "bf16", "fp8", "int8", "int4"}; }
std::vector<std::string> solve_names() { return {"flops", "days", "gpus", "mfu"}; }
std::vector<std::string> fit_forms() { return {"chinchilla", "power"}; }
std::vector<std::string> fit_axes() { return {"N", "D", "C"}; }
// Serving and MoE (issue 18): serving precisions of weights and of the KV cache; model presets.
std::vector<std::string> serve_dtypes() { return {"bf16", "fp8", "int8", "int4"}; }
std::vector<std::string> kv_dtypes() { return {"bf16", "fp8"}; }
std::vector<std::string> model_ids() { return model_shape_ids(); }

std::string dashed(const char* key) {
    std::string s = key;
    for (char& c : s) c = c == '_' ? '-' : c;
    return s;
}

}  // namespace

std::string flag_name(const Input& in) { return dashed(in.key); }
std::string link_key(const Input& in) { return in.link ? std::string(in.link) : dashed(in.key); }

bool given(std::string_view text) { return text.find_first_not_of(" \t\r\n") != std::string_view::npos; }

std::string range_text(const Input& in) {
    const auto num = [](double x) { return format_shortest(x); };
    if (in.hi >= kInf) return in.lo_open ? (in.lo == 0 ? "greater than zero" : "greater than " + num(in.lo))
                                         : (in.lo == 0 ? "zero or more" : "at least " + num(in.lo));
    if (in.lo_open) return "above " + num(in.lo) + " and at most " + num(in.hi);
    return "from " + num(in.lo) + " to " + num(in.hi);
}

Result<double> read_number(const Input& in, std::string_view text) {
    using R = Result<double>;
    // Positive inputs keep parse_positive's wording ("is zero; it must be greater than zero").
    R r = in.lo == 0 && in.lo_open ? parse_positive(text, in.unit) : parse_quantity(text, in.unit);
    if (!r.ok()) return R::fail(r.error, in.key);
    const double v = r.value;
    if (in.lo_open ? !(v > in.lo) : !(v >= in.lo)) return R::fail(quote_input(text) + " must be " + range_text(in), in.key);
    if (!(v <= in.hi)) return R::fail(quote_input(text) + " must be " + range_text(in), in.key);
    if (in.whole && v != std::floor(v)) return R::fail(quote_input(text) + " must be a whole number " + range_text(in), in.key);
    return r;
}

Result<int> read_choice(const Input& in, std::string_view text) {
    const std::vector<std::string> names = in.choices ? in.choices() : std::vector<std::string>{};
    std::string list;
    for (size_t i = 0; i < names.size(); ++i) {
        if (names[i] == text) return Result<int>::of(static_cast<int>(i));
        list += (i ? ", " : "") + names[i];
    }
    return Result<int>::fail(quote_input(text) + " is not one of " + list, in.key);
}

namespace inputs {
using K = InputKind;

// The law. Constants of the custom law: E + A/N^alpha + B/D^beta (Hoffmann et al. 2022, eq. 2).
const Input kLaw{.key = "law", .label = "Scaling law", .help = "The law: an id of `scaling laws` (default epoch2024)",
                 .kind = K::Choice, .optional = true, .initial = kDefaultLawId, .choices = law_ids};
const Input kE{.key = "E", .label = "E", .help = "custom law: the irreducible loss E, nats/token", .unit_text = "nats/token",
               .lo_open = false};
const Input kA{.key = "A", .label = "A", .help = "custom law: the parameter term's scale A"};
const Input kB{.key = "B", .label = "B", .help = "custom law: the data term's scale B"};
const Input kAlpha{.key = "alpha", .label = "α", .help = "custom law: the parameter exponent alpha"};
const Input kBeta{.key = "beta", .label = "β", .help = "custom law: the data exponent beta"};
const Input kMOverN{.key = "m_over_n", .label = "M/N",
                    .help = "deepseek2024: non-embedding FLOP per token per parameter, 6 + seq_len/d_model "
                            "(DeepSeek LLM 2024, Sec. 3.1), to turn M into parameters",
                    .optional = true};

// Budgets and sizes.
const Input kFlops{.key = "flops", .label = "Training compute C", .help = "Training compute budget, e.g. 5.76e23",
                   .unit = Unit::Flop, .unit_text = "FLOP"};  // the UI starts at Chinchilla's (assets/presets.csv)
const Input kParams{.key = "params", .label = "Parameters N", .help = "Parameters, e.g. 70B", .unit = Unit::Params,
                    .unit_text = "params"};
const Input kTokens{.key = "tokens", .label = "Training tokens D", .help = "Training tokens, e.g. 1.4T",
                    .unit = Unit::Tokens, .unit_text = "tokens"};
const Input kUniqueTokens{.key = "unique_tokens", .label = "Unique tokens U",
                          .help = "Unique tokens the training data holds (repeated beyond them: Muennighoff et al. 2023)",
                          .unit = Unit::Tokens, .unit_text = "tokens", .optional = true, .initial = "25B"};
const Input kFrom{.key = "from", .label = "From", .help = "Smallest budget in FLOP", .unit = Unit::Flop,
                  .unit_text = "FLOP", .optional = true, .initial = "1e18", .fallback = 1e18};
const Input kTo{.key = "to", .label = "To", .help = "Largest budget in FLOP", .unit = Unit::Flop, .unit_text = "FLOP",
                .optional = true, .initial = "1e28", .fallback = 1e28};
const Input kPoints{.key = "points", .label = "Points", .help = "Number of budgets, log-spaced, ends included",
                    .lo = 2, .hi = 100000, .lo_open = false, .whole = true, .optional = true, .initial = "41",
                    .fallback = 41};

// Scenarios.
const Input kBaseParams{.key = "params", .label = "Base parameters N", .help = "Base model parameters, e.g. 70B",
                        .unit = Unit::Params, .unit_text = "params", .lo = 1e3, .hi = 1e16, .lo_open = false,
                        .initial = "70B", .link = "base-params"};
const Input kBaseTokens{.key = "tokens", .label = "Base tokens D", .help = "Base model training tokens, e.g. 1.4T",
                        .unit = Unit::Tokens, .unit_text = "tokens", .lo = 1e3, .hi = 1e18, .lo_open = false,
                        .initial = "1.4T", .link = "base-tokens"};
const Input kComputeMultiple{.key = "compute_multiple", .label = "Compute multiple k",
                             .help = "k, the compute multiple, e.g. 10", .unit_text = "x", .lo = 1e-3, .hi = 1e6,
                             .lo_open = false, .initial = "10"};
const Input kDataCap{.key = "data_cap", .label = "Data growth cap (x)",
                     .help = "The most the data can grow (x), e.g. 2; at least 1 (the data does not shrink)",
                     .unit_text = "x", .lo = 1, .hi = 1e6, .lo_open = false, .initial = "2"};
const Input kBaseDataTb{.key = "base_data_tb", .label = "Base data, TB (optional)",
                        .help = "The base model's data on disk, to show each model's data in TB", .unit_text = "TB",
                        .lo = 1e-9, .hi = 1e9, .lo_open = false, .optional = true};
const Input kReferenceFlops{.key = "reference_flops", .label = "Reference run FLOP",
                            .help = "The reference run's training FLOP, e.g. 3e26", .unit = Unit::Flop,
                            .unit_text = "FLOP", .lo = 1e10, .hi = 1e35, .lo_open = false};  // the UI: Grok 3's (assets/presets.csv)
const Input kReferenceMultiple{.key = "reference_multiple", .label = "Multiple of it",
                               .help = "The multiple of the reference run, e.g. 150", .unit_text = "x", .lo = 1e-3,
                               .hi = 1e6, .lo_open = false, .initial = "150"};
const Input kSparsity{.key = "sparsity", .label = "Expert sparsity (1 = dense)",
                      .help = "Experts in total / experts per token (1 for a dense model)", .lo = 1, .hi = 1024,
                      .lo_open = false, .optional = true, .initial = "8", .fallback = 1};

// Test-time compute and the next 10x (Brown et al. 2024; Snell et al. 2024, arXiv 2408.03314).
const Input kSuccess{.key = "success", .label = "Success of one sample p",
                     .help = "The chance one sample answers correctly, in (0, 1]", .hi = 1, .optional = true,
                     .initial = "0.2", .fallback = 0.2};
const Input kSamples{.key = "samples", .label = "Most samples k", .help = "The most samples per question shown",
                     .lo = 1, .hi = 10000, .lo_open = false, .whole = true, .optional = true, .initial = "64",
                     .fallback = 64};
const Input kSamplesNow{.key = "samples", .label = "Samples per question today", .help = "Samples per question today",
                        .lo = 1, .hi = 10000, .lo_open = false, .whole = true, .optional = true, .initial = "1",
                        .fallback = 1, .link = "samples-now"};
const Input kModelParams{.key = "model_params", .label = "Model parameters N",
                         .help = "The model answering, for the cost of its samples (2N FLOP per token)",
                         .unit = Unit::Params, .unit_text = "params", .lo = 1e6, .hi = 1e14, .lo_open = false,
                         .optional = true, .initial = "8B", .fallback = 8e9};
const Input kAnswerTokens{.key = "answer_tokens", .label = "Tokens per answer", .help = "Tokens generated per sample",
                          .unit = Unit::Tokens, .unit_text = "tokens", .lo = 1, .hi = 1e7, .lo_open = false,
                          .optional = true, .initial = "1000", .fallback = 1000};
const Input kLargeSuccess{.key = "large_success", .label = "Larger model's success",
                          .help = "A larger model's success with one sample, in [0, 1]", .hi = 1, .lo_open = false,
                          .optional = true, .initial = "0.5", .fallback = 0.5};
const Input kSizeRatio{.key = "size_ratio", .label = "Size ratio M (larger / small)",
                       .help = "How many times larger the larger model is", .unit_text = "x", .lo = 1, .hi = 1e4,
                       .lo_open = false, .optional = true, .initial = "10", .fallback = 10};
const Input kInferenceRatio{.key = "inference_ratio", .label = "R = inference / pretraining tokens",
                            .help = "R = inference tokens / pretraining tokens (Snell et al. 2024's accounting)",
                            .lo = 1e-9, .hi = 1e9, .lo_open = false, .optional = true, .initial = "0.1",
                            .fallback = 0.1};
// Self-consistency (issue 19): how wrong answers spread, and measured samples for Chen et al.'s estimator.
const Input kWrongAnswers{.key = "wrong_answers", .label = "Distinct wrong answers m",
                          .help = "How many different wrong answers the samples give (1: every wrong answer the same, "
                                  "the binary majority vote); an assumption to set to your task, up to 100",
                          .lo = 1, .hi = 100, .lo_open = false, .whole = true, .optional = true, .initial = "10",
                          .fallback = 10};
const Input kSkew{.key = "skew", .label = "Skew of wrong answers",
                  .help = "Zipf exponent s of the wrong answers' shares, 1/j^s (0: equally likely; 1 or more: one "
                          "wrong answer dominates)",
                  .lo = 0, .hi = 4, .lo_open = false, .optional = true, .initial = "0", .fallback = 0};
const Input kMeasuredSamples{.key = "measured_samples", .label = "Measured samples n",
                             .help = "Samples you drew per question, for the unbiased pass@k estimate (Chen et al. 2021)",
                             .lo = 1, .hi = 1e7, .lo_open = false, .whole = true, .optional = true};
const Input kMeasuredCorrect{.key = "measured_correct", .label = "Of which right c",
                             .help = "How many of the measured samples were right", .lo = 0, .hi = 1e7,
                             .lo_open = false, .whole = true, .optional = true};
const Input kFactor{.key = "factor", .label = "The step", .help = "The step of compute, greater than 1 (default 10)",
                    .unit_text = "x", .lo = 1, .optional = true, .initial = "10", .fallback = 10};

// Emergence as a metric artefact (Schaeffer et al. 2023): exact match over L tokens of a smooth curve.
const Input kAnswerLength{.key = "answer_length", .label = "Answer length L (tokens)",
                          .help = "Tokens that must all be right for exact match", .unit_text = "tokens", .lo = 1,
                          .hi = 1000, .lo_open = false, .whole = true, .optional = true, .initial = "10", .fallback = 10};
const Input kAccuracyNc{.key = "accuracy_nc", .label = "N_c (p = 1/e there)",
                        .help = "The size at which per-token accuracy is 1/e", .unit = Unit::Params,
                        .unit_text = "params", .lo = 1, .hi = 1e15, .lo_open = false, .optional = true, .initial = "4.6e7", .fallback = 4.6e7};
const Input kAccuracyAlpha{.key = "accuracy_alpha", .label = "Slope alpha",
                           .help = "The per-token accuracy curve's exponent", .lo = 0.01, .hi = 5, .lo_open = false,
                           .optional = true, .initial = "0.46", .fallback = 0.46};

// Fine-tuning: saturation in examples, and transfer (Hernandez et al. 2021).
// The starting values are the least-squares fit of the form to the curve in circulation (60 / 80 /
// 90 / 92% at 100 / 1K / 10K / 100K examples; no primary source found): base 0.873, k / D_sat =
// 1 / 86.1 (core/finetune.hpp, fit_saturation; tests/unit/test_finetune.cpp). The view says so.
const Input kBaseQuality{.key = "base_quality", .label = "Base quality (ceiling)",
                         .help = "The quality fine-tuning saturates at, in [0, 1]", .hi = 1, .lo_open = false,
                         .optional = true, .initial = "0.873", .fallback = 0.873};
const Input kRate{.key = "rate", .label = "Rate k", .help = "How fast quality approaches its ceiling",
                  .lo = 0.01, .hi = 100, .lo_open = false, .optional = true, .initial = "1", .fallback = 1, .link = "k"};
const Input kSaturationExamples{.key = "saturation_examples", .label = "Saturation D_sat (examples)",
                                .help = "The examples at which the curve is 1 - 1/e of the way", .lo = 1, .hi = 1e9,
                                .lo_open = false, .optional = true, .initial = "86", .fallback = 86};
const Input kExamples{.key = "examples", .label = "Your examples", .help = "The examples you have", .lo = 1,
                      .hi = 1e9, .lo_open = false, .whole = true, .optional = true, .initial = "2000", .fallback = 2000};
const Input kTransferParams{.key = "transfer_params", .label = "Model parameters N (non-embedding)",
                            .help = "The fine-tuned model's non-embedding parameters", .unit = Unit::Params,
                            .unit_text = "params", .lo = 1e5, .hi = 1e13, .lo_open = false, .optional = true, .initial = "1B", .fallback = 1e9};
const Input kFinetuneTokens{.key = "finetune_tokens", .label = "Fine-tuning tokens D_F",
                            .help = "Tokens of fine-tuning data", .unit = Unit::Tokens, .unit_text = "tokens", .lo = 1,
                            .hi = 1e13, .lo_open = false, .optional = true, .initial = "10M", .fallback = 1e7};

// Fine-tuning planner (issue 19): the run's size, LoRA, hardware, pre-training and your own scores.
// Link keys prefixed ft- apart from the Budget, Memory and other views' params, gpu, mfu and price.
const Input kFtParams{.key = "params", .label = "Model parameters N", .help = "Parameters of the model fine-tuned, e.g. 7B",
                      .unit = Unit::Params, .unit_text = "params", .lo = 1e6, .hi = 1e13, .lo_open = false,
                      .optional = true, .initial = "7B", .fallback = 7e9, .link = "ft-params"};
const Input kTokensPerExample{.key = "tokens_per_example", .label = "Tokens per example",
                              .help = "Tokens in one example, prompt and answer (500)", .unit = Unit::Tokens,
                              .unit_text = "tokens", .lo = 1, .hi = 1e7, .lo_open = false, .optional = true,
                              .initial = "500", .fallback = 500, .link = "ft-tokens-per-example"};
const Input kLoraRank{.key = "lora_rank", .label = "LoRA rank r",
                      .help = "Rank of the adapters on q, k, v, o; empty: full fine-tuning only", .lo = 1, .hi = 65536,
                      .lo_open = false, .whole = true, .optional = true, .initial = "16", .link = "ft-lora-rank"};
const Input kFtLayers{.key = "layers", .label = "Layers", .help = "Transformer layers; empty: from N (N = 12 L d^2, d = 128 L)",
                      .lo = 1, .hi = 1e4, .lo_open = false, .whole = true, .optional = true, .link = "ft-layers"};
const Input kDModel{.key = "d_model", .label = "d_model", .help = "Model width; empty: from N (N = 12 L d^2, d = 128 L)",
                    .lo = 1, .hi = 1e6, .lo_open = false, .whole = true, .optional = true, .link = "ft-d-model"};
const Input kFrozenDtype{.key = "frozen_dtype", .label = "Frozen weights",
                         .help = "LoRA's frozen weights: bf16 (default), int4 (QLoRA), fp8, int8, fp32", .kind = K::Choice,
                         .optional = true, .initial = "bf16", .link = "ft-frozen-dtype", .choices = weight_dtypes};
const Input kFtGpu{.key = "gpu", .label = "Hardware", .help = "Accelerator id (default h100-sxm)", .kind = K::Choice,
                   .optional = true, .initial = "h100-sxm", .link = "ft-gpu", .choices = gpu_ids};
const Input kFtGpus{.key = "gpus", .label = "GPUs", .help = "GPUs used; empty: the fewest that hold the run's memory",
                    .lo = 1, .hi = 1e7, .lo_open = false, .whole = true, .optional = true, .link = "ft-gpus"};
const Input kFtMfu{.key = "mfu", .label = "MFU (0-1]", .help = "Model FLOP utilisation, (0, 1] (0.4, an assumption)",
                   .hi = 1, .optional = true, .initial = "0.4", .fallback = 0.4, .link = "ft-mfu"};
const Input kFtPrice{.key = "price", .label = "$ / GPU-hour", .help = "Dollars per GPU-hour (default: the catalogue's)",
                     .unit_text = "$/GPU-hour", .optional = true, .link = "ft-price"};
const Input kFtPretrainingTokens{.key = "pretraining_tokens", .label = "Pre-training tokens",
                               .help = "Tokens the model was pre-trained on; empty: 20 N (Hoffmann et al. 2022)",
                               .unit = Unit::Tokens, .unit_text = "tokens", .lo = 1, .hi = 1e16, .lo_open = false,
                               .optional = true, .link = "ft-pretraining-tokens"};
const Input kScorePoints{.key = "score_points", .label = "Your (examples, score) points",
                         .help = "Pairs 'examples score' split by commas, scores in [0, 1]: 100 0.6, 1000 0.8, 1e4 0.9",
                         .kind = K::Text, .optional = true, .link = "ft-points"};

// Budget: FLOP <-> GPUs x days x MFU <-> dollars; all but one of them given.
const Input kGpu{.key = "gpu", .label = "Hardware", .help = "Hardware id (see the Budget view; default h100-sxm)",
                 .kind = K::Choice, .optional = true, .initial = "h100-sxm", .choices = gpu_ids};
const Input kDtype{.key = "dtype", .label = "Precision", .help = "bf16 (default), fp8, int8", .kind = K::Choice,
                   .optional = true, .initial = "bf16", .choices = compute_dtypes};
const Input kSolve{.key = "solve", .label = "Solve for", .help = "The budget quantity left open and computed",
                   .kind = K::Choice, .optional = true, .initial = "flops", .choices = solve_names};
const Input kPrice{.key = "price", .label = "$ / GPU-hour", .help = "Dollars per GPU-hour (default: the catalogue's)",
                   .unit_text = "$/GPU-hour", .optional = true};
const Input kBudgetFlops{.key = "flops", .label = "Training FLOP", .help = "Training FLOP", .unit = Unit::Flop,
                         .unit_text = "FLOP", .optional = true, .initial = "1e24", .link = "budget-flops"};
const Input kGpus{.key = "gpus", .label = "GPUs", .help = "Number of GPUs", .unit_text = "GPUs", .optional = true,
                  .initial = "1000"};
const Input kDays{.key = "days", .label = "Days", .help = "Wall-clock days", .unit_text = "days", .optional = true,
                  .initial = "60"};
const Input kMfu{.key = "mfu", .label = "MFU (0-1]", .help = "Model FLOP utilisation, (0, 1]", .hi = 1,
                 .optional = true, .initial = "0.4"};
const Input kDollars{.key = "dollars", .label = "Dollars", .help = "Rental budget in dollars (instead of days)",
                     .unit_text = "$", .optional = true};
const Input kPreset{.key = "preset", .label = "Published run", .help = "A published run's budget", .kind = K::Choice,
                    .optional = true, .choices = preset_ids};

// Memory of a model: weights, training state, KV cache.
const Input kMemoryParams{.key = "params", .label = "Parameters",
                          .help = "Parameters held in memory (MoE: total), e.g. 70B", .unit = Unit::Params,
                          .unit_text = "params"};
const Input kMemoryDtype{.key = "dtype", .label = "Weights", .help = "Weights: fp32, bf16 (default), fp8, int8, int4",
                         .kind = K::Choice, .optional = true, .initial = "bf16", .link = "memory-dtype",
                         .choices = weight_dtypes};
const Input kLayers{.key = "layers", .label = "Layers", .help = "Transformer layers (KV cache)", .lo_open = false,
                    .whole = true, .optional = true, .initial = "80"};
const Input kKvHeads{.key = "kv_heads", .label = "KV heads", .help = "Key/value heads (KV cache)", .lo_open = false,
                     .whole = true, .optional = true, .initial = "8"};
const Input kHeadDim{.key = "head_dim", .label = "Head dim", .help = "Head dimension (KV cache)", .lo_open = false,
                     .whole = true, .optional = true, .initial = "128"};
const Input kContext{.key = "context", .label = "Context", .help = "Tokens cached per sequence", .unit = Unit::Tokens,
                     .unit_text = "tokens", .lo_open = false, .optional = true, .initial = "4096"};
const Input kBatch{.key = "batch", .label = "Batch", .help = "Sequences served at once (default 1)", .optional = true,
                   .initial = "16", .fallback = 1};
const Input kUsable{.key = "usable", .label = "Usable memory", .help = "Usable fraction of GPU memory (default 0.9)",
                    .hi = 1, .optional = true, .initial = "0.9", .fallback = 0.9};

// Lifetime: training plus inference (Sardana et al. 2024).
const Input kLoss{.key = "loss", .label = "Target loss (nats/token)", .help = "Target loss, nats/token",
                  .unit_text = "nats/token"};
const Input kInferenceTokens{.key = "inference_tokens", .label = "Inference tokens over the model's life",
                             .help = "Tokens served over the model's life", .unit = Unit::Tokens,
                             .unit_text = "tokens", .lo_open = false, .optional = true, .initial = "2e12"};
const Input kTokensPerRequest{.key = "tokens_per_request", .label = "Tokens per request",
                              .help = "Tokens per request (with --requests)", .unit = Unit::Tokens,
                              .unit_text = "tokens", .optional = true};
const Input kOverParams{.key = "over_params", .label = "Parameters", .help = "The over-trained model's parameters",
                        .unit = Unit::Params, .unit_text = "params", .initial = "7B"};
const Input kOverTokens{.key = "over_tokens", .label = "Training tokens", .help = "The over-trained model's tokens",
                        .unit = Unit::Tokens, .unit_text = "tokens", .initial = "2T"};
const Input kRequests{.key = "requests", .label = "Requests over the model's life",
                      .help = "Requests over the model's life", .unit_text = "requests", .optional = true,
                      .initial = "1e10"};
const Input kInputTokens{.key = "input_tokens", .label = "Input tokens / request",
                         .help = "Prompt tokens per request (default 1000)", .unit = Unit::Tokens,
                         .unit_text = "tokens", .lo_open = false, .optional = true, .initial = "1000", .fallback = 1000};
const Input kOutputTokens{.key = "output_tokens", .label = "Output tokens / request",
                          .help = "Generated tokens per request (default 250)", .unit = Unit::Tokens,
                          .unit_text = "tokens", .lo_open = false, .optional = true, .initial = "250", .fallback = 250};
const Input kRequestsPerDay{.key = "requests_per_day", .label = "Requests per day",
                            .help = "Requests served per day, to turn requests into days", .unit_text = "requests/day",
                            .initial = "1e7"};
// Per phase: training, prefill (compute-bound) and decode (memory-bound, hence the low MFU default).
#define SCALING_PHASE(Name, name, mfu, what)                                                                          \
    const Input k##Name##Gpu{.key = name "_gpu", .label = what " hardware", .help = what " hardware",                \
                             .kind = K::Choice, .optional = true, .initial = "h100-sxm", .choices = gpu_ids};          \
    const Input k##Name##Dtype{.key = name "_dtype", .label = what " precision", .help = "bf16, fp8, int8",          \
                               .kind = K::Choice, .optional = true, .initial = "bf16", .choices = compute_dtypes};     \
    const Input k##Name##Price{.key = name "_price", .label = what " $ / GPU-hour", .help = "$/GPU-hour",             \
                               .unit_text = "$/GPU-hour", .optional = true};                                           \
    const Input k##Name##Mfu{.key = name "_mfu", .label = what " MFU", .help = "Default " #mfu, .hi = 1,             \
                             .optional = true, .initial = #mfu, .fallback = mfu};
SCALING_PHASE(Train, "train", 0.4, "Training")
SCALING_PHASE(Prefill, "prefill", 0.5, "Prefill")
SCALING_PHASE(Decode, "decode", 0.1, "Decode")
#undef SCALING_PHASE

// Fitting your own runs (Hoffmann et al. 2022, Approach 3; Besiroglu et al. 2024).
const Input kFitText{.key = "text", .label = "Runs", .help = "The runs as CSV or TSV text", .kind = K::Text};
const Input kExcludeTop{.key = "exclude_top", .label = "Leave out the highest-loss runs",
                        .help = "Leave out the K highest-loss runs (Epoch: 5; default 0)", .hi = kMaxRuns,
                        .lo_open = false, .whole = true, .optional = true, .initial = "0"};
const Input kBootstrap{.key = "bootstrap", .label = "Bootstrap resamples",
                       .help = "Resamples for 95% intervals (0: none, else 10 to 100000; default 0)", .hi = 100000,
                       .lo_open = false, .whole = true, .optional = true, .initial = "0"};
const Input kForm{.key = "form", .label = "Form",
                  .help = "chinchilla (default): E + A/N^alpha + B/D^beta; power: loss against one quantity (--x), "
                          "as E + A·x^-alpha and as A·x^-alpha",
                  .kind = K::Choice, .optional = true, .initial = "chinchilla", .choices = fit_forms};
const Input kX{.key = "x", .label = "Against", .help = "With --form power: fit against N, D or C (default C)",
               .kind = K::Choice, .optional = true, .initial = "C", .choices = fit_axes};
const Input kPredict{.key = "predict", .label = "Predict at",
                     .help = "A FLOP budget: the fitted law's optimal N, D and loss there; with --form power a value "
                             "of --x: the loss there. Flagged beyond 10x the data's largest",
                     .unit = Unit::Flop, .unit_text = "FLOP", .optional = true};
const Input kTarget{.key = "target", .label = "Loss column",
                    .help = "The column to fit (default: the one named loss, L, val_loss or eval loss)",
                    .kind = K::Text, .optional = true};
const Input kColumns{.key = "columns", .label = "Columns",
                     .help = "Which columns hold N, D and C when their names are not recognised, e.g. "
                             "N=width,D=-,C=train_flops ('-': not in the file)",
                     .kind = K::Text, .optional = true};
// Capex to FLOP (issue 18; core/capex.hpp holds the sources of the defaults). Link keys apart from
// the Budget view's gpu, dtype and mfu, which share the permalink's namespace.
const Input kSystemDollars{.key = "system_dollars", .label = "System cost", .help = "The system's capital cost in dollars, e.g. 5e9",
                           .unit_text = "$", .hi = 1e15, .optional = true, .initial = "5e9", .fallback = 5e9};
const Input kSystemYear{.key = "year", .label = "Year", .help = "The year the system is bought", .lo = 1990,
                        .hi = 2100, .lo_open = false, .optional = true, .initial = "2025", .fallback = 2025,
                        .link = "capex-year"};
const Input kCapexGpu{.key = "gpu", .label = "Reference accelerator",
                      .help = "The accelerator whose peak sets FLOP/s (default h100-sxm)", .kind = K::Choice,
                      .optional = true, .initial = "h100-sxm", .link = "capex-gpu", .choices = gpu_ids};
const Input kCapexDtype{.key = "dtype", .label = "Precision", .help = "Training precision: bf16 (default), fp8, int8",
                        .kind = K::Choice, .optional = true, .initial = "bf16", .link = "capex-dtype",
                        .choices = compute_dtypes};
const Input kAcceleratorPrice{.key = "accelerator_price", .label = "Price per accelerator",
                              .help = "Dollars per accelerator, its server share included (DGX H100 / 8, 2023: 33750)",
                              .unit_text = "$", .hi = 1e8, .optional = true, .initial = "33750", .fallback = 33750};
const Input kPriceYear{.key = "reference_year", .label = "Price's year", .help = "The year of that price (2023)",
                           .lo = 1990, .hi = 2100, .lo_open = false, .optional = true, .initial = "2023",
                           .fallback = 2023};
const Input kOverheadShareInput{.key = "overhead_share", .label = "Overhead share",
                           .help = "Share of the system's cost that is not accelerators: networking, buildings, "
                                   "power (0.5; 0.19 of it is the interconnect, Cottier et al. 2024)",
                           .hi = 0.95, .lo_open = false, .optional = true, .initial = "0.5", .fallback = 0.5};
const Input kDoublingYears{.key = "doubling_years", .label = "Price-performance doubling",
                           .help = "Years for FLOP/s per dollar to double (2.07, range 1.54-3.13: Hobbhahn & "
                                   "Besiroglu 2022, ML GPUs)",
                           .unit_text = "years", .lo = 0.25, .hi = 20, .lo_open = false, .optional = true,
                           .initial = "2.07", .fallback = 2.07};
const Input kWindowDays{.key = "window_days", .label = "Training window", .help = "Wall-clock days of the run (90)",
                        .unit_text = "days", .hi = 3650, .optional = true, .initial = "90", .fallback = 90};
const Input kCapexMfu{.key = "mfu", .label = "MFU (0-1]", .help = "Model FLOP utilisation, (0, 1] (0.4)", .hi = 1,
                      .optional = true, .initial = "0.4", .fallback = 0.4, .link = "capex-mfu"};
// Router: a task mix (issue 18; core/router.hpp holds the sources and assumptions of the defaults).
// Link keys apart from the Memory card's batch and the Budget view's gpu and price.
const Input kRouterGpu{.key = "gpu", .label = "Hardware", .help = "The GPU every path is served on (default h100-sxm)",
                       .kind = K::Choice, .optional = true, .initial = "h100-sxm", .link = "router-gpu",
                       .choices = gpu_ids};
const Input kRouterPrice{.key = "price", .label = "$ / GPU-hour", .help = "Dollars per GPU-hour (default: the catalogue's)",
                         .unit_text = "$/GPU-hour", .optional = true, .link = "router-price"};
const Input kRouterPrompt{.key = "prompt_tokens", .label = "Prompt tokens", .help = "Prompt tokens per request (1000)",
                          .unit = Unit::Tokens, .unit_text = "tokens", .hi = 1e7, .lo_open = false, .optional = true,
                          .initial = "1000", .fallback = 1000, .link = "router-prompt-tokens"};
const Input kRouterBatch{.key = "batch", .label = "Online batch", .help = "Sequences decoded together on the online paths (32)",
                         .lo = 1, .hi = 1e5, .lo_open = false, .whole = true, .optional = true, .initial = "32",
                         .fallback = 32, .link = "router-batch"};
// One class: its share of requests (%), output tokens (1x, 3x, 30x of a 250-token plain answer),
// the model it is sent to, and an optional quality.
#define SCALING_ROUTE(Name, name, what, share, tokens, params, params_text)                                                       \
    const Input kShare##Name{.key = "share_" name, .label = what " share", .help = "Share of requests, % (" #share ")", \
                             .unit_text = "%", .hi = 100, .lo_open = false, .optional = true, .initial = #share,        \
                             .fallback = share};                                                                       \
    const Input kTokens##Name{.key = "tokens_" name, .label = what " output tokens",                                  \
                              .help = "Output tokens per request, thinking included (" #tokens ")", .unit = Unit::Tokens, \
                              .unit_text = "tokens", .hi = 1e7, .optional = true, .initial = #tokens, .fallback = tokens}; \
    const Input kParams##Name{.key = "params_" name, .label = what " model", .help = "Parameters of its model",      \
                              .unit = Unit::Params, .unit_text = "params", .hi = 1e13, .optional = true,               \
                              .initial = params_text, .fallback = params};                                                 \
    const Input kQuality##Name{.key = "quality_" name, .label = what " quality",                                      \
                               .help = "Quality of its answers in [0, 1] (optional: quality per dollar)", .hi = 1,     \
                               .lo_open = false, .optional = true};
SCALING_ROUTE(Classification, "classification", "Classification", 60, 250, 8e9, "8B")
SCALING_ROUTE(Summarisation, "summarisation", "Summarisation", 30, 750, 8e9, "8B")
SCALING_ROUTE(Reasoning, "reasoning", "Reasoning", 10, 7500, 7e10, "70B")
#undef SCALING_ROUTE

// Serving and MoE (issue 18). The Serving view starts from Llama 3 70B on an H100 (the shape's
// source: core/model_shapes.cpp), as kLayers, kKvHeads and kHeadDim already do.
// The Serving view's own copies of inputs other views have: the permalink's query is one namespace
// in which the first view claiming a key takes it (app_link.cpp), so these carry their own link
// keys. Written out, not copied at start-up: the web entry's State is a global whose fields read
// their descriptors during static initialisation.
const Input kServeGpu{.key = "gpu", .label = "Hardware", .help = "Accelerator id (default h100-sxm)", .kind = K::Choice,
                      .optional = true, .initial = "h100-sxm", .link = "serve-gpu", .choices = gpu_ids};
const Input kServePrice{.key = "price", .label = "$ / GPU-hour", .help = "Dollars per GPU-hour (default: the catalogue's)",
                        .unit_text = "$/GPU-hour", .optional = true, .link = "serve-price"};
const Input kServeLayers{.key = "layers", .label = "Layers", .help = "Transformer layers", .lo_open = false,
                         .whole = true, .optional = true, .initial = "80", .link = "serve-layers"};
const Input kServeKvHeads{.key = "kv_heads", .label = "KV heads",
                          .help = "Key/value heads (grouped-query attention); empty or 0: as many as query heads",
                          .lo_open = false, .whole = true, .optional = true, .initial = "8", .link = "serve-kv-heads"};
const Input kServeHeadDim{.key = "head_dim", .label = "Head dim", .help = "Dimension of each attention head",
                          .lo_open = false, .whole = true, .optional = true, .initial = "128", .link = "serve-head-dim"};
const Input kServeBatch{.key = "batch", .label = "Batch", .help = "Sequences decoded together per replica (default 1)",
                        .lo = 1, .lo_open = false, .whole = true, .optional = true, .initial = "16", .fallback = 1,
                        .link = "serve-batch"};
const Input kServeUsable{.key = "usable", .label = "Usable memory",
                         .help = "Usable fraction of each GPU's memory (default 0.9)", .hi = 1, .optional = true,
                         .initial = "0.9", .fallback = 0.9, .link = "serve-usable"};
const Input kServeInputTokens{.key = "input_tokens", .label = "Prompt tokens / request",
                              .help = "Prompt tokens per request: prefill (default 1000)", .unit = Unit::Tokens,
                              .unit_text = "tokens", .lo_open = false, .optional = true, .initial = "1000",
                              .fallback = 1000, .link = "serve-input-tokens"};
const Input kServeOutputTokens{.key = "output_tokens", .label = "Output tokens / request",
                               .help = "Generated tokens per request: decode (default 250)", .unit = Unit::Tokens,
                               .unit_text = "tokens", .optional = true, .initial = "250",  // a request makes a token
                               .fallback = 250, .link = "serve-output-tokens"};
const Input kServePrefillMfu{.key = "prefill_mfu", .label = "MFU (0-1]",
                             .help = "Share of peak FLOP/s reached by prefill and by decode's compute bound (default "
                                     "0.5, an assumption)",
                             .hi = 1, .optional = true, .initial = "0.5", .fallback = 0.5, .link = "serve-prefill-mfu"};
const Input kServeModel{.key = "model", .label = "Model",
                        .help = "A published model's parameters and attention shape (default llama3-70b); typed "
                                "values override it",
                        .kind = K::Choice, .optional = true, .initial = "llama3-70b", .link = "serve-model", .choices = model_ids};
const Input kServeParams{.key = "params", .label = "Parameters (total)",
                         .help = "Parameters held in memory (MoE: every expert); default: the model's",
                         .unit = Unit::Params, .unit_text = "params", .lo = 1e6, .hi = 1e15, .lo_open = false,
                         .optional = true, .initial = "70B", .link = "serve-params"};
const Input kActiveParams{.key = "active_params", .label = "Active parameters",
                          .help = "Parameters used per token (MoE: routed + shared experts + always-on); empty: all",
                          .unit = Unit::Params, .unit_text = "params", .lo = 0, .hi = 1e15, .lo_open = false,
                          .optional = true, .link = "serve-active-params"};
const Input kHeads{.key = "heads", .label = "Query heads",
                   .help = "Attention heads (attention FLOP; the KV heads when those are not given)", .lo_open = false,
                   .whole = true, .optional = true, .initial = "64", .link = "serve-heads"};
const Input kLatentDim{.key = "latent_dim", .label = "MLA latent dim",
                       .help = "Multi-head latent attention: values cached per layer per token (DeepSeek-V3: 512 + "
                               "64 = 576); 0: grouped-query attention",
                       .lo_open = false, .whole = true, .optional = true, .initial = "0", .link = "serve-latent-dim"};
const Input kServeDtype{.key = "dtype", .label = "Weights", .help = "Weight precision: bf16 (default), fp8, int8, int4",
                        .kind = K::Choice, .optional = true, .initial = "bf16", .link = "serve-dtype",
                        .choices = serve_dtypes};
const Input kKvDtype{.key = "kv_dtype", .label = "KV cache", .help = "KV-cache precision: bf16 (default), fp8",
                     .kind = K::Choice, .optional = true, .initial = "bf16", .link = "serve-kv-dtype",
                     .choices = kv_dtypes};
const Input kTp{.key = "tp", .label = "GPUs per replica (TP)",
                .help = "Tensor-parallel GPUs per replica; empty: the fewest powers of two that hold the weights "
                        "and the batch's KV cache",
                .unit_text = "GPUs", .lo = 1, .hi = 1024, .lo_open = false, .whole = true, .optional = true,
                .link = "serve-tp"};
const Input kBandwidthFraction{.key = "bandwidth_fraction", .label = "Achieved bandwidth (0-1]",
                               .help = "Share of peak memory bandwidth reached while decoding (MBU); default 0.8, an "
                                       "assumption",
                               .hi = 1, .optional = true, .initial = "0.8", .fallback = kAchievedBandwidthFraction,
                               .link = "serve-bandwidth-fraction"};
const Input kExperts{.key = "experts", .label = "Routed experts", .help = "Routed experts per MoE layer (DeepSeek-V3: 256)",
                     .unit_text = "experts", .lo = 1, .hi = 1e6, .lo_open = false, .whole = true, .optional = true, .initial = "256",
                     .fallback = 256, .link = "moe-experts"};
const Input kExpertsPerToken{.key = "experts_per_token", .label = "Routed experts per token",
                             .help = "Routed experts each token uses, top-k (DeepSeek-V3: 8)", .unit_text = "experts",
                             .lo = 1, .hi = 1e6, .lo_open = false, .whole = true, .optional = true,
                             .initial = "8", .fallback = 8, .link = "moe-experts-per-token"};
const Input kSharedExperts{.key = "shared_experts", .label = "Shared experts",
                           .help = "Experts every token uses (DeepSeek-V3: 1)", .unit_text = "experts", .hi = 1e6,
                           .lo_open = false, .whole = true, .optional = true, .initial = "1", .fallback = 1,
                           .link = "moe-shared-experts"};
const Input kExpertParams{.key = "expert_params", .label = "Parameters per expert",
                          .help = "One expert over all MoE layers (DeepSeek-V3: 3 x 7168 x 2048 x 58 layers = 2.554B)",
                          .unit = Unit::Params, .unit_text = "params", .lo = 1, .hi = 1e15, .lo_open = false,
                          .optional = true, .initial = "2.554B", .fallback = 2.554e9,
                          .link = "moe-expert-params"};
const Input kAlwaysOnParams{.key = "always_on_params", .label = "Always-on parameters",
                            .help = "Attention, embeddings, dense layers, routers (DeepSeek-V3: 14.56B)",
                            .unit = Unit::Params, .unit_text = "params", .hi = 1e15, .lo_open = false,
                            .optional = true, .initial = "14.56B", .fallback = 14.56e9,
                            .link = "moe-always-on-params"};
const Input kMoeDtype{.key = "dtype", .label = "Weights", .help = "Weight precision for memory: bf16 (default), fp8, int8, int4",
                      .kind = K::Choice, .optional = true, .initial = "bf16", .link = "moe-dtype", .choices = serve_dtypes};

// TCO (issue 18, section 1): training once, serving every day; the over-training decision.
// No price here is a catalogue's: the user's own, or filled from the Budget, Serving and Lifetime
// views. The starting values are the worked examples ($10M of training, $0.01 a request;
// $5M of extra training saving $0.001 a request), both in circulation, unsourced.
const Input kTrainingDollars{.key = "training_dollars", .label = "Training cost", .help = "Dollars to train the model, once",
                             .unit_text = "$", .initial = "10M"};
const Input kDollarsPerRequest{.key = "dollars_per_request", .label = "Cost per request",
                               .help = "Dollars to serve one request (or give --dollars-per-million-tokens with "
                                       "--tokens-per-request instead)",
                               .unit_text = "$/request", .optional = true, .initial = "0.01"};
const Input kDollarsPerMillionTokens{.key = "dollars_per_million_tokens", .label = "Cost per million tokens",
                                     .help = "Dollars per million tokens served, with --tokens-per-request (instead of "
                                             "--dollars-per-request)",
                                     .unit_text = "$/Mtok", .optional = true};
// Days, as break_even_days and requests_per_day count time: one unit throughout. A year by default,
// the span the "inference per year" is quoted over (a convention, not a measured lifetime).
const Input kLifetimeDays{.key = "lifetime_days", .label = "Lifetime", .help = "Days the model serves (default 365)",
                          .unit_text = "days", .optional = true, .initial = "365", .fallback = 365};
// Per year, compounded continuously (core/tco.hpp); above -1 (-100%), at most 100 (x101 a year).
const Input kTrafficGrowth{.key = "traffic_growth", .label = "Traffic growth / year",
                           .help = "Growth of requests per year as a fraction: 0.5 = +50% a year, -0.2 = -20% (default 0)",
                           .lo = -1, .hi = 100, .optional = true, .initial = "0", .fallback = 0};
const Input kExtraTrainingDollars{.key = "extra_training_dollars", .label = "Extra training",
                                  .help = "Extra dollars to over-train a smaller model to the same quality",
                                  .unit_text = "$", .optional = true, .initial = "5M"};
// The TCO command's --requests-per-day and --tokens-per-request, as the Lifetime command's; their own
// link keys, since a view's link must not set the Lifetime view's field of the same name.
const Input kTcoRequestsPerDay{.key = "requests_per_day", .label = "Requests per day",
                               .help = "Requests served per day (at day 0 when traffic grows)",
                               .unit_text = "requests/day", .initial = "1e7", .link = "tco-requests-per-day"};
const Input kTcoTokensPerRequest{.key = "tokens_per_request", .label = "Tokens per request",
                                 .help = "Tokens per request (with --dollars-per-million-tokens)", .unit = Unit::Tokens,
                                 .unit_text = "tokens", .optional = true, .link = "tco-tokens-per-request"};
const Input kSavingPerRequest{.key = "saving_per_request", .label = "Saving per request",
                              .help = "Dollars the smaller model saves on each request", .unit_text = "$/request",
                              .optional = true, .initial = "0.001"};
// RL and distillation (issue 19; core/rl.hpp and core/distillation.hpp hold the sources). Link keys
// apart from the other views' params, epochs, gpu, price and mfu, which share the permalink's namespace.
const Input kRlParams{.key = "params", .label = "Policy parameters N", .help = "The policy's parameters (MoE: active), e.g. 7B",
                      .unit = Unit::Params, .unit_text = "params", .hi = 1e13, .initial = "7B", .link = "rl-params"};
const Input kRlPrompts{.key = "prompts", .label = "Prompts P", .help = "Distinct prompts, each seen once per epoch",
                       .unit_text = "prompts", .hi = 1e12, .initial = "1e4"};
const Input kGroupSize{.key = "group_size", .label = "Group size K",
                       .help = "Samples generated per prompt (GRPO's group of G outputs, arXiv 2402.03300)", .lo = 1,
                       .hi = 1e5, .lo_open = false, .whole = true, .initial = "8"};
const Input kTokensPerSample{.key = "tokens_per_sample", .label = "Tokens per sample T",
                             .help = "Generated tokens per sample (the prompt's tokens are not counted)",
                             .unit = Unit::Tokens, .unit_text = "tokens", .hi = 1e7, .initial = "1000"};
const Input kRlEpochs{.key = "epochs", .label = "Epochs", .help = "Passes over the prompts (default 1)", .hi = 1e4,
                      .optional = true, .initial = "1", .fallback = 1, .link = "rl-epochs"};
const Input kReferenceModel{.key = "reference_model", .label = "KL to a reference model",
                            .help = "yes (default): a KL term needs the frozen reference model's forward pass; no: none",
                            .kind = K::Choice, .optional = true, .initial = "yes",
                            .choices = [] { return std::vector<std::string>{"yes", "no"}; }};
const Input kPretrainingTokens{.key = "pretraining_tokens", .label = "Pretraining tokens D",
                               .help = "The model's pretraining tokens (empty: 20 x params, Chinchilla-optimal)",
                               .unit = Unit::Tokens, .unit_text = "tokens", .optional = true};
const Input kRlGpu{.key = "gpu", .label = "Hardware", .help = "Accelerator id for every phase (default h100-sxm)",
                   .kind = K::Choice, .optional = true, .initial = "h100-sxm", .link = "rl-gpu", .choices = gpu_ids};
const Input kRlPrice{.key = "price", .label = "$ / GPU-hour", .help = "Dollars per GPU-hour (default: the catalogue's)",
                     .unit_text = "$/GPU-hour", .optional = true, .link = "rl-price"};
const Input kRlMfu{.key = "mfu", .label = "MFU (0-1]", .help = "Model FLOP utilisation of the updates (0.4, an assumption)",
                   .hi = 1, .optional = true, .initial = "0.4", .fallback = 0.4, .link = "rl-mfu"};
const Input kRolloutMfu{.key = "rollout_mfu", .label = "Rollout MFU (0-1]",
                        .help = "The rollouts' MFU: generation is memory-bound, so lower (empty: the same as MFU)",
                        .hi = 1, .optional = true};
const Input kTeacherParams{.key = "teacher_params", .label = "Teacher parameters",
                           .help = "The teacher's parameters (MoE: active), e.g. 70B", .unit = Unit::Params,
                           .unit_text = "params", .hi = 1e13, .initial = "70B"};
const Input kStudentParams{.key = "student_params", .label = "Student parameters", .help = "The student's parameters, e.g. 7B",
                           .unit = Unit::Params, .unit_text = "params", .hi = 1e13, .initial = "7B"};
const Input kDatasetGb{.key = "dataset_gb", .label = "Generated data", .help = "The teacher's generated text, GB (1e9 bytes)",
                       .unit_text = "GB", .hi = 1e9, .initial = "300"};
const Input kBytesPerToken{.key = "bytes_per_token", .label = "Bytes per token",
                           .help = "Bytes of text per token (4: English, a rule of thumb in circulation)", .hi = 100,
                           .optional = true, .initial = "4", .fallback = 4};
const Input kDistillEpochs{.key = "epochs", .label = "Student epochs", .help = "The student's passes over the data (default 1)",
                           .hi = 1e4, .optional = true, .initial = "1", .fallback = 1, .link = "distill-epochs"};
const Input kDistillGpu{.key = "gpu", .label = "Hardware", .help = "Accelerator id for both phases (default h100-sxm)",
                        .kind = K::Choice, .optional = true, .initial = "h100-sxm", .link = "distill-gpu",
                        .choices = gpu_ids};
const Input kDistillPrice{.key = "price", .label = "$ / GPU-hour", .help = "Dollars per GPU-hour (default: the catalogue's)",
                          .unit_text = "$/GPU-hour", .optional = true, .link = "distill-price"};
const Input kDistillMfu{.key = "mfu", .label = "MFU (0-1]", .help = "The student's fine-tuning MFU (0.4, an assumption)",
                        .hi = 1, .optional = true, .initial = "0.4", .fallback = 0.4, .link = "distill-mfu"};
const Input kGenerationMfu{.key = "generation_mfu", .label = "Generation MFU (0-1]",
                           .help = "The teacher's generation MFU: memory-bound, so lower (empty: the same as MFU)",
                           .hi = 1, .optional = true};
// Kaplan's single-variable laws (issue 19): Kaplan et al. 2020, arXiv 2001.08361, Eq. 1.1-1.3. Own
// link keys: the Allocator and Loss fields of the same names are other views'. The starting values
// are round sizes of the range the paper fitted, not any run's.
const Input kKaplanParams{.key = "params", .label = "Parameters N (non-embedding)",
                          .help = "Non-embedding parameters for L(N) (default 1B)", .unit = Unit::Params,
                          .unit_text = "params", .lo = 1, .hi = 1e20, .lo_open = false, .optional = true,
                          .initial = "1B", .fallback = 1e9, .link = "kaplan-params"};
const Input kKaplanTokens{.key = "tokens", .label = "Tokens D", .help = "Training tokens for L(D) (default 20B)",
                          .unit = Unit::Tokens, .unit_text = "tokens", .lo = 1, .hi = 1e20, .lo_open = false,
                          .optional = true, .initial = "20B", .fallback = 2e10, .link = "kaplan-tokens"};
const Input kKaplanFlops{.key = "flops", .label = "Compute C",
                         .help = "Compute in FLOP: C_min of L(C_min) (1 PF-day = 8.64e19 FLOP) and the budget of the "
                                 "frontier's exponents (default 1e24); or give --pf-days",
                         .unit = Unit::Flop, .unit_text = "FLOP", .lo = 1e6, .hi = 1e40, .lo_open = false,
                         .optional = true, .initial = "1e24", .fallback = 1e24, .link = "kaplan-flops"};
const Input kPfDays{.key = "pf_days", .label = "Compute C (PF-days)",
                    .help = "Compute in PF-days instead of --flops (1 PF-day = 8.64e19 FLOP)", .unit_text = "PF-days",
                    .lo = 1e-13, .hi = 1e20, .lo_open = false, .optional = true};
// Downstream-task extrapolation (issue 20): a task's scores at a few model sizes (core/task_fit.hpp).
// Own link keys: the Frontier's `points` and the Fit's `target` are other inputs.
namespace {
std::vector<std::string> task_forms() { return {"error", "sigmoid"}; }
}  // namespace
const Input kTaskPoints{.key = "points", .label = "Your (size, score) points",
                        .help = "Model size and score pairs, 7e9:0.60,13e9:0.70, or lines 'N,score' pasted from a "
                                "spreadsheet; scores from 0 to 1 or as 60%; the CLI reads a file as @file.csv",
                        .kind = K::Text, .initial = "7e9:0.60,13e9:0.70", .link = "task-points"};
const Input kTaskChance{.key = "chance", .label = "Chance level",
                        .help = "The metric's score by guessing (0.25 for 4-way multiple choice): the sigmoid's floor, "
                                "and a warning below it; default 0",
                        .hi = 0.99, .lo_open = false, .optional = true, .initial = "0", .link = "task-chance"};
const Input kTaskForm{.key = "task_form", .label = "Form",
                      .help = "error (default): a power law on the error rate, 1 - score = A N^-alpha; sigmoid: "
                              "score = c + (1 - c) / (1 + exp(-k (ln N - x0))) for tasks that jump",
                      .kind = K::Choice, .optional = true, .initial = "error", .choices = task_forms};
const Input kTaskAt{.key = "at", .label = "Predict at size", .help = "A model size to predict the score at, e.g. 70B",
                    .unit = Unit::Params, .unit_text = "params", .hi = 1e16, .optional = true, .initial = "70B",
                    .link = "task-at"};
const Input kTaskTarget{.key = "target", .label = "Target score",
                        .help = "A score to reach, from 0 to 1: the model size it needs", .hi = 1, .optional = true,
                        .initial = "0.9", .link = "task-target"};
// Sweep designer (issue 20): an IsoFLOP sweep in the manner of Chinchilla's Approach 2 (core/sweep_design.hpp).
// Own link keys but for the study budget: budgets, width and target are words other views may use.
const Input kStudyFlops{.key = "study_flops", .label = "Study budget",
                        .help = "FLOP for the whole sweep: every run together (default 1e21)", .unit = Unit::Flop,
                        .unit_text = "FLOP", .lo = 1e6, .hi = 1e40, .lo_open = false, .initial = "1e21"};
const Input kDesignBudgets{.key = "budgets", .label = "Budgets K",
                           .help = "IsoFLOP budgets, geometric over the span (default 5; 3 to 30)", .lo = 3, .hi = 30,
                           .lo_open = false, .whole = true, .optional = true, .initial = "5", .fallback = 5,
                           .link = "design-budgets"};
const Input kSpanDecades{.key = "span_decades", .label = "Span",
                         .help = "Decades from the smallest budget to the largest (default 2; at least 1.5)",
                         .unit_text = "decades", .hi = 10, .optional = true, .initial = "2", .fallback = 2,
                         .link = "design-span"};
const Input kModelsPerBudget{.key = "models_per_budget", .label = "Models per budget M",
                             .help = "Model sizes at each budget, evenly spaced in log N (default 7; 3 to 50)", .lo = 3,
                             .hi = 50, .lo_open = false, .whole = true, .optional = true, .initial = "7", .fallback = 7,
                             .link = "design-models"};
const Input kWidthDecades{.key = "width_decades", .label = "Width (+-)",
                          .help = "Half-width of each budget's sizes in decades of N around the law's optimum (default "
                                  "0.5: N_opt/3.16 to 3.16 N_opt)",
                          .unit_text = "decades", .hi = 3, .optional = true, .initial = "0.5", .fallback = 0.5,
                          .link = "design-width"};
const Input kTargetFlops{.key = "target_flops", .label = "Target budget",
                         .help = "The budget the fitted laws will be used at, to say how far they are carried (optional)",
                         .unit = Unit::Flop, .unit_text = "FLOP", .lo = 1e6, .hi = 1e40, .lo_open = false,
                         .optional = true, .link = "design-target"};
// Claims in circulation, checked (issue 20; core/claims.hpp). Link keys of their own: the Budget,
// Serving and Capex views already hold gpu, mfu, price, model, batch and the token counts.
const Input kClaimsFlops{.key = "flops", .label = "Budget C",
                         .help = "Training FLOP at which the allocation and loss claims are read (default 1e24)",
                         .unit = Unit::Flop, .unit_text = "FLOP", .lo = 1e10, .hi = 1e38, .optional = true,
                         .initial = "1e24", .fallback = 1e24, .link = "claims-flops"};
const Input kClaimsGpu{.key = "gpu", .label = "Hardware", .help = "Accelerator of the cost claims (default h100-sxm)",
                       .kind = K::Choice, .optional = true, .initial = "h100-sxm", .link = "claims-gpu", .choices = gpu_ids};
const Input kClaimsMfu{.key = "mfu", .label = "Training MFU (0-1]", .help = "Model FLOP utilisation of training, (0, 1] (0.4)",
                       .hi = 1, .optional = true, .initial = "0.4", .fallback = 0.4, .link = "claims-mfu"};
const Input kClaimsPrice{.key = "price", .label = "$ / GPU-hour", .help = "Dollars per GPU-hour (default: the catalogue's)",
                         .unit_text = "$/GPU-hour", .hi = 1e6, .optional = true, .link = "claims-price"};
const Input kClaimsModel{.key = "model", .label = "Served model",
                         .help = "The model of the cost-per-request claim (default llama3-70b)", .kind = K::Choice,
                         .optional = true, .initial = "llama3-70b", .link = "claims-model", .choices = model_ids};
const Input kClaimsInputTokens{.key = "input_tokens", .label = "Prompt tokens / request",
                               .help = "Prompt tokens per request (default 1000)", .unit = Unit::Tokens,
                               .unit_text = "tokens", .hi = 1e7, .lo_open = false, .optional = true, .initial = "1000",
                               .fallback = 1000, .link = "claims-input-tokens"};
const Input kClaimsOutputTokens{.key = "output_tokens", .label = "Output tokens / request",
                                .help = "Generated tokens per request (default 500)", .unit = Unit::Tokens,
                                .unit_text = "tokens", .hi = 1e7, .optional = true, .initial = "500", .fallback = 500,
                                .link = "claims-output-tokens"};
const Input kClaimsBatch{.key = "batch", .label = "Batch", .help = "Sequences decoded together per replica (default 16)",
                         .lo = 1, .hi = 1e5, .lo_open = false, .whole = true, .optional = true, .initial = "16",
                         .fallback = 16, .link = "claims-batch"};
}  // namespace inputs

std::span<const Input* const> all_inputs() {
    using namespace inputs;
    static const Input* const kAll[] = {
        &kLaw, &kE, &kA, &kB, &kAlpha, &kBeta, &kMOverN, &kFlops, &kParams, &kTokens, &kUniqueTokens, &kFrom, &kTo,
        &kPoints, &kBaseParams, &kBaseTokens, &kComputeMultiple, &kDataCap, &kBaseDataTb, &kReferenceFlops,
        &kReferenceMultiple, &kSparsity, &kSuccess, &kSamples, &kSamplesNow, &kModelParams, &kAnswerTokens,
        &kLargeSuccess, &kSizeRatio, &kInferenceRatio, &kFactor, &kWrongAnswers, &kSkew, &kMeasuredSamples, &kMeasuredCorrect, &kAnswerLength, &kAccuracyNc, &kAccuracyAlpha,
        &kBaseQuality, &kRate, &kSaturationExamples, &kExamples, &kTransferParams, &kFinetuneTokens, &kGpu, &kDtype,
        &kSolve, &kPrice, &kBudgetFlops, &kGpus, &kDays, &kMfu, &kDollars, &kPreset, &kMemoryParams, &kMemoryDtype,
        &kLayers, &kKvHeads, &kHeadDim, &kContext, &kBatch, &kUsable, &kLoss, &kInferenceTokens, &kTokensPerRequest,
        &kOverParams, &kOverTokens, &kRequests, &kInputTokens, &kOutputTokens, &kRequestsPerDay, &kTrainGpu,
        &kTrainDtype, &kTrainPrice, &kTrainMfu, &kPrefillGpu, &kPrefillDtype, &kPrefillPrice, &kPrefillMfu,
        &kDecodeGpu, &kDecodeDtype, &kDecodePrice, &kDecodeMfu, &kFitText, &kExcludeTop, &kBootstrap, &kForm, &kX,
        &kPredict, &kTarget, &kColumns,
        // Capex to FLOP (issue 18)
        &kSystemDollars, &kSystemYear, &kCapexGpu, &kCapexDtype, &kAcceleratorPrice, &kPriceYear, &kOverheadShareInput,
        &kDoublingYears, &kWindowDays, &kCapexMfu,
        // Router (issue 18)
        &kRouterGpu, &kRouterPrice, &kRouterPrompt, &kRouterBatch, &kShareClassification, &kTokensClassification,
        &kParamsClassification, &kQualityClassification, &kShareSummarisation, &kTokensSummarisation,
        &kParamsSummarisation, &kQualitySummarisation, &kShareReasoning, &kTokensReasoning, &kParamsReasoning,
        &kQualityReasoning,
        // Serving and MoE (issue 18)
        &kServeGpu, &kServePrice, &kServeLayers, &kServeKvHeads, &kServeHeadDim, &kServeBatch, &kServeUsable,
        &kServeInputTokens, &kServeOutputTokens, &kServePrefillMfu, &kServeModel, &kServeParams, &kActiveParams,
        &kHeads, &kLatentDim, &kServeDtype, &kKvDtype, &kTp,
        &kBandwidthFraction, &kExperts, &kExpertsPerToken, &kSharedExperts, &kExpertParams, &kAlwaysOnParams,
        &kMoeDtype,
        // TCO (issue 18)
        &kTrainingDollars, &kDollarsPerRequest, &kDollarsPerMillionTokens, &kLifetimeDays, &kTrafficGrowth,
        &kExtraTrainingDollars, &kSavingPerRequest, &kTcoRequestsPerDay, &kTcoTokensPerRequest,
        // RL and distillation (issue 19)
        &kRlParams, &kRlPrompts, &kGroupSize, &kTokensPerSample, &kRlEpochs, &kReferenceModel, &kPretrainingTokens,
        &kRlGpu, &kRlPrice, &kRlMfu, &kRolloutMfu, &kTeacherParams, &kStudentParams, &kDatasetGb, &kBytesPerToken,
        &kDistillEpochs, &kDistillGpu, &kDistillPrice, &kDistillMfu, &kGenerationMfu,
        // Kaplan's single-variable laws (issue 19)
        &kKaplanParams, &kKaplanTokens, &kKaplanFlops, &kPfDays,
        // Fine-tuning planner (issue 19)
        &kFtParams, &kTokensPerExample, &kLoraRank, &kFtLayers, &kDModel, &kFrozenDtype, &kFtGpu, &kFtGpus, &kFtMfu,
        &kFtPrice, &kFtPretrainingTokens, &kScorePoints,
        // Downstream-task extrapolation (issue 20)
        &kTaskPoints, &kTaskChance, &kTaskForm, &kTaskAt, &kTaskTarget,
        // Sweep designer (issue 20)
        &kStudyFlops, &kDesignBudgets, &kSpanDecades, &kModelsPerBudget, &kWidthDecades, &kTargetFlops,
        // Claims in circulation, checked (issue 20)
        &kClaimsFlops, &kClaimsGpu, &kClaimsMfu, &kClaimsPrice, &kClaimsModel, &kClaimsInputTokens,
        &kClaimsOutputTokens, &kClaimsBatch};
    return kAll;
}

}  // namespace scaling
