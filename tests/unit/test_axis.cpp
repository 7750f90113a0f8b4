// test_axis.cpp: golden tick locations and labels for the ranges the figures use, and the
// invariants of the axis transforms.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/axis.hpp"

using namespace scaling;

namespace {
// The labels of the major ticks, in order, joined by spaces (doctest prints strings on failure).
std::string labels(const std::vector<Tick>& ticks) {
    std::string out;
    for (const Tick& t : ticks)
        if (t.major) out += (out.empty() ? "" : " ") + t.label;
    return out;
}
size_t label_count(const std::vector<Tick>& ticks) {
    size_t n = 0;
    for (const Tick& t : ticks) n += t.major ? 1 : 0;
    return n;
}
int minors(const std::vector<Tick>& ticks) {
    int n = 0;
    for (const Tick& t : ticks) n += t.major ? 0 : 1;
    return n;
}
}  // namespace

TEST_CASE("log axis 1e18..1e28 FLOP: a label per decade when there is room") {
    const auto t = locate_ticks(AxisScale::Log10, 1e18, 1e28, 11, AxisFormat::Flop);
    CHECK(labels(t) == "1e18 1e19 1e20 1e21 1e22 1e23 1e24 1e25 1e26 1e27 1e28");
    CHECK(minors(t) == 10 * 8);  // 2..9 x 10^k in each of the ten decades
}

TEST_CASE("log axis 1e18..1e28 FLOP: every 2nd, then 3rd decade when crowded, skipped decades as minors") {
    const auto t = locate_ticks(AxisScale::Log10, 1e18, 1e28, 5, AxisFormat::Flop);
    CHECK(labels(t) == "1e18 1e21 1e24 1e27");
    CHECK(minors(t) == 7);
    const auto t6 = locate_ticks(AxisScale::Log10, 1e18, 1e28, 6, AxisFormat::Flop);
    CHECK(labels(t6) == "1e18 1e20 1e22 1e24 1e26 1e28");  // every 2nd decade first
    const auto t2 = locate_ticks(AxisScale::Log10, 1e18, 1e28, 2, AxisFormat::Flop);
    CHECK(labels(t2) == "1e18 1e24");  // step 6
}

TEST_CASE("log axis 3e9..7e10 parameters: 1-2-5 labels in human units") {
    const auto t = locate_ticks(AxisScale::Log10, 3e9, 7e10, 8, AxisFormat::Count);
    CHECK(labels(t) == "5B 10B 20B 50B");
    CHECK(minors(t) == 10);  // 3,4,6,7,8,9 x 1e9 and 3,4,6,7 x 1e10
    const auto dense = locate_ticks(AxisScale::Log10, 3e9, 7e10, 20, AxisFormat::Count);
    CHECK(label_count(dense) == 14);  // every mantissa when there is room
}

TEST_CASE("log axis crossing one decade, 5e11..2e12 tokens") {
    const auto t = locate_ticks(AxisScale::Log10, 5e11, 2e12, 6, AxisFormat::Count);
    CHECK(labels(t) == "500B 1T 2T");
}

TEST_CASE("linear loss axis 0.9..1.1: steps of 0.05 with three decimals") {
    const auto t = locate_ticks(AxisScale::Linear, 0.9, 1.1, 5, AxisFormat::Loss);
    CHECK(labels(t) == "0.900 0.950 1.000 1.050 1.100");
    const auto coarse = locate_ticks(AxisScale::Linear, 0.9, 1.1, 3, AxisFormat::Loss);
    CHECK(labels(coarse) == "0.900 1.000 1.100");
}

TEST_CASE("log axis inside one decade (0.9..1.1) falls back to linear ticks") {
    const auto t = locate_ticks(AxisScale::Log10, 0.9, 1.1, 5, AxisFormat::Loss);
    CHECK(labels(t) == "0.900 0.950 1.000 1.050 1.100");
}

TEST_CASE("linear plain and dollar labels") {
    CHECK(labels(locate_ticks(AxisScale::Linear, 0, 100, 6, AxisFormat::Plain)) == "0 20 40 60 80 100");
    CHECK(labels(locate_ticks(AxisScale::Linear, -1, 1, 5, AxisFormat::Plain)) == "-1.0 -0.5 0.0 0.5 1.0");
    CHECK(labels(locate_ticks(AxisScale::Log10, 1e5, 1e8, 4, AxisFormat::Dollars)) == "$100K $1M $10M $100M");
    CHECK(labels(locate_ticks(AxisScale::Log10, 0.002, 300, 6, AxisFormat::Plain)) == "0.01 0.1 1 10 100");
    CHECK(format_dollars(5.6e6) == "$5.6M");
    CHECK(format_dollars(3.2) == "$3.20");
    CHECK(format_value(1.93072, AxisFormat::Loss) == "1.931");
    CHECK(format_value(3.2189e10, AxisFormat::Count) == "32.2B");
}

TEST_CASE("labelled ticks never exceed the count asked for, over many ranges") {
    for (double lo_e = -3; lo_e < 20; lo_e += 0.7) {
        for (double span = 0.05; span < 12; span *= 1.9) {
            const double lo = std::pow(10.0, lo_e), hi = std::pow(10.0, lo_e + span);
            for (int max_labels : {2, 3, 5, 8, 12}) {
                for (AxisScale s : {AxisScale::Log10, AxisScale::Linear}) {
                    const auto t = locate_ticks(s, lo, hi, max_labels, AxisFormat::Plain);
                    CAPTURE(lo);
                    CAPTURE(hi);
                    CAPTURE(max_labels);
                    CHECK(label_count(t) <= static_cast<size_t>(max_labels));
                    CHECK(label_count(t) >= 1);
                    for (size_t i = 1; i < t.size(); ++i) CHECK(t[i].value > t[i - 1].value - 1e-12 * hi);
                    for (const Tick& k : t) CHECK((k.value >= lo * (1 - 1e-9) && k.value <= hi * (1 + 1e-9)));
                }
            }
        }
    }
}

TEST_CASE("bad ranges give no ticks rather than garbage") {
    CHECK(locate_ticks(AxisScale::Log10, -1, 10, 5, AxisFormat::Plain).empty());
    CHECK(locate_ticks(AxisScale::Linear, 5, 5, 5, AxisFormat::Plain).empty());
    CHECK(locate_ticks(AxisScale::Linear, NAN, 5, 5, AxisFormat::Plain).empty());
}

TEST_CASE("axis transforms round-trip and are monotone") {
    for (AxisScale s : {AxisScale::Linear, AxisScale::Log10}) {
        double prev = -INFINITY;
        for (double e = -5; e <= 30; e += 0.13) {
            const double v = std::pow(10.0, e);
            const double t = axis_forward(s, v);
            CHECK(t > prev);
            prev = t;
            CHECK(axis_inverse(s, t) == doctest::Approx(v).epsilon(1e-12));
        }
    }
}
