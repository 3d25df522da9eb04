// Cluster edits (model/cluster_edits.hpp): each is one undo step and one journal line, emptied
// clusters go, merge keeps claim links, and a refused edit changes nothing.
#include <catch2/catch.hpp>

#include "model/cluster_edits.hpp"
#include "model_support.hpp"

using namespace goldspan;
using goldspan::test::Fixture;

namespace {

std::vector<SpanId> members(const Corpus& c, ClusterId id) { return c.find_cluster(id)->members; }

}  // namespace

TEST_CASE("cluster edits: join new, join existing, leave; each one undo step", "[model][clusters]") {
  Fixture f;
  const SpanId a = f.add("PERSON", "Ines Oduya", 0), b = f.add("PERSON", "Ines Oduya", 1), k = f.add("ORGANIZATION", "Kestrel Logistics", 1);
  const size_t steps = f.history.undo_size();
  const ClusterId c = join_new_cluster(f.history, a, span_text(f.corpus, a));
  CHECK(f.corpus.find_cluster(c)->name == "Ines Oduya");
  CHECK(f.corpus.find_cluster(c)->kind == SpanKind::Entity);
  join_cluster(f.history, b, c);
  CHECK(members(f.corpus, c) == std::vector<SpanId>{a, b});
  CHECK(f.history.undo_size() == steps + 2);
  CHECK_THROWS_WITH(join_cluster(f.history, b, c), Catch::Contains("already in c" + std::to_string(c)));

  // k leaves its own cluster for c: the emptied one is deleted in the same step.
  const ClusterId kc = join_new_cluster(f.history, k, "Kestrel");
  join_cluster(f.history, k, c);
  CHECK(f.corpus.find_cluster(kc) == nullptr);
  f.history.undo();
  CHECK(members(f.corpus, kc) == std::vector<SpanId>{k});
  CHECK(members(f.corpus, c) == std::vector<SpanId>{a, b});

  leave_cluster(f.history, b);
  CHECK(members(f.corpus, c) == std::vector<SpanId>{a});
  leave_cluster(f.history, a);
  CHECK(f.corpus.find_cluster(c) == nullptr);  // the last member left
  f.history.undo();
  CHECK(members(f.corpus, c) == std::vector<SpanId>{a});
  CHECK_THROWS_WITH(leave_cluster(f.history, b), Catch::Contains("in no cluster"));
}

TEST_CASE("cluster edits: merge and split are single steps and replay from the journal", "[model][clusters]") {
  Fixture f;
  const SpanId a = f.add("PERSON", "Ines Oduya", 0), b = f.add("PERSON", "Ines Oduya", 1), t = f.add("PERSON", "Tomas Brandt", 0);
  const ClusterId c1 = join_new_cluster(f.history, a, "Ines");
  const ClusterId c2 = join_new_cluster(f.history, b, "Oduya");
  join_cluster(f.history, t, c2);
  const std::string before = f.corpus.canonical_dump();
  const size_t steps = f.history.undo_size();
  merge_clusters(f.history, c2, c1);
  CHECK(f.history.undo_size() == steps + 1);
  CHECK(f.corpus.find_cluster(c2) == nullptr);
  CHECK(members(f.corpus, c1) == std::vector<SpanId>{a, b, t});
  f.history.undo();
  CHECK(f.corpus.canonical_dump() == before);
  f.history.redo();
  CHECK(members(f.corpus, c1) == std::vector<SpanId>{a, b, t});

  const ClusterId c3 = split_cluster(f.history, c1, {t}, "Tomas Brandt");
  CHECK(members(f.corpus, c1) == std::vector<SpanId>{a, b});
  CHECK(members(f.corpus, c3) == std::vector<SpanId>{t});
  CHECK_THROWS_WITH(split_cluster(f.history, c1, {a, b}, "x"), Catch::Contains("empty"));
  CHECK_THROWS_WITH(split_cluster(f.history, c1, {t}, "x"), Catch::Contains("is not in"));
  CHECK_THROWS_WITH(merge_clusters(f.history, c1, c1), Catch::Contains("itself"));

  // The journal replays to the same state.
  goldspan::test::Replica r(f);
  for (size_t i = 0; i < f.journal.size(); ++i) replay_journal_line(r.history, f.journal[i], i + 1);
  CHECK(r.corpus.canonical_dump() == f.corpus.canonical_dump());
}

TEST_CASE("cluster edits: merging claim clusters re-points their links; kinds must agree", "[model][clusters]") {
  Fixture f;
  const SpanId c1 = f.add("CLAIM", "14 workers were evacuated", 0);
  const SpanId c2 = f.add("CLAIM", "about 30 workers", 1);
  const SpanId c3 = f.add("CLAIM", "Two people were treated in hospital", 1);
  const SpanId p = f.add("PERSON", "Ines Oduya", 0);
  const ClusterId a = join_new_cluster(f.history, c1, "evacuated");
  const ClusterId b = join_new_cluster(f.history, c2, "30 workers");
  const std::string link = f.corpus.schema().link_types().at(0).name;
  f.history.run<AddLink>(link, Ref{Ref::Cluster, b}, Ref{Ref::Span, c3});
  const ClusterId e = join_new_cluster(f.history, p, "Ines");
  CHECK_THROWS_WITH(merge_clusters(f.history, e, a), Catch::Contains("groups entity spans"));
  merge_clusters(f.history, b, a);
  const auto links = f.corpus.links_of(Ref{Ref::Cluster, a});
  REQUIRE(links.size() == 1);
  CHECK(f.corpus.find_link(links[0])->target == Ref{Ref::Span, c3});
  f.history.undo();
  CHECK(f.corpus.links_of(Ref{Ref::Cluster, a}).empty());
  CHECK(f.corpus.links_of(Ref{Ref::Cluster, b}).size() == 1);
}
