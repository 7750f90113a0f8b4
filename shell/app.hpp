// app.hpp: the explorer's per-frame UI (fonts, theme, the frame), shared by the native and the web entries.
// The entries own the window, GL and input, and offer their services as an app::Platform
// (platform.hpp); each frame they call app::frame, which calls back into them.
#pragma once
#include "fonts.hpp"
#include "platform.hpp"
#include "state.hpp"

namespace app {

// Builds the font atlas: `base_px` is the body size in display units (CSS px on the web), `dpr`
// the device pixels per display unit. Glyphs are rasterised at base_px x dpr and drawn at 1/dpr
// (io.FontGlobalScale), so text stays crisp on HiDPI screens. `font_dir` holds `regular` and
// `bold` (copied from Debian's fonts at build time); without `bold` (the web, until it arrives)
// the bold faces are the regular one; without `regular`, ImGui's built-in font.
Fonts load_fonts(const char* font_dir, float base_px, float dpr);
// The code points the fonts hold (cmake/fonts.cmake's SCALING_GLYPHS) as ImGui's 0-terminated
// pairs of first and last (ImWchar: 16 bits).
const unsigned short* glyph_ranges();

// Colours, rounding and spacing, all sized from the font so DPI and phones scale together.
// `touch`: targets of at least 44 display units (phones, tablets).
void apply_theme(float base_px, bool touch = false);

// One frame of the explorer, the same for every entry, in order: the platform starts ImGui's frame
// (new_frame), long jobs take their slice (the fit), the UI fills the main viewport, ImGui renders
// and the platform draws (render); then what needs the drawn frame (PNG exports) and what changed
// for the page (saved work, the address, an embed's height, draws to fetch) go to the platform.
// Returns true while a job is running: the entry keeps drawing frames until it ends.
bool frame(State& state, const Fonts& fonts, const Platform& platform);

}  // namespace app
