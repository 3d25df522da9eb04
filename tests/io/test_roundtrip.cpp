// Round-trip property: random multilingual corpora (emoji, combining marks, RTL, CJK, control
// characters; nested and discontinuous spans, relations, clusters, links, several annotators)
// -> export -> import -> identical state -> identical bytes.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>

#include "io_support.hpp"

using namespace goldspan;
using namespace goldspan::test;
using ojson = nlohmann::ordered_json;

namespace {

struct RandomCorpus : Blank {
  RandomCorpus(uint64_t seed, bool removals) {
    std::mt19937_64 rng(seed);
    const size_t docs = 1 + rng() % 4;
    for (size_t d = 0; d < docs; ++d)
      corpus.add_document(std::make_shared<Document>("doc-" + std::to_string(d) + (d % 2 ? " ü/\"x\"" : ""),
                                                     random_text(rng, 5 + rng() % 120), tok));
    int64_t now = 1700000000000;
    history.set_clock([now]() mutable { return now += 1234; });
    random_annotations(history, rng, 150, removals);
  }
};

// Renames the ids of a parsed gold file through the import's old -> new maps.
void rename_ids(ojson& j, const GoldImport& in, const AppliedIds& ids) {
  std::map<std::string, std::string> span, rel, cluster, link;
  for (size_t i = 0; i < in.spans.size(); ++i) span[in.spans[i].id] = format_id('s', ids.spans[i]);
  for (size_t i = 0; i < in.relations.size(); ++i) rel[in.relations[i].id] = format_id('r', ids.relations[i]);
  for (size_t i = 0; i < in.clusters.size(); ++i) cluster[in.clusters[i].id] = format_id('c', ids.clusters[i]);
  for (size_t i = 0; i < in.links.size(); ++i) link[in.links[i].id] = format_id('l', ids.links[i]);
  auto end = [&](ojson& e) {
    if (e.is_string()) e = cluster.at(e.get<std::string>());
    else e["span"] = span.at(e["span"].get<std::string>());
  };
  for (ojson& d : j["documents"]) {
    for (ojson& s : d["spans"]) s["id"] = span.at(s["id"].get<std::string>());
    for (ojson& r : d["relations"]) {
      r["id"] = rel.at(r["id"].get<std::string>());
      r["from"] = span.at(r["from"].get<std::string>());
      r["to"] = span.at(r["to"].get<std::string>());
    }
  }
  for (ojson& c : j["clusters"]) {
    c["id"] = cluster.at(c["id"].get<std::string>());
    for (ojson& m : c["members"]) m["span"] = span.at(m["span"].get<std::string>());
  }
  for (ojson& l : j["cluster_links"]) {
    l["id"] = link.at(l["id"].get<std::string>());
    end(l["from"]);
    end(l["to"]);
  }
}

}  // namespace

TEST_CASE("round trip: random corpora come back identical, ids and bytes included", "[io][gold][property]") {
  size_t spans = 0, discontinuous = 0, clusters = 0, links = 0;
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    INFO("seed " << seed);
    RandomCorpus a(seed, false);
    const bool utf16 = seed % 3 == 0;
    const std::string first = write_gold(a.corpus, fixed_options(utf16));
    Blank b;
    const GoldImport in = parse_gold(first, "rt.json", &b.corpus.schema(), b.tok);
    INFO((in.errors.empty() ? "" : in.errors[0]));
    REQUIRE(in.ok());
    REQUIRE(in.warnings.empty());
    apply_gold(b.corpus, b.history, in);
    b.corpus.check_invariants();
    REQUIRE(dump_without_modified(b.corpus) == dump_without_modified(a.corpus));
    REQUIRE(write_gold(b.corpus, fixed_options(utf16)) == first);
    spans += a.corpus.span_count();
    for (SpanId id : a.corpus.span_ids()) discontinuous += a.corpus.span(id).fragments.size() > 1;
    clusters += a.corpus.clusters().size();
    links += a.corpus.links().size();
  }
  // The generator must really exercise what the format carries.
  CHECK(spans > 1000);
  CHECK(discontinuous > 50);
  CHECK(clusters > 20);
  CHECK(links > 20);
}

TEST_CASE("round trip: with gaps in the ids (removals, undo), the same state under new ids", "[io][gold][property]") {
  for (uint64_t seed = 100; seed < 120; ++seed) {
    INFO("seed " << seed);
    RandomCorpus a(seed, true);
    const std::string first = write_gold(a.corpus, fixed_options());
    Blank b;
    const GoldImport in = parse_gold(first, "rt.json", nullptr, b.tok);
    REQUIRE(in.ok());
    const AppliedIds ids = apply_gold(b.corpus, b.history, in);
    const std::string second = write_gold(b.corpus, fixed_options());
    ojson expected = ojson::parse(first);
    rename_ids(expected, in, ids);
    REQUIRE(ojson::parse(second) == expected);
    // From then on the ids are dense: the next round trip is byte-identical.
    Blank c;
    apply_gold(c.corpus, c.history, parse_gold(second, "rt2.json", nullptr, c.tok));
    REQUIRE(write_gold(c.corpus, fixed_options()) == second);
  }
}
