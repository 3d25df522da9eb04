// FontSet and shape_line over Debian's Noto fonts (HarfBuzz), natively and in wasm (the node
// test binary reads /usr/share/fonts through NODERAWFS). Without the fonts the font-reading
// cases warn and pass: fonts-noto-core and fonts-noto-cjk come with scripts/setup.sh.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "error.hpp"
#include "support.hpp"
#include "text/bidi.hpp"
#include "text/document.hpp"
#include "text/shaper.hpp"
#include "text/tokenizer.hpp"
#include "text/utf8.hpp"

using goldspan::BidiBlock;
using goldspan::Document;
using goldspan::FontSet;
using goldspan::ShapedLine;

namespace {

// [SECTION] Fixture: the fonts, one document per line -----------------------------------------

enum Face { kLatin, kArabic, kHebrew, kDevanagari, kThai, kCjk };

// Loaded once for the process (the CJK collection is 19 MB); nullptr when a file is absent.
const FontSet* fonts() {
  static std::unique_ptr<FontSet> set = [] {
    const char* files[] = {
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    };
    auto s = std::make_unique<FontSet>();
    for (const char* f : files) {
      auto bytes = goldspan::test::read_file(f);
      if (!bytes) {
        WARN("font " << f << " is absent (install fonts-noto-core, fonts-noto-cjk): shaping cases skipped");
        return std::unique_ptr<FontSet>();
      }
      s->add(f, std::move(*bytes));
    }
    s->set_pixel_size(20);
    return s;
  }();
  return set.get();
}

struct Shaped {
  std::unique_ptr<Document> doc;
  BidiBlock bidi;
  ShapedLine line;
};

Shaped shape(const std::string& text) {
  static goldspan::Tokenizer tok;
  Shaped s;
  s.doc = std::make_unique<Document>("line.txt", text, tok);
  s.bidi.resolve(*s.doc, 0, s.doc->length());
  goldspan::shape_line(*fonts(), *s.doc, s.bidi, 0, s.doc->length(), s.line);
  return s;
}

constexpr float kEps = 0.01f;

// [SECTION] Invariants every shaped line keeps --------------------------------------------------

// Graphemes' boxes are disjoint and tile [0, width); carets and hit tests agree; every hit is
// a grapheme boundary.
void check_mapping(const Document& doc, const ShapedLine& L) {
  INFO("line: " << doc.slice(L.start, L.end));
  std::vector<std::pair<float, float>> g;
  for (uint32_t c = L.start; c < L.end; ++c) {
    const auto b = L.cp_box(c);
    CHECK(b.first <= b.second + kEps);
    if (doc.is_grapheme_boundary(c)) g.push_back(b);
    else CHECK(b == L.cp_box(c - 1));  // one grapheme, one box
  }
  std::sort(g.begin(), g.end());
  float x = 0;
  for (const auto& b : g) {
    CHECK(std::fabs(b.first - x) < kEps);  // no gap, no overlap
    x = b.second;
  }
  CHECK(std::fabs(x - L.width) < kEps);

  for (uint32_t c = L.start; c < L.end; ++c) {
    if (!doc.is_grapheme_boundary(c)) continue;
    const auto b = L.cp_box(c);
    if (b.second - b.first < 0.5f) continue;  // a zero-width grapheme cannot be hit
    const bool rtl = L.cps[c - L.start].rtl;
    const float caret = L.caret_x(c);
    CHECK(std::fabs(caret - (rtl ? b.second : b.first)) < kEps);
    const float inside = rtl ? caret - 0.25f : caret + 0.25f;  // just past the leading edge
    CHECK(L.cp_at(inside) == c);
  }
  for (float px = -4; px < L.width + 4; px += 0.5f) {
    const uint32_t c = L.cp_at(px);
    CHECK(c >= L.start);
    CHECK(c <= L.end);
    CHECK(doc.is_grapheme_boundary(c));
  }
}

// Consecutive code points of a right-to-left word run leftwards.
void check_decreasing(const ShapedLine& L, uint32_t a, uint32_t b) {
  for (uint32_t c = a; c + 1 < b; ++c) {
    INFO("code points " << c << ", " << c + 1);
    CHECK(L.cp_box(c + 1).second <= L.cp_box(c).first + kEps);
    CHECK(L.cp_box(c + 1).first < L.cp_box(c).first);
  }
}

void check_increasing(const ShapedLine& L, uint32_t a, uint32_t b) {
  for (uint32_t c = a; c + 1 < b; ++c) {
    INFO("code points " << c << ", " << c + 1);
    CHECK(L.cp_box(c).second <= L.cp_box(c + 1).first + kEps);
  }
}

}  // namespace

