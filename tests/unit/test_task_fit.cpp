// test_task_fit.cpp: downstream-task extrapolation (core/task_fit.hpp): the worked example in
// circulation, a 4-point error-form fit and its leave-one-out range, a sigmoid fit, the inverse,
// the warnings and the refusals, each against an independent computation quoted beside it.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/commands.hpp"
#include "core/requests.hpp"
#include "core/task_fit.hpp"

using namespace scaling;

namespace {
bool any_has(const std::vector<std::string>& ws, const char* part) {
    for (const std::string& w : ws)
        if (w.find(part) != std::string::npos) return true;
    return false;
}
TaskFitInputs inputs_of(const char* points, double at, double target = -1, TaskForm form = TaskForm::Error,
                        double chance = 0) {
    TaskFitInputs in;
    in.points = parse_task_points(points, "points").value;
    in.at = at;
    in.target = target;
    in.form = form;
    in.chance = chance;
    return in;
}
}  // namespace

TEST_CASE("task fit: 7B at 60% and 13B at 70% give about 86% at 70B on the error form, not 80-85%") {
    // By hand: alpha = ln(0.4/0.3)/ln(13/7) = 0.464724; error at 70B = 0.3 (70/13)^-alpha = 0.137194;
    // score 0.862806. python3 -c "import math;a=math.log(0.4/0.3)/math.log(13/7);print(a,1-0.3*(70/13)**-a)"
    // The size for 90%: 13e9 (0.1/0.3)^(-1/alpha) = 1.38236e11.
    const TaskClaim& c = circulating_task_claim();
    const Result<TaskFitResult> r = task_fit(inputs_of(c.points, c.at, 0.9));
    REQUIRE(r.ok());
    CHECK(r.value.fit.points_used == 2);
    CHECK(r.value.fit.alpha == doctest::Approx(0.4647235).epsilon(1e-6));
    CHECK(r.value.fit.A == doctest::Approx(15042.10).epsilon(1e-5));  // 0.4 x 7e9^alpha
    CHECK(r.value.predicted_score == doctest::Approx(0.8628056).epsilon(1e-6));
    CHECK(1 - r.value.predicted_score == doctest::Approx(0.1371944).epsilon(1e-6));
    CHECK(r.value.size_for_target == doctest::Approx(1.3823596e11).epsilon(1e-6));
    // The claim's upper end is below the form's answer by more than a point.
    CHECK(r.value.predicted_score > 0.85 + 0.01);
    // Two points: no interval, and a warning that says why. 70B is 5.4x 13B, within 10x; the size for
    // 90% is 138B / 13B = 10.6x, beyond it.
    CHECK_FALSE(r.value.interval.given);
    CHECK(any_has(r.value.warnings, "two points always fits"));
    CHECK_FALSE(any_has(r.value.warnings, "the size asked about"));
    CHECK(any_has(r.value.warnings, "the size for the target (138B) is 10.6x the largest measured model"));
}

TEST_CASE("task fit: 4 points on the error form, the prediction at 70B and its leave-one-out range") {
    // python3 -c "import numpy as np;N=np.array([1e9,3e9,7e9,13e9]);s=np.array([.45,.55,.62,.68]);x=np.log(N);
    //   y=np.log(1-s);b,a=np.polyfit(x,y,1);f=lambda b,a:1-np.exp(a+b*np.log(70e9));
    //   L=[f(*np.polyfit(x[np.arange(4)!=i],y[np.arange(4)!=i],1)) for i in range(4)];print(-b,np.exp(a),f(b,a),min(L),max(L))"
    // -> alpha 0.2076854, A 41.23681, 0.7693699, leave-one-out 0.7537138 .. 0.7806073 (the full fit inside).
    const Result<TaskFitResult> r = task_fit(inputs_of("1e9:0.45,3e9:0.55,7e9:0.62,13e9:0.68", 70e9));
    REQUIRE(r.ok());
    CHECK(r.value.fit.points_used == 4);
    CHECK(r.value.fit.alpha == doctest::Approx(0.2076854).epsilon(1e-6));
    CHECK(r.value.fit.A == doctest::Approx(41.23681).epsilon(1e-6));
    CHECK(r.value.predicted_score == doctest::Approx(0.7693699).epsilon(1e-6));
    REQUIRE(r.value.interval.given);
    CHECK(r.value.leave_one_out.size() == 4);
    CHECK(r.value.interval.lo == doctest::Approx(0.7537138).epsilon(1e-6));
    CHECK(r.value.interval.hi == doctest::Approx(0.7806073).epsilon(1e-6));
    CHECK(r.value.warnings.empty());
}

TEST_CASE("task fit: the sigmoid form with chance 0.25, its midpoint, a prediction and the size for 90%") {
    // python3 -c "import numpy as np;c=.25;N=np.array([1e9,3e9,10e9,30e9]);s=np.array([.27,.35,.6,.8]);
    //   u=(s-c)/(1-c);k,b=np.polyfit(np.log(N),np.log(u/(1-u)),1);x0=-b/k;
    //   g=lambda n:c+(1-c)/(1+np.exp(-k*(np.log(n)-x0)));ut=(.9-c)/.75;print(k,x0,g(100e9),np.exp(x0+np.log(ut/(1-ut))/k))"
    // -> k 1.364962, x0 23.26474 (midpoint 1.2698e10), 0.9576854 at 100B, 5.003862e10 for 90%.
    const Result<TaskFitResult> r =
        task_fit(inputs_of("1e9:0.27,3e9:0.35,10e9:0.6,30e9:0.8", 100e9, 0.9, TaskForm::Sigmoid, 0.25));
    REQUIRE(r.ok());
    CHECK(r.value.fit.k == doctest::Approx(1.3649617).epsilon(1e-6));
    CHECK(r.value.fit.x0 == doctest::Approx(23.264739).epsilon(1e-7));
    CHECK(r.value.predicted_score == doctest::Approx(0.9576854).epsilon(1e-6));
    CHECK(r.value.size_for_target == doctest::Approx(5.0038619e10).epsilon(1e-6));
    // The inverse reads back the score it was asked for.
    CHECK(task_score(r.value.fit, r.value.size_for_target) == doctest::Approx(0.9).epsilon(1e-12));
    REQUIRE(r.value.size_interval.given);
    CHECK(r.value.size_interval.lo <= r.value.size_for_target);
    CHECK(r.value.size_interval.hi >= r.value.size_for_target);
}

