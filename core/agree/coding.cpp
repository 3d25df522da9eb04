#include "agree/coding.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "error.hpp"

namespace goldspan {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double chance_corrected(double observed, double expected) {
  // 1 - expected == 0 means chance alone explains everything: the coefficient says nothing.
  return expected >= 1.0 ? kNaN : (observed - expected) / (1.0 - expected);
}

struct Margins {
  double total = 0, diagonal = 0;
  std::vector<double> rows, cols;
};

Margins margins_of(const RaterTable& t) {
  Margins m;
  m.rows.assign(t.size(), 0.0);
  m.cols.assign(t.size(), 0.0);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].size() != t.size()) throw Error("agreement", "the rater table is not square");
    for (size_t j = 0; j < t.size(); ++j) {
      m.rows[i] += t[i][j];
      m.cols[j] += t[i][j];
      m.total += t[i][j];
    }
    m.diagonal += t[i][i];
  }
  return m;
}

// Shared by the three two-rater coefficients; `expected` maps the margins to chance agreement.
template <class Expected>
Kappa two_rater(const RaterTable& t, Expected expected) {
  const Margins m = margins_of(t);
  if (m.total <= 0) return {kNaN, kNaN, kNaN};
  Kappa k;
  k.observed = m.diagonal / m.total;
  k.expected = expected(m);
  k.value = chance_corrected(k.observed, k.expected);
  return k;
}

}  // namespace

Kappa cohen_kappa(const RaterTable& table) {
  return two_rater(table, [](const Margins& m) {
    double e = 0;
    for (size_t i = 0; i < m.rows.size(); ++i) e += (m.rows[i] / m.total) * (m.cols[i] / m.total);
    return e;
  });
}

Kappa scott_pi(const RaterTable& table) {
  return two_rater(table, [](const Margins& m) {
    double e = 0;
    for (size_t i = 0; i < m.rows.size(); ++i) {
      const double p = (m.rows[i] + m.cols[i]) / (2 * m.total);
      e += p * p;
    }
    return e;
  });
}

Kappa bennett_s(const RaterTable& table) {
  return two_rater(table, [](const Margins& m) { return 1.0 / double(m.rows.size()); });
}

RaterTable rater_table(const std::vector<int>& a, const std::vector<int>& b, size_t categories) {
  if (a.size() != b.size()) throw Error("agreement", "the two raters' sequences differ in length");
  RaterTable t(categories, std::vector<double>(categories, 0.0));
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] < 0 || b[i] < 0) continue;
    if (size_t(a[i]) >= categories || size_t(b[i]) >= categories) throw Error("agreement", "category code out of range");
    t[a[i]][b[i]] += 1;
  }
  return t;
}

FleissKappa fleiss_kappa(const std::vector<std::vector<double>>& counts) {
  FleissKappa f;
  f.subject_agreement.assign(counts.size(), kNaN);
  const size_t q = counts.empty() ? 0 : counts[0].size();
  std::vector<double> per_category(q, 0.0);
  double agreement_sum = 0;
  size_t subjects = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    if (counts[i].size() != q) throw Error("agreement", "Fleiss counts: rows differ in length");
    double n = 0, squares = 0;
    for (double c : counts[i]) {
      n += c;
      squares += c * c;
    }
    if (n < 2) continue;  // one rating agrees with nothing
    f.subject_agreement[i] = (squares - n) / (n * (n - 1));
    agreement_sum += f.subject_agreement[i];
    ++subjects;
    for (size_t j = 0; j < q; ++j) per_category[j] += counts[i][j];
  }
  f.kappa = fleiss_of_sums(agreement_sum, subjects, per_category);
  return f;
}

Kappa fleiss_of_sums(double agreement_sum, size_t subjects, const std::vector<double>& per_category) {
  if (subjects == 0) return {kNaN, kNaN, kNaN};
  double ratings = 0;
  for (double c : per_category) ratings += c;
  Kappa k;
  k.observed = agreement_sum / double(subjects);
  for (double c : per_category) k.expected += (c / ratings) * (c / ratings);
  k.value = chance_corrected(k.observed, k.expected);
  return k;
}

