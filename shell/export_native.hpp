// export_native.hpp: the desktop's downloads (Platform::download_text, download_png): files written
// to the working directory, a PNG read from the framebuffer just rendered.
#pragma once
#include <string>

#include "platform.hpp"

namespace export_native {

// Writes `text` to `file_name`; false when the file cannot be written.
bool write_text(const std::string& file_name, const std::string& text);

// Writes a PNG of `region` (display units) of the frame just rendered, before the buffers are
// swapped. `framebuffer_scale` converts display units to framebuffer pixels; `fb_height` flips
// GL's bottom-up rows. False when the region is empty or the file cannot be written.
bool write_png(const std::string& file_name, const app::Region& region, float framebuffer_scale, int fb_height);

}  // namespace export_native
