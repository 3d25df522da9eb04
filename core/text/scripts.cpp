#include "text/scripts.hpp"

#include <unicode/uscript.h>

#include <algorithm>
#include <bitset>
#include <vector>

#include "text/utf8.hpp"

namespace goldspan {

std::vector<std::string> scripts_in(std::string_view s) {
  std::bitset<USCRIPT_CODE_LIMIT> seen;
  constexpr size_t kCache = 1024;
  struct Slot {
    char32_t cp = 0;  // 0 is ASCII, never looked up here: an empty slot
    int script = USCRIPT_COMMON;
  };
  std::vector<Slot> cache(kCache);
  bool latin = false;
  for (size_t i = 0; i < s.size();) {
    const unsigned char lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80) {  // ASCII: a letter is Latin, the rest Common; no ICU call on the hot path
      latin = latin || ((lead | 0x20) >= 'a' && (lead | 0x20) <= 'z');
      ++i;
      continue;
    }
    // Texts repeat a few hundred characters: a direct-mapped cache spares most ICU calls
    // (a 40 MB document is scanned when it opens).
    const char32_t c = utf8::decode(s, i);
    Slot& slot = cache[c & (kCache - 1)];
    if (slot.cp != c) {
      UErrorCode err = U_ZERO_ERROR;
      const UScriptCode sc = uscript_getScript(static_cast<UChar32>(c), &err);
      slot = {c, U_SUCCESS(err) ? sc : USCRIPT_COMMON};
    }
    const int sc = slot.script;
    if (sc > USCRIPT_INHERITED && sc < USCRIPT_CODE_LIMIT && sc != USCRIPT_UNKNOWN) seen.set(static_cast<size_t>(sc));
    i += utf8::seq_len(lead);
  }
  if (latin) seen.set(USCRIPT_LATIN);
  std::vector<std::string> out;
  for (int sc = 0; sc < USCRIPT_CODE_LIMIT; ++sc)
    if (seen.test(static_cast<size_t>(sc))) out.emplace_back(uscript_getShortName(static_cast<UScriptCode>(sc)));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace goldspan
