// BidiBlock: paragraph direction and visual run order (ICU ubidi), natively and in wasm.
#include <catch2/catch.hpp>

#include <vector>

#include "error.hpp"
#include "text/bidi.hpp"
#include "text/document.hpp"
#include "text/tokenizer.hpp"

using goldspan::BidiBlock;
using goldspan::Document;
using Run = BidiBlock::Run;

namespace {

std::vector<Run> runs_of(const Document& doc, uint32_t ls, uint32_t le, bool* rtl = nullptr) {
  BidiBlock b;
  b.resolve(doc, 0, doc.length());
  if (rtl) *rtl = b.rtl();
  std::vector<Run> out;
  b.line_runs(ls, le, out);
  return out;
}

std::string show(const std::vector<Run>& rs) {
  std::string s;
  for (const Run& r : rs) s += "[" + std::to_string(r.start) + "," + std::to_string(r.end) + (r.rtl ? ")R " : ")L ");
  return s;
}

}  // namespace

TEST_CASE("bidi: Latin text is one LTR run without ubidi", "[shape][bidi]") {
  goldspan::Tokenizer tok;
  Document doc("latin.txt", "Akayev said 2005 was calm.", tok);
  bool rtl = true;
  const auto rs = runs_of(doc, 0, doc.length(), &rtl);
  CHECK_FALSE(rtl);
  CHECK(show(rs) == "[0,26)L ");
}

TEST_CASE("bidi: an Arabic paragraph is RTL, one run", "[shape][bidi]") {
  goldspan::Tokenizer tok;
  Document doc("ar.txt", "قال المتحدث", tok);
  bool rtl = false;
  const auto rs = runs_of(doc, 0, doc.length(), &rtl);
  CHECK(rtl);
  CHECK(show(rs) == "[0,11)R ");
}

TEST_CASE("bidi: Latin inside a Hebrew paragraph is reordered", "[shape][bidi]") {
  goldspan::Tokenizer tok;
  // שלום 0-4, space 4, world 5-10, space 10, עולם 11-15
  Document doc("he.txt", "שלום world עולם", tok);
  bool rtl = false;
  const auto rs = runs_of(doc, 0, doc.length(), &rtl);
  CHECK(rtl);
  // Visual, left to right: the last Hebrew word (with the space before it), world, the first.
  CHECK(show(rs) == "[10,15)R [5,10)L [0,5)R ");
}

TEST_CASE("bidi: the mixed line keeps its digits LTR after the Arabic", "[shape][bidi]") {
  goldspan::Tokenizer tok;
  // "The spokesman said: " 0-20, Arabic 20-31, space 31, "2005" 32-36
  Document doc("mixed.txt", "The spokesman said: قال المتحدث 2005", tok);
  bool rtl = true;
  const auto rs = runs_of(doc, 0, doc.length(), &rtl);
  CHECK_FALSE(rtl);
  // The number takes the Arabic's direction (W2, AN at level 2): left of the Arabic, in its
  // own left-to-right order.
  CHECK(show(rs) == "[0,20)L [32,36)L [20,32)R ");
}

TEST_CASE("bidi: base direction from the first strong character", "[shape][bidi]") {
  goldspan::Tokenizer tok;
  bool rtl = false;
  Document lead("lead.txt", "« 12 » שלום", tok);  // neutrals and numbers first
  runs_of(lead, 0, lead.length(), &rtl);
  CHECK(rtl);
  Document none("none.txt", "12 + 3 = 15", tok);  // no strong character: LTR
  runs_of(none, 0, none.length(), &rtl);
  CHECK_FALSE(rtl);
  // A line break inside a block does not start a new paragraph: the block keeps its direction.
  Document two("two.txt", "Hello\nשלום עולם", tok);
  const auto rs = runs_of(two, 0, two.length(), &rtl);
  CHECK_FALSE(rtl);
  CHECK(show(rs) == "[0,6)L [6,15)R ");
}

TEST_CASE("bidi: lines of one block are reordered on their own", "[shape][bidi]") {
  goldspan::Tokenizer tok;
  // Three "lines" of an RTL block: Arabic, Latin, Arabic with a number.
  Document doc("lines.txt", "قال المتحدث Reuters said 2005 عام", tok);
  BidiBlock b;
  b.resolve(doc, 0, doc.length());
  REQUIRE(b.rtl());
  std::vector<Run> rs;
  b.line_runs(0, 12, rs);  // "قال المتحدث "
  CHECK(show(rs) == "[0,12)R ");
  b.line_runs(12, 25, rs);  // "Reuters said " : trailing space back at the paragraph level (L1)
  CHECK(show(rs) == "[24,25)R [12,24)L ");
  b.line_runs(25, doc.length(), rs);  // "2005 عام"
  CHECK(show(rs) == "[29,33)R [25,29)L ");
  b.line_runs(3, 3, rs);
  CHECK(rs.empty());
}

TEST_CASE("bidi: a piece of a document, supplementary code points", "[shape][bidi]") {
  goldspan::Tokenizer tok;
  // U+1D400 (math bold A, two UTF-16 units) before the Hebrew: offsets stay code points.
  Document doc("piece.txt", "xx \xF0\x9D\x90\x80 שלום yy", tok);
  BidiBlock b;
  b.resolve(doc, 3, 9);  // "𝐀 שלום"
  CHECK(b.start() == 3);
  CHECK(b.end() == 9);
  CHECK(b.text().size() == 6);
  CHECK(b.text()[0] == U'\U0001D400');
  CHECK_FALSE(b.rtl());
  std::vector<Run> rs;
  b.line_runs(3, 9, rs);
  CHECK(show(rs) == "[3,5)L [5,9)R ");
}

TEST_CASE("bidi: ranges outside the document or block are errors naming it", "[shape][bidi]") {
  goldspan::Tokenizer tok;
  Document doc("bad.txt", "שלום", tok);
  BidiBlock b;
  CHECK_THROWS_WITH(b.resolve(doc, 0, 9), Catch::Contains("bad.txt"));
  b.resolve(doc, 1, 3);
  std::vector<Run> rs;
  CHECK_THROWS_AS(b.line_runs(0, 2, rs), goldspan::Error);
  CHECK_THROWS_WITH(b.line_runs(2, 4, rs), Catch::Contains("bad.txt") && Catch::Contains("outside"));
}
