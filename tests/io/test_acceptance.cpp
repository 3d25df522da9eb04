// Issue 10, acceptance: one multilingual corpus (emoji ZWJ sequences, a skin tone, a flag, an
// astral CJK character, decomposed accents, Arabic, Hebrew, spans over a line break, nested and
// discontinuous spans, relations, clusters, a claim link, claims with claimant and cue) exported
// to every format goldspan writes. Each export is decoded here the way its TARGET reads it —
// not through goldspan's OffsetMap — and every span fragment's text there must equal
// goldspan's; the importers must give back the same annotations, minus what the format cannot
// carry, which a warning names.
//
// Which test covers which section of docs/formats.md:
//   "Interchange formats" (table: offsets per format)  every TEST_CASE below, one per row
//   "gold JSON"                                         gold: code points and UTF-16, everything back
//   "brat standoff", "Events as claims"                 brat: Python str indices over the .txt, text column
//   "CoNLL-2003 BIO"                                    CoNLL: tokens of each B-/I- run
//   "doccano JSONL"                                     doccano: code points, and UTF-16 (JavaScript) with utf16
//   "Label Studio JSON"                                 Label Studio: value.start/end in code points, value.text
//   "Prodigy JSONL"                                     Prodigy: code points, tokens + ws rebuild the text
//   "W3C Web Annotation"                                W3C: TextPositionSelector in code points = TextQuoteSelector
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "io/brat.hpp"
#include "io/conll.hpp"
#include "io/doccano.hpp"
#include "io/gold_json.hpp"
#include "io/label_studio.hpp"
#include "io/prodigy.hpp"
#include "io/w3c.hpp"
#include "io_support.hpp"

using namespace goldspan;
using namespace goldspan::test;
using json = nlohmann::json;

namespace {

// [SECTION] How the targets index text, written from the encodings' definitions
// Python 3 str (brat, doccano's backend, spaCy/Prodigy, Label Studio's code points): code points.
std::u32string python_str(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + size_t(k)]) & 0x3F);
    out += cp;
    i += size_t(n);
  }
  return out;
}
std::string utf8_of(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) out += char(c);
    else if (c < 0x800) out += char(0xC0 | (c >> 6)), out += char(0x80 | (c & 0x3F));
    else if (c < 0x10000) out += char(0xE0 | (c >> 12)), out += char(0x80 | ((c >> 6) & 0x3F)), out += char(0x80 | (c & 0x3F));
    else
      out += char(0xF0 | (c >> 18)), out += char(0x80 | ((c >> 12) & 0x3F)), out += char(0x80 | ((c >> 6) & 0x3F)), out += char(0x80 | (c & 0x3F));
  }
  return out;
}
// JavaScript strings (doccano's annotation page): UTF-16 code units.
std::u16string js_string(const std::string& s) {
  std::u16string out;
  for (char32_t c : python_str(s)) {
    if (c < 0x10000) out += char16_t(c);
    else out += char16_t(0xD800 + ((c - 0x10000) >> 10)), out += char16_t(0xDC00 + ((c - 0x10000) & 0x3FF));
  }
  return out;
}
std::string utf8_of(const std::u16string& s) {
  std::u32string cps;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] >= 0xD800 && s[i] < 0xDC00 && i + 1 < s.size()) cps += char32_t(0x10000 + ((s[i] - 0xD800) << 10) + (s[i + 1] - 0xDC00)), ++i;
    else cps += char32_t(s[i]);
  }
  return utf8_of(cps);
}
std::string py_slice(const std::string& text, uint64_t a, uint64_t b) {
  const std::u32string t = python_str(text);
  REQUIRE(a <= b);
  REQUIRE(b <= t.size());
  return utf8_of(t.substr(size_t(a), size_t(b - a)));
}
std::string js_slice(const std::string& text, uint64_t a, uint64_t b) {
  const std::u16string t = js_string(text);
  REQUIRE(a <= b);
  REQUIRE(b <= t.size());
  return utf8_of(t.substr(size_t(a), size_t(b - a)));
}

bool warned(const std::vector<std::string>& w, const std::string& part) {
  for (const std::string& x : w)
    if (x.find(part) != std::string::npos) return true;
  return false;
}

