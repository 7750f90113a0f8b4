// export_native.cpp: PNG (stb_image_write, from Debian's libstb-dev) and CSV files for plot exports.
#include "export_native.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

#include "plot.hpp"

namespace export_native {

std::string fulfil(float scale, int fb_height) {
    std::string written;
    auto& queue = plot::PendingExports();
    for (const plot::ExportRequest& r : queue) {
        if (r.kind != plot::ExportRequest::Png) {
            const std::string path = r.name + (r.kind == plot::ExportRequest::Csv ? ".csv" : ".json");
            if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
                std::fwrite(r.csv.data(), 1, r.csv.size(), f);
                std::fclose(f);
                written += (written.empty() ? "" : ", ") + path;
            }
            continue;
        }
        const int x = static_cast<int>(std::floor(r.rect.x * scale)), y1 = static_cast<int>(std::ceil(r.rect.w * scale));
        const int w = static_cast<int>(std::ceil(r.rect.z * scale)) - x, h = y1 - static_cast<int>(std::floor(r.rect.y * scale));
        if (w <= 0 || h <= 0) continue;
        std::vector<unsigned char> px(static_cast<size_t>(w) * h * 4);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(x, fb_height - y1, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
        stbi_flip_vertically_on_write(1);  // GL rows run bottom to top
        const std::string path = r.name + ".png";
        if (stbi_write_png(path.c_str(), w, h, 4, px.data(), w * 4)) written += (written.empty() ? "" : ", ") + path;
    }
    queue.clear();
    return written;
}

}  // namespace export_native
