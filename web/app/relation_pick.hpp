#pragma once
// The state of "pick target" mode: after a relation type's hotkey on a selected span, the next
// click on a span (or Tab/Shift+Tab over the allowed ones, then Enter) chooses the target.
// Plain data owned by the App; the App's relation code (relation_pick.cpp) drives it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "model/span.hpp"

namespace goldspan::ui {

struct RelationPick {
  int type = -1;                   // Schema::relation_types index; -1 when not picking
  SpanId source = 0;
  std::vector<SpanId> candidates;  // allowed targets in the source's document, reading order
  std::vector<SpanId> sorted;      // the same, by id, for the per-span lookup while drawing
  size_t cursor = SIZE_MAX;        // Tab position in candidates; SIZE_MAX before the first Tab
  uint64_t revision = 0;           // corpus revision the candidates were computed at

  bool active() const { return type >= 0; }
  bool is_candidate(SpanId id) const { return active() && std::binary_search(sorted.begin(), sorted.end(), id); }
  SpanId focused() const { return cursor < candidates.size() ? candidates[cursor] : 0; }
  void reset() { *this = RelationPick(); }
};

}  // namespace goldspan::ui
