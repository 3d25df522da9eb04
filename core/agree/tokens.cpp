#include "agree/tokens.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "error.hpp"

namespace goldspan {

std::vector<std::string> token_labels(const std::vector<Token>& tokens, const std::vector<AgreeSpan>& spans) {
  std::vector<std::string> labels(tokens.size(), kOutsideLabel);
  // Outermost first, so that a token keeps the first label it gets.
  std::vector<const AgreeSpan*> order;
  for (const AgreeSpan& s : spans) order.push_back(&s);
  std::sort(order.begin(), order.end(), [](const AgreeSpan* p, const AgreeSpan* q) {
    return std::make_tuple(-int64_t(p->end - p->start), p->start, p->label) <
           std::make_tuple(-int64_t(q->end - q->start), q->start, q->label);
  });
  std::vector<char> taken(tokens.size());
  for (const AgreeSpan* s : order) {
    // Tokens are sorted and disjoint: start at the first one ending after the span's start.
    auto it = std::upper_bound(tokens.begin(), tokens.end(), s->start,
                               [](uint32_t v, const Token& t) { return v < t.end; });
    for (; it != tokens.end() && it->start < s->end; ++it) {
      const size_t i = size_t(it - tokens.begin());
      if (!taken[i]) labels[i] = s->label, taken[i] = 1;
    }
  }
  return labels;
}

TokenAgreement token_agreement(const LabelMatrix& labels, size_t coders) {
  TokenAgreement r;
  r.coders = coders;
  r.units = labels.size();
  std::set<std::string> seen;
  for (const auto& u : labels) {
    if (u.size() != coders) throw Error("agreement", "a token has labels for another number of annotators");
    for (const auto& l : u)
      if (l) seen.insert(*l);
  }
  r.categories.assign(seen.begin(), seen.end());
  auto code = [&](const std::optional<std::string>& l) {
    return l ? int(std::lower_bound(r.categories.begin(), r.categories.end(), *l) - r.categories.begin()) : -1;
  };
  std::vector<std::vector<int>> codes(labels.size(), std::vector<int>(coders));
  CodingMatrix matrix(labels.size(), std::vector<std::optional<double>>(coders));
  std::vector<std::vector<int>> complete;  // units every coder coded, for Fleiss
  for (size_t u = 0; u < labels.size(); ++u) {
    bool all = true;
    for (size_t c = 0; c < coders; ++c) {
      codes[u][c] = code(labels[u][c]);
      if (codes[u][c] >= 0) matrix[u][c] = double(codes[u][c]);
      else all = false;
    }
    if (all) complete.push_back(codes[u]);
  }
  const size_t q = r.categories.size();
  r.cohen.assign(coders, std::vector<Kappa>(coders));
  for (size_t i = 0; i < coders; ++i)
    for (size_t j = i + 1; j < coders; ++j) {
      std::vector<int> a(labels.size()), b(labels.size());
      for (size_t u = 0; u < labels.size(); ++u) a[u] = codes[u][i], b[u] = codes[u][j];
      r.cohen[i][j] = r.cohen[j][i] = cohen_kappa(rater_table(a, b, q));
    }
  r.fleiss = fleiss_kappa(category_counts(complete, q)).kappa;
  r.alpha = krippendorff_alpha(matrix, AlphaMetric::Nominal);
  return r;
}

}  // namespace goldspan
