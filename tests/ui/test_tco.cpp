// test_tco.cpp: the TCO view computes the worked examples, a permalink restores its fields,
// bad text is named; its buttons fill the inputs from the Budget and Lifetime views' commands run
// on their own fields (with "prices as of"); the Budget view's dollar budget; the dates of prices.
#include <doctest/doctest.h>

#include "core/axis.hpp"
#include "core/commands.hpp"
#include "core/quantity.hpp"
#include "core/requests.hpp"
#include "core/hardware.hpp"
#include "harness.hpp"
#include "ui_probe.hpp"

namespace {
using test_ui::Harness;
bool has(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("TCO view: $10M, $0.01 a request, 1e9 a day break even after 1e9 requests in 1 day; $3.65B a year, 365x") {
    Harness h(1280, 3000);
    h.state.tco.requests_per_day.text = "1e9";
    h.show(app::kTco);
    CHECK(ui_probe::text("tco_break_even_requests") == scaling::format_count(1e9) + " requests");
    CHECK(ui_probe::text("tco_break_even_days") == "1 day");
    CHECK(ui_probe::text("tco_inference_per_year") == scaling::format_dollars(3.65e9) + " (365x training)");
    CHECK(ui_probe::text("tco_total") == scaling::format_dollars(3.66e9));
    CHECK(has(ui_probe::text("tco_claim"), "N_large - N_small"));
    // The figure draws the three series and marks the break-even.
    CHECK(has(ui_probe::text("series:Cumulative cost over time"), "Break-even"));
}

TEST_CASE("TCO view: $5M of extra training saving $0.001 a request at 1e7 a day saves $10K a day, paid back in 500 days") {
    Harness h(1280, 3000);
    h.show(app::kTco);  // the starting values: 1e7 requests a day, $5M extra, $0.001 saved
    CHECK(ui_probe::text("tco_saving_per_day") == scaling::format_dollars(1e4));
    CHECK(ui_probe::text("tco_payback_days") == "500 days");
    // Past the one-year lifetime: a warning says so.
    CHECK(has(ui_probe::text("tco_warning"), "pays back after 500 days"));
    h.state.tco.lifetime_days.text = "730";
    h.frames(2);
    CHECK(ui_probe::text("tco_warning").empty());
}

TEST_CASE("TCO view: a permalink restores its fields and its answer") {
    Harness h(1280, 3000);
    h.state.tco.training_dollars.text = "20M";
    h.state.tco.traffic_growth.text = "0.5";
    h.state.tco.dollars_per_request.text = "";
    h.state.tco.dollars_per_million_tokens.text = "2.5";
    h.state.tco.tokens_per_request.text = "4000";
    h.show(app::kTco);
    const std::string days = ui_probe::text("tco_break_even_days");
    const std::string q = app::query_of(h.state);
    CHECK(has(q, "training-dollars=20M"));
    CHECK(has(q, "traffic-growth=0.5"));
    h.state.tco.requests_per_day.text = "2e7";  // its own link key: not the Lifetime view's requests-per-day
    h.frames(2);
    const std::string days2 = ui_probe::text("tco_break_even_days");
    const std::string q2 = app::query_of(h.state);
    CHECK(has(q2, "tco-requests-per-day=2e7"));
    Harness fresh(1280, 3000);
    CHECK(app::apply_query(fresh.state, q).empty());
    fresh.frames(3);
    CHECK(fresh.state.view == app::kTco);
    CHECK(fresh.state.tco.dollars_per_million_tokens.text == "2.5");
    CHECK(ui_probe::text("tco_break_even_days") == days);
    Harness again(1280, 3000);
    CHECK(app::apply_query(again.state, q2).empty());
    again.frames(3);
    CHECK(again.state.tco.requests_per_day.text == "2e7");
    CHECK(again.state.lifetime.requests_per_day.text == again.state.lifetime.requests_per_day.in->initial);
    CHECK(ui_probe::text("tco_break_even_days") == days2);
    CHECK(days2 != days);
}

TEST_CASE("TCO view: bad text is named; both forms of the cost per request at once are refused") {
    Harness h(1280, 3000);
    h.state.tco.training_dollars.text = "abc";
    h.show(app::kTco);
    CHECK(has(ui_probe::text("input_error"), "Training cost"));
    h.state.tco.training_dollars.text = "10M";
    h.state.tco.dollars_per_million_tokens.text = "2.5";
    h.state.tco.tokens_per_request.text = "4000";
    h.frames(2);
    CHECK(has(ui_probe::text("tco_error"), "--dollars-per-million-tokens"));
}

TEST_CASE("TCO view: the Budget and Lifetime buttons run those views' commands on their fields, with prices as of") {
    Harness h(1280, 3000);
    h.state.hardware.gpus.text = "1000";
    h.state.hardware.days.text = "60";
    h.show(app::kTco);
    h.click("tco_from_budget");
    h.frames(2);
    // 1,000 GPUs x 60 days x 24 h at the catalogue's price.
    const scaling::Gpu& gpu = scaling::all_gpus()[static_cast<size_t>(h.state.hardware.gpu.index())];
    CHECK(h.state.tco.training_dollars.text == scaling::format_significant(1000 * 60 * 24 * gpu.price_per_hour, 6));
    CHECK(has(ui_probe::text("tco_training_note"), ("prices as of " + gpu.price_date).c_str()));

    h.state.tco.extra_training_dollars.text = "";
    h.state.tco.saving_per_request.text = "";
    h.frames(2);
    h.click("tco_from_lifetime");
    h.frames(2);
    CHECK(h.state.tco.extra_training_dollars.given());
    CHECK(h.state.tco.saving_per_request.given());
    CHECK(has(ui_probe::text("tco_over_note"), "prices as of"));
    CHECK(!ui_probe::text("tco_payback_days").empty());

    // The Serving view's button runs `serve` on the Serving view's fields: its dollars per request.
    h.state.serving.batch.text = "8";
    h.click("tco_from_serving");
    h.frames(2);
    const scaling::Result<scaling::Json> served = scaling::serve_request({{"batch", "8"}});
    REQUIRE(served.ok());
    const double typed = scaling::read_number(scaling::inputs::kDollarsPerRequest, h.state.tco.dollars_per_request.text).value;
    CHECK(typed == doctest::Approx(served.value["dollars_per_request"].get<double>()).epsilon(1e-5));
    CHECK(has(ui_probe::text("tco_request_note"), ("prices as of " + served.value["prices_as_of"].get<std::string>()).c_str()));
}

TEST_CASE("Budget view: a dollar budget buys FLOP and days at the solve choices; results say prices as of") {
    Harness h(1280, 3000);
    h.state.hardware.solve.text = "flops";
    h.state.hardware.dollars.text = "1M";
    h.show(app::kBudget);
    CHECK(ui_probe::text("budget_dollars") == scaling::format_dollars(1e6));
    const scaling::Gpu& gpu = scaling::all_gpus()[static_cast<size_t>(h.state.hardware.gpu.index())];
    // Days follow from the dollars: 1e6 / price GPU-hours over 1,000 GPUs.
    CHECK(h.state.hardware.days.text == scaling::format_count(1e6 / gpu.price_per_hour / (24 * 1000)));
    CHECK(has(ui_probe::text("budget_prices_as_of"), ("prices as of " + gpu.price_date).c_str()));
    h.state.hardware.solve.text = "days";
    h.frames(2);
    CHECK(has(ui_probe::text("budget_result_error"), "solve for FLOP or MFU"));

    h.state.hardware.dollars.text = "";
    h.state.hardware.solve.text = "flops";
    h.show(app::kLifetime);
    CHECK(has(ui_probe::text("dollars_prices_as_of"), "prices as of"));
}
