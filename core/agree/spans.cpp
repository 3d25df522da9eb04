#include "agree/spans.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <tuple>

namespace goldspan {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(size_t num, size_t den) { return den == 0 ? kNaN : double(num) / double(den); }

using Indices = std::vector<size_t>;

std::map<std::string, std::pair<Indices, Indices>> by_document(const std::vector<AgreeSpan>& a,
                                                                const std::vector<AgreeSpan>& b) {
  std::map<std::string, std::pair<Indices, Indices>> docs;
  for (size_t i = 0; i < a.size(); ++i) docs[a[i].doc].first.push_back(i);
  for (size_t j = 0; j < b.size(); ++j) docs[b[j].doc].second.push_back(j);
  return docs;
}

void match_exact(const std::vector<AgreeSpan>& a, const std::vector<AgreeSpan>& b, Indices ia, Indices ib,
                 bool same_label, std::vector<std::pair<size_t, size_t>>& out) {
  auto key = [&](const AgreeSpan& s) { return std::make_tuple(s.start, s.end, same_label ? s.label : std::string()); };
  auto less_a = [&](size_t x, size_t y) { return std::make_pair(key(a[x]), x) < std::make_pair(key(a[y]), y); };
  auto less_b = [&](size_t x, size_t y) { return std::make_pair(key(b[x]), x) < std::make_pair(key(b[y]), y); };
  std::sort(ia.begin(), ia.end(), less_a);
  std::sort(ib.begin(), ib.end(), less_b);
  // A merge of the two sorted lists pairs equal keys one-to-one, earliest indices first.
  for (size_t i = 0, j = 0; i < ia.size() && j < ib.size();) {
    const auto ka = key(a[ia[i]]), kb = key(b[ib[j]]);
    if (ka < kb) ++i;
    else if (kb < ka) ++j;
    else out.emplace_back(ia[i++], ib[j++]);
  }
}

void match_overlap(const std::vector<AgreeSpan>& a, const std::vector<AgreeSpan>& b, const Indices& ia,
                   const Indices& ib, bool same_label, std::vector<std::pair<size_t, size_t>>& out) {
  struct Edge {
    size_t x, y;  // positions in ia, ib
    bool label, edges;
    uint32_t overlap;
  };
  // Candidates of a span are the b spans starting in [start - longest b + 1, end): found by
  // binary search in b sorted by start, so that a long document costs about n log n.
  std::vector<size_t> by_start(ib.size());
  uint32_t longest = 0;
  for (size_t y = 0; y < ib.size(); ++y) {
    by_start[y] = y;
    longest = std::max(longest, b[ib[y]].end - b[ib[y]].start);
  }
  std::sort(by_start.begin(), by_start.end(), [&](size_t p, size_t q) { return b[ib[p]].start < b[ib[q]].start; });
  std::vector<Edge> edges;
  for (size_t x = 0; x < ia.size(); ++x) {
    const AgreeSpan& s = a[ia[x]];
    const uint32_t from = s.start >= longest ? s.start - longest : 0;
    auto it = std::lower_bound(by_start.begin(), by_start.end(), from,
                               [&](size_t y, uint32_t v) { return b[ib[y]].start < v; });
    for (; it != by_start.end() && b[ib[*it]].start < s.end; ++it) {
      const size_t y = *it;
      const AgreeSpan& t = b[ib[y]];
      const uint32_t lo = std::max(s.start, t.start), hi = std::min(s.end, t.end);
      if (lo >= hi) continue;
      const bool label = s.label == t.label;
      if (same_label && !label) continue;
      edges.push_back({x, y, label, s.start == t.start && s.end == t.end, hi - lo});
    }
  }
  // The preference order of the header: same label, identical edges, larger overlap, then
  // file order, so that the result is deterministic.
  std::sort(edges.begin(), edges.end(), [&](const Edge& p, const Edge& q) {
    return std::make_tuple(!p.label, !p.edges, -int64_t(p.overlap), ia[p.x], ib[p.y]) <
           std::make_tuple(!q.label, !q.edges, -int64_t(q.overlap), ia[q.x], ib[q.y]);
  });
  std::vector<std::vector<size_t>> adjacent(ia.size());
  for (const Edge& e : edges) adjacent[e.x].push_back(e.y);
  constexpr size_t kFree = std::numeric_limits<size_t>::max();
  std::vector<size_t> mate_a(ia.size(), kFree), mate_b(ib.size(), kFree);
  for (const Edge& e : edges)
    if (mate_a[e.x] == kFree && mate_b[e.y] == kFree) mate_a[e.x] = e.y, mate_b[e.y] = e.x;

  // Augmenting paths (Kuhn): a matching with no augmenting path is maximum (Berge). The search
  // keeps its own stack, as a path can be as long as a document has spans (wasm's stack is small).
  std::vector<char> seen(ib.size());
  std::vector<size_t> path, next;  // spans of a on the path, and the next edge each tries
  for (size_t x0 = 0; x0 < ia.size(); ++x0) {
    if (mate_a[x0] != kFree || adjacent[x0].empty()) continue;
    std::fill(seen.begin(), seen.end(), 0);
    path.assign(1, x0);
    next.assign(1, 0);
    while (!path.empty()) {
      const size_t x = path.back();
      if (next.back() == adjacent[x].size()) {
        path.pop_back();
        next.pop_back();
        continue;
      }
      const size_t y = adjacent[x][next.back()++];
      if (seen[y]) continue;
      seen[y] = 1;
      if (mate_b[y] != kFree) {
        path.push_back(mate_b[y]);
        next.push_back(0);
        continue;
      }
      // Free y: every span on the path takes the y it last tried (the top one takes this y).
      for (size_t l = 0; l < path.size(); ++l) {
        const size_t yl = adjacent[path[l]][next[l] - 1];
        mate_a[path[l]] = yl;
        mate_b[yl] = path[l];
      }
      break;
    }
  }
  for (size_t x = 0; x < ia.size(); ++x)
    if (mate_a[x] != kFree) out.emplace_back(ia[x], ib[mate_a[x]]);
}

}  // namespace

