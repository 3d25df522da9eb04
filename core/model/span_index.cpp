#include "model/span_index.hpp"

#include <algorithm>

namespace goldspan {

SpanIndex::SpanIndex() { nodes_.push_back(Node{0, 0, 0, 0, 0, 0}); }

bool SpanIndex::less(const Node& a, const Node& b) noexcept {
  if (a.start != b.start) return a.start < b.start;
  if (a.end != b.end) return a.end < b.end;
  return a.span < b.span;
}

// splitmix64 over the key: deterministic, well mixed even for sequential keys.
uint64_t SpanIndex::priority(const Node& n) noexcept {
  uint64_t z = (uint64_t(n.start) << 32 | n.end) ^ (uint64_t(n.span) * 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

void SpanIndex::pull(uint32_t t) noexcept {
  Node& n = nodes_[t];
  n.max_end = std::max({n.end, nodes_[n.left].max_end, nodes_[n.right].max_end});
}

void SpanIndex::split(uint32_t t, const Node& key, uint32_t& l, uint32_t& r) noexcept {
  if (!t) { l = r = 0; return; }
  if (less(nodes_[t], key)) {
    split(nodes_[t].right, key, nodes_[t].right, r);
    l = t;
  } else {
    split(nodes_[t].left, key, l, nodes_[t].left);
    r = t;
  }
  pull(t);
}

uint32_t SpanIndex::merge(uint32_t a, uint32_t b) noexcept {
  if (!a || !b) return a ? a : b;
  if (priority(nodes_[a]) > priority(nodes_[b])) {
    nodes_[a].right = merge(nodes_[a].right, b);
    pull(a);
    return a;
  }
  nodes_[b].left = merge(a, nodes_[b].left);
  pull(b);
  return b;
}

uint32_t SpanIndex::insert(uint32_t t, uint32_t n) noexcept {
  if (!t) return n;
  if (priority(nodes_[n]) > priority(nodes_[t])) {
    split(t, nodes_[n], nodes_[n].left, nodes_[n].right);
    pull(n);
    return n;
  }
  if (less(nodes_[n], nodes_[t])) nodes_[t].left = insert(nodes_[t].left, n);
  else nodes_[t].right = insert(nodes_[t].right, n);
  pull(t);
  return t;
}

uint32_t SpanIndex::erase(uint32_t t, const Node& key, bool& found) noexcept {
  if (!t) return 0;
  const Node& n = nodes_[t];
  if (n.start == key.start && n.end == key.end && n.span == key.span) {
    found = true;
    const uint32_t m = merge(n.left, n.right);
    nodes_[t].left = free_;
    free_ = t;
    return m;
  }
  if (less(key, n)) nodes_[t].left = erase(n.left, key, found);
  else nodes_[t].right = erase(n.right, key, found);
  if (found) pull(t);
  return t;
}

void SpanIndex::insert(SpanHit f) {
  uint32_t n;
  if (free_) {
    n = free_;
    free_ = nodes_[n].left;
  } else {
    n = uint32_t(nodes_.size());
    nodes_.emplace_back();  // may reallocate: done before any reference into nodes_ is taken
  }
  nodes_[n] = Node{f.start, f.end, f.span, f.end, 0, 0};
  root_ = insert(root_, n);
  ++size_;
}

bool SpanIndex::erase(SpanHit f) {
  bool found = false;
  root_ = erase(root_, Node{f.start, f.end, f.span, 0, 0, 0}, found);
  size_ -= found;
  return found;
}

void SpanIndex::query(uint32_t t, uint32_t a, uint32_t b, std::vector<SpanHit>& out) const {
  while (t) {
    const Node& n = nodes_[t];
    if (n.max_end <= a) return;  // nothing here reaches into the window
    query(n.left, a, b, out);
    if (n.start >= b) return;  // the right subtree starts even later
    if (n.end > a) out.push_back(SpanHit{n.start, n.end, n.span});
    t = n.right;
  }
}

void SpanIndex::query(uint32_t a, uint32_t b, std::vector<SpanHit>& out) const { query(root_, a, b, out); }

bool SpanIndex::valid(uint32_t t, const Node* lo, const Node* hi, uint32_t& max_end, size_t& count) const {
  max_end = 0;
  if (!t) return true;
  const Node& n = nodes_[t];
  if ((lo && !less(*lo, n)) || (hi && !less(n, *hi)) || n.start >= n.end) return false;
  if (n.left && priority(nodes_[n.left]) > priority(n)) return false;
  if (n.right && priority(nodes_[n.right]) > priority(n)) return false;
  uint32_t ml = 0, mr = 0;
  if (!valid(n.left, lo, &n, ml, count) || !valid(n.right, &n, hi, mr, count)) return false;
  ++count;
  max_end = std::max({n.end, ml, mr});
  return max_end == n.max_end;
}

bool SpanIndex::valid() const {
  uint32_t m = 0;
  size_t count = 0;
  return valid(root_, nullptr, nullptr, m, count) && count == size_;
}

}  // namespace goldspan
