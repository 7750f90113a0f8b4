// views.hpp: one function per view of the explorer; each draws into the current window.
#pragma once
#include "fonts.hpp"
#include "platform.hpp"
#include "state.hpp"
#include "core/caveats.hpp"
#include "core/laws.hpp"
#include "core/self_consistency.hpp"

namespace views {

// Budget in, compute-optimal (N, D, loss) out for the chosen law, and every law side by side.
void allocator(app::State& state, const app::Fonts& fonts);

// Every law at the budget with ranges and rules of thumb (the Compare view).
void compare(app::State& state, const app::Fonts& fonts);

// The table of every law at the budget; `full` adds 95% ranges, sources and the rules of thumb.
void law_table(app::State& state, const app::Fonts& fonts, float width, bool full);

// The gallery of real models, sortable, against the chosen law.
void models(app::State& state, const app::Fonts& fonts);

// The gallery as points on a figure: (C, N_active) on the frontier, (N_active, D) on the landscape;
// hover shows each model's name and its over-training factor against `law`.
void models_overlay(const scaling::Law& law, bool on_landscape);

// Hardware budgets (FLOP <-> GPUs x days x MFU <-> dollars) and memory to train and serve.
void budget(app::State& state, const app::Fonts& fonts);

// Lifetime cost of training plus serving: the lifetime optimum, break-even, over-training.
void lifetime(app::State& state, const app::Fonts& fonts);

// Fit your own runs: paste CSV/TSV, fit with Huber/L-BFGS and a bootstrap over frames, residuals.
// The platform opens a file of runs and takes the saved work as a file.
void fit(app::State& state, const app::Fonts& fonts, const app::Platform& platform);

// Kaplan et al. 2020's L(N), L(D), L(C_min) on log-log axes, and the loss-vs-compute exponent with
// and without the irreducible term on the law's frontier (issue 19).
void kaplan(app::State& state, const app::Fonts& fonts);

// Beyond the Chinchilla frontier: training on repeated data (Muennighoff et al. 2023),
// test-time compute (pass@k, majority vote, Snell et al. 2024), emergence as a metric artefact
// (Schaeffer et al. 2023), fine-tuning saturation and transfer (Hernandez et al. 2021).
void data(app::State& state, const app::Fonts& fonts);
void test_time(app::State& state, const app::Fonts& fonts);
void emergence(app::State& state, const app::Fonts& fonts);
void fine_tuning(app::State& state, const app::Fonts& fonts);
// What-if: k x compute grown data-driven or model-driven (data capped), and projections of compute
// as raw and mixture-of-experts dense-equivalent FLOP.
void scenarios(app::State& state, const app::Fonts& fonts);
// Where to spend the next FLOP: 10x pretraining compute against 10x samples per question, at equal
// total FLOP, with the published rankings as claims.
void next_flop(app::State& state, const app::Fonts& fonts);
// RL and distillation (issue 19): the cost of RL post-training with sampled groups (GRPO) and of
// distilling through a teacher's generated data, with the rankings and findings in circulation beside them.
void post_training(app::State& state, const app::Fonts& fonts);

// Economics. Serving: decode and prefill speed on a roofline, the batch the KV cache allows, GPUs
// with tensor parallelism, $ per million tokens; and a mixture of experts' total and active size.
void serving(app::State& state, const app::Fonts& fonts);
// A router's task mix: request classes with their shares, tokens and models, blended cost and latency.
void router(app::State& state, const app::Fonts& fonts);
// Total cost of ownership: training plus serving, break-even, and the payback of over-training.
void tco(app::State& state, const app::Fonts& fonts);
// Capital expenditure to FLOP: a system's cost and year -> accelerators, FLOP/s, a training run's FLOP.
void capex(app::State& state, const app::Fonts& fonts);

// Downstream-task extrapolation (issue 20): your scores at a few sizes -> a larger size, and the size
// a target needs.
void task(app::State& state, const app::Fonts& fonts);
// Sweep designer (issue 20): an IsoFLOP sweep for a study budget in the manner of Chinchilla's
// Approach 2, its runs as CSV (through the platform), and its results fitted by Approaches 2 and 3.
void design(app::State& state, const app::Fonts& fonts, const app::Platform& platform);
// Evidence (issue 20). Claims in circulation, each checked against the chosen law: a verdict by a stated rule.
void claims(app::State& state, const app::Fonts& fonts);

// N_opt(C) and D_opt(C) for every law over 1e18..1e28 FLOP, the spread between laws, tokens/param.
void frontier(app::State& state, const app::Fonts& fonts);

// Loss against N along iso-FLOP curves around the budget (Hoffmann et al. 2022, Fig. 3).
void iso_flop(app::State& state, const app::Fonts& fonts);

// L(N, D) as a heatmap with contours, iso-FLOP lines and the efficient frontier (their Fig. 4).
void landscape(app::State& state, const app::Fonts& fonts);

// The colour of law i in every figure.
unsigned int law_color(int index);

// A figure's height for `width`: the room left on screen above `caption_lines` of text, at most
// width x aspect, at least 16 em.
float figure_height(float width, float aspect, float caption_lines);
// Whether figures may grow to fill the screen (not when embedded: see figure_height).
void set_fill_screen(bool fill, float screen_h);
// A phone-sized screen (narrower than 40 em, where the app shows its view list instead of tabs):
// there figures take at least 40% of the screen's height and answers come before their inputs.
bool phone_screen();

// A value in a table cell (number_cell moves to the next column first): one line, never wrapped,
// since a number broken over lines misreads ("1." over "92"); dim for ranges and secondary values.
// Recorded for tests as "num:<table>:<row>:<column>[:<line>]" (its text) and "room:..." (its width
// and the width its column gives it), so a test finds any value its column cuts.
// Reads fields as controls::number_rows does, without drawing them: a view that shows its answer
// above its inputs computes it first. True when all are valid; values[i] is field i's number.
bool read_fields(app::Field* const* fields, int count, double* values);

void number_cell(const char* table, const std::string& text, bool dim = false);
void number_text(const char* table, const std::string& text, bool dim = false, int line = 0);

// The plurality vote (core/self_consistency.hpp), cached on its inputs: summed exactly it takes up to
// a few hundred milliseconds at a thousand samples, too long to repeat every frame.
const scaling::Vote& plurality_vote(double p, int k, int wrong_answers, double skew);

// True when the law predicts a loss; otherwise writes why `figure` cannot be drawn and returns false.
bool law_has_loss_or_say_so(const scaling::Law& law, const char* figure);

// An answer's caveats (core/caveats.hpp) as the CLI and the JSON give them: each warning in the
// warning colour, recorded for tests under `name`. With `skip_extrapolation`, the extrapolation's
// sentence is left out (the view says it another way, e.g. a marked row).
void caveats(const scaling::Caveats& c, const char* name, bool skip_extrapolation = false);

}  // namespace views
