// saved_work.hpp: what a user made and must not lose on a reload: the pasted runs as typed, the
// column mapping and fit options, the custom law's constants, and the last fit (its constants,
// intervals and range, and whether it is in use as "My fit"). One versioned JSON document: the web
// entry keeps it in localStorage, and the Fit view saves and opens it as a file.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "fit.hpp"
#include "laws.hpp"
#include "result.hpp"

namespace scaling {

// The schema's version: a document with another one is set aside with a notice, not guessed at.
inline constexpr int kSavedWorkVersion = 1;
// The key under which the browser keeps it.
inline constexpr const char* kSavedWorkKey = "scaling-explorer.work.v1";

struct SavedFit {
    FitResult result;               // constants, objective, starts, allocation exponents, convergence
    bool has_intervals = false;
    BootstrapResult intervals;      // when has_intervals: the bootstrap's summary (its fits are not kept)
    int runs_used = 0;
    double min_flops = 0, max_flops = 0;  // the compute the runs spanned: the law's valid range
    std::uint64_t text_hash = 0;    // of the runs text it was fitted on (is the table still the same?)
    int exclude = 0;                // highest-loss runs left out
    bool in_use = false;            // chosen as "My fit" in every view
};

struct SavedWork {
    std::string runs_text;
    std::string columns[4];         // N, D, C, loss: "" recognise by name, "-" not in the table
    int exclude = 0;
    int bootstrap = 1000;
    std::string custom[5];          // the custom law's E, A, B, alpha, beta as typed ("" = default)
    bool has_fit = false;
    SavedFit fit;
    // The settings on screen (view, budget, law and the view's inputs) as a permalink query, so a
    // visit without a link, or an imported file, comes back to them. "" = none (older documents).
    std::string settings;
};

std::string saved_work_json(const SavedWork& work);

// Reads a document back, checking every field (types, ranges, finite constants); errors say what
// is wrong so the app can set the entry aside and tell the user.
Result<SavedWork> parse_saved_work(std::string_view text);

// FNV-1a: a fingerprint of the runs text, to tell whether a saved fit belongs to it.
std::uint64_t text_fingerprint(std::string_view text);

// The fitted law as the catalogue's laws look: id "my-fit", its runs' compute as the valid range
// (so predictions beyond it are marked), its bootstrap intervals as its band.
Law fitted_law(const SavedFit& fit);

}  // namespace scaling
