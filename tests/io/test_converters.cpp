// Converters: each output checked against its format's rules, and the importers (brat,
// doccano, Label Studio) read back what the exporters wrote.
#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "io/brat.hpp"
#include "io/conll.hpp"
#include "io/doccano.hpp"
#include "io/infer_schema.hpp"
#include "io/label_studio.hpp"
#include "io/plain_text.hpp"
#include "io/prodigy.hpp"
#include "io/w3c.hpp"
#include "io_support.hpp"
#include "text/utf8.hpp"

using namespace goldspan;
using namespace goldspan::test;
using json = nlohmann::json;
using Catch::Contains;

namespace {

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

bool warned(const Warnings& w, const std::string& part) {
  for (const std::string& x : w)
    if (x.find(part) != std::string::npos) return true;
  return false;
}

// What survives every span format: per document, (label, fragments, attributes) and
// relations as (type, from extent, to extent).
struct Content {
  std::multiset<std::tuple<std::string, std::string, std::vector<std::pair<uint32_t, uint32_t>>, std::map<std::string, std::string>>> spans;
  std::multiset<std::tuple<std::string, std::string, std::pair<uint32_t, uint32_t>, std::pair<uint32_t, uint32_t>>> relations;
  bool operator==(const Content& o) const { return spans == o.spans && relations == o.relations; }
};

Content content(const Corpus& c, bool attributes = true, bool split_fragments = false) {
  Content out;
  auto ext = [&](SpanId id) {
    const Range r = split_fragments ? c.span(id).fragments[0] : c.span(id).fragments.extent();
    return std::make_pair(r.start, r.end);
  };
  for (SpanId id : c.span_ids()) {
    const Span& s = c.span(id);
    std::map<std::string, std::string> attrs;
    if (attributes)
      for (const AttributeValue& a : s.attributes)
        attrs[c.type_of(s).attributes[a.attribute].name] = c.type_of(s).attributes[a.attribute].values[a.value];
    std::vector<std::pair<uint32_t, uint32_t>> frags;
    for (const Range& f : s.fragments) frags.emplace_back(f.start, f.end);
    if (split_fragments)
      for (size_t k = 0; k < frags.size(); ++k)
        out.spans.emplace(c.document(s.doc).id(), c.type_of(s).name, std::vector<std::pair<uint32_t, uint32_t>>{frags[k]},
                          k == 0 ? attrs : std::map<std::string, std::string>{});
    else
      out.spans.emplace(c.document(s.doc).id(), c.type_of(s).name, frags, attrs);
  }
  for (const auto& [id, r] : c.relations())
    out.relations.emplace(c.document(c.span(r.source).doc).id(), c.schema().relation_types()[r.type].name, ext(r.source), ext(r.target));
  return out;
}

struct Annotated : Fixture {
  Annotated() { annotate_samples(*this); }
};

}  // namespace

// [SECTION] brat
TEST_CASE("brat: export follows the standoff rules and reads back", "[io][brat]") {
  Annotated f;
  Warnings w;
  const std::vector<ExportFile> files = write_brat(f.corpus, w);
  REQUIRE(files.size() == 7);
  CHECK(files[0].name == "harbor-a.txt");
  CHECK(files[0].contents == f.doc(0).text());
  CHECK(files[1].name == "harbor-a.ann");
  CHECK(files[6].name == "annotation.conf");
  CHECK_THAT(files[6].contents, Contains("[entities]\nPERSON\n") && Contains("claimant\tArg1:CLAIM, Arg2:PERSON|ORGANIZATION\n") &&
                                    Contains("stance\tArg:CLAIM, Value:asserted|denied|hedged|reported\n") && Contains("<OVERLAP>"));
  const auto ann = lines(files[1].contents);
  CHECK(ann[0] == "T1\tDATE 17 31\tSaturday night");
  CHECK(std::find(ann.begin(), ann.end(), "T9\tCLAIM 325 349;374 387\tKestrel Logistics denied were at fault") != ann.end());
  CHECK(std::find(ann.begin(), ann.end(), "A3\tstance T9 denied") != ann.end());
  CHECK(std::find(ann.begin(), ann.end(), "R1\tclaimant Arg1:T7 Arg2:T4") != ann.end());
  CHECK_THAT(files[1].contents, Contains("\tAnnotatorNotes T4\tgoldspan s1; annotator ana; created 2023-11-14T22:13:21.000Z; cluster c1 Ines Oduya\n"));
  // brat's rules: ids unique, start <= end <= text length, fragments ordered and apart, text column = the offsets.
  for (size_t d = 0; d < 3; ++d) {
    std::set<std::string> ids;
    for (const std::string& l : lines(files[2 * d + 1].contents)) {
      const std::string id = l.substr(0, l.find('\t'));
      CHECK(ids.insert(id).second);
      if (id[0] != 'T') continue;
      const size_t t1 = l.find('\t'), t2 = l.find('\t', t1 + 1);
      std::istringstream frags(l.substr(l.find(' ', t1) + 1, t2 - l.find(' ', t1) - 1));
      std::string text;
      uint32_t prev_end = 0, s, e;
      char sep;
      for (bool first = true; frags >> s >> e; first = false) {
        CHECK(s < e);
        CHECK(e <= f.doc(d).length());
        if (!first) CHECK(s > prev_end);
        prev_end = e;
        text += (first ? "" : " ") + std::string(f.doc(d).slice(s, e));
        frags >> sep;
      }
      CHECK(l.substr(t2 + 1) == text);
    }
  }
  CHECK(warned(w, "brat: 3 claim links not carried"));
  CHECK(warned(w, "brat: 4 clusters carried only as AnnotatorNotes"));

  std::vector<BratDocument> docs;
  for (size_t d = 0; d < 3; ++d) docs.push_back({f.doc(d).id(), files[2 * d].contents, files[2 * d + 1].contents, files[2 * d + 1].name});
  Blank b;
  const GoldImport in = parse_brat(docs, b.corpus.schema(), b.tok);
  REQUIRE(in.errors.empty());
  CHECK(warned(in.warnings, "brat: 20 notes (#) skipped"));
  apply_gold(b.corpus, b.history, in);
  CHECK(content(b.corpus) == content(f.corpus));
}

TEST_CASE("brat: import rejects what brat's parser rejects", "[io][brat]") {
  Blank b;
  const std::string text = "Ines Oduya said 14 workers left.";
  auto errors = [&](const std::string& ann) { return parse_brat({{"d", text, ann, "d.ann"}}, b.corpus.schema(), b.tok).errors; };
  CHECK(errors("T1\tPERSON 0 10\tInes Oduya\n").empty());
  CHECK(errors("T1\tPERSON 10 0\tInes Oduya\n") == std::vector<std::string>{"d.ann: line 1: start 10 > end 0"});
  CHECK(errors("T1\tPERSON 0 99\tx\n") == std::vector<std::string>{"d.ann: line 1: end 99 is past the end of the text (32 code points)"});
  CHECK(errors("T1\tPERSON 0 10;5 15\tInes Oduya Oduya said\n") == std::vector<std::string>{"d.ann: line 1: fragments [0, 10) and [5, 15) overlap"});
  CHECK(errors("T1\tPERSON 0 10\tInes Oduya\nT1\tCUE 11 15\tsaid\n") == std::vector<std::string>{"d.ann: line 2: duplicate id T1 (also line 1)"});
  CHECK(errors("T1\tPERSON 0 10\tInes Odu\n") ==
        std::vector<std::string>{"d.ann: line 1: the text column \"Ines Odu\" is not the text at the offsets, \"Ines Oduya\""});
  CHECK(errors("T1\tPERSN 0 10\tInes Oduya\n") == std::vector<std::string>{"d.ann: line 1: unknown label 'PERSN' (not in the schema)"});
  CHECK(errors("T1\tPERSON 0 10\tInes Oduya\nR1\tclaimant Arg1:T1 Arg2:T7\n") ==
        std::vector<std::string>{"d.ann: line 2: no text-bound annotation T7"});
  CHECK(errors("T1\tPERSON 0 10\tInes Oduya\nA1\tstance T1 denied\n") ==
        std::vector<std::string>{"d.ann: line 1: PERSON has no attribute 'stance'"});
  CHECK(errors("T1\tPERSON zero ten\tInes Oduya\nX1\tfoo\n").size() == 2);
  // All errors of all lines at once.
  CHECK(errors("T1\tPERSON 10 0\tx\nT2\tPERSON 0 99\tx\nT3\tNOPE 0 4\tInes\n").size() == 3);
  const GoldImport skipped = parse_brat({{"d", text, "T1\tPERSON 0 10\tInes Oduya\nE1\tSay:T1\n*\tEquiv T1 T1\nT2\tCUE 11 13;13 15\tsa id\n", "d.ann"}},
                                        b.corpus.schema(), b.tok);
  CHECK(skipped.ok());
  CHECK(warned(skipped.warnings, "1 events (E) skipped"));
  CHECK(warned(skipped.warnings, "brat: 1 equivalence (from 1 * line;"));
  REQUIRE(skipped.clusters.size() == 1);
  CHECK(skipped.clusters[0].members == std::vector<size_t>{0});
  CHECK(warned(skipped.warnings, "1 touching fragments joined into one"));
  REQUIRE(skipped.spans.size() == 2);
  CHECK(skipped.spans[1].fragments == std::vector<Range>{{11, 15}});
}