// [SECTION] The corpus
const char* kMixed =
    "Ines 👩🏽‍🚒 said: \"the 👨‍👩‍👧 family left 🇰🇬 at 𠀋 noon.\"\n"
    "Cafe\xCC\x81 Kestrel\n"
    "Logistics denied it; the re\xCC\x81sume\xCC\x81 was read.\n";
const char* kRtl =
    "قالت مديرة الميناء إن الحريق انتهى.\n"
    "מנהלת הנמל אמרה שהשריפה כבתה.\n";

struct Multilingual {
  Tokenizer tok{"en"};
  Corpus corpus{default_schema()};
  History h{corpus};
  Multilingual() {
    corpus.add_document(std::make_shared<Document>("mixed", kMixed, tok));
    corpus.add_document(std::make_shared<Document>("rtl", kRtl, tok));
    h.set_annotator("ana");
    int64_t t = 1700000000000;
    h.set_clock([t]() mutable { return t += 1000; });
    auto add = [&](size_t d, const char* type, std::vector<std::string> pieces) {
      std::vector<Range> frags;
      for (const std::string& p : pieces) frags.push_back(find_text(corpus.document(d), p));
      return h.run<AddSpan>(corpus.document(d).id(), type, frags, EdgeMode::Character).id();
    };
    const SpanId ines_fire = add(0, "PERSON", {"Ines 👩🏽‍🚒"});
    add(0, "PERSON", {"Ines"});  // nested
    const SpanId said = add(0, "CUE", {"said"});
    add(0, "EVENT", {"👨‍👩‍👧"});
    add(0, "LOCATION", {"🇰🇬"});
    add(0, "DATE", {"𠀋 noon"});
    const SpanId left = add(0, "CLAIM", {"the 👨‍👩‍👧 family left", "at 𠀋 noon"});  // discontinuous
    h.run<SetAttribute>(left, "stance", "reported");
    h.run<AddRelation>("claimant", left, ines_fire);
    h.run<AddRelation>("cue", left, said);
    add(0, "ORGANIZATION", {"Cafe\xCC\x81"});
    const SpanId kestrel = add(0, "ORGANIZATION", {"Kestrel\nLogistics"});  // over a line break
    const SpanId denied_cue = add(0, "CUE", {"denied"});
    const SpanId denied = add(0, "CLAIM", {"Kestrel\nLogistics denied it"});
    h.run<SetAttribute>(denied, "stance", "denied");
    h.run<AddRelation>("claimant", denied, kestrel);
    h.run<AddRelation>("cue", denied, denied_cue);
    add(0, "EVENT", {"re\xCC\x81sume\xCC\x81"});
    h.set_annotator("bo");
    const SpanId ar_director = add(1, "PERSON", {"مديرة الميناء"});
    const SpanId ar_claim = add(1, "CLAIM", {"الحريق انتهى"});
    h.run<AddRelation>("claimant", ar_claim, ar_director);
    h.run<AddRelation>("cue", ar_claim, add(1, "CUE", {"قالت"}));
    const SpanId he_director = add(1, "PERSON", {"מנהלת הנמל"});
    const SpanId he_claim = add(1, "CLAIM", {"שהשריפה כבתה"});
    h.run<AddRelation>("claimant", he_claim, he_director);
    h.run<AddRelation>("cue", he_claim, add(1, "CUE", {"אמרה"}));
    const ClusterId director = h.run<CreateCluster>(SpanKind::Entity, "harbour director").id();
    h.run<AddMember>(director, ar_director);
    h.run<AddMember>(director, he_director);
    const ClusterId out = h.run<CreateCluster>(SpanKind::Claim, "the fire is out").id();
    h.run<AddMember>(out, ar_claim);
    h.run<AddMember>(out, he_claim);
    h.run<AddLink>("supports", Ref{Ref::Cluster, out}, Ref{Ref::Span, left});
  }
};

using Piece = std::tuple<std::string, std::string, std::string>;  // (document id, label, text)

// goldspan's text of every span fragment.
std::multiset<Piece> fragments_of(const Corpus& c) {
  std::multiset<Piece> out;
  for (SpanId id : c.span_ids()) {
    const Span& s = c.span(id);
    const Document& d = c.document(s.doc);
    for (const Range& f : s.fragments) out.emplace(d.id(), c.type_of(s).name, std::string(d.slice(f.start, f.end)));
  }
  return out;
}

