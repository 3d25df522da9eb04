// The structured disagreements of an adjudication (core/agree/adjudicate.hpp): every version
// of one stretch of text per annotator, as the app's adjudication view applies them.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

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
  AdjudicationSession back;
  disagreements_from_json(disagreements_json(r), back);
  CHECK(back.annotators == r.annotators);
  CHECK(back.strategy == "majority");
  REQUIRE(back.disagreements.size() == 1);
  CHECK(back.disagreements[0].doc == "harbor-a");
  CHECK(back.disagreements[0].extent == r.disagreements[0].extent);
  REQUIRE(back.disagreements[0].versions.size() == 2);
  CHECK(back.disagreements[0].versions[1].label == r.disagreements[0].versions[1].label);
  CHECK(back.disagreements[0].versions[1].fragments == r.disagreements[0].versions[1].fragments);
  CHECK(back.disagreements[0].versions[1].annotators == r.disagreements[0].versions[1].annotators);
  REQUIRE(back.conflicts.size() == 2);
  CHECK(back.conflicts[1].what == r.conflicts[1].what);
  CHECK(back.provenance == r.provenance);
  CHECK_THROWS_AS(disagreements_from_json("{\"annotators\": [\"A\"], \"disagreements\": [{}]}", back), Error);
  CHECK_THROWS_AS(disagreements_from_json("not json", back), Error);
  // A conflict pointing past the disagreements is damage too.
  nlohmann::json j = nlohmann::json::parse(disagreements_json(r));
  j["conflicts"][0]["disagreement"] = 7;
  CHECK_THROWS_AS(disagreements_from_json(j.dump(), back), Error);
}

namespace {

// A and B agree on the spans (the claim, Ines Oduya, Kestrel Logistics) but not on who claims.
GoldImport claimant_file(const char* who, const std::string& name) {
  return file_of([=](Fixture& f) {
    const SpanId c = f.add("CLAIM", "The sprinklers failed in the east wing");
    const SpanId ines = f.add("PERSON", "Ines Oduya"), kestrel = f.add("ORGANIZATION", "Kestrel Logistics");
    f.history.run<AddRelation>("claimant", c, std::string(who) == "Ines Oduya" ? ines : kestrel);
  }, name);
}

}  // namespace

TEST_CASE("disagreements: relations of one type out of one span are one disagreement", "[agree][adjudicate]") {
  const GoldImport a = claimant_file("Ines Oduya", "a.json"), b = claimant_file("Kestrel Logistics", "b.json");
  const Adjudication r = run({&a, &b});
  CHECK(r.gold.spans.size() == 3);
  CHECK(r.gold.relations.empty());
  REQUIRE(r.disagreements.size() == 1);
  const Disagreement& d = r.disagreements[0];
  CHECK(d.kind == "relation");
  CHECK(d.is_record());
  CHECK(d.versions.empty());
  REQUIRE(d.records.size() == 2);
  CHECK(d.holders == V{0, 1});
  for (const RecordVersion& x : d.records) {
    CHECK(x.type == "claimant");
    CHECK(!x.kept);
    REQUIRE(x.from.size() == 1);
    CHECK(x.from[0].label == "CLAIM");
  }
  const size_t ana = d.versions_of(0).at(0), bo = d.versions_of(1).at(0);
  CHECK(d.records[ana].to[0].label == "PERSON");
  CHECK(d.records[bo].to[0].label == "ORGANIZATION");
  // The extent covers both versions' ends, for the canvas to show them.
  const Range claim = where("The sprinklers failed in the east wing"), ines = where("Ines Oduya"), kestrel = where("Kestrel Logistics");
  CHECK(d.extent.start == std::min({claim.start, ines.start, kestrel.start}));
  CHECK(d.extent.end == std::max({claim.end, ines.end, kestrel.end}));
  // Both readable conflicts are settled by it.
  REQUIRE(r.conflicts.size() == 2);
  for (const Conflict& c : r.conflicts) CHECK((c.kind == "relation" && c.disagreement == 0));
  // prefer keeps B's relation; A's stays open, so the disagreement shows B's as kept.
  AdjudicateOptions o;
  o.prefer = "B";
  std::vector<std::string> names{"A", "B"};
  const Adjudication p = adjudicate({&a, &b}, names, o);
  CHECK(p.strategy == "prefer=B");
  REQUIRE(p.gold.relations.size() == 1);
  REQUIRE(p.disagreements.size() == 1);
  CHECK(p.disagreements[0].records[p.disagreements[0].versions_of(1).at(0)].kept);
  CHECK(!p.disagreements[0].records[p.disagreements[0].versions_of(0).at(0)].kept);
}

