#pragma once
// Small JSON text writers for the hot paths (journal lines, canonical dumps), where building
// an nlohmann tree per edit would cost more than the edit itself.
#include <string>
#include <string_view>

namespace goldspan {

// Appends `s` (valid UTF-8) as a JSON string literal: quotes, backslash and control characters
// escaped, everything else as is.
inline void append_json_string(std::string& out, std::string_view s) {
  static const char hex[] = "0123456789abcdef";
  out += '"';
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      switch (c) {
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: out += "\\u00"; out += hex[c >> 4]; out += hex[c & 15];
      }
    } else {
      out += ch;
    }
  }
  out += '"';
}

}  // namespace goldspan
