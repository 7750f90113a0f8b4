// csv.hpp: the data files' CSV dialect: '#' comment lines and blank lines skipped, a header row
// naming the columns, double quotes protecting commas ("" is a quote). Errors name file and line.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "result.hpp"

namespace scaling {

struct CsvRow {
    int line = 0;                     // 1-based line in the file
    std::vector<std::string> fields;  // as many as the header has columns
    std::string at;                   // where it stands, for messages: "<file>:<line>" (read_catalogue adds its id)
};

std::vector<std::string> split_csv_line(std::string_view line);

// Walks a text a line at a time ('\n' ends a line; a '\r' before it stays), numbered from 1:
//   for (LineReader r{text}; r.next();) use(r.line, r.number);
struct LineReader {
    std::string_view text;
    size_t pos = 0;
    int number = 0;          // of `line`, 1-based
    std::string_view line;   // the current line, without its '\n'
    bool next();             // false when the text is used up
};

// A numeric cell to read: empty means "not published" unless required; else a number > 0.
struct NumberField {
    size_t column;
    double* out;
    bool required;
};
// Reads the cells into their targets; returns "" or the first error, "<where>: <column>: <why>".
std::string read_numbers(const CsvRow& row, const std::vector<std::string>& columns, const std::string& where,
                         std::initializer_list<NumberField> fields);

// The data rows of `text`, after checking that the header is exactly `columns`.
Result<std::vector<CsvRow>> read_csv(std::string_view text, std::string_view file,
                                     const std::vector<std::string>& columns);

// The rows of a catalogue file (models, hardware, presets): read_csv, then each row checked for an
// id in its first column, not used before, and a name in its second; its `at` becomes
// "<file>:<line>: <kind> \"<id>\"".
Result<std::vector<CsvRow>> read_catalogue(std::string_view text, std::string_view file,
                                           const std::vector<std::string>& columns, std::string_view kind);

}  // namespace scaling
