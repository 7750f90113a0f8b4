// runs.cpp: reading pasted runs.
#include "runs.hpp"

#include <algorithm>
#include <cmath>

#include "compute.hpp"
#include "csv.hpp"
#include "quantity.hpp"

namespace scaling {
namespace {

std::string lower_trim(std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    const size_t b = s.find_first_not_of(" \t\r\""), e = s.find_last_not_of(" \t\r\"");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

enum Role { kNone, kParams, kTokens, kFlops, kLoss };

// Column names people use for each quantity (lower case, exact match after trimming).
Role role_of(const std::string& name) {
    static const struct { const char* name; Role role; } kNames[] = {
        {"n", kParams},          {"params", kParams},      {"parameters", kParams}, {"model size", kParams},
        {"model_size", kParams}, {"size", kParams},        {"d", kTokens},          {"tokens", kTokens},
        {"data", kTokens},       {"training tokens", kTokens}, {"train_tokens", kTokens},
        {"c", kFlops},           {"flop", kFlops},         {"flops", kFlops},       {"compute", kFlops},
        {"training flop", kFlops}, {"training flops", kFlops}, {"train_flops", kFlops},
        {"loss", kLoss},         {"l", kLoss},             {"val_loss", kLoss},     {"eval loss", kLoss}};
    for (const auto& n : kNames)
        if (name == n.name) return n.role;
    return kNone;
}

// Splits on the delimiter the header uses: tab, then semicolon, then comma.
std::vector<std::string> split(std::string_view line, char delim) {
    if (delim == ',') return split_csv_line(line);
    std::vector<std::string> out(1);
    for (char c : line) {
        if (c == delim) out.emplace_back();
        else if (c != '\r') out.back() += c;
    }
    return out;
}

bool blank_or_comment(std::string_view line) {
    const size_t first = line.find_first_not_of(" \t\r");
    return first == std::string_view::npos || line[first] == '#';
}

char delimiter_of(std::string_view header) {
    return header.find('\t') != std::string_view::npos ? '\t' : header.find(';') != std::string_view::npos ? ';' : ',';
}

// Joins names for a message: "a", "b", "c".
std::string listed(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + quote_input(n);
    return out;
}

}  // namespace

std::vector<std::string> header_columns(std::string_view text) {
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t end = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (blank_or_comment(line)) continue;
        std::vector<std::string> names = split(line, delimiter_of(line));
        for (std::string& n : names) {
            const size_t b = n.find_first_not_of(" \t\r\""), e = n.find_last_not_of(" \t\r\"");
            n = b == std::string::npos ? std::string() : n.substr(b, e - b + 1);
        }
        return names;
    }
    return {};
}

Result<RunTable> parse_runs(std::string_view text, const ColumnMap& map, const RunNeeds& needs) {
    using R = Result<RunTable>;
    RunTable t;
    size_t pos = 0;
    int line_no = 0;
    bool header = false;
    char delim = ',';
    int col[5] = {-1, -1, -1, -1, -1};
    size_t columns = 0;
    int rows = 0;
    while (pos < text.size()) {
        const size_t end = std::min(text.find('\n', pos), text.size());
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (blank_or_comment(line)) continue;
        if (!header) {
            delim = delimiter_of(line);
            const std::vector<std::string> names = split(line, delim);
            columns = names.size();
            const std::string* chosen[5] = {nullptr, &map.params, &map.tokens, &map.flops, &map.loss};
            std::string* used[] = {nullptr, &t.params_column, &t.tokens_column, &t.flops_column, &t.loss_column};
            for (size_t i = 0; i < names.size(); ++i) {
                const std::string name = lower_trim(names[i]);
                Role r = kNone;
                // A column the user mapped takes that role; one mapped elsewhere or to "-" takes none.
                for (int k = kParams; k <= kLoss; ++k)
                    if (!chosen[k]->empty() && lower_trim(*chosen[k]) == name) r = static_cast<Role>(k);
                if (r == kNone) {
                    r = role_of(name);
                    if (r != kNone && !chosen[r]->empty()) r = kNone;
                }
                if (r == kNone) continue;
                if (col[r] >= 0)
                    return R::fail("line " + std::to_string(line_no) + ": two columns mean the same quantity (" +
                                   quote_input(names[static_cast<size_t>(col[r])]) + " and " + quote_input(names[i]) +
                                   "); choose one in the column mapping");
                col[r] = static_cast<int>(i);
                *used[r] = names[i];
            }
            const char* what[5] = {"", "parameters", "tokens", "compute", "loss"};
            for (int k = kParams; k <= kLoss; ++k)
                if (!chosen[k]->empty() && *chosen[k] != "-" && col[k] < 0)
                    return R::fail(std::string("no column named ") + quote_input(*chosen[k]) + " for " + what[k] +
                                   "; the header has " + listed(header_columns(line)));
            if (col[kParams] < 0 || col[kLoss] < 0 || (needs.tokens_or_flops && col[kTokens] < 0 && col[kFlops] < 0))
                return R::fail("line " + std::to_string(line_no) + ": the header needs columns for parameters (N, params, "
                               "model size), loss" + (needs.tokens_or_flops ? ", and tokens (D, tokens) or compute (C, FLOP)" : "") +
                               "; it has " +
                               listed(header_columns(line)) + ": say which is which (the Fit view's column mapping; the CLI's --target and --columns)");
            t.tokens_derived = col[kTokens] < 0 && col[kFlops] >= 0;
            header = true;
            continue;
        }
        if (++rows > kMaxRuns)
            return R::fail("more than " + std::to_string(kMaxRuns) + " rows: too many to fit interactively; sample them");
        const std::vector<std::string> f = split(line, delim);
        if (f.size() != columns) {
            t.rejected.push_back({line_no, std::to_string(f.size()) + " cells, the header has " + std::to_string(columns)});
            continue;
        }
        Run run;
        run.line = line_no;
        std::string why;
        auto read = [&](int role, const char* what, double* out) {
            if (col[role] < 0 || !why.empty()) return;
            const Result<double> v = parse_positive(f[static_cast<size_t>(col[role])]);
            if (!v.ok()) why = std::string(what) + " " + v.error;
            else *out = v.value;
        };
        read(kParams, "params", &run.params);
        read(kTokens, "tokens", &run.tokens);
        read(kFlops, "compute", &run.flops);
        read(kLoss, "loss", &run.loss);
        if (!why.empty()) {
            t.rejected.push_back({line_no, why});
            continue;
        }
        if (col[kTokens] < 0 && col[kFlops] < 0) {  // N alone (RunNeeds): no D or C to derive
            t.runs.push_back(run);
            continue;
        }
        if (run.tokens == 0) run.tokens = run.flops / (kTrainFlopPerParamToken * run.params);
        if (run.flops == 0) run.flops = kTrainFlopPerParamToken * run.params * run.tokens;
        if (!std::isfinite(run.tokens) || !(run.tokens > 0) || !std::isfinite(run.flops)) {
            t.rejected.push_back({line_no, "tokens from C / 6N are not finite"});
            continue;
        }
        t.runs.push_back(run);
    }
    if (!header) return R::fail("no header: paste a table whose first line names its columns (N, D or C, loss)");
    if (t.runs.size() < static_cast<size_t>(needs.min_rows))
        return R::fail("only " + std::to_string(t.runs.size()) + " usable rows; " + needs.fit + " needs at least " +
                       std::to_string(needs.min_rows) +
                       (t.rejected.empty() ? "" : " (line " + std::to_string(t.rejected[0].line) + ": " + t.rejected[0].reason + ")"));
    return R::of(std::move(t));
}

}  // namespace scaling
