#include <catch2/catch.hpp>

#include "model_support.hpp"

using namespace goldspan;
using goldspan::test::Fixture;

TEST_CASE("history: undo and redo with nothing to do are errors", "[model][history]") {
  Fixture f;
  CHECK_FALSE(f.history.can_undo());
  CHECK_THROWS_WITH(f.history.undo(), Catch::Contains("nothing to undo"));
  CHECK_THROWS_WITH(f.history.redo(), Catch::Contains("nothing to redo"));
  CHECK(f.journal.empty());
  CHECK_THROWS_WITH(f.history.execute(nullptr), Catch::Contains("no command"));
}

TEST_CASE("history: the revision increases on every change, undo and redo included", "[model][history]") {
  Fixture f;
  uint64_t last = f.corpus.revision();
  const auto changed = [&] {
    const bool up = f.corpus.revision() > last;
    last = f.corpus.revision();
    return up;
  };
  const SpanId p = f.add("PERSON", "Ines Oduya");
  CHECK(changed());
  f.history.run<RelabelSpan>(p, "ORGANIZATION");
  CHECK(changed());
  f.history.undo();
  CHECK(changed());
  f.history.redo();
  CHECK(changed());
  CHECK_THROWS(f.history.run<RelabelSpan>(p, "ORGANIZATION"));
  CHECK_FALSE(changed());
  const ClusterId c = f.history.run<CreateCluster>(SpanKind::Entity, "x").id();
  CHECK(changed());
  f.history.run<AddMember>(c, p);
  CHECK(changed());
  f.history.run<RenameCluster>(c, "y");
  CHECK(changed());
  f.history.undo();
  CHECK(changed());
}

TEST_CASE("history: stamps come from the annotator and the clock; journal stamps are kept", "[model][history]") {
  Fixture f;
  f.history.set_annotator("bo");
  const SpanId p = f.add("PERSON", "Ines Oduya");
  const int64_t created = f.now;
  CHECK(f.corpus.annotator_name(f.corpus.span(p).annotator) == "bo");
  f.history.set_annotator("cy");
  f.history.run<RelabelSpan>(p, "ORGANIZATION");
  const Span& s = f.corpus.span(p);
  CHECK(f.corpus.annotator_name(s.annotator) == "bo");  // the creator stays
  CHECK(s.created == created);
  CHECK(s.modified == f.now);
  f.history.undo();
  CHECK(f.corpus.span(p).modified == created);
  CHECK_THAT(f.journal[1], Catch::EndsWith(R"("by":"cy","t":)" + std::to_string(f.now) + "}"));

  auto cmd = std::make_unique<AddSpan>("harbor-a", "PERSON", std::vector<Range>{f.find("Tomas Brandt")});
  cmd->set_stamp(Stamp{"dee", 42});
  const SpanId t = static_cast<AddSpan&>(f.history.execute(std::move(cmd))).id();
  CHECK(f.corpus.annotator_name(f.corpus.span(t).annotator) == "dee");
  CHECK(f.corpus.span(t).created == 42);
}

TEST_CASE("history: groups nest, and an empty group records nothing", "[model][history][group]") {
  Fixture f;
  f.history.begin_group("outer");
  f.history.begin_group("inner");
  const SpanId a = f.add("PERSON", "Ines Oduya");
  f.history.end_group();
  CHECK(f.history.in_group());
  CHECK_THROWS_WITH(f.history.undo(), Catch::Contains("a group is open"));
  CHECK_FALSE(f.history.can_undo());
  // Ids created in the group are usable in it.
  const SpanId c = f.add("CLAIM", "nobody was seriously hurt");
  f.history.run<AddRelation>("claimant", c, a);
  f.history.end_group();
  CHECK(f.history.undo_size() == 1);
  REQUIRE(f.journal.size() == 1);
  CHECK_THAT(f.journal[0], Catch::StartsWith(R"({"op":"bulk","label":"outer","cmds":[{"op":"add_span","id":"s1")"));
  f.history.undo();
  CHECK(f.corpus.span_count() == 0);
  CHECK(f.corpus.relations().empty());
  f.history.redo();
  CHECK(f.corpus.relations().size() == 1);

  f.history.begin_group("nothing");
  f.history.end_group();
  CHECK(f.history.undo_size() == 1);
  CHECK(f.journal.size() == 3);
  CHECK_THROWS_WITH(f.history.end_group(), Catch::Contains("no group is open"));
  CHECK_THROWS_WITH(f.history.cancel_group(), Catch::Contains("no group is open"));
}

