// test_draws.cpp: the bootstrap draws file: the Epoch set in assets/ is what its script makes (count,
// seed, provenance, and its first draws refitted here), a set reads back as written, and every
// defect of a draws file is named with the file and line.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/draws.hpp"
#include "core/fit.hpp"
#include "core/runs.hpp"
#include "files.hpp"

using namespace scaling;

namespace {

const char* const kFile = "epoch2024-bootstrap.csv";

const DrawSet& epoch_draws() {
    const Result<const DrawSet*> set = embedded_draws(kFile);
    REQUIRE_MESSAGE(set.ok(), set.error);
    return *set.value;
}

const std::string kCounts = "# runs: 240\n# resamples: 3\n# seed: 7\n# not converged: 0\n";

std::string error_of(const std::string& text) {
    const auto r = parse_draws(text, "d.csv");
    return r.ok() ? std::string() : r.error;
}

}  // namespace

TEST_CASE("the Epoch draws: 4,000 resamples of the 240 runs, as Besiroglu et al. 2024 did, all kept") {
    const DrawSet& d = epoch_draws();
    // Besiroglu et al. 2024 (arXiv 2404.10102), Sec. 2: 240 of 245 runs, 4,000 bootstrap resamples.
    CHECK(d.draws.size() == 4000);
    CHECK(d.resamples == 4000);
    CHECK(d.runs == 240);
    CHECK(d.seed == 20240416);
    CHECK(d.not_converged == 0);
    CHECK(find_law("epoch2024")->draws_file == kFile);
}

TEST_CASE("the Epoch draws file records where it comes from and how it was made") {
    const std::string text = read_file(SCALING_ASSETS_DIR "/epoch2024-bootstrap.csv");
    REQUIRE(!text.empty());
    // The data file and its commit as ../shared/data/README.md gives them, the script, the method.
    for (const char* says : {"chinchilla-fig4-epoch2024.csv (sha256 ", "epoch-research/analyzing-chinchilla",
                             "data/svg_extracted_data.csv", "92258837425e1b5f2851d624287f0120583a3d0e",
                             "command: scripts/make-bootstrap-draws", "--exclude-top 5 --resamples 4000 --seed 20240416",
                             "the 5 highest losses left out", "Huber loss (delta 1e-3)", "# not converged: 0"}) {
        CAPTURE(says);
        CHECK(text.find(says) != std::string::npos);
    }
    // The file the program uses is the file in assets/ (compiled in natively, fetched on the web).
    const auto parsed = parse_draws(text, kFile);
    REQUIRE(parsed.ok());
    CHECK(parsed.value.draws.back().B == epoch_draws().draws.back().B);
}

TEST_CASE("the first 50 Epoch draws are refitted here from the shared data with the file's seed") {
    // scripts/make-bootstrap-draws --check regenerates the whole file (tests/cli); this checks the
    // core still makes the same draws. A bootstrap's first resamples do not depend on how many follow.
    const std::string text = read_file(SCALING_SHARED_DATA "/chinchilla-fig4-epoch2024.csv");
    REQUIRE_MESSAGE(!text.empty(), "needs ../shared/data beside the project");
    const DrawSet& d = epoch_draws();
    const std::vector<Run> runs = exclude_top_losses(parse_runs(text).value.runs, 5);
    REQUIRE(static_cast<int>(runs.size()) == d.runs);
    const auto best = fit_chinchilla(runs);
    REQUIRE(best.ok());
    const auto boot = bootstrap(runs, best.value, 50, d.seed);
    REQUIRE(boot.ok());
    // Tolerance 1e-5: the file holds kDrawDigits = 6 significant digits (half a unit: 5e-6), and
    // another compiler's last bits may round a digit the other way.
    for (size_t i = 0; i < 50; ++i) {
        CAPTURE(i);
        const ChinchillaConstants& mine = boot.value.fits[i].c;
        const ChinchillaConstants& file = d.draws[i];
        CHECK(mine.E == doctest::Approx(file.E).epsilon(1e-5));
        CHECK(mine.A == doctest::Approx(file.A).epsilon(1e-5));
        CHECK(mine.B == doctest::Approx(file.B).epsilon(1e-5));
        CHECK(mine.alpha == doctest::Approx(file.alpha).epsilon(1e-5));
        CHECK(mine.beta == doctest::Approx(file.beta).epsilon(1e-5));
    }
}

