// gl_frame.cpp: the frame's GL calls, in the subset shared by OpenGL 3.3 and WebGL2 (GL ES 3).
// The build names the GL header (SCALING_GL_HEADER), as for gl_texture.cpp.
#include "gl_frame.hpp"

#include SCALING_GL_HEADER

#include "imgui.h"
#include "imgui_impl_opengl3.h"

namespace gl_frame {

void draw(int fb_width, int fb_height) {
    glViewport(0, 0, fb_width, fb_height);
    // The app is one window over the whole screen: its background shows wherever it draws nothing.
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace gl_frame
