#pragma once
// Small JSON text writers for the hot paths (journal lines, canonical dumps), where building
// an nlohmann tree per edit would cost more than the edit itself.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/tokenizer.hpp"  // Range

namespace goldspan {

// Appends the decimal digits of `v`. std::to_string goes through the C library's formatting,
// which costs several times more in wasm; a journal line has half a dozen numbers.
inline void append_uint(std::string& out, uint64_t v) {
  char buf[20];
  char* p = buf + sizeof buf;
  do {
    *--p = char('0' + v % 10);
    v /= 10;
  } while (v);
  out.append(p, size_t(buf + sizeof buf - p));
}

inline void append_int(std::string& out, int64_t v) {
  if (v < 0) {
    out += '-';
    append_uint(out, uint64_t(0) - uint64_t(v));
  } else {
    append_uint(out, uint64_t(v));
  }
}

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

// Writes JSON objects member by member into a string. Keys are trusted literals; values are
// escaped. Objects nest (a bulk's commands) through begin/end and array.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin() {
    out_ += '{';
    first_ = true;
  }
  void end() {
    out_ += '}';
    first_ = false;
  }
  void key(const char* k) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += k;
    out_ += "\":";
  }
  void field(const char* k, std::string_view v) {
    key(k);
    append_json_string(out_, v);
  }
  void field(const char* k, const char* v) { field(k, std::string_view(v)); }
  void field(const char* k, int64_t v) {
    key(k);
    append_int(out_, v);
  }
  // An id like "s12".
  void id_field(const char* k, char prefix, uint32_t id) {
    key(k);
    out_ += '"';
    out_ += prefix;
    append_uint(out_, id);
    out_ += '"';
  }
  void null_field(const char* k) {
    key(k);
    out_ += "null";
  }
  void field(const char* k, const std::vector<Range>& frags) {
    key(k);
    out_ += '[';
    for (size_t i = 0; i < frags.size(); ++i) {
      if (i) out_ += ',';
      out_ += '[';
      append_uint(out_, frags[i].start);
      out_ += ',';
      append_uint(out_, frags[i].end);
      out_ += ']';
    }
    out_ += ']';
  }
  // An array value: `item(i)` is called for each element and writes one object.
  template <class F>
  void array(const char* k, size_t n, F&& item) {
    key(k);
    out_ += '[';
    for (size_t i = 0; i < n; ++i) {
      if (i) out_ += ',';
      item(i);
    }
    out_ += ']';
    first_ = false;
  }

 private:
  std::string& out_;
  bool first_ = true;
};

}  // namespace goldspan
