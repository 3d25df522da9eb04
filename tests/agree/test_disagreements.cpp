// The structured disagreements of an adjudication (core/agree/adjudicate.hpp): every version
// of one stretch of text per annotator, as the app's adjudication view applies them.
#include <catch2/catch.hpp>

#include "agree/adjudicate.hpp"
#include "error.hpp"
#include "io/gold_json.hpp"
#include "io/io_support.hpp"

using namespace goldspan;
using namespace goldspan::test;

namespace {

template <class F>
GoldImport file_of(F make, const std::string& name) {
  Fixture f(default_schema(), {"harbor-a"});
  make(f);
  Tokenizer tok(default_schema().locale());
  GoldImport g = parse_gold(write_gold(f.corpus, fixed_options()), name, nullptr, tok);
  REQUIRE(g.ok());
  return g;
}

Adjudication run(const std::vector<const GoldImport*>& files) {
  std::vector<std::string> names;
  for (size_t i = 0; i < files.size(); ++i) names.push_back(std::string(1, char('A' + i)));
  return adjudicate(files, names);
}

// "LABEL text" of a version, for readable expectations.
std::string show(const Adjudication& a, const Disagreement& d, size_t v) {
  const SpanVersion& x = d.versions[v];
  return x.label + " " + std::string(a.gold.documents[d.doc_index]->slice(x.fragments.front().start, x.fragments.back().end));
}

Range where(const char* text) {
  Fixture f(default_schema(), {"harbor-a"});
  return f.find(text);
}

using V = std::vector<size_t>;

}  // namespace

TEST_CASE("disagreements: three annotators' versions of one stretch form one disagreement", "[agree][adjudicate]") {
  // A: PERSON "Ines Oduya"; B: PERSON "Ines" and ORGANIZATION "Ines Oduya"; C: nothing there.
  // All three agree on LOCATION "Port of Valmora", which is no disagreement.
  const GoldImport a = file_of([](Fixture& f) { f.add("PERSON", "Ines Oduya"); f.add("LOCATION", "Port of Valmora"); }, "a.json");
  const GoldImport b = file_of([](Fixture& f) {
    f.add("PERSON", "Ines");
    f.add("ORGANIZATION", "Ines Oduya");
    f.add("LOCATION", "Port of Valmora");
  }, "b.json");
  const GoldImport c = file_of([](Fixture& f) { f.add("LOCATION", "Port of Valmora"); }, "c.json");
  const Adjudication r = run({&a, &b, &c});
  CHECK(r.annotators == std::vector<std::string>{"A", "B", "C"});
  CHECK(r.gold.spans.size() == 1);  // the location only
  REQUIRE(r.disagreements.size() == 1);
  const Disagreement& d = r.disagreements[0];
  const Range ines = where("Ines Oduya");
  CHECK(d.doc == "harbor-a");
  CHECK(d.kind == "span");
  CHECK(d.extent == ines);
  CHECK(d.holders == V{0, 1, 2});
  REQUIRE(d.versions.size() == 3);  // by start, end, label
  CHECK(show(r, d, 0) == "PERSON Ines");
  CHECK(show(r, d, 1) == "ORGANIZATION Ines Oduya");
  CHECK(show(r, d, 2) == "PERSON Ines Oduya");
  CHECK(d.versions[0].fragments == std::vector<Range>{{ines.start, ines.start + 4}});
  CHECK(d.versions[2].fragments == std::vector<Range>{ines});
  for (const SpanVersion& v : d.versions) CHECK_FALSE(v.kept);
  CHECK(d.versions_of(0) == V{2});
  CHECK(d.versions_of(1) == V{0, 1});
  CHECK(d.versions_of(2).empty());
  // The readable conflicts are unchanged: one per span record.
  CHECK(r.conflicts.size() == 3);
}

TEST_CASE("disagreements: a kept span overlapping an open one is a version of it", "[agree][adjudicate]") {
  // Majority keeps A and B's PERSON; C's ORGANIZATION over the same words is open: choosing C's
  // version must replace the kept one, so both are in the disagreement.
  const GoldImport a = file_of([](Fixture& f) { f.add("PERSON", "Tomas Brandt"); }, "a.json");
  const GoldImport c = file_of([](Fixture& f) { f.add("ORGANIZATION", "Tomas Brandt"); }, "c.json");
  const Adjudication r = run({&a, &a, &c});
  REQUIRE(r.disagreements.size() == 1);
  const Disagreement& d = r.disagreements[0];
  REQUIRE(d.versions.size() == 2);
  CHECK(show(r, d, 0) == "ORGANIZATION Tomas Brandt");
  CHECK_FALSE(d.versions[0].kept);
  CHECK(show(r, d, 1) == "PERSON Tomas Brandt");
  CHECK(d.versions[1].kept);
  CHECK(d.versions[1].annotators == V{0, 1});
}