// brat's own example corpora (BioNLP-ST 2011, example-data/corpora/BioNLP-ST_2011) have lines
// brat reads and goldspan refused. nlplab/brat, server/src/annotation.py:
//  - _parse_ann_lines exempts '*' from the duplicate id check ("if id in self._ann_by_id and
//    pre != '*'"); _parse_equiv_annotation reads "*<TAB>TYPE ID ID ..." split on whitespace;
//  - add_annotation merges an Equiv into every Equiv it shares a member with, so the groups are
//    the connected components of the lines;
//  - _parse_modifier_annotation reads "M1<TAB>Negation E3" as a binary attribute of any id (an
//    event here); _sanity only reports ids that are not defined.
const char* kBioNlpText =
    "Interleukin-4 (IL-4) and IL4 did not induce TRAF2 (TRAF-2) in BMP-6 treated cells; BMP6 (BMP-6) expression was reduced.";
const char* kBioNlpAnn =
    "T1\tProtein 0 13\tInterleukin-4\nT2\tProtein 15 19\tIL-4\nT3\tProtein 25 28\tIL4\nT4\tProtein 44 49\tTRAF2\n"
    "T5\tProtein 51 57\tTRAF-2\nT6\tProtein 62 67\tBMP-6\nT7\tProtein 83 87\tBMP6\nT8\tProtein 89 94\tBMP-6\n"
    "T9\tPositive_regulation 37 43\tinduce\nT10\tGene_expression 96 106\texpression\nT11\tNegative_regulation 111 118\treduced\n"
    "E1\tPositive_regulation:T9 Theme:T4\nE2\tGene_expression:T10 Theme:T7\nE3\tNegative_regulation:T11 Theme:E2\n"
    "M1\tNegation E1\nM2\tSpeculation E3\n"
    "*\tEquiv T1 T2\n*\tEquiv T2 T3\n*\tEquiv T4 T5\n*\tEquiv T7 T8\n*\tEquiv T6 T8\n*\tEquiv T1 T3\n";

TEST_CASE("brat: BioNLP-ST style files import: repeated * Equiv lines as clusters, attributes on events skipped", "[io][brat]") {
  const Schema schema = Schema::parse(R"({"entity_types": [
    {"name": "Protein", "color": "#112233"}, {"name": "Positive_regulation", "color": "#112233"},
    {"name": "Gene_expression", "color": "#112233"}, {"name": "Negative_regulation", "color": "#112233"}],
    "relation_types": [{"name": "Same", "color": "#112233", "source": ["Protein"], "target": ["Protein"]}]})");
  Blank b(schema);
  const GoldImport in = parse_brat({{"PMC-1", kBioNlpText, kBioNlpAnn, "PMC-1.ann"}}, schema, b.tok);
  INFO((in.errors.empty() ? std::string() : in.errors[0]));
  REQUIRE(in.ok());
  CHECK(in.spans.size() == 11);
  // 6 lines, 3 groups: {T1 T2 T3} (lines 1, 2, 6), {T4 T5}, {T6 T7 T8} (lines 4 and 5 share T8).
  REQUIRE(in.clusters.size() == 3);
  auto members = [&](size_t c) {
    std::set<std::string> out;
    for (size_t m : in.clusters[c].members) out.insert(in.spans[m].id);
    return out;
  };
  CHECK(members(0) == std::set<std::string>{"T1", "T2", "T3"});
  CHECK(members(1) == std::set<std::string>{"T4", "T5"});
  CHECK(members(2) == std::set<std::string>{"T6", "T7", "T8"});
  for (const ImportedCluster& c : in.clusters) CHECK((c.kind == SpanKind::Entity && c.name == "Equiv"));
  CHECK(warned(in.warnings, "brat: 3 equivalences (from 6 * lines; lines sharing a member are one, as brat merges them) imported as clusters"));
  CHECK(warned(in.warnings, "brat: 3 events (E) skipped"));
  CHECK(warned(in.warnings, "brat: 2 attributes on events skipped (with the events)"));
  // Applies: the clusters are in the corpus.
  apply_gold(b.corpus, b.history, in);
  CHECK(b.corpus.clusters().size() == 3);
  // An event in an Equiv is left out of the cluster, an attribute on a relation skipped; both warned.
  const GoldImport odd = parse_brat({{"d", kBioNlpText,
                                      "T1\tProtein 0 13\tInterleukin-4\nT2\tProtein 15 19\tIL-4\nT9\tPositive_regulation 37 43\tinduce\n"
                                      "E1\tPositive_regulation:T9 Theme:T1\nR1\tSame Arg1:T1 Arg2:T2\nA1\tNegation R1\n*\tEquiv T1 E1 T2\n",
                                      "d.ann"}},
                                    schema, b.tok);
  INFO((odd.errors.empty() ? std::string() : odd.errors[0]));
  REQUIRE(odd.ok());
  REQUIRE(odd.clusters.size() == 1);
  CHECK(odd.clusters[0].members.size() == 2);
  CHECK(warned(odd.warnings, "brat: 1 members of equivalences that are not text-bound (events, relations) left out of the clusters"));
  CHECK(warned(odd.warnings, "brat: 1 attributes on relations skipped"));
  // Still refused: an Equiv or attribute naming an id that is not there.
  CHECK(parse_brat({{"d", kBioNlpText, "T1\tProtein 0 13\tInterleukin-4\n*\tEquiv T1 T9\n", "d.ann"}}, schema, b.tok).errors ==
        std::vector<std::string>{"d.ann: line 2: no text-bound annotation T9"});
  CHECK_FALSE(parse_brat({{"d", kBioNlpText, "T1\tProtein 0 13\tInterleukin-4\nM1\tNegation E7\n", "d.ann"}}, schema, b.tok).ok());
}

// brat's example corpus configuration, nlplab/brat example-data/corpora/BioNLP-ST_2011/
// BioNLP-ST_2011_GE/annotation.conf (sections as server/src/projectconfig.py reads them; Equiv
// is an equivalence even without <REL-TYPE>; "----" lines are separators).
const char* kGeConf =
    "# BioNLP Shared Task 2011 GE task.\n\n[entities]\n\nProtein\nEntity\n\n\n[relations]\n\n"
    "Equiv\tArg1:Protein, Arg2:Protein, <REL-TYPE>:symmetric-transitive\n\n[events]\n\n"
    "Gene_expression\tTheme:Protein\nTranscription\tTheme:Protein\nProtein_catabolism\tTheme:Protein\n"
    "Localization\tTheme:Protein, ToLoc?:Entity, AtLoc?:Entity\nBinding\tTheme+:Protein, Site*:Entity\n"
    "----------------------------------------\nPhosphorylation\tTheme:Protein, Site?:Entity\n"
    "----------------------------------------\n"
    "Regulation\tTheme:<EVENT>|Protein, Cause?:<EVENT>|Protein, Site?:Entity, CSite?:Entity\n"
    "Positive_regulation\tTheme:<EVENT>|Protein, Cause?:<EVENT>|Protein, Site?:Entity, CSite?:Entity\n"
    "Negative_regulation\tTheme:<EVENT>|Protein, Cause?:<EVENT>|Protein, Site?:Entity, CSite?:Entity\n\n"
    "[attributes]\n\nNegation\tArg:<EVENT>\nSpeculation\tArg:<EVENT>\n";

