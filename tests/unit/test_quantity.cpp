// test_quantity.cpp: parsing and formatting of quantities: the suffixed forms people type, the hostile
// inputs that must be refused with a reason, and round trips over many magnitudes.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "core/quantity.hpp"

using namespace scaling;

namespace {
double parsed(const char* text, Unit u = Unit::None) {
    const Result<double> r = parse_quantity(text, u);
    REQUIRE_MESSAGE(r.ok(), text, " -> ", r.error);
    return r.value;
}
}  // namespace

TEST_CASE("quantities with suffixes and exponents parse to their values") {
    // Exact in binary or within one ulp: the tolerance is relative 1e-15.
    const double eps = 1e-15;
    CHECK(parsed("70B") == doctest::Approx(70e9).epsilon(eps));
    CHECK(parsed("1.4T") == doctest::Approx(1.4e12).epsilon(eps));
    CHECK(parsed("6.7e9") == doctest::Approx(6.7e9).epsilon(eps));
    CHECK(parsed("3.8e25") == doctest::Approx(3.8e25).epsilon(eps));
    CHECK(parsed("5.76e23 FLOP") == doctest::Approx(5.76e23).epsilon(eps));
    CHECK(parsed("2M") == doctest::Approx(2e6).epsilon(eps));
    CHECK(parsed("12k") == doctest::Approx(12e3).epsilon(eps));
    CHECK(parsed("1.5p") == doctest::Approx(1.5e15).epsilon(eps));
    CHECK(parsed("400m params", Unit::Params) == doctest::Approx(4e8).epsilon(eps));
    CHECK(parsed("  1.4 T tokens ", Unit::Tokens) == doctest::Approx(1.4e12).epsilon(eps));
    CHECK(parsed("3.8E25flops", Unit::Flop) == doctest::Approx(3.8e25).epsilon(eps));
    CHECK(parsed(".5B") == doctest::Approx(5e8).epsilon(eps));
    CHECK(parsed("-5") == -5.0);  // parse_quantity reads signs; parse_positive refuses them
}

TEST_CASE("a bare e is always an exponent, never a suffix") {
    CHECK(parsed("1e3") == 1000.0);
    CHECK(parsed("2E-3") == doctest::Approx(0.002).epsilon(1e-15));
    CHECK_FALSE(parse_quantity("5e").ok());
    CHECK_FALSE(parse_quantity("5eB").ok());
    CHECK(parse_quantity("5e").error.find("exponent") != std::string::npos);
}

TEST_CASE("bad quantities are refused with a sentence saying what is wrong") {
    struct Bad { const char* text; const char* says; };
    const Bad cases[] = {
        {"", "empty"},           {"   ", "empty"},         {"abc", "not a number"},
        {"nan", "not a number"}, {"inf", "not a number"},  {"-inf", "not a number"},
        {"0x10", "unknown"},     {"1e400", "too large"},   {"1e24e5", "unknown"},
        {"1,000", "unexpected"}, {"70 B B", "unknown"},    {"70Q", "unknown"},
        {"1e-400", "too small"}, {"\xd9\xa3", "non-ASCII"}, {"1.2.3", "unexpected"},
        {"1e300T", "too large"}, {"--5", "not a number"},  {"5 B tokens!", "unexpected"},
    };
    for (const Bad& b : cases) {
        const Result<double> r = parse_quantity(b.text);
        CAPTURE(b.text);
        CHECK_FALSE(r.ok());
        CHECK_MESSAGE(r.error.find(b.says) != std::string::npos, r.error);
    }
}

TEST_CASE("a unit word must agree with the quantity asked for") {
    CHECK_FALSE(parse_quantity("70B tokens", Unit::Params).ok());
    CHECK(parse_quantity("70B tokens", Unit::Params).error.find("expected params") != std::string::npos);
    CHECK(parse_quantity("70B", Unit::Params).ok());
}

TEST_CASE("budgets and sizes must be greater than zero") {
    CHECK(parse_positive("-5").error.find("negative") != std::string::npos);
    CHECK(parse_positive("0").error.find("zero") != std::string::npos);
    CHECK(parse_positive("0e5").error.find("zero") != std::string::npos);
    CHECK(parse_positive("1e-300").ok());
}

