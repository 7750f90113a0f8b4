// fit_run.cpp: the Fit view's fit, started, stepped a slice per frame, recorded and restored.
#include "fit_run.hpp"

#include <algorithm>
#include <cmath>

#include "state.hpp"
#include "core/saved_work.hpp"

namespace app {
namespace {

double largest_flops(const std::vector<scaling::Run>& runs) {
    double m = 0;
    for (const scaling::Run& r : runs) m = std::max(m, r.flops);
    return m;
}

}  // namespace

scaling::ColumnMap column_map(const State& s) {
    return {s.fit_columns[0], s.fit_columns[1], s.fit_columns[2], s.fit_columns[3]};
}

bool FitRun::start(const State& s, std::string* error) {
    const scaling::Result<scaling::RunTable> t = scaling::parse_runs(s.fit_text, column_map(s));
    if (!t.ok()) {
        *error = t.error;
        return false;
    }
    if (s.fit_exclude < 0 || s.fit_exclude > static_cast<int>(t.value.runs.size()) - 5) {
        *error = "Leaving out " + std::to_string(s.fit_exclude) + " runs would leave fewer than 5";
        return false;
    }
    if (s.fit_bootstrap != 0 && (s.fit_bootstrap < 10 || s.fit_bootstrap > 100000)) {
        *error = "Bootstrap resamples must be 0 or 10 to 100,000";
        return false;
    }
    runs_ = scaling::exclude_top_losses(t.value.runs, s.fit_exclude);
    max_flops_ = largest_flops(runs_);
    job_ = std::make_unique<scaling::FitJob>(runs_, s.fit_bootstrap);
    held_done_ = false;
    backtest_done_ = false;
    text_hash_ = scaling::text_fingerprint(s.fit_text);
    exclude_ = s.fit_exclude;
    recorded_ = false;
    return true;
}

void FitRun::step(State& s) {
    if (s.fit_restore_pending) {
        s.fit_restore_pending = false;
        restore(s);
    }
    if (running()) {
        // A slice of work per frame, sized from what the rest of a frame costs (drawing, presenting,
        // the browser's own work): four times that, between 50 and 250 ms, so at least 80% of the
        // time goes to the fit while the progress bar and Cancel stay live. A GPU browser draws in
        // a millisecond or two (50 ms slices); headless Chromium on SwiftShader takes tens.
        using clock = std::chrono::steady_clock;
        const auto t0 = clock::now();
        const double frame_ms = std::chrono::duration<double, std::milli>(t0 - last_start_).count();
        const double overhead_ms = frame_ms - last_work_ms_;
        const double slice_ms = overhead_ms > 0 && overhead_ms < 1000 ? std::clamp(4 * overhead_ms, 50.0, 250.0) : 100.0;
        while (job_->step(5) && std::chrono::duration<double, std::milli>(clock::now() - t0).count() < slice_ms) {
        }
        last_start_ = t0;
        last_work_ms_ = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
    }
    if (job_ && job_->done() && !recorded_ && job_->fit().ok()) record(s);
}

const scaling::Result<scaling::HeldOut>& FitRun::held_out() {
    if (!held_done_ && job_ && job_->fit().ok()) {
        held_ = scaling::held_out_check(runs_, job_->fit().value);
        held_done_ = true;
    }
    return held_;
}

const scaling::Result<scaling::Backtest>& FitRun::backtest() {
    if (!backtest_done_ && job_ && job_->fit().ok()) {
        backtest_ = scaling::leave_one_budget_out(runs_, job_->fit().value);
        backtest_done_ = true;
    }
    return backtest_;
}

// A finished fit goes into the state: saved with the user's work, and "My fit" follows it.
void FitRun::record(State& s) {
    scaling::SavedFit f;
    f.result = job_->fit().value;
    f.runs_used = static_cast<int>(runs_.size());
    if (job_->intervals().ok()) {
        f.has_intervals = true;
        f.intervals = job_->intervals().value;
        f.draws = scaling::draws_to_keep(f.intervals, f.runs_used);  // My fit's band
        f.intervals.fits.clear();  // the summary and the draws are kept, not every fit's report
    }
    f.min_flops = INFINITY;
    for (const scaling::Run& r : runs_) f.min_flops = std::min(f.min_flops, r.flops);
    f.max_flops = max_flops_;
    f.text_hash = text_hash_;
    f.exclude = exclude_;
    s.saved_fit = f;
    s.has_saved_fit = true;
    if (s.has_fit) use_fit(s, true, false);
    ++s.work_revision;
    recorded_ = true;
}

// After a reload: the saved fit's results are shown again without refitting, when the runs table
// is the one it was fitted on (else only "My fit" comes back, and the table waits for a new fit).
void FitRun::restore(const State& s) {
    job_.reset();
    runs_.clear();
    max_flops_ = 0;
    text_hash_ = 0;
    exclude_ = 0;
    recorded_ = false;
    held_done_ = false;
    backtest_done_ = false;
    const scaling::SavedFit& f = s.saved_fit;
    if (!s.has_saved_fit || scaling::text_fingerprint(s.fit_text) != f.text_hash) return;
    const scaling::Result<scaling::RunTable> t = scaling::parse_runs(s.fit_text, column_map(s));
    if (!t.ok() || f.exclude > static_cast<int>(t.value.runs.size())) return;
    std::vector<scaling::Run> runs = scaling::exclude_top_losses(t.value.runs, f.exclude);
    if (static_cast<int>(runs.size()) != f.runs_used) return;
    runs_ = std::move(runs);
    max_flops_ = largest_flops(runs_);
    job_ = std::make_unique<scaling::FitJob>(runs_, 0);
    job_->restore(f.result, f.has_intervals ? &f.intervals : nullptr);
    text_hash_ = f.text_hash;
    exclude_ = f.exclude;
    recorded_ = true;
}

}  // namespace app
