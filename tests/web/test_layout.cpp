#include <catch2/catch.hpp>

#include "app/layout.hpp"
#include "support.hpp"

using namespace goldspan;
using goldspan::ui::Layout;
using goldspan::ui::Line;

namespace {

// Every code point is 1 wide, except wide CJK (2) and combining marks (0).
struct FixedMeasure : ui::Measure {
  float advance(char32_t c) const override { return c >= 0x300 && c < 0x370 ? 0.f : c >= 0x3000 ? 2.f : 1.f; }
  float line_height() const override { return 10; }
  float paragraph_gap() const override { return 5; }
};

std::vector<Line> all_lines(Layout& l) {
  std::vector<Line> out;
  l.visible_lines(0, 1e30f, out);
  return out;
}

std::string line_text(const Document& d, const Line& l) { return std::string(d.slice(l.start, l.end)); }

}  // namespace

TEST_CASE("layout: greedy wrap at token boundaries", "[layout]") {
  Tokenizer tok;
  Document d("d", "aaa bbb ccc ddd", tok);
  FixedMeasure m;
  Layout l;
  l.reset(&d, &m, 7);
  const auto lines = all_lines(l);
  REQUIRE(lines.size() == 2);
  CHECK(line_text(d, lines[0]) == "aaa bbb");
  CHECK(line_text(d, lines[1]) == "ccc ddd");
  CHECK(lines[1].y == 10);
  CHECK(lines[1].first_token == 2);
  CHECK(l.total_height() == 25);  // two lines + one paragraph gap
}

TEST_CASE("layout: punctuation stays with the line, too-wide tokens get their own line", "[layout]") {
  Tokenizer tok;
  Document d("d", "ab, cd averyveryverylongword e.", tok);
  FixedMeasure m;
  Layout l;
  l.reset(&d, &m, 8);
  const auto lines = all_lines(l);
  REQUIRE(lines.size() == 3);
  CHECK(line_text(d, lines[0]) == "ab, cd");
  CHECK(line_text(d, lines[1]) == "averyveryverylongword");
  CHECK(line_text(d, lines[2]) == "e.");
}

TEST_CASE("layout: paragraphs become blocks with a gap", "[layout]") {
  Tokenizer tok;
  Document d("d", "First para.\n\nSecond one\nthird", tok);
  FixedMeasure m;
  Layout l;
  l.reset(&d, &m, 100);
  CHECK(l.block_count() == 3);
  const auto lines = all_lines(l);
  REQUIRE(lines.size() == 3);
  CHECK(line_text(d, lines[1]) == "Second one");
  CHECK(lines[1].y == 15);
  CHECK(lines[2].y == 30);
  CHECK(l.total_height() == 45);
}

TEST_CASE("layout: widths come from the measure (CJK wide, combining marks zero)", "[layout]") {
  using goldspan::test::u8;
  Tokenizer tok;
  const std::string cafe = "cafe" + u8(0x301);
  Document d("d", cafe + " " + u8(0x6771) + u8(0x4EAC), tok);
  FixedMeasure m;
  Layout l;
  l.reset(&d, &m, 100);
  const Line line = l.line_of(0);
  CHECK(l.x_of(line, 5) == 4);   // after the combining mark: still 4 wide
  CHECK(l.x_of(line, 6) == 5);   // after the space
  CHECK(l.x_of(line, 8) == 9);   // two wide ideographs
  CHECK(l.cp_at(line, 0.2f) == 0);
  CHECK(l.cp_at(line, 3.9f) == 5);  // never 4: that would split e + U+0301
  CHECK(l.cp_at(line, 3.4f) == 3);
  CHECK(l.cp_at(line, 5.8f) == 6);
  CHECK(l.cp_at(line, 6.2f) == 7);
  CHECK(l.cp_at(line, 7.2f) == 7);
  CHECK(l.cp_at(line, 1000) == 8);
}

