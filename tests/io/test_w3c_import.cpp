// W3C Web Annotation import (core/io/w3c.hpp, parse_w3c): goldspan's own export back in full,
// what other W3C producers write (Recogito/Annotorious arrays, the Recommendation's examples),
// code point positions, quote re-anchoring, and located errors.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "io/read_files.hpp"
#include "io/w3c.hpp"
#include "io_support.hpp"

using namespace goldspan;
using namespace goldspan::test;
using json = nlohmann::json;
using Catch::Contains;

namespace {

using Texts = std::vector<std::shared_ptr<const Document>>;

Texts texts_of(const Corpus& c, Tokenizer& tok) {
  Texts out;
  for (size_t d = 0; d < c.document_count(); ++d)
    out.push_back(std::make_shared<const Document>(c.document(d).id(), std::string(c.document(d).text()), tok));
  return out;
}

Texts one_text(const std::string& id, const std::string& text, Tokenizer& tok) {
  return {std::make_shared<const Document>(id, text, tok)};
}

bool warned(const std::vector<std::string>& w, const std::string& part) {
  for (const std::string& x : w)
    if (x.find(part) != std::string::npos) return true;
  return false;
}

// "LABEL text" of every span of an import, in file order.
std::vector<std::string> spans_of(const GoldImport& in) {
  std::vector<std::string> out;
  for (const ImportedSpan& s : in.spans) {
    std::string t;
    for (const Range& f : s.fragments) t += (t.empty() ? "" : "|") + std::string(in.documents[s.doc]->slice(f.start, f.end));
    out.push_back(s.label + " " + t);
  }
  return out;
}

std::string annotation(const std::string& target, const std::string& body = R"({"type": "TextualBody", "purpose": "tagging", "value": "PERSON"})") {
  return R"({"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/anno1", "type": "Annotation", "body": )" + body +
         R"(, "target": )" + target + "}";
}

}  // namespace

TEST_CASE("w3c import: goldspan's export reads back as the same corpus, ids, stamps, clusters and links included", "[io][w3c]") {
  Fixture f;
  annotate_samples(f);
  Warnings w;
  const std::string file = write_w3c(f.corpus, w);
  Blank b;
  std::vector<size_t> used;
  const GoldImport in = parse_w3c(file, "export.jsonld", texts_of(f.corpus, b.tok), default_schema(), b.tok, &used);
  REQUIRE(in.errors == std::vector<std::string>{});
  CHECK(in.warnings.empty());
  CHECK(used == std::vector<size_t>{0, 1, 2});
  apply_gold(b.corpus, b.history, in);
  CHECK(dump_without_modified(b.corpus) == dump_without_modified(f.corpus));
}

TEST_CASE("w3c import: document ids that are no IRI characters come back through their percent-encoded URNs", "[io][w3c]") {
  Tokenizer tok("en");
  Corpus c(default_schema());
  c.add_document(std::make_shared<const Document>("dir/\xCE\xB2 1?#", "Ines Oduya said so.", tok));
  History h(c);
  h.run<AddSpan>(c.document(0).id(), "PERSON", std::vector<Range>{{0, 10}});
  Warnings w;
  const std::string file = write_w3c(c, w);
  CHECK(file.find("urn:goldspan:doc:dir%2F%CE%B2%201%3F%23") != std::string::npos);
  Blank b;
  const GoldImport in = parse_w3c(file, "e.jsonld", texts_of(c, b.tok), default_schema(), b.tok);
  REQUIRE(in.errors == std::vector<std::string>{});
  CHECK(in.documents[0]->id() == "dir/\xCE\xB2 1?#");
  CHECK(spans_of(in) == std::vector<std::string>{"PERSON Ines Oduya"});
}

