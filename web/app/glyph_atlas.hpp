#pragma once
// GlyphAtlas — the canvas's own glyph texture. Shaped text is a run of glyph ids (joining
// forms, ligatures, conjuncts have no code point), which ImGui's code point atlas cannot hold;
// so glyphs are keyed by (face, glyph id), rasterized with stb_truetype when first drawn, and
// uploaded between frames. ImGui's atlas keeps serving the UI chrome.
#include <climits>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "text/shaper.hpp"

namespace goldspan::ui {

// The GPU side, implemented by the platform layer (web/gl_texture.cpp): the atlas never
// touches GL itself. A texture is an ImTextureID (a GL texture name in the web build).
struct GlyphTexture {
  virtual ~GlyphTexture() = default;
  virtual void* create(int w, int h) = 0;
  // Uploads `w` x `h` RGBA8 pixels at (x, y); rows are `w` pixels apart.
  virtual void update(void* tex, int x, int y, int w, int h, const uint8_t* rgba) = 0;
  virtual void destroy(void* tex) = 0;
};

class GlyphAtlas {
 public:
  struct Entry {
    int16_t x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // bitmap box from the glyph origin, px (y down)
    uint16_t px = 0, py = 0;                 // its top-left in the atlas
    bool empty() const { return x1 <= x0 || y1 <= y0; }
  };

  ~GlyphAtlas();
  // Faces and size come from `fonts`; a new generation (a face added, a size change) starts
  // the atlas over.
  void set_fonts(const FontSet* fonts);
  // The glyph's bitmap, rasterized now if it is new. Empty when it has no ink, or the atlas is
  // full for this frame (it is cleared before the next one, and the caller asked to redraw).
  const Entry& get(uint16_t face, uint32_t glyph);
  float u(int px) const { return float(px) / float(width_); }
  float v(int py) const { return float(py) / float(height_); }
  void* texture() const { return tex_; }
  // Creates, grows or refreshes the texture with what was rasterized since the last flush.
  // True when the atlas overflowed this frame (draw once more).
  bool flush(GlyphTexture& gpu);
  size_t glyph_count() const { return map_.size(); }
  int height() const { return height_; }

 private:
  struct Face;
  void reset(int height);
  bool place(int w, int h, int& x, int& y);

  const FontSet* fonts_ = nullptr;
  uint32_t generation_ = UINT32_MAX;
  std::vector<Face*> faces_;  // stb_truetype state per face, built lazily
  std::unordered_map<uint64_t, Entry> map_;
  std::vector<uint8_t> alpha_;  // width_ x height_ coverage
  int width_ = 1024, height_ = 512;
  int shelf_x_ = 1, shelf_y_ = 1, shelf_h_ = 0;
  int dirty_y0_ = INT32_MAX, dirty_y1_ = 0;
  bool overflow_ = false, recreate_ = true;
  void* tex_ = nullptr;
  GlyphTexture* gpu_ = nullptr;
  Entry none_;
};

}  // namespace goldspan::ui
