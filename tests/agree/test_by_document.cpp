// core/agree/by_document.hpp and the per-document sums behind it: adding documents one at a time
// gives the figures of one call over all of them.
#include <catch2/catch.hpp>

#include "agree/by_document.hpp"
#include "agree/relations.hpp"
#include "agree/unitizing.hpp"

using namespace goldspan;

TEST_CASE("attribute counts summed over documents give the kappa of one call over all pairs") {
  const std::vector<AttributeValues> a = {{{"stance", "asserted"}}, {{"stance", "denied"}}, {}, {{"stance", "hedged"}, {"check", "yes"}},
                                          {{"stance", "asserted"}}};
  const std::vector<AttributeValues> b = {{{"stance", "asserted"}}, {{"stance", "asserted"}}, {{"stance", "denied"}}, {{"stance", "hedged"}},
                                          {{"stance", "denied"}, {"check", "no"}}};
  const std::vector<std::pair<size_t, size_t>> all = {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}};
  const auto whole = attribute_agreement(a, b, all);
  AttributeCounts counts;
  add_attribute_counts(counts, a, b, {{0, 0}, {1, 1}});  // one document's pairs
  add_attribute_counts(counts, a, b, {{2, 2}, {3, 3}, {4, 4}});  // another's
  const auto summed = attribute_agreement(counts);
  REQUIRE(summed.size() == 2);
  REQUIRE(whole.size() == 2);
  for (const char* name : {"stance", "check"}) {
    INFO(name);
    CHECK(summed.at(name).pairs == whole.at(name).pairs);
    CHECK(summed.at(name).equal == whole.at(name).equal);
    CHECK(summed.at(name).kappa.value == whole.at(name).kappa.value);
  }
  // By hand: stance in every pair (a's unset in pair 2 is the value "(unset)"), equal in 0 and 3;
  // check set by one side only in pairs 3 and 4.
  CHECK(whole.at("stance").pairs == 5);
  CHECK(whole.at("stance").equal == 2);
  CHECK(whole.at("check").pairs == 2);
  CHECK(whole.at("check").equal == 0);
}

TEST_CASE("UnitizingContinuum: documents added one at a time are the continuum concatenated by hand") {
  // Two documents of 10 and 6 code points; coder 1 has a unit running up to the end of the first.
  const UnitizingDocument d1{"d1", 10, {{{"A", 2, 5}, {"B", 6, 10}}, {{"A", 2, 4}, {"B", 7, 10}}}};
  const UnitizingDocument d2{"d2", 6, {{{"A", 0, 3}}, {{"A", 1, 3}, {"B", 4, 6}}}};
  UnitizingContinuum c;
  c.add(d1);
  c.add(d2);
  const UnitizingAgreement streamed = c.agreement();
  // The same units shifted by hand onto one continuum of 16 code points.
  const UnitizingAgreement by_hand =
      unitizing_agreement(16, {{{"A", 2, 5}, {"B", 6, 10}, {"A", 10, 13}}, {{"A", 2, 4}, {"B", 7, 10}, {"A", 11, 13}, {"B", 14, 16}}});
  CHECK(c.documents() == 2);
  CHECK(streamed.length == 16);
  CHECK(streamed.overall.value == by_hand.overall.value);
  CHECK(streamed.overall.observed == by_hand.overall.observed);
  CHECK(streamed.per_label.at("B").expected == by_hand.per_label.at("B").expected);
  CHECK(streamed.overall.units == 7);
  CHECK(streamed.overall.value < 1);
  // A unit outside its document is refused, naming it.
  UnitizingContinuum bad;
  CHECK_THROWS_WITH(bad.add({"d9", 4, {{{"A", 2, 5}}, {}}}), Catch::Contains("d9"));
}

TEST_CASE("AgreeAccumulator: a document one file lacks is left out of that file's pairs and of alpha_U") {
  Tokenizer tok;
  auto text = std::make_shared<Document>("d1", "Ana met Bo", tok);
  DocAnnotations a, b;
  a.spans = {{"d1", "PERSON", 0, 3}, {"d1", "PERSON", 8, 10}};
  a.kinds = {0, 0};
  a.attributes.resize(2);
  a.units = {{"PERSON", 0, 3}, {"PERSON", 8, 10}};
  b = a;
  b.spans.pop_back(), b.kinds.pop_back(), b.attributes.pop_back(), b.units.pop_back();
  AgreeAccumulator acc({"a", "b", "c"}, false, true);
  acc.add({"d1", text, {&a, &b, nullptr}, {0, 0, 0}});
  const auto j = acc.json({nlohmann::ordered_json::object(), nlohmann::ordered_json::object(), nlohmann::ordered_json::object()});
  CHECK(j["pairs"][0]["exact"]["matched"] == 1);
  CHECK(j["pairs"][0]["exact"]["spans_a"] == 2);
  CHECK(j["pairs"][1]["exact"]["spans_a"] == 0);  // a / c: c lacks d1
  CHECK(j["unitizing"]["documents"] == 0);
  CHECK(j["tokens"]["tokens"] == 3);
  CHECK(j["tokens"]["per_document"].contains("d1"));
}