TEST_CASE("infer schema: from brat's BioNLP-ST GE annotation.conf, and the example imports under it", "[io][brat][infer]") {
  Warnings w;
  const Schema s = infer_schema_from_brat_conf(kGeConf, "GE/annotation.conf", w);
  std::vector<std::string> names;
  for (const SpanType& t : s.span_types()) names.push_back(t.name);
  CHECK(names == std::vector<std::string>{"Protein", "Entity", "Gene_expression", "Transcription", "Protein_catabolism", "Localization",
                                          "Binding", "Phosphorylation", "Regulation", "Positive_regulation", "Negative_regulation"});
  for (const SpanType& t : s.span_types()) CHECK(t.kind == SpanKind::Entity);
  CHECK(s.relation_types().empty());  // Equiv: the * lines, imported as clusters
  CHECK(s.span_types()[0].attributes.empty());
  CHECK(s.span_types()[0].hotkey == 'a');
  CHECK(warned(w, "brat: no --schema: schema inferred from GE/annotation.conf: 11 span types, 0 relation types, 0 attributes; kinds guessed from the names (all entity)"));
  CHECK(warned(w, "brat: 9 event types of annotation.conf made span types"));
  CHECK(warned(w, "brat: 2 relations or attributes of annotation.conf left out"));
  Tokenizer tok(s.locale());
  const GoldImport in = parse_brat({{"PMC-1", kBioNlpText, kBioNlpAnn, "PMC-1.ann"}}, s, tok);
  INFO((in.errors.empty() ? std::string() : in.errors[0]));
  CHECK(in.ok());
  CHECK(in.clusters.size() == 3);

  // Relations, attributes with and without values, kinds from names, <ENTITY>, !abstract.
  Warnings w2;
  const Schema t = infer_schema_from_brat_conf(
      "[spans]\n!Abstract\n\tPerson\n\tCLAIM\nCue|GO:0006306\n[relations]\nclaimant\tArg1:CLAIM, Arg2:Person\n"
      "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\nnear\tArg1:<ENTITY>, Arg2:Person|Cue\n"
      "[events]\n[attributes]\nstance\tArg:CLAIM, Value:asserted|denied\nNegated\tArg:Person|CLAIM\n",
      "x/annotation.conf", w2);
  REQUIRE(t.span_types().size() == 3);
  CHECK(t.span_types()[size_t(t.span_type("Person"))].kind == SpanKind::Entity);
  CHECK(t.span_types()[size_t(t.span_type("CLAIM"))].kind == SpanKind::Claim);
  CHECK(t.span_types()[size_t(t.span_type("Cue"))].kind == SpanKind::Cue);
  const SpanType& claim = t.span_types()[size_t(t.span_type("CLAIM"))];
  REQUIRE(claim.attributes.size() == 2);
  CHECK(claim.attributes[0].values == std::vector<std::string>{"asserted", "denied"});
  CHECK(claim.attributes[1].values == std::vector<std::string>{"true"});
  REQUIRE(t.relation_types().size() == 2);
  CHECK(t.relation_types()[1].sources.size() == 3);  // <ENTITY>: every [entities] type
  CHECK(warned(w2, "kinds guessed from the names (CLAIM claim, Cue cue, the others entity)"));
}

TEST_CASE("infer schema: from the labels found, 40 types import, hotkeys for the first 36", "[io][brat][infer]") {
  Warnings w;
  const Schema s = infer_schema_from_brat({{"PMC-1", kBioNlpText, kBioNlpAnn, "PMC-1.ann"}}, w);
  CHECK(s.span_types().size() == 4);
  CHECK(warned(w, "brat: no --schema: schema inferred from the labels found in the .ann files: 4 span types"));
  Tokenizer tok(s.locale());
  CHECK(parse_brat({{"PMC-1", kBioNlpText, kBioNlpAnn, "PMC-1.ann"}}, s, tok).ok());

  std::string text, ann;
  for (int i = 0; i < 40; ++i) {
    const std::string word = "w" + std::to_string(i);
    const size_t at = text.size();
    text += word + " ";
    ann += "T" + std::to_string(i + 1) + "\tType_" + std::to_string(i) + " " + std::to_string(at) + " " + std::to_string(at + word.size()) +
           "\t" + word + "\n";
  }
  ann += "R1\tnext Arg1:T1 Arg2:T2\nA1\tsure T3 high\nA2\tsure T4\n";
  Warnings w40;
  const Schema many = infer_schema_from_brat({{"d", text, ann, "d.ann"}}, w40);
  REQUIRE(many.span_types().size() == 40);
  CHECK(many.span_types()[35].hotkey == '9');
  CHECK(many.span_types()[36].hotkey == 0);
  CHECK(many.relation_types().size() == 1);
  REQUIRE(many.span_types()[2].attributes.size() == 1);
  CHECK(many.span_types()[2].attributes[0].values == std::vector<std::string>{"high"});
  CHECK(many.span_types()[3].attributes[0].values == std::vector<std::string>{"true"});  // binary
  CHECK(warned(w40, "hotkeys for the first 36 span types only"));
  Tokenizer tok2(many.locale());
  const GoldImport in = parse_brat({{"d", text, ann, "d.ann"}}, many, tok2);
  INFO((in.errors.empty() ? std::string() : in.errors[0]));
  CHECK(in.ok());
  CHECK(in.spans.size() == 40);
  // A brat type name goldspan cannot take is a clear error.
  Warnings bad;
  CHECK_THROWS_WITH(infer_schema_from_brat({{"d", "ab", "T1\tA.B 0 2\tab\n", "d.ann"}}, bad), Contains("give --schema FILE"));
}

// brat's parser (nlplab/brat, server/src/annotation.py, _parse_textbound_annotation) compares the
// text column with the fragments' document text joined by DISCONT_SEP (" "), character for
// character, and reads the .ann with codecs' readlines(), which ends lines at \n, \r, U+0085,
// U+2028 and the other str.splitlines breaks (_parse_ann_file). Its annotator
// (server/src/annotator.py, create_span) writes a selection over lines as one fragment per line.
TEST_CASE("brat: spans over line breaks and tabs are written as fragments cut there, and read back whole", "[io][brat]") {
  Blank b;
  const std::string text = "its systems\nwere at fault, then\r\nleft\u2028again\u0085and\tstayed.";
  const GoldImport doc = parse_text(text, "d.txt", b.tok);
  REQUIRE(doc.ok());
  apply_gold(b.corpus, b.history, doc);
  b.history.run<AddSpan>("d", "CLAIM", std::vector<Range>{{0, 25}}, EdgeMode::Character);
  b.history.run<AddSpan>("d", "CLAIM", std::vector<Range>{{27, 54}}, EdgeMode::Character);
  Warnings w;
  const std::vector<ExportFile> files = write_brat(b.corpus, w);
  REQUIRE(files.size() == 3);
  const auto ann = lines(files[1].contents);
  // Offsets by hand: "\n" is 11; "\r\n" 31-32, U+2028 37, U+0085 43, tab 47.
  CHECK(ann[0] == "T1\tCLAIM 0 11;12 25\tits systems were at fault");
  CHECK(ann[2] == "T2\tCLAIM 27 31;33 37;38 43;44 47;48 54\tthen left again and stayed");
  CHECK(warned(w, "brat: 2 spans over line breaks or tabs written as fragments cut there"));
  // No line of the .ann holds a character that ends a line for brat.
  for (const char* brk : {"\r", "\u2028", "\u0085", "\u2029"}) CHECK(files[1].contents.find(brk) == std::string::npos);

  Blank r;
  const GoldImport in = parse_brat({{"d", files[0].contents, files[1].contents, "d.ann"}}, r.corpus.schema(), r.tok);
  REQUIRE(in.errors.empty());
  REQUIRE(in.spans.size() == 2);
  CHECK(in.spans[0].fragments == std::vector<Range>{{0, 25}});
  CHECK(in.spans[1].fragments == std::vector<Range>{{27, 54}});
  CHECK(warned(in.warnings, "brat: 5 fragments that goldspan's export cut at line breaks joined again"));
  CHECK_THAT(files[1].contents, Contains("; cut at line breaks\n"));
  apply_gold(r.corpus, r.history, in);
  CHECK(content(r.corpus) == content(b.corpus));
  // What brat's annotator writes (pieces stripped of the whitespace around the break) reads as
  // written: a span of two fragments may be meant so, and joining could make it cross another.
  const GoldImport by_brat = parse_brat({{"d", "its systems \n were at fault.", "T1\tCLAIM 0 11;14 27\tits systems were at fault\n", "d.ann"}},
                                        r.corpus.schema(), r.tok);
  REQUIRE(by_brat.errors.empty());
  CHECK(by_brat.spans[0].fragments == std::vector<Range>{{0, 11}, {14, 27}});

  // A span of nothing but a line break has no fragment brat can read: left out, with its
  // relations; a cluster name with a line separator stays on its note's line.
  const SpanId lf = b.history.run<AddSpan>("d", "PERSON", std::vector<Range>{{11, 12}}, EdgeMode::Character).id();
  const SpanId org = b.history.run<AddSpan>("d", "ORGANIZATION", std::vector<Range>{{4, 11}}, EdgeMode::Character).id();
  const ClusterId cl = b.history.run<CreateCluster>(SpanKind::Entity, "its\u2028systems").id();
  b.history.run<AddMember>(cl, org);
  b.history.run<AddRelation>("claimant", SpanId(1), lf);
  Warnings w2;
  const std::string ann2 = write_brat(b.corpus, w2)[1].contents;
  CHECK(warned(w2, "brat: 1 spans of nothing but line breaks or tabs left out"));
  CHECK(warned(w2, "brat: 1 relations left out (an end was left out)"));
  CHECK(ann2.find("\u2028") == std::string::npos);
  CHECK_THAT(ann2, Contains("cluster c1 its systems\n"));
  CHECK(parse_brat({{"d", files[0].contents, ann2, "d.ann"}}, r.corpus.schema(), r.tok).errors.empty());
}

