// Sentences of docs/formats.md that no other test asserted (found while writing
// docs/formats-coverage.md): one TEST_CASE per section, each check naming what the doc says.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "io/brat.hpp"
#include "io/conll.hpp"
#include "io/doccano.hpp"
#include "io/infer_schema.hpp"
#include "io/label_studio.hpp"
#include "io/plain_text.hpp"
#include "io/prodigy.hpp"
#include "io/read_files.hpp"
#include "io/w3c.hpp"
#include "io_support.hpp"
#include "text/utf8.hpp"

using namespace goldspan;
using namespace goldspan::test;
using json = nlohmann::json;
using Catch::Contains;

namespace {

bool warned(const std::vector<std::string>& w, const std::string& part) {
  for (const std::string& x : w)
    if (x.find(part) != std::string::npos) return true;
  return false;
}

using Texts = std::vector<std::shared_ptr<const Document>>;

std::string w3c_span(const std::string& id, const std::string& source, const std::string& body, const std::string& extra = "") {
  return R"({"@context": "http://www.w3.org/ns/anno.jsonld", "id": ")" + id + R"(", "type": "Annotation", "body": )" + body + extra + R"(, "target": {"source": ")" + source +
         R"(", "selector": {"type": "TextPositionSelector", "start": 0, "end": 10}}})";
}
const char* kPerson = R"({"type": "TextualBody", "purpose": "tagging", "value": "PERSON"})";

}  // namespace

// "brat standoff": the cut characters are "\n, \r, \r\n, U+000B, U+000C, U+001C–U+001E, U+0085,
// U+2028, U+2029" and tab. test_converters.cpp tries \n, \r\n, U+2028, U+0085 and tab; these are
// the others (str.splitlines ends a line at each, so an uncut one would break the .ann line).
TEST_CASE("formats.md brat: a lone \\r, U+000B, U+000C, U+001C-U+001E and U+2029 cut a span too", "[io][brat][docs]") {
  Blank b;
  const std::string text = "a\rb\vc\fd\x1C" "e\x1D" "f\x1E" "g\u2029h";
  const GoldImport doc = parse_text(text, "d.txt", b.tok);
  REQUIRE(doc.ok());
  apply_gold(b.corpus, b.history, doc);
  b.history.run<AddSpan>("d", "CLAIM", std::vector<Range>{{0, 15}}, EdgeMode::Character);
  Warnings w;
  const auto files = write_brat(b.corpus, w);
  CHECK(files[1].contents.substr(0, files[1].contents.find('\n')) == "T1\tCLAIM 0 1;2 3;4 5;6 7;8 9;10 11;12 13;14 15\ta b c d e f g h");
  for (const char* brk : {"\r", "\v", "\f", "\x1C", "\x1D", "\x1E", "\u2029"}) CHECK(files[1].contents.find(brk) == std::string::npos);
  CHECK(warned(w, "brat: 1 spans over line breaks or tabs written as fragments cut there"));
  const GoldImport in = parse_brat({{"d", files[0].contents, files[1].contents, "d.ann"}}, b.corpus.schema(), b.tok);
  REQUIRE(in.errors == std::vector<std::string>{});
  CHECK(in.spans[0].fragments == std::vector<Range>{{0, 15}});  // joined again
}

// "brat standoff", import: "T ..., R, A and M lines"; Equivalences: "A cluster is named by the
// Equiv type and has the kind of its first member's span type"; the groups are those of lines
// sharing members, so ids of two documents (each has its own T1) never merge: brat's own EPI
// corpus has 25 `*` lines in 11 documents, 25 groups (not 11, one per document).
TEST_CASE("formats.md brat: M lines on spans, Equiv clusters of claims, groups per document", "[io][brat][docs]") {
  const Schema schema = Schema::parse(R"({"version": 1, "entity_types": [{"name": "PERSON", "color": "#000000"}],
    "claim_types": [{"name": "CLAIM", "color": "#000000", "attributes": [{"name": "Negated", "values": ["true"]}]}]})");
  Blank b(schema);
  const std::string text = "Fire came. Rain fell.";
  const std::string ann = "T1\tCLAIM 0 9\tFire came\nT2\tCLAIM 11 20\tRain fell\n*\tEquiv T1 T2\nM1\tNegated T2\n";
  const GoldImport in = parse_brat({{"a", text, ann, "a.ann"}, {"b", text, ann, "b.ann"}}, schema, b.tok);
  REQUIRE(in.errors == std::vector<std::string>{});
  REQUIRE(in.clusters.size() == 2);
  for (const ImportedCluster& c : in.clusters) {
    CHECK(c.kind == SpanKind::Claim);
    CHECK(c.name == "Equiv");
    CHECK(c.members.size() == 2);
  }
  CHECK(in.spans[in.clusters[0].members[0]].doc != in.spans[in.clusters[1].members[0]].doc);
  CHECK(warned(in.warnings, "brat: 2 equivalences (from 2 * lines;"));
  CHECK(in.spans[1].attributes == std::vector<std::pair<std::string, std::string>>{{"Negated", "true"}});
  CHECK(in.spans[0].attributes.empty());
}