// Spans as (doc, label, fragment texts joined by |, attributes), relations as (type, from, to)
// by those texts: what an import must give back. With `first_only`, a discontinuous span counts
// as one span per fragment with relations and attributes on the first, as the formats without
// discontinuous spans write them.
struct Annotations {
  std::multiset<std::string> spans, relations;
  bool operator==(const Annotations& o) const { return spans == o.spans && relations == o.relations; }
};
std::string span_key(const Corpus& c, SpanId id, bool split, size_t k = 0) {
  const Span& s = c.span(id);
  const Document& d = c.document(s.doc);
  std::string t;
  if (split) t = std::string(d.slice(s.fragments[k].start, s.fragments[k].end));
  else
    for (const Range& f : s.fragments) t += (t.empty() ? "" : "|") + std::string(d.slice(f.start, f.end));
  return d.id() + " " + c.type_of(s).name + " [" + t + "]";
}
Annotations annotations_of(const Corpus& c, bool split = false, bool attributes = true) {
  Annotations out;
  for (SpanId id : c.span_ids()) {
    const Span& s = c.span(id);
    for (size_t k = 0; k < (split ? s.fragments.size() : 1); ++k) {
      std::string key = span_key(c, id, split, k);
      if (attributes && k == 0)
        for (const AttributeValue& v : s.attributes)
          key += " " + c.type_of(s).attributes[v.attribute].name + "=" + c.type_of(s).attributes[v.attribute].values[v.value];
      out.spans.insert(key);
    }
  }
  for (const auto& [id, r] : c.relations())
    out.relations.insert(c.schema().relation_types()[r.type].name + " " + span_key(c, r.source, split) + " -> " + span_key(c, r.target, split));
  return out;
}

std::unique_ptr<Blank> read_back(const GoldImport& in) {
  REQUIRE(in.errors == std::vector<std::string>{});
  auto b = std::make_unique<Blank>(default_schema());
  apply_gold(b->corpus, b->history, in);
  return b;
}

}  // namespace

TEST_CASE("acceptance: the corpus has what the issue asks for", "[io][acceptance]") {
  Multilingual m;
  const auto pieces = fragments_of(m.corpus);
  for (const char* t : {"👨‍👩‍👧", "Ines 👩🏽‍🚒", "🇰🇬", "𠀋 noon", "Cafe\xCC\x81", "re\xCC\x81sume\xCC\x81", "Kestrel\nLogistics", "مديرة الميناء", "מנהלת הנמל"}) {
    const bool found = std::any_of(pieces.begin(), pieces.end(), [&](const Piece& p) { return std::get<2>(p) == t; });
    CHECK(found);
  }
  CHECK(m.corpus.relations().size() == 8);
  CHECK(m.corpus.clusters().size() == 2);
  CHECK(m.corpus.links().size() == 1);
  // The units differ on this text, so a wrong unit cannot pass: 𠀋 is 1 code point, 2 UTF-16 units.
  CHECK(python_str(kMixed).size() < js_string(kMixed).size());
}

TEST_CASE("acceptance: gold JSON, code points and UTF-16, everything back", "[io][acceptance]") {
  Multilingual m;
  GoldWriteOptions o = fixed_options(true);
  const json g = json::parse(write_gold(m.corpus, o));
  CHECK(g["offset_unit"] == "codepoint");
  std::multiset<Piece> seen, seen16;
  for (const json& d : g["documents"]) {
    const std::string text = d["text"];
    for (const json& s : d["spans"]) {
      const json frags = s.contains("fragments") ? s["fragments"] : json::array({json::array({s["start"], s["end"]})});
      const json frags16 = s.contains("fragments_utf16") ? s["fragments_utf16"] : json::array({json::array({s["start_utf16"], s["end_utf16"]})});
      for (const json& f : frags) seen.emplace(d["id"], s["label"], py_slice(text, f[0], f[1]));
      for (const json& f : frags16) seen16.emplace(d["id"], s["label"], js_slice(text, f[0], f[1]));
      CHECK(s["text"] == py_slice(text, s["start"], s["end"]));
    }
  }
  CHECK(seen == fragments_of(m.corpus));
  CHECK(seen16 == fragments_of(m.corpus));
  Blank b(default_schema());
  const GoldImport in = parse_gold(write_gold(m.corpus, o), "m.json", &default_schema(), b.tok);
  REQUIRE(in.ok());
  apply_gold(b.corpus, b.history, in);
  CHECK(dump_without_modified(b.corpus) == dump_without_modified(m.corpus));  // everything, clusters and links too
}

