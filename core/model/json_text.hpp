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
// escaped, everything else as is; byte for byte what nlohmann::json::dump() writes (\b \f \n
// \r \t short, other controls \u00xx), so hand-written output matches a dump. Copies runs, not
// characters: in wasm every std::string member call is a real call (libc++ does not inline them).
inline void append_json_string(std::string& out, std::string_view s) {
  static const char hex[] = "0123456789abcdef";
  out += '"';
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    char esc[6] = {'\\', char(c), 0, 0, 0, 0};
    size_t n = 2;
    if (c == '\n') esc[1] = 'n';
    else if (c == '\r') esc[1] = 'r';
    else if (c == '\t') esc[1] = 't';
    else if (c == '\b') esc[1] = 'b';
    else if (c == '\f') esc[1] = 'f';
    else if (c < 0x20) {
      esc[1] = 'u';
      esc[2] = '0';
      esc[3] = '0';
      esc[4] = hex[c >> 4];
      esc[5] = hex[c & 15];
      n = 6;
    }
    out.append(esc, n);
  }
  out.append(s.data() + run, s.size() - run);
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
  void key(std::string_view k) {  // one append: see append_json_string
    char buf[48];
    if (k.size() > sizeof buf - 4) {
      if (!first_) out_ += ',';
      first_ = false;
      append_json_string(out_, k);
      out_ += ':';
      return;
    }
    size_t n = 0;
    if (!first_) buf[n++] = ',';
    first_ = false;
    buf[n++] = '"';
    for (char c : k) buf[n++] = c;
    buf[n++] = '"';
    buf[n++] = ':';
    out_.append(buf, n);
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
      out_ += ']';  // a handful of calls per fragment; spans rarely have more than one
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
