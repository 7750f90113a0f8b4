// scenarios.cpp: growing a base model by k x compute two ways, and projections of compute.
#include "scenarios.hpp"

#include <algorithm>
#include <cmath>

#include "gallery.hpp"

namespace scaling {
namespace {

bool finite_positive(double x) { return std::isfinite(x) && x > 0; }

}  // namespace

Growth data_driven_growth(const ChinchillaConstants& c, double k) {
    const double sum = c.alpha + c.beta;
    return {std::pow(k, c.beta / sum), std::pow(k, c.alpha / sum)};
}

Growth capped_growth(const Growth& data_driven, double k, double data_cap_mult) {
    const double d = std::min(data_driven.tokens_mult, data_cap_mult);
    return {k / d, d};
}

Result<Scenario> grow_compute(const Law& law, double base_params, double base_tokens, double k, double data_cap_mult) {
    using R = Result<Scenario>;
    if (!finite_positive(base_params)) return R::fail("must be a finite number greater than zero", "params");
    if (!finite_positive(base_tokens)) return R::fail("must be a finite number greater than zero", "tokens");
    if (!finite_positive(k)) return R::fail("must be a finite number greater than zero", "k");
    if (!(std::isfinite(data_cap_mult) && data_cap_mult >= 1)) return R::fail("must be at least 1 (the data does not shrink)", "data_cap");
    Scenario s;
    const Result<Allocation> base = at_size(law, base_params, base_tokens);
    if (!base.ok()) return R::fail(base.error, "params");
    s.base = base.value;
    // How the law's optimal D moves from the base's compute to k times it. The base need not be
    // compute-optimal: it is the ratio that carries over.
    const Result<Allocation> o0 = optimal(law, s.base.flops), o1 = optimal(law, k * s.base.flops);
    if (!o0.ok() || !o1.ok()) return R::fail(o0.ok() ? o1.error : o0.error, o0.ok() ? "k" : "params");
    const double tokens_mult = o1.value.tokens / o0.value.tokens;
    if (!finite_positive(tokens_mult)) return R::fail("gives no finite growth under law " + law.id, "k");
    s.data_growth = {k / tokens_mult, tokens_mult};
    s.model_growth = capped_growth(s.data_growth, k, data_cap_mult);
    s.cap_binds = data_cap_mult < tokens_mult;
    for (auto [g, out] : {std::pair{&s.data_growth, &s.data_driven}, std::pair{&s.model_growth, &s.model_driven}}) {
        const Result<Allocation> a = at_size(law, base_params * g->params_mult, base_tokens * g->tokens_mult);
        if (!a.ok()) return R::fail(a.error, "k");
        *out = a.value;
    }
    return R::of(s);
}

Result<Projection> project_compute(const Law& law, double reference_flops, double times, double sparsity) {
    using R = Result<Projection>;
    if (!finite_positive(reference_flops)) return R::fail("must be a finite number greater than zero", "reference");
    if (!finite_positive(times)) return R::fail("must be a finite number greater than zero", "times");
    if (!(std::isfinite(sparsity) && sparsity >= 1)) return R::fail("must be at least 1 (1 for a dense model)", "sparsity");
    Projection p;
    p.flops = reference_flops * times;
    p.multiplier = moe_compute_multiplier(sparsity);
    p.dense_flops = p.flops * p.multiplier;
    const Result<Allocation> raw = optimal(law, p.flops), dense = optimal(law, p.dense_flops);
    if (!raw.ok()) return R::fail(raw.error, "times");
    if (!dense.ok()) return R::fail(dense.error, "sparsity");
    p.raw = raw.value;
    p.dense = dense.value;
    return R::of(p);
}

}  // namespace scaling
