// app_link.cpp: the explorer's state as a URL query (a permalink) and back. Keys are the CLI's flag
// names (flops, law, gpu, gpus, days, mfu, inference-tokens, ...); where two views share a flag
// name, the one that is not the CLI's main meaning carries its command's prefix (budget-flops,
// memory-dtype). Links carry the view on screen and its inputs; values are validated like typed
// input, and whatever is unknown or invalid is left out with a notice.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app.hpp"
#include "core/hardware.hpp"
#include "core/quantity.hpp"
#include "core/query.hpp"
#include "core/requests.hpp"

namespace app {
namespace {

struct Buffer {
    char* text;
    size_t size;
};

// A text field of the state, written as typed; read back if it is empty (where `optional`) or a
// number the field's parser accepts.
struct TextKey {
    const char* key;
    int view;  // the view whose inputs it belongs to
    Buffer (*field)(State&);
    bool optional;
};

#define FIELD(member) [](State& s) { return Buffer{s.member, sizeof s.member}; }
const TextKey kTextKeys[] = {
    {"budget-flops", kBudget, FIELD(b_flops), false},
    {"gpus", kBudget, FIELD(b_gpus), false},
    {"days", kBudget, FIELD(b_days), false},
    {"mfu", kBudget, FIELD(b_mfu), false},
    {"price", kBudget, FIELD(b_price), true},
    {"params", kBudget, FIELD(m_params), true},
    {"layers", kBudget, FIELD(m_layers), false},
    {"kv-heads", kBudget, FIELD(m_kv_heads), false},
    {"head-dim", kBudget, FIELD(m_head_dim), false},
    {"context", kBudget, FIELD(m_context), false},
    {"batch", kBudget, FIELD(m_batch), false},
    {"loss", kLifetime, FIELD(l_loss), true},
    {"inference-tokens", kLifetime, FIELD(l_inference), false},
    {"over-params", kLifetime, FIELD(o_params), false},
    {"over-tokens", kLifetime, FIELD(o_tokens), false},
    {"requests", kLifetime, FIELD(c_requests), false},
    {"input-tokens", kLifetime, FIELD(c_input), false},
    {"output-tokens", kLifetime, FIELD(c_output), false},
    {"requests-per-day", kLifetime, FIELD(c_per_day), false},
    {"train-mfu", kLifetime, FIELD(c_mfu[0]), false},
    {"prefill-mfu", kLifetime, FIELD(c_mfu[1]), false},
    {"decode-mfu", kLifetime, FIELD(c_mfu[2]), false},
    {"train-price", kLifetime, FIELD(c_price[0]), true},
    {"prefill-price", kLifetime, FIELD(c_price[1]), true},
    {"decode-price", kLifetime, FIELD(c_price[2]), true},
    {"unique-tokens", kData, FIELD(d_unique), false},
    {"base-params", kScenarios, FIELD(sc_params), false},
    {"base-tokens", kScenarios, FIELD(sc_tokens), false},
    {"compute-multiple", kScenarios, FIELD(sc_k), false},
    {"data-cap", kScenarios, FIELD(sc_cap), false},
    {"base-data-tb", kScenarios, FIELD(sc_tb), true},
    {"reference-flops", kScenarios, FIELD(sc_ref), false},
    {"reference-multiple", kScenarios, FIELD(sc_times), false},
    {"sparsity", kScenarios, FIELD(sc_sparsity), false},
    {"success", kTestTime, FIELD(t_p), false},
    {"samples", kTestTime, FIELD(t_k), false},
    {"model-params", kTestTime, FIELD(t_params), false},
    {"answer-tokens", kTestTime, FIELD(t_answer), false},
    {"large-success", kTestTime, FIELD(t_large_p), false},
    {"size-ratio", kTestTime, FIELD(t_ratio), false},
    {"inference-ratio", kTestTime, FIELD(t_r), false},
    {"answer-length", kEmergence, FIELD(e_len), false},
    {"accuracy-nc", kEmergence, FIELD(e_nc), false},
    {"accuracy-alpha", kEmergence, FIELD(e_alpha), false},
    {"base-quality", kFineTuning, FIELD(f_base), false},
    {"k", kFineTuning, FIELD(f_k), false},
    {"saturation-examples", kFineTuning, FIELD(f_sat), false},
    {"examples", kFineTuning, FIELD(f_examples), false},
    {"transfer-params", kFineTuning, FIELD(f_params), false},
    {"finetune-tokens", kFineTuning, FIELD(f_tokens), false},
    // The Next FLOP view shares p and R with the Test-time view: a link from either carries them.
    {"success", kNextFlop, FIELD(t_p), false},
    {"inference-ratio", kNextFlop, FIELD(t_r), false},
    {"samples-now", kNextFlop, FIELD(n_k), false},
};
#undef FIELD

// A choice of the state, written by name.
struct ChoiceKey {
    const char* key;
    int view;
    int* (*field)(State&);
    std::vector<std::string> (*names)();
};

std::vector<std::string> gpu_ids() {
    std::vector<std::string> ids;
    for (const scaling::Gpu& g : scaling::all_gpus()) ids.push_back(g.id);
    return ids;
}
std::vector<std::string> compute_dtypes() { return {"bf16", "fp8", "int8"}; }
std::vector<std::string> weight_dtypes() { return {"fp32", "bf16", "fp8", "int4"}; }
std::vector<std::string> solve_names() { return {"flops", "days", "gpus", "mfu"}; }

const ChoiceKey kChoiceKeys[] = {
    {"gpu", kBudget, [](State& s) { return &s.gpu; }, gpu_ids},
    {"dtype", kBudget, [](State& s) { return &s.dtype; }, compute_dtypes},
    {"solve", kBudget, [](State& s) { return &s.solve_for; }, solve_names},
    {"memory-dtype", kBudget, [](State& s) { return &s.m_dtype; }, weight_dtypes},
    {"train-gpu", kLifetime, [](State& s) { return &s.c_gpu[0]; }, gpu_ids},
    {"prefill-gpu", kLifetime, [](State& s) { return &s.c_gpu[1]; }, gpu_ids},
    {"decode-gpu", kLifetime, [](State& s) { return &s.c_gpu[2]; }, gpu_ids},
    {"train-dtype", kLifetime, [](State& s) { return &s.c_dtype[0]; }, compute_dtypes},
    {"prefill-dtype", kLifetime, [](State& s) { return &s.c_dtype[1]; }, compute_dtypes},
    {"decode-dtype", kLifetime, [](State& s) { return &s.c_dtype[2]; }, compute_dtypes},
};

const char* kCustomKeys[5] = {"E", "A", "B", "alpha", "beta"};


// The short form people type (5.76e23), with no '+' that a URL would escape.
std::string shortest(double x) { return scaling::format_shortest(x); }

// "my-fit": the fitted law's constants and valid range, E,A,B,alpha,beta,lo,hi.
bool read_fit(const std::string& text, scaling::SavedFit* fit) {
    double v[7];
    size_t pos = 0;
    for (int i = 0; i < 7; ++i) {
        const size_t end = std::min(text.find(',', pos), text.size());
        const scaling::Result<double> r = scaling::parse_positive(text.substr(pos, end - pos));
        if (!r.ok() || (i < 6 && end == text.size()) || (i == 6 && end != text.size())) return false;
        v[i] = r.value;
        pos = end + 1;
    }
    if (v[5] > v[6]) return false;
    fit->result.c = {v[0], v[1], v[2], v[3], v[4]};
    fit->result.a_exp = v[4] / (v[3] + v[4]);
    fit->result.b_exp = v[3] / (v[3] + v[4]);
    fit->min_flops = v[5];
    fit->max_flops = v[6];
    fit->in_use = true;
    return true;
}

}  // namespace

std::string view_key(int view) {
    std::string name = view_name(view);
    for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c == ' ' ? '-' : c);
    return name;
}

