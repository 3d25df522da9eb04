#pragma once
// Fonts — TTF data handed over by the page, turned into an ImGui atlas that holds only the
// glyphs of the characters present in the loaded documents (plus the UI's own), rebuilt
// when documents bring new characters. Also the Measure the Layout uses.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/layout.hpp"

struct ImFont;

namespace goldspan::ui {

class Fonts {
 public:
  // Takes a copy of the TTF bytes; `scale` is the device pixel ratio (HiDPI).
  void add_ttf(std::string name, std::string bytes);
  void set_scale(float scale) { scale_ = scale; dirty_ = true; }
  float scale() const { return scale_; }

  // Notes the characters of `text`; the atlas is rebuilt on the next prepare() if any is new.
  void note_text(std::string_view utf8);
  // Rebuilds the atlas when needed. Call between frames (before NewFrame). True if rebuilt.
  bool prepare();

  ImFont* text_font() const { return text_font_; }
  float text_size() const { return 17.0f * scale_; }

 private:
  struct Ttf { std::string name, bytes; };
  std::vector<Ttf> ttfs_;
  std::vector<uint32_t> used_;  // bitset over code points
  float scale_ = 1;
  bool dirty_ = true;
  ImFont* text_font_ = nullptr;
};

// Glyph advances from an ImGui font at a pixel size, for Layout.
class FontMeasure : public Measure {
 public:
  FontMeasure(const ImFont* font, float size) : font_(font), size_(size) {}
  float advance(char32_t c) const override;
  float line_height() const override;
  float paragraph_gap() const override { return size_ * 0.6f; }
  float text_height() const { return size_; }
  // Vertical room under the text for span bars.
  float lane_height() const { return size_ * 0.22f; }
  static constexpr int kLanes = 3;

 private:
  const ImFont* font_;
  float size_;
};

}  // namespace goldspan::ui