// [SECTION] CoNLL
TEST_CASE("conll: BIO tags, one token per line, -DOCSTART-, sentences, outermost layer", "[io][conll]") {
  Annotated f;
  Warnings w;
  const std::string out = write_conll(f.corpus, f.tok, {}, w);
  const auto ls = lines(out);
  CHECK(std::count(ls.begin(), ls.end(), "-DOCSTART- -X- -X- O") == 3);
  CHECK(ls[0] == "-DOCSTART- -X- -X- O");
  CHECK(ls[1].empty());
  CHECK(ls[2] == "Fire _ _ O");
  CHECK(std::find(ls.begin(), ls.end(), "Ines _ _ B-PERSON") != ls.end());
  CHECK(std::find(ls.begin(), ls.end(), "Oduya _ _ I-PERSON") != ls.end());
  CHECK(std::find(ls.begin(), ls.end(), "Инес _ _ B-PERSON") != ls.end());
  CHECK(std::find(ls.begin(), ls.end(), "hours _ _ O") + 1 == std::find(ls.begin(), ls.end(), ". _ _ O"));
  // Every non-blank line has four columns; I- only follows B- or I- of the same label.
  std::string prev = "O";
  for (const std::string& l : ls) {
    if (l.empty()) {
      prev = "O";
      continue;
    }
    std::istringstream cols(l);
    std::vector<std::string> c;
    for (std::string x; cols >> x;) c.push_back(x);
    REQUIRE(c.size() == 4);
    if (c[3].rfind("I-", 0) == 0) CHECK((prev == "B-" + c[3].substr(2) || prev == c[3]));
    prev = c[3];
  }
  CHECK(warned(w, "CoNLL: 6 relations not carried"));
  CHECK(warned(w, "CoNLL: 4 clusters not carried"));
  CHECK(warned(w, "spans of other kinds not written"));

  Fixture g(default_schema(), {"harbor-a"});
  g.add("LOCATION", "Port of Valmora");
  g.add("LOCATION", "Valmora");
  Warnings w2;
  const auto nested = lines(write_conll(g.corpus, g.tok, {}, w2));
  CHECK(std::find(nested.begin(), nested.end(), "Port _ _ B-LOCATION") != nested.end());
  CHECK(std::find(nested.begin(), nested.end(), "Valmora _ _ I-LOCATION") != nested.end());
  CHECK(warned(w2, "CoNLL: 1 spans dropped: nested in or overlapping a longer span"));
  ConllOptions claims;
  claims.kinds = {SpanKind::Claim};
  Warnings w3;
  CHECK_THAT(write_conll(f.corpus, f.tok, claims, w3), Contains("sprinklers _ _ I-CLAIM"));
  CHECK(warned(w3, "discontinuous spans written as separate B-... runs"));
}

// conlleval (the CoNLL-2000/2003 reference scorer, conlleval.pl by Erik Tjong Kim Sang; its
// Python port mayhewsw/conlleval.py, conlleval.py: `evaluate` turns an empty line into
// [boundary "-X-", 'O', 'O'], and `start_of_chunk` starts a chunk at B, at I after O, and at a
// change of type) ends every chunk at a blank line, so B-X, blank line, I-X is two chunks.
// conlleval_chunks reads chunks the same way.
std::vector<std::pair<std::string, std::vector<std::string>>> conlleval_chunks(const std::string& conll) {
  std::vector<std::pair<std::string, std::vector<std::string>>> chunks;
  std::string prev_tag = "O", prev_type;
  for (const std::string& l : lines(conll)) {
    std::vector<std::string> c;
    std::istringstream cols(l);
    for (std::string x; cols >> x;) c.push_back(x);
    if (c.empty() || c[0] == "-DOCSTART-") c = {"-X-", "_", "_", "O"};
    const std::string tag = c[3].substr(0, 1), type = c[3].size() > 2 ? c[3].substr(2) : "";
    const bool start = tag == "B" || (tag == "I" && (prev_tag == "O" || prev_type != type));
    if (start) chunks.push_back({type, {}});
    if (tag != "O") chunks.back().second.push_back(c[0]);
    prev_tag = tag;
    prev_type = type;
  }
  return chunks;
}

TEST_CASE("conll: a span over a sentence break joins the sentences, never B- blank I-", "[io][conll]") {
  Fixture f(default_schema(), {});
  // ICU ends a sentence at a line break, so "Kestrel\nLogistics" crosses one, and the second
  // span crosses two.
  f.corpus.add_document(std::make_shared<Document>("d", "Staff of Kestrel\nLogistics left early. Then rain came.\nInes\nOduya\nLima slept.", f.tok));
  const SpanId kl = f.add("ORGANIZATION", "Kestrel\nLogistics");
  const SpanId ines = f.add("PERSON", "Ines\nOduya\nLima");
  (void)kl, (void)ines;
  Warnings w;
  const std::string out = write_conll(f.corpus, f.tok, {}, w);
  const auto ls = lines(out);
  const auto at = std::find(ls.begin(), ls.end(), "Kestrel _ _ B-ORGANIZATION");
  REQUIRE(at != ls.end());
  CHECK(*(at + 1) == "Logistics _ _ I-ORGANIZATION");  // no blank line between
  const auto ines_at = std::find(ls.begin(), ls.end(), "Ines _ _ B-PERSON");
  REQUIRE(ines_at != ls.end());
  CHECK((ines_at - 1)->empty());  // "Then rain came ." ends a sentence of its own
  CHECK(*(ines_at + 1) == "Oduya _ _ I-PERSON");
  CHECK(*(ines_at + 2) == "Lima _ _ I-PERSON");
  // Other sentence breaks stay: after "early ." and after "came .".
  const auto early = std::find(ls.begin(), ls.end(), "early _ _ O");
  REQUIRE(early != ls.end());
  CHECK(*(early + 1) == ". _ _ O");
  CHECK((early + 2)->empty());
  // No I- starts a chunk: conlleval finds exactly the two spans, whole.
  for (size_t i = 1; i < ls.size(); ++i) CHECK_FALSE((ls[i - 1].empty() && ls[i].rfind("I-") != std::string::npos));
  const auto chunks = conlleval_chunks(out);
  REQUIRE(chunks.size() == 2);
  CHECK(chunks[0] == std::make_pair(std::string("ORGANIZATION"), std::vector<std::string>{"Kestrel", "Logistics"}));
  CHECK(chunks[1] == std::make_pair(std::string("PERSON"), std::vector<std::string>{"Ines", "Oduya", "Lima"}));
  CHECK(warned(w, "CoNLL: 2 spans over a sentence break: the sentences each one crosses written as one (3 sentence breaks left out)"));
}

