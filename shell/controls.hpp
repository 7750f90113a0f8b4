// controls.hpp: the inputs every view shares: the FLOP budget (typed or on a log slider) and the
// law picker. They edit app::State, so every view and figure moves together.
#pragma once
#include <string>
#include <vector>

#include "fonts.hpp"
#include "state.hpp"

namespace controls {

// The typed budget: suffixes accepted; a bad entry keeps its text and shows why underneath.
void budget_input(app::State& state, float width);
// The log slider, 1e18..1e28 FLOP, with its end labels.
void budget_slider(app::State& state, const app::Fonts& fonts, float width);
// Buttons for budgets of published runs.
void budget_presets(app::State& state, float width);
// A combo over `options` named `name` (a screen reader's label; `id` is ImGui's), current first;
// `tips[i]` (optional) a tooltip per option, `help` one for the closed combo. The index chosen (by
// the pointer, or by the DOM's select), else `current`.
// `probe` (optional) names each open option's rect for tests: probe + option.
int combo(const char* id, const std::string& name, const std::vector<std::string>& options, int current, float width,
          const std::vector<std::string>* tips, const char* help, const char* probe = nullptr);
// The law combo (names; the citation is a tooltip).
void law_combo(app::State& state, float width);

// Under the law combo: the custom law's constants, or DeepSeek's M/N, when that law is chosen.
void law_settings(app::State& state, float width);

// A field bound to its descriptor: the label above it, the help as the label's tooltip, the link
// key as its probe name. True when edited.
bool number_field(app::Field& field, float width, const char* hint = "");

// A row of fields, `per_row` to a line, each read against its descriptor (an optional one left
// empty reads as its fallback); a refused one keeps its text and its sentence, the CLI's, goes
// under the row ("Label: why"). values[i] is field i's number when valid; true when all are, so
// the view knows whether to compute.
bool number_rows(app::Field* const* fields, int count, int per_row, double* values);

// A combo over a choice field's names (core/inputs.hpp: choices), choice i shown as `shown[i]`
// (a GPU's name) or, without `shown`, as its id in capitals ("BF16"). True when changed.
bool choice_combo(app::Field& field, const char* id, float width, const std::vector<std::string>* shown = nullptr);
// The same under its label (dim, as number fields' labels), as a group `width` wide.
bool labelled_choice(app::Field& field, const char* id, float width, const std::vector<std::string>* shown = nullptr);
// The accelerators' names, in the catalogue's order (the GPU choices' `shown`).
const std::vector<std::string>& gpu_names();

// A compact strip for the figure views: budget field, slider and law on one row when wide,
// stacked when narrow.
void figure_toolbar(app::State& state, const app::Fonts& fonts);

}  // namespace controls
