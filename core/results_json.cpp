// results_json.cpp: typed results -> JSON values (results_json.hpp).
#include "results_json.hpp"

#include "caveats_json.hpp"
#include "gallery.hpp"

namespace scaling {

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json allocation_json(const Allocation& a) {
    Json j;
    j["law"] = a.law;
    j["flops"] = a.flops;
    if (a.has_params) j["params"] = a.params;
    j["tokens"] = a.tokens;
    if (a.has_params) j["tokens_per_param"] = a.tokens_per_param;
    if (a.has_flops_per_token) j["flops_per_token"] = a.flops_per_token;
    if (a.has_loss) j["loss"] = a.loss;
    if (a.has_unique) {
        j["unique_tokens"] = a.unique_tokens;
        j["epochs"] = a.epochs;
        j["effective_params"] = a.effective_params;
        j["effective_tokens"] = a.effective_tokens;
    }
    // The catalogue's law by id gives the fitted range (a law's settings never change it).
    const Law* law = find_law(a.law);
    put_caveats(j, caveats_of(law ? *law : Law{}, a));
    return j;
}

Json model_json(const Allocation& a) {
    Json j;
    if (a.has_params) j["params"] = a.params;
    j["tokens"] = a.tokens;
    if (a.has_params) j["tokens_per_param"] = a.tokens_per_param;
    j["flops"] = a.flops;
    if (a.has_loss) j["loss"] = a.loss;
    return j;
}

Json comparison_json(const Comparison& c) {
    Json j;
    j["flops"] = c.flops;
    Json laws = Json::array();
    for (const LawRow& r : c.laws) {
        Json row;
        if (!r.ok) {
            row["name"] = r.name;
            row["error"] = r.error;
        } else {
            row = allocation_json(r.at);
            row["name"] = r.name;
            if (!r.range_error.empty()) row["range_error"] = r.range_error;
            if (r.has_range)
                row["range_95"] = {{"params", {r.n_lo, r.n_hi}}, {"tokens", {r.d_lo, r.d_hi}},
                                   {"tokens_per_param", {r.r_lo, r.r_hi}}, {"loss", {r.l_lo, r.l_hi}}};
        }
        laws.push_back(row);
    }
    j["laws"] = laws;
    if (c.n_max > 0)
        j["spread"] = {{"params_min", c.n_min}, {"params_max", c.n_max}, {"params_ratio", c.n_max / c.n_min},
                       {"tokens_min", c.d_min}, {"tokens_max", c.d_max}, {"tokens_ratio", c.d_max / c.d_min}};
    Json rules = Json::array();
    for (const RuleOfThumb& t : c.rules)
        rules.push_back({{"id", t.id}, {"formula", t.formula}, {"claim", t.claim}, {"params", t.at.params},
                         {"tokens", t.at.tokens}, {"tokens_per_param", t.at.tokens_per_param},
                         {"disagrees_with_every_law", t.disagrees_with_every_law}});
    j["rules_of_thumb"] = rules;
    j["range_method"] = c.range_method;
    const Caveats all = caveats_of(c);
    j["extrapolated"] = all.extrapolated;
    j["warnings"] = all.warnings;
    return j;
}

Json laws_json() {
    Json arr = Json::array();
    for (const Law& l : all_laws()) {
        Json j;
        j["id"] = l.id;
        j["name"] = l.name;
        j["citation"] = l.citation;
        j["form"] = l.form;
        j["n_counts"] = l.n_counts;
        j["compute_convention"] = l.compute_convention;
        j["has_loss"] = l.has_loss();
        if (l.valid_hi > 0) j["valid_flops"] = {l.valid_lo, l.valid_hi};
        j["notes"] = l.notes;
        if (!l.errata.empty()) j["errata"] = l.errata;
        Json k;
        switch (l.kind) {
            case LawKind::Chinchilla:
                k = {{"E", l.chinchilla.E}, {"A", l.chinchilla.A}, {"B", l.chinchilla.B},
                     {"alpha", l.chinchilla.alpha}, {"beta", l.chinchilla.beta}};
                break;
            case LawKind::Kaplan:
                k = {{"alpha_N", l.kaplan.nd_alpha_N}, {"alpha_D", l.kaplan.nd_alpha_D}, {"N_c", l.kaplan.nd_N_c},
                     {"D_c", l.kaplan.nd_D_c}, {"alloc_k", l.kaplan.alloc_k}, {"alloc_exp", l.kaplan.alloc_exp}};
                break;
            case LawKind::TokensPerParam: k = {{"tokens_per_param", l.tokens_per_param}}; break;
            case LawKind::PowerParams:
            case LawKind::PowerTokens: k = {{"k", l.power.k}, {"exp", l.power.exp}}; break;
            case LawKind::DeepSeek:
                k = {{"m_k", l.deepseek.m_k}, {"m_exp", l.deepseek.m_exp}, {"d_k", l.deepseek.d_k},
                     {"d_exp", l.deepseek.d_exp}};
                break;
        }
        j["constants"] = k;
        if (l.has_intervals) {
            const ChinchillaIntervals& c = l.intervals;
            j["intervals"] = {{"E", {c.E.lo, c.E.hi}}, {"A", {c.A.lo, c.A.hi}}, {"B", {c.B.lo, c.B.hi}},
                              {"alpha", {c.alpha.lo, c.alpha.hi}}, {"beta", {c.beta.lo, c.beta.hi}}};
        }
        if (l.has_paper_point)
            j["paper_point"] = {{"flops", l.paper_flops}, {"params", l.paper_params}, {"tokens", l.paper_tokens}};
        arr.push_back(j);
    }
    return arr;
}

Json models_json(const std::vector<Law>& laws) {
    Json arr = Json::array();
    for (const Model& m : all_models()) {
        Json j;
        j["id"] = m.id;
        j["name"] = m.name;
        j["organisation"] = m.organisation;
        j["year"] = m.year;
        j["params_total"] = m.params_total;
        j["params_active"] = m.params_active;
        if (m.has_tokens()) j["tokens"] = m.tokens;
        if (m.reported_flops > 0) j["reported_flops"] = m.reported_flops;
        if (m.gpu_hours > 0) j["gpu_hours"] = m.gpu_hours, j["gpu"] = m.gpu;
        if (m.is_moe()) j["experts"] = {{"total", m.experts_total}, {"active", m.experts_active}};
        j["source"] = m.source;
        if (m.has_tokens()) {
            j["flops"] = training_flops(m);
            j["tokens_per_param"] = m.tokens / m.params_active;
            if (m.is_moe()) j["dense_equivalent_flops_estimate"] = dense_equivalent_flops(m);
            Json vs = Json::object();
            for (const Law& law : laws) {
                const Versus v = versus(m, law);
                if (!v.ok) continue;
                Json one = {{"optimal_params", v.optimal_params}, {"overtraining", v.overtraining}};
                if (v.has_loss) one["loss"] = v.loss;
                vs[law.id] = one;
            }
            j["versus"] = vs;
        }
        arr.push_back(j);
    }
    return arr;
}

Json error_json(std::string_view field, std::string_view message) {
    Json j;
    j["error"] = field.empty() ? std::string(message) : std::string(field) + ": " + std::string(message);
    if (!field.empty()) j["field"] = std::string(field);
    return j;
}

}  // namespace scaling
