// Sentences of docs/formats.md that no other test covered, one check each, on the shipped
// samples: brat file names and notes, CoNLL edges inside tokens and discontinuous spans, Label
// Studio's cancelled annotations, multi-label regions and relation directions, Prodigy spans
// that cover no token or end inside one.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "io/brat.hpp"
#include "io/conll.hpp"
#include "io/doccano.hpp"
#include "io/label_studio.hpp"
#include "io/prodigy.hpp"
#include "io/read_files.hpp"
#include "io_support.hpp"

using namespace goldspan;
using namespace goldspan::test;
using json = nlohmann::json;

namespace {

bool warned(const std::vector<std::string>& w, const std::string& part) {
  for (const std::string& x : w)
    if (x.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

// "brat standoff": "Ids that are not safe file names have other characters replaced by `_`
// (warning)"; "In `AnnotatorNotes` (free text) they [line breaks] become spaces".
TEST_CASE("formats.md brat: unsafe ids become file names with _, line breaks in notes spaces", "[io][brat][docs]") {
  Tokenizer tok("en");
  Corpus c(default_schema());
  const auto text = read_file(std::string(GOLDSPAN_SOURCE_DIR) + "/assets/sample/harbor-a.txt");
  REQUIRE(text);
  c.add_document(std::make_shared<Document>("harbor a/1", *text, tok));
  History h(c);
  const SpanId ines = h.run<AddSpan>("harbor a/1", "PERSON", std::vector<Range>{find_text(c.document(0), "Ines Oduya")}).id();
  const ClusterId cl = h.run<CreateCluster>(SpanKind::Entity, "Ines\nOduya").id();
  h.run<AddMember>(cl, ines);
  Warnings w;
  const auto files = write_brat(c, w);
  CHECK(files[0].name == "harbor_a_1.txt");
  CHECK(files[1].name == "harbor_a_1.ann");
  CHECK(warned(w, "brat: 1 document ids changed to make file names"));
  CHECK(files[1].contents.find("; cluster c1 Ines Oduya\n") != std::string::npos);
}

// "CoNLL-2003 BIO": "A span whose edge falls inside a token tags the whole token (warning). A
// discontinuous span becomes one B-… run per fragment (warning)."
TEST_CASE("formats.md CoNLL: an edge inside a token tags it whole; fragments are runs of their own", "[io][conll][docs]") {
  Fixture f(default_schema(), {"harbor-a"});
  f.history.run<AddSpan>("harbor-a", "PERSON", std::vector<Range>{[&] {
                           Range r = f.find("Oduya");
                           return Range{r.start, r.end - 2};  // "Odu"
                         }()},
                         EdgeMode::Character);
  f.history.run<AddSpan>("harbor-a", "ORGANIZATION", std::vector<Range>{f.find("Kestrel"), f.find("Logistics")}, EdgeMode::Character);
  Warnings w;
  const std::string out = write_conll(f.corpus, f.tok, ConllOptions{}, w);
  CHECK(warned(w, "CoNLL: 1 span edges inside a token, widened to whole tokens"));
  CHECK(warned(w, "CoNLL: 1 discontinuous spans written as separate B-... runs"));
  CHECK(out.find("Oduya _ _ B-PERSON\n") != std::string::npos);
  CHECK(out.find("Kestrel _ _ B-ORGANIZATION\nLogistics _ _ B-ORGANIZATION\n") != std::string::npos);
}

// "Label Studio JSON", import: "per task the first annotation that is not cancelled (others:
// warning)"; "a region with several labels becomes one span per label (warning); direction
// `left` swaps the ends, `bi` is read as from → to (warning)".
TEST_CASE("formats.md Label Studio: cancelled annotations, several labels, relation directions", "[io][label-studio][docs]") {
  Blank b;
  const std::string tasks = R"([{"data": {"text": "Ines Oduya said the sprinklers failed."}, "annotations": [
      {"was_cancelled": true, "result": []},
      {"result": [
        {"id": "p", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 10, "labels": ["PERSON", "ORGANIZATION"]}},
        {"id": "c", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 16, "end": 37, "labels": ["CLAIM"]}},
        {"id": "q", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 11, "end": 15, "labels": ["CUE"]}},
        {"from_id": "p", "to_id": "c", "type": "relation", "direction": "left", "labels": ["claimant"]},
        {"from_id": "c", "to_id": "q", "type": "relation", "direction": "bi", "labels": ["cue"]}]}]}])";
  const GoldImport in = parse_label_studio(tasks, "t.json", default_schema(), b.tok);
  REQUIRE(in.errors == std::vector<std::string>{});
  CHECK(warned(in.warnings, "reads annotations[1], 1 other annotations of this task ignored"));
  CHECK(warned(in.warnings, "several labels: one span per label"));
  CHECK(warned(in.warnings, "a bidirectional relation is read as from -> to"));
  REQUIRE(in.spans.size() == 4);
  CHECK(in.spans[0].label == "PERSON");
  CHECK(in.spans[1].label == "ORGANIZATION");
  CHECK(in.spans[1].fragments == in.spans[0].fragments);
  REQUIRE(in.relations.size() == 2);
  CHECK(in.spans[in.relations[0].from].label == "CLAIM");  // left: swapped, so the claim is the source
  CHECK(in.spans[in.relations[0].to].label == "PERSON");
  CHECK(in.spans[in.relations[1].from].label == "CLAIM");  // bi: from -> to as written
  CHECK(in.spans[in.relations[1].to].label == "CUE");
}

