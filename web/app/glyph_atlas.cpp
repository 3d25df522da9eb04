#include "app/glyph_atlas.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

// stb_truetype as Dear ImGui ships it, compiled here a second time with static linkage: ImGui
// keeps its copy private, and glyph-id rasterization is all this file needs.
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include "imstb_truetype.h"

namespace goldspan::ui {

namespace {
constexpr int kMaxHeight = 4096;
constexpr int kPad = 1;  // transparent gap between glyphs: linear filtering must not bleed
}  // namespace

struct GlyphAtlas::Face {
  stbtt_fontinfo info{};
  float scale = 0;
  bool ok = false;
};

GlyphAtlas::~GlyphAtlas() {
  for (Face* f : faces_) delete f;
  if (tex_ && gpu_) gpu_->destroy(tex_);
}

void GlyphAtlas::set_fonts(const FontSet* fonts) {
  if (fonts == fonts_ && fonts && fonts->generation() == generation_) return;
  fonts_ = fonts;
  generation_ = fonts ? fonts->generation() : UINT32_MAX;
  for (Face* f : faces_) delete f;
  faces_.clear();
  reset(height_);
}

void GlyphAtlas::reset(int height) {
  map_.clear();
  height_ = height;
  alpha_.assign(size_t(width_) * size_t(height_), 0);
  shelf_x_ = shelf_y_ = 1;
  shelf_h_ = 0;
  dirty_y0_ = 0;
  dirty_y1_ = height_;
  recreate_ = true;
}

bool GlyphAtlas::place(int w, int h, int& x, int& y) {
  if (shelf_x_ + w + kPad > width_) {  // next shelf
    shelf_y_ += shelf_h_ + kPad;
    shelf_x_ = 1;
    shelf_h_ = 0;
  }
  // Full: this frame draws without the glyph (v coordinates already emitted must stay
  // valid); the flush grows the atlas, or starts it over at the largest size.
  if (shelf_y_ + h + kPad > height_) return false;
  x = shelf_x_;
  y = shelf_y_;
  shelf_x_ += w + kPad;
  shelf_h_ = std::max(shelf_h_, h);
  dirty_y0_ = std::min(dirty_y0_, y);
  dirty_y1_ = std::max(dirty_y1_, y + h);
  return true;
}

const GlyphAtlas::Entry& GlyphAtlas::get(uint16_t face, uint32_t glyph) {
  const uint64_t key = (uint64_t(face) << 32) | glyph;
  if (auto it = map_.find(key); it != map_.end()) return it->second;
  if (!fonts_ || face >= fonts_->size() || overflow_) return none_;
  if (faces_.size() <= face) faces_.resize(face + 1, nullptr);
  Face*& f = faces_[face];
  if (!f) {
    f = new Face;
    const auto* data = reinterpret_cast<const unsigned char*>(fonts_->bytes(face).data());
    const int offset = stbtt_GetFontOffsetForIndex(data, int(fonts_->ttc_index(face)));
    f->ok = offset >= 0 && stbtt_InitFont(&f->info, data, offset);
    if (f->ok) f->scale = stbtt_ScaleForMappingEmToPixels(&f->info, fonts_->pixel_size());
  }
  Entry e;
  if (f->ok) {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    stbtt_GetGlyphBitmapBox(&f->info, int(glyph), f->scale, f->scale, &x0, &y0, &x1, &y1);
    const int w = x1 - x0, h = y1 - y0;
    int px = 0, py = 0;
    if (w > 0 && h > 0 && w < width_ / 2) {
      if (!place(w, h, px, py)) {
        overflow_ = true;
        return none_;
      }
      stbtt_MakeGlyphBitmap(&f->info, &alpha_[size_t(py) * size_t(width_) + size_t(px)], w, h, width_, f->scale,
                            f->scale, int(glyph));
      e = {int16_t(x0), int16_t(y0), int16_t(x1), int16_t(y1), uint16_t(px), uint16_t(py)};
    }
  }
  return map_.emplace(key, e).first->second;
}

bool GlyphAtlas::flush(GlyphTexture& gpu) {
  const bool overflowed = overflow_;
  if (overflow_ && height_ < kMaxHeight) {  // grow downwards: placed glyphs keep their pixels
    overflow_ = false;
    height_ *= 2;
    alpha_.resize(size_t(width_) * size_t(height_), 0);
    recreate_ = true;
  } else if (overflow_) {  // every glyph of the next frame is placed again from an empty atlas
    overflow_ = false;
    reset(height_);
  }
  if (recreate_ || !tex_) {
    if (tex_) gpu.destroy(tex_);
    tex_ = gpu.create(width_, height_);
    gpu_ = &gpu;
    recreate_ = false;
    dirty_y0_ = 0;
    dirty_y1_ = height_;
  }
  if (dirty_y1_ > dirty_y0_) {
    const int rows = dirty_y1_ - dirty_y0_;
    std::vector<uint8_t> rgba(size_t(width_) * size_t(rows) * 4, 255);
    const uint8_t* a = &alpha_[size_t(dirty_y0_) * size_t(width_)];
    for (size_t i = 0, n = size_t(width_) * size_t(rows); i < n; ++i) rgba[i * 4 + 3] = a[i];
    gpu.update(tex_, 0, dirty_y0_, width_, rows, rgba.data());
  }
  dirty_y0_ = INT32_MAX;
  dirty_y1_ = 0;
  return overflowed;
}

}  // namespace goldspan::ui
