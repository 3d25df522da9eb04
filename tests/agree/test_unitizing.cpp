// Krippendorff's unitizing alpha: the published two-coder example and cases computed by hand.
#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>

#include "agree/unitizing.hpp"

using namespace goldspan;

namespace {

// Rounds to 4 decimals, as Krippendorff prints his intermediate values.
double round4(double x) { return std::round(x * 10000) / 10000; }

// Krippendorff, Content Analysis, 2nd ed. (2004), p. 254: two coders, i and j, unitize the
// continuum [150, 450) into units of the categories c and k. Data transcribed from the example
// as DKPro Statistics' test of it lists them (dkpro-statistics-agreement, unitizing/
// Krippendorff2004Test.java, createExample: begin 150, length 300, addUnit(begin, length, coder,
// category)); here shifted by -150 to start at 0, which changes no distance.
std::vector<std::vector<UnitizingUnit>> krippendorff_2004() {
  auto unit = [](const char* label, uint64_t begin, uint64_t length) {
    return UnitizingUnit{label, begin - 150, begin - 150 + length};
  };
  return {{unit("c", 225, 70), unit("c", 370, 30), unit("k", 180, 60), unit("k", 300, 50)},
          {unit("c", 220, 80), unit("c", 355, 20), unit("c", 400, 20), unit("k", 180, 60), unit("k", 300, 50)}};
}

}  // namespace

TEST_CASE("unitizing: Krippendorff (2004, p. 254) two-coder example", "[agree][unitizing]") {
  const UnitizingAgreement r = unitizing_agreement(300, krippendorff_2004());
  REQUIRE(r.per_label.size() == 2);
  const UnitizingAlpha& c = r.per_label.at("c");
  const UnitizingAlpha& k = r.per_label.at("k");
  // The figures published with the example (4 decimals, so within half a unit of the last).
  CHECK(c.observed == Approx(0.0144).margin(0.00005));
  CHECK(c.expected == Approx(0.0532).margin(0.00005));
  CHECK(c.value == Approx(0.7286).margin(0.00005));
  CHECK(k.observed == 0);
  CHECK(k.expected == Approx(0.0490).margin(0.00005));
  CHECK(k.value == 1);
  CHECK(c.units == 5);
  CHECK(k.units == 4);
  // alpha_U = .8591 is 1 - .0144 / (.0532 + .0490), from the rounded disagreements; the same
  // rounding of ours gives it to the fourth decimal.
  CHECK(1 - round4(r.overall.observed) / (round4(c.expected) + round4(k.expected)) == Approx(0.8591).margin(0.00005));
  // Unrounded, alpha_U is .85867 (hand computation below), .0004 from the published .8591: within
  // the published tolerance of the rounded intermediates (DKPro's test allows .0005).
  CHECK(r.overall.value == Approx(0.8591).margin(0.0005));
  // By hand from the formulas (docs/agreement.md), L = 300, m = 2:
  // c: delta^2 = 50 ([225,295) vs [220,300): 5^2 + 5^2) + 850 ([370,400) vs [355,375): 15^2 + 25^2)
  //    + 400 (j's [400,420) inside i's gap [400,450)) = 1300 per ordered pair of coders, so
  //    D_o = 2 * 1300 / (2 * 1 * 300^2) = 2600 / 180000.
  //    D_e: n = 5 units (70, 30, 80, 20, 20), gaps 75 75 50 | 70 55 25 30;
  //    sum of 4/3 l(l-1)(2l-1) = 2342960, sum of l^2 sum_{gap >= l} (gap - l + 1) = 424200;
  //    D_e = (2/300) * 2767160 / (600 * 599 - 12780).
  // k: identical units 60, 50 twice: D_o = 0; D_e = (2/300) * 2552420 / (600 * 599 - 11980).
  const double de_c = 2.0 / 300 * 2767160 / (600.0 * 599 - 12780), de_k = 2.0 / 300 * 2552420 / (600.0 * 599 - 11980);
  CHECK(c.observed == Approx(2600.0 / 180000));
  CHECK(c.expected == Approx(de_c));
  CHECK(k.expected == Approx(de_k));
  CHECK(r.overall.observed == Approx(2600.0 / 180000));
  CHECK(r.overall.expected == Approx(de_c + de_k));
  CHECK(r.overall.value == Approx(1 - (2600.0 / 180000) / (de_c + de_k)));
  CHECK(r.overall.value == Approx(0.85867).margin(0.000005));
  CHECK(r.length == 300);
  CHECK(r.coders == 2);
}

