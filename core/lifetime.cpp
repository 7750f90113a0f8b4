// lifetime.cpp: equal-loss curves, the lifetime optimum, break-even and over-training.
#include "lifetime.hpp"

#include <cmath>
#include <limits>

#include "compute.hpp"
#include "loss.hpp"
#include "quantity.hpp"

namespace scaling {
namespace {

constexpr double kLogDMax = 40;  // 1e40 tokens stands in for "unlimited data"

bool finite_positive(double x) { return std::isfinite(x) && x > 0; }

double loss_at(const Law& law, double n, double d) {
    const Result<double> r = predict_loss(law, n, d);
    return r.ok() ? r.value : std::numeric_limits<double>::infinity();
}

// Minimises cost(N) = a·N·D(N) + b·N along the equal-loss curve. The cost falls, then rises, in
// log N (data explodes near the smallest feasible N; parameters dominate far above it): a coarse
// scan brackets the minimum and golden-section search refines it.
Result<LifetimeModel> minimise(const Law& law, double loss, double a, double b, double inference_tokens) {
    using R = Result<LifetimeModel>;
    const Result<double> n_min = min_params_for_loss(law, loss);
    if (!n_min.ok()) return R::fail(n_min.error, n_min.field);
    const double x0 = std::log10(n_min.value) + 1e-9, x1 = x0 + 16;
    auto cost = [&](double x) {
        const double n = std::pow(10.0, x);
        const Result<double> d = tokens_for_loss(law, n, loss);
        return d.ok() ? a * n * d.value + b * n : std::numeric_limits<double>::infinity();
    };
    constexpr int kScan = 400;
    int best_i = 0;
    double best = std::numeric_limits<double>::infinity();
    for (int i = 0; i <= kScan; ++i) {
        const double c = cost(x0 + (x1 - x0) * i / kScan);
        if (c < best) best = c, best_i = i;
    }
    if (!std::isfinite(best)) return R::fail("no model reaches this loss within 16 decades of size", "loss");
    double lo = x0 + (x1 - x0) * std::max(0, best_i - 1) / kScan;
    double hi = x0 + (x1 - x0) * std::min(kScan, best_i + 1) / kScan;
    const double phi = (std::sqrt(5.0) - 1) / 2;
    double c = hi - phi * (hi - lo), d = lo + phi * (hi - lo);
    double fc = cost(c), fd = cost(d);
    for (int it = 0; it < 200 && hi - lo > 1e-13; ++it) {
        if (fc < fd) hi = d, d = c, fd = fc, c = hi - phi * (hi - lo), fc = cost(c);
        else lo = c, c = d, fc = fd, d = lo + phi * (hi - lo), fd = cost(d);
    }
    LifetimeModel m;
    m.params = std::pow(10.0, (lo + hi) / 2);
    const Result<double> tokens = tokens_for_loss(law, m.params, loss);
    if (!tokens.ok()) return R::fail(tokens.error, "loss");
    m.tokens = tokens.value;
    m.train_flops = kTrainFlopPerParamToken * m.params * m.tokens;
    m.infer_flops = kInferenceFlopPerParamToken * m.params * inference_tokens;
    m.total_flops = m.train_flops + m.infer_flops;
    m.cost = a * m.params * m.tokens + b * m.params;
    return R::of(m);
}

// The optimum for weights (a, b) and the training-only optimum at the same loss, compared.
Result<LifetimeResult> optimum_and_reference(const Law& law, double loss, double a, double b, double inference_tokens) {
    using R = Result<LifetimeResult>;
    const Result<LifetimeModel> best = minimise(law, loss, a, b, inference_tokens);
    if (!best.ok()) return R::fail(best.error, best.field);
    const Result<LifetimeModel> chin = minimise(law, loss, a, 0, inference_tokens);
    if (!chin.ok()) return R::fail(chin.error, chin.field);
    LifetimeResult r;
    r.loss = loss;
    r.inference_tokens = inference_tokens;
    r.best = best.value;
    r.chinchilla = chin.value;
    r.chinchilla.cost = a * r.chinchilla.params * r.chinchilla.tokens + b * r.chinchilla.params;
    r.params_ratio = r.best.params / r.chinchilla.params;
    r.tokens_ratio = r.best.tokens / r.chinchilla.tokens;
    r.lifetime_saving = 1 - r.best.cost / r.chinchilla.cost;
    return R::of(r);
}

}  // namespace

Result<double> tokens_for_loss(const Law& law, double params, double loss) {
    using R = Result<double>;
    if (!law.has_loss()) return R::fail("law " + law.id + " predicts no loss", "law");
    if (!finite_positive(params)) return R::fail("must be a finite number greater than zero", "params");
    if (!finite_positive(loss)) return R::fail("must be a finite number greater than zero", "loss");
    if (law.kind == LawKind::Chinchilla) {
        // Closed form: B / D^beta = loss - E - A / N^alpha.
        const ChinchillaConstants& c = law.chinchilla;
        const double room = loss - c.E - c.A / std::pow(params, c.alpha);
        if (!(room > 0)) return R::fail("is out of reach for " + format_count(params) + " params, whatever the data", "loss");
        const double d = std::pow(c.B / room, 1.0 / c.beta);
        if (!finite_positive(d)) return R::fail("needs more tokens than a double can hold", "loss");
        return R::of(d);
    }
    if (loss_at(law, params, std::pow(10.0, kLogDMax)) >= loss)
        return R::fail("is out of reach for " + format_count(params) + " params, whatever the data", "loss");
    double lo = 0, hi = kLogDMax;  // log10 D; L(N, 10^lo) > loss >= L(N, 10^hi)
    if (loss_at(law, params, 1.0) <= loss) return R::of(1.0);
    for (int i = 0; i < 200 && hi - lo > 1e-14; ++i) {
        const double mid = (lo + hi) / 2;
        (loss_at(law, params, std::pow(10.0, mid)) > loss ? lo : hi) = mid;
    }
    return R::of(std::pow(10.0, hi));
}

Result<double> min_params_for_loss(const Law& law, double loss) {
    using R = Result<double>;
    if (!law.has_loss()) return R::fail("law " + law.id + " predicts no loss", "law");
    if (!finite_positive(loss)) return R::fail("must be a finite number greater than zero", "loss");
    if (law.kind == LawKind::Chinchilla) {
        // Closed form: with unlimited data, A / N^alpha = loss - E.
        const ChinchillaConstants& c = law.chinchilla;
        if (!(loss > c.E)) return R::fail("is below what " + law.id + " can reach (its irreducible loss)", "loss");
        return R::of(std::pow(c.A / (loss - c.E), 1.0 / c.alpha));
    }
    const double d_inf = std::pow(10.0, kLogDMax);
    if (loss_at(law, 1e30, d_inf) >= loss)
        return R::fail("is below what " + law.id + " can reach (its irreducible loss)", "loss");
    double lo = -10, hi = 30;  // log10 N
    for (int i = 0; i < 200 && hi - lo > 1e-14; ++i) {
        const double mid = (lo + hi) / 2;
        (loss_at(law, std::pow(10.0, mid), d_inf) >= loss ? lo : hi) = mid;
    }
    return R::of(std::pow(10.0, hi));
}

Result<LifetimeResult> lifetime_optimum(const Law& law, double loss, double inference_tokens, const LifetimeWeights& w) {
    using R = Result<LifetimeResult>;
    if (!(std::isfinite(inference_tokens) && inference_tokens >= 0))
        return R::fail("must be a finite number, zero or more", "inference_tokens");
    if (!finite_positive(w.train_weight) || !finite_positive(w.infer_weight)) return R::fail("weights must be positive", "weights");
    const double a = w.train_weight * kTrainFlopPerParamToken;
    const double b = w.infer_weight * kInferenceFlopPerParamToken * inference_tokens;
    return optimum_and_reference(law, loss, a, b, inference_tokens);
}

Result<DollarResult> lifetime_dollars(const Law& law, double loss, const Phase& train, const Phase& prefill,
                                      const Phase& decode, const Demand& demand) {
    using R = Result<DollarResult>;
    const struct { const Phase* p; const char* name; } phases[] = {{&train, "train"}, {&prefill, "prefill"}, {&decode, "decode"}};
    for (const auto& ph : phases) {
        if (!finite_positive(ph.p->price_per_hour)) return R::fail("price must be greater than zero", std::string(ph.name) + "_price");
        if (!finite_positive(ph.p->peak_flops)) return R::fail("the GPU lacks this dtype", std::string(ph.name) + "_dtype");
        if (!(ph.p->mfu > 0 && ph.p->mfu <= 1)) return R::fail("must lie in (0, 1]", std::string(ph.name) + "_mfu");
    }
    if (!finite_positive(demand.requests)) return R::fail("must be a finite number greater than zero", "requests");
    if (!(demand.input_tokens >= 0 && demand.output_tokens >= 0 && demand.input_tokens + demand.output_tokens > 0 &&
          std::isfinite(demand.input_tokens + demand.output_tokens)))
        return R::fail("input and output tokens per request must not be negative, and not both zero", "input_tokens");
    const double d_in = demand.requests * demand.input_tokens, d_out = demand.requests * demand.output_tokens;
    const double a = train.dollars_per_flop() * kTrainFlopPerParamToken;
    const double b = kInferenceFlopPerParamToken * (prefill.dollars_per_flop() * d_in + decode.dollars_per_flop() * d_out);
    const Result<LifetimeResult> res = optimum_and_reference(law, loss, a, b, d_in + d_out);
    if (!res.ok()) return R::fail(res.error, res.field);
    DollarResult out;
    out.r = res.value;
    const LifetimeResult& r = out.r;
    auto split = [&](const LifetimeModel& m, double* t, double* p, double* d) {
        *t = a * m.params * m.tokens;
        *p = kInferenceFlopPerParamToken * m.params * d_in * prefill.dollars_per_flop();
        *d = kInferenceFlopPerParamToken * m.params * d_out * decode.dollars_per_flop();
    };
    split(r.best, &out.train_dollars, &out.prefill_dollars, &out.decode_dollars);
    split(r.chinchilla, &out.chin_train_dollars, &out.chin_prefill_dollars, &out.chin_decode_dollars);
    return R::of(out);
}

Result<BreakEven> break_even(const Law& law, double loss, double small_params) {
    using R = Result<BreakEven>;
    const Result<LifetimeModel> chin = minimise(law, loss, kTrainFlopPerParamToken, 0, 0);
    if (!chin.ok()) return R::fail(chin.error, chin.field);
    if (!finite_positive(small_params)) return R::fail("must be a finite number greater than zero", "params");
    if (small_params >= chin.value.params)
        return R::fail("must be below the compute-optimal size at this loss (" + format_count(chin.value.params) +
                       "); a larger model saves nothing at inference", "params");
    const Result<double> d = tokens_for_loss(law, small_params, loss);
    if (!d.ok()) return R::fail(d.error, "params");
    BreakEven b;
    b.extra_train_flops = kTrainFlopPerParamToken * small_params * d.value - chin.value.train_flops;
    b.saving_per_token = kInferenceFlopPerParamToken * (chin.value.params - small_params);
    b.tokens = b.extra_train_flops / b.saving_per_token;
    return R::of(b);
}

Result<Overtraining> overtraining(const Law& law, double params, double tokens) {
    using R = Result<Overtraining>;
    const Result<double> l = predict_loss(law, params, tokens);
    if (!l.ok()) return R::fail(l.error, "params");
    const Result<LifetimeModel> chin = minimise(law, l.value, kTrainFlopPerParamToken, 0, 0);
    if (!chin.ok()) return R::fail(chin.error, chin.field);
    Overtraining o;
    o.loss = l.value;
    o.train_flops = kTrainFlopPerParamToken * params * tokens;
    o.chin_params = chin.value.params;
    o.chin_tokens = chin.value.tokens;
    o.chin_train_flops = chin.value.train_flops;
    o.extra_train = o.train_flops / o.chin_train_flops - 1;
    o.inference_saving = 1 - params / o.chin_params;
    return R::of(o);
}

}  // namespace scaling
