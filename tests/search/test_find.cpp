// Finder: plain text, ICU regex, case folding, offsets in code points.
#include <catch2/catch.hpp>

#include "error.hpp"
#include "search/find.hpp"
#include "search_support.hpp"

using namespace goldspan;
using goldspan::test::TextCorpus;

namespace {

std::vector<Hit> find(const TextCorpus& c, const std::string& pattern, bool regex = false, bool ignore_case = false) {
  FindOptions o;
  o.regex = regex;
  o.ignore_case = ignore_case;
  return Finder(pattern, o).find_all(c.corpus);
}

std::vector<std::string> texts(const TextCorpus& c, const std::vector<Hit>& hits) {
  std::vector<std::string> out;
  for (const Hit& h : hits) out.push_back(c.text(h.doc, h.start, h.end));
  return out;
}

}  // namespace

TEST_CASE("find: plain text in every document, regex characters taken literally", "[search][find]") {
  TextCorpus c({"Bishkek is far. Bishkek (again).", "No match here.", "a.b a+b (Bishkek)"});
  const auto hits = find(c, "Bishkek");
  REQUIRE(hits.size() == 3);
  CHECK(hits[0].doc == 0);
  CHECK(hits[0].start == 0);
  CHECK(hits[0].end == 7);
  CHECK(hits[1].start == 16);
  CHECK(hits[2].doc == 2);
  CHECK(hits[2].start == 9);
  CHECK(find(c, "a.b").size() == 1);
  CHECK(find(c, "a+b").size() == 1);
  CHECK(find(c, "(again)").size() == 1);
  CHECK(find(c, "bishkek").empty());
  CHECK_THROWS_AS(Finder(""), Error);
}

TEST_CASE("find: context is one line, cut to the requested code points", "[search][find]") {
  TextCorpus c({"first line\nthe port of Valmora burned\tlast"});
  FindOptions o;
  o.context = 5;
  const auto hits = Finder("Valmora", o).find_all(c.corpus);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].before == "t of ");
  CHECK(hits[0].match == "Valmora");
  CHECK(hits[0].after == " burn");
  o.context = 100;
  const auto wide = Finder("Valmora", o).find_all(c.corpus);
  CHECK(wide[0].before == "first line the port of ");
  CHECK(wide[0].after == " burned last");
}

#if GOLDSPAN_HAS_ICU_REGEX
TEST_CASE("find: ICU regex with Unicode classes; bad patterns are errors", "[search][find]") {
  TextCorpus c({"Начальник порта Инес Одуя, 14 Arbeiter, caf\u00e9 42"});
  CHECK(texts(c, find(c, "\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+", true)) == std::vector<std::string>{"Инес Одуя"});
  CHECK(texts(c, find(c, "\\p{Script=Cyrillic}+", true)).size() == 4);
  CHECK(texts(c, find(c, "\\d+", true)) == std::vector<std::string>{"14", "42"});
  CHECK(texts(c, find(c, "caf\\p{L}\\b", true)) == std::vector<std::string>{"café"});
  CHECK(find(c, "x*", true).empty());  // empty matches select nothing
  CHECK_THROWS_WITH(Finder("(unclosed", [] { FindOptions o; o.regex = true; return o; }()),
                    Catch::Contains("bad regular expression"));
}

TEST_CASE("find: case-insensitive with full Unicode case folding", "[search][find]") {
  TextCorpus c({"BISHKEK, Bishkek and bishkek.", "Η ΑΘΉΝΑ και η αθήνα.", "МОСКВА и москва.", "Die Straße, die STRASSE."});
  CHECK(find(c, "bishkek", false, true).size() == 3);
  CHECK(find(c, "BISHKEK", false, true).size() == 3);
  CHECK(texts(c, find(c, "αθήνα", false, true)) == std::vector<std::string>{"ΑΘΉΝΑ", "αθήνα"});
  CHECK(texts(c, find(c, "Москва", false, true)) == std::vector<std::string>{"МОСКВА", "москва"});
  // ß folds to ss: lengths differ, yet the offsets are those of the original text.
  const auto ss = find(c, "strasse", false, true);
  REQUIRE(ss.size() == 2);
  CHECK(c.text(3, ss[0].start, ss[0].end) == "Straße");
  CHECK(ss[0].end - ss[0].start == 6);
  CHECK(c.text(3, ss[1].start, ss[1].end) == "STRASSE");
  CHECK(texts(c, find(c, "STRAßE", false, true)) == std::vector<std::string>{"Straße", "STRASSE"});
  CHECK(texts(c, find(c, "москв\\p{L}", true, true)) == std::vector<std::string>{"МОСКВА", "москва"});
}
#endif

