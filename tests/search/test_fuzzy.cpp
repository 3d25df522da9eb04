// FuzzyQuery / fuzzy_rank: subsequence matching with word-start and run bonuses, case folding.
#include <catch2/catch.hpp>

#include <algorithm>

#include "search/fuzzy.hpp"

using namespace goldspan;

namespace {

std::vector<size_t> order(const std::string& q, const std::vector<std::vector<std::string>>& candidates) {
  std::vector<size_t> out;
  for (const FuzzyRanked& r : fuzzy_rank(FuzzyQuery(q), candidates)) out.push_back(r.index);
  return out;
}

}  // namespace

TEST_CASE("fuzzy: 'akay' ranks Askar Akayev above unrelated names", "[search][fuzzy]") {
  // Every one of these contains a, k, a, y in order somewhere.
  const std::vector<std::vector<std::string>> names = {
      {"Kyrgyz Bank of Ayu"}, {"Lake Issyk-Kul, Naryn Valley"}, {"Askar Akayev"}, {"Roza Otunbayeva"}, {"Bishkek"}};
  const auto r = order("akay", names);
  REQUIRE(r.size() == 3);
  CHECK(r[0] == 2);
  CHECK(std::find(r.begin(), r.end(), 4) == r.end());  // Bishkek has no a
  CHECK(std::find(r.begin(), r.end(), 3) == r.end());  // Roza Otunbayeva has no k after an a
  const FuzzyQuery q("akay");
  CHECK(*q.score("Askar Akayev") > *q.score("Kyrgyz Bank of Ayu"));
  CHECK(*q.score("Askar Akayev") > *q.score("Lake Issyk-Kul, Naryn Valley"));
}

TEST_CASE("fuzzy: word starts and runs beat scattered letters; a cluster scores its best text", "[search][fuzzy]") {
  const FuzzyQuery q("bk");
  CHECK(*q.score("Bishkek") < *q.score("Bank of Kyrgyzstan"));  // two word starts
  CHECK(*FuzzyQuery("kek").score("Bishkek") > *FuzzyQuery("kek").score("Kyrgyz Trek"));  // a run
  // The name does not match, a member's text does.
  const auto r = order("pres", {{"Bakiyev", "Kurmanbek Bakiyev"}, {"Akayev", "the president", "Askar Akayev"}});
  REQUIRE(r == std::vector<size_t>{1});
  // Spaces in the query are ignored; order matters.
  CHECK(FuzzyQuery("askar ak").score("Askar Akayev").has_value());
  CHECK_FALSE(FuzzyQuery("yak").score("Akayev").has_value());
}

TEST_CASE("fuzzy: no match gives nothing; an empty query matches everything in order", "[search][fuzzy]") {
  CHECK_FALSE(FuzzyQuery("zzz").score("Askar Akayev").has_value());
  CHECK_FALSE(FuzzyQuery("akayevv").score("Akayev").has_value());
  CHECK(order("qx", {{"Askar Akayev"}, {"Bishkek"}}).empty());
  CHECK(order("", {{"b"}, {"a"}, {"c"}}) == std::vector<size_t>{0, 1, 2});
  CHECK(FuzzyQuery("  ").empty());
}

TEST_CASE("fuzzy: full Unicode case folding, non-Latin scripts", "[search][fuzzy]") {
  CHECK(FuzzyQuery("αθήνα").score("ΑΘΉΝΑ").has_value());               // Greek capitals with tonos
  CHECK(FuzzyQuery("ΑΘΉΝΑ").score("η Αθήνα σήμερα").has_value());
  CHECK(FuzzyQuery("бишкек").score("БИШКЕК").has_value());              // Cyrillic
  CHECK(FuzzyQuery("акаев").score("Аскар Акаев").has_value());
  CHECK(FuzzyQuery("strasse").score("Hauptstraße").has_value());        // ß folds to ss
  CHECK(FuzzyQuery("STRASSE").score("straße").has_value());
  CHECK_FALSE(FuzzyQuery("αθηνα").score("ΑΘΉΝΑ").has_value());          // a tonos is not folded away
  // A word start in Cyrillic counts as in Latin.
  CHECK(*FuzzyQuery("ак").score("Аскар Акаев") > *FuzzyQuery("ак").score("Баскак"));
}