#define REQUIRE_FONTS() \
  if (!fonts()) return

// [SECTION] FontSet ------------------------------------------------------------------------------

TEST_CASE("FontSet: faces in fallback order, advances, errors", "[shape]") {
  REQUIRE_FONTS();
  const FontSet& f = *fonts();
  CHECK(f.size() == 6);
  CHECK(f.face_for(U'A') == kLatin);
  CHECK(f.face_for(U'ق') == kArabic);
  CHECK(f.face_for(U'ש') == kHebrew);
  CHECK(f.face_for(U'क') == kDevanagari);
  CHECK(f.face_for(U'ก') == kThai);
  CHECK(f.face_for(U'中') == kCjk);
  CHECK(f.face_for(U'の') == kCjk);
  CHECK(f.face_for(U'\U0010FFFD') == -1);  // private use: no face
  CHECK(f.face_for(U'\n') == f.face_for(U' '));
  CHECK(f.advance(U'\t') == Approx(4 * f.advance(U' ')));
  CHECK(f.advance(U'\n') == Approx(f.advance(U' ')));
  CHECK(f.advance(U'\U0010FFFD') > 0);  // .notdef's advance
  CHECK(f.advance(U'm') > f.advance(U'i'));
  CHECK(f.ascent() > 0);
  CHECK(f.descent() > 0);
  CHECK(f.ascent() + f.descent() > f.pixel_size());
  CHECK(f.name(kThai).find("NotoSansThai") != std::string::npos);
  CHECK(f.bytes(kHebrew).size() > 1000);
  CHECK(f.ttc_index(kCjk) == 0);
  CHECK_THROWS_AS(f.name(6), goldspan::Error);
}

TEST_CASE("FontSet: pixel size scales, generation bumps, bad fonts are named", "[shape]") {
  REQUIRE_FONTS();
  FontSet f;
  CHECK_THROWS_WITH(f.add("broken.ttf", "not a font at all"), Catch::Contains("broken.ttf"));
  CHECK(f.size() == 0);
  auto hebrew = goldspan::test::read_file("/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf");
  REQUIRE(hebrew);
  // Cut inside its table directory, no table is readable; a collection has no face 99.
  CHECK_THROWS_WITH(f.add("cut.ttf", hebrew->substr(0, 100)), Catch::Contains("cut.ttf"));
  CHECK_THROWS_WITH(f.add("cjk.ttc", fonts()->bytes(kCjk), 99), Catch::Contains("cjk.ttc") && Catch::Contains("face 99"));
  CHECK(f.size() == 0);
  const uint32_t g0 = f.generation();
  CHECK(f.add("he.ttf", *hebrew) == 0);
  CHECK(f.face_for(U'A') == -1);  // Noto Sans Hebrew has no Latin letters
  const uint32_t g1 = f.generation();
  CHECK(g1 != g0);
  f.set_pixel_size(10);
  const float a10 = f.advance(U'ש');
  f.set_pixel_size(20);
  CHECK(f.advance(U'ש') == Approx(2 * a10));
  CHECK(f.generation() != g1);
  CHECK_THROWS_AS(f.set_pixel_size(0), goldspan::Error);
  // A face added later fills what earlier ones lacked (the cached miss is forgotten).
  auto latin = goldspan::test::read_file("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf");
  REQUIRE(latin);
  CHECK(f.add("latin.ttf", *latin) == 1);
  CHECK(f.face_for(U'A') == 1);
  CHECK(f.face_for(U'ש') == 0);
}

TEST_CASE("FontSet: CJK glyphs are found in the TrueType collection", "[shape]") {
  REQUIRE_FONTS();
  auto s = shape("日本語のテキスト、中文。");
  for (const auto& g : s.line.glyphs) {
    CHECK(g.face == kCjk);
    CHECK(g.id != 0);
  }
  CHECK(s.line.glyphs.size() == 12);
  CHECK_FALSE(s.line.rtl);
  check_increasing(s.line, 0, 12);
  check_mapping(*s.doc, s.line);
}

// [SECTION] Visual order -------------------------------------------------------------------------

