// Relations as F1 over matched ends, and attribute agreement over matched spans, by hand.
#include <catch2/catch.hpp>

#include <cmath>

#include "agree/relations.hpp"

using namespace goldspan;

TEST_CASE("relations: matched when the type is equal and both ends are paired", "[agree][relations]") {
  // A: claim [0,20) with claimant "Ana" [0,3) and cue [4,8). B: the same claim ending at 19,
  // spans in another order.
  const std::vector<AgreeSpan> sa = {{"d", "CLAIM", 0, 20}, {"d", "PERSON", 0, 3}, {"d", "CUE", 4, 8}};
  const std::vector<AgreeSpan> sb = {{"d", "PERSON", 0, 3}, {"d", "CLAIM", 0, 19}, {"d", "CUE", 4, 8}};
  const std::vector<AgreeRelation> ra = {{"claimant", 0, 1}, {"cue", 0, 2}};
  const std::vector<AgreeRelation> rb = {{"claimant", 1, 0}, {"cue", 1, 2}};
  const auto overlap = match_spans(sa, sb, SpanMatch::Overlap, true);
  const SpanAgreement r = relation_agreement(ra, rb, overlap);
  CHECK(r.micro.matched == 2);
  CHECK(r.micro.f1() == 1);
  CHECK(r.per_label.at("cue").f1() == 1);
  // With exact pairing the claims are not paired, so neither relation has both ends matched.
  CHECK(relation_agreement(ra, rb, match_spans(sa, sb, SpanMatch::Exact, true)).micro.f1() == 0);
  // Same ends, another type: no match; claimant F1 = 0 (A 1, B 0), cue 1, micro 2*1/(2+2).
  const SpanAgreement t = relation_agreement(ra, {{"cue", 1, 0}, {"cue", 1, 2}}, overlap);
  CHECK(t.micro.matched == 1);
  CHECK(t.micro.f1() == Approx(0.5));
  CHECK(t.per_label.at("claimant").f1() == 0);
  CHECK(std::isnan(t.per_label.at("claimant").precision()));
  // No relations anywhere: undefined, not 1.
  CHECK(std::isnan(relation_agreement({}, {}, overlap).micro.f1()));
}

TEST_CASE("relations: attribute agreement over matched pairs", "[agree][relations]") {
  // Stance of five matched claim pairs (A, B): (asserted, asserted), (denied, denied),
  // (asserted, hedged), (unset, asserted), (unset, unset). The last sets nothing and is left
  // out: 4 pairs, 2 equal. Categories (unset) asserted denied hedged:
  // A marginals (1, 2, 1, 0), B (0, 2, 1, 1): pe = (2*2 + 1*1)/16 = 5/16;
  // kappa = (8/16 - 5/16)/(11/16) = 3/11.
  const std::vector<AttributeValues> a = {{{"stance", "asserted"}}, {{"stance", "denied"}}, {{"stance", "asserted"}}, {}, {}};
  const std::vector<AttributeValues> b = {{{"stance", "asserted"}}, {{"stance", "denied"}}, {{"stance", "hedged"}},
                                          {{"stance", "asserted"}, {"check_worthy", "yes"}}, {}};
  const auto r = attribute_agreement(a, b, {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}});
  REQUIRE(r.count("stance"));
  CHECK(r.at("stance").pairs == 4);
  CHECK(r.at("stance").equal == 2);
  CHECK(r.at("stance").kappa.value == Approx(3.0 / 11));
  // check_worthy: one pair, set by B only: 0 equal; observed and chance agreement 0: kappa 0.
  CHECK(r.at("check_worthy").pairs == 1);
  CHECK(r.at("check_worthy").equal == 0);
  CHECK(r.at("check_worthy").kappa.value == Approx(0));
  // Identical attributes agree fully; no pairs, no attributes.
  CHECK(attribute_agreement(a, a, {{0, 0}, {1, 1}, {2, 2}}).at("stance").kappa.value == Approx(1));
  CHECK(attribute_agreement(a, b, {}).empty());
}
