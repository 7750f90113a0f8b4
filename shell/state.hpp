// state.hpp: what the explorer holds between frames: the view on screen, the budget and law every
// view shares, and each view's own inputs, each bound to its descriptor (core/inputs.hpp).
// Free of ImGui, so the permalink codec and saved work are tested without a window.
//
// [SECTION] Views      the views in navigation order, their names in links
// [SECTION] Field      one input's text, bound to its descriptor
// [SECTION] Inputs     one struct per view, composed into State
// [SECTION] State      the whole, and the operations views call on it
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/inputs.hpp"
#include "core/laws.hpp"
#include "core/saved_work.hpp"

namespace app {

class FitRun;  // fit_run.hpp

// [SECTION] Views

// The views, in the order of the navigation.
// Four groups: the Chinchilla frontier and budgets (kAllocator..kKaplan), beyond pure pretraining
// (kData..kPostTraining), the economics of serving and owning a model (kServing..kCapex), then the
// user's own evidence and the claims in circulation (after kCapex).
// Links and saved work name a view by its key (view_key), never by its index, so inserting one
// moves nothing a user kept.
enum View {
    kAllocator = 0, kCompare, kFrontier, kIsoFlop, kLandscape, kModels, kBudget, kLifetime, kFit,
    kKaplan,  // Kaplan's single-variable laws (issue 19)
    kData, kScenarios, kTestTime, kEmergence, kFineTuning, kNextFlop,
    kPostTraining,  // RL and distillation (issue 19)
    kServing, kRouter, kTco, kCapex,
    // The user's own evidence and the claims in circulation (issue 20)
    kTask,  // issue 20: task-fit
    kDesign,  // issue 20: the sweep designer
    kClaims,  // issue 20: claims in circulation, checked
    kViewCount
};
constexpr int kFirstBeyondView = kData;
constexpr int kFirstEconomicsView = kServing;
constexpr int kFirstEvidenceView = kCapex + 1;
const char* view_name(int view);
// The view's name in links, docs pages and --view: lower case, spaces as '-' ("next-flop").
std::string view_key(int view);

// [SECTION] Field

// One input as the user typed it, never discarded (a refused entry keeps its text and says why),
// read against its descriptor. A choice holds the chosen id ("h100-sxm", "bf16"), as a link and
// the CLI write it.
struct Field {
    const scaling::Input* in;  // what it is: label, help, unit, range, link key
    std::string text;          // as typed

    // Implicit, so a struct of fields is initialised from a list of descriptors (PhaseInputs).
    Field(const scaling::Input& desc) : in(&desc), text(desc.initial) {}