TEST_CASE("task fit: the inverse round-trips on the error form at many targets") {
    const Result<TaskFit> f = fit_task(parse_task_points("1e9:0.45,3e9:0.55,7e9:0.62,13e9:0.68", "points").value,
                                       TaskForm::Error, 0);
    REQUIRE(f.ok());
    for (double t = 0.05; t < 0.99; t += 0.07) {
        CAPTURE(t);
        const double n = task_size_for(f.value, t);
        REQUIRE(n > 0);
        CHECK(task_score(f.value, n) == doctest::Approx(t).epsilon(1e-12));
    }
}

TEST_CASE("task fit: warnings for extrapolation beyond 10x, a score below chance, a target out of reach") {
    // 200B is 15.4x 13B.
    Result<TaskFitResult> r = task_fit(inputs_of("7e9:0.60,13e9:0.70", 200e9, 1.0));
    REQUIRE(r.ok());
    CHECK(any_has(r.value.warnings, "15.4x the largest measured model"));
    CHECK(any_has(r.value.warnings, "not reachable: a score of 1"));
    CHECK(r.value.size_for_target == 0);
    // A score below chance is warned about; on the sigmoid form that point is left out.
    r = task_fit(inputs_of("1e9:0.2,3e9:0.35,10e9:0.6,30e9:0.8", 0, -1, TaskForm::Sigmoid, 0.25));
    REQUIRE(r.ok());
    CHECK(any_has(r.value.warnings, "below chance"));
    CHECK(any_has(r.value.warnings, "leaves out the point at 1B"));
    CHECK(r.value.fit.points_used == 3);
    // Scores that fall with size: the error's slope has the wrong sign, no size reaches 90%.
    r = task_fit(inputs_of("7e9:0.70,13e9:0.60", 0, 0.9));
    REQUIRE(r.ok());
    CHECK(any_has(r.value.warnings, "does not fall as the model grows"));
}

TEST_CASE("task fit: points read as pairs, CSV lines with a header, and percentages") {
    Result<std::vector<TaskPoint>> p = parse_task_points("7B 60%, 13B 70%", "points");
    REQUIRE(p.ok());
    CHECK(p.value[1].params == 13e9);
    CHECK(p.value[1].score == doctest::Approx(0.7).epsilon(1e-15));
    p = parse_task_points("N,score\r\n7e9,0.60\r\n13e9,0.70\r\n70e9,0.85\n", "points");
    REQUIRE(p.ok());
    CHECK(p.value.size() == 3);
    CHECK(p.value[2].score == 0.85);
    // Refused, naming the field: a bad size, a score above 1, a bare 60, one point, one size only, odd cells.
    for (const char* bad : {"-7e9:0.6,13e9:0.7", "0:0.6,13e9:0.7", "7e9:1.3,13e9:0.7", "7e9:60,13e9:70", "7e9:0.6",
                            "7e9:0.6,7e9:0.7", "7e9:0.6,13e9", "abc", "", "7e9:NaN,13e9:0.7", "1e400:0.6,13e9:0.7",
                            "7e9:-0.1,13e9:0.7"}) {
        CAPTURE(bad);
        const auto r = parse_task_points(bad, "points");
        CHECK_FALSE(r.ok());
        CHECK(r.field == "points");
    }
    CHECK(parse_task_points("7e9:1.3,13e9:0.7", "points").error.find("score") != std::string::npos);
}

TEST_CASE("task fit: a score of exactly 1 is refused on the error form, with the reason") {
    const Result<TaskFitResult> r = task_fit(inputs_of("7e9:0.9,13e9:1", 70e9));
    CHECK_FALSE(r.ok());
    CHECK(r.field == "points");
    CHECK(r.error.find("error of 0 has no logarithm") != std::string::npos);
}

TEST_CASE("task fit: the command's JSON carries the keys and refuses bad fields by name") {
    const Command* c = find_command("task_fit");
    REQUIRE(c != nullptr);
    const Result<Json> j = c->run({{"points", "7e9:0.60,13e9:0.70"}, {"at", "70B"}, {"target", "0.9"}});
    REQUIRE(j.ok());
    for (const char* k : {"form", "points_used", "A", "alpha", "predicted_score", "interval", "size_for_target", "warnings"})
        CHECK_MESSAGE(j.value.contains(k), k);
    CHECK(j.value["interval"].is_null());
    CHECK(j.value["predicted_score"].get<double>() == doctest::Approx(0.8628056).epsilon(1e-6));
    Result<Json> bad = c->run({{"points", "7e9:0.6"}});
    CHECK(bad.field == "points");
    bad = c->run({{"points", "7e9:0.6,13e9:0.7"}, {"chance", "1.5"}});
    CHECK(bad.field == "chance");
    bad = c->run({{"points", "7e9:0.6,13e9:0.7"}, {"at", "-5"}});
    CHECK(bad.field == "at");
    bad = c->run({{"points", "7e9:0.6,13e9:0.7"}, {"task_form", "cubic"}});
    CHECK(bad.field == "task_form");
}
