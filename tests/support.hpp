#pragma once
// Small helpers shared by the tests.
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

namespace goldspan::test {

// UTF-8 encoding of one code point.
inline std::string u8(char32_t c) {
  std::string s;
  if (c < 0x80) s += char(c);
  else if (c < 0x800) { s += char(0xC0 | (c >> 6)); s += char(0x80 | (c & 0x3F)); }
  else if (c < 0x10000) { s += char(0xE0 | (c >> 12)); s += char(0x80 | ((c >> 6) & 0x3F)); s += char(0x80 | (c & 0x3F)); }
  else { s += char(0xF0 | (c >> 18)); s += char(0x80 | ((c >> 12) & 0x3F)); s += char(0x80 | ((c >> 6) & 0x3F)); s += char(0x80 | (c & 0x3F)); }
  return s;
}

inline std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// ../shared/corpus beside the checkout, when present (absent in a user's clone).
inline std::string shared_corpus_dir() { return std::string(GOLDSPAN_SOURCE_DIR) + "/../shared/corpus"; }

}  // namespace goldspan::test
