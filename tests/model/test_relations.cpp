#include <catch2/catch.hpp>

#include "model_support.hpp"

using namespace goldspan;
using goldspan::test::Fixture;

namespace {

void expect_rejected(Fixture& f, std::unique_ptr<Command> cmd, const std::string& message) {
  const std::string before = f.corpus.canonical_dump();
  const uint64_t revision = f.corpus.revision();
  CHECK_THROWS_WITH(f.history.execute(std::move(cmd)), Catch::Contains(message));
  CHECK(f.corpus.canonical_dump() == before);
  CHECK(f.corpus.revision() == revision);
}

// Undoes the last step, expecting the content `before` it, then redoes it, expecting exactly
// the state after it.
void check_undo_redo(Fixture& f, const std::string& before) {
  const std::string after = f.corpus.canonical_dump();
  f.history.undo();
  CHECK(f.corpus.canonical_dump(false) == before);
  f.corpus.check_invariants();
  f.history.redo();
  CHECK(f.corpus.canonical_dump() == after);
  f.corpus.check_invariants();
}

Ref span_ref(SpanId id) { return Ref{Ref::Span, id}; }
Ref cluster_ref(ClusterId id) { return Ref{Ref::Cluster, id}; }

}  // namespace

TEST_CASE("relations: typed, checked against the schema, undoable", "[model][relations]") {
  Fixture f;
  const SpanId claim = f.add("CLAIM", "nobody was seriously hurt");
  const SpanId ines = f.add("PERSON", "Ines Oduya");
  const SpanId said = f.add("CUE", "said");
  const SpanId port = f.add("LOCATION", "Port of Valmora");
  const SpanId other_doc = f.add("PERSON", "Ines Oduya", 1);

  std::string before = f.corpus.canonical_dump(false);
  const RelationId r1 = f.history.run<AddRelation>("claimant", claim, ines).id();
  CHECK(r1 == 1);
  const Relation& rel = *f.corpus.find_relation(r1);
  CHECK(rel.source == claim);
  CHECK(rel.target == ines);
  CHECK(f.corpus.schema().relation_types()[rel.type].name == "claimant");
  CHECK(f.corpus.annotator_name(rel.annotator) == "ana");
  CHECK(f.corpus.relations_of(ines) == std::vector<RelationId>{r1});
  CHECK_THAT(f.journal.back(), Catch::StartsWith(R"({"op":"add_relation","id":"r1","type":"claimant","source":"s1","target":"s2",)"));
  check_undo_redo(f, before);

  f.history.run<AddRelation>("cue", claim, said);
  f.history.run<AddRelation>("about", claim, port);
  CHECK(f.corpus.relations_of(claim) == std::vector<RelationId>{1, 2, 3});

  expect_rejected(f, std::make_unique<AddRelation>("claimant", ines, claim), "claimant does not allow PERSON -> CLAIM");
  expect_rejected(f, std::make_unique<AddRelation>("claimant", claim, port), "claimant does not allow CLAIM -> LOCATION");
  expect_rejected(f, std::make_unique<AddRelation>("claimant", claim, ines), "the same relation exists already (r1)");
  expect_rejected(f, std::make_unique<AddRelation>("about", claim, claim), "two different spans");
  expect_rejected(f, std::make_unique<AddRelation>("claimant", claim, other_doc), "are in different documents");
  expect_rejected(f, std::make_unique<AddRelation>("knows", claim, ines), "unknown relation type 'knows'");
  expect_rejected(f, std::make_unique<AddRelation>("claimant", claim, 999), "no span s999");

  before = f.corpus.canonical_dump(false);
  f.history.run<RemoveRelation>(r1);
  CHECK(f.corpus.find_relation(r1) == nullptr);
  CHECK(f.corpus.relations_of(ines).empty());
  check_undo_redo(f, before);
  expect_rejected(f, std::make_unique<RemoveRelation>(r1), "no relation r1");
}

TEST_CASE("relations: removing a span removes its relations; undo brings them back", "[model][relations][undo]") {
  Fixture f;
  const SpanId claim = f.add("CLAIM", "nobody was seriously hurt");
  const SpanId ines = f.add("PERSON", "Ines Oduya");
  const SpanId said = f.add("CUE", "said");
  f.history.run<AddRelation>("claimant", claim, ines);
  f.history.run<AddRelation>("cue", claim, said);
  const std::string before = f.corpus.canonical_dump(false);
  f.history.run<RemoveSpan>(claim);
  CHECK(f.corpus.relations().empty());
  CHECK(f.corpus.relations_of(ines).empty());
  check_undo_redo(f, before);
  f.history.undo();
  CHECK(f.corpus.relations_of(claim) == std::vector<RelationId>{1, 2});
}

