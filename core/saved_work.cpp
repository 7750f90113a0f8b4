// saved_work.cpp: the saved-work document, written and checked.
#include "saved_work.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "quantity.hpp"
#include "query.hpp"

namespace scaling {
namespace {

using json = nlohmann::ordered_json;  // the one JSON type of the build (results_json.hpp): a second costs 8 KB of the first view

// Generous but bounded: localStorage holds about 5 MB per site, and a file should not be a trap.
constexpr size_t kMaxTextBytes = 32u << 20;

json interval(const Interval& i) { return json::array({i.lo, i.hi}); }
json finite_or_null(double x) { return std::isfinite(x) ? json(x) : json(); }

// Reads fields with their checks; the first failure is kept and names the field.
struct Reader {
    std::string error;
    bool fail(const std::string& field, const std::string& why) {
        if (error.empty()) error = field + ": " + why;
        return false;
    }
    bool number(const json& j, const char* key, double* out, bool positive) {
        if (!j.contains(key)) return fail(key, "missing");
        if (!j[key].is_number()) return fail(key, "not a number");
        const double v = j[key].get<double>();
        if (!std::isfinite(v) || (positive && !(v > 0))) return fail(key, "not a finite positive number");
        *out = v;
        return true;
    }
    bool integer(const json& j, const char* key, int* out, int lo, int hi) {
        if (!j.contains(key)) return true;  // optional: the default stands
        if (!j[key].is_number_integer()) return fail(key, "not an integer");
        const long long v = j[key].get<long long>();
        if (v < lo || v > hi) return fail(key, "outside " + std::to_string(lo) + " to " + std::to_string(hi));
        *out = static_cast<int>(v);
        return true;
    }
    bool text(const json& j, const char* key, std::string* out, size_t max) {
        if (!j.contains(key)) return true;
        if (!j[key].is_string()) return fail(key, "not text");
        if (j[key].get_ref<const std::string&>().size() > max) return fail(key, "too long");
        *out = j[key].get<std::string>();
        return true;
    }
    bool correlation(const json& j, const char* key, double* out) {
        if (!number(j, key, out, false)) return false;
        return std::fabs(*out) <= 1 || fail(key, "not a correlation from -1 to 1");
    }
    bool range(const json& j, const char* key, Interval* out) {
        if (!j.contains(key) || !j[key].is_array() || j[key].size() != 2 || !j[key][0].is_number() ||
            !j[key][1].is_number())
            return fail(key, "not a [low, high] pair");
        out->lo = j[key][0].get<double>();
        out->hi = j[key][1].get<double>();
        if (!std::isfinite(out->lo) || !std::isfinite(out->hi) || out->lo > out->hi)
            return fail(key, "not a finite interval");
        return true;
    }
};

}  // namespace

std::uint64_t text_fingerprint(std::string_view text) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
    return h;
}

std::string saved_work_json(const SavedWork& w) {
    json j;
    j["version"] = kSavedWorkVersion;
    j["runs_text"] = w.runs_text;
    j["columns"] = {{"N", w.columns[0]}, {"D", w.columns[1]}, {"C", w.columns[2]}, {"loss", w.columns[3]}};
    j["exclude_top"] = w.exclude;
    j["bootstrap"] = w.bootstrap;
    j["custom"] = {{"E", w.custom[0]}, {"A", w.custom[1]}, {"B", w.custom[2]}, {"alpha", w.custom[3]}, {"beta", w.custom[4]}};
    if (!w.settings.empty()) j["settings"] = w.settings;
    if (w.has_fit) {
        const SavedFit& f = w.fit;
        json fit = {{"E", f.result.c.E}, {"A", f.result.c.A}, {"B", f.result.c.B}, {"alpha", f.result.c.alpha},
                    {"beta", f.result.c.beta}, {"objective", f.result.objective}, {"starts", f.result.starts},
                    {"runs_used", f.runs_used}, {"min_flops", f.min_flops}, {"max_flops", f.max_flops},
                    {"exclude_top", f.exclude}, {"in_use", f.in_use},
                    // A 64-bit fingerprint as hex text: JSON numbers lose its low bits in JavaScript.
                    {"text_fingerprint", [&] { char b[17]; std::snprintf(b, sizeof b, "%016llx", static_cast<unsigned long long>(f.text_hash)); return std::string(b); }()}};
        const Convergence& c = f.result.convergence;
        fit["convergence"] = {{"iterations", c.iterations}, {"newton_steps", c.newton_steps},
                              {"gradient_norm", c.gradient_norm}, {"newton_gain", finite_or_null(c.newton_gain)},
                              {"stopped_by", stop_name(c.stop)}, {"capped_starts", c.capped}};
        if (f.has_intervals) {
            const BootstrapResult& b = f.intervals;
            fit["intervals_95"] = {{"resamples", b.resamples}, {"E", interval(b.E)}, {"A", interval(b.A)},
                                   {"B", interval(b.B)}, {"alpha", interval(b.alpha)}, {"beta", interval(b.beta)},
                                   {"a", interval(b.a_exp)}, {"b", interval(b.b_exp)},
                                   {"not_converged", b.not_converged}, {"corr_alpha_A", b.corr_alpha_A},
                                   {"corr_beta_B", b.corr_beta_B}, {"loss_at_largest", interval(b.loss_at_largest)},
                                   {"params_at_largest", interval(b.params_at_largest)}};
        }
        // The draws in their own file format (core/draws.hpp), read back by the same checks.
        if (f.draws) fit["draws"] = draws_csv(*f.draws);
        j["fit"] = fit;
    }
    return j.dump();
}

