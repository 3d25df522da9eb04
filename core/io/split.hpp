#pragma once
// Splitting line formats (JSONL, brat .ann and annotation.conf) into lines and fields.
#include <string_view>
#include <vector>

namespace goldspan {

// The pieces of `s` between occurrences of `sep`, empty ones included (Python's str.split(sep)).
inline std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  for (size_t e; (e = s.find(sep, b)) != std::string_view::npos; b = e + 1) out.push_back(s.substr(b, e - b));
  out.push_back(s.substr(b));
  return out;
}

// The lines of a text, without their "\n" or "\r\n", numbered from 1:
//   for (Lines l(text); l.next();) use(l.number, l.line);
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}
  bool next() {
    if (at_ >= text_.size()) return false;
    size_t e = text_.find('\n', at_);
    if (e == std::string_view::npos) e = text_.size();
    line = text_.substr(at_, e - at_);
    at_ = e + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return true;
  }
  std::string_view line;
  size_t number = 0;

 private:
  std::string_view text_;
  size_t at_ = 0;
};

// Only spaces and tabs (a line JSONL readers skip).
inline bool blank_line(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

}  // namespace goldspan