TEST_CASE("clusters: entity mentions across documents", "[model][clusters]") {
  Fixture f;
  const SpanId a = f.add("PERSON", "Ines Oduya");
  const SpanId b = f.add("PERSON", "Ines Oduya", 1);
  const SpanId c = f.add("PERSON", "she");  // "she told reporters"
  const SpanId k = f.add("ORGANIZATION", "Kestrel Logistics");
  const SpanId claim = f.add("CLAIM", "nobody was seriously hurt");

  std::string before = f.corpus.canonical_dump(false);
  const ClusterId ines = f.history.run<CreateCluster>(SpanKind::Entity, "Ines Oduya").id();
  CHECK(ines == 1);
  CHECK_THAT(f.journal.back(), Catch::StartsWith(R"({"op":"create_cluster","id":"c1","kind":"entity","name":"Ines Oduya",)"));
  check_undo_redo(f, before);

  for (SpanId m : {c, a, b}) {
    before = f.corpus.canonical_dump(false);
    f.history.run<AddMember>(ines, m);
    check_undo_redo(f, before);
  }
  CHECK(f.corpus.find_cluster(ines)->members == std::vector<SpanId>{a, b, c});
  CHECK(f.corpus.cluster_of(b) == ines);
  CHECK(f.corpus.cluster_of(k) == 0);

  const ClusterId kestrel = f.history.run<CreateCluster>(SpanKind::Entity, "Kestrel").id();
  expect_rejected(f, std::make_unique<AddMember>(ines, claim), "s5 is claim, c1 groups entity spans");
  expect_rejected(f, std::make_unique<AddMember>(kestrel, a), "s1 is already in c1");
  expect_rejected(f, std::make_unique<AddMember>(ines, a), "s1 is already in c1");
  expect_rejected(f, std::make_unique<AddMember>(9, k), "no cluster c9");
  expect_rejected(f, std::make_unique<RemoveMember>(kestrel, a), "s1 is not in c2");
  expect_rejected(f, std::make_unique<CreateCluster>(SpanKind::Cue, "cues"), "not cues");

  before = f.corpus.canonical_dump(false);
  f.history.run<RenameCluster>(kestrel, "Kestrel Logistics");
  CHECK(f.corpus.find_cluster(kestrel)->name == "Kestrel Logistics");
  check_undo_redo(f, before);
  expect_rejected(f, std::make_unique<RenameCluster>(kestrel, "Kestrel Logistics"), "already has this name");

  before = f.corpus.canonical_dump(false);
  f.history.run<RemoveMember>(ines, c);
  CHECK(f.corpus.find_cluster(ines)->members == std::vector<SpanId>{a, b});
  CHECK(f.corpus.cluster_of(c) == 0);
  check_undo_redo(f, before);

  // Removing a member span takes it out of its cluster; undo puts it back.
  before = f.corpus.canonical_dump(false);
  f.history.run<RemoveSpan>(b);
  CHECK(f.corpus.find_cluster(ines)->members == std::vector<SpanId>{a});
  check_undo_redo(f, before);

  before = f.corpus.canonical_dump(false);
  f.history.run<DeleteCluster>(ines);
  CHECK(f.corpus.find_cluster(ines) == nullptr);
  CHECK(f.corpus.cluster_of(a) == 0);
  check_undo_redo(f, before);
  expect_rejected(f, std::make_unique<DeleteCluster>(ines), "no cluster c1");
}

