// draws.hpp: joint draws of a Chinchilla-form law's five constants, one bootstrap refit each: the
// CSV format with its provenance header, its writer and validating reader, and the sets in assets/.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "laws.hpp"
#include "result.hpp"

namespace scaling {

struct DrawSet {
    std::vector<ChinchillaConstants> draws;  // one refit per resample, in resample order
    int runs = 0;            // runs the bootstrap resampled (each resample has as many)
    int resamples = 0;       // resamples refitted; draws holds all of them or the first ones
    std::uint64_t seed = 0;  // of the resampling (splitmix64, core/fit.cpp)
    int not_converged = 0;   // resamples whose refit stopped short of a minimum: kept in draws
};

// Significant digits each constant is written with. Measured on the Epoch file against the
// unrounded draws, at budgets 1e18-1e28 FLOP: 6 digits move no percentile of N_opt, D_opt,
// tokens/param or loss by more than 5e-5 (relative), 20x below the 1e-3 step of the three digits
// the views print and far below what a log axis shows; 5 digits move them up to 4e-4, 4 digits
// 2.5e-3 (a printed range changes). Rounding alpha and beta is amplified by log(C/6) / (alpha + beta),
// about 90 at 1e28, hence more digits than the constants' own precision. Size: 167 KB raw, 69 KB
// gzip; the web app fetches the file when a band is first needed, outside the first view's budget.
inline constexpr int kDrawDigits = 6;

// Every constant finite and greater than zero: what a draws file may hold and a band can use.
bool usable_draw(const ChinchillaConstants& c);

// The most draws a set may hold (the bootstrap's own limit, core/fit.cpp).
inline constexpr int kMaxDraws = 100000;

// The text: '#' lines first (provenance, free text, among them the four the reader requires:
// "# runs: N", "# resamples: N", "# seed: N", "# not converged: N"), then the header
// E,A,B,alpha,beta and one row per draw. `notes` become '#' lines before them.
std::string draws_csv(const DrawSet& set, const std::vector<std::string>& notes = {});

// Reads and checks a draws file: the four counts present once each, every constant a finite
// number > 0, no more rows than resamples. Errors name the file and line ("file:12: alpha: ...").
Result<DrawSet> parse_draws(std::string_view text, std::string_view file);

// The set of a draws file of assets/ (catalog.hpp), read and checked on first use. Fails naming
// the file when it does not load, or, where it is fetched (below), while it has not arrived yet.
Result<const DrawSet*> embedded_draws(std::string_view file);

// [Fetched] The web app does not compile the draws in: 167 KB would take its first view past the
// size budget (bench/sizes.sh). Its page fetches each file from beside the app when a band first
// asks for it (embedded_draws marks it wanted) and hands the text over; natively every file is
// compiled in and these find nothing to do.
std::vector<std::string> fetched_draws_files();  // not compiled in and not provided yet
std::vector<std::string> take_wanted_draws();    // of those, the ones asked for since the last call
// The fetched text (read and checked like the compiled-in one), or why it could not be fetched.
// Returns true when the file's set changed (bands computed before it should be redone).
bool provide_draws(std::string_view file, std::string_view text, std::string_view error = {});

// A law's draws: its own (My fit) or the embedded file its catalogue line names. Fails, saying
// why, for a law with neither or a file that does not load.
Result<const DrawSet*> law_draws(const Law& law);

}  // namespace scaling
