// print.cpp: the `scaling` CLI's human-readable layouts; --json prints the commands' JSON instead.
#include "print.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "core/axis.hpp"
#include "core/caveats.hpp"
#include "core/compute.hpp"
#include "core/gallery.hpp"
#include "core/quantity.hpp"
#include "core/series.hpp"

namespace cli {
namespace {

void row(const char* key, const std::string& value) { std::printf("%-14s %s\n", key, value.c_str()); }

}  // namespace

void print_allocation(const scaling::Allocation& a) {
    using scaling::Unit;
    const scaling::Law& law = *scaling::find_law(a.law);  // ids come from the catalogue
    row("law", law.id + "  (" + law.name + ")");
    row("compute", scaling::format_quantity(a.flops, Unit::Flop) + "  (" + law.compute_convention + ")");
    if (a.has_flops_per_token)
        row("FLOP/token", scaling::format_scientific(a.flops_per_token, 4) + "  (M, non-embedding FLOP per token)");
    if (a.has_params)
        row("params", scaling::format_quantity(a.params, Unit::Params) + "  (" + scaling::format_scientific(a.params, 5) + ")");
    else
        row("params", "not given by this law: pass --m-over-n (6 + seq_len/d_model) to convert M");
    row("tokens", scaling::format_quantity(a.tokens, Unit::Tokens) + "  (" + scaling::format_scientific(a.tokens, 5) + ")");
    if (a.has_params) row("tokens/param", scaling::format_count(a.tokens_per_param));
    if (a.has_unique) {
        row("unique tokens", scaling::format_quantity(a.unique_tokens, Unit::Tokens) + "  (" +
                                 scaling::format_count(a.epochs) + " epochs)");
        row("effective tokens", scaling::format_quantity(a.effective_tokens, Unit::Tokens) + "  (D', Muennighoff et al. 2023)");
        row("effective params", scaling::format_quantity(a.effective_params, Unit::Params) + "  (N')");
    }
    if (a.has_loss) row("loss", scaling::format_fixed(a.loss, 4) + " nats/token" + (a.has_unique ? "  (with repetition)" : ""));
    else row("loss", "none: " + law.id + " is an allocation rule without a loss form");
    row("source", law.citation);
    // What the UI says beside the numbers (core/caveats.hpp), said here too.
    const scaling::Caveats c = scaling::caveats_of(law, a);
    row("extrapolated", !c.extrapolated ? (c.fitted_hi > 0 ? "no" : "no fitted range stated") :
                        "yes: fitted on " + scaling::format_scientific(c.fitted_lo) + " to " + scaling::format_scientific(c.fitted_hi) + " FLOP");
    for (size_t i = c.extrapolated ? 1 : 0; i < c.warnings.size(); ++i) row("warning", c.warnings[i]);  // [0]: the row above
}


void print_frontier(const std::vector<scaling::Allocation>& rows, bool csv) {
    if (csv) {
        std::fputs(scaling::allocations_csv(rows).c_str(), stdout);
        return;
    }
    // Each row's caveats in brief (extrapolated, and how many other warnings); --json has the sentences.
    std::printf("%-20s %10s %10s %10s %12s %8s  %s\n", "law", "flops", "params", "tokens", "tokens/param", "loss",
                "caveats");
    for (const auto& a : rows) {
        const scaling::Caveats c = scaling::caveats_of(*scaling::find_law(a.law), a);
        const size_t others = c.warnings.size() - (c.extrapolated ? 1 : 0);
        const std::string note = std::string(c.extrapolated ? "extrapolated" : "") +
                                 (others ? std::string(c.extrapolated ? ", " : "") + "+" + std::to_string(others) +
                                               (others > 1 ? " warnings" : " warning")
                                         : std::string());
        std::printf("%-20s %10s %10s %10s %12s %8s  %s\n", a.law.c_str(), scaling::format_scientific(a.flops).c_str(),
                    a.has_params ? scaling::format_count(a.params).c_str() : "-", scaling::format_count(a.tokens).c_str(),
                    a.has_params ? scaling::format_count(a.tokens_per_param).c_str() : "-",
                    a.has_loss ? scaling::format_fixed(a.loss, 4).c_str() : "-", note.c_str());
    }
}

// Every law at one budget as a table, then the spread and the rules of thumb with their verdicts.
void print_compare(const scaling::Comparison& c) {
    using scaling::format_count;
    std::printf("Every law at %s FLOP\n\n", scaling::format_scientific(c.flops).c_str());
    std::printf("%-36s %10s %10s %12s %8s\n", "law", "params", "tokens", "tokens/param", "loss");
    for (const scaling::LawRow& row : c.laws) {
        if (!row.ok) {
            std::printf("%-36s %s\n", row.name.c_str(), row.error.c_str());
            continue;
        }
        const scaling::Allocation& a = row.at;
        std::printf("%-36s %10s %10s %12s %8s%s\n", row.name.c_str(),
                    a.has_params ? format_count(a.params).c_str() : (scaling::format_scientific(a.flops_per_token) + " FLOP/tok").c_str(),
                    format_count(a.tokens).c_str(), a.has_params ? format_count(a.tokens_per_param).c_str() : "-",
                    a.has_loss ? scaling::format_fixed(a.loss, 4).c_str() : "-", row.caveats.extrapolated ? "  (extrapolated)" : "");
        if (row.has_range)
            std::printf("%-36s %10s %10s %12s %8s\n", "  95% range", (format_count(row.n_lo) + "-" + format_count(row.n_hi)).c_str(),
                        (format_count(row.d_lo) + "-" + format_count(row.d_hi)).c_str(),
                        (format_count(row.r_lo) + "-" + format_count(row.r_hi)).c_str(),
                        (scaling::format_fixed(row.l_lo, 3) + "-" + scaling::format_fixed(row.l_hi, 3)).c_str());
        else if (!row.range_error.empty())
            std::printf("  95% range: %s\n", row.range_error.c_str());
    }
    if (c.n_max > 0)
        std::printf("\nSpread over published laws: params %s to %s (%sx), tokens %s to %s (%sx)\n",
                    format_count(c.n_min).c_str(), format_count(c.n_max).c_str(), format_count(c.n_max / c.n_min).c_str(),
                    format_count(c.d_min).c_str(), format_count(c.d_max).c_str(), format_count(c.d_max / c.d_min).c_str());
    // Beyond "(extrapolated)" above, each law's other caveats (core/caveats.hpp).
    for (const std::string& w : scaling::caveats_of(c, false).warnings) std::printf("warning: %s\n", w.c_str());
    std::printf("\nRules of thumb\n");
    for (const scaling::RuleOfThumb& t : c.rules)
        std::printf("%-22s %10s %10s %12s  %s%s\n", t.formula.c_str(), format_count(t.at.params).c_str(),
                    format_count(t.at.tokens).c_str(), format_count(t.at.tokens_per_param).c_str(), t.claim.c_str(),
                    t.disagrees_with_every_law ? "  [disagrees with every law by >2x in N]" : "");
    std::printf("\n(extrapolated): the budget lies outside the budgets the law was fitted on.\nRanges: %s\n",
                c.range_method.c_str());
}

// The gallery: one row per model, with the chosen law's over-training factor and loss.
void print_models(const scaling::Law& law) {
    using scaling::format_count;
    std::printf("%-16s %4s %13s %7s %9s %9s %12s %7s\n", "model", "year", "params", "tokens", "C=6ND", "tok/param",
                "vs law", "loss");
    for (const scaling::Model& m : scaling::all_models()) {
        const std::string params = m.is_moe() ? format_count(m.params_active) + "/" + format_count(m.params_total)
                                              : format_count(m.params_total);
        if (!m.has_tokens()) {
            std::printf("%-16s %4d %13s %7s  tokens not published\n", m.name.c_str(), m.year, params.c_str(), "-");
            continue;
        }
        const scaling::Versus v = scaling::versus(m, law);
        std::printf("%-16s %4d %13s %7s %9s %9s %12s %7s\n", m.name.c_str(), m.year, params.c_str(),
                    format_count(m.tokens).c_str(), scaling::format_scientific(scaling::training_flops(m)).c_str(),
                    format_count(m.tokens / m.params_active).c_str(),
                    v.ok ? (format_count(v.overtraining) + "x").c_str() : "-",
                    v.has_loss ? scaling::format_fixed(v.loss, 3).c_str() : "-");
    }
    std::printf("\nvs law: tokens per parameter over %s's optimum at the model's compute (above 1: over-trained).\n"
                "MoE rows show active/total parameters; C uses active ones. %s\n",
                law.id.c_str(), scaling::kDenseEquivalentNote);
}

void print_laws() {
    for (const scaling::Law& l : scaling::all_laws())
        std::printf("%-20s %-36s %s\n", l.id.c_str(), l.name.c_str(), l.citation.c_str());
}

void print_result(const char* command, const scaling::Json& j, bool json) {
    if (!json) {
        print_flat(j);
        return;
    }
    std::printf("%s\n", scaling::dump(j).c_str());
    if (j.is_object() && j.contains("warnings") && j["warnings"].is_array())
        for (const auto& w : j["warnings"])
            if (w.is_string()) std::fprintf(stderr, "scaling %s: warning: %s\n", command, w.get<std::string>().c_str());
}

// Human-readable form of a result object: one "key  value" line per leaf, numbers in the units
// their keys name (params and tokens as counts, FLOP in scientific, dollars with $, ratios as %).
void print_flat(const scaling::Json& j, const std::string& prefix) {
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string key = prefix.empty() ? it.key() : prefix + "." + it.key();
        const auto& v = it.value();
        if (v.is_object()) {
            print_flat(v, key);
            continue;
        }
        // A list of records (a curve's points): each as its own block, numbered from 1.
        if (v.is_array() && !v.empty() && v[0].is_object()) {
            for (size_t i = 0; i < v.size(); ++i) print_flat(v[i], key + "." + std::to_string(i + 1));
            continue;
        }
        if (it.key() == "warnings" && v.is_array()) {
            for (const auto& w : v)
                if (w.is_string()) std::printf("%-34s %s\n", "warning", w.get<std::string>().c_str());
            continue;
        }
        std::string text;
        const bool precise = key.rfind("constants", 0) == 0 || key.rfind("intervals", 0) == 0 ||
                             key.rfind("allocation", 0) == 0 || key.rfind("saturating", 0) == 0 || key.rfind("pure", 0) == 0;
        const auto has = [&](const char* w) { return it.key().find(w) != std::string::npos; };
        // A number in the unit its key names (an interval's two ends alike).
        const auto format = [&](double x) {
            if (precise) return scaling::format_significant(x, 5);
            // Issue 18's capex and router: multiples ("9.32x"); a request's cents keep three digits;
            // a calendar year; FLOP per second.
            if (has("_factor")) return scaling::format_significant(x, 3) + "x";
            if (it.key() == "year") return scaling::format_fixed(x, 0);
            if (has("flops_per_second")) return scaling::format_scientific(x) + " FLOP/s";
            if (has("per_request") && std::fabs(x) < 1) return "$" + scaling::format_significant(x, 3);
            if (has("flops") && !has("dollars")) return scaling::format_scientific(x) + " FLOP";
            if (has("dollars") || has("price") || prefix.find("dollars") != std::string::npos) return scaling::format_dollars(x);
            if (it.key() == "saving_per_request") return scaling::format_dollars(x);  // TCO (issue 18): $ a request
            if (has("saving") || has("mfu") || has("fraction")) return scaling::format_percent(x);
            if (has("ratio") && !has("iteration") && !has("saturation"))  // saturation: not a ratio (issue 19)
                return scaling::format_fixed(x, 3) + "x";
            if (has("_gb")) return scaling::format_fixed(x, 1) + " GB";
            if (has("loss")) return scaling::format_fixed(x, 4);
            return scaling::format_count(x);
        };
        if (v.is_array() && v.size() == 2 && v[0].is_number() && v[1].is_number()) {
            text = format(v[0].get<double>()) + " to " + format(v[1].get<double>());
        } else if (v.is_number_integer()) {
            text = std::to_string(v.get<long long>());
        } else if (v.is_number()) {
            text = format(v.get<double>());
        } else if (v.is_string()) {
            text = v.get<std::string>();
        } else {
            text = v.dump();
        }
        std::printf("%-34s %s\n", key.c_str(), text.c_str());
    }
}

}  // namespace cli
