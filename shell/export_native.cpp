// export_native.cpp: PNG (stb_image_write, from Debian's libstb-dev) and text files for the desktop's downloads.
#include "export_native.hpp"

#include <GLFW/glfw3.h>

#include <cmath>
#include <cstdio>
#include <vector>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

namespace export_native {

bool write_text(const std::string& file_name, const std::string& text) {
    std::FILE* f = std::fopen(file_name.c_str(), "wb");
    if (!f) return false;
    const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    return std::fclose(f) == 0 && ok;
}

bool write_png(const std::string& file_name, const app::Region& r, float scale, int fb_height) {
    const int x = static_cast<int>(std::floor(r.x0 * scale)), y1 = static_cast<int>(std::ceil(r.y1 * scale));
    const int w = static_cast<int>(std::ceil(r.x1 * scale)) - x, h = y1 - static_cast<int>(std::floor(r.y0 * scale));
    if (w <= 0 || h <= 0) return false;
    std::vector<unsigned char> px(static_cast<size_t>(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(x, fb_height - y1, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    stbi_flip_vertically_on_write(1);  // GL rows run bottom to top
    return stbi_write_png(file_name.c_str(), w, h, 4, px.data(), w * 4) != 0;
}

}  // namespace export_native
