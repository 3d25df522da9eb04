#include <catch2/catch.hpp>

#include "error.hpp"
#include "support.hpp"
#include "text/document.hpp"
#include "text/icu_data.hpp"
#include "text/tokenizer.hpp"

using namespace goldspan;
using goldspan::test::u8;

namespace {

std::vector<std::string> token_texts(const Document& d) {
  std::vector<std::string> out;
  for (const Token& t : d.tokens()) out.emplace_back(d.slice(t.start, t.end));
  return out;
}

std::vector<TokenKind> token_kinds(const Document& d) {
  std::vector<TokenKind> out;
  for (const Token& t : d.tokens()) out.push_back(t.kind);
  return out;
}

}  // namespace

TEST_CASE("tokenizer: words, numbers and punctuation, whitespace dropped", "[tokenizer]") {
  Tokenizer tok;
  Document d("d", "Akayev, 55, said: \"We won't leave.\"\n", tok);
  CHECK(token_texts(d) == std::vector<std::string>{"Akayev", ",", "55", ",", "said", ":", "\"", "We", "won't", "leave", ".", "\""});
  using K = TokenKind;
  CHECK(token_kinds(d) == std::vector<K>{K::Word, K::Punctuation, K::Number, K::Punctuation, K::Word, K::Punctuation,
                                         K::Punctuation, K::Word, K::Word, K::Word, K::Punctuation, K::Punctuation});
}

TEST_CASE("tokenizer: offsets are code points", "[tokenizer]") {
  Tokenizer tok;
  // "Müller 👩🏽‍💻 works" — the emoji is one token of 4 code points.
  const std::string text = "M" + u8(0xFC) + "ller " + u8(0x1F469) + u8(0x1F3FD) + u8(0x200D) + u8(0x1F4BB) + " works";
  Document d("d", text, tok);
  REQUIRE(d.tokens().size() == 3);
  CHECK(d.tokens()[0].start == 0);
  CHECK(d.tokens()[0].end == 6);
  CHECK(d.tokens()[1].start == 7);
  CHECK(d.tokens()[1].end == 11);
  CHECK(d.tokens()[1].kind == TokenKind::Other);
  CHECK(d.tokens()[2].start == 12);
  CHECK(d.tokens()[2].end == 17);
}

TEST_CASE("tokenizer: combining marks and flags stay inside their token", "[tokenizer]") {
  Tokenizer tok;
  const std::string flag = u8(0x1F1F0) + u8(0x1F1EC);  // 🇰🇬
  Document d("d", "cafe" + u8(0x301) + " " + flag + flag, tok);
  CHECK(token_texts(d) == std::vector<std::string>{"cafe" + u8(0x301), flag, flag});
}

TEST_CASE("tokenizer: ideographic and kana, with dictionary segmentation", "[tokenizer]") {
  Tokenizer tok("ja");
  // 東京に行きます。 (I go to Tokyo.)
  const std::string text = u8(0x6771) + u8(0x4EAC) + u8(0x306B) + u8(0x884C) + u8(0x304D) + u8(0x307E) + u8(0x3059) + u8(0x3002);
  Document d("d", text, tok);
  const auto t = token_texts(d);
  REQUIRE(t.size() >= 3);
  CHECK(t.front() == u8(0x6771) + u8(0x4EAC));  // 東京 as one word
  CHECK(d.tokens().front().kind == TokenKind::Ideographic);
  CHECK(t.back() == u8(0x3002));
  CHECK(d.tokens().back().kind == TokenKind::Punctuation);
  // Tokens tile the text with no gaps (no whitespace in it).
  for (size_t i = 1; i < d.tokens().size(); ++i) CHECK(d.tokens()[i].start == d.tokens()[i - 1].end);
  CHECK(d.tokens().back().end == d.length());
  bool kana = false;
  for (const Token& k : d.tokens()) kana |= k.kind == TokenKind::Kana;
  CHECK(kana);
}

TEST_CASE("tokenizer: Thai is split by dictionary, not left as one run", "[tokenizer]") {
  Tokenizer tok("th");
  // สวัสดีครับ = สวัสดี (hello) + ครับ (polite particle)
  const std::string hello = u8(0xE2A) + u8(0xE27) + u8(0xE31) + u8(0xE2A) + u8(0xE14) + u8(0xE35);
  const std::string krap = u8(0xE04) + u8(0xE23) + u8(0xE31) + u8(0xE1A);
  Document d("d", hello + krap, tok);
  CHECK(token_texts(d) == std::vector<std::string>{hello, krap});
  CHECK(d.tokens()[0].kind == TokenKind::Word);
}

TEST_CASE("tokenizer: Arabic and Hebrew words", "[tokenizer]") {
  Tokenizer tok;
  const std::string ar = u8(0x0645) + u8(0x0631) + u8(0x062D) + u8(0x0628) + u8(0x0627);  // مرحبا
  const std::string he = u8(0x05E9) + u8(0x05DC) + u8(0x05D5) + u8(0x05DD);                // שלום
  Document d("d", ar + u8(0x060C) + " " + he + ".", tok);
  CHECK(token_texts(d) == std::vector<std::string>{ar, u8(0x060C), he, "."});
  CHECK(token_kinds(d) == std::vector<TokenKind>{TokenKind::Word, TokenKind::Punctuation, TokenKind::Word, TokenKind::Punctuation});
}

