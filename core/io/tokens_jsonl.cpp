#include "io/tokens_jsonl.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "model/json_text.hpp"

namespace goldspan {

namespace {

// Items per chunk: the stack buffer stays small (wasm's stack is too), and appending once per
// chunk instead of per character is what makes the writer cheap.
constexpr size_t kChunk = 256;

inline char* put_uint(char* p, uint32_t v) { return std::to_chars(p, p + 10, v).ptr; }

// "[[s,e],[s,e],...]" for anything with start/end (Token, Range).
template <class T>
void append_pairs(std::string& out, const std::vector<T>& v) {
  constexpr size_t kMax = 24;  // ",[4294967295,4294967295]"
  char buf[kChunk * kMax];
  out += '[';
  for (size_t i = 0; i < v.size();) {
    char* p = buf;
    for (const size_t end = std::min(v.size(), i + kChunk); i < end; ++i) {
      if (i) *p++ = ',';
      *p++ = '[';
      p = put_uint(p, v[i].start);
      *p++ = ',';
      p = put_uint(p, v[i].end);
      *p++ = ']';
    }
    out.append(buf, size_t(p - buf));
  }
  out += ']';
}

void append_kinds(std::string& out, const std::vector<Token>& v) {
  constexpr size_t kMax = 14;  // ",\"punctuation\""
  char buf[kChunk * kMax];
  out += '[';
  for (size_t i = 0; i < v.size();) {
    char* p = buf;
    for (const size_t end = std::min(v.size(), i + kChunk); i < end; ++i) {
      if (i) *p++ = ',';
      *p++ = '"';
      const char* k = to_string(v[i].kind);
      const size_t n = std::strlen(k);
      std::memcpy(p, k, n);
      p += n;
      *p++ = '"';
    }
    out.append(buf, size_t(p - buf));
  }
  out += ']';
}

void append_numbers(std::string& out, const std::vector<uint32_t>& v) {
  constexpr size_t kMax = 11;  // ",4294967295"
  char buf[kChunk * kMax];
  out += '[';
  for (size_t i = 0; i < v.size();) {
    char* p = buf;
    for (const size_t end = std::min(v.size(), i + kChunk); i < end; ++i) {
      if (i) *p++ = ',';
      p = put_uint(p, v[i]);
    }
    out.append(buf, size_t(p - buf));
  }
  out += ']';
}

}  // namespace

void append_tokens_jsonl(std::string& out, std::string_view id, const std::vector<Token>& tokens, bool kinds,
                         const std::vector<Range>* sentences) {
  // Room for the whole line up front (about 12 bytes a token): one allocation, not a doubling
  // series of copies of a buffer that reaches tens of MB.
  out.reserve(out.size() + id.size() + 64 + tokens.size() * (kinds ? 26 : 14) +
              (sentences ? sentences->size() * 18 : 0));
  out += "{\"id\":";
  append_json_string(out, id);
  out += ",\"tokens\":";
  append_pairs(out, tokens);
  if (kinds) {
    out += ",\"kinds\":";
    append_kinds(out, tokens);
  }
  if (sentences) {
    out += ",\"sentences\":";
    append_pairs(out, *sentences);
  }
  out += "}\n";
}

void append_boundaries_jsonl(std::string& out, std::string_view id, const std::vector<uint32_t>& boundaries) {
  out.reserve(out.size() + id.size() + 32 + boundaries.size() * 8);
  out += "{\"id\":";
  append_json_string(out, id);
  out += ",\"boundaries\":";
  append_numbers(out, boundaries);
  out += "}\n";
}

}  // namespace goldspan