Result<SavedWork> parse_saved_work(std::string_view text) {
    using R = Result<SavedWork>;
    if (text.size() > kMaxTextBytes + 4096) return R::fail("the saved work is larger than 32 MB");
    const json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return R::fail("the saved work is not a JSON object");
    if (!j.contains("version") || !j["version"].is_number_integer())
        return R::fail("the saved work has no version number");
    if (j["version"].get<long long>() != kSavedWorkVersion)
        return R::fail("the saved work is version " + j["version"].dump() + "; this explorer reads version " +
                       std::to_string(kSavedWorkVersion));
    SavedWork w;
    Reader r;
    r.text(j, "runs_text", &w.runs_text, kMaxTextBytes);
    if (j.contains("columns")) {
        if (!j["columns"].is_object()) r.fail("columns", "not an object");
        else {
            const char* keys[4] = {"N", "D", "C", "loss"};
            for (int k = 0; k < 4; ++k) r.text(j["columns"], keys[k], &w.columns[k], 256);
        }
    }
    r.text(j, "settings", &w.settings, kMaxQueryBytes);  // optional: absent in documents before it
    r.integer(j, "exclude_top", &w.exclude, 0, kMaxRuns);
    r.integer(j, "bootstrap", &w.bootstrap, 0, 100000);
    if (j.contains("custom")) {
        if (!j["custom"].is_object()) r.fail("custom", "not an object");
        else {
            const char* keys[5] = {"E", "A", "B", "alpha", "beta"};
            for (int k = 0; k < 5; ++k) r.text(j["custom"], keys[k], &w.custom[k], 31);
        }
    }
    if (j.contains("fit")) {
        const json& f = j["fit"];
        if (!f.is_object()) return R::fail("fit: not an object");
        SavedFit& s = w.fit;
        ChinchillaConstants& c = s.result.c;
        r.number(f, "E", &c.E, true);
        r.number(f, "A", &c.A, true);
        r.number(f, "B", &c.B, true);
        r.number(f, "alpha", &c.alpha, true);
        r.number(f, "beta", &c.beta, true);
        r.number(f, "objective", &s.result.objective, false);
        r.number(f, "min_flops", &s.min_flops, true);
        r.number(f, "max_flops", &s.max_flops, true);
        r.integer(f, "starts", &s.result.starts, 0, 1000000);
        r.integer(f, "runs_used", &s.runs_used, 0, kMaxRuns);
        r.integer(f, "exclude_top", &s.exclude, 0, kMaxRuns);
        if (f.contains("in_use")) {
            if (f["in_use"].is_boolean()) s.in_use = f["in_use"].get<bool>();
            else r.fail("in_use", "not true or false");
        }
        std::string hash;
        r.text(f, "text_fingerprint", &hash, 16);
        s.text_hash = std::strtoull(hash.c_str(), nullptr, 16);
        if (s.min_flops > s.max_flops) r.fail("min_flops", "above max_flops");
        s.result.a_exp = c.beta / (c.alpha + c.beta);
        s.result.b_exp = c.alpha / (c.alpha + c.beta);
        // The convergence report and the bootstrap's diagnostics: absent in documents saved before
        // them (the fit then reads as converged, as it was shown then), checked when present.
        if (f.contains("convergence")) {
            const json& cj = f["convergence"];
            Convergence& c = s.result.convergence;
            if (!cj.is_object()) r.fail("convergence", "not an object");
            else {
                r.integer(cj, "iterations", &c.iterations, 0, 100000000);
                r.integer(cj, "newton_steps", &c.newton_steps, 0, 1000);
                if (cj.contains("gradient_norm")) r.number(cj, "gradient_norm", &c.gradient_norm, false);
                r.integer(cj, "capped_starts", &c.capped, 0, 1000000);
                if (cj.contains("newton_gain") && cj["newton_gain"].is_null()) c.newton_gain = INFINITY;
                else if (cj.contains("newton_gain")) r.number(cj, "newton_gain", &c.newton_gain, false);
                std::string stop;
                r.text(cj, "stopped_by", &stop, 32);
                if (!stop_from_name(stop, &c.stop)) r.fail("convergence.stopped_by", "not a way a descent ends");
            }
        }
        if (f.contains("intervals_95")) {
            const json& iv = f["intervals_95"];
            if (!iv.is_object()) r.fail("intervals_95", "not an object");
            else {
                BootstrapResult& b = s.intervals;
                s.has_intervals = true;
                r.integer(iv, "resamples", &b.resamples, 0, 100000);
                r.range(iv, "E", &b.E);
                r.range(iv, "A", &b.A);
                r.range(iv, "B", &b.B);
                r.range(iv, "alpha", &b.alpha);
                r.range(iv, "beta", &b.beta);
                r.range(iv, "a", &b.a_exp);
                r.range(iv, "b", &b.b_exp);
                if (iv.contains("corr_alpha_A")) {
                    r.integer(iv, "not_converged", &b.not_converged, 0, 100000);
                    r.correlation(iv, "corr_alpha_A", &b.corr_alpha_A);
                    r.correlation(iv, "corr_beta_B", &b.corr_beta_B);
                    r.range(iv, "loss_at_largest", &b.loss_at_largest);
                    r.range(iv, "params_at_largest", &b.params_at_largest);
                }
            }
        }
        // Absent in documents saved before draws were kept: no band then (fitted_law says why).
        if (f.contains("draws")) {
            std::string text;
            if (r.text(f, "draws", &text, kMaxTextBytes)) {
                Result<DrawSet> d = parse_draws(text, "draws");
                if (!d.ok()) r.fail("draws", d.error);
                else if (d.value.runs != s.runs_used) r.fail("draws", "drawn from " + std::to_string(d.value.runs) + " runs, not the fit's " + std::to_string(s.runs_used));
                else if (d.value.draws.size() > static_cast<size_t>(kMaxSavedDraws)) r.fail("draws", "more than " + std::to_string(kMaxSavedDraws) + " draws");
                else s.draws = std::make_shared<const DrawSet>(std::move(d.value));
            }
        }
        if (r.error.empty()) w.has_fit = true;
        else r.error = "fit." + r.error;
    }
    if (!r.error.empty()) return R::fail("the saved work's " + r.error);
    return R::of(std::move(w));
}

