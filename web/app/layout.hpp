#pragma once
// Layout — word-wrapped lines of one Document, laid out lazily, block by block.
//
// The text is cut once into blocks (a paragraph, or a piece of at most kMaxBlockTokens
// tokens of a longer one, cut after a sentence end where possible). A block is wrapped
// into lines only when it is first needed (visible, or asked for by offset); until then its
// height is an estimate. Block heights live in a Fenwick tree, so finding the block at a
// scroll position and the position of a block are O(log blocks). Lines break only at token
// boundaries (a token wider than the line gets a line of its own). No ImGui here: glyph
// advances come through the Measure interface, so this is tested natively.
#include <cstdint>
#include <utility>
#include <vector>

#include "text/document.hpp"

namespace goldspan::ui {

struct Measure {
  virtual ~Measure() = default;
  virtual float advance(char32_t c) const = 0;  // horizontal advance of one code point
  virtual float line_height() const = 0;       // distance between wrapped lines
  virtual float paragraph_gap() const = 0;     // extra space after a paragraph
};

struct Line {
  uint32_t start = 0, end = 0;             // code points: first token start, last token end
  uint32_t first_token = 0, end_token = 0;  // token indices, half-open
  float y = 0;                              // top, in layout coordinates
  uint32_t block = 0;
};

class Layout {
 public:
  static constexpr uint32_t kMaxBlockTokens = 1024;

  // Cuts `doc` into blocks and estimates all heights; no line is laid out yet.
  void reset(const Document* doc, const Measure* measure, float wrap_width);
  // Wrapping width changed (or font): lines are laid out again when next needed.
  void set_width(float wrap_width);
  float width() const noexcept { return width_; }
  const Document* document() const noexcept { return doc_; }

  float total_height() const noexcept;
  // Lines that intersect [y0, y1), top to bottom (lays out those blocks).
  void visible_lines(float y0, float y1, std::vector<Line>& out);
  // The line holding code point `cp` (the next line if cp falls in a gap between lines).
  Line line_of(uint32_t cp);

  // x of code point boundary `cp` within `line` (line.start <= cp <= line.end).
  float x_of(const Line& line, uint32_t cp) const;
  // The code point boundary nearest to x within `line`.
  uint32_t cp_at(const Line& line, float x) const;

  // Code points from block b's first token start to its last token end: its lines lie inside
  // (the canvas resolves bidi once per block).
  std::pair<uint32_t, uint32_t> block_range(uint32_t b) const;
  size_t block_count() const noexcept { return blocks_.size(); }
  size_t laid_out_blocks() const noexcept { return laid_out_; }

 private:
  struct Block {
    uint32_t first_token = 0, end_token = 0;
    uint32_t start_byte = 0;  // byte of the first token's start, for sequential walks
    uint32_t est_cps = 0;     // code points covered, for the height estimate
    bool paragraph_end = false;
    std::vector<Line> lines;  // empty until laid out (y relative to the block top)
  };

  void lay_out(uint32_t b);
  float estimate(const Block& b) const;
  float block_top(uint32_t b) const;       // prefix sum
  uint32_t block_at(float y) const;        // Fenwick descent
  void add_height(uint32_t b, float delta);
  size_t block_of_token(uint32_t token) const;

  const Document* doc_ = nullptr;
  const Measure* m_ = nullptr;
  float width_ = 0;
  float avg_advance_ = 8;
  std::vector<Block> blocks_;
  std::vector<float> height_;  // per block, current (estimate or real)
  std::vector<double> tree_;   // Fenwick tree over height_ (double: millions of lines)
  size_t laid_out_ = 0;
  std::vector<float> gap_w_, tok_w_;  // scratch for lay_out
  std::vector<bool> spaced_;
};

}  // namespace goldspan::ui
