// cli_main.cpp: the `scaling` command line. It shares every computation with the UI and the JS API
// through core/requests.hpp; here are only argument parsing and the human-readable layout.
// Exit codes: 0 success, 2 bad input (message on stderr naming the argument), 1 internal error.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "core/axis.hpp"
#include "core/caveats.hpp"
#include "core/quantity.hpp"
#include "core/requests.hpp"
#include "core/series.hpp"
#include "core/compare.hpp"
#include "core/gallery.hpp"
#include "core/presets.hpp"
#include "core/fit.hpp"
#include "core/runs.hpp"

namespace {

constexpr int kExitBadInput = 2;

int fail(const std::string& command, const std::string& field, const std::string& message) {
    std::string flag = field;  // request keys use '_', flags '-' (m_over_n -> --m-over-n)
    for (char& c : flag) c = c == '_' ? '-' : c;
    std::fprintf(stderr, "scaling %s: %s%s\n", command.c_str(), flag.empty() ? "" : ("--" + flag + ": ").c_str(),
                 message.c_str());
    return kExitBadInput;
}

void row(const char* key, const std::string& value) { std::printf("%-14s %s\n", key, value.c_str()); }

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

// The same series as the Frontier figure: every law (or one) at log-spaced budgets.
int run_frontier(const std::string& from, const std::string& to, int points, const scaling::Args& law_args,
                 bool csv, bool json) {
    const auto lo = scaling::parse_positive(from, scaling::Unit::Flop);
    if (!lo.ok()) return fail("frontier", "from", lo.error);
    const auto hi = scaling::parse_positive(to, scaling::Unit::Flop);
    if (!hi.ok()) return fail("frontier", "to", hi.error);
    std::vector<scaling::Law> laws;
    if (law_args.empty()) {
        laws = scaling::all_laws();
    } else {
        const auto l = scaling::law_request(law_args);
        if (!l.ok()) return fail("frontier", l.field, l.error);
        laws.push_back(l.value);
    }
    std::vector<scaling::Allocation> rows;
    for (const scaling::Law& l : laws) {
        const auto f = scaling::frontier(l, lo.value, hi.value, points);
        if (!f.ok()) return fail("frontier", f.field, f.error);
        rows.insert(rows.end(), f.value.begin(), f.value.end());
    }
    if (csv) {
        std::fputs(scaling::allocations_csv(rows).c_str(), stdout);
    } else if (json) {
        std::string out = "[";
        for (size_t i = 0; i < rows.size(); ++i) out += (i ? "," : "") + scaling::to_json(rows[i]);
        std::printf("%s]\n", out.c_str());
    } else {
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
    return 0;
}

// Every law at one budget as a table, then the spread and the rules of thumb with their verdicts.
int run_compare(const scaling::Args& args, bool json) {
    if (json) {
        const scaling::Result<std::string> r = scaling::compare_request(args);
        if (!r.ok()) return fail("compare", r.field, r.error);
        std::printf("%s\n", r.value.c_str());
        return 0;
    }
    const auto flops = scaling::parse_positive(args.at("flops"), scaling::Unit::Flop);
    if (!flops.ok()) return fail("compare", "flops", flops.error);
    const auto laws = scaling::laws_request(args);
    if (!laws.ok()) return fail("compare", laws.field, laws.error);
    const scaling::Comparison c = scaling::compare(laws.value, flops.value);
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
    return 0;
}

// The gallery: one row per model, with the chosen law's over-training factor and loss.
int run_models(const std::string& law_id, bool json) {
    if (!scaling::gallery_error().empty()) {
        std::fprintf(stderr, "scaling: %s\n", scaling::gallery_error().c_str());
        return 1;
    }
    const auto law = scaling::law_from_id(law_id);
    if (!law.ok()) return fail("models", law.field, law.error);
    if (json) {
        std::printf("%s\n", scaling::models_json(scaling::all_laws()).c_str());
        return 0;
    }
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
        const scaling::Versus v = scaling::versus(m, *law.value);
        std::printf("%-16s %4d %13s %7s %9s %9s %12s %7s\n", m.name.c_str(), m.year, params.c_str(),
                    format_count(m.tokens).c_str(), scaling::format_scientific(scaling::training_flops(m)).c_str(),
                    format_count(m.tokens / m.params_active).c_str(),
                    v.ok ? (format_count(v.overtraining) + "x").c_str() : "-",
                    v.has_loss ? scaling::format_fixed(v.loss, 3).c_str() : "-");
    }
    std::printf("\nvs law: tokens per parameter over %s's optimum at the model's compute (above 1: over-trained).\n"
                "MoE rows show active/total parameters; C uses active ones. %s\n",
                law.value->id.c_str(), scaling::kDenseEquivalentNote);
    return 0;
}

void print_flat(const nlohmann::ordered_json& j, const std::string& prefix = "");

// A result as JSON (the request's text, unchanged) or as text. Its `warnings` reach the person
// either way: in the text as "warning" lines, and beside JSON on stderr, so a pipe into another
// program keeps clean JSON while the terminal still shows them.
void print_result(const char* command, const nlohmann::ordered_json& j, const std::string& json_text, bool json) {
    if (!json) {
        print_flat(j);
        return;
    }
    std::printf("%s\n", json_text.c_str());
    if (j.contains("warnings") && j["warnings"].is_array())
        for (const auto& w : j["warnings"])
            if (w.is_string()) std::fprintf(stderr, "scaling %s: warning: %s\n", command, w.get<std::string>().c_str());
}

// Fits the Chinchilla form (or a 1-D power law) to a file of runs: the core's fit_request, as
// scaling.fit() in the browser; rejected rows are listed on stderr, never dropped silently.
int run_fit(const std::string& path, scaling::Args args, bool json) {
    std::string text;
    std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (!f) return fail("fit", "", "cannot read " + scaling::quote_input(path));
    char buf[65536];
    size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
        text.append(buf, n);
        if (text.size() > (64u << 20)) return fail("fit", "", "the file is larger than 64 MB");
    }
    if (f != stdin) std::fclose(f);
    args["text"] = std::move(text);
    const scaling::Result<scaling::FitReply> r = scaling::fit_request(args);
    if (!r.ok()) return fail("fit", r.field == "text" ? "" : r.field, r.error);
    for (const scaling::RejectedRow& row : r.value.rejected)
        std::fprintf(stderr, "scaling fit: line %d left out: %s\n", row.line, row.reason.c_str());
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(r.value.json);
    j.erase("rejected");  // already on stderr
    print_result("fit", j, r.value.json, json);
    return 0;
}

