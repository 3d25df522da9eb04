#pragma once
// Splitting line formats (brat .ann and annotation.conf) into fields.
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

}  // namespace goldspan
