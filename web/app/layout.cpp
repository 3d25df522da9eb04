#include "app/layout.hpp"

#include <algorithm>
#include <cmath>

#include "text/utf8.hpp"

namespace goldspan::ui {

namespace {

bool is_paragraph_break(char32_t c) { return c == '\n' || c == '\r' || c == 0x2029 || c == 0x0B || c == 0x0C; }

bool ends_sentence(std::string_view text, uint32_t byte_of_last_cp) {
  const char32_t c = utf8::decode(text, byte_of_last_cp);
  return c == '.' || c == '!' || c == '?' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

// Walks a text forward, code point by code point, keeping cp and byte offsets in step.
struct Cursor {
  std::string_view text;
  uint32_t cp = 0, byte = 0;
  char32_t get() const { return utf8::decode(text, byte); }
  void next() { byte += utf8::seq_len(static_cast<unsigned char>(text[byte])); ++cp; }
};

}  // namespace

// [SECTION] Blocks and heights

void Layout::reset(const Document* doc, const Measure* measure, float wrap_width) {
  doc_ = doc;
  m_ = measure;
  width_ = std::max(wrap_width, 1.0f);
  blocks_.clear();
  laid_out_ = 0;
  avg_advance_ = (m_->advance('n') + m_->advance('e') + m_->advance(' ')) / 3.0f;
  const auto& toks = doc_->tokens();
  Cursor c{doc_->text()};
  uint32_t first = 0, first_byte = 0;
  uint32_t last_cp_byte = 0;  // byte of the last code point of the previous token
  auto close = [&](uint32_t end_token, bool paragraph_end) {
    Block b;
    b.first_token = first;
    b.end_token = end_token;
    b.start_byte = first_byte;
    b.est_cps = toks[end_token - 1].end - toks[first].start;
    b.paragraph_end = paragraph_end;
    blocks_.push_back(std::move(b));
    first = end_token;
  };
  for (uint32_t i = 0; i < toks.size(); ++i) {
    bool newline = false;
    for (; c.cp < toks[i].start; c.next()) newline |= is_paragraph_break(c.get());
    if (i > first) {
      const uint32_t n = i - first;
      if (newline) close(i, true);
      else if (n >= kMaxBlockTokens || (n >= kMaxBlockTokens * 3 / 4 && ends_sentence(doc_->text(), last_cp_byte)))
        close(i, false);
    }
    if (i == first) first_byte = c.byte;
    for (; c.cp < toks[i].end; c.next()) last_cp_byte = c.byte;
  }
  if (!toks.empty()) close(static_cast<uint32_t>(toks.size()), true);
  set_width(width_);
}

void Layout::set_width(float wrap_width) {
  width_ = std::max(wrap_width, 1.0f);
  laid_out_ = 0;
  height_.assign(blocks_.size(), 0.0f);
  tree_.assign(blocks_.size() + 1, 0.0);
  for (size_t b = 0; b < blocks_.size(); ++b) {
    blocks_[b].lines.clear();
    height_[b] = estimate(blocks_[b]);
    // Linear-time Fenwick build.
    const size_t i = b + 1;
    tree_[i] += height_[b];
    const size_t parent = i + (i & (~i + 1));
    if (parent <= blocks_.size()) tree_[parent] += tree_[i];
  }
}

float Layout::estimate(const Block& b) const {
  const float lines = std::max(1.0f, std::ceil(float(b.est_cps) * avg_advance_ / width_));
  return lines * m_->line_height() + (b.paragraph_end ? m_->paragraph_gap() : 0.0f);
}

void Layout::add_height(uint32_t b, float delta) {
  height_[b] += delta;
  for (size_t i = b + 1; i < tree_.size(); i += i & (~i + 1)) tree_[i] += delta;
}

float Layout::block_top(uint32_t b) const {
  double s = 0;
  for (size_t i = b; i > 0; i -= i & (~i + 1)) s += tree_[i];
  return static_cast<float>(s);
}

uint32_t Layout::block_at(float y) const {
  // Largest b with block_top(b) <= y, by descending the Fenwick tree.
  size_t pos = 0;
  double rest = y;
  size_t step = 1;
  while (step * 2 < tree_.size()) step *= 2;
  for (; step > 0; step /= 2) {
    if (pos + step < tree_.size() && tree_[pos + step] <= rest) {
      pos += step;
      rest -= tree_[pos];
    }
  }
  return static_cast<uint32_t>(std::min(pos, blocks_.empty() ? 0 : blocks_.size() - 1));
}

float Layout::total_height() const noexcept { return block_top(static_cast<uint32_t>(blocks_.size())); }

size_t Layout::block_of_token(uint32_t token) const {
  auto it = std::upper_bound(blocks_.begin(), blocks_.end(), token,
                             [](uint32_t t, const Block& b) { return t < b.first_token; });
  return it == blocks_.begin() ? 0 : static_cast<size_t>(it - blocks_.begin() - 1);
}

// [SECTION] Wrapping

// Tokens with no space between them ("22:40", "U.S.", "don't") wrap as one unit, so a line
// never breaks inside what reads as one word. Ideographs and kana break anywhere, and a unit
// wider than the line (a long run of Thai, a URL) falls back to breaking between its tokens.
static bool breaks_anywhere(TokenKind k) { return k == TokenKind::Ideographic || k == TokenKind::Kana; }

void Layout::lay_out(uint32_t bi) {
  Block& b = blocks_[bi];
  if (!b.lines.empty()) return;
  const auto& toks = doc_->tokens();
  const uint32_t n = b.end_token - b.first_token;
  gap_w_.resize(n);
  tok_w_.resize(n);
  spaced_.resize(n);
  Cursor c{doc_->text(), toks[b.first_token].start, b.start_byte};
  for (uint32_t k = 0; k < n; ++k) {
    const Token& t = toks[b.first_token + k];
    float gap = 0;
    for (; c.cp < t.start; c.next()) gap += m_->advance(c.get());
    float w = 0;
    for (; c.cp < t.end; c.next()) w += m_->advance(c.get());
    gap_w_[k] = gap;
    tok_w_[k] = w;
    spaced_[k] = k == 0 || t.start > toks[b.first_token + k - 1].end ||
                 breaks_anywhere(t.kind) || breaks_anywhere(toks[b.first_token + k - 1].kind);
  }
  const float lh = m_->line_height();
  Line line;
  line.block = bi;
  float x = 0;
  bool empty = true;
  auto place = [&](uint32_t k, bool new_line) {
    const Token& t = toks[b.first_token + k];
    if (new_line && !empty) {
      b.lines.push_back(line);
      line = Line{};
      line.block = bi;
      line.y = float(b.lines.size()) * lh;
      empty = true;
    }
    if (empty) {
      line.start = t.start;
      line.first_token = b.first_token + k;
      x = tok_w_[k];
      empty = false;
    } else {
      x += gap_w_[k] + tok_w_[k];
    }
    line.end = t.end;
    line.end_token = b.first_token + k + 1;
  };
  for (uint32_t u = 0; u < n;) {
    uint32_t v = u + 1;  // the unit is tokens [u, v)
    float w = tok_w_[u];
    while (v < n && !spaced_[v]) w += gap_w_[v] + tok_w_[v], ++v;
    if (empty || x + gap_w_[u] + w <= width_) {
      for (uint32_t k = u; k < v; ++k) place(k, false);
    } else if (w <= width_) {
      place(u, true);
      for (uint32_t k = u + 1; k < v; ++k) place(k, false);
    } else {  // wider than a line: break between its tokens
      for (uint32_t k = u; k < v; ++k) place(k, !empty && x + gap_w_[k] + tok_w_[k] > width_);
    }
    u = v;
  }
  if (!empty) b.lines.push_back(line);
  ++laid_out_;
  const float h = float(b.lines.size()) * lh + (b.paragraph_end ? m_->paragraph_gap() : 0.0f);
  add_height(bi, h - height_[bi]);
}

void Layout::visible_lines(float y0, float y1, std::vector<Line>& out) {
  out.clear();
  if (blocks_.empty()) return;
  const float lh = m_->line_height();
  uint32_t b = block_at(y0);
  float top = block_top(b);
  for (; b < blocks_.size() && top < y1; ++b) {
    lay_out(b);
    for (const Line& l : blocks_[b].lines) {
      const float y = top + l.y;
      if (y + lh <= y0) continue;
      if (y >= y1) break;
      Line abs = l;
      abs.y = y;
      out.push_back(abs);
    }
    top += height_[b];
  }
}

Line Layout::line_of(uint32_t cp) {
  if (blocks_.empty()) return Line{};
  const auto& toks = doc_->tokens();
  const uint32_t t = static_cast<uint32_t>(std::min(doc_->token_at_or_after(cp), toks.size() - 1));
  const uint32_t bi = static_cast<uint32_t>(block_of_token(t));
  lay_out(bi);
  const auto& lines = blocks_[bi].lines;
  auto it = std::upper_bound(lines.begin(), lines.end(), t, [](uint32_t tok, const Line& l) { return tok < l.end_token; });
  Line l = it == lines.end() ? lines.back() : *it;
  l.y += block_top(bi);
  return l;
}

// [SECTION] Positions inside a line

std::pair<uint32_t, uint32_t> Layout::block_range(uint32_t b) const {
  const Block& k = blocks_[b];
  if (k.end_token <= k.first_token) return {0, 0};
  return {doc_->tokens()[k.first_token].start, doc_->tokens()[k.end_token - 1].end};
}

float Layout::x_of(const Line& line, uint32_t cp) const {
  Cursor c{doc_->text(), line.start, doc_->offsets().byte_of_cp(line.start)};
  float x = 0;
  for (; c.cp < cp && c.cp < line.end; c.next()) x += m_->advance(c.get());
  return x;
}

uint32_t Layout::cp_at(const Line& line, float x) const {
  // Whole grapheme clusters only: a click never lands between a base and its marks.
  Cursor c{doc_->text(), line.start, doc_->offsets().byte_of_cp(line.start)};
  uint32_t cluster = line.start;
  float cluster_x = 0, acc = 0;
  for (; c.cp < line.end; c.next()) {
    if (c.cp > cluster && doc_->is_grapheme_boundary(c.cp)) {
      if (x < (cluster_x + acc) * 0.5f) return cluster;
      cluster = c.cp;
      cluster_x = acc;
    }
    acc += m_->advance(c.get());
  }
  return x < (cluster_x + acc) * 0.5f ? cluster : line.end;
}

}  // namespace goldspan::ui
