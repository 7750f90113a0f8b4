// requests_capex.cpp: the capex request (text arguments -> JSON), shared by the CLI (`scaling capex`)
// and the JS API (`scaling.capex()`): a system's cost and year -> accelerators, FLOP/s, a training
// run's FLOP, the compute-optimal model it buys, and the circulating claims against the model.
#include "capex.hpp"
#include "caveats_json.hpp"
#include "requests.hpp"

namespace scaling {

Result<CapexInputs> capex_inputs(const Args& args) {
    using R = Result<CapexInputs>;
    using namespace inputs;
    if (!hardware_error().empty()) return R::fail(hardware_error(), kCapexGpu.key);
    CapexInputs in;
    const Result<std::string> gpu = choice_arg(args, kCapexGpu);
    if (!gpu.ok()) return R::fail(gpu.error, gpu.field);
    in.gpu = gpu_from_id(gpu.value).value;
    const Result<std::string> dt = choice_arg(args, kCapexDtype);
    if (!dt.ok()) return R::fail(dt.error, dt.field);
    in.dtype = dtype_from_text(dt.value).value;
    const std::pair<const Input*, double*> nums[] = {
        {&kSystemDollars, &in.system_dollars}, {&kSystemYear, &in.year},
        {&kAcceleratorPrice, &in.accelerator_price}, {&kPriceYear, &in.reference_year},
        {&kOverheadShareInput, &in.overhead_share}, {&kDoublingYears, &in.doubling_years},
        {&kWindowDays, &in.window_days}, {&kCapexMfu, &in.mfu}};
    for (const auto& [input, out] : nums) {
        const Result<double> v = number_arg(args, *input);
        if (!v.ok()) return R::fail(v.error, v.field);
        *out = v.value;
    }
    return R::of(in);
}

Json claims_json(const std::vector<ClaimCheck>& checks) {
    Json out = Json::array();
    for (const ClaimCheck& k : checks) {
        Json c = {{"claim", k.claim->text}, {"system_dollars", k.claim->dollars}, {"year", k.claim->year}};
        c[k.claim->relative ? "claimed_multiple" : "claimed_flops"] = k.claim->claimed;
        c[k.claim->relative ? "computed_multiple" : "computed_flops"] = k.computed;
        c["range"] = {k.low, k.high};
        if (k.claim->relative) c["implied_doubling_years"] = k.implied_doubling_years;
        else c["implied_window_days"] = k.implied_days;
        c["verdict"] = k.verdict;
        c["reason"] = k.reason;
        out.push_back(c);
    }
    return out;
}

Result<Json> capex_request(const Args& args) {
    using R = Result<Json>;
    const Result<CapexInputs> in = capex_inputs(args);
    if (!in.ok()) return R::fail(in.error, in.field);
    const Result<CapexResult> r = capex(in.value);
    if (!r.ok()) return R::fail(r.error, r.field);
    const CapexResult& c = r.value;
    Json j;
    j["gpu"] = in.value.gpu->id;
    j["dtype"] = dtype_name(in.value.dtype);
    j["system_dollars"] = in.value.system_dollars;
    j["year"] = in.value.year;
    j["accelerator_price"] = in.value.accelerator_price;
    j["prices_as_of"] = in.value.accelerator_price == kReferencePrice && in.value.reference_year == kReferenceYear
                            ? kReferencePriceDate
                            : "your price";
    j["overhead_share"] = in.value.overhead_share;
    j["accelerator_dollars"] = c.accelerator_dollars;
    j["overhead_dollars"] = c.overhead_dollars;
    j["doubling_years"] = in.value.doubling_years;
    j["trend_factor"] = c.trend_factor;
    j["accelerators"] = c.accelerators;
    j["flops_per_second_per_accelerator"] = c.flops_per_second_per_accelerator;
    j["flops_per_second"] = c.flops_per_second;
    j["reference_equivalents"] = c.reference_equivalents;
    j["flops_per_second_per_dollar"] = c.flops_per_second_per_dollar;
    j["window_days"] = in.value.window_days;
    j["mfu"] = in.value.mfu;
    j["training_flops"] = c.training_flops;
    j["training_flops_range"] = {c.training_flops_low, c.training_flops_high};
    j["trend_source"] = "Hobbhahn & Besiroglu 2022, Trends in GPU price-performance (Epoch AI): ML GPUs' FLOP/s per $ "
                        "doubles every 2.07 years (95% CI 1.54-3.13)";
    // What the run buys: the compute-optimal model under the law.
    const Result<Law> law = law_request(args);
    if (!law.ok()) return R::fail(law.error, law.field);
    const Result<Allocation> a = optimal(law.value, c.training_flops);
    if (a.ok()) {
        j["optimal"] = allocation_json(a.value);
        put_caveats(j, caveats_of(law.value, a.value, "the optimal model"));
    }
    j["claims"] = claims_json(check_claims(in.value));
    // The capex model's warnings, then the law's about the optimal model (put_caveats' list).
    Json warnings = c.warnings;
    if (j.contains("warnings"))
        for (const Json& w : j["warnings"]) warnings.push_back(w);
    j["warnings"] = warnings;
    return R::of(j);
}

}  // namespace scaling