std::vector<std::vector<double>> category_counts(const std::vector<std::vector<int>>& codes, size_t categories) {
  std::vector<std::vector<double>> counts(codes.size(), std::vector<double>(categories, 0.0));
  for (size_t i = 0; i < codes.size(); ++i)
    for (int c : codes[i]) {
      if (c < 0) continue;
      if (size_t(c) >= categories) throw Error("agreement", "category code out of range");
      counts[i][c] += 1;
    }
  return counts;
}

Alpha krippendorff_alpha(const CodingMatrix& units, AlphaMetric metric) {
  // The distinct values, sorted: rows and columns of the coincidence matrix.
  std::vector<double> values;
  for (const auto& u : units)
    for (const auto& v : u)
      if (v && !std::isnan(*v)) values.push_back(*v);
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  const size_t m = values.size();
  auto index = [&](double v) { return size_t(std::lower_bound(values.begin(), values.end(), v) - values.begin()); };

  // o[c][k]: each ordered pair of values within a unit, weighted 1/(m_u - 1).
  std::vector<std::vector<double>> o(m, std::vector<double>(m, 0.0));
  std::vector<size_t> unit_values;
  for (const auto& u : units) {
    unit_values.clear();
    for (const auto& v : u)
      if (v && !std::isnan(*v)) unit_values.push_back(index(*v));
    if (unit_values.size() < 2) continue;
    const double w = 1.0 / double(unit_values.size() - 1);
    for (size_t i = 0; i < unit_values.size(); ++i)
      for (size_t j = 0; j < unit_values.size(); ++j)
        if (i != j) o[unit_values[i]][unit_values[j]] += w;
  }
  return alpha_of_coincidences(o, values, metric);
}

Alpha alpha_of_coincidences(const std::vector<std::vector<double>>& o, const std::vector<double>& values,
                            AlphaMetric metric) {
  const size_t m = values.size();
  if (o.size() != m) throw Error("agreement", "the coincidence matrix does not match its values");
  std::vector<double> n_c(m, 0.0);
  double n = 0;
  for (size_t c = 0; c < m; ++c) {
    for (size_t k = 0; k < m; ++k) n_c[c] += o[c][k];
    n += n_c[c];
  }

  auto delta = [&](size_t c, size_t k) -> double {
    if (c == k) return 0.0;
    switch (metric) {
      case AlphaMetric::Nominal: return 1.0;
      case AlphaMetric::Ordinal: {
        const size_t lo = std::min(c, k), hi = std::max(c, k);
        double s = 0;
        for (size_t g = lo; g <= hi; ++g) s += n_c[g];
        s -= (n_c[lo] + n_c[hi]) / 2;
        return s * s;
      }
      case AlphaMetric::Interval: return (values[c] - values[k]) * (values[c] - values[k]);
      case AlphaMetric::Ratio: {
        const double sum = values[c] + values[k];
        return sum == 0 ? 0.0 : ((values[c] - values[k]) / sum) * ((values[c] - values[k]) / sum);
      }
    }
    return 1.0;
  };

  Alpha a;
  a.pairable = n;
  if (n <= 1) {
    a.observed = a.expected = a.value = kNaN;
    return a;
  }
  double observed = 0, expected = 0;
  for (size_t c = 0; c < m; ++c)
    for (size_t k = 0; k < m; ++k) {
      const double d = delta(c, k);
      observed += o[c][k] * d;
      expected += n_c[c] * n_c[k] * d;
    }
  a.observed = observed / n;
  a.expected = expected / (n * (n - 1));
  a.value = a.expected == 0 ? kNaN : 1.0 - a.observed / a.expected;
  return a;
}

}  // namespace goldspan