TEST_CASE("w3c import: Recogito/Annotorious-style array, quote and position selectors, relation as two targets", "[io][w3c]") {
  Blank b;
  const std::string text = "Harbour master Ines Oduya said the sprinklers failed.";
  // As RecogitoJS writes them: a bare array, "#uuid" ids, selectors in either order, a relation
  // with its two ends as targets in order (from, to).
  const std::string file = R"([
    {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "#a1", "type": "Annotation",
     "body": [{"type": "TextualBody", "purpose": "tagging", "value": "PERSON"},
              {"type": "TextualBody", "purpose": "commenting", "value": "the harbour master"}],
     "target": {"source": "http://example.org/texts/harbor-c.txt",
                "selector": [{"type": "TextQuoteSelector", "exact": "Ines Oduya"},
                             {"type": "TextPositionSelector", "start": 15, "end": 25}]}},
    {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "#a2", "type": "Annotation",
     "body": [{"type": "TextualBody", "purpose": "tagging", "value": "CLAIM"},
              {"type": "TextualBody", "purpose": "classifying", "value": "stance=asserted"}],
     "creator": {"id": "http://example.org/user/ana", "name": "ana"}, "created": "2024-05-01T12:00:00Z",
     "target": {"source": "http://example.org/texts/harbor-c.txt",
                "selector": {"type": "TextQuoteSelector", "exact": "the sprinklers failed", "prefix": "said ", "suffix": "."}}},
    {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "#r1", "type": "Annotation", "motivation": "linking",
     "body": [{"type": "TextualBody", "purpose": "tagging", "value": "claimant"}],
     "target": [{"id": "#a2"}, {"id": "#a1"}]}
  ])";
  const GoldImport in = parse_w3c(file, "recogito.json", one_text("harbor-c.txt", text, b.tok), default_schema(), b.tok);
  REQUIRE(in.errors == std::vector<std::string>{});
  CHECK(spans_of(in) == std::vector<std::string>{"PERSON Ines Oduya", "CLAIM the sprinklers failed"});
  CHECK(in.documents[0]->id() == "harbor-c.txt");  // not a goldspan URN: the text's own id
  CHECK(in.spans[1].attributes == std::vector<std::pair<std::string, std::string>>{{"stance", "asserted"}});
  CHECK(in.spans[1].stamp.annotator == std::optional<std::string>("ana"));
  CHECK(in.spans[1].stamp.created == std::optional<int64_t>(1714564800000));
  REQUIRE(in.relations.size() == 1);
  CHECK(in.relations[0].type == "claimant");
  CHECK(in.relations[0].from == 1);
  CHECK(in.relations[0].to == 0);
  CHECK(warned(in.warnings, "1 TextualBody bodies (purpose commenting) not read"));
  CHECK(warned(in.warnings, "1 links with two targets read as from, to in file order"));
  apply_gold(b.corpus, b.history, in);
  CHECK(b.corpus.relations().size() == 1);
}

TEST_CASE("w3c import: the Recommendation's forms: bodyValue, motivation as purpose, RFC 5147 fragments, paged collection", "[io][w3c]") {
  Blank b;
  const Texts texts = one_text("page1", "Fire crews from the Port of Valmora spent Saturday night at the docks.", b.tok);
  // A collection whose pages are embedded, first -> next (Data Model 5.1, 5.2): the third
  // annotation has a bodyValue under motivation tagging, the second a #char= fragment IRI.
  const std::string file = R"({"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/c1",
    "type": "AnnotationCollection", "total": 3,
    "first": {"id": "http://example.org/page1", "type": "AnnotationPage", "items": [
       {"id": "http://example.org/a1", "type": "Annotation", "motivation": "tagging",
        "body": {"type": "TextualBody", "value": "LOCATION"},
        "target": {"source": "http://example.org/page1",
                   "selector": {"type": "FragmentSelector", "conformsTo": "http://tools.ietf.org/rfc/rfc5147", "value": "char=20,35"}}}],
      "next": {"id": "http://example.org/page2", "type": "AnnotationPage", "items": [
       {"id": "http://example.org/a2", "type": "Annotation", "body": {"type": "TextualBody", "purpose": "classifying", "value": "DATE"},
        "target": "http://example.org/page1#char=42,56"},
       {"id": "http://example.org/a3", "type": ["Annotation"], "motivation": "tagging", "bodyValue": "EVENT",
        "target": {"type": "SpecificResource", "source": {"id": "http://example.org/page1", "type": "Text"},
                   "selector": [{"type": "XPathSelector", "value": "/p[1]"}, {"type": "TextPositionSelector", "start": 0, "end": 4}]}}]}}})";
  const GoldImport in = parse_w3c(file, "c.jsonld", texts, default_schema(), b.tok);
  REQUIRE(in.errors == std::vector<std::string>{});
  CHECK(spans_of(in) == std::vector<std::string>{"LOCATION Port of Valmora", "DATE Saturday night", "EVENT Fire"});
}

