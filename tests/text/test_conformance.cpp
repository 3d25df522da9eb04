// Unicode 15.0 break tests (UAX #29) run through the product's Tokenizer.
// ICU's root word rules follow CLDR, which removes U+003A COLON, U+FE55 and U+FF1A from
// MidLetter: exactly 15 WordBreakTest lines differ for root. ICU's sv/fi rules are strict UAX #29.
#include <catch2/catch.hpp>
#include <sstream>

#include "support.hpp"
#include "text/document.hpp"
#include "text/tokenizer.hpp"

using goldspan::BreakKind;
using goldspan::Tokenizer;

namespace {

struct Case {
  int line = 0;
  std::string text;
  std::vector<uint32_t> expected;  // code point boundaries
  std::vector<char32_t> cps;
};

std::vector<Case> load(const std::string& name) {
  const std::string path = std::string(GOLDSPAN_UNICODE_TESTS) + "/" + name;
  const auto data = goldspan::test::read_file(path);
  if (!data) FAIL("missing " << path << " (Debian package unicode-data; scripts/setup.sh installs it)");
  std::vector<Case> cases;
  std::istringstream in(*data);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    line = line.substr(0, line.find('#'));
    std::istringstream ls(line);
    std::string tok;
    Case c;
    c.line = n;
    uint32_t pos = 0;
    while (ls >> tok) {
      if (tok == "\xC3\xB7") c.expected.push_back(pos);       // ÷ break
      else if (tok == "\xC3\x97") continue;                   // × no break
      else {
        const char32_t cp = static_cast<char32_t>(std::stoul(tok, nullptr, 16));
        c.cps.push_back(cp);
        c.text += goldspan::test::u8(cp);
        ++pos;
      }
    }
    if (!c.cps.empty()) cases.push_back(std::move(c));
  }
  return cases;
}

bool has_surrogate(const Case& c) {
  for (char32_t cp : c.cps)
    if (cp >= 0xD800 && cp <= 0xDFFF) return true;
  return false;
}

// Returns the failing cases.
std::vector<const Case*> run(const std::vector<Case>& cases, Tokenizer& tok, BreakKind kind) {
  std::vector<const Case*> failed;
  for (const Case& c : cases)
    if (tok.boundaries(kind, c.text) != c.expected) failed.push_back(&c);
  return failed;
}

bool mentions_colon_variant(const Case& c) {
  for (char32_t cp : c.cps)
    if (cp == 0x3A || cp == 0xFE55 || cp == 0xFF1A) return true;
  return false;
}

}  // namespace

TEST_CASE("conformance: GraphemeBreakTest.txt, every line", "[conformance]") {
  const auto cases = load("GraphemeBreakTest.txt");
  REQUIRE(cases.size() > 500);
  for (const Case& c : cases) REQUIRE_FALSE(has_surrogate(c));
  Tokenizer tok;
  const auto failed = run(cases, tok, BreakKind::Grapheme);
  for (const Case* c : failed) UNSCOPED_INFO("line " << c->line);
  CHECK(failed.empty());
}

TEST_CASE("conformance: SentenceBreakTest.txt, every line", "[conformance]") {
  const auto cases = load("SentenceBreakTest.txt");
  REQUIRE(cases.size() > 400);
  for (const Case& c : cases) REQUIRE_FALSE(has_surrogate(c));
  Tokenizer tok;
  const auto failed = run(cases, tok, BreakKind::Sentence);
  for (const Case* c : failed) UNSCOPED_INFO("line " << c->line);
  CHECK(failed.empty());
}

TEST_CASE("conformance: WordBreakTest.txt with strict UAX #29 rules (sv) passes every line", "[conformance]") {
  const auto cases = load("WordBreakTest.txt");
  REQUIRE(cases.size() > 1500);
  for (const Case& c : cases) REQUIRE_FALSE(has_surrogate(c));
  Tokenizer tok("sv");
  const auto failed = run(cases, tok, BreakKind::Word);
  for (const Case* c : failed) UNSCOPED_INFO("line " << c->line);
  CHECK(failed.empty());
}

TEST_CASE("conformance: WordBreakTest.txt with root rules fails only the 15 CLDR colon lines", "[conformance]") {
  const auto cases = load("WordBreakTest.txt");
  Tokenizer tok;
  const auto failed = run(cases, tok, BreakKind::Word);
  CHECK(failed.size() == 15);
  for (const Case* c : failed) {
    INFO("line " << c->line);
    CHECK(mentions_colon_variant(*c));
  }
}

TEST_CASE("Document::is_grapheme_boundary equals full ICU iteration", "[conformance][graphemes]") {
  Tokenizer tok;
  auto check = [&](const std::string& text) {
    const goldspan::Document d("t", text, tok);
    const auto b = tok.boundaries(BreakKind::Grapheme, text);
    size_t k = 0;
    for (uint32_t cp = 0; cp <= d.length(); ++cp) {
      const bool expected = k < b.size() && b[k] == cp;
      if (expected) ++k;
      if (d.is_grapheme_boundary(cp) != expected) return false;
    }
    return true;
  };
  for (const char* file : {"GraphemeBreakTest.txt", "WordBreakTest.txt", "SentenceBreakTest.txt"}) {
    const auto cases = load(file);
    std::string all;
    for (const Case& c : cases) {
      INFO(file << " line " << c.line);
      REQUIRE(check(c.text));
      all += c.text;
      all += (c.line % 3) ? "x" : " ";
    }
    // All lines run together: clusters meet ASCII and each other.
    CHECK(check(all));
  }
  const auto sample = goldspan::test::read_file(std::string(GOLDSPAN_SOURCE_DIR) + "/assets/sample/multilingual.txt");
  REQUIRE(sample);
  CHECK(check(*sample));
}
