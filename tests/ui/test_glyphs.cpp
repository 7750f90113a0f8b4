// test_glyphs.cpp: every character the app's sources can draw has a glyph in both fonts. The fonts
// are cut to cmake/fonts.cmake's list (SCALING_GLYPHS) to keep the first view small, so a new "≥"
// or "ᵀ" in a label must be added there or it is drawn as "?".
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "harness.hpp"

namespace {

// The code points above ASCII in a UTF-8 text.
std::set<unsigned> wide_code_points(const std::string& s) {
    std::set<unsigned> out;
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        unsigned cp = n == 1 ? c : c & (0x7F >> n);
        for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        if (cp >= 0x80) out.insert(cp);
        i += static_cast<size_t>(n);
    }
    return out;
}

}  // namespace

TEST_CASE("every character in the app's texts and data has a glyph in both fonts") {
    test_ui::Harness h;
    std::set<unsigned> used;
    int files = 0;
    for (const char* dir : {"core", "shell", "assets", "web"}) {
        for (const auto& e : std::filesystem::directory_iterator(std::string(SCALING_SOURCE_DIR) + "/" + dir)) {
            const std::string ext = e.path().extension().string();
            if (ext != ".cpp" && ext != ".hpp" && ext != ".csv" && ext != ".jsonl") continue;
            std::ifstream in(e.path(), std::ios::binary);
            std::stringstream text;
            text << in.rdbuf();
            for (unsigned cp : wide_code_points(text.str())) used.insert(cp);
            ++files;
        }
    }
    CHECK(files > 50);
    CHECK(used.count(0x03B1));  // α: the scan reads UTF-8
    for (unsigned cp : used) {
        CAPTURE(cp);
        CHECK(h.fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
        CHECK(h.fonts.bold->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
    }
}