TEST_CASE("disagreements: two annotators, separate stretches, and claims apart from entities", "[agree][adjudicate]") {
  const GoldImport a = file_of([](Fixture& f) {
    f.add("PERSON", "Ines Oduya");
    f.add("CLAIM", "The sprinklers failed in the east wing");
  }, "a.json");
  const GoldImport b = file_of([](Fixture& f) { f.add("PERSON", "Tomas Brandt"); f.add("ORGANIZATION", "Kestrel Logistics", 0, 1); }, "b.json");
  const Adjudication r = run({&a, &b});
  // Four stretches: the claim does not join the entities, which are far apart anyway.
  REQUIRE(r.disagreements.size() == 4);
  std::vector<std::string> got;
  for (const Disagreement& d : r.disagreements) got.push_back(show(r, d, 0) + " by " + std::to_string(d.versions[0].annotators[0]));
  CHECK(got == std::vector<std::string>{"PERSON Ines Oduya by 0", "CLAIM The sprinklers failed in the east wing by 0",
                                        "ORGANIZATION Kestrel Logistics by 1", "PERSON Tomas Brandt by 1"});
  for (const Disagreement& d : r.disagreements) CHECK(d.versions.size() == 1);
}

TEST_CASE("disagreements: a nested entity inside a claim is its own stretch", "[agree][adjudicate]") {
  const GoldImport a = file_of([](Fixture& f) { f.add("CLAIM", "The sprinklers failed in the east wing"); f.add("LOCATION", "east wing"); }, "a.json");
  const GoldImport b = file_of([](Fixture& f) { f.add("CLAIM", "The sprinklers failed in the east wing"); }, "b.json");
  const Adjudication r = run({&a, &b});
  REQUIRE(r.disagreements.size() == 1);
  CHECK(show(r, r.disagreements[0], 0) == "LOCATION east wing");
}

TEST_CASE("disagreements: an unsettled attribute is a disagreement over one span", "[agree][adjudicate]") {
  auto claim = [](const char* stance) {
    return [=](Fixture& f) { f.history.run<SetAttribute>(f.add("CLAIM", "The sprinklers failed in the east wing"), "stance", std::string(stance)); };
  };
  const GoldImport a = file_of(claim("asserted"), "a.json"), b = file_of(claim("denied"), "b.json");
  const Adjudication r = run({&a, &b});
  REQUIRE(r.disagreements.size() == 1);
  const Disagreement& d = r.disagreements[0];
  CHECK(d.kind == "attribute");
  REQUIRE(d.versions.size() == 2);
  CHECK(d.versions[0].kept);
  CHECK(d.versions[0].attributes == std::vector<std::pair<std::string, std::string>>{{"stance", "asserted"}});
  CHECK(d.versions[1].attributes == std::vector<std::pair<std::string, std::string>>{{"stance", "denied"}});
  CHECK(d.versions_of(1) == V{1});
}

TEST_CASE("disagreements: none without spans, none for identical files", "[agree][adjudicate]") {
  const GoldImport empty = file_of([](Fixture&) {}, "e.json");
  CHECK(run({&empty, &empty}).disagreements.empty());
  CHECK(run({&empty, &empty, &empty}).disagreements.empty());
  const GoldImport a = file_of([](Fixture& f) { f.add("PERSON", "Ines Oduya"); f.add("ORGANIZATION", "Kestrel Logistics"); }, "a.json");
  const Adjudication same = run({&a, &a, &a});
  CHECK(same.disagreements.empty());
  CHECK(same.gold.spans.size() == 2);
  // One annotator empty: everything the other marked is open.
  CHECK(run({&a, &empty}).disagreements.size() == 2);
}

TEST_CASE("disagreements: JSON round trip, and a damaged text is an error", "[agree][adjudicate]") {
  const GoldImport a = file_of([](Fixture& f) { f.add("PERSON", "Ines Oduya"); }, "a.json");
  const GoldImport b = file_of([](Fixture& f) { f.add("ORGANIZATION", "Ines Oduya"); }, "b.json");
  const Adjudication r = run({&a, &b});
  std::vector<std::string> names;
  std::vector<Disagreement> back;
  disagreements_from_json(disagreements_json(r), names, back);
  CHECK(names == r.annotators);
  REQUIRE(back.size() == 1);
  CHECK(back[0].doc == "harbor-a");
  CHECK(back[0].extent == r.disagreements[0].extent);
  REQUIRE(back[0].versions.size() == 2);
  CHECK(back[0].versions[1].label == r.disagreements[0].versions[1].label);
  CHECK(back[0].versions[1].fragments == r.disagreements[0].versions[1].fragments);
  CHECK(back[0].versions[1].annotators == r.disagreements[0].versions[1].annotators);
  CHECK_THROWS_AS(disagreements_from_json("{\"annotators\": [\"A\"], \"disagreements\": [{}]}", names, back), Error);
  CHECK_THROWS_AS(disagreements_from_json("not json", names, back), Error);
}
