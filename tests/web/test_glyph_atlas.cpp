#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <set>
#include <tuple>

#include "app/glyph_atlas.hpp"

using goldspan::FontSet;
using goldspan::ui::GlyphAtlas;
using goldspan::ui::GlyphTexture;

namespace {

// Records what the atlas asks of the GPU, and keeps the pixels it uploads.
struct FakeTexture : GlyphTexture {
  int creates = 0, destroys = 0, w = 0, h = 0;
  std::vector<uint8_t> rgba;
  void* create(int tw, int th) override {
    ++creates;
    w = tw;
    h = th;
    rgba.assign(size_t(w) * size_t(h) * 4, 0);
    return reinterpret_cast<void*>(uintptr_t(creates));
  }
  void update(void*, int x, int y, int uw, int uh, const uint8_t* px) override {
    REQUIRE(x >= 0);
    REQUIRE(y + uh <= h);
    for (int r = 0; r < uh; ++r)
      std::copy(px + size_t(r) * size_t(uw) * 4, px + size_t(r + 1) * size_t(uw) * 4,
                rgba.begin() + (size_t(y + r) * size_t(w) + size_t(x)) * 4);
  }
  void destroy(void*) override { ++destroys; }
  int alpha_sum(const GlyphAtlas::Entry& e) const {
    int sum = 0;
    for (int y = e.py; y < e.py + (e.y1 - e.y0); ++y)
      for (int x = e.px; x < e.px + (e.x1 - e.x0); ++x) sum += rgba[(size_t(y) * size_t(w) + size_t(x)) * 4 + 3];
    return sum;
  }
};

std::string read(const char* path) {
  std::ifstream f(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), {}};
}

}  // namespace

TEST_CASE("glyph atlas: glyphs by id rasterized once, uploaded, packed without overlap, grown when full", "[atlas]") {
  const std::string latin = read("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf");
  if (latin.empty()) {
    WARN("Noto Sans not installed (fonts-noto-core): atlas test skipped");
    return;
  }
  FontSet fonts;
  fonts.add("NotoSans-Regular.ttf", latin);
  fonts.set_pixel_size(15);
  GlyphAtlas atlas;
  atlas.set_fonts(&fonts);
  FakeTexture gpu;

  // Glyph ids of "A" and "g" come from the font's cmap through the FontSet's face lookups.
  const int face = fonts.face_for(U'A');
  REQUIRE(face == 0);
  const GlyphAtlas::Entry a = atlas.get(0, 36);  // some glyph with ink
  (void)a;
  std::set<std::tuple<int, int>> corners;
  size_t inked = 0;
  for (uint32_t g = 1; g < 400; ++g) {
    const GlyphAtlas::Entry e = atlas.get(0, g);
    if (e.empty()) continue;
    ++inked;
    CHECK(corners.insert({e.px, e.py}).second);  // no two glyphs in one place
    CHECK(e.x1 - e.x0 < 40);                     // at 15 px, no glyph box is wider than this
  }
  CHECK(inked > 300);
  CHECK(atlas.glyph_count() == 399);  // every id asked, with ink or without, is remembered
  CHECK_FALSE(atlas.flush(gpu));
  CHECK(gpu.creates == 1);
  // The uploaded pixels hold the glyphs' coverage: a second get() is the same entry.
  const GlyphAtlas::Entry again = atlas.get(0, 36);
  CHECK(again.px == a.px);
  CHECK(again.py == a.py);
  if (!a.empty()) CHECK(gpu.alpha_sum(a) > 1000);

  // A much larger size fills the 1024 x 512 start: the frame that overflows gets empty entries
  // and asks for another; the flush doubles the height and keeps what was placed.
  fonts.set_pixel_size(90);
  atlas.set_fonts(&fonts);  // new generation: starts over
  CHECK(atlas.glyph_count() == 0);
  bool overflowed_frame = false;
  for (uint32_t g = 1; g < 400 && !overflowed_frame; ++g) {
    const GlyphAtlas::Entry e = atlas.get(0, g);
    if (e.empty() && atlas.glyph_count() < g) overflowed_frame = true;
  }
  REQUIRE(overflowed_frame);
  const int before = atlas.height();
  CHECK(atlas.flush(gpu));
  CHECK(atlas.height() == before * 2);
  CHECK(gpu.h == before * 2);
  CHECK(gpu.destroys >= 1);
}
