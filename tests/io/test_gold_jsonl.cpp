// Gold JSONL (one document per line, for shards): each line is a gold file of its own; the
// lines merge back into the corpus exactly, minus the clusters and links across documents,
// which are warned; bad lines are named.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>

#include "io/gold_jsonl.hpp"
#include "io_support.hpp"

using namespace goldspan;
using namespace goldspan::test;

namespace {

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  for (size_t at = 0, nl; (nl = s.find('\n', at)) != std::string::npos; at = nl + 1) out.push_back(s.substr(at, nl - at));
  return out;
}

}  // namespace

TEST_CASE("gold jsonl: one gold file per document, each line readable alone", "[io][gold][jsonl]") {
  Fixture f;
  annotate_samples(f);
  Warnings w;
  const std::string out = write_gold_jsonl(f.corpus, fixed_options(), w);
  const auto lines = lines_of(out);
  REQUIRE(lines.size() == f.corpus.document_count());
  for (size_t i = 0; i < lines.size(); ++i) {
    Blank b;
    const GoldImport one = parse_gold(lines[i], "line", &b.corpus.schema(), b.tok);
    REQUIRE(one.errors.empty());
    REQUIRE(one.documents.size() == 1);
    CHECK(one.documents[0]->id() == f.corpus.document(i).id());
    CHECK(one.spans.size() == f.corpus.document_spans(i).size());
  }
  // The fixture's clusters c1, c2, c4 span documents; l1 and l3 end at c4.
  REQUIRE(w.size() == 2);
  CHECK(w[0].find("3 clusters span several documents") != std::string::npos);
  CHECK(w[1].find("2 claim links join several documents") != std::string::npos);
}

TEST_CASE("gold jsonl: the lines merge into the corpus minus what crosses documents", "[io][gold][jsonl]") {
  Fixture f;
  annotate_samples(f);
  Warnings w;
  const std::string jsonl = write_gold_jsonl(f.corpus, fixed_options(), w);
  Blank b;
  const GoldImport in = parse_gold_jsonl(jsonl, "shard.jsonl", nullptr, b.tok);
  REQUIRE(in.errors.empty());
  apply_gold(b.corpus, b.history, in);
  b.corpus.check_invariants();

  // What the lines cannot carry, removed from the original by hand: links first, then clusters.
  for (LinkId l : std::vector<LinkId>{1, 3}) f.history.run<RemoveLink>(l);
  for (ClusterId c : std::vector<ClusterId>{1, 2, 4}) {
    for (SpanId m : std::vector<SpanId>(f.corpus.find_cluster(c)->members)) f.history.run<RemoveMember>(c, m);
    f.history.run<DeleteCluster>(c);
  }
  // Span and relation ids are the file's; cluster and link ids are renumbered on import (the
  // removed ones left gaps), so those compare by content, cluster ends by cluster name.
  auto content = [](const std::string& gold) {
    nlohmann::json j = nlohmann::json::parse(gold);
    std::map<std::string, std::string> name;
    for (auto& c : j["clusters"]) {
      name[c["id"]] = c["label"];
      c.erase("id");
    }
    for (auto& l : j["cluster_links"]) {
      l.erase("id");
      for (const char* end : {"from", "to"})
        if (l[end].is_string()) l[end] = name[l[end]];
    }
    j.erase("provenance");
    return j;
  };
  const nlohmann::json got = content(write_gold(b.corpus, fixed_options())), want = content(write_gold(f.corpus, fixed_options()));
  CHECK(got["documents"] == want["documents"]);
  CHECK(got["clusters"] == want["clusters"]);
  CHECK(got["cluster_links"] == want["cluster_links"]);
  CHECK(got["clusters"].size() == 1);
  CHECK(got["cluster_links"].size() == 1);
  CHECK(got == want);
  // What is within one document round-trips byte for byte through the lines again.
  Warnings again;
  const std::string second = write_gold_jsonl(b.corpus, fixed_options(), again);
  Blank c;
  apply_gold(c.corpus, c.history, parse_gold_jsonl(second, "again.jsonl", nullptr, c.tok));
  CHECK(write_gold_jsonl(c.corpus, fixed_options(), again) == second);
  CHECK(again.empty());
}

TEST_CASE("gold jsonl: concatenated shards are one corpus; bad lines are named", "[io][gold][jsonl]") {
  Fixture f;
  annotate_samples(f);
  Warnings w;
  const auto lines = lines_of(write_gold_jsonl(f.corpus, fixed_options(), w));
  {
    Blank b;
    const GoldImport in = parse_gold_jsonl(lines[2] + "\n\n" + lines[0] + "\r\n" + lines[1], "all.jsonl", nullptr, b.tok);
    REQUIRE(in.errors.empty());
    REQUIRE(in.documents.size() == 3);
    CHECK(in.documents[0]->id() == f.corpus.document(2).id());
  }
  {
    Blank b;
    const GoldImport in = parse_gold_jsonl(lines[0] + "\n" + lines[0] + "\n", "twice.jsonl", nullptr, b.tok);
    REQUIRE(in.errors.size() == 1);
    CHECK(in.errors[0].rfind("twice.jsonl: line 2: document 'harbor-a' is on an earlier line too", 0) == 0);
  }
  {
    Blank b;
    std::string bad = lines[1];
    bad.resize(bad.size() / 2);  // cut in the middle
    const GoldImport in = parse_gold_jsonl(lines[0] + "\n" + bad + "\n", "cut.jsonl", nullptr, b.tok);
    REQUIRE_FALSE(in.errors.empty());
    CHECK(in.errors[0].rfind("cut.jsonl: line 2", 0) == 0);
  }
  {
    Blank b;
    const GoldImport in = parse_gold_jsonl("\n\n", "empty.jsonl", nullptr, b.tok);
    REQUIRE(in.errors.size() == 1);
    CHECK(in.errors[0] == "empty.jsonl: no documents (one gold file per line expected)");
  }
}
