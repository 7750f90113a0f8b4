// draws.cpp: the draws files, written and read back with their checks, and the embedded sets.
#include "draws.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>
#include <optional>

#include "catalog.hpp"
#include "csv.hpp"
#include "runs.hpp"

namespace scaling {
namespace {

const std::vector<std::string> kColumns = {"E", "A", "B", "alpha", "beta"};

// "# key: 123 ..." -> 123 when the comment line names `key`; the text after the number is free.
// Returns 0 when the line is not about key, 1 when read, -1 when the number is malformed.
int read_count(std::string_view comment, std::string_view key, long long max, long long* out) {
    const size_t first = comment.find_first_not_of(" \t#");
    if (first == std::string_view::npos) return 0;
    comment.remove_prefix(first);
    if (comment.substr(0, key.size()) != key || comment.substr(key.size(), 1) != ":") return 0;
    comment.remove_prefix(key.size() + 1);
    while (!comment.empty() && (comment.front() == ' ' || comment.front() == '\t')) comment.remove_prefix(1);
    long long v = 0;
    size_t digits = 0;
    for (; digits < comment.size() && comment[digits] >= '0' && comment[digits] <= '9'; ++digits) {
        const int d = comment[digits] - '0';
        if (v > (max - d) / 10) return -1;  // checked before it could overflow
        v = v * 10 + d;
    }
    if (digits == 0 || (digits < comment.size() && comment[digits] != ' ' && comment[digits] != '\r')) return -1;
    *out = v;
    return 1;
}

using embedded::kDrawsFiles;

}  // namespace

bool usable_draw(const ChinchillaConstants& c) {
    return std::isfinite(c.E + c.A + c.B + c.alpha + c.beta) && c.E > 0 && c.A > 0 && c.B > 0 && c.alpha > 0 && c.beta > 0;
}

std::string draws_csv(const DrawSet& set, const std::vector<std::string>& notes) {
    std::string out;
    for (const std::string& n : notes) out += "# " + n + "\n";
    out += "# runs: " + std::to_string(set.runs) + "\n";
    out += "# resamples: " + std::to_string(set.resamples) + "\n";
    out += "# seed: " + std::to_string(set.seed) + "\n";
    // Kept, not dropped: a resample whose descent could not finish is an outcome of the data, and
    // leaving it out would narrow the band toward the centre without saying so.
    out += "# not converged: " + std::to_string(set.not_converged) + " (kept among the rows)\n";
    out += "E,A,B,alpha,beta\n";
    char line[160];
    for (const ChinchillaConstants& c : set.draws) {
        std::snprintf(line, sizeof line, "%.*g,%.*g,%.*g,%.*g,%.*g\n", kDrawDigits, c.E, kDrawDigits, c.A, kDrawDigits,
                      c.B, kDrawDigits, c.alpha, kDrawDigits, c.beta);
        out += line;
    }
    return out;
}

Result<DrawSet> parse_draws(std::string_view text, std::string_view file) {
    using R = Result<DrawSet>;
    DrawSet set;
    // The counts, from the '#' lines before the header; each must appear exactly once.
    struct Wanted {
        const char* key;
        long long max;
        long long value = -1;
    } wanted[] = {{"runs", kMaxRuns}, {"resamples", kMaxDraws}, {"seed", std::numeric_limits<long long>::max()}, {"not converged", kMaxDraws}};
    for (LineReader r{text}; r.next();) {
        const size_t first = r.line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos) continue;
        if (r.line[first] != '#') break;  // the header: the counts come before it
        for (Wanted& w : wanted) {
            long long v = 0;
            const int got = read_count(r.line, w.key, w.max, &v);
            const std::string where = std::string(file) + ":" + std::to_string(r.number);
            if (got < 0) return R::fail(where + ": \"" + w.key + "\" must be a whole number from 0 to " + std::to_string(w.max));
            if (got > 0 && w.value >= 0) return R::fail(where + ": \"" + w.key + "\" is given twice");
            if (got > 0) w.value = v;
        }
    }
    for (const Wanted& w : wanted)
        if (w.value < 0) return R::fail(std::string(file) + ": missing the line \"# " + w.key + ": N\" before the header");
    set.runs = static_cast<int>(wanted[0].value);
    set.resamples = static_cast<int>(wanted[1].value);
    set.seed = static_cast<std::uint64_t>(wanted[2].value);
    set.not_converged = static_cast<int>(wanted[3].value);
    if (set.runs < 5) return R::fail(std::string(file) + ": \"runs\" must be at least 5 (a fit has five constants)");
    if (set.not_converged > set.resamples)
        return R::fail(std::string(file) + ": more resamples \"not converged\" than \"resamples\"");

