// requests_hyper.cpp: `scaling hyper` and scaling.hyper(): the hyper-parameter laws (hyper.hpp)
// at a budget, under the law that sizes the model.
#include "hyper.hpp"
#include "requests.hpp"

namespace scaling {

Result<Json> hyper_request(const Args& args) {
    using R = Result<Json>;
    const Result<Law> law = law_request(args);
    if (!law.ok()) return R::fail(law.error, law.field);
    const Result<double> c = number_arg(args, inputs::kFlops);
    if (!c.ok()) return R::fail(c.error, c.field);
    const Result<HyperParams> h = hyper_params(law.value, c.value);
    if (!h.ok()) return R::fail(h.error, h.field);
    const HyperParams& v = h.value;
    Json j;
    j["law"] = law.value.id;
    j["flops"] = v.flops;
    j["tokens"] = v.has_steps ? Json(v.tokens) : Json();
    j["deepseek"] = {{"learning_rate", v.learning_rate},
                     {"batch_tokens", v.batch_tokens},
                     {"steps", v.has_steps ? Json(v.steps) : Json()},
                     {"formula", "eta_opt = 0.3118 C^-0.1250, B_opt = 0.2920 C^0.3271 tokens"},
                     {"source", "Bi et al. 2024, DeepSeek LLM, arXiv 2401.02954, Sec. 3.1, Eq. 1"}};
    j["kaplan"] = v.has_critical_batch ? Json{{"loss", v.loss},
                                              {"critical_batch_tokens", v.critical_batch_tokens},
                                              {"formula", "B_crit = 2e8 / L^(1/0.21) tokens"},
                                              {"source", "Kaplan et al. 2020, arXiv 2001.08361, Eq. 1.4, Sec. 5.1"}}
                                       : Json();
    j["warnings"] = v.warnings;
    return R::of(std::move(j));
}

}  // namespace scaling
