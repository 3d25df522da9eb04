#pragma once
// OffsetMap — converts between UTF-8 byte offsets, Unicode code point offsets and UTF-16
// code unit offsets of one text. Built once in one pass; every lookup is O(1) from cp
// (one checkpoint, then at most kBlock-1 steps) and O(log n) from bytes or UTF-16 units
// (binary search over checkpoints). Memory: 8 bytes per kBlock code points; an all-ASCII
// text needs none (the three units coincide).
//
// Offsets are boundaries: 0 … count inclusive. Converting a byte or UTF-16 offset that falls
// inside a code point throws goldspan::Error, because it names no boundary of the text.
#include <cstdint>
#include <string_view>
#include <vector>

namespace goldspan {

class OffsetMap {
 public:
  static constexpr uint32_t kBlock = 64;

  OffsetMap() = default;
  explicit OffsetMap(std::string_view valid_utf8);  // the text must outlive the map

  uint32_t bytes() const noexcept { return bytes_; }
  uint32_t cps() const noexcept { return cps_; }
  uint32_t utf16s() const noexcept { return u16s_; }
  bool ascii() const noexcept { return bytes_ == cps_; }

  uint32_t byte_of_cp(uint32_t cp) const;
  uint32_t utf16_of_cp(uint32_t cp) const;
  uint32_t cp_of_byte(uint32_t byte) const;
  uint32_t cp_of_utf16(uint32_t u16) const;

 private:
  std::string_view text_;
  uint32_t bytes_ = 0, cps_ = 0, u16s_ = 0;
  std::vector<uint32_t> block_byte_;  // byte offset of code point k*kBlock
  std::vector<uint32_t> block_u16_;   // UTF-16 offset of code point k*kBlock
};

}  // namespace goldspan