// [SECTION] doccano
TEST_CASE("doccano: JSONL with entities and relations, code point offsets, reads back", "[io][doccano]") {
  Annotated f;
  Warnings w;
  const std::string out = write_doccano(f.corpus, w);
  const auto ls = lines(out);
  REQUIRE(ls.size() == 3);
  const json first = json::parse(ls[0]);
  CHECK(first["id"] == "harbor-a");
  CHECK(first["text"] == std::string(f.doc(0).text()));
  CHECK(first["entities"][0] == json::parse(R"({"id": 1, "label": "DATE", "start_offset": 17, "end_offset": 31})"));
  const json multi = json::parse(ls[2]);
  for (const json& e : multi["entities"]) {
    const std::string_view slice = f.doc(2).slice(e["start_offset"].get<uint32_t>(), e["end_offset"].get<uint32_t>());
    CHECK(!slice.empty());
  }
  CHECK(warned(w, "doccano: 1 discontinuous spans written as one entity per fragment"));
  CHECK(warned(w, "doccano: 4 attribute values not carried"));
  CHECK(warned(w, "doccano: 3 claim links not carried"));

  Blank b;
  const GoldImport in = parse_doccano(out, "d.jsonl", b.corpus.schema(), b.tok);
  REQUIRE(in.errors.empty());
  apply_gold(b.corpus, b.history, in);
  CHECK(content(b.corpus, false) == content(f.corpus, false, true));

  // The older form, and errors with their line.
  const std::string old = R"({"text": "Ines Oduya said so.", "label": [[0, 10, "PERSON"], [11, 15, "CUE"]]})";
  const GoldImport o = parse_doccano(old, "old.jsonl", b.corpus.schema(), b.tok);
  REQUIRE(o.ok());
  CHECK(o.documents[0]->id() == "old-1");
  CHECK(o.spans.size() == 2);
  const GoldImport bad = parse_doccano(old + "\n{\"text\": \"x\", \"entities\": [{\"id\": 1, \"label\": \"PERSON\", \"start_offset\": 0, \"end_offset\": 4}], "
                                             "\"relations\": [{\"id\": 1, \"from_id\": 1, \"to_id\": 9, \"type\": \"cue\"}]}\nnot json\n",
                                       "bad.jsonl", b.corpus.schema(), b.tok);
  REQUIRE(bad.errors.size() == 3);
  CHECK(bad.errors[0] == "bad.jsonl: line 2: relations[0].to_id: no entity 9");
  CHECK_THAT(bad.errors[1], Contains("bad.jsonl: line 3: invalid JSON"));
  CHECK(bad.errors[2] == "bad.jsonl: line 2: entities[0].end_offset: 4 is past the end of the text (1 code points)");
}

// doccano's own relation extraction example and import fixture (doccano/doccano,
// backend/data_import/pipeline/examples/relation_extraction/example.jsonl and
// backend/data_import/tests/data/relation_extraction/example.jsonl) give relations no id.
TEST_CASE("doccano: doccano's relation example imports (relations without id)", "[io][doccano]") {
  Blank b(Schema::parse(R"({"entity_types": [
      {"name": "ORG", "color": "#111111", "hotkey": "o"}, {"name": "DATE", "color": "#222222", "hotkey": "d"},
      {"name": "PERSON", "color": "#333333", "hotkey": "p"}],
    "relation_types": [{"name": "foundedAt", "color": "#444444", "source": ["ORG"], "target": ["DATE"]},
                       {"name": "foundedBy", "color": "#555555", "source": ["ORG"], "target": ["PERSON"]}]})"));
  const std::string example =
      R"({"text": "Google was founded on September 4, 1998, by Larry Page and Sergey Brin.", "entities": [{"id": 0, "start_offset": 0, "end_offset": 6, "label": "ORG"}, {"id": 1, "start_offset": 22, "end_offset": 39, "label": "DATE"}, {"id": 2, "start_offset": 44, "end_offset": 54, "label": "PERSON"}, {"id": 3, "start_offset": 59, "end_offset": 70, "label": "PERSON"}], "relations": [{"from_id": 0, "to_id": 1, "type": "foundedAt"}, {"from_id": 0, "to_id": 2, "type": "foundedBy"}, {"from_id": 0, "to_id": 3, "type": "foundedBy"}]})";
  const GoldImport in = parse_doccano(example + "\n", "example.jsonl", b.corpus.schema(), b.tok);
  REQUIRE(in.errors.empty());
  REQUIRE(in.relations.size() == 3);
  CHECK(in.spans[in.relations[2].to].fragments[0] == Range{59, 70});
  apply_gold(b.corpus, b.history, in);
  CHECK(b.corpus.relations().size() == 3);
}

// doccano's backend keeps offsets as Python (code point) indexes; its annotation page indexes
// JavaScript strings, or grapheme clusters with the project's grapheme mode (doccano/doccano,
// frontend/pages/projects/_id/sequence-labeling/index.vue: :grapheme-mode="project.enableGraphemeMode").
TEST_CASE("doccano: export in code points or UTF-16, and the unit said", "[io][doccano]") {
  Annotated f;
  Warnings cp, u16;
  DoccanoWriteOptions o;
  o.offsets = DoccanoOffsets::Utf16;
  const json a = json::parse(lines(write_doccano(f.corpus, cp))[2]), b = json::parse(lines(write_doccano(f.corpus, u16, o))[2]);
  CHECK(warned(cp, "doccano: offsets in code points"));
  CHECK(warned(u16, "doccano: offsets in UTF-16 code units"));
  // By hand, in assets/sample/multilingual.txt: the 🚢 before "Инес Одуя" is 1 code point and 2
  // UTF-16 units; the family emoji (5 code points) is 8 units, so the flag after it moves by 4.
  auto find = [](const json& line, uint32_t start) {
    for (const json& e : line["entities"])
      if (e["start_offset"] == start) return e;
    return json();
  };
  CHECK(find(a, 114)["end_offset"] == 123);
  CHECK(find(b, 115)["end_offset"] == 124);
  CHECK(find(a, 421)["end_offset"] == 423);
  CHECK(find(b, 425)["end_offset"] == 429);
}