TEST_CASE("tokenizer: sentences are trimmed of surrounding whitespace", "[tokenizer]") {
  Tokenizer tok;
  Document d("d", "  Protesters stormed the building. Akayev fled!\n\nHe denied it?  ", tok);
  const auto s = tok.sentences(d.text());
  REQUIRE(s.size() == 3);
  CHECK(d.slice(s[0].start, s[0].end) == "Protesters stormed the building.");
  CHECK(d.slice(s[1].start, s[1].end) == "Akayev fled!");
  CHECK(d.slice(s[2].start, s[2].end) == "He denied it?");
}

TEST_CASE("tokenizer: Mr. and abbreviations follow ICU's root sentence rules", "[tokenizer]") {
  Tokenizer tok;
  const auto s = tok.sentences("It was 3.5 km away. Then it rained.");
  REQUIRE(s.size() == 2);
  CHECK(s[0] == Range{0, 19});
  CHECK(s[1] == Range{20, 35});
}

TEST_CASE("document: grapheme boundaries", "[tokenizer][document]") {
  Tokenizer tok;
  // a + 👩🏽‍💻 + e + combining acute + CRLF + 🇰🇬
  const std::string text = "a" + u8(0x1F469) + u8(0x1F3FD) + u8(0x200D) + u8(0x1F4BB) + "e" + u8(0x301) + "\r\n" + u8(0x1F1F0) + u8(0x1F1EC);
  Document d("d", text, tok);
  const std::vector<uint32_t> boundaries = {0, 1, 5, 7, 9, 11};
  for (uint32_t cp = 0; cp <= d.length(); ++cp) {
    INFO("cp " << cp);
    const bool expected = std::find(boundaries.begin(), boundaries.end(), cp) != boundaries.end();
    CHECK(d.is_grapheme_boundary(cp) == expected);
  }
  CHECK_FALSE(d.is_grapheme_boundary(d.length() + 1));
}

TEST_CASE("document: token lookup by code point", "[document]") {
  Tokenizer tok;
  Document d("d", "one  two three", tok);
  CHECK(d.token_containing(0) == 0);
  CHECK(d.token_containing(2) == 0);
  CHECK(d.token_containing(3) == -1);  // whitespace
  CHECK(d.token_at_or_after(3) == 1);
  CHECK(d.token_containing(5) == 1);
  CHECK(d.token_containing(13) == 2);
  CHECK(d.token_at_or_after(14) == 3);
}

TEST_CASE("tokenizer: bad locale tag is an error", "[tokenizer]") {
  Tokenizer tok("not a tag!!");
  CHECK_THROWS_AS(tok.tokens("x"), Error);
}

TEST_CASE("tokenizer: the shared news corpus tokenizes and offsets slice back", "[tokenizer][corpus]") {
  const std::string dir = goldspan::test::shared_corpus_dir();
  const char* names[] = {"000_9450dfc2a701a10c.txt", "001_400c9b2754020e77.txt", "002_216afce9912095f9.txt"};
  Tokenizer tok;
  int seen = 0;
  for (const char* n : names) {
    const auto text = goldspan::test::read_file(dir + "/" + n);
    if (!text) continue;
    ++seen;
    Document d(n, *text, tok);
    REQUIRE(d.tokens().size() > 100);
    for (const Token& t : d.tokens()) {
      REQUIRE(t.start < t.end);
      REQUIRE(d.is_grapheme_boundary(t.start));
      REQUIRE(d.is_grapheme_boundary(t.end));
    }
  }
  if (seen == 0) WARN("../shared/corpus not present (a user's clone): corpus part skipped");
}

TEST_CASE("icu data: which texts need the break dictionaries", "[tokenizer][icu]") {
  using goldspan::needs_break_dictionary;
  CHECK_FALSE(needs_break_dictionary("Fire at the port, \xE2\x82\xAC" "4.5 million"));          // Latin, euro sign
  CHECK_FALSE(needs_break_dictionary(u8(0x041F) + u8(0x0627) + u8(0x05E9) + u8(0x0915)));     // Cyrillic, Arabic, Hebrew, Devanagari
  CHECK_FALSE(needs_break_dictionary(u8(0x1F469) + u8(0x200D) + u8(0x1F4BB)));               // emoji
  CHECK(needs_break_dictionary("abc " + u8(0x0E2A)));   // Thai
  CHECK(needs_break_dictionary(u8(0x6771)));            // Han
  CHECK(needs_break_dictionary(u8(0x30AB)));            // Katakana
  CHECK(needs_break_dictionary(u8(0x1780)));            // Khmer
  CHECK(needs_break_dictionary(u8(0x1000)));            // Myanmar
  CHECK(needs_break_dictionary(u8(0x20000)));           // CJK extension B
}
