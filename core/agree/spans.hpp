#pragma once
// Agreement between two annotators' span sets: precision, recall and F1 with exact or overlap
// matching, micro and macro over labels, and a label confusion matrix. Pure functions; no I/O.
//
// The first set (a) is read as the reference: precision = matched / |b|, recall =
// matched / |a|. Swapping the sets swaps P and R; F1 = 2 matched / (|a| + |b|) is symmetric.
// Undefined values (0/0: precision with |b| = 0, recall with |a| = 0, F1 with no spans at
// all) are NaN, shown as "n/a": two annotators who marked nothing have not agreed on anything.
//
// Overlap pairing (docs/agreement.md): spans of one document overlap when they share at least
// one code point. Pairs are one-to-one and the matching is maximum: as many pairs as possible.
// Among the maximum matchings the one chosen prefers, in order, the same label, identical
// edges, then the larger overlap (a greedy seed in that order, then augmenting paths, which
// re-pair a seeded span only when that is the only way to match one more).
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace goldspan {

// One span as the agreement functions see it: a document, a label and code point edges
// [start, end) (a discontinuous span is taken as its extent).
struct AgreeSpan {
  std::string doc;
  std::string label;
  uint32_t start = 0, end = 0;
};

enum class SpanMatch { Exact, Overlap };

struct SpanCounts {
  size_t reference = 0;  // |a|
  size_t candidate = 0;  // |b|
  size_t matched = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

struct SpanAgreement {
  SpanCounts micro;                         // all labels pooled
  std::map<std::string, SpanCounts> per_label;  // every label either set uses
  // Means over per_label; a label one annotator never used has precision or recall 0/0, which
  // counts as 0 here (that annotator missed the label entirely). NaN when there is no label.
  double macro_precision = 0, macro_recall = 0, macro_f1 = 0;
};

// Pairs (index into a, index into b), ordered by a. Exact: same document, label and edges
// (duplicates pair one-to-one). Overlap: see above; `same_label` requires equal labels.
std::vector<std::pair<size_t, size_t>> match_spans(const std::vector<AgreeSpan>& a, const std::vector<AgreeSpan>& b,
                                                   SpanMatch mode, bool same_label);

// Matches with equal labels required (a label is part of being right).
SpanAgreement span_agreement(const std::vector<AgreeSpan>& a, const std::vector<AgreeSpan>& b, SpanMatch mode);

// Micro and macro figures from per label counts (for other things scored like spans).
SpanAgreement agreement_of_counts(std::map<std::string, SpanCounts> per_label);

// The same, one result per document id occurring in either set.
std::map<std::string, SpanAgreement> span_agreement_by_document(const std::vector<AgreeSpan>& a,
                                                                const std::vector<AgreeSpan>& b, SpanMatch mode);

// Labels of spans paired by overlap regardless of label: counts[i][j] = spans labelled
// labels[i] by a and labels[j] by b. Unpaired spans are counted in only_a / only_b per label.
struct LabelConfusion {
  std::vector<std::string> labels;  // sorted, every label either set uses
  std::vector<std::vector<size_t>> counts;
  std::vector<size_t> only_a, only_b;
};
LabelConfusion label_confusion(const std::vector<AgreeSpan>& a, const std::vector<AgreeSpan>& b);

}  // namespace goldspan