// [SECTION] Label Studio
TEST_CASE("label studio: tasks with code point offsets, per-region choices and relations, read back", "[io][label-studio]") {
  Annotated f;
  Warnings w;
  const std::string out = write_label_studio(f.corpus, w);
  const json tasks = json::parse(out);
  REQUIRE(tasks.size() == 3);
  CHECK(tasks[0]["data"]["doc_id"] == "harbor-a");
  const json& result = tasks[0]["annotations"][0]["result"];
  CHECK(result[0] == json::parse(R"({"id": "s4", "from_name": "label", "to_name": "text", "type": "labels",
                                     "value": {"start": 17, "end": 31, "text": "Saturday night", "labels": ["DATE"]}})"));
  bool choice = false, relation = false;
  for (const json& r : result) {
    choice |= r["type"] == "choices" && r["from_name"] == "stance" && r["value"]["choices"][0] == "denied" && r["id"] == "s10";
    relation |= r["type"] == "relation" && r["from_id"] == "s8" && r["to_id"] == "s1" && r["labels"][0] == "claimant";
  }
  CHECK(choice);
  CHECK(relation);
  // Code points, as Label Studio's frontend counts them (HumanSignal/label-studio,
  // web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts: "Should calculate offsets by code
  // points in text"). Counted by hand in assets/sample/multilingual.txt: the 🚢 on line 1 is one
  // code point (two UTF-16 units), so "Инес Одуя" is [114, 123), not UTF-16's [115, 124); the
  // family before the flag is 5 code points (8 UTF-16 units), so the flag is [421, 423), not [425, 429).
  std::map<std::string, std::pair<size_t, size_t>> at;
  for (const json& r : tasks[2]["annotations"][0]["result"]) {
    if (r["type"] != "labels") continue;
    const size_t s = r["value"]["start"], e = r["value"]["end"];
    REQUIRE(e <= f.doc(2).length());
    CHECK(r["value"]["text"] == std::string(f.doc(2).slice(uint32_t(s), uint32_t(e))));
    at[r["value"]["text"]] = {s, e};
  }
  CHECK(at["Инес Одуя"] == std::make_pair(size_t(114), size_t(123)));
  CHECK(at["👨‍👩‍👧"] == std::make_pair(size_t(410), size_t(415)));
  CHECK(at["🇰🇬"] == std::make_pair(size_t(421), size_t(423)));
  CHECK(warned(w, "Label Studio: 4 clusters not carried"));

  Blank b;
  const GoldImport in = parse_label_studio(out, "ls.json", b.corpus.schema(), b.tok);
  REQUIRE(in.errors.empty());
  apply_gold(b.corpus, b.history, in);
  CHECK(content(b.corpus) == content(f.corpus, true, true));

  const std::string config = label_studio_config(f.corpus.schema());
  CHECK_THAT(config, Contains("<Labels name=\"label\" toName=\"text\">") && Contains("<Label value=\"PERSON\" background=\"#4e79a7\"/>") &&
                         Contains("<Choices name=\"stance\" toName=\"text\" perRegion=\"true\" whenTagName=\"label\" whenLabelValue=\"CLAIM\">"));
}

TEST_CASE("label studio: predictions for pre-annotation, and errors", "[io][label-studio]") {
  Blank b;
  const std::string task = R"([{"id": 7, "data": {"text": "🚢 Ines Oduya said"},
     "annotations": [],
     "predictions": [{"model_version": "ner-1", "result": [
       {"id": "a", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 2, "end": 12, "text": "Ines Oduya", "labels": ["PERSON"]}},
       {"id": "b", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 13, "end": 17, "labels": ["CUE"]}},
       {"id": "t", "from_name": "sentiment", "to_name": "text", "type": "textarea", "value": {"text": ["fine"]}}]}]}])";
  const GoldImport plain = parse_label_studio(task, "p.json", b.corpus.schema(), b.tok);
  CHECK(plain.ok());
  CHECK(plain.spans.empty());
  CHECK(warned(plain.warnings, "has predictions but no annotations"));
  LabelStudioReadOptions o;
  o.predictions = true;
  const GoldImport pre = parse_label_studio(task, "p.json", b.corpus.schema(), b.tok, o);
  REQUIRE(pre.errors.empty());
  CHECK(pre.documents[0]->id() == "7");
  REQUIRE(pre.spans.size() == 2);
  CHECK(pre.spans[0].fragments[0] == Range{2, 12});  // the ship is one code point (two UTF-16 units)
  CHECK(pre.spans[1].fragments[0] == Range{13, 17});
  CHECK(warned(pre.warnings, "1 results of type textarea skipped"));
  apply_gold(b.corpus, b.history, pre);
  CHECK(b.corpus.span_count() == 2);

  const std::string bad = R"([{"data": {"text": "🚢 Ines"}, "annotations": [{"result": [
       {"id": "a", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 2, "end": 7, "labels": ["PERSON"]}},
       {"id": "b", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 2, "end": 6, "text": "Inez", "labels": ["PERSN"]}},
       {"id": "c", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 3, "end": 7, "text": "Ines", "labels": ["PERSON"]}},
       {"from_id": "b", "to_id": "zz", "type": "relation", "labels": ["claimant"]}]}]}])";
  const GoldImport e = parse_label_studio(bad, "bad.json", b.corpus.schema(), b.tok);
  REQUIRE(e.errors.size() == 5);
  CHECK(e.errors[0] == "bad.json: [0].annotations[0].result[1].value.text: \"Inez\" is not the text at [2, 6) (code points), which is \"Ines\"");
  CHECK(e.errors[1] == "bad.json: [0].annotations[0].result[3].to_id: no labelled region 'zz'");
  CHECK(e.errors[2] == "bad.json: [0].annotations[0].result[0].value.end: 7 is past the end of the text (6 code points)");
  CHECK(e.errors[3] == "bad.json: [0].annotations[0].result[1].value.labels: unknown label 'PERSN' (not in the schema)");
  // UTF-16 offsets (what goldspan wrote before, and what a JavaScript-only tool would write)
  // land one past "Ines" after the ship and run off the end.
  CHECK(e.errors[4] == "bad.json: [0].annotations[0].result[2].value.end: 7 is past the end of the text (6 code points)");
}

namespace {

// The labels of Label Studio's own sample tasks.
const char* kLabelStudioSamplesSchema = R"({"entity_types": [
  {"name": "region", "color": "#4e79a7", "hotkey": "r"},
  {"name": "Date", "color": "#f28e2b", "hotkey": "d"}]})";

struct LabelStudioRegion {
  std::string doc;
  Range range;
  std::string label;
  bool operator==(const LabelStudioRegion& o) const { return doc == o.doc && range == o.range && label == o.label; }
};

std::vector<LabelStudioRegion> regions(const GoldImport& imp) {
  std::vector<LabelStudioRegion> out;
  for (const ImportedSpan& s : imp.spans) out.push_back({imp.documents[s.doc]->id(), s.fragments.at(0), s.label});
  return out;
}

}  // namespace

