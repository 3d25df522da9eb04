#include <catch2/catch.hpp>

#include "error.hpp"
#include "support.hpp"
#include "text/document.hpp"
#include "text/utf8.hpp"

using goldspan::utf8::find_invalid;

TEST_CASE("utf8: valid text passes", "[utf8]") {
  using goldspan::test::u8;
  CHECK_FALSE(find_invalid(""));
  CHECK_FALSE(find_invalid("plain ASCII text that is longer than eight bytes"));
  CHECK_FALSE(find_invalid(u8(0x7FF) + u8(0x800) + u8(0xFFFF) + u8(0x10000) + u8(0x10FFFF)));
}

TEST_CASE("utf8: invalid sequences give the byte offset", "[utf8]") {
  CHECK(find_invalid("abc\x80") == 3u);                  // stray continuation
  CHECK(find_invalid("abcdefghij\xC3") == 10u);          // truncated at end
  CHECK(find_invalid("a\xC0\xAF") == 1u);                // overlong
  CHECK(find_invalid("ab\xE0\x80\xAF") == 2u);           // overlong 3-byte
  CHECK(find_invalid("x\xED\xA0\x80y") == 1u);           // UTF-16 surrogate
  CHECK(find_invalid("\xF4\x90\x80\x80") == 0u);         // above U+10FFFF
  CHECK(find_invalid("ok \xC3\x28") == 3u);              // bad continuation
  CHECK(find_invalid("\xFF") == 0u);
}

TEST_CASE("document: invalid UTF-8 is rejected naming the document and byte", "[utf8][document]") {
  goldspan::Tokenizer tok;
  try {
    goldspan::Document doc("report.txt", "Bishkek \xE2\x82 protest", tok);
    FAIL("no error");
  } catch (const goldspan::Error& e) {
    CHECK(e.where() == "report.txt");
    CHECK(std::string(e.what()).find("byte 8") != std::string::npos);
  }
}

TEST_CASE("document: text is kept exactly as given", "[document]") {
  using goldspan::test::u8;
  goldspan::Tokenizer tok;
  // NFD and NFC forms, CRLF and a BOM must all survive untouched.
  const std::string text = u8(0xFEFF) + "Cafe" + u8(0x301) + "\r\nCaf" + u8(0xE9);
  goldspan::Document doc("d", text, tok);
  CHECK(doc.text() == text);
  CHECK(doc.length() == 12);
  CHECK(doc.slice(1, 6) == "Cafe" + u8(0x301));
}
