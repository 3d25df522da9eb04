#pragma once
// Fuzzy matching for finders (the app's cluster finder): the query's characters must appear in
// the text in order (a subsequence), after full Unicode case folding of both. Among all ways to
// align them, the score is the best one's: every matched character counts, more at the start of
// a word (and most at the text's start) and in runs of consecutive characters, less after a gap.
// So "akay" scores "Askar Akayev" (a word start and a run) far above "Kyrgyz Bank Ayu" (spread).
//
//   FuzzyQuery q("akay");
//   if (auto s = q.score("Askar Akayev")) ...;      // nullopt: not a subsequence
//   auto ranked = fuzzy_rank(q, candidates);         // best first, only matches
//
// Whitespace in the query is ignored (a query "askar ak" still matches "Askar Akayev").
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace goldspan {

class FuzzyQuery {
 public:
  explicit FuzzyQuery(std::string_view query);
  bool empty() const noexcept { return query_.empty(); }
  // The best alignment's score; nullopt when the query is not a subsequence of the text.
  // An empty query matches every text with score 0.
  std::optional<int> score(std::string_view text) const;

 private:
  std::u32string query_;  // folded, without whitespace
};

struct FuzzyRanked {
  size_t index = 0;  // into the candidates
  int score = 0;
};

// Each candidate is several texts (a cluster: its name and its members' texts); it scores its
// best text. Matching candidates only, best first; ties keep the candidates' order.
std::vector<FuzzyRanked> fuzzy_rank(const FuzzyQuery& query, const std::vector<std::vector<std::string>>& candidates);

}  // namespace goldspan