// "Prodigy JSONL": "spans that cover no token (left out; warning)"; "Spans with an edge inside a
// token keep their character offsets; their token indices name the tokens they touch (warning)."
TEST_CASE("formats.md Prodigy: a span of no token left out, an edge inside a token kept", "[io][prodigy][docs]") {
  Fixture f(default_schema(), {"harbor-a"});
  const Range oduya = f.find("Oduya");
  f.history.run<AddSpan>("harbor-a", "PERSON", std::vector<Range>{{oduya.start, oduya.end - 2}}, EdgeMode::Character);
  const Range kestrel = f.find("Kestrel Logistics");
  f.history.run<AddSpan>("harbor-a", "CUE", std::vector<Range>{{kestrel.start + 7, kestrel.start + 8}}, EdgeMode::Character);  // the space
  Warnings w;
  const std::string out = write_prodigy(f.corpus, w);
  const json d = json::parse(out.substr(0, out.find('\n')));
  CHECK(warned(w, "Prodigy: 1 span fragments covering no token left out"));
  CHECK(warned(w, "Prodigy: 1 spans with an edge inside a token"));
  REQUIRE(d["spans"].size() == 1);
  const json& s = d["spans"][0];
  CHECK(s["start"] == oduya.start);
  CHECK(s["end"] == oduya.end - 2);
  CHECK(d["tokens"][s["token_start"].get<size_t>()]["text"] == "Oduya");
  CHECK(s["token_end"] == s["token_start"]);
}

// "brat standoff", import: "Skipped with a warning: ... normalizations (N), notes (#)".
TEST_CASE("formats.md brat: normalizations and notes are skipped, each counted", "[io][brat][docs]") {
  Blank b;
  const std::string text = "Ines Oduya said so.";
  const std::string ann = "T1\tPERSON 0 10\tInes Oduya\nN1\tReference T1 Wikipedia:123\tInes Oduya\n#1\tAnnotatorNotes T1\tchecked\n";
  const GoldImport in = parse_brat({{"d", text, ann, "d.ann"}}, default_schema(), b.tok);
  REQUIRE(in.errors == std::vector<std::string>{});
  CHECK(in.spans.size() == 1);
  CHECK(warned(in.warnings, "brat: 1 normalizations (N) skipped"));
  CHECK(warned(in.warnings, "brat: 1 notes (#) skipped"));
}

// "doccano JSONL" and "Prodigy JSONL", import: document ids from `id` / `meta.id`, else the
// file name (without its extension) and the line number.
TEST_CASE("formats.md doccano, Prodigy: document ids from the record, else FILE-LINE", "[io][doccano][prodigy][docs]") {
  Blank b;
  const GoldImport d = parse_doccano("{\"id\": 7, \"text\": \"a\"}\n{\"text\": \"b\"}\n", "dir/export.jsonl", default_schema(), b.tok);
  REQUIRE(d.errors == std::vector<std::string>{});
  CHECK(d.documents[0]->id() == "7");
  CHECK(d.documents[1]->id() == "export-2");
  const GoldImport p = parse_prodigy("{\"text\": \"a\", \"meta\": {\"id\": \"x\"}, \"answer\": \"accept\"}\n{\"text\": \"b\", \"answer\": \"accept\"}\n",
                                     "p.jsonl", default_schema(), b.tok);
  REQUIRE(p.errors == std::vector<std::string>{});
  CHECK(p.documents[0]->id() == "x");
  CHECK(p.documents[1]->id() == "p-2");
}

// "brat standoff", import: "A valueless (binary) attribute reads as `true`."
TEST_CASE("formats.md brat: a valueless attribute reads as true", "[io][brat][docs]") {
  const Schema schema = Schema::parse(R"({"version": 1, "entity_types": [{"name": "PERSON", "color": "#000000",
    "attributes": [{"name": "Negated", "values": ["true"]}]}]})");
  Blank b(schema);
  const GoldImport in = parse_brat({{"d", "Ines Oduya said so.", "T1\tPERSON 0 10\tInes Oduya\nA1\tNegated T1\n", "d.ann"}}, schema, b.tok);
  REQUIRE(in.errors == std::vector<std::string>{});
  CHECK(in.spans[0].attributes == std::vector<std::pair<std::string, std::string>>{{"Negated", "true"}});
}

// "In the page": "`annotation.conf` | ignored, with a warning: the page's schema is used".
TEST_CASE("formats.md page: annotation.conf in a drop is ignored with a warning", "[io][read_files][docs]") {
  Tokenizer tok("en");
  const ReadFiles r = read_files({{"corpus/d.txt", "Ines Oduya said so."}, {"corpus/d.ann", "T1\tPERSON 0 10\tInes Oduya\n"},
                                  {"corpus/annotation.conf", "[entities]\nHARBOUR\n"}},
                                 default_schema(), tok);
  REQUIRE(r.import.errors == std::vector<std::string>{});
  CHECK(r.import.spans.size() == 1);
  CHECK(warned(r.import.warnings, "corpus/annotation.conf: brat's annotation.conf is not read: the page's schema is used"));
}
