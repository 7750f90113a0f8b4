// test_query.cpp: reading and writing permalink queries (core/query.hpp).
#include <doctest/doctest.h>

#include <string>

#include "core/query.hpp"

using namespace scaling;

TEST_CASE("query: pairs decoded in order, escapes and + undone, leading ? optional") {
    const auto q = parse_query("?view=frontier&flops=3.8e25&law=chinchilla-a3&note=a+b%2Cc%20d&flag");
    REQUIRE(q.ok());
    const QueryPairs want = {{"view", "frontier"}, {"flops", "3.8e25"}, {"law", "chinchilla-a3"}, {"note", "a b,c d"}, {"flag", ""}};
    CHECK(q.value.pairs == want);
    CHECK(q.value.problems.empty());
    CHECK(parse_query("").value.pairs.empty());
    CHECK(parse_query("?").value.pairs.empty());
    CHECK(parse_query("a=1&&b=2&").value.pairs.size() == 2);
}

TEST_CASE("query: what is written reads back the same, + and < escaped") {
    const QueryPairs pairs = {{"flops", "1e+24"}, {"text", "<script>alert(1)</script>"}, {"u", "é ≈"}, {"list", "1,2:3"}};
    const std::string enc = encode_query(pairs);
    CHECK(enc.find('<') == std::string::npos);
    CHECK(enc.find('+') == std::string::npos);
    CHECK(enc.find("list=1,2:3") != std::string::npos);
    const auto back = parse_query(enc);
    REQUIRE(back.ok());
    CHECK(back.value.pairs == pairs);
}

TEST_CASE("query: broken pieces are listed and left out; size and count are bounded") {
    const auto q = parse_query("a=%zz&b=%4&=3&c=%00&d=ok");
    REQUIRE(q.ok());
    CHECK(q.value.pairs == QueryPairs{{"d", "ok"}});
    REQUIRE(q.value.problems.size() == 4);
    CHECK(q.value.problems[0].find("broken %-escape") != std::string::npos);
    CHECK(q.value.problems[2].find("no key") != std::string::npos);
    CHECK_FALSE(parse_query(std::string(kMaxQueryBytes + 1, 'a')).ok());
    std::string many;
    for (size_t i = 0; i < kMaxQueryPairs + 10; ++i) many += "k" + std::to_string(i) + "=1&";
    const auto m = parse_query(many);
    REQUIRE(m.ok());
    CHECK(m.value.pairs.size() == kMaxQueryPairs);
    CHECK(m.value.problems.back().find("more than 64 keys") != std::string::npos);
}
