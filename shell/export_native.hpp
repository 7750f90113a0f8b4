// export_native.hpp: fulfils the plot layer's export requests on the desktop: PNG from the
// framebuffer just rendered, CSV as text, both written to the working directory.
#pragma once
#include <string>

namespace export_native {

// Call after rendering, before swapping buffers. `framebuffer_scale` converts display units to
// framebuffer pixels; `fb_height` flips GL's bottom-up rows. Returns the files written, for a notice.
std::string fulfil(float framebuffer_scale, int fb_height);

}  // namespace export_native
