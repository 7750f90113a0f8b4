// query.cpp: reading and writing URL queries.
#include "query.hpp"

#include <algorithm>

#include "quantity.hpp"

namespace scaling {
namespace {

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Decodes one component; false on a broken escape or a NUL byte (never meaningful in the state).
bool decode(std::string_view in, std::string* out) {
    out->clear();
    for (size_t i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (c == '+') c = ' ';
        else if (c == '%') {
            if (i + 2 >= in.size()) return false;
            const int hi = hex(in[i + 1]), lo = hex(in[i + 2]);
            if (hi < 0 || lo < 0) return false;
            c = static_cast<char>(hi * 16 + lo);
            i += 2;
        }
        if (c == '\0') return false;
        *out += c;
    }
    return true;
}

bool plain(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~' || c == ',' || c == ':';
}

void escape(std::string_view in, std::string* out) {
    static const char* kHex = "0123456789ABCDEF";
    for (unsigned char c : in) {
        if (plain(c)) *out += static_cast<char>(c);
        else {
            *out += '%';
            *out += kHex[c >> 4];
            *out += kHex[c & 15];
        }
    }
}

}  // namespace

Result<ParsedQuery> parse_query(std::string_view q) {
    if (!q.empty() && q[0] == '?') q.remove_prefix(1);
    if (q.size() > kMaxQueryBytes)
        return Result<ParsedQuery>::fail("the link's query is " + std::to_string(q.size()) + " bytes; at most " +
                                         std::to_string(kMaxQueryBytes) + " are read");
    ParsedQuery p;
    size_t pos = 0;
    while (pos <= q.size() && !q.empty()) {
        const size_t end = std::min(q.find('&', pos), q.size());
        const std::string_view piece = q.substr(pos, end - pos);
        pos = end + 1;
        if (piece.empty()) {
            if (end == q.size()) break;
            continue;
        }
        const size_t eq = piece.find('=');
        std::string key, value;
        if (!decode(piece.substr(0, eq), &key) ||
            (eq != std::string_view::npos && !decode(piece.substr(eq + 1), &value))) {
            p.problems.push_back(quote_input(piece) + ": a broken %-escape");
        } else if (key.empty()) {
            p.problems.push_back(quote_input(piece) + ": no key");
        } else if (p.pairs.size() >= kMaxQueryPairs) {
            p.problems.push_back("more than " + std::to_string(kMaxQueryPairs) + " keys: the rest were not read");
            break;
        } else {
            p.pairs.emplace_back(std::move(key), std::move(value));
        }
        if (end == q.size()) break;
    }
    return Result<ParsedQuery>::of(std::move(p));
}

std::string encode_query(const QueryPairs& pairs) {
    std::string out;
    for (const auto& [k, v] : pairs) {
        if (!out.empty()) out += '&';
        escape(k, &out);
        out += '=';
        escape(v, &out);
    }
    return out;
}

}  // namespace scaling
