// controls.hpp: the inputs every view shares: the FLOP budget (typed or on a log slider) and the
// law picker. They edit app::State, so every view and figure moves together.
#pragma once
#include "app.hpp"

namespace controls {

// The typed budget: suffixes accepted; a bad entry keeps its text and shows why underneath.
void budget_input(app::State& state, float width);
// The log slider, 1e18..1e28 FLOP, with its end labels.
void budget_slider(app::State& state, const app::Fonts& fonts, float width);
// Buttons for budgets of published runs.
void budget_presets(app::State& state, float width);
// The law combo (names; the citation is a tooltip).
void law_combo(app::State& state, float width);

// Under the law combo: the custom law's constants, or DeepSeek's M/N, when that law is chosen.
void law_settings(app::State& state, float width);

// A labelled text field for a number (suffixes allowed); true when edited. `name` is its probe name.
bool number_field(const char* label, char* buf, size_t size, float width, const char* name, const char* hint = "");

// A row of labelled number fields, `per_row` to a line, each parsed (suffixes allowed) and checked
// against [lo, hi]; a bad one keeps its text and says why under the row. all_ok() tells the view
// whether to compute. Used by the views beyond pretraining, whose inputs are all numbers.
struct NumberSpec {
    const char* label;
    char* buf;
    size_t size;
    const char* name;   // probe name, as the permalink key
    double lo, hi;      // accepted range, inclusive
    bool whole = false; // a whole number (samples, tokens of an answer)
    bool optional = false; // may be left empty: then valid, with value 0
    double value = 0;   // out: the parsed value when valid
};
bool number_rows(NumberSpec* specs, int count, int per_row);

// A compact strip for the figure views: budget field, slider and law on one row when wide,
// stacked when narrow.
void figure_toolbar(app::State& state, const app::Fonts& fonts);

}  // namespace controls
