// Partial agreement counts: counts of disjoint parts merged give the figures of the whole, and
// the figures derived from counts equal the coefficients of coding.hpp computed directly.
#include <catch2/catch.hpp>

#include <cmath>
#include <nlohmann/json.hpp>

#include "agree/partial.hpp"
#include "error.hpp"

using namespace goldspan;

namespace {

using Label = std::optional<std::string>;
const Label kNo = std::nullopt;

// Three coders, some tokens not coded by some (their file lacks the document).
LabelMatrix sample_tokens() {
  return {{"PER", "PER", "PER"}, {"O", "O", "LOC"}, {"LOC", "ORG", "LOC"}, {"O", "O", "O"},
          {"ORG", kNo, "ORG"},   {"PER", "O", kNo}, {"O", "PER", "PER"},   {kNo, kNo, "LOC"},
          {"LOC", "LOC", "LOC"}, {"O", "O", "O"},   {"ORG", "ORG", "PER"}, {"PER", kNo, "O"}};
}

void same(double x, double y) {
  if (std::isnan(x)) CHECK(std::isnan(y));
  else CHECK(y == Approx(x).margin(1e-12));
}

void same(const Kappa& x, const Kappa& y) {
  same(x.value, y.value);
  same(x.observed, y.observed);
  same(x.expected, y.expected);
}

// The old direct path: codes, then coding.hpp's coefficients.
TokenAgreement direct(const LabelMatrix& m) {
  const std::vector<std::string> cats = {"LOC", "O", "ORG", "PER"};
  auto code = [&](const Label& l) { return l ? int(std::find(cats.begin(), cats.end(), *l) - cats.begin()) : -1; };
  TokenAgreement r;
  r.cohen.assign(3, std::vector<Kappa>(3));
  for (size_t i = 0; i < 3; ++i)
    for (size_t j = i + 1; j < 3; ++j) {
      std::vector<int> a, b;
      for (const auto& u : m) a.push_back(code(u[i])), b.push_back(code(u[j]));
      r.cohen[i][j] = cohen_kappa(rater_table(a, b, cats.size()));
    }
  std::vector<std::vector<int>> complete;
  CodingMatrix cm;
  for (const auto& u : m) {
    std::vector<int> c;
    cm.emplace_back();
    for (const Label& l : u) {
      c.push_back(code(l));
      cm.back().push_back(l ? std::optional<double>(code(l)) : std::nullopt);
    }
    if (std::find(c.begin(), c.end(), -1) == c.end()) complete.push_back(c);
  }
  r.fleiss = fleiss_kappa(category_counts(complete, cats.size())).kappa;
  r.alpha = krippendorff_alpha(cm, AlphaMetric::Nominal);
  return r;
}

}  // namespace

TEST_CASE("partial: token figures from counts equal the coefficients computed directly", "[agree][partial]") {
  const LabelMatrix m = sample_tokens();
  const TokenAgreement got = token_agreement(token_counts(m, 3)), want = direct(m);
  CHECK(got.units == 12);
  CHECK(got.categories == std::vector<std::string>{"LOC", "O", "ORG", "PER"});
  for (size_t i = 0; i < 3; ++i)
    for (size_t j = i + 1; j < 3; ++j) same(want.cohen[i][j], got.cohen[i][j]);
  same(want.fleiss, got.fleiss);
  same(want.alpha.value, got.alpha.value);
  same(want.alpha.observed, got.alpha.observed);
  same(want.alpha.pairable, got.alpha.pairable);
  CHECK(got.fleiss.value > 0);  // a real, non-trivial case
  CHECK(got.alpha.value < 1);
}