// What Label Studio's frontend writes, per HumanSignal/label-studio:
// web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts asserts value {start: 21, end: 25,
// text: "test"} on "🐱 Warning: This is a test text" (code points; UTF-16 would be 22, 26), and
// {start: 2, end: 27, text: "Warning:\\n🐱 This is a test"} across a line break;
// web/libs/editor/src/utils/selection-tools.js turns the browser's UTF-16 offsets into code
// points (charsToCodePoints) and, in captureSelection, writes value.text as
// selection.toString() with every \n and \r replaced by backslash + n.
TEST_CASE("label studio: Label Studio's own tasks import (code points, \\n in value.text)", "[io][label-studio]") {
  Blank b(Schema::parse(kLabelStudioSamplesSchema));
  const std::string single = R"([{"id": 1, "data": {"text": "🐱 Warning: This is a test text"}, "annotations": [{"id": 1, "result": [
      {"id": "r1", "from_name": "tag", "to_name": "text", "type": "labels",
       "value": {"start": 21, "end": 25, "text": "test", "labels": ["region"]}}]}]}])";
  const std::string multiline = R"([{"id": 2, "data": {"text": "🐱 Warning:\n🐱 This is a test text"}, "annotations": [{"id": 2, "result": [
      {"id": "r2", "from_name": "tag", "to_name": "text", "type": "labels",
       "value": {"start": 2, "end": 27, "text": "Warning:\\n🐱 This is a test", "labels": ["region"]}}]}]}])";
  const std::string crlf = R"([{"id": 3, "data": {"text": "Warning:\r\nThis is a test text"}, "annotations": [{"result": [
      {"id": "r3", "from_name": "tag", "to_name": "text", "type": "labels",
       "value": {"start": 0, "end": 24, "text": "Warning:\\n\\nThis is a test", "labels": ["region"]}}]}]}])";
  const GoldImport s = parse_label_studio(single, "single.json", b.corpus.schema(), b.tok);
  REQUIRE(s.errors.empty());
  CHECK(regions(s) == std::vector<LabelStudioRegion>{{"1", {21, 25}, "region"}});
  CHECK(s.documents[0]->slice(21, 25) == "test");
  const GoldImport m = parse_label_studio(multiline, "multiline.json", b.corpus.schema(), b.tok);
  REQUIRE(m.errors.empty());
  CHECK(regions(m) == std::vector<LabelStudioRegion>{{"2", {2, 27}, "region"}});
  CHECK(m.documents[0]->slice(2, 27) == "Warning:\n🐱 This is a test");
  const GoldImport c = parse_label_studio(crlf, "crlf.json", b.corpus.schema(), b.tok);
  REQUIRE(c.errors.empty());
  CHECK(regions(c) == std::vector<LabelStudioRegion>{{"3", {0, 24}, "region"}});
  // The real line break in value.text is read as well (our own export, the SDK's converters).
  Warnings w;
  Blank r(Schema::parse(kLabelStudioSamplesSchema));
  apply_gold(r.corpus, r.history, m);
  const std::string again = write_label_studio(r.corpus, w);
  const json value = json::parse(again)[0]["annotations"][0]["result"][0]["value"];
  CHECK(value["start"] == 2);
  CHECK(value["end"] == 27);
  CHECK(parse_label_studio(again, "again.json", b.corpus.schema(), b.tok).errors.empty());

  // The same tasks as Label Studio's repository has them, when the shared samples are beside the
  // clone, or beside the directory of worktrees it is in (a user's clone has none: then there is
  // nothing more to check).
  auto read = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return in ? std::string(std::istreambuf_iterator<char>(in), {}) : std::string();
  };
  std::string dir;
  for (const char* up : {"/../shared/interop/label-studio/", "/../../shared/interop/label-studio/"})
    if (dir.empty() && !read(GOLDSPAN_SOURCE_DIR + std::string(up) + "ls_e2e_emoji_single.json").empty()) dir = GOLDSPAN_SOURCE_DIR + std::string(up);
  if (dir.empty()) {
    WARN("Label Studio sample files not found in " GOLDSPAN_SOURCE_DIR "/../shared/interop: checked the inline copies only");
    return;
  }
  const std::map<std::string, std::vector<LabelStudioRegion>> expected{
      {"ls_e2e_emoji_single.json", {{"1", {21, 25}, "region"}}},
      {"ls_e2e_emoji_multiline.json", {{"2", {2, 27}, "region"}}},
      {"ls_derived_multiline_ascii.json", {{"3", {0, 23}, "region"}}},
      {"named_entity_1.task.json", {{"1", {343, 354}, "Date"}}},
      {"named_entity_1.list.json", {{"1", {343, 354}, "Date"}}},
  };
  for (const auto& [file, want] : expected) {
    INFO(file);
    const GoldImport imp = parse_label_studio(read(dir + file), file, b.corpus.schema(), b.tok);
    REQUIRE(imp.errors.empty());
    CHECK(regions(imp) == want);
  }
  CHECK(parse_label_studio(read(dir + "named_entity_1.task.json"), "t.json", b.corpus.schema(), b.tok).documents[0]->slice(343, 354) ==
        "February 22");
  // Two model versions of document-level choices: read as predictions, nothing is a span.
  LabelStudioReadOptions pred;
  pred.predictions = true;
  const GoldImport p = parse_label_studio(read(dir + "text_with_2_predictions.json"), "p.json", b.corpus.schema(), b.tok, pred);
  REQUIRE(p.errors.empty());
  CHECK(p.spans.empty());
  CHECK(warned(p.warnings, "1 other predictions of this task ignored"));
}

// [SECTION] Prodigy
TEST_CASE("prodigy: tokens with ws, spans with inclusive token_end, relations", "[io][prodigy]") {
  Annotated f;
  Warnings w;
  const auto ls = lines(write_prodigy(f.corpus, w));
  REQUIRE(ls.size() == 3);
  for (size_t d = 0; d < 3; ++d) {
    const json ex = json::parse(ls[d]);
    const Document& doc = f.doc(d);
    CHECK(ex["meta"]["id"] == doc.id());
    CHECK(ex["answer"] == "accept");
    // spaCy's rule: ws is one U+0020 after the token; the tokens rebuild the text exactly.
    std::string rebuilt;
    for (size_t t = 0; t < ex["tokens"].size(); ++t) {
      const json& tok = ex["tokens"][t];
      CHECK(tok["id"] == t);
      CHECK(tok["text"] == std::string(doc.slice(tok["start"], tok["end"])));
      const uint32_t e = tok["end"];
      if (tok["ws"] == true) CHECK(doc.slice(e, e + 1) == " ");
      rebuilt += tok["text"].get<std::string>() + (tok["ws"] == true ? " " : "");
    }
    CHECK(rebuilt == doc.text());
    for (const json& s : ex["spans"]) {
      const json& first = ex["tokens"][s["token_start"].get<size_t>()];
      const json& last = ex["tokens"][s["token_end"].get<size_t>()];  // inclusive: the last token itself
      CHECK(first["start"] == s["start"]);
      CHECK(last["end"] == s["end"]);
    }
    for (const json& r : ex["relations"]) {
      CHECK(r["head"] == r["head_span"]["token_end"]);
      CHECK(r["child"] == r["child_span"]["token_end"]);
    }
  }
  const json a = json::parse(ls[0]);
  // "Ines Oduya" is ICU word tokens 29-30; the "\n\n" after the first paragraph is a token of
  // its own (spaCy's), so in Prodigy they are 30-31.
  CHECK(a["spans"][3] == json::parse(R"({"start": 166, "end": 176, "token_start": 30, "token_end": 31, "label": "PERSON"})"));
  CHECK(a["relations"].size() == 5);
  CHECK(warned(w, "Prodigy: 1 discontinuous spans written as one span per fragment"));
}

// Prodigy keeps spaCy's tokens (explosion/spaCy, spacy/tokenizer.pyx, Tokenizer.__call__: runs of
// whitespace and non-whitespace, "ignore spans that are exactly ' '"): "ws" is one trailing
// U+0020, any other whitespace is a token, and the tokens' text, each followed by " " when ws,
// is the text.
TEST_CASE("prodigy: tokens and ws rebuild the text byte for byte", "[io][prodigy]") {
  Blank b;
  const std::string text =
      "Ana Lima resignation.\n\nAljazeera’s « Bonjour\u202F» and 10\u202F000  people\tleft \r\nat\u00A0dawn \u2028end \n one ";
  const GoldImport doc = parse_text(text, "news.txt", b.tok);
  REQUIRE(doc.ok());
  apply_gold(b.corpus, b.history, doc);
  b.history.run<AddSpan>("news", "ORGANIZATION", std::vector<Range>{{23, 34}});  // Aljazeera’s
  Warnings w;
  const json ex = json::parse(write_prodigy(b.corpus, w));
  std::string rebuilt;
  std::vector<std::string> texts;
  for (const json& t : ex["tokens"]) {
    const std::string s = t["text"];
    rebuilt += s + (t["ws"] == true ? " " : "");
    texts.push_back(s);
    if (t["ws"] == true) CHECK(b.corpus.document(0).slice(t["end"], t["end"].get<uint32_t>() + 1) == " ");
  }
  CHECK(rebuilt == text);
  auto at = [&](const std::string& s) { return size_t(std::find(texts.begin(), texts.end(), s) - texts.begin()); };
  REQUIRE(at("\n\n") < texts.size());
  CHECK(texts[at("\n\n") - 1] == ".");
  CHECK(ex["tokens"][at("\n\n") - 1]["ws"] == false);
  REQUIRE(at("\u202F") < texts.size());
  CHECK(ex["tokens"][at("\u202F") - 1]["ws"] == false);  // "Bonjour" is not followed by a plain space
  CHECK(ex["tokens"][at("\u202F")]["ws"] == false);
  CHECK(at(" ") < texts.size());  // the second of two spaces
  CHECK(at("\t") < texts.size());
  CHECK(at("\r\n") < texts.size());
  CHECK(at("\u00A0") < texts.size());
  CHECK(at("\u2028") < texts.size());
  CHECK(at("\n ") < texts.size());  // spaCy keeps the space in a whitespace token
  CHECK(ex["tokens"].back()["text"] == "one");
  CHECK(ex["tokens"].back()["ws"] == true);
  // The default schema's locale is en: the possessive is a token of its own, and Prodigy's
  // token_end is inclusive.
  CHECK(ex["spans"][0]["token_start"] == at("Aljazeera"));
  CHECK(ex["spans"][0]["token_end"] == at("’s"));
  CHECK(at("’s") == at("Aljazeera") + 1);
}

