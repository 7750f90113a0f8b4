// app_link.cpp: the explorer's state as a URL query (a permalink) and back. Keys are the inputs'
// link keys (core/inputs.hpp: the CLI's flag names, with a command's prefix where two views share
// one: budget-flops, memory-dtype). Links carry the view on screen and its inputs, the fields
// each_input lists for it; values are validated like typed input, and whatever is unknown or
// invalid is left out with a notice. No ImGui here: the codec is tested without a window.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/inputs.hpp"
#include "core/quantity.hpp"
#include "core/query.hpp"
#include "core/runs.hpp"
#include "state.hpp"

namespace app {
namespace {

// Longer than any number a person types: a link's value beyond it is refused, not put in a field.
constexpr size_t kMaxFieldText = 63;

// Why a link's value is not put into field `f`, or "" when it is. A choice must be one of its names;
// a number must parse, or be empty where the view reads empty as "not given" (an optional input,
// or one that starts empty). A number out of range is taken: the field then says why under it,
// as it would for typed text.
std::string link_refusal(const Field& f, const std::string& value) {
    if (value.size() > kMaxFieldText) return "too long";
    if (f.in->kind == scaling::InputKind::Choice) {
        const scaling::Result<int> r = scaling::read_choice(*f.in, value);
        return r.ok() ? "" : r.error;
    }
    if (value.empty() && (f.in->optional || !*f.in->initial)) return "";
    // Free text (the Fine-tuning view's score points, issue 19): taken; the view says why under it.
    if (f.in->kind == scaling::InputKind::Text) return "";
    const scaling::Result<double> r = scaling::parse_quantity(value);
    return r.ok() ? "" : r.error;
}

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

std::string query_of(const State& s) {
    scaling::QueryPairs q;
    q.emplace_back("view", view_key(s.view));
    q.emplace_back("flops", scaling::format_shortest(s.flops));
    const scaling::Law law = current_law(s);
    q.emplace_back("law", law.id);
    if (law.id == "custom") {
        const double c[5] = {s.custom.E, s.custom.A, s.custom.B, s.custom.alpha, s.custom.beta};
        for (int k = 0; k < 5; ++k) q.emplace_back(scaling::kCustomConstants[k]->key, scaling::format_shortest(c[k]));
    }
    if (law.kind == scaling::LawKind::DeepSeek && s.m_over_n > 0) q.emplace_back(scaling::link_key(scaling::inputs::kMOverN), scaling::format_shortest(s.m_over_n));
    if (s.has_fit) {
        const scaling::SavedFit& f = s.saved_fit;
        std::string v;
        for (double x : {f.result.c.E, f.result.c.A, f.result.c.B, f.result.c.alpha, f.result.c.beta, f.min_flops, f.max_flops})
            v += (v.empty() ? "" : ",") + scaling::format_shortest(x);
        q.emplace_back("my-fit", v);
    }
    // The field accessors are shared with reading; nothing is written.
    each_input(const_cast<State&>(s), s.view, [&](const Field& f) { q.emplace_back(scaling::link_key(*f.in), f.text); });
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
            const scaling::Result<double> r = scaling::read_number(scaling::inputs::kFlops, value);
            if (!r.ok()) ignored(key, value, r.error);
            else set_budget(s, r.value);
        } else if (key == "law") {
            law_id = value;
        } else if (key == "embed") {
            if (value == "1") s.embed = true;
            else if (value != "0") ignored(key, value, "is 1 or 0");
        } else if (key == scaling::link_key(scaling::inputs::kMOverN)) {
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
                notices.push_back("the link carries a fitted law (E " + scaling::format_shortest(fit.result.c.E) + ", alpha " +
                                  scaling::format_shortest(fit.result.c.alpha) + ", beta " + scaling::format_shortest(fit.result.c.beta) +
                                  "); your own saved fit was kept instead");
            } else if (!s.has_saved_fit) {
                s.saved_fit = fit;
                s.has_saved_fit = true;
                use_fit(s, true, false);
            } else {
                use_fit(s, true, false);
            }
        } else if (key == "exclude-top" || key == "bootstrap") {
            const bool bootstrap = key == "bootstrap";
            const scaling::Result<double> r =
                scaling::read_number(bootstrap ? scaling::inputs::kBootstrap : scaling::inputs::kExcludeTop, value);
            if (!r.ok()) {
                ignored(key, value, r.error);
            } else {
                (bootstrap ? s.fit_bootstrap : s.fit_exclude) = static_cast<int>(r.value);
                ++s.work_revision;
            }
        } else {
            bool known = false;
            for (int k = 0; k < 5; ++k)
                if (key == scaling::kCustomConstants[k]->key) known = true, custom[k] = value, custom_given = true;
            // A key may belong to several views (success: Test-time and Next FLOP share the field).
            // Plain names for the pair: clang 14 cannot capture structured bindings in a lambda.
            const std::string& k = key;
            const std::string& text = value;
            for (int v = 0; v < kViewCount && !known; ++v) {
                each_input(s, v, [&](Field& f) {
                    if (known || k != scaling::link_key(*f.in)) return;
                    known = true;
                    if (const std::string why = link_refusal(f, text); !why.empty()) ignored(k, text, why);
                    else f.text = text;
                });
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
