// test_bad_inputs.cpp: the in-app half of the bad-input catalogue (tests/bad_inputs.json): hostile
// permalinks, typed fields, pasted runs and data files. Each says what is wrong, naming the key or
// field, and leaves a state the app draws without NaN or inf.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "app.hpp"
#include "core/catalog.hpp"
#include "core/gallery.hpp"
#include "core/hardware.hpp"
#include "core/runs.hpp"
#include "harness.hpp"
#include "ui_probe.hpp"

namespace {

using test_ui::Harness;

nlohmann::json catalogue() {
    std::ifstream in(SCALING_TESTS_DIR "/bad_inputs.json");
    std::stringstream ss;
    ss << in.rdbuf();
    return nlohmann::json::parse(ss.str());
}

// '@repeat:N:TEXT' -> TEXT N times, with a literal \n in TEXT as a newline (as the CLI runner).
std::string expand(const std::string& t) {
    const size_t at = t.find("@repeat:");
    if (at == std::string::npos) return t;
    const size_t colon = t.find(':', at + 8);
    const long n = std::stol(t.substr(at + 8, colon - at - 8));
    std::string unit = t.substr(colon + 1);
    for (size_t p; (p = unit.find("\\n")) != std::string::npos;) unit.replace(p, 2, "\n");
    std::string out = t.substr(0, at);
    out.reserve(out.size() + unit.size() * static_cast<size_t>(n));
    for (long i = 0; i < n; ++i) out += unit;
    return out;
}

// NaN or inf in what the views drew (the probe's texts), after taking out the user's own text.
bool shows_nan_or_inf(std::string texts, const std::string& typed) {
    if (!typed.empty())
        for (size_t p; (p = texts.find(typed)) != std::string::npos;) texts.erase(p, typed.size());
    static const std::regex kBad(R"((^|[^A-Za-z])(nan|inf|infinity)([^A-Za-z]|$))", std::regex::icase);
    return std::regex_search(texts, kBad);
}

int view_named(const std::string& name) {
    for (int v = 0; v < app::kViewCount; ++v)
        if (name == app::view_name(v)) return v;
    return -1;
}

}  // namespace

TEST_CASE("bad-input catalogue, permalinks: each key at fault is named, the app draws no NaN") {
    const nlohmann::json cases = catalogue();  // held: a temporary would die before the loop body
    for (const auto& c : cases["url"]) {
        const std::string query = expand(c["query"].get<std::string>());
        INFO("query: " << query.substr(0, 80));
        Harness h;
        const std::vector<std::string> notices = app::apply_query(h.state, query);
        h.show(h.state.requested_view >= 0 ? h.state.requested_view : app::kAllocator);
        h.frames(2);
        if (c.contains("names")) {
            std::string all;
            for (const std::string& n : notices) all += n + "\n";
            CHECK_MESSAGE(all.find(c["names"].get<std::string>()) != std::string::npos, "notices: " << all);
        } else {
            CHECK(ui_probe::text("input_error").find(c["field_error"].get<std::string>()) != std::string::npos);
        }
        CHECK_FALSE(shows_nan_or_inf(ui_probe::to_json(), ""));
        CHECK(app::query_of(h.state).size() < 4096);  // what the app writes back stays bounded
    }
}

TEST_CASE("bad-input catalogue, typed fields: the message under the field names it, nothing shows NaN") {
    const nlohmann::json cases = catalogue();  // held: a temporary would die before the loop body
    for (const auto& c : cases["field"]) {
        const std::string view = c["view"], field = c["field"], text = c["text"], error = c["error"];
        INFO(view << " / " << field << " = " << text);
        Harness h;
        const int v = view_named(view);
        REQUIRE(v >= 0);
        h.show(v);
        h.click(field);
        h.type(text.c_str());
        h.frames(2);
        if (error == "budget") CHECK_FALSE(h.state.budget_error.empty());
        else CHECK(ui_probe::text("input_error").find(error) != std::string::npos);
        CHECK_FALSE(shows_nan_or_inf(ui_probe::to_json(), text));
    }
}

TEST_CASE("bad-input catalogue, pasted runs: refused or rows rejected with reasons; accepted rows are finite") {
    const nlohmann::json cases = catalogue();  // held: a temporary would die before the loop body
    for (const auto& c : cases["csv"]) {
        const std::string text = expand(c["text"].get<std::string>()), error = c["error"];
        INFO("runs: " << text.substr(0, 60) << " (" << text.size() << " bytes)");
        const scaling::Result<scaling::RunTable> r = scaling::parse_runs(text);
        if (r.ok()) {
            CHECK(error.empty());
            for (const scaling::Run& run : r.value.runs) CHECK((std::isfinite(run.loss) && run.loss > 0));
        } else {
            CHECK_FALSE(r.error.empty());
            CHECK(r.error.size() < 500);
            CHECK_MESSAGE(r.error.find(error) != std::string::npos, r.error);
        }
    }
}

TEST_CASE("bad-input catalogue, data files: refused with the file, line and field") {
    const nlohmann::json cases = catalogue();  // held: a temporary would die before the loop body
    for (const auto& c : cases["data"]) {
        const std::string loader = c["loader"], text = c["text"], error = c["error"];
        INFO(loader << ": " << text.substr(0, 60));
        std::string why;
        if (loader == "models") why = scaling::parse_models(text, "m.csv").error;
        else if (loader == "laws") why = scaling::parse_laws(text, "l.jsonl").error;
        else why = scaling::parse_hardware(text, "h.csv").error;
        CHECK_FALSE(why.empty());
        CHECK(why.find(error) != std::string::npos);
    }
}
