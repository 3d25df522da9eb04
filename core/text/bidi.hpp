#pragma once
// BidiBlock — the Unicode Bidirectional Algorithm (ICU ubidi) over one block of a Document:
// a paragraph, or a piece of one as the canvas's Layout cuts it. The block is resolved once;
// each wrapped line is then reordered with ubidi_setLine (rules L1–L2), so a line's runs come
// out in visual order, left to right. Offsets are the document's code points throughout.
//
// The base direction is that of the block's first strong character (rules P2–P3), LTR when
// there is none. Paragraph separators inside the block (\n, \r, U+2029, U+001C–U+001E, U+0085)
// are resolved as spaces, so a block is always one bidi paragraph: the caller decides where
// paragraphs end. A block without any right-to-left or explicit-embedding character (all of
// Latin, Greek, Cyrillic, CJK, Indic text) skips ICU altogether: one LTR run per line.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace goldspan {

class Document;

class BidiBlock {
 public:
  struct Run {
    uint32_t start = 0, end = 0;  // document code points, half-open
    bool rtl = false;             // odd embedding level
  };

  BidiBlock();
  ~BidiBlock();
  BidiBlock(BidiBlock&&) noexcept;
  BidiBlock& operator=(BidiBlock&&) noexcept;

  // Resolves document code points [start, end). Throws goldspan::Error naming the document
  // when the range is outside it or ICU fails.
  void resolve(const Document& doc, uint32_t start, uint32_t end);

  uint32_t start() const noexcept;
  uint32_t end() const noexcept;
  bool rtl() const noexcept;  // paragraph base direction
  // The block's code points as in the document (index 0 = start()).
  const std::u32string& text() const noexcept;

  // The runs of line [ls, le) (start() <= ls <= le <= end()), in visual order, left to right;
  // `out` is replaced. Throws goldspan::Error when the line is outside the block.
  void line_runs(uint32_t ls, uint32_t le, std::vector<Run>& out) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;  // ubidi keeps pointers into the UTF-16 copy: kept in place
};

}  // namespace goldspan
