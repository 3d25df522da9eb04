#include "model/span.hpp"

#include <algorithm>

namespace goldspan {

const char* to_string(SpanKind k) noexcept {
  switch (k) {
    case SpanKind::Entity: return "entity";
    case SpanKind::Claim: return "claim";
    case SpanKind::Cue: return "cue";
  }
  return "?";
}

Fragments::Fragments(const std::vector<Range>& sorted) {
  if (sorted.size() == 1) one_ = sorted.front();
  else if (!sorted.empty()) many_ = sorted;
}

bool operator==(const Fragments& a, const Fragments& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

std::string format_id(char prefix, uint32_t id) { return prefix + std::to_string(id); }

uint32_t parse_id(char prefix, std::string_view text) noexcept {
  if (text.size() < 2 || text.size() > 11 || text[0] != prefix || text[1] == '0') return 0;
  uint64_t v = 0;
  for (char c : text.substr(1)) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + uint64_t(c - '0');
  }
  return v <= UINT32_MAX ? uint32_t(v) : 0;
}

}  // namespace goldspan