    // The number in force: read_number's value; an optional field left empty is its fallback.
    scaling::Result<double> number() const;
    bool given() const { return scaling::given(text); }
    // A choice's index in in->choices(); the initial choice's when the text is not one of them.
    int index() const;
    void choose(int index);
};

// [SECTION] Inputs
// Each struct lists its fields once, in the order a link writes them; `each` visits them all for
// the permalink (a test checks that it visits as many fields as the struct holds).

// Budget view, the hardware card: three of FLOP, days, GPUs, MFU given, the fourth solved.
struct HardwareInputs {
    Field gpu{scaling::inputs::kGpu}, dtype{scaling::inputs::kDtype}, solve{scaling::inputs::kSolve};
    Field flops{scaling::inputs::kBudgetFlops}, gpus{scaling::inputs::kGpus}, days{scaling::inputs::kDays};
    Field mfu{scaling::inputs::kMfu};
    Field price{scaling::inputs::kPrice};  // empty: the catalogue's price
    Field dollars{scaling::inputs::kDollars};  // a dollar budget in place of days (issue 18, section 6); empty: none
    template <class F> void each(F f) {
        for (Field* x : {&gpu, &dtype, &solve, &flops, &gpus, &days, &mfu, &price, &dollars}) f(*x);
    }
};

// Budget view, the memory card. Parameters empty: the budget's compute-optimal model.
struct MemoryInputs {
    Field params{scaling::inputs::kMemoryParams}, dtype{scaling::inputs::kMemoryDtype};
    Field layers{scaling::inputs::kLayers}, kv_heads{scaling::inputs::kKvHeads}, head_dim{scaling::inputs::kHeadDim};
    Field context{scaling::inputs::kContext}, batch{scaling::inputs::kBatch};
    template <class F> void each(F f) {
        for (Field* x : {&params, &dtype, &layers, &kv_heads, &head_dim, &context, &batch}) f(*x);
    }
};

// Lifetime view, one phase of serving or training priced on its own hardware. Price empty: the
// catalogue's.
struct PhaseInputs {
    Field gpu, dtype, mfu, price;
};

// Lifetime view: target loss (empty: the budget's optimum) and demand; the dollar version's demand
// and phases (training, prefill, decode); the over-training explorer's model.
struct LifetimeInputs {
    Field loss{scaling::inputs::kLoss}, inference_tokens{scaling::inputs::kInferenceTokens};
    Field over_params{scaling::inputs::kOverParams}, over_tokens{scaling::inputs::kOverTokens};
    Field requests{scaling::inputs::kRequests}, input_tokens{scaling::inputs::kInputTokens};
    Field output_tokens{scaling::inputs::kOutputTokens}, requests_per_day{scaling::inputs::kRequestsPerDay};
    PhaseInputs phase[3] = {
        {scaling::inputs::kTrainGpu, scaling::inputs::kTrainDtype, scaling::inputs::kTrainMfu, scaling::inputs::kTrainPrice},
        {scaling::inputs::kPrefillGpu, scaling::inputs::kPrefillDtype, scaling::inputs::kPrefillMfu, scaling::inputs::kPrefillPrice},
        {scaling::inputs::kDecodeGpu, scaling::inputs::kDecodeDtype, scaling::inputs::kDecodeMfu, scaling::inputs::kDecodePrice}};
    template <class F> void each(F f) {
        for (Field* x : {&loss, &inference_tokens, &over_params, &over_tokens, &requests, &input_tokens, &output_tokens,
                         &requests_per_day})
            f(*x);
        for (PhaseInputs& p : phase)
            for (Field* x : {&p.gpu, &p.dtype, &p.mfu, &p.price}) f(*x);
    }
};

// Data view (Muennighoff et al. 2023): the unique tokens available; the budget is State::flops.
struct DataInputs {
    Field unique_tokens{scaling::inputs::kUniqueTokens};
    template <class F> void each(F f) { f(unique_tokens); }
};

// Scenarios view: a base model (N, D) given k x compute, the most its data can grow and its data on
// disk (optional: shows the data in TB); a projection of compute (a reference run's FLOP, a multiple
// of it, and the expert sparsity of a mixture of experts, 1 for dense).
struct ScenariosInputs {
    Field base_params{scaling::inputs::kBaseParams}, base_tokens{scaling::inputs::kBaseTokens};
    Field compute_multiple{scaling::inputs::kComputeMultiple}, data_cap{scaling::inputs::kDataCap};
    Field base_data_tb{scaling::inputs::kBaseDataTb};
    Field reference_flops{scaling::inputs::kReferenceFlops}, reference_multiple{scaling::inputs::kReferenceMultiple};
    Field sparsity{scaling::inputs::kSparsity};
    template <class F> void each(F f) {
        for (Field* x : {&base_params, &base_tokens, &compute_multiple, &data_cap, &base_data_tb, &reference_flops,
                         &reference_multiple, &sparsity})
            f(*x);
    }
};

// Test-time view: per-sample success, most samples shown, the model and answer length for cost;
// the small-against-large comparison (the larger model's success, size ratio M, R = D_inf / D_pre).
struct TestTimeInputs {
    Field success{scaling::inputs::kSuccess}, samples{scaling::inputs::kSamples};
    Field model_params{scaling::inputs::kModelParams}, answer_tokens{scaling::inputs::kAnswerTokens};
    Field large_success{scaling::inputs::kLargeSuccess}, size_ratio{scaling::inputs::kSizeRatio};
    Field inference_ratio{scaling::inputs::kInferenceRatio};
    Field wrong_answers{scaling::inputs::kWrongAnswers}, skew{scaling::inputs::kSkew};
    Field measured_samples{scaling::inputs::kMeasuredSamples}, measured_correct{scaling::inputs::kMeasuredCorrect};
    template <class F> void each(F f) {
        for (Field* x : {&success, &samples, &model_params, &answer_tokens, &large_success, &size_ratio, &inference_ratio,
                         &wrong_answers, &skew, &measured_samples, &measured_correct})
            f(*x);
    }
};

// Next FLOP view: samples per question today. Its p, R and wrong answers are the Test-time view's fields, so a
// question asked in one view is the question of the other.
struct NextFlopInputs {
    Field samples_now{scaling::inputs::kSamplesNow};
    template <class F> void each(F f) { f(samples_now); }
};

// Emergence view: answer length L and the smooth per-token accuracy curve's constants.
struct EmergenceInputs {
    Field answer_length{scaling::inputs::kAnswerLength}, accuracy_nc{scaling::inputs::kAccuracyNc};
    Field accuracy_alpha{scaling::inputs::kAccuracyAlpha};
    template <class F> void each(F f) { for (Field* x : {&answer_length, &accuracy_nc, &accuracy_alpha}) f(*x); }
};

// Fine-tuning view: the planner (issue 19: size, LoRA, hardware, pre-training), the saturation curve
// (ceiling, rate k, D_sat, examples) and its fit to your points, and transfer (N, D_F).
struct FineTuningInputs {
    Field base_quality{scaling::inputs::kBaseQuality}, rate{scaling::inputs::kRate};
    Field saturation_examples{scaling::inputs::kSaturationExamples}, examples{scaling::inputs::kExamples};
    Field transfer_params{scaling::inputs::kTransferParams}, finetune_tokens{scaling::inputs::kFinetuneTokens};
    Field params{scaling::inputs::kFtParams}, tokens_per_example{scaling::inputs::kTokensPerExample};
    Field lora_rank{scaling::inputs::kLoraRank}, layers{scaling::inputs::kFtLayers}, d_model{scaling::inputs::kDModel};
    Field frozen_dtype{scaling::inputs::kFrozenDtype}, gpu{scaling::inputs::kFtGpu}, gpus{scaling::inputs::kFtGpus};
    Field mfu{scaling::inputs::kFtMfu}, price{scaling::inputs::kFtPrice};
    Field pretraining_tokens{scaling::inputs::kFtPretrainingTokens}, score_points{scaling::inputs::kScorePoints};
    template <class F> void each(F f) {
        for (Field* x : {&base_quality, &rate, &saturation_examples, &examples, &transfer_params, &finetune_tokens,
                         &params, &tokens_per_example, &lora_rank, &layers, &d_model, &frozen_dtype, &gpu, &gpus, &mfu,
                         &price, &pretraining_tokens, &score_points})
            f(*x);
    }
};

// RL and distillation (issue 19): the Post-training view's two cards, RL cost with sampled groups
// (core/rl.hpp) and distillation through a teacher's generated data (core/distillation.hpp).
struct PostTrainingInputs {
    Field params{scaling::inputs::kRlParams}, prompts{scaling::inputs::kRlPrompts};
    Field group_size{scaling::inputs::kGroupSize}, tokens_per_sample{scaling::inputs::kTokensPerSample};
    Field epochs{scaling::inputs::kRlEpochs}, reference_model{scaling::inputs::kReferenceModel};
    Field pretraining_tokens{scaling::inputs::kPretrainingTokens};  // empty: 20 x params
    Field gpu{scaling::inputs::kRlGpu}, price{scaling::inputs::kRlPrice};  // price empty: the catalogue's
    Field mfu{scaling::inputs::kRlMfu}, rollout_mfu{scaling::inputs::kRolloutMfu};  // rollout empty: mfu
    Field teacher_params{scaling::inputs::kTeacherParams}, student_params{scaling::inputs::kStudentParams};
    Field dataset_gb{scaling::inputs::kDatasetGb}, bytes_per_token{scaling::inputs::kBytesPerToken};
    Field distill_epochs{scaling::inputs::kDistillEpochs}, distill_gpu{scaling::inputs::kDistillGpu};
    Field distill_price{scaling::inputs::kDistillPrice}, distill_mfu{scaling::inputs::kDistillMfu};
    Field generation_mfu{scaling::inputs::kGenerationMfu};
    template <class F> void each_rl(F f) {
        for (Field* x : {&params, &prompts, &group_size, &tokens_per_sample, &epochs, &reference_model,
                         &pretraining_tokens, &gpu, &price, &mfu, &rollout_mfu})
            f(*x);
    }
    template <class F> void each_distill(F f) {
        for (Field* x : {&teacher_params, &student_params, &dataset_gb, &bytes_per_token, &distill_epochs, &distill_gpu,
                         &distill_price, &distill_mfu, &generation_mfu})
            f(*x);
    }
    template <class F> void each(F f) { each_rl(f); each_distill(f); }
};

// Kaplan view (issue 19): N, D and compute for L(N), L(D), L(C_min); the budget of the exponents.
struct KaplanInputs {
    Field params{scaling::inputs::kKaplanParams}, tokens{scaling::inputs::kKaplanTokens};
    Field flops{scaling::inputs::kKaplanFlops};
    template <class F> void each(F f) { for (Field* x : {&params, &tokens, &flops}) f(*x); }
};

// Fit view (issue 20): the form (the five-constant law, or a power law in one quantity) and, for
// the power law, the quantity. The runs, mapping and options are the user's saved work instead.
struct FitInputs {
    Field form{scaling::inputs::kForm}, x{scaling::inputs::kX};
    template <class F> void each(F f) { for (Field* v : {&form, &x}) f(*v); }
};

// [SECTION] Economics views (issue 18: each struct filled in by its view's work)

// Serving view: the roofline of one model on one accelerator. The model combo fills the model's
// fields (params .. latent_dim) from its preset; what is typed there is what is computed.
struct ServingInputs {
    Field model{scaling::inputs::kServeModel}, params{scaling::inputs::kServeParams};
    Field active_params{scaling::inputs::kActiveParams}, layers{scaling::inputs::kServeLayers};
    Field heads{scaling::inputs::kHeads}, kv_heads{scaling::inputs::kServeKvHeads};
    Field head_dim{scaling::inputs::kServeHeadDim};
    Field latent_dim{scaling::inputs::kLatentDim};
    Field gpu{scaling::inputs::kServeGpu}, dtype{scaling::inputs::kServeDtype}, kv_dtype{scaling::inputs::kKvDtype};
    Field input_tokens{scaling::inputs::kServeInputTokens}, output_tokens{scaling::inputs::kServeOutputTokens};
    Field batch{scaling::inputs::kServeBatch}, tp{scaling::inputs::kTp}, prefill_mfu{scaling::inputs::kServePrefillMfu};
    Field bandwidth_fraction{scaling::inputs::kBandwidthFraction}, usable{scaling::inputs::kServeUsable};
    Field price{scaling::inputs::kServePrice};  // empty: the catalogue's price
    template <class F> void each(F f) {
        for (Field* x : {&model, &params, &active_params, &layers, &heads, &kv_heads, &head_dim, &latent_dim, &gpu, &dtype,
                         &kv_dtype, &input_tokens, &output_tokens, &batch, &tp, &prefill_mfu, &bandwidth_fraction,
                         &usable, &price})
            f(*x);
    }
};

// Serving view, the mixture-of-experts card (defaults: DeepSeek-V3's parts).
struct MoeInputs {
    Field experts{scaling::inputs::kExperts}, experts_per_token{scaling::inputs::kExpertsPerToken};
    Field shared_experts{scaling::inputs::kSharedExperts}, expert_params{scaling::inputs::kExpertParams};
    Field always_on_params{scaling::inputs::kAlwaysOnParams}, dtype{scaling::inputs::kMoeDtype};
    template <class F> void each(F f) {
        for (Field* x : {&experts, &experts_per_token, &shared_experts, &expert_params, &always_on_params, &dtype}) f(*x);
    }
};

// Router view: request classes with their shares, tokens and models (core/router.hpp).
struct RouterInputs {
    Field gpu{scaling::inputs::kRouterGpu}, price{scaling::inputs::kRouterPrice};
    Field prompt_tokens{scaling::inputs::kRouterPrompt}, batch{scaling::inputs::kRouterBatch};
    // Per class, in the order of core/router.hpp's defaults: share, output tokens, model, quality.
    Field classes[3][4] = {
        {scaling::inputs::kShareClassification, scaling::inputs::kTokensClassification,
         scaling::inputs::kParamsClassification, scaling::inputs::kQualityClassification},
        {scaling::inputs::kShareSummarisation, scaling::inputs::kTokensSummarisation,
         scaling::inputs::kParamsSummarisation, scaling::inputs::kQualitySummarisation},
        {scaling::inputs::kShareReasoning, scaling::inputs::kTokensReasoning, scaling::inputs::kParamsReasoning,
         scaling::inputs::kQualityReasoning}};
    template <class F> void each(F f) {
        for (Field* x : {&gpu, &price, &prompt_tokens, &batch}) f(*x);
        for (auto& row : classes)
            for (Field& x : row) f(x);
    }
};

// TCO view: training plus serving, break-even, over-training's payback. The cost per request is
// typed, or per million tokens x tokens per request (one of the two); the over-training pair is
// empty for no decision.
struct TcoInputs {
    Field training_dollars{scaling::inputs::kTrainingDollars}, dollars_per_request{scaling::inputs::kDollarsPerRequest};
    Field dollars_per_million_tokens{scaling::inputs::kDollarsPerMillionTokens};
    Field tokens_per_request{scaling::inputs::kTcoTokensPerRequest}, requests_per_day{scaling::inputs::kTcoRequestsPerDay};
    Field lifetime_days{scaling::inputs::kLifetimeDays}, traffic_growth{scaling::inputs::kTrafficGrowth};
    Field extra_training_dollars{scaling::inputs::kExtraTrainingDollars};
    Field saving_per_request{scaling::inputs::kSavingPerRequest};
    template <class F> void each(F f) {
        for (Field* x : {&training_dollars, &dollars_per_request, &dollars_per_million_tokens, &tokens_per_request,
                         &requests_per_day, &lifetime_days, &traffic_growth, &extra_training_dollars, &saving_per_request})
            f(*x);
    }
};

// Capex view: a system's cost and year to FLOP (core/capex.hpp).
struct CapexInputs {
    Field system_dollars{scaling::inputs::kSystemDollars}, year{scaling::inputs::kSystemYear};
    Field gpu{scaling::inputs::kCapexGpu}, dtype{scaling::inputs::kCapexDtype};
    Field accelerator_price{scaling::inputs::kAcceleratorPrice}, reference_year{scaling::inputs::kPriceYear};
    Field overhead_share{scaling::inputs::kOverheadShareInput}, doubling_years{scaling::inputs::kDoublingYears};
    Field window_days{scaling::inputs::kWindowDays}, mfu{scaling::inputs::kCapexMfu};
    template <class F> void each(F f) {
        for (Field* x : {&system_dollars, &year, &gpu, &dtype, &accelerator_price, &reference_year, &overhead_share,
                         &doubling_years, &window_days, &mfu})
            f(*x);
    }
};

// Task view (issue 20): a task's scores at a few model sizes, extrapolated (core/task_fit.hpp).
struct TaskInputs {
    Field points{scaling::inputs::kTaskPoints}, task_form{scaling::inputs::kTaskForm};
    Field chance{scaling::inputs::kTaskChance}, at{scaling::inputs::kTaskAt}, target{scaling::inputs::kTaskTarget};
    template <class F> void each(F f) {
        for (Field* x : {&points, &task_form, &chance, &at, &target}) f(*x);
    }
};

// Sweep designer (issue 20): the study budget, K budgets over a span, M sizes per budget over a width.
// The results pasted back are State::design_results (too long for a link).
struct DesignInputs {
    Field study_flops{scaling::inputs::kStudyFlops}, budgets{scaling::inputs::kDesignBudgets};
    Field span_decades{scaling::inputs::kSpanDecades}, models_per_budget{scaling::inputs::kModelsPerBudget};
    Field width_decades{scaling::inputs::kWidthDecades};
    template <class F> void each(F f) {
        for (Field* x : {&study_flops, &budgets, &span_decades, &models_per_budget, &width_decades}) f(*x);
    }
};

// Claims in circulation, checked (issue 20): the budget, hardware and served model the claims are
// read at; the law is the explorer's.
struct ClaimsInputs {
    Field flops{scaling::inputs::kClaimsFlops}, gpu{scaling::inputs::kClaimsGpu}, mfu{scaling::inputs::kClaimsMfu};
    Field price{scaling::inputs::kClaimsPrice}, model{scaling::inputs::kClaimsModel};
    Field input_tokens{scaling::inputs::kClaimsInputTokens}, output_tokens{scaling::inputs::kClaimsOutputTokens};
    Field batch{scaling::inputs::kClaimsBatch};
    template <class F> void each(F f) {
        for (Field* x : {&flops, &gpu, &mfu, &price, &model, &input_tokens, &output_tokens, &batch}) f(*x);
    }
};

// [SECTION] State

struct State {
    // Defaults that are a paper's or a published run's figures are read from the data files that
    // cite them (state.cpp): the budget, the custom law's constants, the projection's reference run.
    State();
    int view = kAllocator;             // the view on screen
    int requested_view = -1;           // set to switch views from outside the tab bar (tests, links)
    double flops = 0;                  // the training FLOP budget in force (last valid input)
    char budget_text[128] = "";        // what the budget field holds, valid or not: never discarded
    std::string budget_error;          // why budget_text was refused; shown under the field
    int law = scaling::default_law_index();  // index into scaling::all_laws()
    // The user's constants for the `custom` law (E, A, B, alpha, beta) as typed, and the last valid set.
    char custom_text[5][32] = {};
    scaling::ChinchillaConstants custom;
    std::string custom_error;
    // DeepSeek's FLOP per token per parameter (6 + seq_len/d_model), to convert M to parameters; 0 = none.
    char m_over_n_text[32] = "";
    double m_over_n = 0;
    std::string m_over_n_error;
    int law_revision = 0;              // bumped when the settings above change: figure caches key on it

