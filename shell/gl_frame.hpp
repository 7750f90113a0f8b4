// gl_frame.hpp: drawing the frame ImGui has rendered on the entry's GL context, the same for the
// desktop's OpenGL 3.3 and the browser's WebGL2: both entries call it from Platform::render.
#pragma once

namespace gl_frame {

// Clears the framebuffer (fb_width x fb_height device pixels) to the window background and draws
// ImGui's draw data over it.
void draw(int fb_width, int fb_height);

}  // namespace gl_frame