// "Schema without --schema": storage form (characters other than [a-zA-Z0-9_-] become _), <ANY>,
// kinds guessed by the word claim/cue separated by _ or -, overlap and nesting allowed, ICU's root
// locale, and a name that is no goldspan name (entity, claim, cue) an error asking for --schema.
TEST_CASE("formats.md infer schema: storage form, <ANY>, kinds, overlap, root locale, reserved names", "[io][brat][infer][docs]") {
  Warnings w;
  const Schema s = infer_schema_from_brat_conf(
      "[entities]\nGene.Product|alias\nclaim-span\nMy_Cue\n[relations]\nnear\tArg1:<ANY>, Arg2:Gene_Product\n"
      "[events]\nBind\tTheme:Gene_Product\n",
      "annotation.conf", w);
  std::vector<std::string> names;
  for (const SpanType& t : s.span_types()) names.push_back(t.name);
  CHECK(names == std::vector<std::string>{"Gene_Product", "Bind", "claim-span", "My_Cue"});  // entities, claims, cues
  CHECK(s.span_types()[size_t(s.span_type("claim-span"))].kind == SpanKind::Claim);
  CHECK(s.span_types()[size_t(s.span_type("My_Cue"))].kind == SpanKind::Cue);
  CHECK(s.span_types()[size_t(s.span_type("Gene_Product"))].kind == SpanKind::Entity);
  REQUIRE(s.relation_types().size() == 1);
  CHECK(s.relation_types()[0].sources.size() == 4);  // <ANY>: entities and events
  for (const SpanType& t : s.span_types()) CHECK((t.allow_overlap && t.allow_nesting));
  CHECK(s.locale().empty());  // no locale: ICU's root rules (schema.hpp)
  Warnings bad;
  CHECK_THROWS_WITH(infer_schema_from_brat({{"d", "ab", "T1\tclaim 0 2\tab\n", "d.ann"}}, bad), Contains("give --schema FILE"));
}

// "CoNLL-2003 BIO": "Cannot carry: inner layers, relations, attributes, clusters, claim links,
// document ids, annotators, times (each warned when present)"; "Spans are taken longest first
// (then earliest)".
TEST_CASE("formats.md CoNLL: what it cannot carry is warned; longest span first, then earliest", "[io][conll][docs]") {
  Fixture f;
  annotate_samples(f);
  Warnings w;
  write_conll(f.corpus, f.tok, {}, w);
  CHECK(warned(w, "CoNLL: 4 attribute values not carried"));
  CHECK(warned(w, "CoNLL: 3 claim links not carried"));
  CHECK(warned(w, "CoNLL: document ids, annotators and times not carried"));

  // Overlapping spans need types that allow overlap (the default schema's entities do not).
  const Schema overlapping = Schema::parse(R"({"version": 1, "locale": "en", "entity_types": [
    {"name": "LOC", "color": "#000000", "allow_overlap": true}, {"name": "ORG", "color": "#000000", "allow_overlap": true},
    {"name": "EVT", "color": "#000000", "allow_overlap": true}]})");
  Fixture g(overlapping, {"harbor-a"});
  g.add("LOC", "Port of");      // 7 code points
  g.add("LOC", "of Valmora");   // 10, overlapping: the longer is taken
  g.add("ORG", "Fire crews");   // 10, earlier
  g.add("ORG", "crews spent");  // 11: taken, although later
  g.add("EVT", "fighting a");   // 10
  g.add("EVT", "a blaze at");   // 10 too, later: the earliest is taken
  Warnings w2;
  const std::string out = write_conll(g.corpus, g.tok, {}, w2);
  CHECK_THAT(out, Contains("Port _ _ O\nof _ _ B-LOC\nValmora _ _ I-LOC\n"));
  CHECK_THAT(out, Contains("Fire _ _ O\ncrews _ _ B-ORG\nspent _ _ I-ORG\n"));
  CHECK_THAT(out, Contains("fighting _ _ B-EVT\na _ _ I-EVT\nblaze _ _ O\n"));
  CHECK(warned(w2, "CoNLL: 3 spans dropped: nested in or overlapping a longer span"));
}

