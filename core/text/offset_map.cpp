#include "text/offset_map.hpp"

#include <algorithm>
#include <cstring>
#include <string>

#include "error.hpp"
#include "text/utf8.hpp"

namespace goldspan {

namespace {
[[noreturn]] void out_of_range(const char* unit, uint32_t off, uint32_t count) {
  throw Error("offset " + std::to_string(off),
              std::string(unit) + " offset out of range (text has " + std::to_string(count) + ")");
}
}  // namespace

namespace {
uint64_t load8(const unsigned char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;  // little-endian (x86, wasm): byte k is bits 8k..8k+7
}
// Per byte, bit 7 only: lead bytes (anything but 10xxxxxx) and 4-byte leads (11110xxx).
uint64_t lead_bits(uint64_t w) { return ~(w & ~(w << 1)) & 0x8080808080808080ull; }
uint64_t lead4_bits(uint64_t w) { return w & (w << 1) & (w << 2) & (w << 3) & 0x8080808080808080ull; }
// Number of bytes flagged (bit 7 only): one multiply, baseline x86-64 has no popcount.
uint32_t flagged(uint64_t m) { return uint32_t(((m >> 7) * 0x0101010101010101ull) >> 56); }
}  // namespace

// Counts code points and UTF-16 units 8 bytes at a time and steps byte by byte only through
// the word holding a checkpoint (one per kBlock code points): a per-code-point loop with a
// branch on the sequence length mispredicted throughout mixed-script text.
OffsetMap::OffsetMap(std::string_view t) : text_(t), bytes_(static_cast<uint32_t>(t.size())) {
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  const size_t n = bytes_;
  uint32_t cp = 0, u16 = 0, next = 0;  // next: the code point of the next checkpoint
  uint64_t high = 0;                    // any byte >= 0x80 seen
  auto bytewise = [&](size_t i, size_t e) {
    for (; i < e; ++i) {
      const unsigned char c = p[i];
      high |= c;
      if ((c & 0xC0) == 0x80) continue;
      if (cp == next) {
        block_byte_.push_back(uint32_t(i));
        block_u16_.push_back(u16);
        next += kBlock;
      }
      ++cp;
      u16 += c >= 0xF0 ? 2 : 1;
    }
  };
  block_byte_.reserve(n / kBlock + 1);
  block_u16_.reserve(n / kBlock + 1);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const uint64_t w = load8(p + i);
    const uint32_t leads = flagged(lead_bits(w));
    if (cp + leads > next) {  // the checkpoint's code point starts in this word
      bytewise(i, i + 8);
      continue;
    }
    high |= w;
    cp += leads;
    u16 += leads + flagged(lead4_bits(w));
  }
  bytewise(i, n);
  cps_ = cp;
  u16s_ = u16;
  if ((high & 0x8080808080808080ull) == 0) {  // ASCII: identity mapping, no tables needed
    block_byte_.clear(); block_byte_.shrink_to_fit();
    block_u16_.clear(); block_u16_.shrink_to_fit();
  }
}

uint32_t OffsetMap::byte_of_cp(uint32_t cp) const {
  if (cp > cps_) out_of_range("code point", cp, cps_);
  if (ascii() || cp == cps_) return cp == cps_ ? bytes_ : cp;
  uint32_t b = block_byte_[cp / kBlock];
  const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
  for (uint32_t k = cp % kBlock; k > 0; --k) b += utf8::seq_len(p[b]);
  return b;
}

uint32_t OffsetMap::utf16_of_cp(uint32_t cp) const {
  if (cp > cps_) out_of_range("code point", cp, cps_);
  if (ascii() || cp == cps_) return cp == cps_ ? u16s_ : cp;
  uint32_t b = block_byte_[cp / kBlock], u = block_u16_[cp / kBlock];
  const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
  for (uint32_t k = cp % kBlock; k > 0; --k) {
    const int len = utf8::seq_len(p[b]);
    u += len == 4 ? 2 : 1;
    b += len;
  }
  return u;
}

uint32_t OffsetMap::cp_of_byte(uint32_t byte) const {
  if (byte > bytes_) out_of_range("byte", byte, bytes_);
  if (ascii()) return byte;
  if (byte == bytes_) return cps_;
  const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
  if ((p[byte] & 0xC0) == 0x80)
    throw Error("byte " + std::to_string(byte), "offset falls inside a UTF-8 sequence");
  const size_t blk = std::upper_bound(block_byte_.begin(), block_byte_.end(), byte) - block_byte_.begin() - 1;
  uint32_t cp = static_cast<uint32_t>(blk) * kBlock;
  for (uint32_t b = block_byte_[blk]; b < byte; b += utf8::seq_len(p[b])) ++cp;
  return cp;
}

uint32_t OffsetMap::cp_of_utf16(uint32_t u16) const {
  if (u16 > u16s_) out_of_range("UTF-16", u16, u16s_);
  if (ascii()) return u16;
  if (u16 == u16s_) return cps_;
  const size_t blk = std::upper_bound(block_u16_.begin(), block_u16_.end(), u16) - block_u16_.begin() - 1;
  const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
  uint32_t cp = static_cast<uint32_t>(blk) * kBlock, u = block_u16_[blk], b = block_byte_[blk];
  while (u < u16) {
    const int len = utf8::seq_len(p[b]);
    u += len == 4 ? 2 : 1;
    b += len;
    ++cp;
  }
  if (u != u16) throw Error("UTF-16 unit " + std::to_string(u16), "offset falls inside a surrogate pair");
  return cp;
}

}  // namespace goldspan
