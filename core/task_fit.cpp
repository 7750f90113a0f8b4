// task_fit.cpp: downstream-task extrapolation (task_fit.hpp): reading the points, the line fit in
// the form's coordinates, its inverse, the leave-one-out range and the warnings.
#include "task_fit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "csv.hpp"
#include "fit.hpp"  // kExtrapolationFactor
#include "quantity.hpp"

namespace scaling {
namespace {

bool separator(char c) { return c == ',' || c == ';' || c == ':' || c == ' ' || c == '\t' || c == '\r'; }

// The line's cells, split by any separator.
std::vector<std::string_view> cells(std::string_view line) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && separator(line[i])) ++i;
        size_t j = i;
        while (j < line.size() && !separator(line[j])) ++j;
        if (j > i) out.push_back(line.substr(i, j - i));
        i = j;
    }
    return out;
}

// A score as a fraction; "60%" is 0.6.
Result<double> read_score(std::string_view cell) {
    const bool percent = !cell.empty() && cell.back() == '%';
    Result<double> v = parse_quantity(percent ? cell.substr(0, cell.size() - 1) : cell);
    if (!v.ok()) return v;
    if (percent) v.value /= 100;
    if (!(v.value >= 0 && v.value <= 1))
        return Result<double>::fail("must be a fraction from 0 to 1, or a percentage (60% or 0.6)");
    return v;
}

std::string at_line(int line) { return "line " + std::to_string(line) + ": "; }

// The form's y for a score; false when the form has none (error: s = 1; sigmoid: s <= c or s = 1).
bool to_y(TaskForm form, double chance, double score, double* y) {
    if (form == TaskForm::Error) {
        if (score >= 1) return false;
        *y = std::log1p(-score);
        return true;
    }
    const double u = (score - chance) / (1 - chance);
    if (!(u > 0 && u < 1)) return false;
    *y = std::log(u / (1 - u));
    return true;
}

double from_y(TaskForm form, double chance, double y) {
    if (form == TaskForm::Error) return 1 - std::exp(y);
    return chance + (1 - chance) / (1 + std::exp(-y));
}

std::string score_text(double s) { return format_percent(s, 1); }

}  // namespace

const char* task_form_name(TaskForm form) { return form == TaskForm::Error ? "error" : "sigmoid"; }

Result<std::vector<TaskPoint>> parse_task_points(std::string_view text, const char* field) {
    using R = Result<std::vector<TaskPoint>>;
    std::vector<TaskPoint> out;
    bool first = true;
    for (LineReader r{text, 0, 0, {}}; r.next();) {
        const std::vector<std::string_view> c = cells(r.line);
        if (c.empty() || c.front().front() == '#') continue;
        // A header ("N,score", "params accuracy") is a first line with no number in it.
        if (first) {
            first = false;
            bool any_number = false;
            for (std::string_view x : c) any_number |= parse_quantity(x.back() == '%' ? x.substr(0, x.size() - 1) : x).ok();
            if (!any_number) continue;
        }
        if (c.size() % 2 != 0)
            return R::fail(at_line(r.number) + "points are pairs of size and score (7e9:0.60,13e9:0.70); this line has " +
                               std::to_string(c.size()) + " numbers",
                           field);
        for (size_t i = 0; i < c.size(); i += 2) {
            const Result<double> n = parse_positive(c[i], Unit::Params);
            if (!n.ok()) return R::fail(at_line(r.number) + "size " + quote_input(c[i]) + ": " + n.error, field);
            const Result<double> s = read_score(c[i + 1]);
            if (!s.ok()) return R::fail(at_line(r.number) + "score " + quote_input(c[i + 1]) + ": " + s.error, field);
            if (out.size() == static_cast<size_t>(kMaxTaskPoints)) return R::fail("takes at most 1000 points", field);
            out.push_back({n.value, s.value});
        }
    }
    if (out.size() < 2)
        return R::fail("needs at least 2 points (size:score), e.g. 7e9:0.60,13e9:0.70; one point fixes no slope", field);
    bool spread = false;
    for (const TaskPoint& p : out) spread |= p.params != out.front().params;
    if (!spread) return R::fail("needs points at 2 or more different sizes: every point is at the same size", field);
    return R::of(out);
}

Result<TaskFit> fit_task(const std::vector<TaskPoint>& points, TaskForm form, double chance) {
    double sx = 0, sy = 0, n = 0;
    std::vector<double> xs, ys;
    for (const TaskPoint& p : points) {
        double y = 0;
        if (!to_y(form, chance, p.score, &y)) continue;
        xs.push_back(std::log(p.params));
        ys.push_back(y);
        sx += xs.back();
        sy += y;
        ++n;
    }
    double sxx = 0, sxy = 0;
    for (size_t i = 0; i < xs.size(); ++i) {
        sxx += (xs[i] - sx / n) * (xs[i] - sx / n);
        sxy += (xs[i] - sx / n) * (ys[i] - sy / n);
    }
    if (n < 2 || !(sxx > 0))
        return Result<TaskFit>::fail(std::string("the ") + task_form_name(form) +
                                         " form has fewer than 2 points at different sizes to fit",
                                     "points");
    TaskFit f;
    f.form = form;
    f.chance = chance;
    f.points_used = static_cast<int>(n);
    f.b = sxy / sxx;
    f.a = sy / n - f.b * sx / n;
    f.A = std::exp(f.a);
    f.alpha = -f.b;
    f.k = f.b;
    f.x0 = f.b != 0 ? -f.a / f.b : std::numeric_limits<double>::quiet_NaN();
    return Result<TaskFit>::of(f);
}

