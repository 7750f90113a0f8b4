// gl_texture.hpp: RGBA textures for heatmaps, on the GL context of the native or web entry.
// The entry passes this to plot::SetTextureUploader; headless tests never link it.
#pragma once
#include "imgui.h"

namespace gl_texture {

// Uploads `rgba` (width x height, rows bottom to top as the plot layer expects them mapped),
// replacing and deleting `previous` when given. Linear filtering: a heatmap is a smooth field.
ImTextureID upload(const unsigned char* rgba, int width, int height, ImTextureID previous);

}  // namespace gl_texture
