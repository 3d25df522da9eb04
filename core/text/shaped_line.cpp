// ShapedLine queries: logical code points <-> visual x, from the per-code-point boxes that
// shape_line fills. Lines are short (about a hundred code points): linear scans.
#include <algorithm>

#include "text/shaper.hpp"

namespace goldspan {

std::pair<float, float> ShapedLine::cp_box(uint32_t cp) const {
  if (cps.empty()) return {0.0f, 0.0f};
  const Cp& c = cps[std::min<uint32_t>(std::max(cp, start), end - 1) - start];
  return {c.x0, c.x1};
}

float ShapedLine::caret_x(uint32_t cp) const {
  if (cps.empty()) return rtl ? width : 0.0f;
  if (cp >= end) {
    const Cp& last = cps.back();
    return last.rtl ? last.x0 : last.x1;
  }
  const Cp& c = cps[std::max(cp, start) - start];
  return c.rtl ? c.x1 : c.x0;
}

uint32_t ShapedLine::cp_at(float x) const {
  if (cps.empty()) return start;
  const Cp* best = nullptr;
  float best_d = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    const Cp& c = cps[i];
    if (c.g0 != start + i) continue;  // one box per grapheme
    const float d = x < c.x0 ? c.x0 - x : x >= c.x1 ? x - c.x1 : 0.0f;
    if (!best || d < best_d) {
      best = &c;
      best_d = d;
      if (d == 0) break;
    }
  }
  const bool left_half = x < (best->x0 + best->x1) * 0.5f;
  return left_half != best->rtl ? best->g0 : best->g1;
}

void ShapedLine::boxes(uint32_t a, uint32_t b, std::vector<std::pair<float, float>>& out) const {
  out.clear();
  const uint32_t lo = std::max(a, start), hi = std::min(b, end);
  for (uint32_t c = lo; c < hi; ++c) {
    const Cp& p = cps[c - start];
    if (!out.empty() && out.back().first == p.x0 && out.back().second == p.x1) continue;  // same grapheme
    out.emplace_back(p.x0, p.x1);
  }
  std::sort(out.begin(), out.end());
  // Neighbouring boxes touch up to rounding: merge what is within a hundredth of a pixel.
  size_t w = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (w > 0 && out[i].first <= out[w - 1].second + 0.01f) out[w - 1].second = std::max(out[w - 1].second, out[i].second);
    else out[w++] = out[i];
  }
  out.resize(w);
}

}  // namespace goldspan