    // Each view's own inputs.
    HardwareInputs hardware;           // Budget view
    MemoryInputs memory;               // Budget view
    LifetimeInputs lifetime;
    DataInputs data;
    ScenariosInputs scenarios;
    TestTimeInputs test_time;
    NextFlopInputs next_flop;
    EmergenceInputs emergence;
    FineTuningInputs fine_tuning;
    ServingInputs serving;             // Serving view
    MoeInputs moe;                     // Serving view
    RouterInputs router;
    TcoInputs tco;
    CapexInputs capex;
    PostTrainingInputs post_training;  // RL and distillation (issue 19)
    KaplanInputs kaplan;               // Kaplan view (issue 19)
    FitInputs fit;                     // Fit view's form (issue 20)
    TaskInputs task;                   // Task view (issue 20)
    DesignInputs design;               // Design view (issue 20)
    std::string design_results = "params,tokens,loss\n";  // the sweep's results as pasted (not in links)
    ClaimsInputs claims;               // Claims view (issue 20)

    // Fit view: the pasted runs (kept as typed, never discarded), options, and the fit itself, run
    // by the app over frames (app::frame returns true while it runs: the entries keep drawing).
    // The job is held by pointer so this header stays free of it (fit_run.cpp reads the state);
    // app::frame creates it before the first frame's views.
    std::string fit_text = "N,D,loss\n";
    std::string fit_columns[4];        // the user's column mapping for N, D, C, loss ("" auto, "-" none)
    int fit_exclude = 0;
    int fit_bootstrap = 1000;
    std::shared_ptr<FitRun> fit_run;
    bool has_saved_fit = false;        // the last finished fit, shown in the Fit view and saved
    scaling::SavedFit saved_fit;
    bool fit_restore_pending = false;  // saved work was loaded: the fit's results are rebuilt once (FitRun::step)
    bool has_fit = false;              // "My fit": saved_fit in use, listed after the catalogue
    scaling::Law fit_law;
    // Saved work (core/saved_work.hpp): bumped on every change to what it holds, so an entry
    // (the web one keeps localStorage) saves when it moves; a notice says when saving or loading failed.
    int work_revision = 0;
    std::string work_notice;
    std::string restored_settings;     // the settings the saved work came with (an embed saves these back)
    // Links: embed mode (one view, no chrome, a link to the full explorer) and what the last link
    // could not apply.
    bool embed = false;
    std::string link_notice;
    double copied_at = -10;            // when "Copy link" or "Copy embed code" was pressed (ImGui time)
    int copied_what = 0;               // 1 link, 2 embed code

