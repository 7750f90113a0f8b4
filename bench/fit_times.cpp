// fit_times.cpp: the fit of your own runs, timed natively: the 4,500-start Huber/L-BFGS fit and a
// 1,000-resample bootstrap on a runs file (default: the shared Chinchilla data, 5 highest losses
// left out as Epoch did). Prints the optimum with its objective to 15 digits and how its descent
// converged, for bench/fit-compare.sh to set beside scipy's. Asserts nothing.
//   build/native/bin/bench_fit_times [FILE] [--exclude-top K] [--max-flops C] [--bootstrap N] [--repeat R]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/fit.hpp"
#include "core/runs.hpp"

int main(int argc, char** argv) {
    std::string path = "../shared/data/chinchilla-fig4-epoch2024.csv";
    int exclude = 5, resamples = 1000, repeat = 3;
    double max_flops = INFINITY;  // keep the runs at or below this compute (a flatter subset)
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--exclude-top") && i + 1 < argc) exclude = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--bootstrap") && i + 1 < argc) resamples = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--max-flops") && i + 1 < argc) max_flops = std::atof(argv[++i]);
        else path = argv[i];
    }
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        std::fprintf(stderr, "bench_fit_times: cannot read %s\n", path.c_str());
        return 2;
    }
    std::stringstream text;
    text << f.rdbuf();
    const auto table = scaling::parse_runs(text.str());
    if (!table.ok()) {
        std::fprintf(stderr, "bench_fit_times: %s\n", table.error.c_str());
        return 2;
    }
    std::vector<scaling::Run> runs;
    for (const scaling::Run& r : scaling::exclude_top_losses(table.value.runs, exclude))
        if (r.flops <= max_flops) runs.push_back(r);
    using clock = std::chrono::steady_clock;
    auto seconds = [](clock::time_point a, clock::time_point b) { return std::chrono::duration<double>(b - a).count(); };
    std::vector<double> fit_s, boot_s;
    int not_converged = 0;  // bootstrap resamples still descending when stopped
    scaling::Result<scaling::FitResult> best = scaling::Result<scaling::FitResult>::fail("");
    for (int r = 0; r < repeat; ++r) {
        const auto t0 = clock::now();
        best = scaling::fit_chinchilla(runs);
        const auto t1 = clock::now();
        if (!best.ok()) {
            std::fprintf(stderr, "bench_fit_times: %s\n", best.error.c_str());
            return 1;
        }
        fit_s.push_back(seconds(t0, t1));
        if (resamples > 0) {
            const auto b = scaling::bootstrap(runs, best.value, resamples);
            boot_s.push_back(seconds(t1, clock::now()));
            if (b.ok()) not_converged = b.value.not_converged;
        }
    }
    std::sort(fit_s.begin(), fit_s.end());
    std::sort(boot_s.begin(), boot_s.end());
    const scaling::FitResult& r = best.value;
    std::printf("native fit, %d starts on %zu runs: median %.3f s of %d; objective %.15g; E %.5g A %.5g B %.5g "
                "alpha %.5g beta %.5g\n",
                r.starts, runs.size(), fit_s[fit_s.size() / 2], repeat, r.objective, r.c.E, r.c.A, r.c.B, r.c.alpha,
                r.c.beta);
    const scaling::Convergence& c = r.convergence;
    std::printf("native convergence: %s; best start stopped by %s after %d iterations and %d Newton steps, gradient "
                "norm %.2g, a Newton step gains %.2g; %d of %d starts capped\n",
                c.converged() ? "converged" : "NOT converged", scaling::stop_name(c.stop), c.iterations, c.newton_steps,
                c.gradient_norm, c.newton_gain, c.capped, r.starts);
    if (!boot_s.empty())
        std::printf("native bootstrap, %d resamples: median %.3f s; %d still descending when stopped\n", resamples,
                    boot_s[boot_s.size() / 2], not_converged);
    // The same work as the Fit view does it: a FitJob stepped in slices.
    const auto t0 = clock::now();
    scaling::FitJob job(runs, resamples);
    while (job.step(5)) {
    }
    std::printf("native FitJob (grid + %d resamples in slices of 5): %.3f s\n", resamples, seconds(t0, clock::now()));
    return 0;
}