TEST_CASE("a set reads back as written, to the digits written, with its counts") {
    DrawSet set;
    set.runs = 12;
    set.resamples = 5;
    set.seed = 18446744073709551ull;
    set.not_converged = 1;
    for (int i = 0; i < 3; ++i) set.draws.push_back({1.8 + i * 1e-7, 482.0123456, 2085.43, 0.347812345, 0.3658});
    const auto back = parse_draws(draws_csv(set, {"made by a test", "a second note"}), "d.csv");
    REQUIRE_MESSAGE(back.ok(), back.error);
    CHECK(back.value.runs == 12);
    CHECK(back.value.resamples == 5);  // more resamples than draws: the first ones kept
    CHECK(back.value.seed == set.seed);
    CHECK(back.value.not_converged == 1);
    REQUIRE(back.value.draws.size() == 3);
    CHECK(back.value.draws[0].A == 482.012);  // 6 significant digits
    CHECK(back.value.draws[0].alpha == 0.347812);
}

TEST_CASE("defects of a draws file are named with file, line and what is wrong") {
    struct Case { std::string text; const char* says; };
    const std::string header = "E,A,B,alpha,beta\n";
    const std::string row = "1.8,482,2085,0.35,0.37\n";
    const Case cases[] = {
        {"", "d.csv: missing the line \"# runs: N\""},
        {"# resamples: 3\n# seed: 7\n# not converged: 0\n" + header + row, "missing the line \"# runs: N\""},
        {kCounts + "# seed: 8\n" + header + row, "d.csv:5: \"seed\" is given twice"},
        {"# runs: -3\n" + kCounts.substr(12) + header + row, "d.csv:1: \"runs\" must be a whole number"},
        {"# runs: 240\n# resamples: 1e3\n# seed: 7\n# not converged: 0\n" + header + row, "d.csv:2: \"resamples\" must be a whole number"},
        {"# runs: 240\n# resamples: 99999999999999999999\n# seed: 7\n# not converged: 0\n" + header, "d.csv:2: \"resamples\" must be"},
        {"# runs: 2\n# resamples: 3\n# seed: 7\n# not converged: 0\n" + header + row, "\"runs\" must be at least 5"},
        {"# runs: 240\n# resamples: 3\n# seed: 7\n# not converged: 4\n" + header + row, "more resamples \"not converged\""},
        {kCounts, "d.csv: no header"},
        {kCounts + header, "d.csv: no rows"},
        {kCounts + "E,A,B,beta,alpha\n" + row, "d.csv:5: header column 4 must be \"alpha\""},
        {kCounts + header + "1.8,482,2085,0.35\n", "d.csv:6: 4 fields, expected 5"},
        {kCounts + header + "1.8,482,2085,-0.35,0.37\n", "d.csv:6: alpha: \"-0.35\" is negative"},
        {kCounts + header + "1.8,482,2085,0.35,nan\n", "d.csv:6: beta:"},
        {kCounts + header + "1.8,1e400,2085,0.35,0.37\n", "d.csv:6: A:"},
        {kCounts + header + "1.8,,2085,0.35,0.37\n", "d.csv:6: A: missing"},
        {kCounts + header + row + row + row + row, "d.csv: 4 draws, more than the 3 resamples"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const std::string e = error_of(c.text);
        CHECK_MESSAGE(e.find(c.says) != std::string::npos, e);
    }
    CHECK(error_of(kCounts + header + row) == "");
}

TEST_CASE("a law names only a draws file the program has, and only for the Chinchilla form") {
    const std::string law =
        R"({"id":"x","name":"X","citation":"c","kind":"chinchilla","form":"f","n_counts":"n","compute_convention":"C = 6ND","constants":{"E":1,"A":2,"B":3,"alpha":0.3,"beta":0.3},"draws":"FILE"})";
    auto with_file = [&](const std::string& file) {
        std::string s = law;
        s.replace(s.find("FILE"), 4, file);
        return parse_laws(s, "laws.jsonl");
    };
    CHECK(with_file(kFile).ok());
    CHECK(with_file("missing.csv").error.find("\"draws\" names no draws file of assets/ (missing.csv)") != std::string::npos);
    const std::string ratio =
        R"({"id":"y","name":"Y","citation":"c","kind":"ratio","form":"f","n_counts":"n","compute_convention":"C = 6ND","constants":{"tokens_per_param":20},"draws":"epoch2024-bootstrap.csv"})";
    const std::string e = parse_laws(ratio, "laws.jsonl").error;
    CHECK_MESSAGE(e.find("draws are for chinchilla-form laws") != std::string::npos, e);
}
