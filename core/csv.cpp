// csv.cpp: splitting and reading the data files' CSV.
#include "csv.hpp"

#include <algorithm>
#include <set>

#include "quantity.hpp"

namespace scaling {

std::vector<std::string> split_csv_line(std::string_view line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') out.back() += '"', ++i;
            else if (c == '"') quoted = false;
            else out.back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.emplace_back();
        } else if (c != '\r') {
            out.back() += c;
        }
    }
    return out;
}

bool LineReader::next() {
    if (pos >= text.size()) return false;
    const size_t end = std::min(text.find('\n', pos), text.size());
    line = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    return true;
}

std::string read_numbers(const CsvRow& row, const std::vector<std::string>& columns, const std::string& where,
                         std::initializer_list<NumberField> fields) {
    for (const NumberField& n : fields) {
        const std::string& cell = row.fields[n.column];
        if (cell.empty()) {
            if (n.required) return where + ": " + columns[n.column] + ": missing";
            continue;
        }
        const Result<double> v = parse_positive(cell);
        if (!v.ok()) return where + ": " + columns[n.column] + ": " + v.error;
        *n.out = v.value;
    }
    return {};
}

Result<std::vector<CsvRow>> read_csv(std::string_view text, std::string_view file,
                                     const std::vector<std::string>& columns) {
    using R = Result<std::vector<CsvRow>>;
    std::vector<CsvRow> rows;
    bool header_seen = false;
    for (LineReader r{text}; r.next();) {
        const size_t first = r.line.find_first_not_of(" \t\r");
        if (first == std::string_view::npos || r.line[first] == '#') continue;
        const std::string where = std::string(file) + ":" + std::to_string(r.number);
        std::vector<std::string> f = split_csv_line(r.line);
        if (!header_seen) {
            if (f.size() != columns.size())
                return R::fail(where + ": the header must have " + std::to_string(columns.size()) + " columns");
            for (size_t i = 0; i < columns.size(); ++i)
                if (f[i] != columns[i])
                    return R::fail(where + ": header column " + std::to_string(i + 1) + " must be \"" + columns[i] + "\"");
            header_seen = true;
            continue;
        }
        if (f.size() != columns.size())
            return R::fail(where + ": " + std::to_string(f.size()) + " fields, expected " + std::to_string(columns.size()));
        rows.push_back({r.number, std::move(f), where});
    }
    if (!header_seen) return R::fail(std::string(file) + ": no header");
    if (rows.empty()) return R::fail(std::string(file) + ": no rows");
    return R::of(std::move(rows));
}

Result<std::vector<CsvRow>> read_catalogue(std::string_view text, std::string_view file,
                                           const std::vector<std::string>& columns, std::string_view kind) {
    using R = Result<std::vector<CsvRow>>;
    R rows = read_csv(text, file, columns);
    if (!rows.ok()) return rows;
    std::set<std::string> ids;
    for (CsvRow& row : rows.value) {
        const std::string& id = row.fields[0];
        if (id.empty()) return R::fail(row.at + ": missing id");
        row.at += ": " + std::string(kind) + " \"" + id + "\"";
        if (!ids.insert(id).second) return R::fail(row.at + ": the id is used twice");
        if (row.fields[1].empty()) return R::fail(row.at + ": missing name");
    }
    return rows;
}

}  // namespace scaling
