#pragma once
// UTF-8 validation and decoding helpers shared by the offset map and the tokenizer.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace goldspan::utf8 {

// Returns the byte offset of the first invalid sequence, or nullopt when `s` is valid UTF-8
// (shortest form, no surrogates, nothing above U+10FFFF).
std::optional<size_t> find_invalid(std::string_view s) noexcept;

// Number of bytes of the sequence whose lead byte is `lead` (valid text assumed).
inline int seq_len(unsigned char lead) noexcept {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// Decodes the code point starting at s[i] (valid text assumed).
char32_t decode(std::string_view s, size_t i) noexcept;

// Number of code points in valid UTF-8 `s`.
size_t count_cp(std::string_view s) noexcept;

}  // namespace goldspan::utf8