TEST_CASE("layout: a large document lays out only what is asked for", "[layout]") {
  std::string text;
  for (int p = 0; p < 2000; ++p) {
    for (int s = 0; s < 5; ++s) text += "Fire crews fought the blaze at the port for six hours. ";
    text += "\n\n";
  }
  Tokenizer tok;
  Document d("big", text, tok);
  FixedMeasure m;
  Layout l;
  l.reset(&d, &m, 80);
  REQUIRE(l.block_count() == 2000);
  const float est = l.total_height();
  std::vector<Line> vis;
  l.visible_lines(est / 2, est / 2 + 300, vis);
  CHECK(!vis.empty());
  CHECK(vis.size() <= 31);
  CHECK(l.laid_out_blocks() <= 10);
  for (size_t i = 1; i < vis.size(); ++i) CHECK(vis[i].y > vis[i - 1].y);
  // Jumping to an offset lays out its block and gives a line containing it.
  const uint32_t target = d.tokens()[d.tokens().size() * 3 / 4].start;
  const Line at = l.line_of(target);
  CHECK(at.start <= target);
  CHECK(target < at.end);
  std::vector<Line> there;
  l.visible_lines(at.y, at.y + 1, there);
  REQUIRE(there.size() == 1);
  CHECK(there[0].start == at.start);
}

TEST_CASE("layout: every token appears in exactly one line, in order, at any width", "[layout]") {
  const auto text = goldspan::test::read_file(std::string(GOLDSPAN_SOURCE_DIR) + "/assets/sample/multilingual.txt");
  REQUIRE(text);
  Tokenizer tok;
  Document d("m", *text, tok);
  FixedMeasure m;
  for (float w : {5.f, 17.f, 40.f, 1000.f}) {
    Layout l;
    l.reset(&d, &m, w);
    uint32_t next = 0;
    for (const Line& line : all_lines(l)) {
      REQUIRE(line.first_token == next);
      REQUIRE(line.end_token > line.first_token);
      REQUIRE(line.start == d.tokens()[line.first_token].start);
      REQUIRE(line.end == d.tokens()[line.end_token - 1].end);
      next = line.end_token;
    }
    CHECK(next == d.tokens().size());
  }
}

TEST_CASE("layout: a paragraph longer than the block limit is cut", "[layout]") {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "word ";
  Tokenizer tok;
  Document d("d", text, tok);
  FixedMeasure m;
  Layout l;
  l.reset(&d, &m, 50);
  CHECK(l.block_count() == 3);
}

TEST_CASE("layout: tokens without space between them wrap as one unit", "[layout]") {
  Tokenizer tok;
  // "22:40" is three tokens (root rules) but must not be split across lines.
  Document d("d", "Saturday at 22:40 it began", tok);
  FixedMeasure m;
  Layout l;
  l.reset(&d, &m, 14);
  const auto lines = all_lines(l);
  REQUIRE(lines.size() == 2);
  CHECK(line_text(d, lines[0]) == "Saturday at");
  CHECK(line_text(d, lines[1]) == "22:40 it began");
  l.reset(&d, &m, 3);  // narrower than the unit: it breaks between its tokens
  std::vector<std::string> texts;
  for (const Line& x : all_lines(l)) texts.push_back(line_text(d, x));
  CHECK(std::find(texts.begin(), texts.end(), "22:") != texts.end());
}

TEST_CASE("layout: ideographs break between tokens without spaces", "[layout]") {
  using goldspan::test::u8;
  Tokenizer tok("ja");
  std::string ja;  // 東京に行きます。 repeated: no spaces at all
  for (int i = 0; i < 6; ++i) ja += u8(0x6771) + u8(0x4EAC) + u8(0x306B) + u8(0x884C) + u8(0x304D) + u8(0x307E) + u8(0x3059) + u8(0x3002);
  Document d("d", ja, tok);
  FixedMeasure m;  // ideographs and kana are 2 wide
  Layout l;
  l.reset(&d, &m, 20);
  const auto lines = all_lines(l);
  REQUIRE(lines.size() >= 5);
  for (const Line& x : lines) CHECK(l.x_of(x, x.end) <= 20);
}
