// test_links.cpp: permalinks (shell/app_link.cpp) and embed mode, headless: every view's state goes
// into the query and comes back; hostile links change nothing and say so.
#include <doctest/doctest.h>

#include <cstdio>
#include <map>
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
    h.state.hardware.gpus.text = "16384";
    h.state.hardware.days.text = "54";
    h.state.hardware.price.text = "";
    h.state.hardware.gpu.choose(3);
    h.state.hardware.solve.text = "days";
    h.state.memory.dtype.text = "int4";
    h.state.data.unique_tokens.text = "40B";
    h.state.test_time.success.text = "0.07";
    h.state.emergence.answer_length.text = "20";
    h.state.fine_tuning.examples.text = "500";
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
    CHECK(h.state.hardware.gpus.text == "1000");
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
    h.state.scenarios.compute_multiple.text = "20";
    h.frames(2);
    const std::string saved = scaling::saved_work_json(app::work_of(h.state));
    const auto work = scaling::parse_saved_work(saved);
    REQUIRE_MESSAGE(work.ok(), work.error);
    CHECK(work.value.settings == app::query_of(h.state));
    Harness again;
    app::restore_work(again.state, work.value);
    again.show(again.state.requested_view);
    CHECK(ui_probe::text("view") == "Scenarios");
    CHECK(again.state.scenarios.compute_multiple.text == "20");
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

namespace {

// How many fields `each` visits, against how many the struct holds: a field added to a view's
// struct but not to its `each` would be left out of links.
template <class T>
void check_visits_every_field() {
    T inputs;
    size_t visited = 0;
    inputs.each([&](app::Field&) { ++visited; });
    CHECK(visited * sizeof(app::Field) == sizeof(T));
}

}  // namespace

TEST_CASE("each view's inputs visit every field they hold, so every field is in the view's links") {
    check_visits_every_field<app::HardwareInputs>();
    check_visits_every_field<app::MemoryInputs>();
    check_visits_every_field<app::LifetimeInputs>();
    check_visits_every_field<app::DataInputs>();
    check_visits_every_field<app::ScenariosInputs>();
    check_visits_every_field<app::TestTimeInputs>();
    check_visits_every_field<app::NextFlopInputs>();
    check_visits_every_field<app::EmergenceInputs>();
    check_visits_every_field<app::FineTuningInputs>();
    check_visits_every_field<app::ServingInputs>();
    check_visits_every_field<app::MoeInputs>();
    check_visits_every_field<app::RouterInputs>();
    check_visits_every_field<app::TcoInputs>();
    check_visits_every_field<app::CapexInputs>();
    check_visits_every_field<app::PostTrainingInputs>();
    check_visits_every_field<app::KaplanInputs>();
    check_visits_every_field<app::TaskInputs>();  // Downstream-task extrapolation (issue 20)
    check_visits_every_field<app::DesignInputs>();  // Sweep designer (issue 20)
    check_visits_every_field<app::ClaimsInputs>();  // issue 20: claims in circulation
}

TEST_CASE("no two views' fields share a link key: a link sets the field of the view it names") {
    // apply_query gives a key to the first field that has it, in any view; the CLI's flags may be
    // alike across commands (--gpu), the links' keys may not (serve-gpu, router-gpu).
    app::State s;
    std::map<std::string, const app::Field*> owner;
    for (int v = 0; v < app::kViewCount; ++v) {
        app::each_input(s, v, [&](app::Field& f) {
            const std::string key = scaling::link_key(*f.in);
            CAPTURE(key);
            CAPTURE(app::view_name(v));
            const auto [it, fresh] = owner.emplace(key, &f);
            CHECK((fresh || it->second == &f));  // the same field shown by two views (Next FLOP's p) is one
        });
    }
    CHECK(owner.size() > 100);
}

TEST_CASE("links written before the inputs had descriptors still open: every key they used is known") {
    // The keys of the links this explorer has written, view by view, with values they carried.
    const char* old_links[] = {
        "view=budget&gpu=h100-sxm&dtype=bf16&solve=flops&memory-dtype=int4&budget-flops=1e24&gpus=1000&days=60&mfu=0.4&"
        "price=&params=&layers=80&kv-heads=8&head-dim=128&context=4096&batch=16",
        "view=lifetime&train-gpu=h100-sxm&prefill-gpu=a100-80gb&decode-gpu=h100-sxm&train-dtype=bf16&prefill-dtype=fp8&"
        "decode-dtype=bf16&loss=&inference-tokens=2e12&over-params=7B&over-tokens=2T&requests=1e10&input-tokens=1000&"
        "output-tokens=250&requests-per-day=1e7&train-mfu=0.4&prefill-mfu=0.5&decode-mfu=0.1&train-price=&prefill-price=2&"
        "decode-price=",
        "view=data&unique-tokens=25B",
        "view=scenarios&base-params=70B&base-tokens=1.4T&compute-multiple=10&data-cap=2&base-data-tb=&reference-flops=3e26&"
        "reference-multiple=150&sparsity=8",
        "view=test-time&success=0.2&samples=64&model-params=8B&answer-tokens=1000&large-success=0.5&size-ratio=10&"
        "inference-ratio=0.1",
        "view=emergence&answer-length=10&accuracy-nc=4.6e7&accuracy-alpha=0.46",
        "view=fine-tuning&base-quality=0.8&k=1&saturation-examples=30000&examples=2000&transfer-params=1B&finetune-tokens=10M",
        "view=next-flop&success=0.2&inference-ratio=0.1&samples-now=1",
        "view=fit&exclude-top=5&bootstrap=1000",
        "law=custom&E=1.7&A=406.4&B=410.7&alpha=0.34&beta=0.28",
    };
    for (const char* link : old_links) {
        Harness h;
        CHECK_MESSAGE(app::apply_query(h.state, link).empty(), link);
    }
    Harness h;
    (void)app::apply_query(h.state, old_links[1]);
    CHECK(h.state.lifetime.phase[1].gpu.text == "a100-80gb");
    CHECK(h.state.lifetime.phase[1].price.text == "2");
    CHECK(h.state.lifetime.phase[1].dtype.index() == 1);
}