    // What app::frame measured and last handed to the platform, so that it hands over changes only.
    struct Handed {
        float content_height = 0;      // the UI's height in display units, measured every frame
        // How far the page is scrolled (Platform::scroll_y), read before the frame. ImGui's space is
        // the page's: the app's window sits at 0 as tall as its content, the display shows it from
        // page_y down, so the entry adds page_y to the pointer.
        float page_y = 0;
        float reported_height = 0;     // the last given to Platform::report_height
        std::string query;             // the last given to Platform::show_query
        int work_revision = 0;         // the work_revision last given to Platform::save_work
        bool save_failed = false;      // that save failed (said once, not every frame)
    } handed;
};

// The inputs a view shows, in the order its link writes them (the Next FLOP view shares p and R
// with the Test-time view). What a link carries is this list: a field added to a view's struct is
// in its links.
template <class F>
void each_input(State& s, int view, F f) {
    switch (view) {
        case kBudget: s.hardware.each(f); s.memory.each(f); break;
        case kLifetime: s.lifetime.each(f); break;
        case kData: s.data.each(f); break;
        case kScenarios: s.scenarios.each(f); break;
        case kTestTime: s.test_time.each(f); break;
        case kEmergence: s.emergence.each(f); break;
        case kFineTuning: s.fine_tuning.each(f); break;
        case kNextFlop:
            for (Field* x : {&s.test_time.success, &s.test_time.inference_ratio, &s.test_time.wrong_answers, &s.test_time.skew}) f(*x);
            s.next_flop.each(f);
            break;
        case kPostTraining: s.post_training.each(f); break;  // RL and distillation (issue 19)
        case kServing: s.serving.each(f); s.moe.each(f); break;
        case kRouter: s.router.each(f); break;
        case kTco: s.tco.each(f); break;
        case kCapex: s.capex.each(f); break;
        case kKaplan: s.kaplan.each(f); break;  // issue 19
        case kFit: s.fit.each(f); break;        // issue 20
        case kTask: s.task.each(f); break;  // issue 20
        case kDesign: s.design.each(f); break;  // issue 20: the sweep designer
        case kClaims: s.claims.each(f); break;  // issue 20: claims in circulation
        default: break;
    }
}

// Sets the budget from a slider, a preset or a permalink: the field shows the budget in force,
// exactly (format_shortest), so editing it starts from what computes.
void set_budget(State& state, double flops);

// What the user made (runs, mapping, options, custom constants, last fit), and putting it back.
scaling::SavedWork work_of(const State& state);
void restore_work(State& state, const scaling::SavedWork& work);
// The work as it is now is what the platform keeps (it was just read from there): not saved again.
void work_is_saved(State& state);
// A file the user opened (picker, drop, --fit PATH): saved work (JSON) restores everything; any
// other text becomes the Fit view's runs table. Shows the Fit view.
void open_text(State& state, std::string text);
// Validates the custom law's five fields (as the CLI's --E ... --beta are); a bad one keeps the
// last valid set and sets custom_error.
void apply_custom_text(State& state);
// Makes the saved fit "My fit" in every view (or takes it out), keeping the chosen law valid;
// `select` also makes it the law in force.
void use_fit(State& state, bool use, bool select);

// Permalinks (app_link.cpp): the state as a URL query with the CLI's flag names, and applying
// one; the returned notices say what was left out and why.
std::string query_of(const State& state);
std::vector<std::string> apply_query(State& state, std::string_view query);

// How many laws the user can choose: the catalogue, then "My fit" when there is one.
int law_count(const State& state);
// Law `index` of that list with the user's settings applied (custom constants, DeepSeek's M/N).
scaling::Law law_at(const State& state, int index);
inline scaling::Law current_law(const State& state) { return law_at(state, state.law); }

}  // namespace app
