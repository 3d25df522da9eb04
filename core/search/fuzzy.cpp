#include "search/fuzzy.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <climits>

namespace goldspan {

namespace {

// fzf's weights, roughly: a match is worth far more than a gap costs, so a longer query match
// always wins, and the bonuses decide between alignments of the same characters.
constexpr int kMatch = 16, kWordStart = 8, kTextStart = 4, kRun = 6, kGapOpen = 3;  // each further gap character: -1

struct Folded {
  std::u32string cps;
  std::vector<bool> word_start;
};

// Folds code point by code point so that each folded character knows whether the original one
// began a word (a fold may give several: ß -> ss; the first of them carries the flag).
Folded fold(std::string_view s, bool skip_space) {
  Folded f;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), int32_t(s.size())));
  UChar32 prev = 0;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (skip_space && u_isUWhiteSpace(c)) continue;
    const bool alnum = u_isalnum(c);
    const bool start = alnum && (prev == 0 || !u_isalnum(prev) || (u_isULowercase(prev) && u_isUUppercase(c)));
    icu::UnicodeString one(c);
    one.foldCase(U_FOLD_CASE_DEFAULT);
    bool first = true;
    for (int32_t j = 0; j < one.length();) {
      const UChar32 fc = one.char32At(j);
      j += U16_LENGTH(fc);
      f.cps.push_back(static_cast<char32_t>(fc));
      f.word_start.push_back(first && start);
      first = false;
    }
    prev = c;
  }
  return f;
}

}  // namespace

FuzzyQuery::FuzzyQuery(std::string_view query) : query_(fold(query, true).cps) {}

std::optional<int> FuzzyQuery::score(std::string_view text) const {
  if (query_.empty()) return 0;
  const Folded t = fold(text, false);
  const size_t n = query_.size(), m = t.cps.size();
  if (n > m) return std::nullopt;
  constexpr int kNone = INT_MIN / 2;
  // row[j]: best score of the query so far with its last character matched at text position j.
  std::vector<int> prev(m, kNone), row(m, kNone);
  for (size_t i = 0; i < n; ++i) {
    // best_gap: max over k < j-1 of prev[k] + k, so a gap of g = j-k-1 characters costs
    // kGapOpen + (g-1) in O(1) per cell.
    int best_gap = kNone;
    for (size_t j = 0; j < m; ++j) {
      if (j >= 2 && prev[j - 2] > kNone) best_gap = std::max(best_gap, prev[j - 2] + int(j - 2));
      row[j] = kNone;
      if (t.cps[j] != query_[i]) continue;
      const int base = kMatch + (t.word_start[j] ? kWordStart : 0) + (j == 0 ? kTextStart : 0);
      if (i == 0) {
        row[j] = base;
        continue;
      }
      int best = kNone;
      if (j >= 1 && prev[j - 1] > kNone) best = prev[j - 1] + kRun;
      if (best_gap > kNone) best = std::max(best, best_gap - int(j) + 2 - kGapOpen);  // gap g: kGapOpen + (g-1)
      if (best > kNone) row[j] = best + base;
    }
    std::swap(prev, row);
  }
  const int best = *std::max_element(prev.begin(), prev.end());
  if (best <= kNone) return std::nullopt;
  return best;
}

std::vector<FuzzyRanked> fuzzy_rank(const FuzzyQuery& query, const std::vector<std::vector<std::string>>& candidates) {
  std::vector<FuzzyRanked> out;
  for (size_t i = 0; i < candidates.size(); ++i) {
    std::optional<int> best;
    for (const std::string& text : candidates[i])
      if (auto s = query.score(text); s && (!best || *s > *best)) best = s;
    if (best) out.push_back({i, *best});
  }
  std::stable_sort(out.begin(), out.end(), [](const FuzzyRanked& a, const FuzzyRanked& b) { return a.score > b.score; });
  return out;
}

}  // namespace goldspan
