// Token labels (nesting rule) and token-level kappa / alpha, on cases computed by hand.
#include <catch2/catch.hpp>

#include <cmath>

#include "agree/tokens.hpp"

using namespace goldspan;

namespace {

std::vector<Token> tokens_of(std::initializer_list<std::pair<uint32_t, uint32_t>> ranges) {
  std::vector<Token> out;
  for (auto [s, e] : ranges) out.push_back({s, e, TokenKind::Word});
  return out;
}

LabelMatrix columns(const std::vector<std::vector<std::string>>& per_coder) {
  LabelMatrix m(per_coder[0].size(), std::vector<std::optional<std::string>>(per_coder.size()));
  for (size_t c = 0; c < per_coder.size(); ++c)
    for (size_t u = 0; u < per_coder[c].size(); ++u)
      if (per_coder[c][u] != "-") m[u][c] = per_coder[c][u];  // "-": not coded
  return m;
}

}  // namespace

TEST_CASE("tokens: a token takes its outermost span's label, O when none covers it", "[agree][tokens]") {
  // "Bank of Valmora said": [Bank of [Valmora]LOC]ORG
  const auto tokens = tokens_of({{0, 4}, {5, 7}, {8, 15}, {16, 20}});
  const std::vector<AgreeSpan> spans = {{"d", "LOC", 8, 15}, {"d", "ORG", 0, 15}};
  CHECK(token_labels(tokens, spans) == std::vector<std::string>{"ORG", "ORG", "ORG", "O"});
  CHECK(token_labels(tokens, {{"d", "LOC", 8, 15}}) == std::vector<std::string>{"O", "O", "LOC", "O"});
  // A span cutting into a token still labels it (character-mode spans).
  CHECK(token_labels(tokens, {{"d", "X", 6, 9}}) == std::vector<std::string>{"O", "X", "X", "O"});
  // Equal extents: the smaller label wins, whatever the order given.
  CHECK(token_labels(tokens, {{"d", "B", 0, 4}, {"d", "A", 0, 4}})[0] == "A");
  CHECK(token_labels({}, spans).empty());
}

TEST_CASE("tokens: kappa, Fleiss and alpha over token labels", "[agree][tokens]") {
  // Same units as the hand case of test_coding.cpp: (PER,PER) x2, (PER,O), (O,O):
  // Cohen 1/2, Fleiss (= Scott's pi for two coders) 7/15, alpha 8/15.
  const TokenAgreement t = token_agreement(columns({{"PER", "PER", "PER", "O"}, {"PER", "PER", "O", "O"}}), 2);
  CHECK(t.categories == std::vector<std::string>{"O", "PER"});
  CHECK(t.cohen[0][1].value == Approx(0.5));
  CHECK(t.cohen[1][0].value == Approx(0.5));
  CHECK(t.fleiss.value == Approx(7.0 / 15));
  CHECK(t.alpha.value == Approx(8.0 / 15));

  const TokenAgreement same = token_agreement(columns({{"PER", "O", "LOC"}, {"PER", "O", "LOC"}, {"PER", "O", "LOC"}}), 3);
  CHECK(same.cohen[0][2].value == Approx(1));
  CHECK(same.fleiss.value == Approx(1));
  CHECK(same.alpha.value == Approx(1));

  // All O everywhere: nothing varies, every coefficient is undefined.
  const TokenAgreement flat = token_agreement(columns({{"O", "O"}, {"O", "O"}}), 2);
  CHECK(std::isnan(flat.cohen[0][1].value));
  CHECK(std::isnan(flat.alpha.value));
}

TEST_CASE("tokens: a coder missing a document is missing data, not disagreement", "[agree][tokens]") {
  // Coder 2 lacks the last two tokens: Cohen(0,1) uses units 0-1 only, Fleiss the units all
  // three coded, alpha all pairable values.
  const LabelMatrix m = columns({{"A", "B", "A", "B"}, {"A", "B", "-", "-"}, {"A", "B", "A", "A"}});
  const TokenAgreement t = token_agreement(m, 3);
  CHECK(t.cohen[0][1].value == Approx(1));
  CHECK(t.cohen[0][1].observed == Approx(1));
  CHECK(t.fleiss.value == Approx(1));  // units 0 and 1
  // Cohen(0,2): table A/A 2, B/B 1, B/A 1: po 3/4, rows (2,2) cols (3,1): pe 1/2, kappa 1/2.
  CHECK(t.cohen[0][2].value == Approx(0.5));
  // Alpha: units (A,A,A) (B,B,B) (A,A) (B,A): n = 10, n_A = 6, n_B = 4; disagreeing pairs
  // only in the last unit: o_AB + o_BA = 2; Do = 2/10, De = 2*6*4/(10*9) = 48/90,
  // alpha = 1 - (2/10)/(48/90) = 1 - 3/8 = 5/8.
  CHECK(t.alpha.value == Approx(5.0 / 8));
  CHECK(t.alpha.pairable == Approx(10));
}
