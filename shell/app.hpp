// app.hpp: the explorer's per-frame UI (fonts, theme, the frame), shared by the native and the web entries.
// The entries own the window, GL and input; they call app::frame between NewFrame and Render.
#pragma once
#include "fonts.hpp"
#include "state.hpp"

namespace app {

// Builds the font atlas: `base_px` is the body size in display units (CSS px on the web), `dpr`
// the device pixels per display unit. Glyphs are rasterised at base_px x dpr and drawn at 1/dpr
// (io.FontGlobalScale), so text stays crisp on HiDPI screens. `font_dir` holds `regular` and
// `bold` (copied from Debian's fonts at build time); ImGui's built-in font is the fallback.
Fonts load_fonts(const char* font_dir, float base_px, float dpr);

// Colours, rounding and spacing, all sized from the font so DPI and phones scale together.
// `touch`: targets of at least 44 display units (phones, tablets).
void apply_theme(float base_px, bool touch = false);

// The whole UI for one frame, filling the main viewport.
void frame(State& state, const Fonts& fonts);

}  // namespace app
