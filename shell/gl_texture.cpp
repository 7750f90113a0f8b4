// gl_texture.cpp: texture upload in the subset of GL shared by OpenGL 3.3 and WebGL2 (GL ES 3).
// The build names the GL header (SCALING_GL_HEADER): <GL/gl.h> natively, <GLES3/gl3.h> on the web.
#include "gl_texture.hpp"

#include <cstdint>

#include SCALING_GL_HEADER

namespace gl_texture {

ImTextureID upload(const unsigned char* rgba, int width, int height, ImTextureID previous) {
    GLuint tex = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(previous));
    if (!tex) glGenTextures(1, &tex);
    GLint last = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
    return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(tex));
}

}  // namespace gl_texture