// Human-readable form of a result object: one "key  value" line per leaf, numbers in the units
// their keys name (params and tokens as counts, FLOP in scientific, dollars with $, ratios as %).
void print_flat(const nlohmann::ordered_json& j, const std::string& prefix) {
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string key = prefix.empty() ? it.key() : prefix + "." + it.key();
        const auto& v = it.value();
        if (v.is_object()) {
            print_flat(v, key);
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
        auto g5 = [](double x) {
            char b[32];
            std::snprintf(b, sizeof b, "%.5g", x);
            return std::string(b);
        };
        const auto has = [&](const char* w) { return it.key().find(w) != std::string::npos; };
        // A number in the unit its key names (an interval's two ends alike).
        const auto format = [&](double x) {
            if (precise) return g5(x);
            if (has("flops") && !has("dollars")) return scaling::format_scientific(x) + " FLOP";
            if (has("dollars") || has("price") || prefix.find("dollars") != std::string::npos) return scaling::format_dollars(x);
            if (has("saving") || has("mfu") || has("fraction")) return scaling::format_fixed(x * 100, 1) + "%";
            if (has("ratio") && !has("iteration")) return scaling::format_fixed(x, 3) + "x";
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

// A subcommand whose options are all text passed to a core request by name.
struct TextCommand {
    CLI::App* app = nullptr;
    std::vector<std::pair<std::string, std::string>> values;  // key, value as typed
    std::vector<CLI::Option*> options;

    TextCommand(CLI::App& cli, const char* name, const char* help) { app = cli.add_subcommand(name, help); }
    void option(const char* key, const char* help, bool required = false) {
        values.emplace_back(key, "");
        std::string flag = std::string("--") + key;
        for (char& c : flag) c = c == '_' ? '-' : c;
        CLI::Option* o = app->add_option(flag, values.back().second, help);
        if (required) o->required();
        options.push_back(o);
    }
    scaling::Args args() const {
        scaling::Args a;
        for (size_t i = 0; i < options.size(); ++i)
            if (options[i]->count() > 0) a[values[i].first] = values[i].second;
        return a;
    }
};

int run_text(const char* name, scaling::Result<std::string> (*request)(const scaling::Args&), const scaling::Args& args,
             bool json) {
    const scaling::Result<std::string> r = request(args);
    if (!r.ok()) return fail(name, r.field, r.error);
    print_result(name, nlohmann::ordered_json::parse(r.value), r.value, json);
    return 0;
}

}  // namespace

// The --law option's help, wherever a command takes one without a default of its own.
const std::string kLawHelp = std::string("Law id (see `scaling laws`); default ") + scaling::kDefaultLawId;

// The options every law-taking command shares, collected into request arguments (only those given).
struct LawOptions {
    std::string law, E, A, B, alpha, beta, m_over_n;
    std::vector<std::pair<CLI::Option*, std::string*>> given;

    void add(CLI::App* cmd, bool with_m_over_n = true) {
        given.push_back({cmd->add_option("--law", law, kLawHelp), &law});
        const char* names[] = {"--E", "--A", "--B", "--alpha", "--beta"};
        std::string* slots[] = {&E, &A, &B, &alpha, &beta};
        for (int i = 0; i < 5; ++i)
            given.push_back({cmd->add_option(names[i], *slots[i], "Constant of --law custom (E + A/N^alpha + B/D^beta)"), slots[i]});
        if (with_m_over_n)
            given.push_back({cmd->add_option("--m-over-n", m_over_n,
                                             "deepseek2024: FLOP per token per parameter, 6 + seq_len/d_model"), &m_over_n});
    }
    void into(scaling::Args& args) const {
        for (const auto& [opt, value] : given) {
            if (opt->count() == 0) continue;
            std::string key = opt->get_name().substr(2);  // "--m-over-n" -> "m_over_n"
            for (char& c : key) c = c == '-' ? '_' : c;
            args[key] = *value;
        }
    }
};

int main(int argc, char** argv) {
    CLI::App cli{"Scaling Explorer: compute-optimal model size, tokens and loss by published scaling laws.\n"
                 "Quantities take suffixes: 70B, 1.4T, 2M, 3.8e25, '5.76e23 FLOP'.",
                 "scaling"};
    cli.require_subcommand(1);
    cli.set_version_flag("--version", "scaling 0.1.0");

    std::string flops, params, tokens;
    bool json = false;

    LawOptions optimal_law, loss_law, frontier_law;
    CLI::App* optimal = cli.add_subcommand("optimal", "Compute-optimal params and tokens for a FLOP budget");
    optimal->add_option("--flops", flops, "Training compute budget, e.g. 5.76e23")->required();
    optimal_law.add(optimal);
    optimal->add_flag("--json", json, "Print JSON");

    CLI::App* loss = cli.add_subcommand("loss", "Predicted loss for a model size and token count");
    loss->add_option("--params", params, "Parameters, e.g. 70B")->required();
    loss->add_option("--tokens", tokens, "Training tokens, e.g. 1.4T")->required();
    std::string unique_tokens;
    CLI::Option* unique_opt = loss->add_option("--unique-tokens", unique_tokens,
                                               "Unique tokens the training data repeats (Muennighoff et al. 2023): the loss on "
                                               "effective data and parameters");
    loss_law.add(loss, false);
    loss->add_flag("--json", json, "Print JSON");

    std::string from = "1e18", to = "1e28";
    int points = 41;
    bool csv = false;
    CLI::App* frontier = cli.add_subcommand("frontier", "The compute-optimal frontier: N, D, loss at log-spaced budgets");
    frontier->add_option("--from", from, "Smallest budget in FLOP")->capture_default_str();
    frontier->add_option("--to", to, "Largest budget in FLOP")->capture_default_str();
    frontier->add_option("--points", points, "Number of budgets, log-spaced, ends included")->capture_default_str();
    frontier_law.add(frontier);
    auto* fmt = frontier->add_option_group("format");
    fmt->add_flag("--csv", csv, "Print CSV");
    fmt->add_flag("--json", json, "Print JSON");
    fmt->require_option(0, 1);

    LawOptions compare_law;
    CLI::App* compare = cli.add_subcommand("compare", "Every law at one budget, their spread, and the rules of thumb");
    compare->add_option("--flops", flops, "Training compute budget, e.g. 1e24")->required();
    compare_law.add(compare);
    compare->add_flag("--json", json, "Print JSON");

    std::string models_law = "epoch2024";
    CLI::App* models = cli.add_subcommand("models", "The gallery of real models against the laws");
    models->add_option("--law", models_law, "Law for the over-training column of the table")->capture_default_str();
    models->add_flag("--json", json, "Print JSON (every law's comparison)");

    // Budgets, memory and lifetime cost. values[] keep their addresses: reserve before adding options.
    TextCommand budget(cli, "budget", "FLOP <-> GPUs x days x MFU <-> dollars; the optimal model it buys");
    budget.values.reserve(20);
    const std::string preset_help = "A published run (assets/presets.csv): " + scaling::budget_preset_ids();
    for (const auto& [k, h] : std::vector<std::pair<const char*, const char*>>{
             {"gpu", "Hardware id (see the Budget view; default h100-sxm)"}, {"dtype", "bf16 (default), fp8, int8"},
             {"price", "Dollars per GPU-hour (default: the catalogue's)"}, {"flops", "Training FLOP"},
             {"gpus", "Number of GPUs"}, {"days", "Wall-clock days"}, {"mfu", "Model FLOP utilisation, (0, 1]"},
             {"dollars", "Rental budget in dollars (instead of days)"},
             {"preset", preset_help.c_str()}, {"law", "Law for the optimal model"}})
        budget.option(k, h);
    budget.app->add_flag("--json", json, "Print JSON");

    TextCommand memory_cmd(cli, "memory", "Memory of a model: weights, training state, KV cache, GPUs to train and serve");
    memory_cmd.values.reserve(20);
    memory_cmd.option("params", "Parameters held in memory (MoE: total), e.g. 70B", true);
    for (const auto& [k, h] : std::vector<std::pair<const char*, const char*>>{
             {"gpu", "Hardware id (default h100-sxm)"}, {"dtype", "Weights: fp32, bf16 (default), fp8, int8, int4"},
             {"layers", "Transformer layers (KV cache)"}, {"kv_heads", "Key/value heads (KV cache)"},
             {"head_dim", "Head dimension (KV cache)"}, {"context", "Tokens cached per sequence"},
             {"batch", "Sequences served at once (default 1)"}, {"usable", "Usable fraction of GPU memory (default 0.9)"}})
        memory_cmd.option(k, h);
    memory_cmd.app->add_flag("--json", json, "Print JSON");

    TextCommand lifetime(cli, "lifetime", "Lifetime-compute optimum (Sardana et al. 2024): training + inference FLOP");
    lifetime.values.reserve(20);
    lifetime.option("loss", "Target loss, nats/token", true);
    for (const auto& [k, h] : std::vector<std::pair<const char*, const char*>>{
             {"inference_tokens", "Tokens served over the model's life"}, {"requests", "Requests over the model's life"},
             {"tokens_per_request", "Tokens per request (with --requests)"}, {"law", "Law with a loss form"},
             {"E", "custom"}, {"A", "custom"}, {"B", "custom"}, {"alpha", "custom"}, {"beta", "custom"}})
        lifetime.option(k, h);
    lifetime.app->add_flag("--json", json, "Print JSON");

    TextCommand lifetime_cost(cli, "lifetime-cost", "Lifetime-dollar optimum: training, prefill and decode priced apart");
    lifetime_cost.values.reserve(40);
    lifetime_cost.option("loss", "Target loss, nats/token", true);
    lifetime_cost.option("requests", "Requests over the model's life", true);
    for (const auto& [k, h] : std::vector<std::pair<const char*, const char*>>{
             {"input_tokens", "Prompt tokens per request (default 1000)"}, {"output_tokens", "Generated tokens per request (default 250)"},
             {"gpu", "Hardware for every phase (default h100-sxm)"}, {"law", "Law with a loss form"},
             {"train_gpu", "Training hardware"}, {"train_dtype", "bf16, fp8, int8"}, {"train_price", "$/GPU-hour"},
             {"train_mfu", "Default 0.4"}, {"prefill_gpu", "Prefill hardware"}, {"prefill_dtype", "bf16, fp8, int8"},
             {"prefill_price", "$/GPU-hour"}, {"prefill_mfu", "Default 0.5"}, {"decode_gpu", "Decode hardware"},
             {"decode_dtype", "bf16, fp8, int8"}, {"decode_price", "$/GPU-hour"}, {"decode_mfu", "Default 0.1 (memory-bound)"},
             {"E", "custom"}, {"A", "custom"}, {"B", "custom"}, {"alpha", "custom"}, {"beta", "custom"}})
        lifetime_cost.option(k, h);
    lifetime_cost.app->add_flag("--json", json, "Print JSON");

    TextCommand data(cli, "data", "Training on limited unique data (Muennighoff et al. 2023): one epoch, the repeated "
                                  "compute-optimal split, and the data-constrained optimum");
    data.values.reserve(20);
    data.option("unique_tokens", "Unique tokens available, e.g. 25B", true);
    data.option("flops", "Training compute budget, e.g. 1e22", true);
    for (const auto& [k, h] : std::vector<std::pair<const char*, const char*>>{
             {"law", "Law of the E + A/N^alpha + B/D^beta form (default muennighoff2023, whose fit R* belongs to)"},
             {"E", "custom"}, {"A", "custom"}, {"B", "custom"}, {"alpha", "custom"}, {"beta", "custom"}})
        data.option(k, h);
    data.app->add_flag("--json", json, "Print JSON");

    // What-if: k x compute grown two ways, compute projections, the next 10x (requests_scenario.cpp).
    const std::vector<std::pair<const char*, const char*>> law_flags = {
        {"law", kLawHelp.c_str()}, {"E", "custom"}, {"A", "custom"}, {"B", "custom"},
        {"alpha", "custom"}, {"beta", "custom"}, {"m_over_n", "deepseek2024: FLOP per token per parameter"}};
    TextCommand scenario(cli, "scenario", "A base model given k x more compute: data-driven growth (the law's optimum) "
                                          "against model-driven growth (data capped)");
    scenario.values.reserve(20);
    scenario.option("params", "Base model parameters, e.g. 70B", true);
    scenario.option("tokens", "Base model training tokens, e.g. 1.4T", true);
    scenario.option("compute_multiple", "k, the compute multiple, e.g. 10", true);
    scenario.option("data_cap", "The most the data can grow (x), e.g. 2; >= 1", true);
    for (const auto& [k, h] : law_flags) scenario.option(k, h);
    scenario.app->add_flag("--json", json, "Print JSON");

    TextCommand project(cli, "project", "Compute as a multiple of a reference run, raw and as a mixture of experts' "
                                        "dense-equivalent, with the law's compute-optimal model at each");
    project.values.reserve(20);
    project.option("reference_flops", "The reference run's training FLOP, e.g. 3e26", true);
    project.option("reference_multiple", "The multiple of it, e.g. 150", true);
    project.option("sparsity", "Experts in total / experts per token (default 1, dense)");
    for (const auto& [k, h] : law_flags) project.option(k, h);
    project.app->add_flag("--json", json, "Print JSON");

    TextCommand next(cli, "next-flop", "The next 10x: pretraining compute (loss on the law) against samples per "
                                       "question (pass@k, majority vote), and samples at equal total FLOP");
    next.values.reserve(20);
    next.option("flops", "Today's training compute, e.g. 1e24", true);
    next.option("success", "Success of one sample p (default 0.2)");
    next.option("samples", "Samples per question today (default 1)");
    next.option("inference_ratio", "R = inference tokens / pretraining tokens (default 0.1)");
    next.option("factor", "The step (default 10)");
    for (const auto& [k, h] : law_flags) next.option(k, h);
    next.app->add_flag("--json", json, "Print JSON");

    std::string fit_file;
    scaling::Args fit_args;
    CLI::App* fit = cli.add_subcommand("fit", "Fit E + A/N^alpha + B/D^beta to your runs (Huber, L-BFGS, 4,500 starts)");
    fit->add_option("FILE", fit_file, "CSV or TSV with columns for N, D or C, and loss ('-' reads stdin)")->required();
    for (const auto& [k, h] : std::initializer_list<std::pair<const char*, const char*>>{
             {"bootstrap", "Resamples for 95% intervals (0: none; default 0)"},
             {"exclude_top", "Leave out the K highest-loss runs (Epoch: 5; default 0)"},
             {"form", "chinchilla (default): E + A/N^alpha + B/D^beta; power: loss against one quantity (--x), "
                      "as E + A·x^-alpha and as A·x^-alpha"},
             {"x", "With --form power: fit against N, D or C (default C)"},
             {"predict", "A FLOP budget: the fitted law's optimal N, D and loss there, flagged beyond 10x the "
                         "data's largest compute"},
             {"target", "The column to fit (default: the one named loss, L, val_loss or eval loss)"},
             {"columns", "Which columns hold N, D and C when their names are not recognised, e.g. "
                         "N=width,D=-,C=train_flops ('-': not in the file)"}}) {
        std::string flag = std::string("--") + k;
        std::replace(flag.begin(), flag.end(), '_', '-');
        fit->add_option_function<std::string>(flag, [&fit_args, key = std::string(k)](const std::string& v) { fit_args[key] = v; }, h);
    }
    fit->add_flag("--json", json, "Print JSON");

    CLI::App* laws = cli.add_subcommand("laws", "List the laws with their citations");
    laws->add_flag("--json", json, "Print JSON");

    // CLI11 would report a mistyped command as "A subcommand is required": name it instead.
    const std::string first = argc > 1 ? argv[1] : "";
    const auto named_first = [&](const CLI::App* a) { return a->get_name() == first; };
    if (!first.empty() && first[0] != '-' && cli.get_subcommands(named_first).empty()) {
        std::fprintf(stderr, "scaling: unknown command %s; commands: optimal, loss, frontier, compare, models, budget, memory, lifetime, lifetime-cost, data, scenario, project, next-flop, fit, laws (see --help)\n",
                     scaling::quote_input(first).c_str());
        return kExitBadInput;
    }
    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return cli.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return cli.exit(e);
    } catch (const CLI::ParseError& e) {
        cli.exit(e);  // prints CLI11's message (missing or unknown argument) to stderr
        return kExitBadInput;
    }
    if (!scaling::catalog_error().empty()) {
        std::fprintf(stderr, "scaling: %s\n", scaling::catalog_error().c_str());
        return 1;
    }

    if (*optimal || *loss) {
        const char* name = *optimal ? "optimal" : "loss";
        scaling::Args args;
        if (*optimal) {
            args["flops"] = flops;
            optimal_law.into(args);
        } else {
            args["params"] = params;
            args["tokens"] = tokens;
            if (unique_opt->count() > 0) args["unique_tokens"] = unique_tokens;
            loss_law.into(args);
        }
        const scaling::Result<scaling::Allocation> r =
            *optimal ? scaling::optimal_request(args) : scaling::loss_request(args);
        if (!r.ok()) return fail(name, r.field, r.error);
        if (json) {
            const std::string text = scaling::to_json(r.value);
            print_result(name, nlohmann::ordered_json::parse(text), text, true);
        } else {
            print_allocation(r.value);
        }
        return 0;
    }
    if (*compare) {
        scaling::Args args{{"flops", flops}};
        compare_law.into(args);
        if (args.count("law")) return fail("compare", "law", "compare shows every law; --law does not apply");
        return run_compare(args, json);
    }
    if (*models) return run_models(models_law, json);
    if (*fit) return run_fit(fit_file, fit_args, json);
    if (*budget.app) return run_text("budget", scaling::budget_request, budget.args(), json);
    if (*memory_cmd.app) return run_text("memory", scaling::memory_request, memory_cmd.args(), json);
    if (*lifetime.app) return run_text("lifetime", scaling::lifetime_request, lifetime.args(), json);
    if (*data.app) return run_text("data", scaling::data_request, data.args(), json);
    if (*scenario.app) return run_text("scenario", scaling::scenario_request, scenario.args(), json);
    if (*project.app) return run_text("project", scaling::project_request, project.args(), json);
    if (*next.app) return run_text("next-flop", scaling::next_flop_request, next.args(), json);
    if (*lifetime_cost.app) return run_text("lifetime-cost", scaling::lifetime_cost_request, lifetime_cost.args(), json);
    if (*frontier) {
        scaling::Args args;
        frontier_law.into(args);
        return run_frontier(from, to, points, args, csv, json);
    }
    if (*laws) {
        if (json) {
            std::printf("%s\n", scaling::laws_json().c_str());
        } else {
            for (const scaling::Law& l : scaling::all_laws())
                std::printf("%-20s %-36s %s\n", l.id.c_str(), l.name.c_str(), l.citation.c_str());
        }
        return 0;
    }
    return 1;
}