TEST_CASE("disagreements: span stretches first, then relations, clusters, links; every conflict names its own", "[agree][adjudicate]") {
  // A: PERSON Ines Oduya + PERSON Tomas Brandt in one cluster, a claimant relation to Ines.
  // B: the same spans, Ines alone in a cluster, no relation, and an extra LOCATION.
  const GoldImport a = file_of([](Fixture& f) {
    const SpanId c = f.add("CLAIM", "The sprinklers failed in the east wing");
    const SpanId ines = f.add("PERSON", "Ines Oduya"), tomas = f.add("PERSON", "Tomas Brandt");
    f.history.run<AddRelation>("claimant", c, ines);
    const ClusterId k = f.history.run<CreateCluster>(SpanKind::Entity, "people").id();
    f.history.run<AddMember>(k, ines);
    f.history.run<AddMember>(k, tomas);
  }, "a.json");
  const GoldImport b = file_of([](Fixture& f) {
    f.add("CLAIM", "The sprinklers failed in the east wing");
    const SpanId ines = f.add("PERSON", "Ines Oduya");
    f.add("PERSON", "Tomas Brandt");
    f.add("LOCATION", "Port of Valmora");
    const ClusterId k = f.history.run<CreateCluster>(SpanKind::Entity, "Ines").id();
    f.history.run<AddMember>(k, ines);
  }, "b.json");
  const Adjudication r = run({&a, &b});
  REQUIRE(r.disagreements.size() == 3);
  CHECK(r.disagreements[0].kind == "span");
  CHECK(r.disagreements[1].kind == "relation");
  const Disagreement& c = r.disagreements[2];
  CHECK(c.kind == "cluster");
  REQUIRE(c.records.size() == 2);  // sharing Ines, so one disagreement
  const RecordVersion& mine = c.records[c.versions_of(0).at(0)];
  CHECK(mine.type == "people");
  CHECK(mine.kind == "entity");
  CHECK(mine.members.size() == 2);
  CHECK(c.records[c.versions_of(1).at(0)].members.size() == 1);
  CHECK(c.holders == V{0, 1});
  for (const Conflict& k : r.conflicts) {
    INFO(k.kind << " " << k.what);
    CHECK(r.disagreements.at(k.disagreement).kind == (k.kind == "overlap" || k.kind == "attribute" ? "span" : k.kind));
  }
}

TEST_CASE("disagreements: a claim link conflict names both versions' ends", "[agree][adjudicate]") {
  auto linked = [](const char* type) {
    return [=](Fixture& f) {
      const SpanId one = f.add("CLAIM", "The sprinklers failed in the east wing");
      const SpanId two = f.add("CLAIM", "the fire began in a neighbouring shed");
      f.history.run<AddLink>(type, Ref{Ref::Span, one}, Ref{Ref::Span, two});
    };
  };
  const GoldImport a = file_of(linked("same"), "a.json"), b = file_of(linked("contradicts"), "b.json");
  const Adjudication r = run({&a, &b});
  REQUIRE(r.disagreements.size() == 2);  // one per link type: links are grouped by type and source end
  for (const Disagreement& d : r.disagreements) {
    CHECK(d.kind == "link");
    REQUIRE(d.records.size() == 1);
    CHECK(!d.records[0].from_cluster);
    CHECK(d.records[0].to[0].label == "CLAIM");
    CHECK(d.extent == where("The sprinklers failed in the east wing"));
  }
}

TEST_CASE("disagreements: a gold file gets the adjudicated provenance, open conflicts only", "[agree][adjudicate]") {
  const GoldImport a = claimant_file("Ines Oduya", "a.json"), b = claimant_file("Kestrel Logistics", "b.json");
  const Adjudication r = run({&a, &b});
  AdjudicationSession s;
  disagreements_from_json(disagreements_json(r), s);
  Fixture f(default_schema(), {});
  apply_gold(f.corpus, f.history, r.gold);
  nlohmann::json j = nlohmann::json::parse(gold_with_provenance(write_gold(f.corpus, fixed_options()), s, {true}));
  for (const auto& sp : j["documents"][0]["spans"]) CHECK(sp["x_annotators"] == nlohmann::json::array({"A", "B"}));
  REQUIRE(j["x_conflicts"].size() == 2);
  CHECK(j["x_conflicts"][0]["kind"] == "relation");
  CHECK(!j["x_conflicts"][0].contains("disagreement"));  // as the CLI writes them
  // Settled by hand: A's relation (it had it), a span nobody had (no annotators), no conflicts.
  SpanId claim = 0, ines = 0;
  for (SpanId id : f.corpus.document_spans(0)) {
    const std::string& label = f.corpus.type_of(f.corpus.span(id)).name;
    (label == "PERSON" ? ines : label == "CLAIM" ? claim : id) = id;
  }
  f.history.run<AddRelation>("claimant", claim, ines);
  f.history.run<AddSpan>("harbor-a", "DATE", std::vector<Range>{find_text(f.corpus.document(0), "Saturday night", 0)});
  j = nlohmann::json::parse(gold_with_provenance(write_gold(f.corpus, fixed_options()), s, {false}));
  CHECK(j["documents"][0]["relations"][0]["x_annotators"] == nlohmann::json::array({"A"}));
  size_t by_hand = 0;
  for (const auto& sp : j["documents"][0]["spans"]) by_hand += sp["x_annotators"].empty();
  CHECK(by_hand == 1);
  CHECK(j["x_conflicts"].empty());
}
