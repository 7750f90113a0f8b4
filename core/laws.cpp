// laws.cpp: the catalogue of laws: assets/laws.jsonl validated field by field (JSON Lines), and
// loaded once from the embedded copy.
#include "laws.hpp"

#include <cmath>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "catalog.hpp"

namespace scaling {
namespace {

using json = nlohmann::ordered_json;  // the one JSON type of the build (results_json.hpp): a second costs 8 KB of the first view

// Collects the first error with its location; later checks are skipped once one failed.
struct Checker {
    std::string where;  // "assets/laws.jsonl:7: law \"x\""
    std::string error;

    bool fail(const std::string& what) {
        if (error.empty()) error = where + ": " + what;
        return false;
    }
    bool text(const json& o, const char* key, std::string* out, bool required = true) {
        if (!o.contains(key) || o[key].is_null()) {
            if (!required) return true;
            return fail(std::string("missing \"") + key + "\"");
        }
        if (!o[key].is_string()) return fail(std::string("\"") + key + "\" must be text");
        *out = o[key].get<std::string>();
        if (required && out->empty()) return fail(std::string("\"") + key + "\" is empty");
        return true;
    }
    // A finite number; `positive` also requires > 0.
    bool number(const json& o, const char* key, double* out, bool positive = true) {
        if (!o.contains(key)) return fail(std::string("missing constant \"") + key + "\"");
        if (!o[key].is_number()) return fail(std::string("\"") + key + "\" must be a number");
        *out = o[key].get<double>();
        if (!std::isfinite(*out)) return fail(std::string("\"") + key + "\" is not finite");
        if (positive && !(*out > 0)) return fail(std::string("\"") + key + "\" must be greater than zero");
        if (!positive && *out < 0) return fail(std::string("\"") + key + "\" must not be negative");
        return true;
    }
    bool interval(const json& o, const char* key, double value, Interval* out) {
        if (!o.contains(key) || !o[key].is_array() || o[key].size() != 2 || !o[key][0].is_number() ||
            !o[key][1].is_number())
            return fail(std::string("interval \"") + key + "\" must be [low, high]");
        out->lo = o[key][0].get<double>();
        out->hi = o[key][1].get<double>();
        if (!(out->lo <= value && value <= out->hi))
            return fail(std::string("interval \"") + key + "\" does not contain the constant");
        return true;
    }
};

bool parse_constants(Checker& c, const json& k, Law& law) {
    if (!k.is_object()) return c.fail("\"constants\" must be an object");
    switch (law.kind) {
        case LawKind::Chinchilla: {
            ChinchillaConstants& v = law.chinchilla;
            return c.number(k, "E", &v.E, false) && c.number(k, "A", &v.A) && c.number(k, "B", &v.B) &&
                   c.number(k, "alpha", &v.alpha) && c.number(k, "beta", &v.beta);
        }
        case LawKind::Kaplan: {
            KaplanConstants& v = law.kaplan;
            return c.number(k, "alpha_N", &v.alpha_N) && c.number(k, "N_c", &v.N_c) &&
                   c.number(k, "alpha_D", &v.alpha_D) && c.number(k, "D_c", &v.D_c) &&
                   c.number(k, "alpha_C", &v.alpha_C) && c.number(k, "C_c", &v.C_c) &&
                   c.number(k, "nd_alpha_N", &v.nd_alpha_N) && c.number(k, "nd_alpha_D", &v.nd_alpha_D) &&
                   c.number(k, "nd_N_c", &v.nd_N_c) && c.number(k, "nd_D_c", &v.nd_D_c) &&
                   c.number(k, "alloc_k", &v.alloc_k) && c.number(k, "alloc_exp", &v.alloc_exp);
        }
        case LawKind::TokensPerParam: return c.number(k, "tokens_per_param", &law.tokens_per_param);
        case LawKind::PowerParams:
        case LawKind::PowerTokens: return c.number(k, "k", &law.power.k) && c.number(k, "exp", &law.power.exp);
        case LawKind::DeepSeek: {
            DeepSeekConstants& v = law.deepseek;
            return c.number(k, "m_k", &v.m_k) && c.number(k, "m_exp", &v.m_exp) && c.number(k, "d_k", &v.d_k) &&
                   c.number(k, "d_exp", &v.d_exp);
        }
    }
    return false;
}

bool kind_from_text(const std::string& s, LawKind* out) {
    static const struct { const char* name; LawKind kind; } kKinds[] = {
        {"chinchilla", LawKind::Chinchilla},    {"kaplan", LawKind::Kaplan},
        {"ratio", LawKind::TokensPerParam},     {"power-params", LawKind::PowerParams},
        {"power-tokens", LawKind::PowerTokens}, {"deepseek", LawKind::DeepSeek}};
    for (const auto& k : kKinds)
        if (s == k.name) {
            *out = k.kind;
            return true;
        }
    return false;
}

bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 40) return false;
    for (char ch : id)
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-')) return false;
    return true;
}

