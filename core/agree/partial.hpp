#pragma once
// Partial agreement counts: the sums behind every agreement figure that merges over shards of a
// corpus split by document (docs/shards.md). A run over one shard writes its counts; summing the
// counts of every shard and deriving the figures gives what one run over the whole corpus gives,
// because the single run derives its figures from the same counts (tokens.cpp, cmd_agree.cpp).
//
// What does not merge by summing is not here: unitizing alpha (a gap at the end of one shard and
// at the start of the next is one gap), clusters (a cluster may join documents of different
// shards), attribute kappas (not yet counted). The JSON lists them under "not_merged".
#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "agree/spans.hpp"
#include "agree/tokens.hpp"

namespace goldspan {

inline constexpr int kPartialVersion = 1;

using LabelPair = std::pair<std::string, std::string>;

// The token counts of token_agreement: per pair of coders their contingency table, Fleiss' sums
// over the units every coder coded, the nominal coincidence matrix over pairable units.
struct TokenCounts {
  size_t coders = 0, units = 0;
  std::map<std::string, size_t> categories;             // label -> how many values (all units)
  std::map<std::pair<size_t, size_t>, std::map<LabelPair, double>> tables;  // (i, j), i < j
  double fleiss_agreement_sum = 0;                       // sum of P_i
  size_t fleiss_subjects = 0;
  std::map<std::string, double> fleiss_ratings;          // label -> ratings in counted subjects
  std::map<LabelPair, double> coincidences;              // o[c][k], c != k and c == k
};
TokenCounts token_counts(const LabelMatrix& labels, size_t coders);
// Adds the units of `labels` (in order, so sums of doubles come out as in one call over all
// the units) to `counts`, whose `coders` is set.
void add_token_counts(TokenCounts& counts, const LabelMatrix& labels);
TokenAgreement token_agreement(const TokenCounts& counts);

// Spans of one pair of annotators: counts per label for both match modes, the label confusion
// over overlap-paired spans, relations per type (absent when neither has relations).
struct PairCounts {
  std::map<std::string, SpanCounts> exact, overlap, relations;
  bool has_relations = false;
  std::map<LabelPair, size_t> confusion;
  std::map<std::string, size_t> only_a, only_b;
};
PairCounts pair_counts(const std::vector<AgreeSpan>& a, const std::vector<AgreeSpan>& b);
LabelConfusion label_confusion(const PairCounts& counts);
// Adds `b` into `a` (counts of other documents of the same pair).
void add_pair_counts(PairCounts& a, const PairCounts& b);

struct AgreeCounts {
  std::vector<std::string> annotators;  // names, in file order
  std::vector<PairCounts> pairs;        // (0,1), (0,2), ..., (1,2), ...
  TokenCounts tokens;
  std::map<std::string, std::string> not_merged;  // figure -> why it is not in the counts
};

// Adds `b` into `a`. Throws Error naming `where` when the annotators differ.
void merge_into(AgreeCounts& a, const AgreeCounts& b, const std::string& where);

// Versioned, deterministic JSON (maps sorted, doubles written to round-trip exactly).
nlohmann::ordered_json to_json(const AgreeCounts& c);
// Throws Error naming `file` and the JSON path of what is wrong.
AgreeCounts agree_counts_from_json(const nlohmann::json& j, const std::string& file);

}  // namespace goldspan
