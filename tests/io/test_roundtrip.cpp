// Round-trip property: random multilingual corpora (emoji, combining marks, RTL, CJK, control
// characters; nested and discontinuous spans, relations, clusters, links, several annotators)
// -> export -> import -> identical state -> identical bytes.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>

#include "io/brat.hpp"
#include "io/doccano.hpp"
#include "io/label_studio.hpp"
#include "io/prodigy.hpp"
#include "io/w3c.hpp"
#include "io_support.hpp"
#include "text/utf8.hpp"

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

// W3C carries every record (spans, fragments, attributes, relations, clusters, links, stamps),
// so an export read back over the same texts is the same corpus, ids included.
TEST_CASE("round trip: random multilingual corpora through W3C come back identical", "[io][w3c][property]") {
  for (uint64_t seed = 1; seed <= 25; ++seed) {
    INFO("seed " << seed);
    RandomCorpus a(seed, false);
    Warnings w;
    const std::string file = write_w3c(a.corpus, w);
    Blank b;
    std::vector<std::shared_ptr<const Document>> texts;
    for (size_t d = 0; d < a.corpus.document_count(); ++d)
      texts.push_back(std::make_shared<const Document>(a.corpus.document(d).id(), std::string(a.corpus.document(d).text()), b.tok));
    const GoldImport in = parse_w3c(file, "rt.jsonld", texts, b.corpus.schema(), b.tok);
    INFO((in.errors.empty() ? "" : in.errors[0]));
    REQUIRE(in.ok());
    REQUIRE(in.warnings.empty());
    apply_gold(b.corpus, b.history, in);
    b.corpus.check_invariants();
    REQUIRE(dump_without_modified(b.corpus) == dump_without_modified(a.corpus));
  }
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

namespace {

// Where Python's str.splitlines ends a line; brat reads .ann files that way.
bool python_line_break(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 || c == 0x2029;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == sep) out.emplace_back();
    else out.back().push_back(c);
  }
  return out;
}

// The text as JavaScript sees it, and back.
std::u16string utf16(std::string_view t) {
  std::u16string u;
  for (size_t i = 0; i < t.size(); i += size_t(utf8::seq_len(static_cast<unsigned char>(t[i])))) {
    const char32_t c = utf8::decode(t, i);
    if (c >= 0x10000) {
      u += char16_t(0xD800 + ((c - 0x10000) >> 10));
      u += char16_t(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      u += char16_t(c);
    }
  }
  return u;
}

}  // namespace

// Each target's reading, simulated from its own rules: brat slices Python strings and compares
// the text column exactly (nlplab/brat, server/src/annotation.py); Label Studio and doccano's
// backend slice code points; doccano's annotation page slices UTF-16; Prodigy rebuilds the
// text from tokens and ws (spaCy's Doc.text).
TEST_CASE("round trip: random multilingual corpora, each export as its target reads it", "[io][interchange][property]") {
  size_t brat_cut = 0;
  for (uint64_t seed = 1; seed <= 25; ++seed) {
    INFO("seed " << seed);
    RandomCorpus a(seed, false);
    std::map<std::string, const Document*> docs;
    for (size_t d = 0; d < a.corpus.document_count(); ++d) docs[a.corpus.document(d).id()] = &a.corpus.document(d);

    Warnings w;
    const std::vector<ExportFile> brat = write_brat(a.corpus, w);
    std::vector<BratDocument> back;
    for (size_t d = 0; d < a.corpus.document_count(); ++d) {
      const Document& doc = a.corpus.document(d);
      const std::string& ann = brat[2 * d + 1].contents;
      for (size_t i = 0; i < ann.size(); i += size_t(utf8::seq_len(static_cast<unsigned char>(ann[i]))))
        if (ann[i] != '\n') REQUIRE_FALSE(python_line_break(utf8::decode(ann, i)));
      for (const std::string& line : split(ann, '\n')) {
        if (line.empty() || line[0] != 'T') continue;
        const auto cols = split(line, '\t');
        REQUIRE(cols.size() == 3);
        std::string text;
        const auto frags = split(cols[1].substr(cols[1].find(' ') + 1), ';');
        brat_cut += frags.size() > 1;
        for (const std::string& f : frags) {
          const auto se = split(f, ' ');
          REQUIRE(se.size() == 2);
          text += (text.empty() ? "" : " ") + std::string(doc.slice(uint32_t(std::stoul(se[0])), uint32_t(std::stoul(se[1]))));
        }
        REQUIRE(cols[2] == text);
      }
      back.push_back({doc.id(), brat[2 * d].contents, ann, brat[2 * d + 1].name});
    }
    Blank b;
    const GoldImport from_brat = parse_brat(back, b.corpus.schema(), b.tok);
    INFO((from_brat.errors.empty() ? "" : from_brat.errors[0]));
    REQUIRE(from_brat.errors.empty());

    const nlohmann::json ls = nlohmann::json::parse(write_label_studio(a.corpus, w));
    for (const auto& task : ls)
      for (const auto& r : task["annotations"][0]["result"])
        if (r["type"] == "labels")
          REQUIRE(r["value"]["text"] == std::string(docs.at(task["data"]["doc_id"])->slice(r["value"]["start"], r["value"]["end"])));
    REQUIRE(parse_label_studio(ls.dump(), "ls.json", b.corpus.schema(), b.tok).errors.empty());

    DoccanoWriteOptions u16;
    u16.offsets = DoccanoOffsets::Utf16;
    const std::string cp_lines = write_doccano(a.corpus, w), u16_lines = write_doccano(a.corpus, w, u16);
    const auto cps = split(cp_lines, '\n'), units = split(u16_lines, '\n');
    for (size_t d = 0; d < a.corpus.document_count(); ++d) {
      const nlohmann::json x = nlohmann::json::parse(cps[d]), y = nlohmann::json::parse(units[d]);
      const std::u16string js = utf16(x["text"].get<std::string>());
      REQUIRE(x["entities"].size() == y["entities"].size());
      for (size_t e = 0; e < x["entities"].size(); ++e) {
        const std::string by_cp(a.corpus.document(d).slice(x["entities"][e]["start_offset"], x["entities"][e]["end_offset"]));
        const size_t s16 = y["entities"][e]["start_offset"], e16 = y["entities"][e]["end_offset"];
        REQUIRE(e16 <= js.size());
        REQUIRE(js.substr(s16, e16 - s16) == utf16(by_cp));
      }
    }
    REQUIRE(parse_doccano(cp_lines, "d.jsonl", b.corpus.schema(), b.tok).errors.empty());

    const auto prodigy = split(write_prodigy(a.corpus, w), '\n');
    for (size_t d = 0; d < a.corpus.document_count(); ++d) {
      const nlohmann::json ex = nlohmann::json::parse(prodigy[d]);
      std::string rebuilt;
      for (const auto& t : ex["tokens"]) rebuilt += t["text"].get<std::string>() + (t["ws"] == true ? " " : "");
      REQUIRE(rebuilt == ex["text"].get<std::string>());
    }
  }
  CHECK(brat_cut > 20);  // line breaks inside spans, and real discontinuous spans, were exercised
}