TEST_CASE("history: cancelling a group restores the state, the id counters and the redo stack", "[model][history][group]") {
  Fixture f;
  f.add("PERSON", "Ines Oduya");
  f.add("PERSON", "Tomas Brandt");
  f.history.undo();
  const std::string before = f.corpus.canonical_dump();
  const size_t lines = f.journal.size();
  f.history.begin_group("abandoned");
  f.add("ORGANIZATION", "Kestrel Logistics");
  f.history.run<CreateCluster>(SpanKind::Entity, "k");
  f.history.cancel_group();
  CHECK_FALSE(f.history.in_group());
  CHECK(f.corpus.canonical_dump() == before);  // next ids included: nothing was journaled
  CHECK(f.journal.size() == lines);
  CHECK(f.history.can_redo());
  f.history.redo();
  CHECK(f.corpus.span_count() == 2);
}

TEST_CASE("history: a bulk that fails half-way leaves everything as it was", "[model][history][group]") {
  Fixture f;
  f.add("PERSON", "Ines Oduya");
  const std::string before = f.corpus.canonical_dump();
  const uint64_t revision = f.corpus.revision();
  auto bulk = std::make_unique<Bulk>("two spans and a bad one");
  bulk->add(std::make_unique<AddSpan>("harbor-a", "PERSON", std::vector<Range>{f.find("Tomas Brandt")}));
  bulk->add(std::make_unique<CreateCluster>(SpanKind::Entity, "people"));
  bulk->add(std::make_unique<AddSpan>("harbor-a", "PERSON", std::vector<Range>{f.find("master Ines")}));  // crosses s1
  CHECK_THROWS_WITH(f.history.execute(std::move(bulk)), Catch::Contains("bulk: cmds[2]: add_span:"));
  CHECK(f.corpus.canonical_dump() == before);
  CHECK(f.corpus.revision() == revision);
  CHECK(f.history.undo_size() == 1);
  CHECK(f.journal.size() == 1);
  // An empty bulk is refused unless labelled: then it is a marker step (test_journal.cpp).
  CHECK_THROWS_WITH(f.history.execute(std::make_unique<Bulk>("")), Catch::Contains("no commands"));

  // The same commands without the bad one: one step; its ids are the ones the failed try took.
  auto ok = std::make_unique<Bulk>("two");
  ok->add(std::make_unique<AddSpan>("harbor-a", "PERSON", std::vector<Range>{f.find("Tomas Brandt")}));
  ok->add(std::make_unique<CreateCluster>(SpanKind::Entity, "people"));
  f.history.execute(std::move(ok));
  CHECK(f.corpus.find_span(2));
  CHECK(f.corpus.find_cluster(1));
  CHECK(f.history.undo_size() == 2);
}

TEST_CASE("history: read-only refuses every new step with its reason and changes nothing", "[model][history]") {
  Fixture f;
  const SpanId p = f.add("PERSON", "Ines Oduya");
  const uint64_t rev = f.corpus.revision();
  const size_t lines = f.journal.size();
  f.history.set_read_only("another tab is editing");
  CHECK_THROWS_WITH(f.history.run<RelabelSpan>(p, "ORGANIZATION"), "read-only: another tab is editing");
  CHECK_THROWS_WITH(f.history.undo(), Catch::Contains("another tab is editing"));
  CHECK_THROWS_WITH(f.history.begin_group("g"), Catch::Contains("another tab is editing"));
  CHECK_FALSE(f.history.in_group());
  CHECK(f.corpus.revision() == rev);
  CHECK(f.journal.size() == lines);
  CHECK(f.corpus.type_of(f.corpus.span(p)).name == "PERSON");
  f.history.set_read_only("");
  f.history.undo();  // writable again: the span the step made goes
  CHECK(f.corpus.find_span(p) == nullptr);
  CHECK_NOTHROW(f.history.redo());
}