double task_score(const TaskFit& f, double params) { return from_y(f.form, f.chance, f.a + f.b * std::log(params)); }

double task_size_for(const TaskFit& f, double score, std::string* why) {
    const auto no = [&](const std::string& reason) {
        if (why) *why = reason;
        return 0.0;
    };
    if (score >= 1) return no("a score of 1 is reached at no finite size: the fitted form only approaches it");
    if (f.form == TaskForm::Sigmoid && score <= f.chance)
        return no("a score at or below chance (" + score_text(f.chance) + ") is the sigmoid's floor, reached at no size");
    if (f.b == 0 || (f.form == TaskForm::Error ? f.b > 0 : f.b < 0))
        return no(f.form == TaskForm::Error ? "the fitted error rate does not fall as the model grows (alpha <= 0)"
                                            : "the fitted score does not rise as the model grows (k <= 0)");
    double y = 0;
    to_y(f.form, f.chance, score, &y);
    const double n = std::exp((y - f.a) / f.b);
    if (!std::isfinite(n) || n <= 0) return no("the size it needs is beyond what a double holds");
    return n;
}

Result<TaskFitResult> task_fit(const TaskFitInputs& in) {
    using R = Result<TaskFitResult>;
    if (!(in.chance >= 0 && in.chance < 1)) return R::fail("must be from 0 to just below 1", "chance");
    if (in.target > 1) return R::fail("must be a score from 0 to 1", "target");
    if (in.points.size() < 2) return R::fail("needs at least 2 points", "points");
    TaskFitResult r;
    std::vector<TaskPoint> used;
    for (const TaskPoint& p : in.points) {
        r.largest_params = std::max(r.largest_params, p.params);
        const std::string where = "the point at " + format_count(p.params) + " (" + score_text(p.score) + ")";
        if (in.form == TaskForm::Error && p.score >= 1)
            return R::fail(where + ": the error form fits ln(1 - score), and an error of 0 has no logarithm; use the "
                                   "sigmoid form, or a score just below 1",
                           "points");
        if (p.score < in.chance)
            r.warnings.push_back(where + " is below chance (" + score_text(in.chance) +
                                 "): guessing would score higher; check the chance level or the measurement");
        double y = 0;
        if (!to_y(in.form, in.chance, p.score, &y)) {
            r.warnings.push_back("the sigmoid form leaves out " + where + ": " +
                                 (p.score >= 1 ? "a score of 1" : "a score at or below chance") + " has no logit");
            continue;
        }
        used.push_back(p);
    }
    const Result<TaskFit> full = fit_task(used, in.form, in.chance);
    if (!full.ok()) return R::fail(full.error, full.field);
    r.fit = full.value;
    if (r.fit.points_used < 3)
        r.warnings.push_back("only 2 points: a line through two points always fits them, so nothing tests the form, "
                             "and there is no interval");
    // Leave-one-out (jackknife) fits: deterministic, n of them, each still a proper fit when 3+
    // points are at 3+ sizes. A bootstrap of 3-5 points would often draw one size only (no fit) and
    // give percentiles of a handful of distinct resamples; the range of the n fits is the honest
    // statement of how much one point moves the answer (a spread, not a calibrated 95% interval).
    if (r.fit.points_used >= 3)
        for (size_t i = 0; i < used.size(); ++i) {
            std::vector<TaskPoint> rest = used;
            rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i));
            const Result<TaskFit> f = fit_task(rest, in.form, in.chance);
            if (f.ok()) r.leave_one_out.push_back(f.value);
        }
    const auto far = [&](double n, const char* what) {
        if (n > kExtrapolationFactor * r.largest_params)
            r.warnings.push_back(std::string(what) + " (" + format_count(n) + ") is " + format_significant(n / r.largest_params, 3) +
                                 "x the largest measured model (" + format_count(r.largest_params) +
                                 "): beyond 10x, distrust it (a rule of thumb in circulation)");
    };
    if (in.at > 0) {
        r.predicted_score = task_score(r.fit, in.at);
        if (!r.leave_one_out.empty()) {
            r.interval = {true, r.predicted_score, r.predicted_score};
            for (const TaskFit& f : r.leave_one_out) {
                const double s = task_score(f, in.at);
                r.interval.lo = std::min(r.interval.lo, s);
                r.interval.hi = std::max(r.interval.hi, s);
            }
        }
        far(in.at, "the size asked about");
    }
    if (in.target >= 0) {
        std::string why;
        r.size_for_target = task_size_for(r.fit, in.target, &why);
        if (r.size_for_target == 0) {
            r.warnings.push_back("the target " + score_text(in.target) + " is not reachable: " + why);
        } else {
            far(r.size_for_target, "the size for the target");
            if (!r.leave_one_out.empty()) {
                r.size_interval = {true, r.size_for_target, r.size_for_target};
                for (const TaskFit& f : r.leave_one_out) {
                    const double n = task_size_for(f, in.target);
                    r.size_interval.lo = n > 0 ? std::min(r.size_interval.lo, n) : r.size_interval.lo;
                    r.size_interval.hi = n > 0 ? std::max(r.size_interval.hi, n) : std::numeric_limits<double>::infinity();
                }
            }
        }
    }
    return R::of(r);
}

const TaskClaim& circulating_task_claim() {
    static const TaskClaim kClaim{"7e9:0.60,13e9:0.70", 70e9, "7B at 60% and 13B at 70%: a 70B model scores about 80-85%"};
    return kClaim;
}

}  // namespace scaling