// [SECTION] W3C
TEST_CASE("w3c: Web Annotation JSON-LD with position and quote selectors", "[io][w3c]") {
  Annotated f;
  Warnings w;
  const json c = json::parse(write_w3c(f.corpus, w));
  CHECK(c["@context"] == "http://www.w3.org/ns/anno.jsonld");
  CHECK(c["type"] == "AnnotationCollection");
  const json& items = c["first"]["items"];
  CHECK(c["total"] == items.size());
  CHECK(items.size() == f.corpus.span_count() + f.corpus.relations().size() + f.corpus.clusters().size() + f.corpus.links().size());
  std::map<std::string, size_t> docs{{"urn:goldspan:doc:harbor-a", 0}, {"urn:goldspan:doc:harbor-b", 1}, {"urn:goldspan:doc:multilingual", 2}};
  size_t multi = 0;
  for (const json& a : items) {
    CHECK(a["type"] == "Annotation");
    CHECK(a["creator"]["type"] == "Person");
    if (a["motivation"] != "tagging") continue;
    const json targets = a["target"].is_array() ? a["target"] : json::array({a["target"]});
    multi += a["target"].is_array();
    for (const json& t : targets) {
      const Document& d = f.doc(docs.at(t["source"]));
      const json& pos = t["selector"][0];
      const json& quote = t["selector"][1];
      CHECK(pos["type"] == "TextPositionSelector");
      CHECK(quote["exact"] == std::string(d.slice(pos["start"], pos["end"])));
      CHECK(quote["prefix"] == std::string(d.slice(pos["start"].get<uint32_t>() - utf8::count_cp(quote["prefix"].get<std::string>()), pos["start"])));
    }
  }
  CHECK(multi == 1);  // the discontinuous claim: one SpecificResource per fragment, separate targets
  const json& rel = items[f.corpus.span_count()];
  CHECK(rel["motivation"] == "linking");
  CHECK(rel["body"][0]["value"] == "claimant");
  // linking: the target is the from end, the body the resource it is linked to (the to end).
  CHECK(rel["target"] == "urn:goldspan:span:s8");
  CHECK(rel["body"][1] == json::parse(R"({"type": "SpecificResource", "source": "urn:goldspan:span:s1", "purpose": "linking"})"));
  const json& cluster = items[f.corpus.span_count() + f.corpus.relations().size()];
  CHECK(cluster["motivation"] == "identifying");
  CHECK(cluster["body"][0]["value"] == "Ines Oduya");
  CHECK(cluster["target"].size() == 3);
  CHECK(items.back()["target"] == "urn:goldspan:cluster:c4");
  CHECK(items.back()["body"][1]["source"] == "urn:goldspan:cluster:c3");
}

// The MUST rules of the W3C Web Annotation Data Model Recommendation (w3.org/TR/annotation-model,
// 2017-02-23) that a file can be checked against, as the W3C test suite checks them
// (web-platform-tests/wpt, annotation-model/annotations/annotationMusts.test with the
// 3.1-annotation{Context,Id,Type}Validated.json schemas; bodiesTargets/3.2.8-targList.json,
// -targComposite.json, -targIndependents.json flag the List, Composite and Independents that the
// final Recommendation no longer has), so no object here has them.
void check_w3c_musts(const json& c) {
  CHECK(c["@context"] == "http://www.w3.org/ns/anno.jsonld");  // 3.1: the context MUST be anno.jsonld
  CHECK(c["id"].is_string());                                   // 5.1: a Collection MUST have an IRI
  CHECK(c["type"] == "AnnotationCollection");                   // and MUST have the type
  CHECK((c["total"].is_number_unsigned() || c["total"] == 0));
  const json& page = c["first"];
  CHECK(page["id"].is_string());                                // 5.2: a Page MUST have an IRI
  CHECK(page["type"] == "AnnotationPage");
  REQUIRE(page["items"].is_array());                            // and MUST have items
  const std::set<std::string> motivations{"assessing", "bookmarking", "classifying", "commenting", "describing", "editing",
                                          "highlighting", "identifying", "linking", "moderating", "questioning", "replying", "tagging"};
  std::function<void(const json&)> no_lists = [&](const json& j) {
    if (j.is_object()) {
      if (j.contains("type")) CHECK((j["type"] != "List" && j["type"] != "Composite" && j["type"] != "Independents"));
      CHECK_FALSE((j.contains("items") && j.contains("type") && j["type"] != "AnnotationPage"));
      for (const auto& [k, v] : j.items()) no_lists(v);
    } else if (j.is_array()) {
      for (const json& v : j) no_lists(v);
    }
  };
  no_lists(c);
  std::function<void(const json&)> resource = [&](const json& r) {
    if (r.is_string()) return;  // an IRI (3.2.1)
    REQUIRE(r.is_object());
    if (r["type"] == "TextualBody") CHECK(r["value"].is_string());        // 3.2.4: value MUST
    if (r["type"] == "SpecificResource") CHECK(r["source"].is_string());  // 4.1: source MUST, exactly one
    if (r.contains("purpose")) CHECK(motivations.count(r["purpose"].get<std::string>()));
    if (r.contains("selector"))
      for (const json& sel : r["selector"]) {
        if (sel["type"] == "TextPositionSelector") {  // 4.2.5: start and end MUST, non-negative integers
          CHECK(sel["start"].is_number_unsigned());
          CHECK(sel["end"].is_number_unsigned());
          CHECK(sel["start"].get<uint64_t>() <= sel["end"].get<uint64_t>());
        }
        if (sel["type"] == "TextQuoteSelector") CHECK(sel["exact"].is_string());  // 4.2.4: exact MUST
      }
  };
  std::set<std::string> ids;
  for (const json& a : page["items"]) {
    CHECK(a["id"].is_string());                 // 3.1: an Annotation MUST have exactly one IRI
    CHECK(ids.insert(a["id"].get<std::string>()).second);
    CHECK(a["type"] == "Annotation");           // and MUST have the type Annotation
    REQUIRE(a.contains("target"));              // and MUST have 1 or more targets
    const json targets = a["target"].is_array() ? a["target"] : json::array({a["target"]});
    CHECK(!targets.empty());
    for (const json& t : targets) resource(t);
    if (a.contains("body"))
      for (const json& b : a["body"].is_array() ? a["body"] : json::array({a["body"]})) resource(b);
    CHECK(motivations.count(a["motivation"].get<std::string>()));
    if (a.contains("created")) CHECK(std::regex_match(a["created"].get<std::string>(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z)")));
  }
}

TEST_CASE("w3c: the export keeps the Recommendation's MUST rules: no List, page with id", "[io][w3c]") {
  Annotated f;
  Warnings w;
  check_w3c_musts(json::parse(write_w3c(f.corpus, w)));
}

// [SECTION] Plain text and JSONL
TEST_CASE("plain text and JSONL corpora import as documents without annotations", "[io][text]") {
  Blank b;
  const GoldImport t = parse_text("Ines Oduya said so.\n", "dir/harbor-c.txt", b.tok);
  REQUIRE(t.ok());
  CHECK(t.documents[0]->id() == "harbor-c");
  CHECK(parse_text("bad \xFF byte", "x.txt", b.tok).errors == std::vector<std::string>{"x.txt: invalid UTF-8 at byte 4 (line 1, column 5)"});
  const GoldImport j = parse_jsonl("{\"id\": \"a\", \"text\": \"one\"}\n\n{\"id\": 2, \"text\": \"two\", \"meta\": 1}\r\n", "c.jsonl", b.tok);
  REQUIRE(j.ok());
  CHECK(j.documents.size() == 2);
  CHECK(j.documents[1]->id() == "2");
  CHECK(warned(j.warnings, "ignored keys (only id and text are read): meta"));
  const GoldImport bad = parse_jsonl("{\"id\": \"a\", \"text\": \"one\"}\n{\"id\": \"a\", \"text\": \"x\"}\n{\"text\": 3}\n[", "c.jsonl", b.tok);
  CHECK(bad.errors == std::vector<std::string>{"c.jsonl: line 2: id: duplicate document id 'a' (also line 1)", "c.jsonl: line 3: id: missing",
                                               "c.jsonl: line 3: text: expected a string, not a number",
                                               "c.jsonl: line 4: invalid JSON: parse error at line 1, column 2: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal (the file is truncated or a bracket is missing)"});
  apply_gold(b.corpus, b.history, j);
  CHECK(b.corpus.document_count() == 2);
  CHECK(b.history.undo_size() == 0);  // nothing to annotate: no empty undo step
}
