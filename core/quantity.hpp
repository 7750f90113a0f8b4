// quantity.hpp: reading and writing the big numbers of scaling laws (70B, 1.4T, 5.76e23 FLOP).
// Parsing is strict and locale-free; errors are sentences, never exceptions.
#pragma once
#include <string>
#include <string_view>

#include "result.hpp"

namespace scaling {

enum class Unit { None, Params, Tokens, Flop };

// Parses a number with an optional SI-style suffix and an optional unit word.
//   "70B" "1.4T" "6.7e9" "3.8e25" "5.76e23 FLOP" "2M" "400m params" "1.4 T tokens"
// Suffixes K=1e3 M=1e6 B=1e9 T=1e12 P=1e15, case-insensitive. A bare `e` followed by digits is
// always an exponent (there is no "E" suffix). If `expected` is not None, a unit word, when
// present, must agree with it ("70B tokens" is refused where parameters are asked for).
// Rejects empty text, NaN/inf spellings, hex, unicode digits, trailing garbage, and values that
// overflow a double (1e400).
Result<double> parse_quantity(std::string_view text, Unit expected = Unit::None);

// parse_quantity, then requires a finite value > 0 (budgets, sizes and token counts).
Result<double> parse_positive(std::string_view text, Unit expected = Unit::None);

// "70B", "1.4T", "32.2B", "950M", "12K", "3"; scientific past 999T ("2.5e15").
// Three significant digits, trailing zeros dropped.
std::string format_count(double value);

// "5.76e23", "1e24", "3.85e24": FLOP are always scientific, three significant digits.
std::string format_scientific(double value, int significant = 3);

// The shortest text that reads back as exactly `value`, as people type it: "5.76e23" (not
// 5.7599999999999998e+23), "406.4", "1e-5". For links and fields that must round-trip, and as a
// cache key: two values give the same text only when they are equal.
std::string format_shortest(double value);

// Readable quantity with its unit: "70B params", "1.4T tokens", "5.76e23 FLOP".
std::string format_quantity(double value, Unit unit);

// A fixed number of decimals ("1.9366"); used for losses and ratios.
std::string format_fixed(double value, int decimals);

// "%.*g" with `significant` digits: "0.12346", "3.8e+25" (the C library's spelling, exponent sign
// included). For tables of fitted constants and for text put back into fields.
std::string format_significant(double value, int significant);

// A number as a person would type it into a field, four significant digits with the field's
// suffix where one fits (K is left out: "2000" reads better than "2K"): "191.9B", "26.06T", "10",
// "3e26" (no '+' in the exponent, as people write it).
std::string format_typed(double value);


// A fraction as a percentage with `decimals` decimals: 0.4312 -> "43.1%".
std::string format_percent(double fraction, int decimals = 1);
// A probability as a percentage: one decimal, two just below 1 so 0.9995 reads "99.95%", not a
// certain "100.0%".
std::string format_probability(double p);

// User text made safe to quote in a message: at most 32 characters, non-printable bytes as '?',
// in double quotes, "..." when cut. A 10 MB paste or control bytes never reach the screen whole.
std::string quote_input(std::string_view text);

// The unit's word as written after a number ("params", "tokens", "FLOP").
std::string_view unit_word(Unit unit);

}  // namespace scaling
