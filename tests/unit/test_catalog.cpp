// test_catalog.cpp: the laws file is validated at load: each defect is reported with the file,
// the line and what is wrong.
#include <doctest/doctest.h>

#include <string>

#include "core/catalog.hpp"
#include "core/laws.hpp"

using namespace scaling;

namespace {
const std::string kGood =
    R"({"id":"x","name":"X","citation":"Someone 2024, arXiv 1","kind":"chinchilla","form":"f","n_counts":"total parameters","compute_convention":"C = 6ND","constants":{"E":1,"A":2,"B":3,"alpha":0.3,"beta":0.3}})";

std::string error_of(const std::string& text) {
    const auto r = parse_laws(text, "laws.jsonl");
    return r.ok() ? std::string() : r.error;
}

std::string with(const std::string& from, const std::string& to) {
    std::string s = kGood;
    s.replace(s.find(from), from.size(), to);
    return s;
}
}  // namespace

TEST_CASE("a well-formed line loads; comments and blank lines are skipped") {
    const auto r = parse_laws("# comment\n\n" + kGood + "\n", "laws.jsonl");
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.value.size() == 1);
    CHECK(r.value[0].chinchilla.B == 3);
}

TEST_CASE("defects are named with file, line and field") {
    struct Case { std::string text; const char* says; };
    const Case cases[] = {
        {"# c\n{not json", "laws.jsonl:2: not a JSON object"},
        {with(R"("citation":"Someone 2024, arXiv 1",)", ""), "laws.jsonl:1: law \"x\": missing \"citation\""},
        {with(R"("citation":"Someone 2024, arXiv 1")", R"("citation":"")"), "\"citation\" is empty"},
        {with(R"("A":2)", R"("A":-2)"), "\"A\" must be greater than zero"},
        {with(R"("A":2)", R"("A":"two")"), "\"A\" must be a number"},
        {with(R"("A":2,)", ""), "missing constant \"A\""},
        {with(R"("kind":"chinchilla")", R"("kind":"magic")"), "unknown kind \"magic\""},
        {with(R"("id":"x")", R"("id":"X Y")"), "ids use a-z"},
        {kGood + "\n" + kGood, "laws.jsonl:2: law \"x\": the id is used twice"},
        {with(R"("constants")", R"("valid_flops":[5,1],"constants")"), "\"valid_flops\" must be"},
        {with(R"("constants")", R"("intervals":{"E":[2,3],"A":[1,3],"B":[1,4],"alpha":[0.1,0.4],"beta":[0.1,0.4]},"constants")"),
         "interval \"E\" does not contain the constant"},
        {"", "no laws"},
    };
    for (const Case& c : cases) {
        const std::string e = error_of(c.text);
        CAPTURE(c.text);
        CHECK_MESSAGE(e.find(c.says) != std::string::npos, e);
    }
}

TEST_CASE("the shipped laws file loads without error") {
    const auto r = parse_laws(embedded::kLawsJsonl, "assets/laws.jsonl");
    CHECK_MESSAGE(r.ok(), r.error);
}