TEST_CASE("unitizing: a hand-computed case, two and three coders", "[agree][unitizing]") {
  // L = 10, one label. A: [2,6); B: [3,6).
  // Segments A: gap 2, unit 4, gap 4; B: gap 3, unit 3, gap 4.
  // D_o: the units overlap, (2-3)^2 + (6-6)^2 = 1, nothing lies in a gap; 2 * 1 / (2 * 1 * 10^2) = .01.
  // D_e: n = 2; gaps 2 3 4 4.
  //   l = 4: (1/3) 4*3*7 = 28, plus 16 * (gaps >= 4: 1 + 1) = 32 -> 60
  //   l = 3: (1/3) 3*2*5 = 10, plus 9 * (gaps >= 3: 1 + 2 + 2) = 45 -> 55
  //   D_e = (2/10) * 115 / (2*10*19 - (12 + 6)) = 23 / 362.
  // alpha = 1 - .01 * 362 / 23 = 19.38 / 23.
  const UnitizingAlpha two = unitizing_alpha(10, {{{2, 6}}, {{3, 6}}});
  CHECK(two.observed == Approx(0.01));
  CHECK(two.expected == Approx(23.0 / 362));
  CHECK(two.value == Approx(19.38 / 23));
  CHECK(two.units == 2);

  // Three coders A = B = [2,6), C = [3,6): ordered pairs (A,C), (C,A), (B,C), (C,B) differ by 1
  // each: D_o = 4 / (3*2*100). D_e: n = 3, gaps 2 2 3 4 4 4;
  //   l = 4 (twice): (2/3) 84 = 56, plus 16 * 3 = 48 -> 104 each; l = 3: (2/3) 30 = 20, plus
  //   9 * (1 + 2 + 2 + 2) = 63 -> 83; D_e = (2/10) * 291 / (3*10*29 - 30) = 58.2 / 840.
  const UnitizingAlpha three = unitizing_alpha(10, {{{2, 6}}, {{2, 6}}, {{3, 6}}});
  CHECK(three.observed == Approx(4.0 / 600));
  CHECK(three.expected == Approx(58.2 / 840));
  CHECK(three.value == Approx(1 - (4.0 / 600) / (58.2 / 840)));
  // The coders' order does not matter.
  CHECK(unitizing_alpha(10, {{{3, 6}}, {{2, 6}}, {{2, 6}}}).value == Approx(three.value));
}

TEST_CASE("unitizing: identical annotations agree fully", "[agree][unitizing]") {
  const std::vector<UnitizingUnit> units = {{"PER", 0, 4}, {"PER", 10, 12}, {"LOC", 20, 25}, {"PER", 30, 40}};
  const UnitizingAgreement r = unitizing_agreement(50, {units, units, units});
  CHECK(r.overall.value == 1);
  CHECK(r.overall.observed == 0);
  CHECK(r.overall.expected > 0);
  CHECK(r.per_label.at("PER").value == 1);
  CHECK(r.per_label.at("LOC").value == 1);
  // One unit covering the whole continuum for both: no gaps, still defined.
  CHECK(unitizing_alpha(8, {{{0, 8}}, {{0, 8}}}).value == 1);
}

TEST_CASE("unitizing: one coder empty", "[agree][unitizing]") {
  // L = 10, A: [2,5), B: nothing. D_o: A's unit lies in B's gap [0,10): 3^2 = 9 per ordered
  // pair, 2 * 9 / (2 * 100) = .09. D_e: n = 1, so no unit-unit term; gaps 2 5 | 10, those
  // >= 3: (5-3+1) + (10-3+1) = 11, times 9 = 99; D_e = (2/10) * 99 / (2*10*19 - 3*2) = 19.8 / 374.
  // alpha = 1 - .09 * 374 / 19.8 = 1 - 1.7 = -.7: worse than chance.
  const UnitizingAlpha r = unitizing_alpha(10, {{{2, 5}}, {}});
  CHECK(r.observed == Approx(0.09));
  CHECK(r.expected == Approx(19.8 / 374));
  CHECK(r.value == Approx(-0.7));
  CHECK(unitizing_alpha(10, {{}, {{2, 5}}}).value == Approx(-0.7));
}

TEST_CASE("unitizing: no units at all is undefined, never 1", "[agree][unitizing]") {
  const UnitizingAlpha none = unitizing_alpha(10, {{}, {}});
  CHECK(none.observed == 0);
  CHECK(none.expected == 0);
  CHECK(std::isnan(none.value));
  CHECK(none.units == 0);
  const UnitizingAgreement all = unitizing_agreement(10, {{}, {}});
  CHECK(all.per_label.empty());
  CHECK(std::isnan(all.overall.value));
  // Fewer than two coders, or an empty continuum: nothing to compare.
  CHECK(std::isnan(unitizing_alpha(10, {{{2, 5}}}).value));
  CHECK(std::isnan(unitizing_alpha(0, {{}, {}}).value));
  CHECK(std::isnan(unitizing_agreement(std::vector<UnitizingDocument>{}).overall.value));
}

