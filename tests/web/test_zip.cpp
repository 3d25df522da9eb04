#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "app/zip.hpp"
#include "support.hpp"

using goldspan::ui::crc32;
using goldspan::ui::make_zip;

TEST_CASE("zip: CRC-32 of known strings", "[zip]") {
  CHECK(crc32("") == 0u);
  CHECK(crc32("123456789") == 0xCBF43926u);  // the standard check value
  CHECK(crc32("The quick brown fox jumps over the lazy dog") == 0x414FA339u);
}

TEST_CASE("zip: structure of a stored archive", "[zip]") {
  const std::string z = make_zip({{"a.txt", "hello"}, {"dir/b.ann", "T1\tPERSON 0 5\thello\n"}});
  auto u32 = [&](size_t at) {
    return uint32_t(uint8_t(z[at])) | uint32_t(uint8_t(z[at + 1])) << 8 | uint32_t(uint8_t(z[at + 2])) << 16 |
           uint32_t(uint8_t(z[at + 3])) << 24;
  };
  CHECK(u32(0) == 0x04034b50u);
  CHECK(z.substr(30, 5) == "a.txt");
  CHECK(z.substr(35, 5) == "hello");
  const size_t end = z.size() - 22;
  CHECK(u32(end) == 0x06054b50u);
  CHECK(uint8_t(z[end + 10]) == 2);                  // two entries
  CHECK(u32(end + 16) + u32(end + 12) == end);      // central directory just before the end record
  CHECK(u32(u32(end + 16)) == 0x02014b50u);
  CHECK(make_zip({{"a.txt", "hello"}}) == make_zip({{"a.txt", "hello"}}));  // deterministic
}

#ifndef __EMSCRIPTEN__
TEST_CASE("zip: unzip reads back what was written", "[zip]") {
  if (std::system("command -v unzip >/dev/null 2>&1") != 0) {
    WARN("unzip not installed: skipped");
    return;
  }
  const std::string dir = "/tmp/goldspan-zip-test";
  std::system(("rm -rf " + dir + " && mkdir -p " + dir).c_str());
  std::ofstream(dir + "/t.zip", std::ios::binary) << make_zip({{"x/cafe.txt", "Caf\xC3\xA9 \xF0\x9F\x9A\xA2\n"}});  // ASCII name: unzip in a C locale mangles others
  REQUIRE(std::system(("cd " + dir + " && unzip -q t.zip").c_str()) == 0);
  CHECK(goldspan::test::read_file(dir + "/x/cafe.txt") == std::string("Caf\xC3\xA9 \xF0\x9F\x9A\xA2\n"));
}
#endif
