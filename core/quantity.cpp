// quantity.cpp: strict parsing and readable formatting of counts, FLOP and losses.
#include "quantity.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace scaling {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

double suffix_multiplier(char c) {
    switch (lower(c)) {
        case 'k': return 1e3;
        case 'm': return 1e6;
        case 'b': return 1e9;
        case 't': return 1e12;
        case 'p': return 1e15;
        default: return 0.0;
    }
}

Unit unit_of_word(std::string_view w) {
    std::string s;
    for (char c : w) s += lower(c);
    if (s == "param" || s == "params" || s == "parameter" || s == "parameters") return Unit::Params;
    if (s == "token" || s == "tokens" || s == "tok") return Unit::Tokens;
    if (s == "flop" || s == "flops") return Unit::Flop;
    return Unit::None;
}

constexpr const char* kExample = "write e.g. 70B, 1.4T or 3.8e25";

}  // namespace

std::string quote_input(std::string_view text) {
    constexpr size_t kMax = 32;
    std::string out = "\"";
    for (size_t i = 0; i < text.size() && i < kMax; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        out += (c >= 0x20 && c < 0x7f) ? char(c) : '?';
    }
    if (text.size() > kMax) out += "...";
    return out + "\"";
}

std::string_view unit_word(Unit unit) {
    switch (unit) {
        case Unit::Params: return "params";
        case Unit::Tokens: return "tokens";
        case Unit::Flop: return "FLOP";
        default: return "";
    }
}

Result<double> parse_quantity(std::string_view text, Unit expected) {
    using R = Result<double>;
    size_t b = 0, e = text.size();
    while (b < e && is_space(text[b])) ++b;
    while (e > b && is_space(text[e - 1])) --e;
    const std::string_view t = text.substr(b, e - b);
    if (t.empty()) return R::fail(std::string("is empty; ") + kExample);
    for (char c : t)
        if (static_cast<unsigned char>(c) >= 0x80)
            return R::fail(quote_input(t) + " has a non-ASCII character; use the digits 0-9");

    // Number: [+-] digits [. digits] [e [+-] digits]. Scanned by hand so that strtod never sees
    // "nan", "inf" or hex, which it would accept.
    size_t i = 0;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    size_t digits = 0;
    while (i < t.size() && is_digit(t[i])) ++i, ++digits;
    if (i < t.size() && t[i] == '.') {
        ++i;
        while (i < t.size() && is_digit(t[i])) ++i, ++digits;
    }
    if (digits == 0) return R::fail(quote_input(t) + " is not a number; " + kExample);
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        size_t j = i + 1;
        if (j < t.size() && (t[j] == '+' || t[j] == '-')) ++j;
        size_t exp_digits = 0;
        while (j < t.size() && is_digit(t[j])) ++j, ++exp_digits;
        if (exp_digits == 0)
            return R::fail(quote_input(t) + ": 'e' must be followed by an exponent, as in 3.8e25");
        i = j;
    }
    const std::string number(t.substr(0, i));

    // Optional suffix letter, then an optional unit word, separated by optional spaces.
    double multiplier = 1.0;
    Unit unit = Unit::None;
    auto skip_spaces = [&] { while (i < t.size() && is_space(t[i])) ++i; };
    auto read_word = [&] {
        size_t s = i;
        while (i < t.size() && is_alpha(t[i])) ++i;
        return t.substr(s, i - s);
    };
    skip_spaces();
    std::string_view word = read_word();
    if (word.size() == 1 && suffix_multiplier(word[0]) != 0.0) {
        multiplier = suffix_multiplier(word[0]);
        skip_spaces();
        word = read_word();
    }
    if (!word.empty()) {
        unit = unit_of_word(word);
        if (unit == Unit::None)
            return R::fail(quote_input(t) + ": unknown suffix or unit " + quote_input(word) +
                           "; suffixes are K, M, B, T, P");
    }
    skip_spaces();
    if (i != t.size())
        return R::fail(quote_input(t) + ": unexpected " + quote_input(t.substr(i, 1)) + " after the number");
    if (expected != Unit::None && unit != Unit::None && unit != expected)
        return R::fail(quote_input(t) + " is in " + std::string(unit_word(unit)) + ", expected " +
                       std::string(unit_word(expected)));

    errno = 0;
    const double mantissa = std::strtod(number.c_str(), nullptr);
    const double value = mantissa * multiplier;
    if ((errno == ERANGE && std::fabs(mantissa) > 1.0) || !std::isfinite(value))
        return R::fail(quote_input(t) + " is too large (the limit is about 1.8e308)");
    if (errno == ERANGE && mantissa == 0.0)
        return R::fail(quote_input(t) + " is too small to represent (it underflows to zero)");
    return R::of(value);
}