// "doccano JSONL", import: "other keys are ignored with a warning"; and, as for every import
// ("Imports go through the same checks as gold JSON ... report every error with its place"):
// a label the schema lacks, an offset inside a grapheme cluster, a relation end the schema
// does not allow, spans the overlap rules refuse.
TEST_CASE("formats.md doccano: other keys warned; the checks of gold JSON, each error with its line", "[io][doccano][docs]") {
  Blank b;
  const GoldImport k = parse_doccano(R"({"text": "Ines", "entities": [], "meta": {}, "Comments": []})", "k.jsonl", default_schema(), b.tok);
  REQUIRE(k.errors == std::vector<std::string>{});
  CHECK(warned(k.warnings, "ignored keys: Comments, meta"));
  auto errors = [&](const std::string& line) { return parse_doccano(line + "\n", "d.jsonl", default_schema(), b.tok).errors; };
  const auto label = errors(R"({"text": "Ines", "entities": [{"id": 1, "label": "PERSN", "start_offset": 0, "end_offset": 4}]})");
  REQUIRE(label.size() == 1);
  CHECK_THAT(label[0], Contains("d.jsonl: line 1") && Contains("unknown label 'PERSN'"));
  const auto grapheme = errors("{\"text\": \"Cafe\xCC\x81 au lait\", \"entities\": [{\"id\": 1, \"label\": \"PERSON\", \"start_offset\": 0, \"end_offset\": 4}]}");
  REQUIRE(grapheme.size() == 1);
  CHECK_THAT(grapheme[0], Contains("d.jsonl") && Contains("inside a grapheme cluster"));
  const auto ends = errors(R"({"text": "Ines Oduya", "entities": [{"id": 1, "label": "PERSON", "start_offset": 0, "end_offset": 4}, )"
                           R"({"id": 2, "label": "PERSON", "start_offset": 5, "end_offset": 10}], "relations": [{"from_id": 1, "to_id": 2, "type": "claimant"}]})");
  for (const auto& e : ends) UNSCOPED_INFO(e);
  REQUIRE(ends.size() == 1);
  CHECK_THAT(ends[0], Contains("d.jsonl") && Contains("claimant"));
  const auto overlap = errors(R"({"text": "Ines Oduya", "entities": [{"id": 1, "label": "PERSON", "start_offset": 0, "end_offset": 10}, )"
                              R"({"id": 2, "label": "PERSON", "start_offset": 5, "end_offset": 10}]})");
  CHECK(overlap.empty());  // nested: PERSON allows it
  const auto crossing = errors(R"({"text": "Ines Oduya", "entities": [{"id": 1, "label": "PERSON", "start_offset": 0, "end_offset": 6}, )"
                              R"({"id": 2, "label": "PERSON", "start_offset": 5, "end_offset": 10}]})");
  REQUIRE(crossing.size() == 1);
  CHECK_THAT(crossing[0], Contains("d.jsonl"));
}

