#pragma once
// Agreement coefficients for coding data: several coders each put units into categories.
// Pure functions over plain tables; no I/O.
//
// Undefined values are NaN, never a guess: a coefficient whose chance agreement is 1 (every
// coder used one and the same category throughout) is 0/0, and so is one over no data.
// Formulas: Cohen (1960), Scott (1955), Bennett, Alpert & Goldstein (1954), Fleiss (1971), as
// collected in Artstein & Poesio (2008); Krippendorff's alpha as in Krippendorff (2011),
// "Computing Krippendorff's Alpha-Reliability" (coincidence matrix form). See docs/agreement.md.
#include <cstddef>
#include <optional>
#include <vector>

namespace goldspan {

// A square contingency table of two raters: rows = rater 1's category, columns = rater 2's,
// both in the same category order; cells are counts (or weights) of units.
using RaterTable = std::vector<std::vector<double>>;

// observed = proportion of agreement, expected = agreement by chance, value = the chance
// corrected coefficient (observed - expected) / (1 - expected).
struct Kappa {
  double observed = 0, expected = 0, value = 0;
};

Kappa cohen_kappa(const RaterTable& table);  // chance from each rater's own marginals
Kappa scott_pi(const RaterTable& table);     // chance from the pooled marginals
Kappa bennett_s(const RaterTable& table);    // chance 1/q for the table's q categories

// Builds a RaterTable from two parallel sequences of category codes in [0, categories);
// positions where either code is negative (missing) are skipped.
RaterTable rater_table(const std::vector<int>& a, const std::vector<int>& b, size_t categories);

// Fleiss' kappa from subjects x categories counts (how many raters put subject i in category
// j). Subjects with fewer than two ratings are skipped. Fleiss (1971) assumes the same number of
// raters for every subject; with unequal numbers each subject's agreement uses its own count
// and the category proportions are pooled over all ratings.
struct FleissKappa {
  Kappa kappa;
  std::vector<double> subject_agreement;  // P_i per subject (NaN when skipped)
};
FleissKappa fleiss_kappa(const std::vector<std::vector<double>>& counts);

// Fleiss' kappa from the sums it is made of (they add over disjoint sets of subjects, which is
// how shards merge): the sum of P_i over the `subjects` counted, and the ratings per category.
Kappa fleiss_of_sums(double agreement_sum, size_t subjects, const std::vector<double>& per_category);

// Counts per subject from a units x coders matrix of category codes in [0, categories)
// (negative = missing), for fleiss_kappa.
std::vector<std::vector<double>> category_counts(const std::vector<std::vector<int>>& codes, size_t categories);

// Krippendorff's alpha over a units x coders matrix; nullopt = the coder did not code the
// unit. Units with fewer than two values cannot be paired and are left out, as Krippendorff
// prescribes. Values are category codes (nominal: only equality counts) or numbers (ordinal:
// ranks of the values that occur; interval; ratio).
enum class AlphaMetric { Nominal, Ordinal, Interval, Ratio };
using CodingMatrix = std::vector<std::vector<std::optional<double>>>;

struct Alpha {
  double observed = 0;  // D_o, observed disagreement
  double expected = 0;  // D_e, disagreement expected by chance
  double value = 0;     // 1 - D_o / D_e; NaN when D_e is 0 (no variation) or no value is pairable
  double pairable = 0;  // n, the number of pairable values
};
Alpha krippendorff_alpha(const CodingMatrix& units, AlphaMetric metric);

// Alpha from its coincidence matrix o[c][k] over the sorted distinct `values` (o sums over
// units, so the matrices of disjoint sets of units add up to the one of their union).
Alpha alpha_of_coincidences(const std::vector<std::vector<double>>& o, const std::vector<double>& values,
                            AlphaMetric metric);

}  // namespace goldspan
