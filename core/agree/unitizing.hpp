#pragma once
// Krippendorff's unitizing alpha (alpha_U): how well several coders agree on where the units of
// a continuum begin and end, not only on what they are. Pure functions; no I/O.
//
// Definition as in Krippendorff, Content Analysis, 2nd ed. (2004), with its two-coder example
// on p. 254 (alpha_U = .8591; tests/agree/test_unitizing.cpp), after Krippendorff (1995), "On the
// reliability of unitizing continuous data", Sociological Methodology 25:47-76. For each label c,
// every coder's continuum [0, L) is cut into its units of c and the gaps between them;
// D_o(c) sums squared edge differences of overlapping units, and the squared length of a unit
// lying in another coder's gap; D_e(c) is the same over every placement of the units and gaps
// the coders made. alpha(c) = 1 - D_o(c) / D_e(c). Overall (all labels): 1 - sum_c D_o(c) /
// sum_c D_e(c), which is how Krippendorff combines his two categories. Formulas in
// docs/agreement.md.
//
// A coder's units of one label must not overlap for the definition to apply, so overlapping or
// nested units of one label by one coder are merged into their union (one unit); units that only
// touch stay two units. A unit of no code point marks nothing and is dropped.
//
// Undefined is NaN, never a guess: a label nobody marked has D_o = D_e = 0 and alpha 0/0; so has
// everything when there are fewer than two coders or the continuum is empty.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace goldspan {

// A stretch [start, end) of a continuum, in code points.
struct Stretch {
  uint64_t start = 0, end = 0;
};

// One coder's unit: a label and its stretch.
struct UnitizingUnit {
  std::string label;
  uint64_t start = 0, end = 0;
};

struct UnitizingAlpha {
  double observed = 0;  // D_o
  double expected = 0;  // D_e
  double value = 0;     // 1 - D_o / D_e; NaN when D_e is 0 or undefined
  size_t units = 0;     // units of every coder, after merging overlaps
};

// alpha_U of one label: coders[i] are coder i's units of it over the continuum [0, length).
// Throws std::invalid_argument for a unit that ends before it starts or past the continuum.
UnitizingAlpha unitizing_alpha(uint64_t length, const std::vector<std::vector<Stretch>>& coders);

struct UnitizingAgreement {
  uint64_t length = 0;  // L, code points of the continuum
  size_t coders = 0;
  UnitizingAlpha overall;  // observed and expected are the sums over labels
  std::map<std::string, UnitizingAlpha> per_label;  // every label some coder used
};
UnitizingAgreement unitizing_agreement(uint64_t length, const std::vector<std::vector<UnitizingUnit>>& coders);

// One document of a corpus: its length in code points and every coder's units in it, in the
// document's own offsets. All documents must have the same number of coders.
struct UnitizingDocument {
  std::string id;  // names the document in errors
  uint64_t length = 0;
  std::vector<std::vector<UnitizingUnit>> coders;
};

// The corpus continuum is the documents concatenated in the given order, so a gap at the end of
// one document and one at the start of the next are one gap. Throws std::invalid_argument
// naming the document for a unit outside it or a different number of coders.
UnitizingAgreement unitizing_agreement(const std::vector<UnitizingDocument>& documents);

// The same continuum built one document at a time, for documents read one by one: what is kept
// is each label's stretches per coder in continuum offsets (16 bytes a unit), not the texts.
// add() in the order of `documents` above gives exactly its result.
class UnitizingContinuum {
 public:
  void add(const UnitizingDocument& document);  // throws as unitizing_agreement(documents)
  UnitizingAgreement agreement() const;
  size_t documents() const noexcept { return documents_; }

 private:
  size_t coders_ = 0, documents_ = 0;
  uint64_t length_ = 0;
  std::map<std::string, std::vector<std::vector<Stretch>>> by_label_;
};

}  // namespace goldspan
