// state.cpp: the operations on the explorer's state that views, links and saved work share:
// reading a field against its descriptor, the budget, the law in force, the custom law, "My fit".
#include "state.hpp"

#include "core/presets.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/quantity.hpp"
#include "core/requests.hpp"

namespace app {

scaling::Result<double> Field::number() const {
    if (in->optional && !given()) return scaling::Result<double>::of(in->fallback);
    return scaling::read_number(*in, text);
}

int Field::index() const {
    const scaling::Result<int> r = scaling::read_choice(*in, text);
    if (r.ok()) return r.value;
    const scaling::Result<int> initial = scaling::read_choice(*in, in->initial);
    return initial.ok() ? initial.value : 0;
}

void Field::choose(int index) {
    const std::vector<std::string> names = in->choices ? in->choices() : std::vector<std::string>{};
    if (index >= 0 && index < static_cast<int>(names.size())) text = names[static_cast<size_t>(index)];
}

std::string view_key(int view) {
    std::string name = view_name(view);
    for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c == ' ' ? '-' : c);
    return name;
}

const char* view_name(int view) {
    static const char* kNames[kViewCount] = {"Allocator", "Compare",   "Frontier",  "Iso-FLOP",    "Landscape",
                                             "Models",    "Budget",    "Lifetime",  "Fit",         "Kaplan",      "Data",
                                             "Scenarios", "Test-time", "Emergence", "Fine-tuning", "Next FLOP",
                                             "Post-training",  // RL and distillation (issue 19)
                                             "Serving",   "Router",    "TCO",       "Capex",
                                             "Task",  // issue 20: task-fit
                                             "Design",  // issue 20: the sweep designer
                                             "Claims"};  // issue 20: claims in circulation
    return view >= 0 && view < kViewCount ? kNames[view] : "Allocator";
}

void apply_custom_text(State& s) {
    scaling::Args args{{"law", "custom"}};
    for (int i = 0; i < 5; ++i) args[scaling::kCustomConstants[i]->key] = s.custom_text[i];
    const scaling::Result<scaling::Law> r = scaling::law_request(args);
    if (r.ok()) {
        s.custom = r.value.chinchilla;
        s.custom_error.clear();
        ++s.law_revision;
    } else {
        s.custom_error = r.field + ": " + r.error;
    }
    ++s.work_revision;
}

scaling::SavedWork work_of(const State& s) {
    scaling::SavedWork w;
    w.runs_text = s.fit_text;
    for (int k = 0; k < 4; ++k) w.columns[k] = s.fit_columns[k];
    w.exclude = s.fit_exclude;
    w.bootstrap = s.fit_bootstrap;
    for (int k = 0; k < 5; ++k) w.custom[k] = s.custom_text[k];
    w.has_fit = s.has_saved_fit;
    w.fit = s.saved_fit;
    w.fit.in_use = s.has_fit;
    w.settings = query_of(s);
    return w;
}

void restore_work(State& s, const scaling::SavedWork& w) {
    s.fit_text = w.runs_text;
    for (int k = 0; k < 4; ++k) s.fit_columns[k] = w.columns[k];
    s.fit_exclude = w.exclude;
    s.fit_bootstrap = w.bootstrap;
    bool custom_given = false;
    for (int k = 0; k < 5; ++k) custom_given |= !w.custom[k].empty();
    if (custom_given) {
        for (int k = 0; k < 5; ++k)
            std::snprintf(s.custom_text[k], sizeof s.custom_text[k], "%s", w.custom[k].c_str());
        apply_custom_text(s);
    }
    s.has_saved_fit = w.has_fit;
    s.saved_fit = w.fit;
    s.fit_restore_pending = w.has_fit;
    use_fit(s, w.has_fit && w.fit.in_use, false);
    // The settings last: they may name "My fit" as the law. A link opened after this overrides them.
    s.restored_settings = w.settings;
    if (!w.settings.empty()) (void)apply_query(s, w.settings);
    ++s.work_revision;
}

void work_is_saved(State& s) { s.handed.work_revision = s.work_revision; }

void open_text(State& s, std::string text) {
    s.requested_view = kFit;
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && text[first] == '{') {
        // A JSON object is not a table of runs: it is saved work, or a mistake to say so about.
        const scaling::Result<scaling::SavedWork> w = scaling::parse_saved_work(text);
        if (!w.ok()) {
            s.work_notice = "That file was not opened: " + w.error + ". Your current work is unchanged.";
            return;
        }
        restore_work(s, w.value);
        return;
    }
    s.fit_text = std::move(text);
    ++s.work_revision;
}

void use_fit(State& s, const bool use, const bool select) {
    const int catalogue = static_cast<int>(scaling::all_laws().size());
    s.has_fit = use && s.has_saved_fit;
    if (s.has_fit) {
        s.fit_law = scaling::fitted_law(s.saved_fit);
        if (select) s.law = catalogue;
    } else if (s.law >= catalogue) {
        s.law = scaling::default_law_index();
    }
    ++s.law_revision;
    ++s.work_revision;
}

int law_count(const State& state) { return static_cast<int>(scaling::all_laws().size()) + (state.has_fit ? 1 : 0); }

scaling::Law law_at(const State& state, int index) {
    const auto& laws = scaling::all_laws();
    if (state.has_fit && index == static_cast<int>(laws.size())) return state.fit_law;
    scaling::Law law = laws[static_cast<size_t>(std::clamp(index, 0, static_cast<int>(laws.size()) - 1))];
    if (law.id == "custom") law.chinchilla = state.custom;
    if (law.kind == scaling::LawKind::DeepSeek) law.m_over_n = state.m_over_n;
    return law;
}

// The budget starts at Chinchilla's (assets/presets.csv); the custom law at the constants its
// catalogue line gives (assets/laws.jsonl: Sardana et al. 2024's); the projection's reference run is
// Grok 3's (assets/presets.csv). A data file that failed to load leaves its fields empty, and the
// view says why.
State::State() {
    if (const scaling::Preset* p = scaling::find_preset(scaling::kDefaultBudgetPreset)) set_budget(*this, p->flops);
    if (const scaling::Law* l = scaling::find_law("custom")) {
        custom = l->chinchilla;
        const double c[5] = {custom.E, custom.A, custom.B, custom.alpha, custom.beta};
        for (int k = 0; k < 5; ++k)
            std::snprintf(custom_text[k], sizeof custom_text[k], "%s", scaling::format_shortest(c[k]).c_str());
    }
    if (const scaling::Preset* p = scaling::find_preset(scaling::kGrok3Preset))
        scenarios.reference_flops.text = scaling::format_shortest(p->flops);
}

void set_budget(State& state, double flops) {
    state.flops = flops;
    state.budget_error.clear();
    std::snprintf(state.budget_text, sizeof state.budget_text, "%s", scaling::format_shortest(flops).c_str());
}

}  // namespace app
