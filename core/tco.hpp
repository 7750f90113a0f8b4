// tco.hpp: total cost of ownership of a model: training once, then serving it every day. Break-even
// (when cumulative inference passes training), inference per year against training, the lifetime's
// total, and the over-training decision (extra training dollars for a smaller model against its
// saving per request: the payback). Pure arithmetic on dollars and requests; the requests and the
// view bring the prices (typed, or from the Budget, Serving and Lifetime commands).
//
// Traffic growth compounds continuously at the yearly rate g people quote: requests a day at day t
// are r(t) = r0 * (1 + g)^(t / 365) = r0 * exp(k t) with k = ln(1 + g) / 365, so after a year the
// traffic is (1 + g) times, with no steps. Cumulative requests R(t) = r0 (exp(k t) - 1) / k (r0 t
// when g = 0), and break-even solves R(t) * p = T exactly: t = ln(1 + T k / (r0 p)) / k.
#pragma once
#include <string>
#include <vector>

#include "result.hpp"

namespace scaling {

struct TcoInputs {
    double training_dollars = 0;        // $, once, at day 0
    double dollars_per_request = 0;     // $ per request served
    double requests_per_day = 0;        // requests a day at day 0
    double lifetime_days = 365;         // days the model serves
    double traffic_growth = 0;          // per year: 0.5 = +50% a year; in (-1, ...]; 0 = flat
    double extra_training_dollars = 0;  // over-training: extra $ to train the smaller model (0: no decision)
    double saving_per_request = 0;      // over-training: $ saved on each request by the smaller model
};

struct TcoResult {
    double break_even_requests = 0;         // T / p: requests whose inference costs as much as training
    double break_even_days = 0;             // when cumulative inference reaches T; infinite if never
    double inference_dollars_per_year = 0;  // the first year's inference (growth applied)
    double inference_to_training = 0;       // the first year's inference / training
    double lifetime_requests = 0;           // R(lifetime)
    double lifetime_inference_dollars = 0;  // p * R(lifetime)
    double tco_dollars = 0;                 // training + lifetime inference
    double lifetime_inference_to_training = 0;
    // Over-training (only when extra_training_dollars and saving_per_request are both given).
    bool has_over_training = false;
    double saving_dollars_per_day = 0;      // s * r0, at day 0
    double payback_requests = 0;            // E / s
    double payback_days = 0;                // when cumulative saving reaches E; infinite if never
    double lifetime_net_saving = 0;         // s * R(lifetime) - E (negative: it does not pay back)
    std::vector<std::string> warnings;      // break-even or payback beyond the lifetime, never, ...
};

// Requests served in the first `days` days at r0 a day growing at g a year (continuous compounding).
double cumulative_requests(double requests_per_day, double traffic_growth, double days);
// Days until cumulative requests reach `requests` (the inverse of the above); infinity when shrinking
// traffic never gets there.
double days_to_requests(double requests_per_day, double traffic_growth, double requests);

// "1 day", "90.4 days", "500 days", "1825 days": days as the warnings and the view write them.
std::string format_days(double days);

// Errors name the field: a price, traffic or lifetime that is not a finite positive number, growth
// at or below -100%, a saving without its extra training (or the reverse).
Result<TcoResult> tco(const TcoInputs& in);

// The break-even formula in circulation, Training_cost / ((N_large - N_small) x cost_per_request) /
// daily_requests, and why its units do not make days (see tco.cpp and site/docs-tco.html).
struct Claim {
    const char* formula;
    const char* dimensions;
    const char* consistent_form;
    const char* saving_from_parameters;
    const char* source;
};
const Claim& circulating_break_even_claim();

// The saving per request of a smaller model from parameters: 2 FLOP per parameter per token
// (Kaplan et al. 2020, Sec. 2.1: core/compute.hpp) x (N_large - N_small) x tokens per request x $ per FLOP.
double saving_per_request_from_params(double n_large, double n_small, double tokens_per_request, double dollars_per_flop);

}  // namespace scaling
