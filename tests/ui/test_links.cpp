// test_links.cpp: permalinks (shell/app_link.cpp) and embed mode, headless: every view's state goes
// into the query and comes back; hostile links change nothing and say so.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "core/saved_work.hpp"
#include "harness.hpp"

using test_ui::Harness;

namespace {

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) out += s + "\n";
    return out;
}

}  // namespace

TEST_CASE("a permalink carries the view and its inputs, and a fresh app restores them exactly") {
    Harness h;
    h.state.flops = 3.8e25;
    h.state.law = 1;
    std::snprintf(h.state.b_gpus, sizeof h.state.b_gpus, "%s", "16384");
    std::snprintf(h.state.b_days, sizeof h.state.b_days, "%s", "54");
    std::snprintf(h.state.b_price, sizeof h.state.b_price, "%s", "");
    h.state.gpu = 3;
    h.state.solve_for = 1;
    h.state.m_dtype = 3;
    std::snprintf(h.state.d_unique, sizeof h.state.d_unique, "%s", "40B");
    std::snprintf(h.state.t_p, sizeof h.state.t_p, "%s", "0.07");
    std::snprintf(h.state.e_len, sizeof h.state.e_len, "%s", "20");
    std::snprintf(h.state.f_examples, sizeof h.state.f_examples, "%s", "500");
    for (int view : {app::kAllocator, app::kBudget, app::kLifetime, app::kFit, app::kLandscape, app::kData, app::kTestTime,
                     app::kEmergence, app::kFineTuning}) {
        h.show(view);
        const std::string q = app::query_of(h.state);
        Harness fresh;
        const auto notices = app::apply_query(fresh.state, q);
        CHECK_MESSAGE(notices.empty(), q, "\n", joined(notices));
        fresh.frames(2);
        CHECK(fresh.state.view == view);
        CHECK(app::query_of(fresh.state) == q);
    }
    CHECK(app::query_of(h.state).find("flops=3.8e25") != std::string::npos);  // short, and no escaped +
    h.show(app::kBudget);
    const std::string budget = app::query_of(h.state);
    CHECK(budget.find("gpus=16384") != std::string::npos);
    CHECK(budget.find("solve=days") != std::string::npos);
    CHECK(budget.find("memory-dtype=int4") != std::string::npos);
    h.show(app::kData);
    CHECK(app::query_of(h.state).find("view=data&") != std::string::npos);
    CHECK(app::query_of(h.state).find("unique-tokens=40B") != std::string::npos);
    h.show(app::kTestTime);
    CHECK(app::query_of(h.state).find("success=0.07") != std::string::npos);
}

TEST_CASE("a permalink with the custom law carries its constants; a fitted law travels as my-fit") {
    Harness h;
    std::snprintf(h.state.custom_text[0], sizeof h.state.custom_text[0], "%s", "1.7");
    app::apply_custom_text(h.state);
    for (int i = 0; i < app::law_count(h.state); ++i)
        if (app::law_at(h.state, i).id == "custom") h.state.law = i;
    h.state.saved_fit.result.c = {1.8172, 482.01, 2085.43, 0.3478, 0.3658};
    h.state.saved_fit.min_flops = 1e18;
    h.state.saved_fit.max_flops = 3e21;
    h.state.has_saved_fit = true;
    app::use_fit(h.state, true, false);
    const std::string q = app::query_of(h.state);
    CHECK(q.find("E=1.7&") != std::string::npos);
    CHECK(q.find("my-fit=1.8172,") != std::string::npos);
    Harness fresh;
    CHECK(app::apply_query(fresh.state, q).empty());
    CHECK(app::current_law(fresh.state).chinchilla.E == 1.7);
    CHECK(fresh.state.has_fit);
    CHECK(app::law_at(fresh.state, app::law_count(fresh.state) - 1).chinchilla.A == 482.01);
    // Someone with a fit of their own keeps it: the link's is only mentioned.
    Harness other;
    other.state.saved_fit.result.c = {2.0, 300, 900, 0.3, 0.3};
    other.state.saved_fit.min_flops = 1e18;
    other.state.saved_fit.max_flops = 1e20;
    other.state.has_saved_fit = true;
    const auto notices = app::apply_query(other.state, q);
    REQUIRE(notices.size() == 1);
    CHECK(notices[0].find("your own saved fit was kept") != std::string::npos);
    CHECK(other.state.saved_fit.result.c.E == 2.0);
}

TEST_CASE("a link that names no law opens the default law; a link that names one keeps it") {
    Harness h;
    CHECK(app::apply_query(h.state, "view=allocator&flops=5.76e23").empty());
    h.frames(1);
    CHECK(app::current_law(h.state).id == scaling::kDefaultLawId);
    CHECK(ui_probe::text("law") == "epoch2024");
    Harness old;
    CHECK(app::apply_query(old.state, "view=allocator&flops=5.76e23&law=chinchilla-a3").empty());
    old.frames(1);
    CHECK(ui_probe::text("law") == "chinchilla-a3");
    CHECK(ui_probe::text("params") == "32.2B");
    CHECK(app::query_of(old.state).find("law=chinchilla-a3") != std::string::npos);  // and it travels on
}

