#include <catch2/catch.hpp>

#include "error.hpp"
#include "support.hpp"
#include "text/offset_map.hpp"
#include "text/utf8.hpp"

using goldspan::OffsetMap;
using goldspan::test::u8;

namespace {

// Reference conversion by walking the whole text, to check the map against.
struct Reference {
  std::vector<uint32_t> byte, u16;  // per code point boundary
  explicit Reference(const std::string& s) {
    uint32_t u = 0;
    for (size_t i = 0; i < s.size();) {
      byte.push_back(uint32_t(i));
      u16.push_back(u);
      const int len = goldspan::utf8::seq_len(static_cast<unsigned char>(s[i]));
      u += len == 4 ? 2 : 1;
      i += len;
    }
    byte.push_back(uint32_t(s.size()));
    u16.push_back(u);
  }
};

void check_all(const std::string& s) {
  const OffsetMap m(s);
  const Reference r(s);
  REQUIRE(m.cps() + 1 == r.byte.size());
  REQUIRE(m.bytes() == s.size());
  REQUIRE(m.utf16s() == r.u16.back());
  for (uint32_t cp = 0; cp <= m.cps(); ++cp) {
    REQUIRE(m.byte_of_cp(cp) == r.byte[cp]);
    REQUIRE(m.utf16_of_cp(cp) == r.u16[cp]);
    REQUIRE(m.cp_of_byte(r.byte[cp]) == cp);
    REQUIRE(m.cp_of_utf16(r.u16[cp]) == cp);
  }
}

}  // namespace

TEST_CASE("offset map: ASCII is the identity and keeps no tables", "[offsets]") {
  const std::string s = "Askar Akayev said on Tuesday.";
  const OffsetMap m(s);
  CHECK(m.ascii());
  CHECK(m.cps() == s.size());
  CHECK(m.byte_of_cp(6) == 6);
  CHECK(m.cp_of_utf16(29) == 29);
  check_all(s);
}

TEST_CASE("offset map: accents, combining marks, CJK, emoji, RTL", "[offsets]") {
  SECTION("precomposed and combining accents") { check_all("Caf" + u8(0xE9) + " cafe" + u8(0x301) + " na" + u8(0xEF) + "ve"); }
  SECTION("emoji with ZWJ and skin tone") {
    // 👩🏽‍💻 = U+1F469 U+1F3FD U+200D U+1F4BB: 4 code points, 7 UTF-16 units, 15 bytes.
    const std::string s = "a" + u8(0x1F469) + u8(0x1F3FD) + u8(0x200D) + u8(0x1F4BB) + "b";
    const OffsetMap m(s);
    CHECK(m.cps() == 6);
    CHECK(m.utf16s() == 9);
    CHECK(m.bytes() == 17);
    CHECK(m.utf16_of_cp(5) == 8);
    CHECK(m.byte_of_cp(5) == 16);
    check_all(s);
  }
  SECTION("flags") { check_all(u8(0x1F1F0) + u8(0x1F1EC) + " Kyrgyzstan " + u8(0x1F1FA) + u8(0x1F1F8)); }
  SECTION("CJK and Thai") { check_all(u8(0x4E2D) + u8(0x6587) + u8(0x3002) + " " + u8(0x0E20) + u8(0x0E32) + u8(0x0E29) + u8(0x0E32)); }
  SECTION("Arabic and Hebrew") { check_all(u8(0x0645) + u8(0x0631) + u8(0x062D) + u8(0x0628) + u8(0x0627) + " " + u8(0x05E9) + u8(0x05DC) + u8(0x05D5) + u8(0x05DD)); }
  SECTION("many blocks") {
    std::string s;
    for (int i = 0; i < 1000; ++i) s += (i % 7 == 0) ? u8(0x1F600 + i % 50) : (i % 3 == 0 ? u8(0x416 + i % 20) : std::string(1, char('a' + i % 26)));
    check_all(s);
  }
}

TEST_CASE("offset map: offsets inside a code point or out of range are errors", "[offsets]") {
  const std::string s = "x" + u8(0x1F600) + "y";  // bytes: 1 + 4 + 1; UTF-16: 1 + 2 + 1
  const OffsetMap m(s);
  CHECK_THROWS_AS(m.cp_of_byte(2), goldspan::Error);
  CHECK_THROWS_AS(m.cp_of_utf16(2), goldspan::Error);
  CHECK_THROWS_AS(m.byte_of_cp(4), goldspan::Error);
  CHECK_THROWS_AS(m.cp_of_byte(7), goldspan::Error);
  CHECK(m.cp_of_byte(5) == 2);
  CHECK(m.cp_of_utf16(3) == 2);
}

TEST_CASE("offset map: random mixes of 1- to 4-byte code points, every length around the checkpoints", "[offsets]") {
  // The map counts 8 bytes at a time and steps byte by byte only where a checkpoint falls;
  // every alignment of checkpoints, 4-byte sequences and the text's end within a word.
  const char32_t pool[] = {U'a', U' ', U'\n', 0xE9, 0x416, 0x05D0, 0x0645, 0x4E2D, 0x0E20, 0x3042, 0x1F600, 0x1F1F0, 0x10FFFF};
  uint64_t seed = 12345;
  auto next = [&] { seed = seed * 6364136223846793005ull + 1442695040888963407ull; return uint32_t(seed >> 33); };
  for (int len = 0; len < 300; ++len) {
    for (int rep = 0; rep < 3; ++rep) {
      std::string s;
      const uint32_t ascii_bias = next() % 4;  // some texts mostly ASCII, some mostly not
      for (int k = 0; k < len; ++k) s += u8(next() % 4 < ascii_bias ? U'x' : pool[next() % (sizeof pool / sizeof *pool)]);
      INFO("length " << len << " code points, repetition " << rep);
      check_all(s);
    }
  }
}