TEST_CASE("w3c import: TextPositionSelector counts code points; a quote that disagrees re-anchors, with a warning", "[io][w3c]") {
  Blank b;
  // Label Studio's emoji test text: "test" is [21, 25) in code points, [22, 26) in UTF-16.
  const Texts texts = one_text("cat", "\xF0\x9F\x90\xB1 Warning: This is a test text", b.tok);
  const std::string pos = R"({"source": "urn:goldspan:doc:cat", "selector": {"type": "TextPositionSelector", "start": 21, "end": 25}})";
  GoldImport in = parse_w3c(annotation(pos, R"({"type": "TextualBody", "purpose": "tagging", "value": "EVENT"})"), "a.json", texts,
                            default_schema(), b.tok);
  REQUIRE(in.errors == std::vector<std::string>{});
  CHECK(spans_of(in) == std::vector<std::string>{"EVENT test"});
  // A producer that counted UTF-16 (22, 26) with the quote: the quote wins, and says so.
  const std::string u16 = R"({"source": "urn:goldspan:doc:cat", "selector": [{"type": "TextPositionSelector", "start": 22, "end": 26},
    {"type": "TextQuoteSelector", "exact": "test", "prefix": "a ", "suffix": " text"}]})";
  in = parse_w3c(annotation(u16, R"({"type": "TextualBody", "purpose": "tagging", "value": "EVENT"})"), "a.json", texts, default_schema(), b.tok);
  REQUIRE(in.errors == std::vector<std::string>{});
  CHECK(spans_of(in) == std::vector<std::string>{"EVENT test"});
  CHECK(in.spans[0].fragments[0] == Range{21, 25});
  CHECK(warned(in.warnings, "a.json: (http://example.org/anno1): target: re-anchored by its TextQuoteSelector from [22, 26) (\"est \") to [21, 25) (\"test\")"));
  // Of two occurrences, the one nearest the position.
  const Texts twice = one_text("t", "said it; she said it again", b.tok);
  const std::string near = R"({"source": "urn:goldspan:doc:t", "selector": [{"type": "TextPositionSelector", "start": 12, "end": 16},
    {"type": "TextQuoteSelector", "exact": "said"}]})";
  in = parse_w3c(annotation(near, R"({"type": "TextualBody", "purpose": "tagging", "value": "CUE"})"), "a.json", twice, default_schema(), b.tok);
  REQUIRE(in.errors == std::vector<std::string>{});
  CHECK(in.spans[0].fragments[0] == Range{13, 17});
}

