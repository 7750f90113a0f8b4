// requests.cpp: text arguments -> validated results -> JSON, for the CLI and the JS API.
#include "requests.hpp"

#include <nlohmann/json.hpp>

#include "quantity.hpp"

namespace scaling {

Result<const Law*> law_from_id(std::string_view id) {
    if (id.empty()) return Result<const Law*>::fail("is empty; valid ids: " + law_ids_joined(), "law");
    if (const Law* l = find_law(id)) return Result<const Law*>::of(l);
    return Result<const Law*>::fail("unknown law " + quote_input(id) + "; valid ids: " + law_ids_joined(), "law");
}

Result<Allocation> optimal_request(std::string_view flops, std::string_view law_id) {
    using R = Result<Allocation>;
    const Result<const Law*> law = law_from_id(law_id);
    if (!law.ok()) return R::fail(law.error, law.field);
    const Result<double> c = parse_positive(flops, Unit::Flop);
    if (!c.ok()) return R::fail(c.error, "flops");
    R r = optimal(*law.value, c.value);
    if (!r.ok()) r.field = "flops";
    return r;
}

Result<Allocation> loss_request(std::string_view params, std::string_view tokens, std::string_view law_id) {
    using R = Result<Allocation>;
    const Result<const Law*> law = law_from_id(law_id);
    if (!law.ok()) return R::fail(law.error, law.field);
    if (!law.value->has_loss())
        return R::fail("law " + law.value->id + " predicts no loss (it is an allocation rule only)", "law");
    const Result<double> n = parse_positive(params, Unit::Params);
    if (!n.ok()) return R::fail(n.error, "params");
    const Result<double> d = parse_positive(tokens, Unit::Tokens);
    if (!d.ok()) return R::fail(d.error, "tokens");
    R r = at_size(*law.value, n.value, d.value);
    if (!r.ok()) r.field = "params";
    return r;
}

std::string to_json(const Allocation& a) {
    nlohmann::ordered_json j;
    j["law"] = a.law;
    j["flops"] = a.flops;
    j["params"] = a.params;
    j["tokens"] = a.tokens;
    j["tokens_per_param"] = a.tokens_per_param;
    if (a.has_loss) j["loss"] = a.loss;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string laws_json() {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const Law& l : all_laws()) {
        nlohmann::ordered_json j;
        j["id"] = l.id;
        j["name"] = l.name;
        j["citation"] = l.citation;
        j["form"] = l.form;
        j["compute_convention"] = l.compute_convention;
        j["has_loss"] = l.has_loss();
        j["notes"] = l.notes;
        nlohmann::ordered_json k;
        switch (l.kind) {
            case LawKind::Chinchilla:
                k = {{"E", l.chinchilla.E}, {"A", l.chinchilla.A}, {"B", l.chinchilla.B},
                     {"alpha", l.chinchilla.alpha}, {"beta", l.chinchilla.beta}};
                break;
            case LawKind::Kaplan:
                k = {{"alpha_N", l.kaplan.nd_alpha_N}, {"alpha_D", l.kaplan.nd_alpha_D},
                     {"N_c", l.kaplan.nd_N_c},        {"D_c", l.kaplan.nd_D_c},
                     {"alloc_k", l.kaplan.alloc_k},   {"alloc_exp", l.kaplan.alloc_exp}};
                break;
            case LawKind::TokensPerParam: k = {{"tokens_per_param", l.tokens_per_param}}; break;
        }
        j["constants"] = k;
        arr.push_back(j);
    }
    return arr.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string error_json(std::string_view field, std::string_view message) {
    nlohmann::ordered_json j;
    j["error"] = field.empty() ? std::string(message) : std::string(field) + ": " + std::string(message);
    if (!field.empty()) j["field"] = std::string(field);
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace scaling