// "Label Studio JSON", export: "discontinuous spans (one region per fragment, `s10`, `s10.2`, …;
// relations and attributes on the first; warning)".
TEST_CASE("formats.md Label Studio: a discontinuous span's regions are s10, s10.2, attributes on the first", "[io][label-studio][docs]") {
  Fixture f;
  annotate_samples(f);
  Warnings w;
  const json tasks = json::parse(write_label_studio(f.corpus, w));
  std::map<std::string, json> by_id;
  size_t choices_on_s10 = 0, choices_on_s10_2 = 0;
  for (const json& r : tasks[0]["annotations"][0]["result"]) {
    if (r["type"] == "labels") by_id[r["id"]] = r["value"];
    if (r["type"] == "choices") choices_on_s10 += r["id"] == "s10", choices_on_s10_2 += r["id"] == "s10.2";
  }
  REQUIRE(by_id.count("s10"));
  REQUIRE(by_id.count("s10.2"));
  CHECK(by_id["s10"]["start"] == 325);
  CHECK(by_id["s10.2"]["start"] == 374);
  CHECK(by_id["s10.2"]["labels"][0] == "CLAIM");
  CHECK(choices_on_s10 >= 1);  // stance: on the first region only
  CHECK(choices_on_s10_2 == 0);
  CHECK(warned(w, "Label Studio: 1 discontinuous spans written as one region per fragment"));
}

// "Prodigy JSONL": "Word tokens are ICU's, cut at whitespace (ICU keeps U+202F inside a word;
// spaCy never does)"; import: "Examples answered `reject` or `ignore` are skipped (warning with
// the count)"; in the page a `.jsonl` whose first line has `tokens` is Prodigy.
TEST_CASE("formats.md Prodigy: words cut at U+202F, ignored examples skipped, tokens tell the format", "[io][prodigy][docs]") {
  Blank b;
  const GoldImport doc = parse_text("10\u202F000 people", "n.txt", b.tok);
  REQUIRE(doc.ok());
  apply_gold(b.corpus, b.history, doc);
  Warnings w;
  std::vector<std::string> texts;
  const std::string prodigy_out = write_prodigy(b.corpus, w);
  UNSCOPED_INFO(prodigy_out);
  const json example = json::parse(prodigy_out);
  for (const json& t : example["tokens"]) texts.push_back(t["text"]);
  CHECK(texts == std::vector<std::string>{"10", "\u202F", "000", "people"});
  const GoldImport p = parse_prodigy("{\"text\": \"a\", \"answer\": \"ignore\"}\n{\"text\": \"b\", \"answer\": \"accept\"}\n", "p.jsonl",
                                     default_schema(), b.tok);
  REQUIRE(p.errors == std::vector<std::string>{});
  CHECK(p.documents.size() == 1);
  CHECK(warned(p.warnings, "1 examples not accepted (answer reject or ignore) skipped"));
  std::string why;
  CHECK(detect_file("t.jsonl", R"({"text": "Fire", "tokens": [{"text": "Fire", "start": 0, "end": 4, "id": 0, "ws": false}]})",
                    default_schema(), why) == FileKind::Prodigy);
}

// "W3C Web Annotation", export: the collection's id `urn:goldspan:collection`, the page's
// `urn:goldspan:collection:page:0` `partOf` it; "32 code points of `prefix` and `suffix`"; "a
// cluster without members ... targets the collection"; "Ids are URNs". Import: "`urn:goldspan:
// collection` stands for no member".
TEST_CASE("formats.md W3C export: collection and page ids, 32 code points of context, a memberless cluster", "[io][w3c][docs]") {
  Fixture f;
  annotate_samples(f);
  f.history.run<CreateCluster>(SpanKind::Entity, "nobody yet");
  Warnings w;
  const json c = json::parse(write_w3c(f.corpus, w));
  CHECK(c["id"] == "urn:goldspan:collection");
  CHECK(c["first"]["id"] == "urn:goldspan:collection:page:0");
  CHECK(c["first"]["partOf"] == "urn:goldspan:collection");
  size_t full_context = 0;
  for (const json& a : c["first"]["items"]) {
    const std::string id = a["id"];
    if (a["motivation"] == "tagging") CHECK(id.rfind("urn:goldspan:span:s", 0) == 0);
    if (a["motivation"] == "identifying") CHECK(id.rfind("urn:goldspan:cluster:c", 0) == 0);
    if (a["motivation"] == "linking") CHECK((id.rfind("urn:goldspan:relation:r", 0) == 0 || id.rfind("urn:goldspan:link:l", 0) == 0));
    if (a["motivation"] == "identifying" && a["body"][0]["value"] == "nobody yet") CHECK(a["target"] == json::array({"urn:goldspan:collection"}));
    if (a["motivation"] != "tagging" || a["target"].is_array()) continue;
    const json& pos = a["target"]["selector"][0];
    const json& quote = a["target"]["selector"][1];
    const size_t doc_len = f.corpus.document(a["target"]["source"] == "urn:goldspan:doc:harbor-a" ? 0 : a["target"]["source"] == "urn:goldspan:doc:harbor-b" ? 1 : 2).length();
    const size_t before = pos["start"], after = doc_len - pos["end"].get<size_t>();
    CHECK(utf8::count_cp(quote["prefix"].get<std::string>()) == std::min<size_t>(32, before));
    CHECK(utf8::count_cp(quote["suffix"].get<std::string>()) == std::min<size_t>(32, after));
    full_context += before >= 32 && after >= 32;
  }
  CHECK(full_context > 5);
  Blank b;
  Texts texts;
  for (size_t d = 0; d < f.corpus.document_count(); ++d)
    texts.push_back(std::make_shared<const Document>(f.doc(d).id(), std::string(f.doc(d).text()), b.tok));
  const GoldImport in = parse_w3c(c.dump(), "c.jsonld", texts, default_schema(), b.tok);
  REQUIRE(in.errors == std::vector<std::string>{});
  REQUIRE(in.clusters.size() == f.corpus.clusters().size());
  CHECK(in.clusters.back().members.empty());
}

