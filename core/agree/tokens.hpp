#pragma once
// Token-level agreement: every token of a document gets one label per annotator ("O" when no
// span covers it), and the coding coefficients of coding.hpp run over those labels.
//
// Nested or overlapping spans: a token covered by several of one annotator's spans takes the
// label of the outermost one (the longest; then the earliest start; then the smaller label),
// so "[Bank of [Valmora]LOC]ORG" gives ORG ORG ORG. Inner spans are still scored by the span
// metrics of spans.hpp.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "agree/coding.hpp"
#include "agree/spans.hpp"
#include "text/tokenizer.hpp"  // Token

namespace goldspan {

inline constexpr const char* kOutsideLabel = "O";

// One label per token; a span covers a token when they share a code point. `spans` are the
// spans of one annotator in the document the tokens belong to (their doc field is not read).
std::vector<std::string> token_labels(const std::vector<Token>& tokens, const std::vector<AgreeSpan>& spans);

// labels[unit][coder]: the label the coder gave the unit (a token); nullopt = not coded (the
// coder's file lacks that document).
using LabelMatrix = std::vector<std::vector<std::optional<std::string>>>;

struct TokenAgreement {
  size_t coders = 0, units = 0;
  std::vector<std::string> categories;    // sorted labels that occur
  std::vector<std::vector<Kappa>> cohen;  // [i][j] pairwise over units both coded; [i][i] unused
  Kappa fleiss;                           // over the units every coder coded
  Alpha alpha;                            // nominal; missing data allowed
};
TokenAgreement token_agreement(const LabelMatrix& labels, size_t coders);

}  // namespace goldspan
