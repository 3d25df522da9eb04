// Krippendorff's unitizing alpha; the formulas are written out in docs/agreement.md.
#include "agree/unitizing.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace goldspan {

namespace {

constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

// A coder's continuum cut into its units and the gaps between them, in order, covering [0, L).
struct Segment {
  uint64_t start = 0, end = 0;
  bool unit = false;
  double length() const { return double(end - start); }
};

std::string describe(const Stretch& s) {
  return "[" + std::to_string(s.start) + ", " + std::to_string(s.end) + ")";
}

// Sorted, empty units dropped, overlapping ones merged (the definition needs a coder's units of
// one label to be disjoint); touching units stay apart: the coder marked two units there.
std::vector<Stretch> disjoint_units(uint64_t length, std::vector<Stretch> units) {
  for (const Stretch& s : units)
    if (s.end < s.start || s.end > length)
      throw std::invalid_argument("unit " + describe(s) + " is not inside the continuum [0, " + std::to_string(length) + ")");
  units.erase(std::remove_if(units.begin(), units.end(), [](const Stretch& s) { return s.start == s.end; }), units.end());
  std::sort(units.begin(), units.end(), [](const Stretch& a, const Stretch& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  std::vector<Stretch> out;
  for (const Stretch& s : units) {
    if (!out.empty() && s.start < out.back().end) out.back().end = std::max(out.back().end, s.end);
    else out.push_back(s);
  }
  return out;
}

std::vector<Segment> segments(uint64_t length, const std::vector<Stretch>& units) {
  std::vector<Segment> out;
  uint64_t at = 0;
  for (const Stretch& u : units) {
    if (u.start > at) out.push_back({at, u.start, false});
    out.push_back({u.start, u.end, true});
    at = u.end;
  }
  if (at < length) out.push_back({at, length, false});
  return out;
}

double square(double x) { return x * x; }

// Krippendorff's delta^2 between a segment of one coder and one of another.
double distance(const Segment& a, const Segment& b) {
  if (a.unit && b.unit) {
    if (a.start >= b.end || b.start >= a.end) return 0;  // units that only touch do not overlap
    return square(double(a.start) - double(b.start)) + square(double(a.end) - double(b.end));
  }
  if (a.unit && !b.unit && b.start <= a.start && a.end <= b.end) return square(a.length());
  if (!a.unit && b.unit && a.start <= b.start && b.end <= a.end) return square(b.length());
  return 0;
}

// Sum of delta^2 over every pair of segments of two coders. A pair that shares no code point
// has distance 0, and since each coder's segments tile the continuum, a merge-like walk visits
// exactly the pairs that do.
double pair_disagreement(const std::vector<Segment>& a, const std::vector<Segment>& b) {
  double sum = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    sum += distance(a[i], b[j]);
    const uint64_t ea = a[i].end, eb = b[j].end;
    if (ea <= eb) ++i;
    if (eb <= ea) ++j;
  }
  return sum;
}

}  // namespace

UnitizingAlpha unitizing_alpha(uint64_t length, const std::vector<std::vector<Stretch>>& coders) {
  UnitizingAlpha r;
  std::vector<std::vector<Segment>> cut;
  for (const auto& units : coders) cut.push_back(segments(length, disjoint_units(length, units)));
  for (const auto& c : cut)
    for (const Segment& s : c) r.units += s.unit;
  const double m = double(coders.size()), L = double(length);
  if (coders.size() < 2 || length == 0) {
    r.observed = r.expected = r.value = kUndefined;
    return r;
  }

  // D_o = sum over ordered pairs of coders i != j of sum_g sum_h delta^2 / (m (m - 1) L^2);
  // delta^2 is symmetric, so each unordered pair counts twice.
  double observed = 0;
  for (size_t i = 0; i < cut.size(); ++i)
    for (size_t j = i + 1; j < cut.size(); ++j) observed += 2 * pair_disagreement(cut[i], cut[j]);
  r.observed = observed / (m * (m - 1) * L * L);

  // D_e = (2 / L) * sum over units u of [(n - 1)/3 (2 l^3 - 3 l^2 + l) + l^2 sum over gaps h with
  // l_h >= l of (l_h - l + 1)] / (m L (m L - 1) - sum over units of l (l - 1)), n the number of
  // units of all coders: the first term places u against every other unit, the second inside
  // every gap long enough to hold it. Gaps sorted with suffix sums make the inner sum one search.
  std::vector<double> gaps;
  for (const auto& c : cut)
    for (const Segment& s : c)
      if (!s.unit) gaps.push_back(s.length());
  std::sort(gaps.begin(), gaps.end());
  std::vector<double> from(gaps.size() + 1, 0);  // from[k] = sum of gaps[k..]
  for (size_t k = gaps.size(); k-- > 0;) from[k] = from[k + 1] + gaps[k];
  const double n = double(r.units);
  double placements = 0, self_pairs = 0;
  for (const auto& c : cut)
    for (const Segment& s : c) {
      if (!s.unit) continue;
      const double l = s.length();
      const size_t k = size_t(std::lower_bound(gaps.begin(), gaps.end(), l) - gaps.begin());
      const double fits = from[k] - double(gaps.size() - k) * (l - 1);
      placements += (n - 1) * (l * (l - 1) * (2 * l - 1)) / 3 + l * l * fits;
      self_pairs += l * (l - 1);
    }
  r.expected = (2 / L) * placements / (m * L * (m * L - 1) - self_pairs);
  r.value = r.expected > 0 ? 1 - r.observed / r.expected : kUndefined;
  return r;
}

namespace {

using ByLabel = std::map<std::string, std::vector<std::vector<Stretch>>>;

void add_units(ByLabel& by_label, size_t coders, size_t coder, const std::vector<UnitizingUnit>& units, uint64_t offset) {
  for (const UnitizingUnit& u : units) {
    auto& per_coder = by_label[u.label];
    per_coder.resize(coders);
    per_coder[coder].push_back({offset + u.start, offset + u.end});
  }
}

UnitizingAgreement agreement_of(uint64_t length, size_t coders, const ByLabel& by_label) {
  UnitizingAgreement out;
  out.length = length;
  out.coders = coders;
  double observed = 0, expected = 0;
  for (const auto& [label, units] : by_label) {
    const UnitizingAlpha a = unitizing_alpha(length, units);
    out.per_label[label] = a;
    observed += a.observed;
    expected += a.expected;
    out.overall.units += a.units;
  }
  if (coders < 2 || length == 0) {
    out.overall.observed = out.overall.expected = out.overall.value = kUndefined;
    return out;
  }
  out.overall.observed = observed;
  out.overall.expected = expected;
  out.overall.value = expected > 0 ? 1 - observed / expected : kUndefined;
  return out;
}

}  // namespace

UnitizingAgreement unitizing_agreement(uint64_t length, const std::vector<std::vector<UnitizingUnit>>& coders) {
  ByLabel by_label;
  for (size_t c = 0; c < coders.size(); ++c) add_units(by_label, coders.size(), c, coders[c], 0);
  return agreement_of(length, coders.size(), by_label);
}

void UnitizingContinuum::add(const UnitizingDocument& d) {
  if (documents_ == 0) coders_ = d.coders.size();
  if (d.coders.size() != coders_)
    throw std::invalid_argument("document '" + d.id + "' has " + std::to_string(d.coders.size()) +
                                " coders, the first document " + std::to_string(coders_));
  for (size_t c = 0; c < coders_; ++c)
    for (const UnitizingUnit& u : d.coders[c])
      if (u.end < u.start || u.end > d.length)
        throw std::invalid_argument("document '" + d.id + "': unit " + describe({u.start, u.end}) + " of '" + u.label +
                                    "' is not inside its " + std::to_string(d.length) + " code points");
  for (size_t c = 0; c < coders_; ++c) add_units(by_label_, coders_, c, d.coders[c], length_);
  length_ += d.length;
  ++documents_;
}

UnitizingAgreement UnitizingContinuum::agreement() const { return agreement_of(length_, coders_, by_label_); }

UnitizingAgreement unitizing_agreement(const std::vector<UnitizingDocument>& documents) {
  UnitizingContinuum continuum;
  for (const UnitizingDocument& d : documents) continuum.add(d);
  return continuum.agreement();
}

}  // namespace goldspan
