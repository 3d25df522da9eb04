#pragma once
// SHA-256 (FIPS 180-4), written here because the core uses only the standard library, ICU and
// nlohmann/json. The gold format stores the hash of each document's UTF-8 text so that any
// reader can tell that a file's offsets belong to the text it has.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace goldspan {

class Sha256 {
 public:
  Sha256() noexcept;
  void update(std::string_view data) noexcept;
  std::array<uint8_t, 32> finish() noexcept;  // the object must not be updated afterwards

 private:
  void block(const uint8_t* p) noexcept;
  uint32_t h_[8];
  uint8_t buf_[64];
  size_t used_ = 0;
  uint64_t bits_ = 0;
};

// Lowercase hex digest of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace goldspan
