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

// token_agreement lives in partial.cpp: it derives the figures from the counts that merge.

}  // namespace goldspan
