#include "gl_texture.hpp"

#include <GLES3/gl3.h>

#include <cstdint>

namespace goldspan::ui {

namespace {
GLuint name_of(void* tex) { return static_cast<GLuint>(reinterpret_cast<uintptr_t>(tex)); }
}  // namespace

void* GlTexture::create(int w, int h) {
  GLuint t = 0;
  glGenTextures(1, &t);
  glBindTexture(GL_TEXTURE_2D, t);
  // Glyphs are drawn at whole-pixel origins and their own size: nearest keeps them crisp.
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  return reinterpret_cast<void*>(uintptr_t(t));
}

void GlTexture::update(void* tex, int x, int y, int w, int h, const uint8_t* rgba) {
  glBindTexture(GL_TEXTURE_2D, name_of(tex));
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
}

void GlTexture::destroy(void* tex) {
  const GLuint t = name_of(tex);
  glDeleteTextures(1, &t);
}

}  // namespace goldspan::ui
