// requests_claims.cpp: `scaling claims` and scaling.claims(): the claims in circulation checked
// against the chosen law and the cost, serving, MoE and emergence code (claims.hpp), as JSON. The
// Claims view calls it too, so the view, the CLI and the JS API give the same verdicts.
#include <cmath>

#include "claims.hpp"
#include "requests.hpp"

namespace scaling {

Result<Json> claims_request(const Args& args) {
    using R = Result<Json>;
    using namespace inputs;
    const Result<Law> law = law_request(args);
    if (!law.ok()) return R::fail(law.error, law.field);
    ClaimsInputs in;
    in.law = &law.value;
    if (!hardware_error().empty()) return R::fail(hardware_error(), kClaimsGpu.key);
    const Result<std::string> gpu = choice_arg(args, kClaimsGpu);
    if (!gpu.ok()) return R::fail(gpu.error, gpu.field);
    in.gpu = gpu_from_id(gpu.value).value;
    const Result<std::string> model = choice_arg(args, kClaimsModel);
    if (!model.ok()) return R::fail(model.error, model.field);
    in.model = model.value;
    const std::pair<const Input*, double*> nums[] = {
        {&kClaimsFlops, &in.flops}, {&kClaimsMfu, &in.mfu}, {&kClaimsPrice, &in.price_per_hour},
        {&kClaimsInputTokens, &in.prompt_tokens}, {&kClaimsOutputTokens, &in.output_tokens}, {&kClaimsBatch, &in.batch}};
    for (const auto& [input, out] : nums) {
        const Result<double> v = number_arg(args, *input);  // absent: the descriptor's fallback (price 0: catalogue's)
        if (!v.ok()) return R::fail(v.error, v.field);
        *out = v.value;
    }
    const Result<std::vector<CheckedClaim>> r = circulating_claims(in);
    if (!r.ok()) return R::fail(r.error, r.field);

    Json j;
    j["law"] = law.value.id;
    j["flops"] = in.flops;
    j["gpu"] = in.gpu->id;
    j["mfu"] = in.mfu;
    j["price_per_hour"] = in.price_per_hour > 0 ? in.price_per_hour : in.gpu->price_per_hour;
    j["prices_as_of"] = in.price_per_hour > 0 ? "your price" : in.gpu->price_date;
    j["model"] = in.model;
    j["input_tokens"] = in.prompt_tokens;
    j["output_tokens"] = in.output_tokens;
    j["batch"] = in.batch;
    Json rows = Json::array();
    for (const CheckedClaim& c : r.value) {
        Json row = {{"id", c.id}, {"claim", c.claim}, {"computed", c.computed}, {"verdict", verdict_name(c.verdict)},
                    {"source", c.source}, {"check", c.check}, {"rule", c.rule}, {"claimed_low", c.claimed_lo}};
        row["claimed_high"] = std::isfinite(c.claimed_hi) ? Json(c.claimed_hi) : Json();  // null: no upper bound
        row["value"] = c.verdict == Verdict::NotComputable ? Json() : Json(c.value);
        row["unit"] = c.unit;
        rows.push_back(row);
    }
    j["claims"] = rows;
    return R::of(j);
}

}  // namespace scaling
