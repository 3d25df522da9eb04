#include "app/zip.hpp"

#include <array>

namespace goldspan::ui {

namespace {

const std::array<uint32_t, 256>& crc_table() {
  static const std::array<uint32_t, 256> t = [] {
    std::array<uint32_t, 256> a{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      a[i] = c;
    }
    return a;
  }();
  return t;
}

void u16(std::string& o, uint32_t v) { o += char(v & 0xFF); o += char((v >> 8) & 0xFF); }
void u32(std::string& o, uint32_t v) { u16(o, v & 0xFFFF); u16(o, v >> 16); }

}  // namespace

uint32_t crc32(std::string_view data) noexcept {
  uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : data) c = crc_table()[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

std::string make_zip(const std::vector<ZipEntry>& entries) {
  // Fixed DOS time (1980-01-01 00:00): same entries, same bytes.
  constexpr uint32_t kTime = 0, kDate = (0 << 9) | (1 << 5) | 1;
  constexpr uint32_t kUtf8Names = 0x0800;
  std::string out, central;
  for (const ZipEntry& e : entries) {
    const uint32_t crc = crc32(e.data), size = static_cast<uint32_t>(e.data.size());
    const uint32_t offset = static_cast<uint32_t>(out.size());
    u32(out, 0x04034b50); u16(out, 20); u16(out, kUtf8Names); u16(out, 0);  // stored
    u16(out, kTime); u16(out, kDate); u32(out, crc); u32(out, size); u32(out, size);
    u16(out, static_cast<uint32_t>(e.name.size())); u16(out, 0);
    out += e.name;
    out += e.data;
    u32(central, 0x02014b50); u16(central, 20); u16(central, 20); u16(central, kUtf8Names); u16(central, 0);
    u16(central, kTime); u16(central, kDate); u32(central, crc); u32(central, size); u32(central, size);
    u16(central, static_cast<uint32_t>(e.name.size())); u16(central, 0); u16(central, 0);
    u16(central, 0); u16(central, 0); u32(central, 0); u32(central, offset);
    central += e.name;
  }
  const uint32_t cd_offset = static_cast<uint32_t>(out.size()), cd_size = static_cast<uint32_t>(central.size());
  out += central;
  u32(out, 0x06054b50); u16(out, 0); u16(out, 0);
  u16(out, static_cast<uint32_t>(entries.size())); u16(out, static_cast<uint32_t>(entries.size()));
  u32(out, cd_size); u32(out, cd_offset); u16(out, 0);
  return out;
}

}  // namespace goldspan::ui