std::string query_of(const State& s) {
    scaling::QueryPairs q;
    q.emplace_back("view", view_key(s.view));
    q.emplace_back("flops", shortest(s.flops));
    const scaling::Law law = current_law(s);
    q.emplace_back("law", law.id);
    if (law.id == "custom") {
        const double c[5] = {s.custom.E, s.custom.A, s.custom.B, s.custom.alpha, s.custom.beta};
        for (int k = 0; k < 5; ++k) q.emplace_back(kCustomKeys[k], shortest(c[k]));
    }
    if (law.kind == scaling::LawKind::DeepSeek && s.m_over_n > 0) q.emplace_back("m-over-n", shortest(s.m_over_n));
    if (s.has_fit) {
        const scaling::SavedFit& f = s.saved_fit;
        std::string v;
        for (double x : {f.result.c.E, f.result.c.A, f.result.c.B, f.result.c.alpha, f.result.c.beta, f.min_flops, f.max_flops})
            v += (v.empty() ? "" : ",") + shortest(x);
        q.emplace_back("my-fit", v);
    }
    State& w = const_cast<State&>(s);  // the field accessors are shared with reading; nothing is written
    for (const ChoiceKey& k : kChoiceKeys) {
        if (k.view != s.view) continue;
        const std::vector<std::string> names = k.names();
        const int i = *k.field(w);
        if (i >= 0 && i < static_cast<int>(names.size())) q.emplace_back(k.key, names[static_cast<size_t>(i)]);
    }
    for (const TextKey& k : kTextKeys)
        if (k.view == s.view) q.emplace_back(k.key, k.field(w).text);
    if (s.view == kFit) {
        q.emplace_back("exclude-top", std::to_string(s.fit_exclude));
        q.emplace_back("bootstrap", std::to_string(s.fit_bootstrap));
    }
    return scaling::encode_query(q);
}

