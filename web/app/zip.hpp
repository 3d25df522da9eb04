#pragma once
// A ZIP archive of stored (uncompressed) files, for downloads that are several files (brat's
// .txt/.ann pairs): browsers block a burst of separate downloads, and every OS opens a .zip.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace goldspan::ui {

struct ZipEntry {
  std::string name;  // UTF-8 path inside the archive, '/'-separated
  std::string data;
};

std::string make_zip(const std::vector<ZipEntry>& entries);
uint32_t crc32(std::string_view data) noexcept;

}  // namespace goldspan::ui
