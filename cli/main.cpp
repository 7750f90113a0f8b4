// main.cpp: the `scaling` command line. Its subcommands and options are made from the command
// table (core/commands.hpp), so they are the JS API's methods and arguments under other spellings;
// here are only option parsing, the choice of layout (print.hpp) and the exit codes:
// 0 success, 2 bad input (a message on stderr naming the flag), 1 internal error.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/print.hpp"
#include "core/catalog.hpp"
#include "core/commands.hpp"
#include "core/gallery.hpp"
#include "core/quantity.hpp"
#include "core/sweep_design.hpp"

namespace {

constexpr int kExitBadInput = 2;

int fail(const std::string& command, const std::string& field, const std::string& message) {
    std::string flag = field;  // input keys use '_', flags '-' (m_over_n -> --m-over-n)
    for (char& c : flag) c = c == '_' ? '-' : c;
    std::fprintf(stderr, "scaling %s: %s%s\n", command.c_str(), flag.empty() ? "" : ("--" + flag + ": ").c_str(),
                 message.c_str());
    return kExitBadInput;
}

// One subcommand made from a table row: an option per input (the runs' text of `fit` is a file,
// FILE or '-' for stdin), and the output format.
struct Subcommand {
    const scaling::Command* command = nullptr;
    CLI::App* app = nullptr;
    std::map<std::string, std::string> values;  // input key -> text as typed (std::map: stable addresses)
    std::map<std::string, CLI::Option*> options;
    std::string file;
    bool json = false, csv = false;

    scaling::Args args() const {
        scaling::Args a;
        for (const auto& [key, opt] : options)
            if (opt->count() > 0) a[key] = values.at(key);
        return a;
    }
};

std::unique_ptr<Subcommand> add(CLI::App& cli, const scaling::Command& c) {
    auto s = std::make_unique<Subcommand>();
    s->command = &c;
    s->app = cli.add_subcommand(scaling::cli_name(c), c.summary);
    for (const scaling::Input* in : c.inputs) {
        if (in == &scaling::inputs::kFitText) {
            s->app->add_option("FILE", s->file, "CSV or TSV with columns for N, D or C, and loss ('-' reads stdin)")
                ->required();
            continue;
        }
        CLI::Option* o = s->app->add_option("--" + scaling::flag_name(*in), s->values[in->key], in->help);
        if (scaling::required(*in)) o->required();
        s->options[in->key] = o;
    }
    if (std::string(c.name) == "frontier" || std::string(c.name) == "design") {  // design: issue 20
        auto* fmt = s->app->add_option_group("format");
        fmt->add_flag("--csv", s->csv, "Print CSV");
        fmt->add_flag("--json", s->json, "Print JSON");
        fmt->require_option(0, 1);
    } else {
        s->app->add_flag("--json", s->json, "Print JSON");
    }
    return s;
}

// The runs' file for `fit`, at most 64 MB.
scaling::Result<std::string> read_file(const std::string& path) {
    using R = scaling::Result<std::string>;
    std::string text;
    std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (!f) return R::fail("cannot read " + scaling::quote_input(path));
    char buf[65536];
    size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
        text.append(buf, n);
        if (text.size() > (64u << 20)) break;
    }
    if (f != stdin) std::fclose(f);
    if (text.size() > (64u << 20)) return R::fail("the file is larger than 64 MB");
    return R::of(std::move(text));
}