TEST_CASE("messages quote at most 32 characters of what was typed, printable only") {
    const std::string huge(100000, '7');
    const Result<double> r = parse_quantity(huge + "x");
    CHECK_FALSE(r.ok());
    CHECK(r.error.size() < 120);
    const Result<double> ctrl = parse_quantity("1\x01");
    CHECK(ctrl.error.find('\x01') == std::string::npos);
}

TEST_CASE("quantities format back readably") {
    CHECK(format_quantity(70e9, Unit::Params) == "70B params");
    CHECK(format_quantity(1.4e12, Unit::Tokens) == "1.4T tokens");
    CHECK(format_quantity(5.76e23, Unit::Flop) == "5.76e23 FLOP");
    CHECK(format_count(3.2229e10) == "32.2B");
    CHECK(format_count(2.9787e12) == "2.98T");
    CHECK(format_count(999.96e9) == "1T");  // rounding moves to the next suffix
    CHECK(format_count(950e6) == "950M");
    CHECK(format_count(12000) == "12K");
    CHECK(format_count(92.6) == "92.6");
    CHECK(format_count(3) == "3");
    CHECK(format_count(0) == "0");
    CHECK(format_count(2.5e15) == "2.5e15");
    CHECK(format_scientific(1e24) == "1e24");
    CHECK(format_scientific(3.85e24) == "3.85e24");
    CHECK(format_scientific(1.5e-3) == "1.5e-3");
    CHECK(format_scientific(1.23456e10, 5) == "1.2346e10");
    CHECK(format_fixed(1.93662, 4) == "1.9366");
    CHECK(format_fixed(NAN, 3) == "n/a");  // never NaN on screen
    CHECK(format_count(INFINITY) == "n/a");
}

TEST_CASE("format then parse returns the value to three significant digits, over 30 decades") {
    for (double e = -2.0; e <= 28.0; e += 0.37) {
        const double x = std::pow(10.0, e);
        for (Unit u : {Unit::Params, Unit::Tokens, Unit::Flop}) {
            const std::string s = format_quantity(x, u);
            const Result<double> back = parse_quantity(s, u);
            CAPTURE(s);
            REQUIRE(back.ok());
            CHECK(back.value == doctest::Approx(x).epsilon(5e-3));  // 3 significant digits
        }
    }
}

TEST_CASE("the formatters for fields, tables and cache keys write what the views showed before") {
    CHECK(format_significant(0.123456789, 5) == "0.12346");
    CHECK(format_significant(3.8e25, 4) == "3.8e+25");
    CHECK(format_significant(2000, 6) == "2000");
    // A typed number keeps the field's suffixes and four significant digits.
    CHECK(format_typed(191.93e9) == "191.9B");
    CHECK(format_typed(26.0625e12) == "26.06T");
    CHECK(format_typed(2e6) == "2M");
    CHECK(format_typed(1.5e15) == "1.5P");
    CHECK(format_typed(10) == "10");
    CHECK(format_typed(2000) == "2000");
    CHECK(format_typed(3e26) == "3e26");
    CHECK(format_typed(0.5) == "0.5");
    // The exact form reads back as the same double, for every magnitude.
    for (double x = 1e-300; x < 1e300; x *= 7.3) CHECK(std::strtod(format_shortest(x).c_str(), nullptr) == x);
    CHECK(format_shortest(0.1) != format_shortest(std::nextafter(0.1, 1.0)));
    CHECK(format_percent(0.4312) == "43.1%");
    CHECK(format_percent(0.4312, 2) == "43.12%");
    CHECK(format_percent(-0.25) == "-25.0%");
    // Just below certainty a probability keeps a second decimal; elsewhere one.
    CHECK(format_probability(0.9995) == "99.95%");
    CHECK(format_probability(1) == "100.0%");
    CHECK(format_probability(0.2) == "20.0%");
}

TEST_CASE("the shortest form reads back exactly, over 600 decades, as people type it") {
    CHECK(format_shortest(5.76e23) == "5.76e23");
    CHECK(format_shortest(406.4) == "406.4");
    CHECK(format_shortest(0.336) == "0.336");
    CHECK(format_shortest(1e-5) == "1e-5");
    for (double e = -300.0; e <= 300.0; e += 0.173) {
        const double x = std::pow(10.0, e) * 1.2345678901234567;
        const std::string s = format_shortest(x);
        CAPTURE(s);
        CHECK(std::strtod(s.c_str(), nullptr) == x);  // exact: no tolerance
        CHECK(s.find('+') == std::string::npos);
    }
}