TEST_CASE("shape: an Arabic line runs right to left, joined", "[shape]") {
  REQUIRE_FONTS();
  auto s = shape("قال المتحدث");
  CHECK(s.line.rtl);
  check_decreasing(s.line, 0, 3);
  check_decreasing(s.line, 4, 11);
  CHECK(s.line.cp_box(4).second <= s.line.cp_box(2).first + kEps);  // second word left of first
  for (const auto& g : s.line.glyphs) CHECK(g.face == kArabic);
  // Joining: the qaf that begins the word is not the isolated qaf.
  auto alone = shape("ق");
  REQUIRE(alone.line.glyphs.size() == 1);
  const auto& first = s.line.glyphs.back();  // rightmost glyph
  CHECK(first.cluster == 0);
  CHECK(first.id != alone.line.glyphs[0].id);
  check_mapping(*s.doc, s.line);
}

TEST_CASE("shape: a Hebrew line runs right to left", "[shape]") {
  REQUIRE_FONTS();
  auto s = shape("שלום עולם");
  CHECK(s.line.rtl);
  check_decreasing(s.line, 0, 4);
  check_decreasing(s.line, 5, 9);
  for (const auto& g : s.line.glyphs) CHECK(g.face == kHebrew);
  check_mapping(*s.doc, s.line);
}

TEST_CASE("shape: the mixed line, digits LTR inside", "[shape]") {
  REQUIRE_FONTS();
  auto s = shape("The spokesman said: قال المتحدث 2005");
  const ShapedLine& L = s.line;
  CHECK_FALSE(L.rtl);
  check_increasing(L, 0, 20);
  check_decreasing(L, 20, 23);
  check_decreasing(L, 24, 31);
  check_increasing(L, 32, 36);  // 2 0 0 5 read left to right
  CHECK(L.cp_box(19).second <= L.cp_box(32).first + kEps);  // Latin, then the number,
  CHECK(L.cp_box(35).second <= L.cp_box(30).first + kEps);  // then the Arabic (its last letter leftmost)
  CHECK(std::fabs(L.cp_box(20).second - L.width) < kEps);   // the Arabic's first letter ends the line
  // A span over "said: قال" is split by the reordering: two boxes.
  std::vector<std::pair<float, float>> boxes;
  L.boxes(14, 23, boxes);
  REQUIRE(boxes.size() == 2);
  CHECK(boxes[0].first == Approx(L.cp_box(14).first));
  CHECK(boxes[1].second == Approx(L.width));
  L.boxes(0, 36, boxes);
  REQUIRE(boxes.size() == 1);
  CHECK(boxes[0].first == Approx(0));
  CHECK(boxes[0].second == Approx(L.width));
  check_mapping(*s.doc, L);
}

// [SECTION] Clusters and graphemes ---------------------------------------------------------------

TEST_CASE("shape: a lam-alef ligature is one glyph for both code points", "[shape]") {
  REQUIRE_FONTS();
  auto s = shape("لا");
  const ShapedLine& L = s.line;
  REQUIRE(L.glyphs.size() == 1);
  CHECK(L.glyphs[0].cluster == 0);
  // Two graphemes share the glyph: lam (logically first) on the right half.
  CHECK(L.cp_box(0).first == Approx(L.width / 2));
  CHECK(L.cp_box(0).second == Approx(L.width));
  CHECK(L.cp_box(1).first == Approx(0));
  // A drag across the glyph, right edge to left edge, selects both code points.
  CHECK(L.cp_at(L.width) == 0);
  CHECK(L.cp_at(0) == 2);
  std::vector<std::pair<float, float>> boxes;
  L.boxes(0, 2, boxes);
  REQUIRE(boxes.size() == 1);
  CHECK(boxes[0].second - boxes[0].first == Approx(L.width));
  check_mapping(*s.doc, L);
}

TEST_CASE("shape: a Devanagari conjunct selects its code points, never half a grapheme", "[shape]") {
  REQUIRE_FONTS();
  auto s = shape("क्ष");  // KA VIRAMA SSA: graphemes "क्" and "ष", one conjunct glyph
  const ShapedLine& L = s.line;
  CHECK(L.glyphs.size() == 1);
  for (const auto& g : L.glyphs) CHECK(g.face == kDevanagari);
  CHECK(L.cp_box(0) == L.cp_box(1));
  CHECK(L.cp_at(0) == 0);
  CHECK(L.cp_at(L.width) == 3);
  for (float x = -2; x < L.width + 2; x += 0.25f) CHECK(L.cp_at(x) != 1);
  std::vector<std::pair<float, float>> boxes;
  L.boxes(0, 3, boxes);
  REQUIRE(boxes.size() == 1);
  CHECK(boxes[0].second - boxes[0].first == Approx(L.width));
  check_mapping(*s.doc, L);

  auto word = shape("परीक्षा");  // a matra and the conjunct in a word
  check_increasing(word.line, 0, 2);
  check_mapping(*word.doc, word.line);
}

