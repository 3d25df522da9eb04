#pragma once
// SpanIndex — the fragments of one document's spans, for "what overlaps [a, b)".
//
// A treap (randomised balanced search tree) keyed by (start, end, span), each node also holding
// the largest end in its subtree. Priorities are a hash of the key, so the tree's shape depends
// only on its contents (not on the order of edits) and needs no stored priority.
//   insert, erase: O(log n) expected.
//   query [a, b):  O(log n + k) for the k fragments that start inside the window; a fragment
//                  that starts before a and reaches into the window is found by a max-end
//                  descent of O(log n) (shared between neighbours), so c of them cost at most
//                  O(c log(n / c)). Pruning by max-end means non-overlapping fragments are
//                  never visited beyond those O(log n) paths.
// Memory: one 24-byte node per fragment in a pooled vector (uint32 links, no per-node
// allocation), plus the pool's spare capacity.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "model/span.hpp"

namespace goldspan {

struct SpanHit {
  uint32_t start = 0, end = 0;  // the fragment
  SpanId span = 0;
  friend bool operator==(SpanHit a, SpanHit b) { return a.start == b.start && a.end == b.end && a.span == b.span; }
};

class SpanIndex {
 public:
  SpanIndex();

  void insert(SpanHit fragment);        // the key must not be present
  bool erase(SpanHit fragment);         // false when absent
  // Appends the fragments with start < b and end > a, ordered by (start, end, span).
  void query(uint32_t a, uint32_t b, std::vector<SpanHit>& out) const;

  size_t size() const noexcept { return size_; }
  size_t memory_bytes() const noexcept { return nodes_.capacity() * sizeof(Node); }
  // Checks ordering and max-end bookkeeping (O(n), for tests). Returns false on corruption.
  bool valid() const;

 private:
  struct Node {
    uint32_t start, end, span, max_end, left, right;
  };
  static bool less(const Node& a, const Node& b) noexcept;
  static uint64_t priority(const Node& n) noexcept;
  void pull(uint32_t t) noexcept;
  void split(uint32_t t, const Node& key, uint32_t& l, uint32_t& r) noexcept;  // l < key <= r
  uint32_t merge(uint32_t a, uint32_t b) noexcept;
  uint32_t insert(uint32_t t, uint32_t n) noexcept;
  uint32_t erase(uint32_t t, const Node& key, bool& found) noexcept;
  void query(uint32_t t, uint32_t a, uint32_t b, std::vector<SpanHit>& out) const;
  bool valid(uint32_t t, const Node* lo, const Node* hi, uint32_t& max_end, size_t& count) const;

  std::vector<Node> nodes_;  // [0] is the null sentinel (max_end 0)
  uint32_t root_ = 0, free_ = 0, size_ = 0;  // free list chained through `left`
};

}  // namespace goldspan
