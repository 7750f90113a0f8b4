// bootstrap_draws.cpp: writes a bootstrap's joint draws (E, A, B, alpha, beta, one refit per row)
// with their provenance, using the core's own fit; scripts/make-bootstrap-draws runs it for assets/.
//   build/native/bin/bench_bootstrap_draws RUNS.csv --exclude-top K --resamples R --seed S [--note TEXT]...
// Each --note becomes a '#' line of the header (where RUNS.csv comes from, the command).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/draws.hpp"
#include "core/fit.hpp"
#include "core/runs.hpp"

namespace {

int usage(const char* why) {
    std::fprintf(stderr, "bench_bootstrap_draws: %s\nusage: bench_bootstrap_draws RUNS.csv --exclude-top K "
                         "--resamples R --seed S [--note TEXT]...\n", why);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string path;
    int exclude = -1, resamples = 0;
    std::uint64_t seed = 0;
    bool have_seed = false;
    std::vector<std::string> notes;
    for (int i = 1; i < argc; ++i) {
        const bool more = i + 1 < argc;
        if (!std::strcmp(argv[i], "--exclude-top") && more) exclude = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--resamples") && more) resamples = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--seed") && more) seed = std::strtoull(argv[++i], nullptr, 10), have_seed = true;
        else if (!std::strcmp(argv[i], "--note") && more) notes.push_back(argv[++i]);
        else if (argv[i][0] != '-' && path.empty()) path = argv[i];
        else return usage((std::string("unknown argument ") + argv[i]).c_str());
    }
    // Every choice that shapes the draws is given on the command line (and so recorded by the
    // script that runs it), none defaulted here.
    if (path.empty() || exclude < 0 || resamples <= 0 || !have_seed) return usage("missing arguments");
    std::ifstream f(path, std::ios::binary);
    if (!f) return usage(("cannot read " + path).c_str());
    std::stringstream text;
    text << f.rdbuf();
    const auto table = scaling::parse_runs(text.str());
    if (!table.ok()) return usage(table.error.c_str());
    if (!table.value.rejected.empty()) return usage("the runs file has rows that do not parse");
    const std::vector<scaling::Run> runs = scaling::exclude_top_losses(table.value.runs, exclude);
    const auto best = scaling::fit_chinchilla(runs);
    if (!best.ok()) return usage(best.error.c_str());
    if (!best.value.convergence.converged()) return usage("the full fit did not reach a minimum");
    const auto boot = scaling::bootstrap(runs, best.value, resamples, seed);
    if (!boot.ok()) return usage(boot.error.c_str());

    scaling::DrawSet set;
    set.runs = static_cast<int>(runs.size());
    set.resamples = resamples;
    set.seed = seed;
    set.not_converged = boot.value.not_converged;
    for (const scaling::FitResult& r : boot.value.fits) {
        // Every resample is kept (the file says how many did not converge); one that ran off to a
        // non-finite constant could not be written and read back, so it stops the generator instead.
        if (!scaling::usable_draw(r.c)) return usage("a resample's refit has a non-finite or non-positive constant");
        set.draws.push_back(r.c);
    }
    const scaling::ChinchillaConstants& c = best.value.c;
    char full[200];
    std::snprintf(full, sizeof full, "full fit of the %d runs: E %.6g, A %.6g, B %.6g, alpha %.6g, beta %.6g", set.runs,
                  c.E, c.A, c.B, c.alpha, c.beta);
    notes.push_back("method: " + std::to_string(table.value.runs.size()) + " runs, the " + std::to_string(exclude) +
                    " highest losses left out; Huber loss (delta 1e-3) of log-residuals fitted by L-BFGS from the "
                    "4,500-start grid and finished by Newton steps (core/fit.cpp, fit_chinchilla); each resample "
                    "draws as many runs with replacement and is refitted from the full fit's optimum (bootstrap)");
    notes.push_back(full);
    notes.push_back("each row: one resample's refit, in resample order; constants to " +
                    std::to_string(scaling::kDrawDigits) + " significant digits (core/draws.hpp, kDrawDigits)");
    std::fputs(scaling::draws_csv(set, notes).c_str(), stdout);
    std::fprintf(stderr, "%d resamples of %zu runs (seed %llu): %d not converged, kept\n", resamples, runs.size(),
                 static_cast<unsigned long long>(seed), set.not_converged);
    return 0;
}