TEST_CASE("shape: a combining accent sits on its base, one grapheme", "[shape]") {
  REQUIRE_FONTS();
  auto s = shape("cafe\xCC\x81 ok");  // e + U+0301
  const ShapedLine& L = s.line;
  CHECK(L.cp_box(3) == L.cp_box(4));
  for (float x = -2; x < L.width + 2; x += 0.25f) CHECK(L.cp_at(x) != 4);
  for (const auto& g : L.glyphs) {
    CHECK(g.face == kLatin);
    CHECK(g.id != 0);
    if (g.cluster == 3) {  // the base, or the accent placed over it
      CHECK(g.x >= L.cp_box(3).first - kEps);
      CHECK(g.x < L.cp_box(3).second);
    }
  }
  check_mapping(*s.doc, L);
}

TEST_CASE("shape: Thai marks stack on their base", "[shape]") {
  REQUIRE_FONTS();
  auto s = shape("ที่นี่");  // tho thahan + sara ii + mai ek, then no nu + sara ii + mai ek
  const ShapedLine& L = s.line;
  for (const auto& g : L.glyphs) {
    CHECK(g.face == kThai);
    CHECK(g.id != 0);
  }
  CHECK(L.glyphs.size() == 6);
  CHECK(L.cp_box(0) == L.cp_box(2));
  CHECK(L.cp_box(3) == L.cp_box(5));
  // The tone marks sit above the vowel above (or at least not lower): y is up-negative.
  const auto& base = L.glyphs[0];
  const auto& tone = L.glyphs[2];
  CHECK(tone.x >= base.x - kEps);
  CHECK(tone.x < L.cp_box(0).second);
  CHECK(L.cp_box(2).second <= L.cp_box(3).first + kEps);
  for (float x = -2; x < L.width + 2; x += 0.25f) {
    const uint32_t c = L.cp_at(x);
    CHECK((c == 0 || c == 3 || c == 6));
  }
  check_mapping(*s.doc, L);
}

TEST_CASE("shape: a ZWJ emoji sequence is one grapheme, in one face", "[shape]") {
  REQUIRE_FONTS();
  // MAN ZWJ WOMAN ZWJ GIRL, then a skin tone on a thumbs-up, between letters.
  const std::string text = "a\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"
                           "b\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD" "c";
  auto check = [&](const FontSet& f) {
    static goldspan::Tokenizer tok;
    Document doc("emoji.txt", text, tok);
    BidiBlock b;
    b.resolve(doc, 0, doc.length());
    ShapedLine L;
    goldspan::shape_line(f, doc, b, 0, doc.length(), L);
    for (uint32_t c = 2; c < 6; ++c) CHECK(L.cp_box(c) == L.cp_box(1));
    CHECK(L.cp_box(8) == L.cp_box(7));
    uint16_t face = 0;
    for (const auto& g : L.glyphs)
      if (g.cluster == 1) face = g.face;
    for (const auto& g : L.glyphs)
      if (g.cluster >= 1 && g.cluster < 6) CHECK(g.face == face);  // ZWJ and all: the base's face
    for (float x = -2; x < L.width + 2; x += 0.5f) {
      const uint32_t c = L.cp_at(x);
      CHECK((c <= 1 || c == 6 || c == 7 || c >= 9));
    }
    check_mapping(doc, L);
    return L;
  };
  check(*fonts());  // no emoji face: .notdef, still one grapheme
  const char* emoji = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";
  if (auto bytes = goldspan::test::read_file(emoji)) {
    FontSet f;
    f.add("latin", fonts()->bytes(kLatin));
    f.add(emoji, std::move(*bytes));
    f.set_pixel_size(20);
    const ShapedLine L = check(f);
    size_t family = 0, thumbs = 0;
    for (const auto& g : L.glyphs) {
      family += g.cluster == 1;
      thumbs += g.cluster == 7;
      if (g.cluster == 1 || g.cluster == 7) CHECK(g.face == 1);
    }
    CHECK(family == 1);  // the font's ligature: one glyph for the family
    CHECK(thumbs == 1);
  } else {
    WARN(emoji << " is absent (fonts-noto-color-emoji): the one-glyph part is skipped");
  }
}

// [SECTION] Whitespace, missing glyphs, errors ---------------------------------------------------

