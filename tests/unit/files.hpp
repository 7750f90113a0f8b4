// files.hpp: reading a test's input file whole (the shared data, tests/data, assets/).
// An unreadable file reads as empty text, which each test checks for and names.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
