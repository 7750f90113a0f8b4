// task_fit.hpp: downstream-task extrapolation (issue 20, item 1): a task's score measured at a few
// model sizes, a line fitted through them in transformed coordinates, read at a larger size, and
// inverted for the size a target score needs. The practice taught everywhere: measure 3-5 sizes,
// plot log-log, extrapolate, distrust anything beyond about 10x (a rule of thumb in circulation; no
// primary source found). Measured against it: Owen 2024, arXiv 2401.04757, extrapolating BIG-Bench
// Hard across one order of magnitude of compute misses by 6 points on average, single tasks by 18;
// Lourie, Hu and Cho 2025, arXiv 2507.00885: 39% of downstream cases scale predictably.
//
// Both forms are a least-squares line y = a + b x with x = ln N:
//   error:   y = ln(1 - s)                          1 - s = A N^-alpha,  A = e^a, alpha = -b
//   sigmoid: y = logit((s - c) / (1 - c))           s = c + (1 - c) / (1 + exp(-k (ln N - x0))),
//                                                   k = b, x0 = -a / b, c the metric's chance level
// The sigmoid is fitted in logit space, closed form, rather than by a search on the scores: it is
// then the same deterministic line fit as the error form, exact through two points (what a user
// with two sizes expects), and needs no starting point. The price: logit space weights points near
// chance or near 1 heavily, and a point at or below chance (or at 1) has no logit, so the sigmoid
// form leaves such points out, with a warning naming each.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "result.hpp"

namespace scaling {

struct TaskPoint {
    double params = 0;  // model size N (parameters)
    double score = 0;   // the task's score, a fraction in [0, 1]
};

enum class TaskForm { Error, Sigmoid };
const char* task_form_name(TaskForm form);  // "error", "sigmoid"

// "7e9:0.60,13e9:0.70", "7B 60%, 13B 70%" or lines "N,score" pasted from a spreadsheet (a header
// line of words is skipped): the numbers of each line are read in pairs (size, score), split by
// ',', ';', ':', tabs or blanks. Sizes > 0 with suffixes (7B); scores in [0, 1] or as percentages
// ("60%" = 0.6; a bare 60 is refused, since it may be a typo). At least 2 points at 2 different
// sizes, at most kMaxTaskPoints. Errors name `field` and the line.
inline constexpr int kMaxTaskPoints = 1000;
Result<std::vector<TaskPoint>> parse_task_points(std::string_view text, const char* field);

struct TaskFit {
    TaskForm form = TaskForm::Error;
    double a = 0, b = 0;    // the line y = a + b ln N in the form's coordinates
    double A = 0, alpha = 0;  // error form: 1 - s = A N^-alpha
    double k = 0, x0 = 0;   // sigmoid form: slope per unit ln N, and ln N at the midpoint
    double chance = 0;      // c (the sigmoid's floor)
    int points_used = 0;
};

// The line through the points in the form's coordinates; points the form cannot take (sigmoid: at
// or below chance, or at 1) are skipped. Fails when fewer than 2 distinct sizes remain.
Result<TaskFit> fit_task(const std::vector<TaskPoint>& points, TaskForm form, double chance);
double task_score(const TaskFit& fit, double params);
// The size whose predicted score is `score`; 0 when the form never reaches it (above 1, at or
// below chance, or a slope of the wrong sign), with the reason in *why when given.
double task_size_for(const TaskFit& fit, double score, std::string* why = nullptr);

struct TaskFitInputs {
    std::vector<TaskPoint> points;
    TaskForm form = TaskForm::Error;
    double chance = 0;  // in [0, 1)
    double at = 0;      // a size to predict at (0: none)
    double target = -1; // a target score (< 0: none)
};

struct ScoreRange {
    bool given = false;
    double lo = 0, hi = 0;  // hi infinite: some fit never reaches it
};

struct TaskFitResult {
    TaskFit fit;
    std::vector<TaskFit> leave_one_out;  // the fits without each point (3+ points), in input order
    double largest_params = 0;           // the largest measured model
    double predicted_score = 0;          // at `at` (when given)
    ScoreRange interval;                 // of predicted_score: leave-one-out range (3+ points)
    double size_for_target = 0;          // 0 when not given or unreachable
    ScoreRange size_interval;            // of size_for_target: leave-one-out range
    std::vector<std::string> warnings;
};

// Errors (a score of exactly 1 on the error form, chance out of [0, 1), a target out of [0, 1]) name
// the field: "points", "chance", "at", "target".
Result<TaskFitResult> task_fit(const TaskFitInputs& in);

// The worked example in circulation: 7B at 60% and 13B at 70% extrapolated to 70B, said to give
// "about 80-85%" (in circulation; no primary source found). The error form gives 86.3%.
struct TaskClaim {
    const char* points;  // as the points field takes them
    double at;           // the size asked about
    const char* claim;   // what is said
};
const TaskClaim& circulating_task_claim();

}  // namespace scaling