std::vector<std::string> apply_query(State& s, std::string_view query) {
    std::vector<std::string> notices;
    const scaling::Result<scaling::ParsedQuery> parsed = scaling::parse_query(query);
    if (!parsed.ok()) return {parsed.error};
    notices = parsed.value.problems;
    auto ignored = [&](const std::string& key, const std::string& value, const std::string& why) {
        notices.push_back(scaling::quote_input(key) + (value.empty() ? "" : "=" + scaling::quote_input(value)) + ": " + why);
    };
    std::string law_id, custom[5];
    bool custom_given = false;
    for (const auto& [key, value] : parsed.value.pairs) {
        if (key == "view") {
            int found = -1;
            for (int v = 0; v < kViewCount; ++v)
                if (view_key(v) == value) found = v;
            if (found < 0) ignored(key, value, "no such view");
            else s.requested_view = found;
        } else if (key == "flops") {
            const scaling::Result<double> r = scaling::parse_positive(value, scaling::Unit::Flop);
            if (!r.ok()) ignored(key, value, r.error);
            else set_budget(s, r.value);
        } else if (key == "law") {
            law_id = value;
        } else if (key == "embed") {
            if (value == "1") s.embed = true;
            else if (value != "0") ignored(key, value, "is 1 or 0");
        } else if (key == "m-over-n") {
            const scaling::Result<double> r = scaling::parse_positive(value);
            if (!r.ok() || value.size() >= sizeof s.m_over_n_text) ignored(key, value, r.ok() ? "too long" : r.error);
            else {
                std::snprintf(s.m_over_n_text, sizeof s.m_over_n_text, "%s", value.c_str());
                s.m_over_n = r.value;
                ++s.law_revision;
            }
        } else if (key == "my-fit") {
            scaling::SavedFit fit;
            if (!read_fit(value, &fit)) {
                ignored(key, value, "is seven positive numbers: E,A,B,alpha,beta and the fitted compute range");
            } else if (s.has_saved_fit && (s.saved_fit.result.c.E != fit.result.c.E || s.saved_fit.result.c.A != fit.result.c.A ||
                                           s.saved_fit.result.c.alpha != fit.result.c.alpha)) {
                // Never overwrite the user's own fit with a stranger's.
                notices.push_back("the link carries a fitted law (E " + shortest(fit.result.c.E) + ", alpha " +
                                  shortest(fit.result.c.alpha) + ", beta " + shortest(fit.result.c.beta) +
                                  "); your own saved fit was kept instead");
            } else if (!s.has_saved_fit) {
                s.saved_fit = fit;
                s.has_saved_fit = true;
                use_fit(s, true, false);
            } else {
                use_fit(s, true, false);
            }
        } else if (key == "exclude-top" || key == "bootstrap") {
            const scaling::Result<double> r = scaling::parse_quantity(value);
            const int hi = key == "bootstrap" ? 100000 : scaling::kMaxRuns;
            if (!r.ok() || r.value != std::floor(r.value) || r.value < 0 || r.value > hi)
                ignored(key, value, "is a whole number from 0 to " + std::to_string(hi));
            else {
                (key == "bootstrap" ? s.fit_bootstrap : s.fit_exclude) = static_cast<int>(r.value);
                ++s.work_revision;
            }
        } else {
            bool known = false;
            for (int k = 0; k < 5; ++k)
                if (key == kCustomKeys[k]) known = true, custom[k] = value, custom_given = true;
            for (const ChoiceKey& k : kChoiceKeys) {
                if (key != k.key) continue;
                known = true;
                const std::vector<std::string> names = k.names();
                const auto it = std::find(names.begin(), names.end(), value);
                if (it == names.end()) {
                    std::string list;
                    for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
                    ignored(key, value, "is one of " + list);
                } else {
                    *k.field(s) = static_cast<int>(it - names.begin());
                }
            }
            for (const TextKey& k : kTextKeys) {
                if (key != k.key) continue;
                known = true;
                const Buffer b = k.field(s);
                const scaling::Result<double> r = scaling::parse_quantity(value);
                if (value.size() >= b.size) ignored(key, value, "too long");
                else if (!(value.empty() && k.optional) && !r.ok()) ignored(key, value, r.error);
                else std::snprintf(b.text, b.size, "%s", value.c_str());
            }
            if (!known) ignored(key, value, "not a setting this explorer knows");
        }
    }
    if (custom_given) {
        char before[5][32];
        std::copy(&s.custom_text[0][0], &s.custom_text[0][0] + sizeof before, &before[0][0]);
        for (int k = 0; k < 5; ++k)
            if (!custom[k].empty()) std::snprintf(s.custom_text[k], sizeof s.custom_text[k], "%s", custom[k].c_str());
        apply_custom_text(s);
        if (!s.custom_error.empty()) {
            notices.push_back("the custom law's constants: " + s.custom_error);
            std::copy(&before[0][0], &before[0][0] + sizeof before, &s.custom_text[0][0]);
            s.custom_error.clear();
        }
    }
    if (!law_id.empty()) {
        int found = -1;
        for (int i = 0; i < law_count(s); ++i)
            if (law_at(s, i).id == law_id) found = i;
        if (found < 0) ignored("law", law_id, "no such law here");
        else if (found != s.law) {
            s.law = found;
            ++s.law_revision;
        }
    }
    return notices;
}

}  // namespace app
