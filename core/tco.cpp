// tco.cpp: total cost of ownership, break-even and the over-training payback (tco.hpp), and the
// circulating break-even formula shown as a claim.
#include "tco.hpp"

#include <cmath>
#include <limits>

#include "axis.hpp"
#include "compute.hpp"
#include "quantity.hpp"

namespace scaling {
namespace {

constexpr double kDaysPerYear = 365;  // growth is quoted per year; "a year" of inference is 365 days
constexpr double kNever = std::numeric_limits<double>::infinity();

bool finite_positive(double x) { return std::isfinite(x) && x > 0; }

// Continuous daily rate k = ln(1 + g) / 365, so that r(365) = r0 (1 + g).
double daily_rate(double traffic_growth) { return std::log1p(traffic_growth) / kDaysPerYear; }

}  // namespace

std::string format_days(double days) {
    const std::string n = days >= 1e6 ? format_scientific(days) : days >= 100 ? format_fixed(days, 0) : format_significant(days, 3);
    return n + (n == "1" ? " day" : " days");
}

double cumulative_requests(double r0, double g, double days) {
    const double k = daily_rate(g);
    // expm1 keeps the flat limit exact: (exp(k t) - 1) / k -> t as k -> 0.
    return k == 0 ? r0 * days : r0 * std::expm1(k * days) / k;
}

double days_to_requests(double r0, double g, double requests) {
    const double k = daily_rate(g);
    if (k == 0) return requests / r0;
    const double x = requests * k / r0;  // exp(k t) - 1 at the answer
    if (!(x > -1)) return kNever;         // shrinking traffic serves at most r0 / |k| requests
    return std::log1p(x) / k;
}

Result<TcoResult> tco(const TcoInputs& in) {
    using R = Result<TcoResult>;
    const std::pair<const char*, double> positive[] = {{"training_dollars", in.training_dollars},
                                                       {"dollars_per_request", in.dollars_per_request},
                                                       {"requests_per_day", in.requests_per_day},
                                                       {"lifetime_days", in.lifetime_days}};
    for (const auto& [field, v] : positive)
        if (!finite_positive(v)) return R::fail("must be a finite number greater than zero", field);
    if (!std::isfinite(in.traffic_growth) || !(in.traffic_growth > -1))
        return R::fail("must be above -1 (-100% a year: no traffic at all)", "traffic_growth");
    const bool extra = in.extra_training_dollars != 0, saving = in.saving_per_request != 0;
    if (extra && !finite_positive(in.extra_training_dollars))
        return R::fail("must be a finite number greater than zero", "extra_training_dollars");
    if (saving && !finite_positive(in.saving_per_request))
        return R::fail("must be a finite number greater than zero", "saving_per_request");
    if (extra != saving)
        return R::fail("is needed with the other half of the over-training decision (extra training dollars and "
                       "the saving per request go together)",
                       extra ? "saving_per_request" : "extra_training_dollars");

    const double T = in.training_dollars, p = in.dollars_per_request, r0 = in.requests_per_day;
    const double g = in.traffic_growth, L = in.lifetime_days;
    TcoResult r;
    r.break_even_requests = T / p;
    if (!std::isfinite(r.break_even_requests))  // a price per request of 1e-300 is allowed by its range
        return R::fail("is too small against the training: the requests to break even are beyond a double",
                       "dollars_per_request");
    r.break_even_days = days_to_requests(r0, g, r.break_even_requests);
    // Never is an answer only for shrinking traffic; growing or flat traffic that takes longer than a
    // double counts is a request rate too small to mean anything.
    if (std::isinf(r.break_even_days) && g >= 0)
        return R::fail("is too small: break-even would take more days than a double holds", "requests_per_day");
    r.inference_dollars_per_year = p * cumulative_requests(r0, g, kDaysPerYear);
    r.inference_to_training = r.inference_dollars_per_year / T;
    r.lifetime_requests = cumulative_requests(r0, g, L);
    r.lifetime_inference_dollars = p * r.lifetime_requests;
    r.tco_dollars = T + r.lifetime_inference_dollars;
    r.lifetime_inference_to_training = r.lifetime_inference_dollars / T;
    if (!std::isfinite(r.tco_dollars) || !std::isfinite(r.inference_dollars_per_year))
        return R::fail("the total overflows: traffic this large over this lifetime is beyond a double", "lifetime_days");

    if (r.break_even_days == kNever && g < 0)
        r.warnings.push_back("traffic shrinking " + format_percent(-g, 0) + " a year never serves the " +
                             format_count(r.break_even_requests) + " requests whose inference costs as much as training: "
                             "training stays the larger cost for ever");
    else if (r.break_even_days > L)
        r.warnings.push_back("break-even after " + format_days(r.break_even_days) + ", beyond the lifetime of " +
                             format_days(L) + ": over the model's life training costs more than serving it");

    if (extra) {
        const double E = in.extra_training_dollars, s = in.saving_per_request;
        r.has_over_training = true;
        r.saving_dollars_per_day = s * r0;
        r.payback_requests = E / s;
        if (!std::isfinite(r.payback_requests))
            return R::fail("is too small against the extra training: the requests to pay it back are beyond a double",
                           "saving_per_request");
        r.payback_days = days_to_requests(r0, g, r.payback_requests);
        if (std::isinf(r.payback_days) && g >= 0)
            return R::fail("is too small: the payback would take more days than a double holds", "requests_per_day");
        r.lifetime_net_saving = s * r.lifetime_requests - E;
        if (r.payback_days == kNever && g < 0)
            r.warnings.push_back("the saving never pays back the extra training: shrinking traffic never serves the " +
                                 format_count(r.payback_requests) + " requests it needs");
        else if (r.payback_days > L)
            r.warnings.push_back("the over-training pays back after " + format_days(r.payback_days) +
                                 ", beyond the lifetime of " + format_days(L) + ": the smaller model loses " +
                                 format_dollars(-r.lifetime_net_saving) + " over its life");
        if (s > p)
            r.warnings.push_back("the saving per request is more than a request costs (" + format_dollars(s) + " > " +
                                 format_dollars(p) + "): the saving is against a different, dearer model; check both");
    }
    return R::of(r);
}

// The form found in circulation, unsourced (no primary source found; see site/docs-tco.html).
const Claim& circulating_break_even_claim() {
    static const Claim kClaim{
        "break_even_days = Training_cost / ((N_large - N_small) x cost_per_request) / daily_requests",
        "$ / (parameters x $/request) / (requests/day) = days / parameter: a time per parameter, not a time. "
        "With N in parameters (70B - 7B = 6.3e10) the answer is 6.3e10 times too small. It is days only if "
        "cost_per_request is a cost per request per parameter, so that (N_large - N_small) x it is the saving per "
        "request, and only if Training_cost is the extra training of the smaller model, not the whole training.",
        "payback_days = extra_training_dollars / (saving_per_request x requests_per_day)",
        "saving_per_request = 2 x (N_large - N_small) x tokens_per_request x dollars_per_FLOP (2 FLOP per parameter "
        "per token served: Kaplan et al. 2020, arXiv 2001.08361, Sec. 2.1)",
        "unsourced: no primary source found; the rigorous version of the trade is Sardana et al. 2024, "
        "\"Beyond Chinchilla-Optimal\", arXiv 2401.00448 (the Lifetime view)"};
    return kClaim;
}

double saving_per_request_from_params(double n_large, double n_small, double tokens_per_request, double dollars_per_flop) {
    return kInferenceFlopPerParamToken * (n_large - n_small) * tokens_per_request * dollars_per_flop;
}

}  // namespace scaling
