#pragma once
// The glyph atlas's GPU side for WebGL2 (GLES 3): RGBA8 textures the ImGui OpenGL3 backend
// draws with, as ImTextureIDs.
#include "app/glyph_atlas.hpp"

namespace goldspan::ui {

class GlTexture : public GlyphTexture {
 public:
  void* create(int w, int h) override;
  void update(void* tex, int x, int y, int w, int h, const uint8_t* rgba) override;
  void destroy(void* tex) override;
};

}  // namespace goldspan::ui