// Runs the chosen subcommand; commands with a layout of their own print it, the rest print_flat.
int run(const Subcommand& s) {
    const std::string name = s.command->name, shown = scaling::cli_name(*s.command);
    scaling::Args args = s.args();
    if (name == "optimal" || name == "loss") {
        const auto r = name == "optimal" ? scaling::optimal_request(args) : scaling::loss_request(args);
        if (!r.ok()) return fail(shown, r.field, r.error);
        if (s.json) cli::print_result(shown.c_str(), scaling::allocation_json(r.value), true);
        else cli::print_allocation(r.value);
        return 0;
    }
    if (name == "compare" && !s.json) {
        const auto r = scaling::compare_request(args);
        if (!r.ok()) return fail(shown, r.field, r.error);
        cli::print_compare(r.value);
        return 0;
    }
    if (name == "frontier" && !s.json) {
        const auto r = scaling::frontier_request(args);
        if (!r.ok()) return fail(shown, r.field, r.error);
        cli::print_frontier(r.value, s.csv);
        return 0;
    }
    // Sweep designer (issue 20): the runs as CSV to run them; the results' file read as fit's.
    if (name == "design" && s.csv) {
        const auto law = scaling::law_request(args);
        if (!law.ok()) return fail(shown, law.field, law.error);
        const auto r = scaling::design_inputs(args, law.value);
        if (!r.ok()) return fail(shown, r.field, r.error);
        std::fputs(scaling::sweep_csv(r.value).c_str(), stdout);
        return 0;
    }
    if (name == "design_fit") {
        const auto text = read_file(s.file);
        if (!text.ok()) return fail(shown, "", text.error);
        args["text"] = text.value;
    }
    if (name == "models") {
        if (!scaling::gallery_error().empty()) {
            std::fprintf(stderr, "scaling: %s\n", scaling::gallery_error().c_str());
            return 1;
        }
        const auto law = scaling::models_request(args);
        if (!law.ok()) return fail(shown, law.field, law.error);
        if (!s.json) {
            cli::print_models(*law.value);
            return 0;
        }
    }
    if (name == "laws" && !s.json) {
        cli::print_laws();
        return 0;
    }
    if (name == "fit") {
        const auto text = read_file(s.file);
        if (!text.ok()) return fail(shown, "", text.error);
        args["text"] = text.value;
        const auto r = scaling::fit_request(args);
        if (!r.ok()) return fail(shown, r.field == "text" ? "" : r.field, r.error);
        // Rejected rows on stderr, never dropped silently; the JSON on stdout then leaves them out.
        for (const scaling::RejectedRow& row : r.value.rejected)
            std::fprintf(stderr, "scaling fit: line %d left out: %s\n", row.line, row.reason.c_str());
        scaling::Json j = r.value.json;
        j.erase("rejected");
        cli::print_result(shown.c_str(), s.json ? r.value.json : j, s.json);
        return 0;
    }
    // Downstream-task extrapolation (issue 20): --points @file.csv reads the points from a file.
    if (name == "task_fit") {
        auto it = args.find("points");
        if (it != args.end() && !it->second.empty() && it->second[0] == '@') {
            const auto text = read_file(it->second.substr(1));
            if (!text.ok()) return fail(shown, "points", text.error);
            it->second = text.value;
        }
    }
    const scaling::Result<scaling::Json> r = s.command->run(args);
    if (!r.ok()) return fail(shown, r.field, r.error);
    cli::print_result(shown.c_str(), r.value, s.json);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Scaling Explorer: compute-optimal model size, tokens and loss by published scaling laws.\n"
                 "Quantities take suffixes: 70B, 1.4T, 2M, 3.8e25, '5.76e23 FLOP'.",
                 "scaling"};
    cli.require_subcommand(1);
    cli.set_version_flag("--version", "scaling 0.1.0");
    std::vector<std::unique_ptr<Subcommand>> subs;
    std::string names;
    for (const scaling::Command& c : scaling::commands()) {
        subs.push_back(add(cli, c));
        names += (names.empty() ? "" : ", ") + scaling::cli_name(c);
    }

    // CLI11 would report a mistyped command as "A subcommand is required": name it instead.
    const std::string first = argc > 1 ? argv[1] : "";
    const auto named_first = [&](const CLI::App* a) { return a->get_name() == first; };
    if (!first.empty() && first[0] != '-' && cli.get_subcommands(named_first).empty()) {
        std::fprintf(stderr, "scaling: unknown command %s; commands: %s (see --help)\n",
                     scaling::quote_input(first).c_str(), names.c_str());
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
    for (const auto& s : subs)
        if (*s->app) return run(*s);
    return 1;
}