const Loaded<Law>& loaded() {
    static const Loaded<Law> l = keep(parse_laws(embedded::kLawsJsonl, "assets/laws.jsonl"));
    return l;
}

}  // namespace

Result<std::vector<Law>> parse_laws(std::string_view text, std::string_view file) {
    using R = Result<std::vector<Law>>;
    std::vector<Law> laws;
    std::set<std::string> ids;
    size_t line_no = 0, pos = 0;
    while (pos <= text.size()) {
        const size_t end = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        const size_t first = line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos || line[first] == '#') {
            if (end == text.size()) break;
            continue;
        }
        Checker c;
        c.where = std::string(file) + ":" + std::to_string(line_no);
        const json o = json::parse(line.begin(), line.end(), nullptr, false);
        if (o.is_discarded() || !o.is_object()) return R::fail(c.where + ": not a JSON object on one line");
        Law law;
        std::string kind;
        if (!c.text(o, "id", &law.id)) return R::fail(c.error);
        c.where += ": law \"" + law.id + "\"";
        if (!valid_id(law.id)) return R::fail(c.where + ": ids use a-z, 0-9 and '-' only");
        if (!ids.insert(law.id).second) return R::fail(c.where + ": the id is used twice");
        const bool strings = c.text(o, "name", &law.name) && c.text(o, "citation", &law.citation) &&
                             c.text(o, "kind", &kind) && c.text(o, "form", &law.form) &&
                             c.text(o, "n_counts", &law.n_counts) &&
                             c.text(o, "compute_convention", &law.compute_convention) &&
                             c.text(o, "notes", &law.notes, false) && c.text(o, "errata", &law.errata, false);
        if (!strings) return R::fail(c.error);
        if (!kind_from_text(kind, &law.kind))
            return R::fail(c.where + ": unknown kind \"" + kind +
                           "\" (chinchilla, kaplan, ratio, power-params, power-tokens, deepseek)");
        if (!o.contains("constants")) return R::fail(c.where + ": missing \"constants\"");
        if (!parse_constants(c, o["constants"], law)) return R::fail(c.error);
        if (o.contains("valid_flops") && !o["valid_flops"].is_null()) {
            const json& v = o["valid_flops"];
            if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number() ||
                !(v[0].get<double>() > 0) || !(v[1].get<double>() > v[0].get<double>()))
                return R::fail(c.where + ": \"valid_flops\" must be [low, high] FLOP with 0 < low < high, or null");
            law.valid_lo = v[0].get<double>();
            law.valid_hi = v[1].get<double>();
        }
        if (o.contains("intervals")) {
            if (law.kind != LawKind::Chinchilla) return R::fail(c.where + ": intervals are for chinchilla-form laws");
            const json& iv = o["intervals"];
            ChinchillaIntervals& ci = law.intervals;
            const ChinchillaConstants& k = law.chinchilla;
            if (!(iv.is_object() && c.interval(iv, "E", k.E, &ci.E) && c.interval(iv, "A", k.A, &ci.A) &&
                  c.interval(iv, "B", k.B, &ci.B) && c.interval(iv, "alpha", k.alpha, &ci.alpha) &&
                  c.interval(iv, "beta", k.beta, &ci.beta)))
                return R::fail(c.error.empty() ? c.where + ": \"intervals\" must be an object" : c.error);
            law.has_intervals = true;
        }
        if (o.contains("draws")) {
            if (law.kind != LawKind::Chinchilla) return R::fail(c.where + ": draws are for chinchilla-form laws");
            if (!c.text(o, "draws", &law.draws_file)) return R::fail(c.error);
            if (!is_embedded_draws(law.draws_file))
                return R::fail(c.where + ": \"draws\" names no draws file of assets/ (" + law.draws_file + ")");
        }
        if (o.contains("paper_point")) {
            const json& p = o["paper_point"];
            if (!(p.is_object() && c.number(p, "flops", &law.paper_flops) && c.number(p, "params", &law.paper_params) &&
                  c.number(p, "tokens", &law.paper_tokens)))
                return R::fail(c.error.empty() ? c.where + ": \"paper_point\" must be an object" : c.error);
            law.has_paper_point = true;
        }
        laws.push_back(std::move(law));
        if (end == text.size()) break;
    }
    if (laws.empty()) return R::fail(std::string(file) + ": no laws");
    return R::of(std::move(laws));
}

const std::vector<Law>& all_laws() { return loaded().items; }
const std::string& catalog_error() { return loaded().error; }

const Law* find_law(std::string_view id) { return find_by_id(all_laws(), id); }

int default_law_index() {
    const std::vector<Law>& laws = all_laws();
    for (size_t i = 0; i < laws.size(); ++i)
        if (laws[i].id == kDefaultLawId) return static_cast<int>(i);
    return 0;
}

std::string law_ids_joined() {
    std::string out;
    for (const Law& l : all_laws()) {
        if (!out.empty()) out += ", ";
        out += l.id;
    }
    return out;
}

}  // namespace scaling