TEST_CASE("acceptance: brat, Python str indices over the .txt; back without clusters and links", "[io][acceptance]") {
  Multilingual m;
  Warnings w;
  const auto files = write_brat(m.corpus, w);
  CHECK(warned(w, "brat: 1 claim links not carried"));
  CHECK(warned(w, "brat: 2 clusters carried only as AnnotatorNotes"));
  CHECK(warned(w, "brat: 2 spans over line breaks or tabs written as fragments cut there"));
  std::vector<BratDocument> back;
  std::multiset<Piece> seen;
  for (size_t i = 0; i + 1 < files.size(); i += 2) {
    const std::string id = files[i].name.substr(0, files[i].name.size() - 4), text = files[i].contents;
    std::istringstream ann(files[i + 1].contents);
    std::map<std::string, std::string> joined;  // T id -> its pieces' text, as goldspan's fragments without the cut line breaks
    std::map<std::string, std::string> label;
    std::map<std::string, std::string> span_of;  // T id -> goldspan id from AnnotatorNotes
    for (std::string line; std::getline(ann, line);) {
      std::vector<std::string> cols;
      std::istringstream l(line);
      for (std::string c; std::getline(l, c, '\t');) cols.push_back(c);
      if (line[0] == 'T') {
        // "TYPE s e;s e", the text column = the pieces joined by a space (brat's parser checks it)
        std::istringstream spec(cols[1]);
        std::string type, piece, column;
        spec >> type;
        label[cols[0]] = type;
        std::string rest;
        std::getline(spec, rest);
        std::istringstream frags(rest);
        for (std::string f; std::getline(frags, f, ';');) {
          uint64_t a = 0, b = 0;
          std::istringstream(f) >> a >> b;
          const std::string s = py_slice(text, a, b);
          column += (column.empty() ? "" : " ") + s;
          joined[cols[0]] += s;
          CHECK(s.find('\n') == std::string::npos);
        }
        CHECK(cols[2] == column);
      } else if (line[0] == '#') {
        span_of[cols[1].substr(std::string("AnnotatorNotes ").size())] = cols[2].substr(9, cols[2].find(';') - 9);
      }
    }
    for (const auto& [t, text_of_pieces] : joined) {
      // The goldspan span the T line stands for: its fragments, line breaks cut out.
      const SpanId sid = SpanId(std::stoul(span_of[t].substr(1)));
      std::string expected;
      const Span& s = m.corpus.span(sid);
      const Document& d = m.corpus.document(s.doc);
      for (const Range& f : s.fragments) expected += std::string(d.slice(f.start, f.end));
      expected.erase(std::remove(expected.begin(), expected.end(), '\n'), expected.end());
      CHECK(text_of_pieces == expected);
      CHECK(label[t] == m.corpus.type_of(s).name);
      seen.emplace(id, label[t], "");
    }
    back.push_back({id, text, files[i + 1].contents, files[i + 1].name});
  }
  CHECK(seen.size() == m.corpus.span_ids().size());
  Blank b(default_schema());
  const GoldImport in = parse_brat(back, default_schema(), b.tok);
  CHECK(warned(in.warnings, "brat: 2 fragments that goldspan's export cut at line breaks joined again"));
  auto r = read_back(in);
  CHECK(annotations_of(r->corpus) == annotations_of(m.corpus));  // spans with their fragments, attributes, relations
  CHECK(r->corpus.clusters().empty());
  CHECK(r->corpus.links().empty());

  // Claims as events (brat_events.hpp): the same relations, now as Attribution event lines.
  Warnings we;
  const auto events = write_brat(m.corpus, we, parse_brat_claims("Attribution:claimant=Source,content=Content,cue=Cue"));
  CHECK(warned(we, "brat: 4 claims written as Attribution:claimant=Source,content=Content,cue=Cue events"));
  std::vector<BratDocument> eback;
  for (size_t i = 0; i + 1 < events.size(); i += 2)
    eback.push_back({back[i / 2].id, events[i].contents, events[i + 1].contents, events[i + 1].name});
  CHECK(events[1].contents.find("\nR") == std::string::npos);  // every relation went into an event
  Blank be(default_schema());
  auto re = read_back(parse_brat(eback, default_schema(), be.tok));
  CHECK(annotations_of(re->corpus) == annotations_of(m.corpus));
}