// "W3C Web Annotation", import: JSON-LD's `@graph`, a lone `AnnotationPage`; "`refinedBy` is an
// error"; "Several such give one span each (warning)"; "Tags that are no label of the schema are
// warned when a label is there"; Stamps: "`creator` (`name` as given, even empty, else
// `nickname`, else its IRI) and `created` (...; another form is warned and the import's time
// used)"; "Annotations on annotations with other motivations (replies ...) are not read (warning)".
TEST_CASE("formats.md W3C import: @graph, a page, refinedBy, several tags, creators, replies", "[io][w3c][docs]") {
  Blank b;
  const Texts texts{std::make_shared<const Document>("t", "Ines Oduya said so.", b.tok)};
  auto read = [&](const std::string& file) { return parse_w3c(file, "w.json", texts, default_schema(), b.tok); };
  const std::string one = w3c_span("a1", "urn:goldspan:doc:t", kPerson);
  CHECK(read(R"({"@context": "http://www.w3.org/ns/anno.jsonld", "@graph": [)" + one + "]}").spans.size() == 1);
  CHECK(read(R"({"type": "AnnotationPage", "items": [)" + one + "]}").spans.size() == 1);
  const GoldImport refined = read(R"([{"id": "a", "type": "Annotation", "body": )" + std::string(kPerson) +
                                  R"(, "target": {"source": "urn:goldspan:doc:t", "selector": {"type": "TextPositionSelector", "start": 0,
                                  "end": 10, "refinedBy": {"type": "TextPositionSelector", "start": 0, "end": 4}}}}])");
  REQUIRE(refined.errors.size() == 1);
  CHECK_THAT(refined.errors[0], Contains("w.json: [0] (a): target.selector.refinedBy: refined selections are not read"));
  const GoldImport tags = read("[" + w3c_span("a", "urn:goldspan:doc:t", R"([{"type": "TextualBody", "purpose": "tagging", "value": "PERSON"},
      {"type": "TextualBody", "purpose": "tagging", "value": "ORGANIZATION"}, {"type": "TextualBody", "purpose": "tagging", "value": "HARBOUR"}])") + "]");
  REQUIRE(tags.errors == std::vector<std::string>{});
  CHECK(tags.spans.size() == 2);
  CHECK(warned(tags.warnings, "2 labels: one span per label"));
  CHECK(warned(tags.warnings, "tag 'HARBOUR' is not a label of the schema: not read"));
  const GoldImport stamps = read("[" + w3c_span("a", "urn:goldspan:doc:t", kPerson, R"(, "creator": {"nickname": "bo"}, "created": "2024-05-01")") +
                                 "," + w3c_span("b", "urn:goldspan:doc:t", kPerson, R"(, "creator": "http://example.org/user/7")") + "," +
                                 w3c_span("c", "urn:goldspan:doc:t", kPerson, R"(, "creator": {"name": "", "nickname": "x"})") + "," +
                                 R"({"id": "r", "type": "Annotation", "motivation": "replying", "target": "a",
                                     "body": {"type": "TextualBody", "value": "right"}}])");
  REQUIRE(stamps.errors == std::vector<std::string>{});
  REQUIRE(stamps.spans.size() == 3);
  CHECK(stamps.spans[0].stamp.annotator == std::optional<std::string>("bo"));
  CHECK_FALSE(stamps.spans[0].stamp.created);  // the import's time
  CHECK(warned(stamps.warnings, "created times other than YYYY-MM-DDTHH:MM:SS[.mmm]Z (the import's time is used) not read"));
  CHECK(stamps.spans[1].stamp.annotator == std::optional<std::string>("http://example.org/user/7"));
  CHECK(stamps.spans[2].stamp.annotator == std::optional<std::string>(""));
  CHECK(warned(stamps.warnings, "1 annotations on annotations (motivation other than linking or identifying) not read"));
}

