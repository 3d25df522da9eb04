#pragma once
// Agreement on what hangs off matched spans: relations (claimant, cue, ...) as F1 over matched
// ends, and span attributes (a claim's stance, ...) over matched pairs. Pure functions; no I/O.
//
// Both take the span pairing of spans.hpp (match_spans), so "matched" means the same as for
// the span metrics: exact edges, or the one-to-one maximum overlap matching.
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "agree/coding.hpp"
#include "agree/spans.hpp"

namespace goldspan {

// A relation of one annotator: its type and its ends as indices into that annotator's spans.
struct AgreeRelation {
  std::string type;
  size_t source = 0, target = 0;
};

// A relation of a matches one of b when the types are equal and both ends are paired with
// that relation's ends by `pairs` (index into a spans, index into b spans). Relations are
// unique per (type, source, target) in a file, so the matching is one-to-one by construction.
// Result: micro counts and per relation type, P/R/F1 as for spans (a is the reference).
SpanAgreement relation_agreement(const std::vector<AgreeRelation>& a, const std::vector<AgreeRelation>& b,
                                 const std::vector<std::pair<size_t, size_t>>& pairs);

// A span's attribute values, by attribute name.
using AttributeValues = std::map<std::string, std::string>;

// Per attribute name: over the matched pairs where either side sets it (an unset value is the
// category "(unset)"), the proportion of equal values and Cohen's kappa.
struct AttributeAgreement {
  size_t pairs = 0, equal = 0;
  Kappa kappa;
};
std::map<std::string, AttributeAgreement> attribute_agreement(const std::vector<AttributeValues>& a,
                                                              const std::vector<AttributeValues>& b,
                                                              const std::vector<std::pair<size_t, size_t>>& pairs);

// The same as counts that add up over documents read one at a time: per attribute name, how
// many pairs had each (value of a, value of b). Kappa needs only this table, so a sum over
// documents gives exactly the figures of one call over them all.
using AttributeCounts = std::map<std::string, std::map<std::pair<std::string, std::string>, size_t>>;
void add_attribute_counts(AttributeCounts& counts, const std::vector<AttributeValues>& a,
                          const std::vector<AttributeValues>& b, const std::vector<std::pair<size_t, size_t>>& pairs);
std::map<std::string, AttributeAgreement> attribute_agreement(const AttributeCounts& counts);

}  // namespace goldspan