TEST_CASE("acceptance: CoNLL, the tokens of each run are the span's text", "[io][acceptance]") {
  Multilingual m;
  Warnings w;
  const std::string conll = write_conll(m.corpus, m.tok, ConllOptions{}, w);
  CHECK(warned(w, "CoNLL: 1 spans dropped: nested in or overlapping a longer span"));
  CHECK(warned(w, "CoNLL: 1 span over a sentence break"));
  CHECK(warned(w, "CoNLL: 8 relations not carried"));
  CHECK(warned(w, "CoNLL: 2 clusters not carried"));
  // Expected: entity spans, the outermost layer (the nested "Ines" is dropped), whitespace aside.
  std::multiset<std::pair<std::string, std::string>> expected, seen;
  for (const auto& [doc, label, text] : fragments_of(m.corpus)) {
    const int t = default_schema().span_type(label);
    if (default_schema().span_types()[size_t(t)].kind != SpanKind::Entity || (label == "PERSON" && text == "Ines")) continue;
    std::string compact;
    for (char ch : text)
      if (ch != ' ' && ch != '\n') compact += ch;
    expected.emplace(label, compact);
  }
  std::istringstream in(conll);
  std::string run_label, run_text;
  auto flush = [&] {
    if (!run_label.empty()) seen.emplace(run_label, run_text);
    run_label.clear(), run_text.clear();
  };
  size_t docs = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) {
      flush();  // conlleval: a blank line ends every chunk
      continue;
    }
    std::istringstream cols(line);
    std::string token, pos, chunk, tag;
    cols >> token >> pos >> chunk >> tag;
    if (token == "-DOCSTART-") {
      ++docs;
      continue;
    }
    if (tag == "O" || tag[0] == 'B') flush();
    if (tag != "O") {
      CHECK((tag[0] == 'B' || run_label == tag.substr(2)));  // an I- always continues its span
      run_label = tag.substr(2);
      run_text += token;
    }
  }
  flush();
  CHECK(docs == 2);
  CHECK(seen == expected);
}

TEST_CASE("acceptance: doccano, code points (backend) and UTF-16 (annotation page); back", "[io][acceptance]") {
  Multilingual m;
  for (const DoccanoOffsets unit : {DoccanoOffsets::CodePoints, DoccanoOffsets::Utf16}) {
    Warnings w;
    DoccanoWriteOptions o;
    o.offsets = unit;
    const std::string out = write_doccano(m.corpus, w, o);
    CHECK(warned(w, unit == DoccanoOffsets::Utf16 ? "doccano: offsets in UTF-16 code units" : "doccano: offsets in code points"));
    CHECK(warned(w, "doccano: 1 discontinuous spans written as one entity per fragment"));
    CHECK(warned(w, "doccano: 2 attribute values not carried"));
    CHECK(warned(w, "doccano: 2 clusters not carried"));
    CHECK(warned(w, "doccano: 1 claim links not carried"));
    std::multiset<Piece> seen;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
      const json d = json::parse(line);
      const std::string text = d["text"];
      for (const json& e : d["entities"])
        seen.emplace(d["id"], e["label"], unit == DoccanoOffsets::Utf16 ? js_slice(text, e["start_offset"], e["end_offset"])
                                                                         : py_slice(text, e["start_offset"], e["end_offset"]));
    }
    CHECK(seen == fragments_of(m.corpus));
    if (unit == DoccanoOffsets::Utf16) continue;  // the importer reads code points, as doccano's backend writes them
    Blank b(default_schema());
    auto r = read_back(parse_doccano(out, "m.jsonl", default_schema(), b.tok));
    CHECK(annotations_of(r->corpus, false, false) == annotations_of(m.corpus, true, false));
  }
}

TEST_CASE("acceptance: Label Studio, value.start/end in code points, value.text; back", "[io][acceptance]") {
  Multilingual m;
  Warnings w;
  const std::string out = write_label_studio(m.corpus, w);
  CHECK(warned(w, "Label Studio: 1 discontinuous spans written as one region per fragment"));
  CHECK(warned(w, "Label Studio: 2 clusters not carried"));
  CHECK(warned(w, "Label Studio: 1 claim links not carried"));
  std::multiset<Piece> seen;
  for (const json& task : json::parse(out)) {
    const std::string text = task["data"]["text"];
    for (const json& r : task["annotations"][0]["result"]) {
      if (r["type"] != "labels") continue;
      const std::string s = py_slice(text, r["value"]["start"], r["value"]["end"]);
      CHECK(r["value"]["text"] == s);
      seen.emplace(task["data"]["doc_id"], r["value"]["labels"][0], s);
    }
  }
  CHECK(seen == fragments_of(m.corpus));
  Blank b(default_schema());
  auto r = read_back(parse_label_studio(out, "m.json", default_schema(), b.tok));
  CHECK(annotations_of(r->corpus) == annotations_of(m.corpus, true));
}

