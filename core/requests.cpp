// requests.cpp: reading arguments through their descriptors; laws, optimal, loss, compare, frontier.
#include "requests.hpp"

#include <algorithm>
#include <cmath>

#include "data_limits.hpp"
#include "gallery.hpp"
#include "quantity.hpp"
#include "series.hpp"

namespace scaling {

Result<double> number_arg(const Args& args, const Input& in) {
    const std::string* v = find_arg(args, in.key);
    if (!v) return in.optional ? Result<double>::of(in.fallback) : Result<double>::fail("is required", in.key);
    return read_number(in, *v);
}

Result<double> number_arg(const Args& args, const Input& in, double fallback) {
    return find_arg(args, in.key) ? number_arg(args, in) : Result<double>::of(fallback);
}

Result<std::string> choice_arg(const Args& args, const Input& in) {
    const std::string* v = find_arg(args, in.key);
    if (!v) return Result<std::string>::of(in.initial);
    const Result<int> i = read_choice(in, *v);
    if (!i.ok()) return Result<std::string>::fail(i.error, i.field);
    return Result<std::string>::of(*v);
}

Result<const Law*> law_from_id(std::string_view id) {
    if (!catalog_error().empty()) return Result<const Law*>::fail("the law catalogue failed to load: " + catalog_error(), "law");
    if (id.empty()) return Result<const Law*>::fail("is empty; valid ids: " + law_ids_joined(), "law");
    if (const Law* l = find_law(id)) return Result<const Law*>::of(l);
    return Result<const Law*>::fail("unknown law " + quote_input(id) + "; valid ids: " + law_ids_joined(), "law");
}

Result<Law> law_request(const Args& args) {
    using R = Result<Law>;
    const std::string* id = find_arg(args, "law");
    const Result<const Law*> found = law_from_id(id ? *id : kDefaultLawId);
    if (!found.ok()) return R::fail(found.error, found.field);
    Law law = *found.value;
    double* const slots[5] = {&law.chinchilla.E, &law.chinchilla.A, &law.chinchilla.B, &law.chinchilla.alpha,
                              &law.chinchilla.beta};
    for (int i = 0; i < 5; ++i) {
        const Input& in = *kCustomConstants[i];
        if (!find_arg(args, in.key)) continue;
        if (law.id != "custom") return R::fail("only --law custom takes constants (E, A, B, alpha, beta)", in.key);
        const Result<double> v = number_arg(args, in);
        if (!v.ok()) return R::fail(v.error, v.field);
        *slots[i] = v.value;
    }
    if (find_arg(args, inputs::kMOverN.key)) {
        if (law.kind != LawKind::DeepSeek) return R::fail("only deepseek2024 takes M/N", "m_over_n");
        const Result<double> v = number_arg(args, inputs::kMOverN);
        if (!v.ok()) return R::fail(v.error, v.field);
        law.m_over_n = v.value;
    }
    return R::of(law);
}

Result<Allocation> optimal_request(const Args& args) {
    using R = Result<Allocation>;
    const Result<Law> law = law_request(args);
    if (!law.ok()) return R::fail(law.error, law.field);
    const Result<double> c = number_arg(args, inputs::kFlops);
    if (!c.ok()) return R::fail(c.error, c.field);
    R r = optimal(law.value, c.value);
    if (!r.ok()) r.field = "flops";
    return refuse_absurd(r, "flops");
}

Result<Allocation> loss_request(const Args& args) {
    using R = Result<Allocation>;
    const Result<Law> law = law_request(args);
    if (!law.ok()) return R::fail(law.error, law.field);
    if (!law.value.has_loss())
        return R::fail("law " + law.value.id + " predicts no loss (it is an allocation rule only)", "law");
    const Result<double> n = number_arg(args, inputs::kParams);
    if (!n.ok()) return R::fail(n.error, n.field);
    const Result<double> d = number_arg(args, inputs::kTokens);
    if (!d.ok()) return R::fail(d.error, d.field);
    R r = at_size(law.value, n.value, d.value);
    if (!r.ok()) r.field = "params";
    if (!r.ok() || !find_arg(args, "unique_tokens")) return refuse_absurd(r, "params");
    // Repeated data: the loss on the effective quantities (data_limits.hpp).
    const Result<double> u = number_arg(args, inputs::kUniqueTokens);
    if (!u.ok()) return R::fail(u.error, u.field);
    if (law.value.kind != LawKind::Chinchilla)
        return R::fail("law " + law.value.id + " has no E + A/N^α + B/D^β form, which repeated data needs", "law");
    Allocation& a = r.value;
    const ChinchillaConstants& c = law.value.chinchilla;
    const double seen = std::min(d.value, u.value);
    a.has_unique = true;
    a.unique_tokens = u.value;
    a.epochs = d.value / u.value;
    a.effective_tokens = effective_data(d.value, seen);
    a.effective_params = effective_params(n.value, std::min(n.value, unique_params(c, seen)));
    a.loss = repeated_loss(c, n.value, d.value, u.value);
    if (!std::isfinite(a.loss)) return R::fail("gives no finite loss", "params");
    return refuse_absurd(r, "params");
}

Result<std::vector<Law>> laws_request(const Args& args) {
    using R = Result<std::vector<Law>>;
    std::vector<Law> laws = all_laws();
    for (Law& law : laws) {
        // Each law takes only the settings it has: custom its constants, DeepSeek its M/N.
        Args one{{"law", law.id}};
        for (const Input* in : {&inputs::kE, &inputs::kA, &inputs::kB, &inputs::kAlpha, &inputs::kBeta, &inputs::kMOverN}) {
            const bool takes = in == &inputs::kMOverN ? law.kind == LawKind::DeepSeek : law.id == "custom";
            if (const std::string* v = find_arg(args, in->key); v && takes) one[in->key] = *v;
        }
        const Result<Law> r = law_request(one);
        if (!r.ok()) return R::fail(r.error, r.field);
        law = r.value;
    }
    return R::of(laws);
}

Result<Comparison> compare_request(const Args& args) {
    using R = Result<Comparison>;
    if (find_arg(args, "law")) return R::fail("compare shows every law; --law does not apply", "law");
    const Result<double> c = number_arg(args, inputs::kFlops);
    if (!c.ok()) return R::fail(c.error, c.field);
    const Result<std::vector<Law>> laws = laws_request(args);
    if (!laws.ok()) return R::fail(laws.error, laws.field);
    return R::of(compare(laws.value, c.value));
}

Result<std::vector<Allocation>> frontier_request(const Args& args) {
    using R = Result<std::vector<Allocation>>;
    const Result<double> lo = number_arg(args, inputs::kFrom), hi = number_arg(args, inputs::kTo),
                         points = number_arg(args, inputs::kPoints);
    for (const Result<double>* r : {&lo, &hi, &points})
        if (!r->ok()) return R::fail(r->error, r->field);
    // A law or any of its settings named: that law alone; nothing named: every law, as the Frontier figure.
    std::vector<Law> laws;
    const bool one = std::any_of(args.begin(), args.end(), [](const auto& kv) {
        return kv.first == "law" || kv.first == "m_over_n" ||
               std::any_of(std::begin(kCustomConstants), std::end(kCustomConstants), [&](const Input* in) { return kv.first == in->key; });
    });
    if (one) {
        const Result<Law> l = law_request(args);
        if (!l.ok()) return R::fail(l.error, l.field);
        laws.push_back(l.value);
    } else {
        laws = all_laws();
    }
    std::vector<Allocation> rows;
    for (const Law& l : laws) {
        const Result<std::vector<Allocation>> f = frontier(l, lo.value, hi.value, static_cast<int>(points.value));
        if (!f.ok()) return f;
        rows.insert(rows.end(), f.value.begin(), f.value.end());
    }
    return R::of(std::move(rows));
}

Result<const Law*> models_request(const Args& args) {
    const std::string* id = find_arg(args, "law");
    return law_from_id(id ? *id : inputs::kLaw.initial);
}

}  // namespace scaling
