// saved_work.hpp: what a user made and must not lose on a reload: the pasted runs as typed, the
// column mapping and fit options, the custom law's constants, and the last fit (its constants,
// intervals and range, and whether it is in use as "My fit"). One versioned JSON document: the web
// entry keeps it in localStorage, and the Fit view saves and opens it as a file.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "draws.hpp"
#include "fit.hpp"
#include "laws.hpp"
#include "result.hpp"

namespace scaling {

// The schema's version: a document with another one is set aside with a notice, not guessed at.
inline constexpr int kSavedWorkVersion = 1;
// The key under which the browser keeps it.
inline constexpr const char* kSavedWorkKey = "scaling-explorer.work.v1";

// The most bootstrap draws kept with a fit, for its band: the first ones when it ran more (each
// resample is independent, so they are a bootstrap of their own). 4,000 is what Besiroglu et al.
// 2024 used and the Epoch band has; at about 40 bytes a draw they take 160 KB of the saved work,
// where 100,000 would take 4 MB of the 5 MB or so a browser keeps per site.
inline constexpr int kMaxSavedDraws = 4000;

struct SavedFit {
    FitResult result;               // constants, objective, starts, allocation exponents, convergence
    bool has_intervals = false;
    BootstrapResult intervals;      // when has_intervals: the bootstrap's summary (its fits are not kept)
    // The bootstrap's joint draws (up to kMaxSavedDraws), My fit's band. Null without a bootstrap,
    // for a fit from a link and for documents saved before draws were kept: then no band, and
    // fitted_law says why. Shared: SavedFit and the laws made from it are copied often.
    std::shared_ptr<const DrawSet> draws;
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

// The joint draws to keep from a bootstrap of `runs` runs: the first kMaxSavedDraws refits with
// finite, positive constants.
std::shared_ptr<const DrawSet> draws_to_keep(const BootstrapResult& boot, int runs);

// The fitted law as the catalogue's laws look: id "my-fit", its runs' compute as the valid range
// (so predictions beyond it are marked), its bootstrap intervals, and its draws as its band (or,
// without them, why it has none).
Law fitted_law(const SavedFit& fit);

}  // namespace scaling
