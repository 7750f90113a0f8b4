// fonts.hpp: the app's four faces, as the views use them. Loaded by app::load_fonts (app.hpp);
// declared apart so a view needs neither the app nor ImGui's headers to name them.
#pragma once

struct ImFont;

namespace app {

struct Fonts {
    ImFont* body = nullptr;   // running text
    ImFont* bold = nullptr;   // headings, labels that lead
    ImFont* big = nullptr;    // the headline numbers
    ImFont* small = nullptr;  // citations, notes, axis-like captions
};

}  // namespace app