    const Result<std::vector<CsvRow>> rows = read_csv(text, file, kColumns);
    if (!rows.ok()) return R::fail(rows.error);
    if (rows.value.size() > static_cast<size_t>(set.resamples))
        return R::fail(std::string(file) + ": " + std::to_string(rows.value.size()) + " draws, more than the " +
                       std::to_string(set.resamples) + " resamples it says it holds");
    set.draws.reserve(rows.value.size());
    for (const CsvRow& row : rows.value) {
        ChinchillaConstants c;
        const std::string at = std::string(file) + ":" + std::to_string(row.line);
        const std::string bad = read_numbers(row, kColumns, at,
                                             {{0, &c.E, true}, {1, &c.A, true}, {2, &c.B, true}, {3, &c.alpha, true},
                                              {4, &c.beta, true}});
        if (!bad.empty()) return R::fail(bad);
        set.draws.push_back(c);
    }
    return R::of(std::move(set));
}

namespace {

// Each file's state: parsed on first use (or when the page hands it over), and whether a band
// asked for it while it was not there yet.
struct State {
    std::optional<Result<DrawSet>> loaded;
    bool wanted = false;
};
State& state(size_t i) {
    static State states[std::size(kDrawsFiles)];
    return states[i];
}

}  // namespace

Result<const DrawSet*> embedded_draws(std::string_view file) {
    using R = Result<const DrawSet*>;
    for (size_t i = 0; i < std::size(kDrawsFiles); ++i) {
        if (file != kDrawsFiles[i].name) continue;
        State& st = state(i);
        // Read on first use, once: the laws load without it, and only a band pays for it.
        if (!st.loaded && *kDrawsFiles[i].text) st.loaded = parse_draws(*kDrawsFiles[i].text, "assets/" + std::string(file));
        if (!st.loaded) {
            st.wanted = true;
            return R::fail("the bootstrap draws (" + std::string(file) + ") are still loading", "law");
        }
        if (!st.loaded->ok()) return R::fail(st.loaded->error, "law");
        return R::of(&st.loaded->value);
    }
    return R::fail("no draws file \"" + std::string(file) + "\" is known", "law");
}

std::vector<std::string> fetched_draws_files() {
    std::vector<std::string> out;
    for (size_t i = 0; i < std::size(kDrawsFiles); ++i)
        if (!*kDrawsFiles[i].text && !state(i).loaded) out.push_back(kDrawsFiles[i].name);
    return out;
}

std::vector<std::string> take_wanted_draws() {
    std::vector<std::string> out;
    for (size_t i = 0; i < std::size(kDrawsFiles); ++i) {
        State& st = state(i);
        if (st.wanted && !st.loaded) out.push_back(kDrawsFiles[i].name);
        st.wanted = false;
    }
    return out;
}

bool provide_draws(std::string_view file, std::string_view text, std::string_view error) {
    for (size_t i = 0; i < std::size(kDrawsFiles); ++i) {
        if (file != kDrawsFiles[i].name) continue;
        State& st = state(i);
        if (st.loaded && st.loaded->ok()) return false;  // the first good copy stays
        st.loaded = error.empty() ? parse_draws(text, file)
                                  : Result<DrawSet>::fail("could not fetch " + std::string(file) + ": " +
                                                          std::string(error) + " (reload the page to try again)");
        return true;
    }
    return false;
}

Result<const DrawSet*> law_draws(const Law& law) {
    if (law.own_draws) return Result<const DrawSet*>::of(law.own_draws.get());
    if (!law.draws_file.empty()) return embedded_draws(law.draws_file);
    return Result<const DrawSet*>::fail("law " + law.id + " has no bootstrap draws", "law");
}

}  // namespace scaling
