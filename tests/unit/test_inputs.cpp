// test_inputs.cpp: the input descriptors (core/inputs.hpp): each one is sane on its own, its
// starting text is accepted by its own rules, and reading text refuses what it should with a
// sentence that names the range.
#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>

#include "core/inputs.hpp"

using namespace scaling;

TEST_CASE("inputs: every descriptor is complete and accepts its own starting text and fallback") {
    std::set<const Input*> seen;
    for (const Input* in : all_inputs()) {
        CAPTURE(in->key);
        CHECK(seen.insert(in).second);  // listed once
        CHECK(std::string(in->key).find('-') == std::string::npos);  // snake_case: the '-' form is derived
        CHECK(std::string(in->label).size() > 0);
        CHECK(std::string(in->help).size() > 0);
        if (in->kind == InputKind::Choice) {
            REQUIRE(static_cast<bool>(in->choices));
            if (given(in->initial)) CHECK(read_choice(*in, in->initial).ok());
            continue;
        }
        if (in->kind != InputKind::Number) continue;
        CHECK(in->lo <= in->hi);
        if (given(in->initial)) CHECK_MESSAGE(read_number(*in, in->initial).ok(), read_number(*in, in->initial).error);
        if (in->optional && in->fallback != 0) CHECK(read_number(*in, format_shortest(in->fallback)).ok());
    }
    CHECK(seen.size() > 80);
}

TEST_CASE("inputs: flags and link keys are the key with '-' unless a link key is given") {
    CHECK(flag_name(inputs::kComputeMultiple) == "compute-multiple");
    CHECK(link_key(inputs::kComputeMultiple) == "compute-multiple");
    CHECK(flag_name(inputs::kBaseParams) == "params");
    CHECK(link_key(inputs::kBaseParams) == "base-params");
    CHECK(flag_name(inputs::kMOverN) == "m-over-n");
}

TEST_CASE("inputs: reading a number checks unit, range and wholeness, naming the field") {
    using namespace inputs;
    CHECK(read_number(kFlops, "5.76e23 FLOP").value == 5.76e23);
    const Result<double> zero = read_number(kFlops, "0");
    CHECK(zero.field == "flops");
    CHECK(zero.error.find("greater than zero") != std::string::npos);
    CHECK(read_number(kParams, "70B tokens").field == "params");  // the unit word disagrees
    CHECK(read_number(kParams, "abc").field == "params");

    const Result<double> low = read_number(kDataCap, "0.5");
    CHECK(low.field == "data_cap");
    CHECK(low.error == "\"0.5\" must be from 1 to 1e6");
    CHECK(read_number(kDataCap, "1").ok());   // a closed end is accepted
    CHECK(!read_number(kSuccess, "0").ok());  // an open one is not
    CHECK(read_number(kSuccess, "1").ok());
    CHECK(read_number(kSuccess, "1.5").error == "\"1.5\" must be above 0 and at most 1");
    CHECK(read_number(kSamples, "2.5").error == "\"2.5\" must be a whole number from 1 to 10000");
    CHECK(read_number(kInferenceTokens, "0").ok());  // zero or more
    CHECK(read_number(kInferenceTokens, "-1").error.find("zero or more") != std::string::npos);
    for (const char* bad : {"NaN", "inf", "1e400", "", "  ", "1e24e5"}) CHECK(!read_number(kFlops, bad).ok());
}

TEST_CASE("inputs: choices by name, with the list in the message") {
    CHECK(read_choice(inputs::kDtype, "fp8").value == 1);
    const Result<int> bad = read_choice(inputs::kDtype, "fp4");
    CHECK(bad.field == "dtype");
    CHECK(bad.error == "\"fp4\" is not one of bf16, fp8, int8");
    CHECK(read_choice(inputs::kLaw, "chinchilla-a3").ok());
}

TEST_CASE("inputs: a value's text reads back exactly, in the short form people type") {
    CHECK(format_shortest(5.76e23) == "5.76e23");
    CHECK(format_shortest(1.2345e24) == "1.2345e24");
    CHECK(format_shortest(0.4) == "0.4");
    CHECK(format_shortest(1e-7) == "1e-7");
    for (double x : {1.0 / 3, 6.02214076e23, 2.5e-300, 123456789.123})
        CHECK(std::strtod(format_shortest(x).c_str(), nullptr) == x);
    CHECK(range_text(inputs::kFlops) == "greater than zero");
    CHECK(range_text(inputs::kLayers) == "zero or more");
    CHECK(range_text(inputs::kFactor) == "greater than 1");
}
