// fit_run.hpp: the Fit view's fit as a job the app owns. The view starts and cancels it and reads
// its progress and results; app::frame steps it once a frame, before the views draw, so a fit of
// seconds spreads over frames while the progress bar and Cancel stay live.
#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/fit.hpp"
#include "core/runs.hpp"

namespace app {

struct State;

// How the state's column choices read the runs table ("" recognise by name, "-" not in the table).
scaling::ColumnMap column_map(const State& state);

class FitRun {
public:
    // Starts a fit of the state's runs with its options; false with `error` set when they cannot
    // be fitted (a table that does not parse, too few runs left, a bootstrap count out of range).
    bool start(const State& state, std::string* error);
    void cancel() { job_.reset(); }
    // One frame's slice of work. A fit that finishes is recorded into the state (saved with the
    // user's work; "My fit" follows it). Saved work that was just loaded is shown again first.
    void step(State& state);

    bool running() const { return job_ && !job_->done(); }
    const scaling::FitJob* job() const { return job_.get(); }  // null before any fit
    const std::vector<scaling::Run>& runs() const { return runs_; }  // the runs fitted
    double max_flops() const { return max_flops_; }  // largest compute in the data: extrapolation is judged against it
    bool recorded() const { return recorded_; }      // the result is the state's saved fit
    // The held-out check of the finished fit: computed when first asked (a refit, not free).
    const scaling::Result<scaling::HeldOut>& held_out();
    // Leave one budget out (core/fit.hpp): the same, one refit per budget.
    const scaling::Result<scaling::Backtest>& backtest();

private:
    void record(State& state);
    void restore(const State& state);

    std::unique_ptr<scaling::FitJob> job_;
    std::vector<scaling::Run> runs_;
    double max_flops_ = 0;
    std::uint64_t text_hash_ = 0;  // of the runs text the fit started from
    int exclude_ = 0;
    bool recorded_ = false;
    bool held_done_ = false;
    scaling::Result<scaling::HeldOut> held_ = scaling::Result<scaling::HeldOut>::fail("");
    bool backtest_done_ = false;
    scaling::Result<scaling::Backtest> backtest_ = scaling::Result<scaling::Backtest>::fail("");
    // The last slice: when it started and how long it worked, to size the next from the frame's cost.
    std::chrono::steady_clock::time_point last_start_;
    double last_work_ms_ = 0;
};

}  // namespace app