TEST_CASE("find: astral and combining text before a match keeps code point offsets exact", "[search][find]") {
  TextCorpus c({"\U0001F6A2\U0001F468\u200D\U0001F469\u200D\U0001F467 \U0001F1F0\U0001F1EC cafe\u0301 Valmora \U0001D400 Valmora"});
  const auto hits = find(c, "Valmora");
  REQUIRE(hits.size() == 2);
  // 🚢 1, family 5 (3 people + 2 ZWJ), space, flag 2, space, c a f e ́ (5), space = 16
  CHECK(hits[0].start == 16);
  CHECK(hits[0].end == 23);
  CHECK(c.text(0, hits[0].start, hits[0].end) == "Valmora");
  CHECK(c.text(0, hits[1].start, hits[1].end) == "Valmora");
  CHECK(hits[1].start == 26);
  CHECK(hits[0].before == "\U0001F6A2\U0001F468\u200D\U0001F469\u200D\U0001F467 \U0001F1F0\U0001F1EC cafe\u0301 ");
}

TEST_CASE("find: context never cuts a grapheme cluster", "[search][find]") {
  TextCorpus c({"\U0001F1F0\U0001F1EC Bishkek"});
  FindOptions o;
  o.context = 2;  // would cut the flag in half
  const auto hits = Finder("Bishkek", o).find_all(c.corpus);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].before == "\U0001F1F0\U0001F1EC ");
}

TEST_CASE("find: max_hits stops early", "[search][find]") {
  TextCorpus c({"a a a", "a a"});
  FindOptions o;
  o.max_hits = 4;
  CHECK(Finder("a", o).find_all(c.corpus).size() == 4);
}

#if GOLDSPAN_HAS_ICU_REGEX
TEST_CASE("find: literal byte search and ICU literal search agree", "[search][find]") {
  TextCorpus c({"Ines 🇰🇬 Ines\u0301 ΙΝΕΣ Ines", "ines Ines"});
  FindOptions o;
  const auto fast = Finder("Ines", o).find_all(c.corpus);
  o.regex = true;  // the same text as a regex: ICU's path
  const auto icu = Finder("Ines", o).find_all(c.corpus);
  REQUIRE(fast.size() == 4);
  REQUIRE(icu.size() == fast.size());
  for (size_t i = 0; i < fast.size(); ++i) {
    CHECK(fast[i].doc == icu[i].doc);
    CHECK(fast[i].start == icu[i].start);
    CHECK(fast[i].end == icu[i].end);
    CHECK(fast[i].before == icu[i].before);
  }
  CHECK_THROWS_WITH(Finder("\xff"), Catch::Contains("not valid UTF-8"));
}

TEST_CASE("find: a runaway regular expression stops at the time limit", "[search][find]") {
  TextCorpus c({std::string(40, 'a') + "c"});
  FindOptions o;
  o.regex = true;
  o.time_limit = 50;
  CHECK_THROWS_WITH(Finder("(a+)+b", o).find_all(c.corpus), Catch::Contains("took too long on d0"));
}
#endif

#if !GOLDSPAN_HAS_ICU_REGEX
TEST_CASE("find: without ICU i18n, regex and ignore case are a clear error", "[search][find]") {
  FindOptions o;
  o.regex = true;
  CHECK_THROWS_WITH(Finder("a+", o), Catch::Contains("need ICU's i18n library"));
}
#endif
