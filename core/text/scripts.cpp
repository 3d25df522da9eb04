#include "text/scripts.hpp"

#include <unicode/uscript.h>

#include <algorithm>
#include <bitset>

#include "text/utf8.hpp"

namespace goldspan {

std::vector<std::string> scripts_in(std::string_view s) {
  std::bitset<USCRIPT_CODE_LIMIT> seen;
  bool latin = false;
  for (size_t i = 0; i < s.size();) {
    const unsigned char lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80) {  // ASCII: a letter is Latin, the rest Common; no ICU call on the hot path
      latin = latin || ((lead | 0x20) >= 'a' && (lead | 0x20) <= 'z');
      ++i;
      continue;
    }
    UErrorCode err = U_ZERO_ERROR;
    const UScriptCode sc = uscript_getScript(static_cast<UChar32>(utf8::decode(s, i)), &err);
    if (U_SUCCESS(err) && sc > USCRIPT_INHERITED && sc < USCRIPT_CODE_LIMIT && sc != USCRIPT_UNKNOWN) seen.set(sc);
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