TEST_CASE("w3c import: what cannot be read is refused with the file, the annotation and the place", "[io][w3c]") {
  Blank b;
  const Texts texts = one_text("t", "Ines Oduya said it; Ines Oduya said it again.", b.tok);
  auto errors = [&](const std::string& file) { return parse_w3c(file, "w.json", texts, default_schema(), b.tok).errors; };
  const std::string src = R"("source": "urn:goldspan:doc:t")";
  // The quote is nowhere in the text.
  CHECK_THAT(errors(annotation("{" + src + R"(, "selector": [{"type": "TextPositionSelector", "start": 0, "end": 4}, {"type": "TextQuoteSelector", "exact": "Tomas"}]})"))[0],
             Contains("w.json: (http://example.org/anno1): target.selector[1].exact: \"Tomas\" is not in the text of t (and "));
  // A quote alone that matches twice.
  CHECK_THAT(errors(annotation("{" + src + R"(, "selector": {"type": "TextQuoteSelector", "exact": "Ines Oduya"}})"))[0],
             Contains("\"Ines Oduya\" is in the text 2 times, at [0, 10), [20, 30): add a TextPositionSelector"));
  // Its prefix makes it one.
  CHECK(errors(annotation("{" + src + R"(, "selector": {"type": "TextQuoteSelector", "exact": "Ines Oduya", "prefix": "; "}})")).empty());
  CHECK_THAT(errors(annotation("{" + src + R"(, "selector": {"type": "TextPositionSelector", "start": 40, "end": 99}})"))[0],
             Contains("target.selector: [40, 99) ends past the text of t (45 code points)"));
  CHECK_THAT(errors(annotation("{" + src + R"(, "selector": {"type": "TextPositionSelector", "start": -1, "end": 3}})"))[0],
             Contains("target.selector.start: expected a non-negative integer (code points)"));
  CHECK_THAT(errors(annotation("{" + src + R"(, "selector": {"type": "XPathSelector", "value": "/p"}})"))[0],
             Contains("target.selector: no TextPositionSelector, TextQuoteSelector or RFC 5147 FragmentSelector (found XPathSelector)"));
  CHECK_THAT(errors(annotation(R"({"source": "http://example.org/other.html", "selector": {"type": "TextPositionSelector", "start": 0, "end": 4}})"))[0],
             Contains("target.source: no text for 'http://example.org/other.html' (open or drop the text with the W3C file: a file named 'other.html'"));
  CHECK_THAT(errors(annotation("{" + src + R"(, "selector": {"type": "TextPositionSelector", "start": 0, "end": 4}})",
                               R"({"type": "TextualBody", "purpose": "tagging", "value": "HARBOUR"})"))[0],
             Contains("w.json: (http://example.org/anno1): body: no label of the schema among the tags ('HARBOUR')"));
  // A position inside a grapheme is check_import's, at the annotation's target.
  const Texts accent = one_text("t", "Cafe\xCC\x81 au lait", b.tok);
  CHECK_THAT(parse_w3c(annotation("{" + src + R"(, "selector": {"type": "TextPositionSelector", "start": 0, "end": 4}})"), "w.json", accent,
                       default_schema(), b.tok).errors[0],
             Contains("w.json: (http://example.org/anno1): offset 4 is inside a grapheme cluster"));
  // Containers: a page that is not embedded; an annotation without a target; a link to nothing.
  CHECK_THAT(errors(R"({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "first": "http://example.org/page1"})")[0],
             Contains("w.json: first: the page 'http://example.org/page1' is not embedded"));
  CHECK_THAT(errors(R"([{"id": "x", "type": "Annotation"}])")[0], Contains("w.json: [0] (x): target: missing"));
  CHECK_THAT(errors(annotation(R"("http://example.org/page1")"))[0],
             Contains("w.json: (http://example.org/anno1): target: 'http://example.org/page1' selects no text and names no annotation of this file"));
  const std::string span = annotation("{" + src + R"(, "selector": {"type": "TextPositionSelector", "start": 0, "end": 10}})");
  const std::string link = R"({"id": "r", "type": "Annotation", "motivation": "linking", "target": "http://example.org/anno1",
    "body": [{"type": "TextualBody", "purpose": "tagging", "value": "claimant"}, {"type": "SpecificResource", "purpose": "linking", "source": "nowhere"}]})";
  CHECK_THAT(errors("[" + span + "," + link + "]")[0], Contains("w.json: [1] (r): body: 'nowhere' is no annotation in this file"));
  // Two targets on two documents.
  const Texts two = {texts[0], std::make_shared<const Document>("u", "Other text.", b.tok)};
  CHECK_THAT(parse_w3c(annotation("[{" + src + R"(, "selector": {"type": "TextPositionSelector", "start": 0, "end": 4}},
      {"source": "urn:goldspan:doc:u", "selector": {"type": "TextPositionSelector", "start": 0, "end": 5}}])"), "w.json", two, default_schema(), b.tok).errors[0],
             Contains("w.json: (http://example.org/anno1): target[1].source: 'urn:goldspan:doc:u' is another document than 'urn:goldspan:doc:t'"));
}

TEST_CASE("read_files: a W3C file with its .txt in one drop, or over the documents already open", "[io][w3c][read_files]") {
  Fixture f;
  annotate_samples(f);
  Warnings w;
  const std::string file = write_w3c(f.corpus, w);
  Tokenizer tok("en");
  // Dropped with the three texts, named as the documents (.txt added): one import, no document twice.
  std::vector<NamedFile> files{{"export.w3c.jsonld", file}};
  for (size_t d = 0; d < f.corpus.document_count(); ++d)
    files.push_back({f.doc(d).id() + ".txt", std::string(f.doc(d).text())});
  files.push_back({"notes.txt", "A text of its own."});
  ReadFiles r = read_files(files, default_schema(), tok);
  REQUIRE(r.import.errors == std::vector<std::string>{});
  REQUIRE(r.import.documents.size() == 4);
  CHECK(r.import.documents[0]->id() == "harbor-a");  // the W3C document ids, from the URNs
  CHECK(r.import.documents[3]->id() == "notes.txt");
  CHECK(r.import.spans.size() == f.corpus.span_count());
  // Alone, it names what it lacks.
  r = read_files({{"export.w3c.jsonld", file}}, default_schema(), tok);
  REQUIRE_FALSE(r.import.errors.empty());
  CHECK_THAT(r.import.errors[0], Contains("export.w3c.jsonld: first.items[0] (urn:goldspan:span:s4): target.source: no text for 'urn:goldspan:doc:harbor-a'"));
  // Over the documents already open: they are its texts, and the import applies to them.
  Blank b;
  for (size_t d = 0; d < f.corpus.document_count(); ++d) b.corpus.add_document(texts_of(f.corpus, b.tok)[d]);
  Texts open;
  for (size_t d = 0; d < b.corpus.document_count(); ++d)
    open.push_back(std::make_shared<const Document>(b.corpus.document(d).id(), std::string(b.corpus.document(d).text()), tok));
  r = read_files({{"export.w3c.jsonld", file}}, default_schema(), tok, open);
  REQUIRE(r.import.errors == std::vector<std::string>{});
  apply_gold(b.corpus, b.history, r.import);
  CHECK(b.corpus.document_count() == 3);
  CHECK(dump_without_modified(b.corpus) == dump_without_modified(f.corpus));
  // A Recogito-style bare array is told W3C by its @context.
  std::string why;
  CHECK(detect_file("annotations.json", R"([{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation"}])", default_schema(), why) ==
        FileKind::W3c);
}

// Files that are almost right: keys dropped, values of other types or out of range, in every
// annotation of a real export. Each parse reports errors or gives an import that applies (the
// import contract the fuzz targets check), and never throws.
TEST_CASE("w3c import: mutated exports are refused or apply cleanly, never crash", "[io][w3c][property]") {
  Fixture f;
  annotate_samples(f);
  Warnings w;
  const json original = json::parse(write_w3c(f.corpus, w));
  Tokenizer tok("en");
  const Texts texts = texts_of(f.corpus, tok);
  std::mt19937_64 rng(20261203);
  const json odd[] = {json(), json(-1), json(4000000000u), json("x"), json::array(), json::object(), json(true), json(3.5),
                      json("urn:goldspan:span:s1"), json::array({json::object()})};
  size_t clean = 0, refused = 0;
  for (int round = 0; round < 400; ++round) {
    json j = original;
    json& items = j["first"]["items"];
    for (int k = 0; k < 3; ++k) {
      json* at = &items[rng() % items.size()];
      // Walk down a few levels to a random member.
      for (int depth = 0; depth < 4 && (at->is_object() || at->is_array()) && !at->empty(); ++depth) {
        if (rng() % 3 == 0) break;
        auto it = at->begin();
        std::advance(it, long(rng() % at->size()));
        at = &*it;
      }
      *at = odd[rng() % std::size(odd)];
    }
    const GoldImport in = parse_w3c(j.dump(), "m.json", texts, default_schema(), tok);
    if (!in.ok()) {
      ++refused;
      CHECK(in.errors[0].rfind("m.json: ", 0) == 0);
      continue;
    }
    ++clean;
    Blank b;
    CHECK_NOTHROW(apply_gold(b.corpus, b.history, in));
  }
  CHECK(refused > 0);
  CHECK(clean + refused == 400);
}
