// requests.cpp: text arguments -> validated results -> JSON, for the CLI and the JS API.
#include "requests.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include <nlohmann/json.hpp>

#include "caveats_json.hpp"
#include "compare.hpp"
#include "data_limits.hpp"
#include "gallery.hpp"
#include "quantity.hpp"

namespace scaling {
namespace {

std::string dump(const nlohmann::ordered_json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

const std::string* arg(const Args& args, std::string_view key) {
    auto it = args.find(key);
    return it == args.end() ? nullptr : &it->second;
}

// A law constant typed by the user: finite; `positive` requires > 0, else >= 0.
Result<double> constant(const Args& args, const char* key, bool positive) {
    const Result<double> r = parse_quantity(*arg(args, key));
    if (!r.ok()) return Result<double>::fail(r.error, key);
    if (positive ? !(r.value > 0) : r.value < 0)
        return Result<double>::fail(quote_input(*arg(args, key)) + (positive ? " must be greater than zero" : " must not be negative"), key);
    return r;
}

}  // namespace

Result<const Law*> law_from_id(std::string_view id) {
    if (!catalog_error().empty()) return Result<const Law*>::fail("the law catalogue failed to load: " + catalog_error(), "law");
    if (id.empty()) return Result<const Law*>::fail("is empty; valid ids: " + law_ids_joined(), "law");
    if (const Law* l = find_law(id)) return Result<const Law*>::of(l);
    return Result<const Law*>::fail("unknown law " + quote_input(id) + "; valid ids: " + law_ids_joined(), "law");
}

Result<Law> law_request(const Args& args) {
    using R = Result<Law>;
    const std::string* id = arg(args, "law");
    const Result<const Law*> found = law_from_id(id ? *id : kDefaultLawId);
    if (!found.ok()) return R::fail(found.error, found.field);
    Law law = *found.value;
    const struct { const char* key; double* slot; bool positive; } constants[] = {
        {"E", &law.chinchilla.E, false}, {"A", &law.chinchilla.A, true}, {"B", &law.chinchilla.B, true},
        {"alpha", &law.chinchilla.alpha, true}, {"beta", &law.chinchilla.beta, true}};
    for (const auto& c : constants) {
        if (!arg(args, c.key)) continue;
        if (law.id != "custom") return R::fail("only --law custom takes constants (E, A, B, alpha, beta)", c.key);
        const Result<double> v = constant(args, c.key, c.positive);
        if (!v.ok()) return R::fail(v.error, v.field);
        *c.slot = v.value;
    }
    if (arg(args, "m_over_n")) {
        if (law.kind != LawKind::DeepSeek) return R::fail("only deepseek2024 takes M/N", "m_over_n");
        const Result<double> v = constant(args, "m_over_n", true);
        if (!v.ok()) return R::fail(v.error, v.field);
        law.m_over_n = v.value;
    }
    return R::of(law);
}

Result<Allocation> optimal_request(const Args& args) {
    using R = Result<Allocation>;
    const Result<Law> law = law_request(args);
    if (!law.ok()) return R::fail(law.error, law.field);
    const std::string* flops = arg(args, "flops");
    if (!flops) return R::fail("is required", "flops");
    const Result<double> c = parse_positive(*flops, Unit::Flop);
    if (!c.ok()) return R::fail(c.error, "flops");
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
    const std::string* params = arg(args, "params");
    const std::string* tokens = arg(args, "tokens");
    if (!params) return R::fail("is required", "params");
    if (!tokens) return R::fail("is required", "tokens");
    const Result<double> n = parse_positive(*params, Unit::Params);
    if (!n.ok()) return R::fail(n.error, "params");
    const Result<double> d = parse_positive(*tokens, Unit::Tokens);
    if (!d.ok()) return R::fail(d.error, "tokens");
    R r = at_size(law.value, n.value, d.value);
    if (!r.ok()) r.field = "params";
    if (!r.ok() || !arg(args, "unique_tokens")) return refuse_absurd(r, "params");
    // Repeated data: the loss on the effective quantities (data_limits.hpp).
    const Result<double> u = parse_positive(*arg(args, "unique_tokens"), Unit::Tokens);
    if (!u.ok()) return R::fail(u.error, "unique_tokens");
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
        Args one{{"law", law.id}};
        if (law.id == "custom")
            for (const char* k : {"E", "A", "B", "alpha", "beta"})
                if (const std::string* v = arg(args, k)) one[k] = *v;
        if (law.kind == LawKind::DeepSeek)
            if (const std::string* v = arg(args, "m_over_n")) one["m_over_n"] = *v;
        const Result<Law> r = law_request(one);
        if (!r.ok()) return R::fail(r.error, r.field);
        law = r.value;
    }
    return R::of(laws);
}

Result<std::string> compare_request(const Args& args) {
    using R = Result<std::string>;
    const std::string* flops = arg(args, "flops");
    if (!flops) return R::fail("is required", "flops");
    const Result<double> c = parse_positive(*flops, Unit::Flop);
    if (!c.ok()) return R::fail(c.error, "flops");
    const Result<std::vector<Law>> laws = laws_request(args);
    if (!laws.ok()) return R::fail(laws.error, laws.field);
    return R::of(to_json(compare(laws.value, c.value)));
}

std::string to_json(const Allocation& a) {
    nlohmann::ordered_json j;
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
    return dump(j);
}

std::string laws_json() {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const Law& l : all_laws()) {
        nlohmann::ordered_json j;
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
        nlohmann::ordered_json k;
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
    return dump(arr);
}

std::string error_json(std::string_view field, std::string_view message) {
    nlohmann::ordered_json j;
    j["error"] = field.empty() ? std::string(message) : std::string(field) + ": " + std::string(message);
    if (!field.empty()) j["field"] = std::string(field);
    return dump(j);
}

std::string call_json(std::string_view command, std::string_view args_json) {
    const nlohmann::json parsed = nlohmann::json::parse(args_json.begin(), args_json.end(), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) return error_json("", "arguments must be an object");
    Args args;
    for (auto it = parsed.begin(); it != parsed.end(); ++it) {
        if (!it.value().is_string()) return error_json(it.key(), "expected a number or a string");
        args[it.key()] = it.value().get<std::string>();
    }
    struct Command {
        const char* name;
        std::initializer_list<const char*> keys;
    };
    static const Command kCommands[] = {
        {"optimal", {"flops", "law", "E", "A", "B", "alpha", "beta", "m_over_n"}},
        {"loss", {"params", "tokens", "unique_tokens", "law", "E", "A", "B", "alpha", "beta"}},
        {"data", {"flops", "unique_tokens", "law", "E", "A", "B", "alpha", "beta"}},
        {"scenario", {"params", "tokens", "compute_multiple", "data_cap", "law", "E", "A", "B", "alpha", "beta", "m_over_n"}},
        {"project", {"reference_flops", "reference_multiple", "sparsity", "law", "E", "A", "B", "alpha", "beta", "m_over_n"}},
        {"next_flop", {"flops", "success", "samples", "inference_ratio", "factor", "law", "E", "A", "B", "alpha", "beta", "m_over_n"}},
        {"compare", {"flops", "E", "A", "B", "alpha", "beta", "m_over_n"}},
        {"laws", {}},
        {"models", {}},
        {"fit", {"text", "exclude_top", "bootstrap", "form", "x", "predict", "target", "columns"}},
        {"budget", {"gpu", "dtype", "price", "flops", "gpus", "days", "mfu", "dollars", "preset", "law", "E", "A", "B",
                    "alpha", "beta", "m_over_n"}},
        {"memory", {"params", "gpu", "dtype", "layers", "kv_heads", "head_dim", "context", "batch", "usable"}},
        {"lifetime", {"loss", "inference_tokens", "requests", "tokens_per_request", "law", "E", "A", "B", "alpha", "beta"}},
        {"lifetime_cost", {"loss", "requests", "input_tokens", "output_tokens", "gpu", "law", "E", "A", "B", "alpha",
                           "beta", "train_gpu", "train_dtype", "train_price", "train_mfu", "prefill_gpu", "prefill_dtype",
                           "prefill_price", "prefill_mfu", "decode_gpu", "decode_dtype", "decode_price", "decode_mfu"}},
    };
    const Command* cmd = nullptr;
    for (const Command& c : kCommands)
        if (command == c.name) cmd = &c;
    if (!cmd) return error_json("", "unknown command " + quote_input(command));
    for (const auto& [key, value] : args) {
        bool known = false;
        std::string list;
        for (const char* k : cmd->keys) {
            known = known || key == k;
            list += (list.empty() ? "" : ", ") + std::string(k);
        }
        if (!known) return error_json(quote_input(key), std::string("unknown argument; ") + cmd->name + " takes " + (list.empty() ? "none" : list));
    }
    if (command == "laws") return laws_json();
    if (command == "models") return models_json(all_laws());
    Result<std::string> (*text_request)(const Args&) = nullptr;
    if (command == "compare") text_request = compare_request;
    if (command == "budget") text_request = budget_request;
    if (command == "memory") text_request = memory_request;
    if (command == "lifetime") text_request = lifetime_request;
    if (command == "lifetime_cost") text_request = lifetime_cost_request;
    if (command == "data") text_request = data_request;
    if (command == "scenario") text_request = scenario_request;
    if (command == "project") text_request = project_request;
    if (command == "next_flop") text_request = next_flop_request;
    if (command == "fit") {
        const Result<FitReply> r = fit_request(args);
        return r.ok() ? r.value.json : error_json(r.field, r.error);
    }
    if (text_request) {
        const Result<std::string> r = text_request(args);
        return r.ok() ? r.value : error_json(r.field, r.error);
    }
    const Result<Allocation> r = command == "optimal" ? optimal_request(args) : loss_request(args);
    return r.ok() ? to_json(r.value) : error_json(r.field, r.error);
}

}  // namespace scaling
