#pragma once
// Text shaping for the canvas: fonts (FontSet), and one wrapped line resolved by bidi,
// split into script and font runs, shaped with HarfBuzz and mapped back to code points
// (ShapedLine). See docs/shaping.md for the units and the mapping rules.
//
// Units: x and advances in pixels at FontSet::pixel_size(), from the line's left edge; y down
// from the baseline. Positions are HarfBuzz's in font units, scaled (no hinting), so a line's
// geometry does not depend on the rasterizer. Offsets are document code points.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/bidi.hpp"

namespace goldspan {

class Document;

// Faces the canvas can use, in fallback order (face 0 = the main Latin font).
// Not thread-safe (lookups fill caches).
class FontSet {
 public:
  FontSet();
  ~FontSet();
  FontSet(FontSet&&) noexcept;
  FontSet& operator=(FontSet&&) noexcept;

  // Adds a face from TTF/OTF/TTC bytes (copied); returns its index. Throws goldspan::Error
  // naming `name` if HarfBuzz cannot read it (no glyphs in face `ttc_index`).
  int add(std::string name, std::string bytes, unsigned ttc_index = 0);
  size_t size() const noexcept;

  void set_pixel_size(float em_px);  // em size in pixels (text is shaped at this size)
  float pixel_size() const noexcept;

  // The first face with a glyph for c, -1 if none. Whitespace and controls count as a space
  // (they are shaped as one).
  int face_for(char32_t c) const;
  bool has_glyph(int face, char32_t c) const;
  // Pixel advance of c's nominal glyph in face_for(c) (.notdef of face 0 when none); a tab is
  // 4 spaces, line breaks and other controls a space. For wrapping estimates: a shaped line's
  // width also has kerning, ligatures and marks.
  float advance(char32_t c) const;
  float ascent() const;   // px of face 0, up from the baseline (positive)
  float descent() const;  // px of face 0, down from the baseline (positive)

  const std::string& name(int face) const;
  const std::string& bytes(int face) const;  // for the rasterizer (same bytes HarfBuzz reads)
  unsigned ttc_index(int face) const;
  uint32_t units_per_em(int face) const;
  // Bumps on add() and set_pixel_size(): a cache of shaped lines or glyph bitmaps keyed on
  // it is invalid once it changes.
  uint32_t generation() const noexcept;

  struct Impl;
  Impl& impl() const noexcept { return *impl_; }  // for shape_line

 private:
  std::unique_ptr<Impl> impl_;
};

struct Glyph {
  uint32_t id = 0;       // glyph id in its face (0 = .notdef)
  uint16_t face = 0;
  float x = 0, y = 0;    // origin, px from the line's left edge / baseline (y down)
  uint32_t cluster = 0;  // document code point where its cluster starts
};

// One wrapped line, resolved, reordered and shaped. Logical = document code points.
struct ShapedLine {
  uint32_t start = 0, end = 0;  // logical code points [start, end)
  bool rtl = false;             // paragraph base direction (the canvas right-aligns)
  float width = 0;
  std::vector<Glyph> glyphs;    // visual order, left to right; none for whitespace

  // Per code point of [start, end), filled by shape_line: its visual box, its run's direction
  // and the grapheme that holds it (logical [g0, g1)).
  struct Cp {
    float x0 = 0, x1 = 0;
    uint32_t g0 = 0, g1 = 0;
    bool rtl = false;
  };
  std::vector<Cp> cps;

  // Visual extent [x0, x1) of logical code point cp (clamped into [start, end)). The code
  // points of one grapheme share the grapheme's box; a cluster of several graphemes (a
  // ligature, a conjunct) is shared by its graphemes in equal parts, in the run's direction.
  std::pair<float, float> cp_box(uint32_t cp) const;
  // Visual x of the caret at logical boundary cp (clamped into [start, end]): the leading edge
  // of cp in its run's direction; at `end`, the trailing edge of the last code point.
  float caret_x(uint32_t cp) const;
  // The logical grapheme boundary nearest to x (never inside a grapheme): the grapheme under
  // x (or the nearest one), then its logical start or end, whichever edge x is nearer to.
  uint32_t cp_at(float x) const;
  // Visual boxes covering logical [a, b) ∩ [start, end): merged x intervals, left to right
  // (a span split by reordering gives several); `out` is replaced.
  void boxes(uint32_t a, uint32_t b, std::vector<std::pair<float, float>>& out) const;
};

// Shapes logical [ls, le) of `doc` (inside `bidi`'s block): bidi runs -> script runs (ICU
// uscript; Common and Inherited take their neighbours' script) -> face runs (face_for; a code
// point that continues a grapheme stays in its base's face, a Common one stays in the current
// face when that face has it) -> hb_shape with the run's direction, script and `language`
// (BCP 47, optional), cluster level MONOTONE_GRAPHEMES. Whitespace and controls are shaped as
// spaces (a tab as 4) and get no glyph. A code point no face has is shaped as .notdef in the
// face of its run (face 0 when it starts the run). Throws goldspan::Error when the FontSet is
// empty or [ls, le) is outside the block.
void shape_line(const FontSet& fonts, const Document& doc, const BidiBlock& bidi, uint32_t ls,
                uint32_t le, ShapedLine& out, std::string_view language = {});

}  // namespace goldspan
