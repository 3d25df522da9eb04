// Adjudication of several annotators' gold files (core/agree/adjudicate.hpp): identical files
// give the file back, majority / unanimous / prefer, attribute and overlap conflicts, and the
// result validates and re-imports as gold JSON.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "agree/adjudicate.hpp"
#include "error.hpp"
#include "io/gold_json.hpp"
#include "io/sha256.hpp"
#include "io/io_support.hpp"

using namespace goldspan;
using namespace goldspan::test;

namespace {

// A gold file of harbor-a with the spans `make` adds, written and read back as any file is.
template <class F>
GoldImport file_of(F make, const std::string& name = "a.json") {
  Fixture f(default_schema(), {"harbor-a"});
  make(f);
  Tokenizer tok(default_schema().locale());
  GoldImport g = parse_gold(write_gold(f.corpus, fixed_options()), name, nullptr, tok);
  REQUIRE(g.ok());
  return g;
}

std::vector<std::string> labels_and_texts(const Adjudication& a) {
  std::vector<std::string> out;
  for (const ImportedSpan& s : a.gold.spans)
    out.push_back(s.label + " " + std::string(a.gold.documents[s.doc]->slice(s.fragments.front().start, s.fragments.back().end)));
  return out;
}

Adjudication run(const std::vector<const GoldImport*>& files, AdjudicateOptions o = {}) {
  std::vector<std::string> names;
  for (size_t i = 0; i < files.size(); ++i) names.push_back(std::string(1, char('A' + i)));
  return adjudicate(files, names, o);
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("adjudicate: identical files give the file back, every record with every annotator", "[agree][adjudicate]") {
  Fixture f;
  annotate_samples(f);
  Tokenizer tok(default_schema().locale());
  const std::string original = write_gold(f.corpus, fixed_options());
  const GoldImport g = parse_gold(original, "a.json", nullptr, tok);
  REQUIRE(g.ok());
  const Adjudication a = run({&g, &g, &g});
  CHECK(a.conflicts.empty());
  CHECK(a.gold.spans.size() == g.spans.size());
  CHECK(a.gold.relations.size() == g.relations.size());
  CHECK(a.gold.clusters.size() == g.clusters.size());
  CHECK(a.gold.links.size() == g.links.size());
  REQUIRE(g.links.size() == 3);
  for (const auto& v : a.span_votes) CHECK(v == V{"A", "B", "C"});
  CHECK(a.link_votes == std::vector<V>(3, V{"A", "B", "C"}));
  CHECK(a.gold.warnings.empty());

  // Applied and written, it is the original file.
  Blank b;
  b.history.set_clock([] { return int64_t(1); });
  apply_gold(b.corpus, b.history, a.gold);
  auto again = nlohmann::ordered_json::parse(write_gold(b.corpus, fixed_options()));
  auto want = nlohmann::ordered_json::parse(original);
  CHECK(again["documents"] == want["documents"]);
  CHECK(again["clusters"] == want["clusters"]);
  CHECK(again["cluster_links"] == want["cluster_links"]);
  CHECK(again["schema"] == want["schema"]);
}

TEST_CASE("adjudicate: majority keeps what more than half had and lists the rest", "[agree][adjudicate]") {
  const GoldImport a = file_of([](Fixture& f) { f.add("PERSON", "Ines Oduya"); f.add("ORGANIZATION", "Kestrel Logistics"); });
  const GoldImport b = file_of([](Fixture& f) { f.add("PERSON", "Ines Oduya"); f.add("LOCATION", "Port of Valmora"); });
  const GoldImport c = file_of([](Fixture& f) { f.add("PERSON", "Ines Oduya"); f.add("ORGANIZATION", "Kestrel Logistics"); });
  const Adjudication m = run({&a, &b, &c});
  CHECK(labels_and_texts(m) == V{"ORGANIZATION Kestrel Logistics", "PERSON Ines Oduya"});
  CHECK(m.span_votes == std::vector<V>{{"A", "C"}, {"A", "B", "C"}});
  REQUIRE(m.conflicts.size() == 1);
  CHECK(m.conflicts[0].kind == "span");
  CHECK_THAT(m.conflicts[0].what, Catch::Contains("LOCATION") && Catch::Contains("\"Port of Valmora\""));
  CHECK(m.conflicts[0].had == V{"B"});
  CHECK(m.conflicts[0].lacked == V{"A", "C"});

  AdjudicateOptions u;
  u.strategy = AdjudicationStrategy::Unanimous;
  const Adjudication all = run({&a, &b, &c}, u);
  CHECK(labels_and_texts(all) == V{"PERSON Ines Oduya"});
  CHECK(all.conflicts.size() == 2);
}

TEST_CASE("adjudicate: two annotators tie on every disagreement; prefer decides", "[agree][adjudicate]") {
  const GoldImport a = file_of([](Fixture& f) { f.add("PERSON", "Ines Oduya"); });
  const GoldImport b = file_of([](Fixture& f) { f.add("PERSON", "Tomas Brandt"); });
  CHECK(run({&a, &b}).gold.spans.empty());
  CHECK(run({&a, &b}).conflicts.size() == 2);
  AdjudicateOptions p;
  p.prefer = "B";
  const Adjudication r = run({&a, &b}, p);
  CHECK(labels_and_texts(r) == V{"PERSON Tomas Brandt"});
  CHECK(r.conflicts.size() == 1);
}

TEST_CASE("adjudicate: attributes by the same rule; an unsettled one is left unset and listed", "[agree][adjudicate]") {
  auto claim = [](const char* stance, const char* worthy) {
    return [=](Fixture& f) {
      const SpanId c = f.add("CLAIM", "The sprinklers failed in the east wing");
      f.history.run<SetAttribute>(c, "stance", std::string(stance));
      f.history.run<SetAttribute>(c, "check_worthy", std::string(worthy));
    };
  };
  const GoldImport a = file_of(claim("asserted", "yes")), b = file_of(claim("denied", "yes"));
  const Adjudication r = run({&a, &b});
  REQUIRE(r.gold.spans.size() == 1);
  CHECK(r.gold.spans[0].attributes == std::vector<std::pair<std::string, std::string>>{{"check_worthy", "yes"}});
  REQUIRE(r.conflicts.size() == 1);
  CHECK(r.conflicts[0].kind == "attribute");
  CHECK_THAT(r.conflicts[0].what, Catch::Contains("stance (asserted: A, denied: B)"));
}

TEST_CASE("adjudicate: a relation is kept when its ends are and enough annotators had it", "[agree][adjudicate]") {
  auto with_claimant = [](const char* person) {
    return [=](Fixture& f) {
      const SpanId c = f.add("CLAIM", "The sprinklers failed in the east wing");
      f.history.run<AddRelation>("claimant", c, f.add("PERSON", person));
    };
  };
  const GoldImport a = file_of(with_claimant("Ines Oduya")), b = file_of(with_claimant("Ines Oduya"));
  const GoldImport c = file_of(with_claimant("Ines"));  // a shorter PERSON: its relation's end differs
  const Adjudication r = run({&a, &b, &c});
  CHECK(r.gold.relations.size() == 1);
  CHECK(r.relation_votes == std::vector<V>{{"A", "B"}});
}

TEST_CASE("adjudicate: a document with two texts is an error naming both files", "[agree][adjudicate]") {
  const GoldImport a = file_of([](Fixture&) {}, "a.json");
  nlohmann::json j = nlohmann::json::parse(write_gold(Fixture(default_schema(), {"harbor-a"}).corpus, fixed_options()));
  std::string text = j["documents"][0]["text"];
  text += " Changed.";
  j["documents"][0]["text"] = text;
  j["documents"][0]["sha256"] = sha256_hex(text);
  Tokenizer tok;
  const GoldImport b = parse_gold(j.dump(), "b.json", nullptr, tok);
  REQUIRE(b.ok());
  try {
    run({&a, &b});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK_THAT(std::string(e.what()), Catch::Contains("a.json and b.json") && Catch::Contains("harbor-a"));
  }
}

TEST_CASE("adjudicate: a claim link is kept when its ends are and enough annotators had it", "[agree][adjudicate]") {
  // A and B link the same two claims "same"; C links them "contradicts", and its second claim
  // is shorter, so C's link has an end nobody else marked.
  auto linked = [](const char* type, const char* second) {
    return [=](Fixture& f) {
      const SpanId x = f.add("CLAIM", "The sprinklers failed in the east wing");
      const SpanId y = f.add("CLAIM", second);
      f.history.run<AddLink>(type, Ref{Ref::Span, x}, Ref{Ref::Span, y});
    };
  };
  const GoldImport a = file_of(linked("same", "the fire began in a neighbouring shed"));
  const GoldImport b = file_of(linked("same", "the fire began in a neighbouring shed"));
  const GoldImport c = file_of(linked("contradicts", "the fire began"));
  const Adjudication r = run({&a, &b, &c});
  REQUIRE(r.gold.links.size() == 1);
  CHECK(r.gold.links[0].type == "same");
  CHECK(r.link_votes == std::vector<V>{{"A", "B"}});
  // Its ends point at the kept spans.
  const ImportedLink& l = r.gold.links[0];
  REQUIRE(!l.from.cluster);
  REQUIRE(!l.to.cluster);
  CHECK(labels_and_texts(r)[l.from.index] == "CLAIM The sprinklers failed in the east wing");
  CHECK(labels_and_texts(r)[l.to.index] == "CLAIM the fire began in a neighbouring shed");
  std::vector<Conflict> links;
  for (const Conflict& k : r.conflicts)
    if (k.kind == "link") links.push_back(k);
  REQUIRE(links.size() == 1);
  CHECK_THAT(links[0].what, Catch::StartsWith("contradicts: CLAIM") && Catch::Contains("(an end was not kept)"));
  CHECK(links[0].had == V{"C"});
  CHECK(links[0].lacked == V{"A", "B"});
  CHECK(links[0].doc.empty());

  // Unanimous: A and B's link lacks C's vote, and is listed.
  AdjudicateOptions u;
  u.strategy = AdjudicationStrategy::Unanimous;
  CHECK(run({&a, &b, &c}, u).gold.links.empty());
  // Two annotators who disagree on the link type tie; prefer takes one side.
  AdjudicateOptions p;
  p.prefer = "B";
  const GoldImport d = file_of(linked("supports", "the fire began in a neighbouring shed"));
  CHECK(run({&a, &d}).gold.links.empty());
  const Adjudication q = run({&a, &d}, p);
  REQUIRE(q.gold.links.size() == 1);
  CHECK(q.gold.links[0].type == "supports");
}

TEST_CASE("adjudicate: a link to a claim cluster needs that cluster kept", "[agree][adjudicate]") {
  // Both link a claim to a claim cluster; C's cluster has another member, so its link's end
  // is a different cluster.
  auto to_cluster = [](bool wide) {
    return [=](Fixture& f) {
      const SpanId x = f.add("CLAIM", "The sprinklers failed in the east wing");
      const SpanId y = f.add("CLAIM", "the fire began in a neighbouring shed");
      const ClusterId k = f.history.run<CreateCluster>(SpanKind::Claim, "Sprinklers").id();
      f.history.run<AddMember>(k, x);
      if (wide) f.history.run<AddMember>(k, f.add("CLAIM", "Kestrel Logistics denied"));
      f.history.run<AddLink>("refines", Ref{Ref::Span, y}, Ref{Ref::Cluster, k});
    };
  };
  const GoldImport a = file_of(to_cluster(false)), b = file_of(to_cluster(false)), c = file_of(to_cluster(true));
  const Adjudication r = run({&a, &b, &c});
  REQUIRE(r.gold.clusters.size() == 1);
  REQUIRE(r.gold.links.size() == 1);
  CHECK(r.gold.links[0].to.cluster);
  CHECK(r.gold.links[0].to.index == 0);
  CHECK(r.link_votes == std::vector<V>{{"A", "B"}});
  // C's link and cluster are open; the result writes and re-imports with the link.
  size_t open_links = 0;
  for (const Conflict& k : r.conflicts) open_links += k.kind == "link";
  CHECK(open_links == 1);
  Blank out;
  apply_gold(out.corpus, out.history, r.gold);
  Tokenizer tok(default_schema().locale());
  const GoldImport back = parse_gold(write_gold(out.corpus, fixed_options()), "gold.json", nullptr, tok);
  REQUIRE(back.ok());
  CHECK(back.links.size() == 1);
}