TEST_CASE("claim links: same, supports, contradicts, refines between claims and claim clusters", "[model][links]") {
  Fixture f;
  const SpanId nobody = f.add("CLAIM", "nobody was seriously hurt");
  const SpanId two = f.add("CLAIM", "Two people were treated in hospital", 1);
  const SpanId faulty = f.add("CLAIM", "blamed faulty sprinklers", 1);
  const SpanId failed = f.add("CLAIM", "The sprinklers failed in the east wing");
  const SpanId person = f.add("PERSON", "Ines Oduya");
  const ClusterId sprinklers = f.history.run<CreateCluster>(SpanKind::Claim, "the sprinklers failed").id();
  f.history.run<AddMember>(sprinklers, faulty);
  f.history.run<AddMember>(sprinklers, failed);
  const ClusterId injuries = f.history.run<CreateCluster>(SpanKind::Claim, "injuries").id();
  const ClusterId people = f.history.run<CreateCluster>(SpanKind::Entity, "people").id();

  std::string before = f.corpus.canonical_dump(false);
  const LinkId l1 = f.history.run<AddLink>("contradicts", span_ref(two), span_ref(nobody)).id();
  CHECK(l1 == 1);
  CHECK_THAT(f.journal.back(), Catch::StartsWith(R"({"op":"add_link","id":"l1","type":"contradicts","source":"s2","target":"s1",)"));
  check_undo_redo(f, before);
  const LinkId l2 = f.history.run<AddLink>("refines", span_ref(failed), cluster_ref(sprinklers)).id();
  const LinkId l3 = f.history.run<AddLink>("supports", cluster_ref(sprinklers), cluster_ref(injuries)).id();
  CHECK(f.corpus.links_of(cluster_ref(sprinklers)) == std::vector<LinkId>{l2, l3});
  CHECK(f.corpus.links_of(span_ref(nobody)) == std::vector<LinkId>{l1});

  expect_rejected(f, std::make_unique<AddLink>("same", span_ref(person), span_ref(nobody)), "s5 is not a claim");
  expect_rejected(f, std::make_unique<AddLink>("same", span_ref(nobody), cluster_ref(people)), "c3 is not a claim cluster");
  expect_rejected(f, std::make_unique<AddLink>("same", span_ref(nobody), span_ref(nobody)), "two different ends");
  expect_rejected(f, std::make_unique<AddLink>("contradicts", span_ref(two), span_ref(nobody)), "the same link exists already (l1)");
  expect_rejected(f, std::make_unique<AddLink>("agrees", span_ref(two), span_ref(nobody)), "unknown claim link type 'agrees'");
  expect_rejected(f, std::make_unique<AddLink>("same", span_ref(two), cluster_ref(42)), "no cluster c42");
  expect_rejected(f, std::make_unique<AddLink>("same", span_ref(77), span_ref(two)), "no span s77");
  f.history.run<AddLink>("contradicts", span_ref(nobody), span_ref(two));  // the other direction is another link

  before = f.corpus.canonical_dump(false);
  f.history.run<RemoveLink>(l1);
  CHECK(f.corpus.find_link(l1) == nullptr);
  check_undo_redo(f, before);
  expect_rejected(f, std::make_unique<RemoveLink>(99), "no link l99");

  // Cascades: removing a claim removes its links; deleting a cluster removes its links and
  // frees its members. Undo restores everything with the same ids.
  before = f.corpus.canonical_dump(false);
  f.history.run<RemoveSpan>(failed);
  CHECK(f.corpus.find_link(l2) == nullptr);
  CHECK(f.corpus.find_cluster(sprinklers)->members == std::vector<SpanId>{faulty});
  check_undo_redo(f, before);
  f.history.undo();

  before = f.corpus.canonical_dump(false);
  f.history.run<DeleteCluster>(sprinklers);
  CHECK(f.corpus.find_link(l2) == nullptr);
  CHECK(f.corpus.find_link(l3) == nullptr);
  CHECK(f.corpus.cluster_of(faulty) == 0);
  CHECK(f.corpus.links_of(cluster_ref(injuries)).empty());
  check_undo_redo(f, before);
  f.history.undo();
  CHECK(f.corpus.find_link(l3)->source == cluster_ref(sprinklers));
  CHECK(f.corpus.cluster_of(failed) == sprinklers);
}

TEST_CASE("clusters: merging two clusters is one undo step and one journal line", "[model][clusters][group]") {
  Fixture f;
  const SpanId a = f.add("ORGANIZATION", "Kestrel Logistics");
  const SpanId b = f.add("ORGANIZATION", "Kestrel Logistics", 0, 1);
  const SpanId c = f.add("ORGANIZATION", "Kestrel Logistics", 1);
  const ClusterId one = f.history.run<CreateCluster>(SpanKind::Entity, "Kestrel").id();
  const ClusterId two = f.history.run<CreateCluster>(SpanKind::Entity, "Kestrel Logistics").id();
  f.history.run<AddMember>(one, a);
  f.history.run<AddMember>(two, b);
  f.history.run<AddMember>(two, c);
  const std::string before = f.corpus.canonical_dump(false);
  const size_t lines = f.journal.size(), steps = f.history.undo_size();

  f.history.begin_group("merge c2 into c1");
  for (SpanId m : std::vector<SpanId>(f.corpus.find_cluster(two)->members)) {
    f.history.run<RemoveMember>(two, m);
    f.history.run<AddMember>(one, m);
  }
  f.history.run<DeleteCluster>(two);
  CHECK(f.journal.size() == lines);  // not journaled before the group ends
  f.history.end_group();

  CHECK(f.corpus.find_cluster(one)->members == std::vector<SpanId>{a, b, c});
  CHECK(f.corpus.find_cluster(two) == nullptr);
  CHECK(f.history.undo_size() == steps + 1);
  REQUIRE(f.journal.size() == lines + 1);
  CHECK_THAT(f.journal.back(), Catch::StartsWith(R"({"op":"bulk","label":"merge c2 into c1","cmds":[{"op":"remove_member","cluster":"c2","span":"s2"},)"));
  check_undo_redo(f, before);
}