double SpanCounts::precision() const { return ratio(matched, candidate); }
double SpanCounts::recall() const { return ratio(matched, reference); }
double SpanCounts::f1() const { return ratio(2 * matched, reference + candidate); }

std::vector<std::pair<size_t, size_t>> match_spans(const std::vector<AgreeSpan>& a, const std::vector<AgreeSpan>& b,
                                                   SpanMatch mode, bool same_label) {
  std::vector<std::pair<size_t, size_t>> out;
  for (const auto& [doc, sides] : by_document(a, b)) {
    if (sides.first.empty() || sides.second.empty()) continue;
    if (mode == SpanMatch::Exact) match_exact(a, b, sides.first, sides.second, same_label, out);
    else match_overlap(a, b, sides.first, sides.second, same_label, out);
  }
  std::sort(out.begin(), out.end());
  return out;
}

SpanAgreement agreement_of_counts(std::map<std::string, SpanCounts> per_label) {
  SpanAgreement r;
  r.per_label = std::move(per_label);
  if (r.per_label.empty()) {
    r.macro_precision = r.macro_recall = r.macro_f1 = kNaN;
    return r;
  }
  auto or_zero = [](double v) { return std::isnan(v) ? 0.0 : v; };
  for (const auto& [label, c] : r.per_label) {
    r.micro.reference += c.reference;
    r.micro.candidate += c.candidate;
    r.micro.matched += c.matched;
    r.macro_precision += or_zero(c.precision());
    r.macro_recall += or_zero(c.recall());
    r.macro_f1 += c.f1();  // defined: the label occurs in a or b
  }
  const double n = double(r.per_label.size());
  r.macro_precision /= n;
  r.macro_recall /= n;
  r.macro_f1 /= n;
  return r;
}

SpanAgreement span_agreement(const std::vector<AgreeSpan>& a, const std::vector<AgreeSpan>& b, SpanMatch mode) {
  std::map<std::string, SpanCounts> per_label;
  for (const AgreeSpan& s : a) ++per_label[s.label].reference;
  for (const AgreeSpan& s : b) ++per_label[s.label].candidate;
  for (const auto& p : match_spans(a, b, mode, true)) ++per_label[a[p.first].label].matched;
  return agreement_of_counts(std::move(per_label));
}

std::map<std::string, SpanAgreement> span_agreement_by_document(const std::vector<AgreeSpan>& a,
                                                                const std::vector<AgreeSpan>& b, SpanMatch mode) {
  std::map<std::string, SpanAgreement> out;
  for (const auto& [doc, sides] : by_document(a, b)) {
    std::vector<AgreeSpan> da, db;
    for (size_t i : sides.first) da.push_back(a[i]);
    for (size_t j : sides.second) db.push_back(b[j]);
    out[doc] = span_agreement(da, db, mode);
  }
  return out;
}

LabelConfusion label_confusion(const std::vector<AgreeSpan>& a, const std::vector<AgreeSpan>& b) {
  LabelConfusion c;
  std::set<std::string> labels;
  for (const AgreeSpan& s : a) labels.insert(s.label);
  for (const AgreeSpan& s : b) labels.insert(s.label);
  c.labels.assign(labels.begin(), labels.end());
  const size_t n = c.labels.size();
  auto index = [&](const std::string& l) {
    return size_t(std::lower_bound(c.labels.begin(), c.labels.end(), l) - c.labels.begin());
  };
  c.counts.assign(n, std::vector<size_t>(n, 0));
  c.only_a.assign(n, 0);
  c.only_b.assign(n, 0);
  std::vector<char> paired_a(a.size()), paired_b(b.size());
  for (const auto& [i, j] : match_spans(a, b, SpanMatch::Overlap, false)) {
    ++c.counts[index(a[i].label)][index(b[j].label)];
    paired_a[i] = paired_b[j] = 1;
  }
  for (size_t i = 0; i < a.size(); ++i)
    if (!paired_a[i]) ++c.only_a[index(a[i].label)];
  for (size_t j = 0; j < b.size(); ++j)
    if (!paired_b[j]) ++c.only_b[index(b[j].label)];
  return c;
}

}  // namespace goldspan
