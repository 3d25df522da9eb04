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

inline size_t digits(uint32_t v) {
  size_t n = 1;
  while (v >= 10) v /= 10, ++n;
  return n;
}

inline void maybe_drain(std::string& out, const JsonlDrain& drain) {
  if (drain && out.size() >= kJsonlDrainBytes) drain(out);
}

// "[[s,e],[s,e],...]" for anything with start/end (Token, Range).
template <class T>
void append_pairs(std::string& out, const std::vector<T>& v, const JsonlDrain& drain) {
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
    maybe_drain(out, drain);
  }
  out += ']';
}

void append_kinds(std::string& out, const std::vector<Token>& v, const JsonlDrain& drain) {
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
    maybe_drain(out, drain);
  }
  out += ']';
}

void append_numbers(std::string& out, const std::vector<uint32_t>& v, const JsonlDrain& drain) {
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
    maybe_drain(out, drain);
  }
  out += ']';
}

}  // namespace

void append_tokens_jsonl(std::string& out, std::string_view id, const std::vector<Token>& tokens, bool kinds,
                         const std::vector<Range>* sentences, const JsonlDrain& drain) {
  // Room for the whole line up front (offsets ascend, so the last one has the most digits):
  // one allocation, not a doubling series of copies. Drained, about one drain's worth.
  const size_t pair = 2 * digits(tokens.empty() ? 0 : tokens.back().end) + 4;
  const size_t line = id.size() + 64 + tokens.size() * (pair + (kinds ? 14 : 0)) +
                      (sentences ? sentences->size() * pair : 0);
  out.reserve(out.size() + (drain ? std::min(line, kJsonlDrainBytes + kChunk * 24) : line));
  out += "{\"id\":";
  append_json_string(out, id);
  out += ",\"tokens\":";
  append_pairs(out, tokens, drain);
  if (kinds) {
    out += ",\"kinds\":";
    append_kinds(out, tokens, drain);
  }
  if (sentences) {
    out += ",\"sentences\":";
    append_pairs(out, *sentences, drain);
  }
  out += "}\n";
}

void append_boundaries_jsonl(std::string& out, std::string_view id, const std::vector<uint32_t>& boundaries,
                             const JsonlDrain& drain) {
  const size_t line = id.size() + 32 + boundaries.size() * (digits(boundaries.empty() ? 0 : boundaries.back()) + 1);
  out.reserve(out.size() + (drain ? std::min(line, kJsonlDrainBytes + kChunk * 11) : line));
  out += "{\"id\":";
  append_json_string(out, id);
  out += ",\"boundaries\":";
  append_numbers(out, boundaries, drain);
  out += "}\n";
}

}  // namespace goldspan