TEST_CASE("shape: whitespace and controls advance like spaces and draw nothing", "[shape]") {
  REQUIRE_FONTS();
  const FontSet& f = *fonts();
  auto s = shape("a\tb c\xE2\x80\xA8" "d\x01" "e");  // tab, U+2028, U+0001
  const ShapedLine& L = s.line;
  REQUIRE(L.glyphs.size() == 5);
  for (const auto& g : L.glyphs) CHECK(g.id != 0);
  CHECK(L.cp_box(1).second - L.cp_box(1).first == Approx(4 * f.advance(U' ')).epsilon(0.01));
  CHECK(L.cp_box(5).second - L.cp_box(5).first == Approx(f.advance(U' ')).epsilon(0.01));
  CHECK(L.cp_box(7).second - L.cp_box(7).first == Approx(f.advance(U' ')).epsilon(0.01));
  check_mapping(*s.doc, L);
}

TEST_CASE("shape: a code point no face has is .notdef, without crashing", "[shape]") {
  REQUIRE_FONTS();
  const FontSet& f = *fonts();
  CHECK(f.face_for(U'\U0010FFFD') == -1);
  auto s = shape("a\xF4\x8F\xBF\xBD" "b \xF4\x8F\xBF\xBD");  // a U+10FFFD b space U+10FFFD
  const ShapedLine& L = s.line;
  REQUIRE(L.glyphs.size() == 4);
  CHECK(L.glyphs[1].id == 0);
  CHECK(L.glyphs[3].id == 0);
  CHECK(L.cp_box(1).second - L.cp_box(1).first > 1);
  check_mapping(*s.doc, L);
  auto ar = shape("قال \xF4\x8F\xBF\xBD");
  check_mapping(*ar.doc, ar.line);
}

TEST_CASE("shape: empty lines, lines outside the block, no faces", "[shape]") {
  REQUIRE_FONTS();
  static goldspan::Tokenizer tok;
  Document doc("err.txt", "abc def", tok);
  BidiBlock b;
  b.resolve(doc, 0, 3);
  ShapedLine L;
  goldspan::shape_line(*fonts(), doc, b, 1, 1, L);
  CHECK(L.glyphs.empty());
  CHECK(L.width == 0);
  CHECK(L.cp_at(5) == 1);
  CHECK_THROWS_WITH(goldspan::shape_line(*fonts(), doc, b, 0, 5, L), Catch::Contains("err.txt"));
  FontSet none;
  CHECK_THROWS_WITH(goldspan::shape_line(none, doc, b, 0, 3, L), Catch::Contains("no faces"));
}

// [SECTION] A long RTL paragraph, wrapped ---------------------------------------------------------

TEST_CASE("shape: a long Arabic paragraph wraps into right-to-left lines", "[shape]") {
  REQUIRE_FONTS();
  const FontSet& f = *fonts();
  std::string text;
  for (int i = 0; i < 12; ++i) text += "قال المتحدث باسم وزارة الخارجية إن الاجتماع سيعقد غدا. ";
  static goldspan::Tokenizer tok;
  Document doc("para.txt", text, tok);
  BidiBlock b;
  b.resolve(doc, 0, doc.length());
  REQUIRE(b.rtl());
  // Greedy wrap at token ends with FontSet::advance (what a layout estimates with), 400 px.
  const float wrap = 400;
  auto width_of = [&](uint32_t a, uint32_t e) {
    float w = 0;
    for (uint32_t c = a; c < e; ++c) w += f.advance(goldspan::utf8::decode(doc.slice(c, c + 1), 0));
    return w;
  };
  std::vector<std::pair<uint32_t, uint32_t>> lines;
  uint32_t ls = doc.tokens().front().start, le = ls;
  for (const auto& t : doc.tokens()) {
    if (le > ls && width_of(ls, t.end) > wrap) {
      lines.push_back({ls, le});
      ls = t.start;
    }
    le = t.end;
  }
  lines.push_back({ls, le});
  REQUIRE(lines.size() >= 5);
  std::vector<BidiBlock::Run> runs;
  for (const auto& [a, e] : lines) {
    INFO("line [" << a << ", " << e << ")");
    b.line_runs(a, e, runs);
    REQUIRE_FALSE(runs.empty());
    for (const auto& r : runs) CHECK(r.rtl);
    ShapedLine L;
    goldspan::shape_line(f, doc, b, a, e, L);
    CHECK(L.rtl);
    CHECK(L.width > 0);
    CHECK(L.width < wrap * 1.5f);
    CHECK(std::fabs(L.caret_x(a) - L.width) < kEps);  // the line starts at its right edge
    check_decreasing(L, a, std::min(e, a + 3));
    check_mapping(doc, L);
  }
}
