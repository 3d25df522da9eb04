#include "text/visual_order.hpp"

#include <unicode/ubidi.h>
#include <unicode/ushape.h>
#include <unicode/ustring.h>

#include <vector>

#include "text/utf8.hpp"

namespace goldspan {

namespace {

// Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic ... (U+0590–U+08FF), the Hebrew and
// Arabic presentation forms, and the right-to-left marks: the only code points that make
// reordering necessary, so everything else skips ICU.
bool has_rtl(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0xD6) continue;
    if (c >= 0xD6 && c <= 0xDF) return true;  // U+0580–U+07FF (a few Armenian letters too: harmless)
    if (c == 0xE0 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0xA3) return true;  // U+0800–U+08FF
    if (c == 0xEF && i + 1 < s.size()) {
      const unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (d == 0xAC || d == 0xAD || d == 0xAE || d == 0xAF || d == 0xB4 || d == 0xB5 || d == 0xB6 || d == 0xB7 ||
          d == 0xB8 || d == 0xB9 || d == 0xBA || d == 0xBB)
        return true;  // U+FB00–U+FEFF presentation forms
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const unsigned char d = static_cast<unsigned char>(s[i + 2]);
      if (d == 0x8F || d == 0xAB || d == 0xAE) return true;  // RLM, RLE, RLO
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x81 &&
        static_cast<unsigned char>(s[i + 2]) == 0xA7)
      return true;  // RLI
  }
  return false;
}

}  // namespace

std::string display_order(std::string_view s) {
  if (!has_rtl(s) || utf8::find_invalid(s)) return std::string(s);
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = 0;
  u_strFromUTF8(nullptr, 0, &n, s.data(), static_cast<int32_t>(s.size()), &err);
  err = U_ZERO_ERROR;
  std::vector<UChar> u16(static_cast<size_t>(n) + 1), shaped(static_cast<size_t>(n) + 1), visual(static_cast<size_t>(n) * 2 + 1);
  u_strFromUTF8(u16.data(), n + 1, nullptr, s.data(), static_cast<int32_t>(s.size()), &err);
  const int32_t m = u_shapeArabic(u16.data(), n, shaped.data(), n + 1,
                                  U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_LOGICAL | U_SHAPE_LENGTH_FIXED_SPACES_NEAR, &err);
  if (U_FAILURE(err)) return std::string(s);
  UBiDi* bidi = ubidi_open();
  ubidi_setPara(bidi, shaped.data(), m, UBIDI_DEFAULT_LTR, nullptr, &err);
  const int32_t v = ubidi_writeReordered(bidi, visual.data(), static_cast<int32_t>(visual.size()),
                                         UBIDI_DO_MIRRORING | UBIDI_REMOVE_BIDI_CONTROLS, &err);
  ubidi_close(bidi);
  if (U_FAILURE(err)) return std::string(s);
  std::string out(static_cast<size_t>(v) * 3 + 1, '\0');
  int32_t len = 0;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &len, visual.data(), v, &err);
  if (U_FAILURE(err)) return std::string(s);
  out.resize(static_cast<size_t>(len));
  return out;
}

}  // namespace goldspan
