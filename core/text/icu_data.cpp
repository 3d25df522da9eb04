#include "text/icu_data.hpp"

#include <unicode/udata.h>

#include <fstream>
#include <iterator>
#include <list>
#include <vector>

#include "error.hpp"
#include "text/utf8.hpp"

namespace goldspan {

void set_icu_data(const void* data, size_t size) {
  if (size < 16) throw Error("ICU data", "package too small (" + std::to_string(size) + " bytes)");
  UErrorCode st = U_ZERO_ERROR;
  udata_setCommonData(data, &st);
  if (U_FAILURE(st)) throw Error("ICU data", std::string("rejected: ") + u_errorName(st));
}

void load_icu_data_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, "cannot open ICU data file");
  // ICU reads from these for the rest of the process; a list keeps earlier packages in place.
  static std::list<std::vector<char>> keep;
  keep.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  set_icu_data(keep.back().data(), keep.back().size());
}

bool needs_break_dictionary(std::string_view s) noexcept {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0xE0) {  // ASCII and two-byte sequences: all below U+0800
      i += c < 0x80 ? 1 : 2;
      continue;
    }
    const char32_t cp = utf8::decode(s, i);
    if ((cp >= 0x0E00 && cp <= 0x0EFF) ||   // Thai, Lao
        (cp >= 0x1000 && cp <= 0x109F) ||   // Myanmar
        (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x19E0 && cp <= 0x19FF) ||  // Khmer
        (cp >= 0x2E80 && cp <= 0x9FFF) ||   // CJK radicals … unified ideographs, kana
        (cp >= 0xA9E0 && cp <= 0xA9FF) || (cp >= 0xAA60 && cp <= 0xAA7F) ||  // Myanmar ext.
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF66 && cp <= 0xFF9F) ||  // compat. ideographs, kana
        (cp >= 0x20000 && cp <= 0x3FFFF))   // CJK extensions
      return true;
    i += utf8::seq_len(c);
  }
  return false;
}

}  // namespace goldspan