TEST_CASE("hostile links: unknown keys, scripts, huge and malformed numbers change nothing and are listed") {
    Harness h;
    const std::string before = app::query_of(h.state);
    const auto notices = app::apply_query(
        h.state, "?view=%3Cscript%3Ealert(1)%3C/script%3E&flops=1e400&law=nope&gpus=abc&E=-1&zzz=1&mfu=NaN&"
                 "flops=-5&bootstrap=1e9&my-fit=1,2,3&days=" + std::string(100, '9') + "&embed=yes&gpu=%00");
    const std::string all = joined(notices);
    CHECK(app::query_of(h.state) == before);
    CHECK(h.state.flops == 5.76e23);
    CHECK(std::string(h.state.b_gpus) == "1000");
    CHECK_FALSE(h.state.embed);
    for (const char* key : {"\"view\"", "\"flops\"=\"1e400\"", "\"law\"", "\"gpus\"", "custom law", "\"zzz\"", "\"mfu\"",
                            "\"flops\"=\"-5\"", "\"bootstrap\"", "\"my-fit\"", "\"days\"", "\"embed\"", "broken %-escape"})
        CHECK_MESSAGE(all.find(key) != std::string::npos, key, "\n", all);
    h.frames(2);  // and the app draws
    CHECK(ui_probe::text("params") == "72.2B");
}

TEST_CASE("embed mode: one view, no tabs, a way out to the full explorer, and its height for the host") {
    Harness h(600, 1400);
    CHECK(app::apply_query(h.state, "embed=1&view=frontier&flops=1e24").empty());
    h.frames(3);
    CHECK(h.state.embed);
    CHECK(ui_probe::text("view") == "Frontier");
    ui_probe::Rect r;
    CHECK_FALSE(ui_probe::rect("tab:Allocator", &r));
    CHECK_FALSE(ui_probe::rect("copy_link", &r));
    h.click("open_full");
    CHECK(h.opened == "?" + app::query_of(h.state));
    CHECK(h.opened.find("view=frontier&flops=1e24") != std::string::npos);
    CHECK(h.reported_height > 200);
}

TEST_CASE("Copy link and Copy embed code hand the platform a permalink and an iframe snippet") {
    Harness h;
    h.platform.page_url = "https://example.org/explorer/";
    h.show(app::kIsoFlop);
    h.click("copy_link");
    CHECK(h.copied == "https://example.org/explorer/?" + app::query_of(h.state));
    h.click("copy_embed");
    CHECK(h.copied.rfind("<iframe class=\"scaling-explorer\" src=\"https://example.org/explorer/?embed=1&view=iso-flop&", 0) == 0);
    CHECK(h.copied.find("title=\"Scaling Explorer: Iso-FLOP\"") != std::string::npos);
}

TEST_CASE("Docs opens the current view's page beside the explorer") {
    Harness h;
    h.show(app::kNextFlop);
    h.click("docs");
    CHECK(h.opened == "docs-next-flop.html");
}

TEST_CASE("saved work carries the settings: a new session or an imported file comes back to the view and its inputs") {
    Harness h;
    h.show(app::kScenarios);
    app::set_budget(h.state, 1e24);
    std::snprintf(h.state.sc_k, sizeof h.state.sc_k, "%s", "20");
    h.frames(2);
    const std::string saved = scaling::saved_work_json(app::work_of(h.state));
    const auto work = scaling::parse_saved_work(saved);
    REQUIRE_MESSAGE(work.ok(), work.error);
    CHECK(work.value.settings == app::query_of(h.state));
    Harness again;
    app::restore_work(again.state, work.value);
    again.show(again.state.requested_view);
    CHECK(ui_probe::text("view") == "Scenarios");
    CHECK(std::string(again.state.sc_k) == "20");
    CHECK(again.state.flops == 1e24);
    // A link opened after the saved work wins for what it names.
    (void)app::apply_query(again.state, "view=data&flops=2e24");
    again.show(again.state.requested_view);
    CHECK(ui_probe::text("view") == "Data");
    CHECK(again.state.flops == 2e24);
    // Documents written before settings were saved still read, with none; a hostile one is refused.
    CHECK(scaling::parse_saved_work("{\"version\": 1, \"runs_text\": \"N,D,loss\\n\"}").ok());
    CHECK(scaling::parse_saved_work("{\"version\": 1, \"settings\": 42}").error.find("settings") != std::string::npos);
    CHECK(scaling::parse_saved_work("{\"version\": 1, \"settings\": \"" + std::string(9000, 'a') + "\"}").error.find("settings") !=
          std::string::npos);
}