TEST_CASE("acceptance: Prodigy, code points as spaCy reads them; tokens + ws rebuild the text", "[io][acceptance]") {
  Multilingual m;
  Warnings w;
  const std::string out = write_prodigy(m.corpus, w);
  CHECK(warned(w, "Prodigy: 1 discontinuous spans written as one span per fragment"));
  CHECK(warned(w, "Prodigy: 2 attribute values not carried"));
  CHECK(warned(w, "Prodigy: 2 clusters not carried"));
  std::multiset<Piece> seen;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    const json d = json::parse(line);
    const std::string text = d["text"];
    std::string rebuilt;
    for (const json& t : d["tokens"]) {
      CHECK(t["text"] == py_slice(text, t["start"], t["end"]));
      rebuilt += t["text"].get<std::string>() + (t["ws"].get<bool>() ? " " : "");
    }
    CHECK(rebuilt == text);
    for (const json& s : d["spans"]) {
      seen.emplace(d["meta"]["id"], s["label"], py_slice(text, s["start"], s["end"]));
      // token_end is inclusive; every span of this corpus lies on token edges
      CHECK(d["tokens"][s["token_start"].get<size_t>()]["start"] == s["start"]);
      CHECK(d["tokens"][s["token_end"].get<size_t>()]["end"] == s["end"]);
    }
  }
  CHECK(seen == fragments_of(m.corpus));
}

TEST_CASE("acceptance: W3C, TextPositionSelector in code points selects the TextQuoteSelector's exact", "[io][acceptance]") {
  Multilingual m;
  Warnings w;
  const json c = json::parse(write_w3c(m.corpus, w));
  CHECK(warned(w, "W3C: document texts are not included"));
  std::map<std::string, std::string> texts;  // the texts the targets name (not in the file)
  for (size_t d = 0; d < m.corpus.document_count(); ++d)
    texts["urn:goldspan:doc:" + m.corpus.document(d).id()] = std::string(m.corpus.document(d).text());
  std::multiset<Piece> seen;
  size_t linking = 0, identifying = 0;
  for (const json& a : c["first"]["items"]) {
    linking += a["motivation"] == "linking";
    identifying += a["motivation"] == "identifying";
    if (a["motivation"] != "tagging") continue;
    std::string label;
    for (const json& b : a["body"])
      if (b["purpose"] == "tagging") label = b["value"];
    const json targets = a["target"].is_array() ? a["target"] : json::array({a["target"]});
    for (const json& t : targets) {
      const std::string& text = texts.at(t["source"]);
      std::string exact, by_position;
      for (const json& s : t["selector"]) {
        if (s["type"] == "TextPositionSelector") by_position = py_slice(text, s["start"], s["end"]);
        if (s["type"] == "TextQuoteSelector") exact = s["exact"];
      }
      CHECK(by_position == exact);
      seen.emplace(t["source"].get<std::string>().substr(17), label, by_position);
    }
  }
  CHECK(seen == fragments_of(m.corpus));
  CHECK(linking == 9);  // 8 relations and the claim link
  CHECK(identifying == 2);
  // Back over the same texts: everything, clusters, links, annotators and times too.
  Blank b(default_schema());
  std::vector<std::shared_ptr<const Document>> docs;
  for (size_t d = 0; d < m.corpus.document_count(); ++d)
    docs.push_back(std::make_shared<const Document>(m.corpus.document(d).id(), std::string(m.corpus.document(d).text()), b.tok));
  const GoldImport in = parse_w3c(c.dump(), "m.jsonld", docs, default_schema(), b.tok);
  REQUIRE(in.errors == std::vector<std::string>{});
  apply_gold(b.corpus, b.history, in);
  CHECK(dump_without_modified(b.corpus) == dump_without_modified(m.corpus));
}