TEST_CASE("partial: token counts of three parts merged give the whole's figures", "[agree][partial]") {
  const LabelMatrix m = sample_tokens();
  AgreeCounts sum;
  sum.annotators = {"a", "b", "c"};
  sum.pairs.resize(3);
  sum.tokens.coders = 3;
  for (size_t from : {0, 5, 9}) {
    const size_t to = from == 0 ? 5 : from == 5 ? 9 : m.size();
    AgreeCounts part = sum;
    part.pairs.assign(3, {});
    part.tokens = token_counts(LabelMatrix(m.begin() + from, m.begin() + to), 3);
    if (from == 0) sum = part;
    else merge_into(sum, part, "part");
  }
  const TokenAgreement got = token_agreement(sum.tokens), want = token_agreement(token_counts(m, 3));
  CHECK(got.units == want.units);
  CHECK(got.categories == want.categories);
  for (size_t i = 0; i < 3; ++i)
    for (size_t j = i + 1; j < 3; ++j) same(want.cohen[i][j], got.cohen[i][j]);
  same(want.fleiss, got.fleiss);
  same(want.alpha.value, got.alpha.value);
  same(want.alpha.expected, got.alpha.expected);
}

TEST_CASE("partial: span counts per document merged equal the counts of both", "[agree][partial]") {
  const std::vector<AgreeSpan> a = {{"d1", "PER", 0, 5}, {"d1", "LOC", 10, 15}, {"d2", "ORG", 0, 8}, {"d2", "PER", 20, 25}},
                               b = {{"d1", "PER", 0, 5}, {"d1", "ORG", 11, 15}, {"d2", "ORG", 0, 9}, {"d2", "LOC", 30, 34}};
  auto doc = [](const std::vector<AgreeSpan>& s, const std::string& d) {
    std::vector<AgreeSpan> out;
    for (const AgreeSpan& x : s)
      if (x.doc == d) out.push_back(x);
    return out;
  };
  AgreeCounts whole{{"a", "b"}, {pair_counts(a, b)}, {}, {}};
  AgreeCounts sum{{"a", "b"}, {pair_counts(doc(a, "d1"), doc(b, "d1"))}, {}, {}};
  merge_into(sum, AgreeCounts{{"a", "b"}, {pair_counts(doc(a, "d2"), doc(b, "d2"))}, {}, {}}, "d2");
  CHECK(to_json(sum) == to_json(whole));
  const SpanAgreement exact = agreement_of_counts(sum.pairs[0].exact);
  CHECK(exact.micro.matched == 1);  // only d1's PER has identical edges
  CHECK(agreement_of_counts(sum.pairs[0].overlap).micro.matched == 2);  // and d2's ORG overlaps
  const LabelConfusion c = label_confusion(sum.pairs[0]);
  CHECK(c.labels == std::vector<std::string>{"LOC", "ORG", "PER"});
  CHECK(c.counts[0][1] == 1);  // LOC of a paired with ORG of b
  CHECK(c.only_a[2] == 1);     // d2's PER of a
  CHECK(c.only_b[0] == 1);     // d2's LOC of b
}

TEST_CASE("partial: JSON round-trips exactly and bad input names the file and the place", "[agree][partial]") {
  AgreeCounts c{{"ana", "bo", "cy"}, {}, token_counts(sample_tokens(), 3), {{"clusters", "second pass"}}};
  c.pairs.resize(3);
  c.pairs[1] = pair_counts({{"d", "PER", 0, 3}}, {{"d", "PER", 0, 3}, {"d", "LOC", 5, 7}});
  const std::string text = to_json(c).dump();
  const AgreeCounts back = agree_counts_from_json(nlohmann::json::parse(text), "p.json");
  CHECK(to_json(back).dump() == text);
  CHECK(token_agreement(back.tokens).alpha.value == token_agreement(c.tokens).alpha.value);  // bit-exact

  nlohmann::json bad = nlohmann::json::parse(text);
  bad["version"] = 99;
  CHECK_THROWS_WITH(agree_counts_from_json(bad, "p.json"), Catch::Contains("p.json") && Catch::Contains("version"));
  bad = nlohmann::json::parse(text);
  bad["pairs"][1]["exact"]["PER"] = {1, 2};
  CHECK_THROWS_WITH(agree_counts_from_json(bad, "p.json"), Catch::Contains("$.pairs[1].exact.PER"));
  AgreeCounts other = c;
  other.annotators[2] = "dee";
  CHECK_THROWS_WITH(merge_into(c, other, "q.json"), Catch::Contains("q.json") && Catch::Contains("annotators"));
}