TEST_CASE("unitizing: a label absent for one coder", "[agree][unitizing]") {
  // X identical, Y only by the first coder: Y is the one-coder-empty case of its own continuum;
  // overall pools both labels' disagreements.
  const UnitizingAgreement r = unitizing_agreement(10, {{{"X", 7, 9}, {"Y", 2, 5}}, {{"X", 7, 9}}});
  REQUIRE(r.per_label.size() == 2);
  const UnitizingAlpha x = unitizing_alpha(10, {{{7, 9}}, {{7, 9}}});
  const UnitizingAlpha y = unitizing_alpha(10, {{{2, 5}}, {}});
  CHECK(r.per_label.at("X").value == 1);
  CHECK(r.per_label.at("Y").value == Approx(-0.7));
  CHECK(r.overall.observed == Approx(x.observed + y.observed));
  CHECK(r.overall.expected == Approx(x.expected + y.expected));
  CHECK(r.overall.value == Approx(1 - y.observed / (x.expected + y.expected)));
  CHECK(r.overall.value > y.value);
  CHECK(r.overall.value < 1);
}

TEST_CASE("unitizing: overlapping units of one label by one coder are merged, touching ones are not", "[agree][unitizing]") {
  const UnitizingAlpha merged = unitizing_alpha(20, {{{0, 5}}, {{1, 6}}});
  // Nested and overlapping: [0,5) with [2,4) inside it is [0,5); [0,3) with [2,5) is [0,5).
  const UnitizingAlpha nested = unitizing_alpha(20, {{{2, 4}, {0, 5}}, {{1, 6}}});
  const UnitizingAlpha overlapping = unitizing_alpha(20, {{{0, 3}, {2, 5}, {0, 3}}, {{1, 6}}});
  CHECK(nested.units == 2);
  CHECK(nested.observed == Approx(merged.observed));
  CHECK(nested.value == Approx(merged.value));
  CHECK(overlapping.value == Approx(merged.value));
  // Touching units stay two: [0,3) [3,5) against [0,5) disagree ((0-0)^2 + (3-5)^2 = 4 and
  // (3-0)^2 + (5-5)^2 = 9), while [0,5) against [0,5) would not.
  const UnitizingAlpha touching = unitizing_alpha(20, {{{0, 3}, {3, 5}}, {{0, 5}}});
  CHECK(touching.units == 3);
  CHECK(touching.observed == Approx(2 * 13.0 / (2 * 400)));
  // A unit of no code point marks nothing.
  CHECK(unitizing_alpha(20, {{{0, 5}, {9, 9}}, {{1, 6}}}).value == Approx(merged.value));
}

TEST_CASE("unitizing: documents are concatenated into one continuum", "[agree][unitizing]") {
  // Two documents of 6 and 4 code points; the gap after A's unit in d1 runs on into d2.
  const std::vector<UnitizingDocument> docs = {
      {"d1", 6, {{{"X", 1, 3}}, {{"X", 1, 4}}}},
      {"d2", 4, {{{"X", 2, 4}}, {}}},
  };
  const UnitizingAgreement corpus = unitizing_agreement(docs);
  const UnitizingAgreement flat = unitizing_agreement(10, {{{"X", 1, 3}, {"X", 8, 10}}, {{"X", 1, 4}}});
  CHECK(corpus.length == 10);
  CHECK(corpus.overall.value == Approx(flat.overall.value));
  CHECK(corpus.overall.expected == Approx(flat.overall.expected));
  // One document only is the same as that document's own continuum.
  const UnitizingAgreement one = unitizing_agreement(std::vector<UnitizingDocument>{docs[0]});
  CHECK(one.length == 6);
  CHECK(one.overall.value == Approx(unitizing_alpha(6, {{{1, 3}}, {{1, 4}}}).value));
  CHECK(one.overall.value != Approx(corpus.overall.value));
}

TEST_CASE("unitizing: units outside the continuum are refused, naming the document", "[agree][unitizing]") {
  CHECK_THROWS_AS(unitizing_alpha(10, {{{2, 11}}, {}}), std::invalid_argument);
  CHECK_THROWS_AS(unitizing_alpha(10, {{{5, 4}}, {}}), std::invalid_argument);
  const std::vector<UnitizingDocument> docs = {{"d1", 6, {{{"X", 1, 3}}, {}}}, {"d2", 4, {{{"X", 2, 5}}, {}}}};
  CHECK_THROWS_WITH(unitizing_agreement(docs), Catch::Contains("document 'd2'") && Catch::Contains("[2, 5)"));
  const std::vector<UnitizingDocument> uneven = {{"d1", 6, {{}, {}}}, {"d2", 4, {{}, {}, {}}}};
  CHECK_THROWS_WITH(unitizing_agreement(uneven), Catch::Contains("document 'd2'"));
}