Result<double> parse_positive(std::string_view text, Unit expected) {
    Result<double> r = parse_quantity(text, expected);
    if (!r.ok()) return r;
    if (r.value <= 0.0)
        return Result<double>::fail(quote_input(text) + (r.value == 0.0 ? " is zero" : " is negative") +
                                    "; it must be greater than zero");
    return r;
}

std::string format_shortest(double value) {
    char b[40];
    for (int digits = 6; digits <= 17; ++digits) {
        std::snprintf(b, sizeof b, "%.*g", digits, value);
        if (std::strtod(b, nullptr) == value) break;
    }
    // "5.76e+23" -> "5.76e23": a + would be escaped in a URL, and people do not write it.
    std::string t = b;
    for (const char* from : {"e+0", "e+", "e-0"}) {
        const size_t at = t.find(from);
        if (at != std::string::npos) t.replace(at, std::string(from).size(), from[1] == '-' ? "e-" : "e");
    }
    return t;
}

std::string format_scientific(double value, int significant) {
    if (!std::isfinite(value)) return "n/a";
    if (significant < 1) significant = 1;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*e", significant - 1, value);
    std::string s(buf);
    const size_t epos = s.find('e');
    std::string mant = s.substr(0, epos), exp = s.substr(epos + 1);
    if (mant.find('.') != std::string::npos) {
        while (mant.back() == '0') mant.pop_back();
        if (mant.back() == '.') mant.pop_back();
    }
    const bool negative = exp[0] == '-';
    exp = exp.substr(1);
    while (exp.size() > 1 && exp[0] == '0') exp.erase(0, 1);
    return mant + "e" + (negative ? "-" : "") + exp;
}

std::string format_count(double value) {
    if (!std::isfinite(value)) return "n/a";
    if (value == 0.0) return "0";
    // Round to three significant digits first, so 999.96e9 becomes "1T", not "1000B".
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3g", value);
    const double r = std::strtod(buf, nullptr);
    const double a = std::fabs(r);
    if (a >= 1e15 || a < 1e-3) return format_scientific(value);
    static const struct { double mult; const char* suffix; } kSteps[] = {
        {1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}, {1.0, ""}};
    for (const auto& step : kSteps) {
        if (a >= step.mult || step.mult == 1.0) {
            std::snprintf(buf, sizeof buf, "%.3g", r / step.mult);
            return std::string(buf) + step.suffix;
        }
    }
    return buf;
}

std::string format_quantity(double value, Unit unit) {
    const std::string number = unit == Unit::Flop ? format_scientific(value) : format_count(value);
    if (unit == Unit::None) return number;
    return number + " " + std::string(unit_word(unit));
}

std::string format_fixed(double value, int decimals) {
    if (!std::isfinite(value)) return "n/a";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

std::string format_significant(double value, int significant) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*g", significant, value);
    return buf;
}

std::string format_typed(double value) {
    static const struct { double scale; const char* suffix; } kSuffixes[] = {{1e15, "P"}, {1e12, "T"}, {1e9, "B"}, {1e6, "M"}};
    for (const auto& s : kSuffixes)
        if (value >= s.scale && value < s.scale * 1e3) return format_significant(value / s.scale, 4) + s.suffix;
    std::string t = format_significant(value, 4);
    const size_t plus = t.find("e+");
    if (plus != std::string::npos) t.erase(plus + 1, 1);
    return t;
}

std::string format_percent(double fraction, int decimals) { return format_fixed(100 * fraction, decimals) + "%"; }

std::string format_probability(double p) { return format_percent(p, p > 0.999 && p < 1 ? 2 : 1); }

}  // namespace scaling