std::shared_ptr<const DrawSet> draws_to_keep(const BootstrapResult& boot, int runs) {
    auto set = std::make_shared<DrawSet>();
    set->runs = runs;
    set->resamples = boot.resamples;
    set->seed = boot.seed;
    for (const FitResult& f : boot.fits) {
        if (static_cast<int>(set->draws.size()) == kMaxSavedDraws) break;
        // A refit that ran off to an infinite or non-positive constant has no optimum to give a band
        // (and no place in a draws file): left out, which the band's sentence shows as fewer draws.
        if (!usable_draw(f.c)) continue;
        set->draws.push_back(f.c);
        set->not_converged += f.convergence.converged() ? 0 : 1;
    }
    return set;
}

Law fitted_law(const SavedFit& f) {
    Law law;
    law.id = "my-fit";
    law.name = "My fit";
    law.citation = "Your " + std::to_string(f.runs_used) + " runs: Huber fit (delta 1e-3) by L-BFGS from " +
                   std::to_string(f.result.starts) + " starts" +
                   (f.has_intervals ? ", " + std::to_string(f.intervals.resamples) + " bootstrap resamples" : std::string());
    law.kind = LawKind::Chinchilla;
    law.form = "L(N, D) = E + A/N^α + B/D^β";
    law.n_counts = "as your runs count parameters";
    law.compute_convention = "C = 6ND; closed-form optimum on the iso-FLOP curve";
    law.notes = "Fitted in the Fit view from the runs you pasted.";
    law.chinchilla = f.result.c;
    law.valid_lo = f.min_flops;
    law.valid_hi = f.max_flops;
    if (f.has_intervals) {
        law.has_intervals = true;
        law.intervals = {f.intervals.E, f.intervals.A, f.intervals.B, f.intervals.alpha, f.intervals.beta};
    }
    law.own_draws = f.draws;
    if (!f.draws)
        law.no_band = f.has_intervals ? "no band: this fit was saved before the explorer kept its bootstrap draws; fit again to get one"
                                      : "no band: no bootstrap was run for this fit (or it came from a link, which carries only "
                                        "the constants); fit with 10 or more bootstrap resamples to get one";
    return law;
}

}  // namespace scaling