// "Texts": a source's last path segment "with or without its extension"; "No match, two
// matches, or two sources naming one text are errors naming the annotation and target; so is,
// in one drop, a text that two W3C files both name".
TEST_CASE("formats.md W3C texts: by file name with or without extension; two matches, two sources, two files", "[io][w3c][read_files][docs]") {
  Blank b;
  const std::string text = "Ines Oduya said so.";
  auto doc = [&](const std::string& id) { return std::make_shared<const Document>(id, text, b.tok); };
  auto read = [&](const std::string& file, const Texts& texts) { return parse_w3c(file, "w.json", texts, default_schema(), b.tok); };
  const GoldImport bare = read("[" + w3c_span("a", "http://example.org/texts/harbor-c", kPerson) + "]", {doc("harbor-c.txt")});
  REQUIRE(bare.errors == std::vector<std::string>{});
  CHECK(bare.documents[0]->id() == "harbor-c.txt");
  const GoldImport two = read("[" + w3c_span("a", "http://example.org/texts/harbor-c", kPerson) + "]", {doc("harbor-c.txt"), doc("harbor-c.md")});
  REQUIRE(two.errors.size() == 1);
  CHECK_THAT(two.errors[0], Contains("w.json: [0] (a): target.source: 'http://example.org/texts/harbor-c' matches 2 texts"));
  const GoldImport both = read("[" + w3c_span("a", "http://example.org/harbor-c.txt", kPerson) + "," +
                                   w3c_span("b", "http://example.net/harbor-c", kPerson) + "]",
                               {doc("harbor-c.txt")});
  REQUIRE(both.errors.size() == 1);
  CHECK_THAT(both.errors[0], Contains("w.json: [1] (b): target.source: 'http://example.net/harbor-c' and 'http://example.org/harbor-c.txt' both name the text harbor-c.txt"));
  Tokenizer tok("en");
  const std::string w3c = "[" + w3c_span("a", "http://example.org/harbor-c.txt", kPerson) + "]";
  const ReadFiles r = read_files({{"one.json", w3c}, {"two.json", w3c}, {"harbor-c.txt", text}}, default_schema(), tok);
  for (const auto& e : r.import.errors) UNSCOPED_INFO(e);
  REQUIRE(r.import.errors.size() == 1);
  CHECK_THAT(r.import.errors[0], Contains("two.json: document 'harbor-c.txt' is also in one.json"));
}

// "In the page": "`X.txt` + `X.ann` (same path and base name ...)"; CoNLL: "Each `-DOCSTART-`
// starts a document; its id is the file name, or `<file>-<n>` when the file has several".
TEST_CASE("formats.md page: brat pairs need the same path; a CoNLL file of one document is named by the file", "[io][read_files][docs]") {
  Tokenizer tok("en");
  ReadFiles r = read_files({{"a/d.txt", "Ines Oduya said so."}, {"b/d.ann", "T1\tPERSON 0 10\tInes Oduya\n"}}, default_schema(), tok);
  REQUIRE(r.import.errors.size() == 1);
  CHECK_THAT(r.import.errors[0], Contains("b/d.ann: no d.txt with it"));
  r = read_files({{"x/ner.conll", "-DOCSTART- -X- -X- O\n\nInes _ _ B-PERSON\nOduya _ _ I-PERSON\n"}}, default_schema(), tok);
  REQUIRE(r.import.errors == std::vector<std::string>{});
  CHECK(r.import.documents[0]->id() == "ner.conll");
}
