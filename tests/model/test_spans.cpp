#include <catch2/catch.hpp>

#include "model_support.hpp"

using namespace goldspan;
using goldspan::test::Fixture;

namespace {

using Frags = std::vector<Range>;

std::string text_of(const Fixture& f, SpanId id) {
  const Span& s = f.corpus.span(id);
  std::string out;
  for (const Range& r : s.fragments) out += (out.empty() ? "" : "|") + std::string(f.corpus.document(s.doc).slice(r.start, r.end));
  return out;
}

// Runs `cmd`, which must fail with a message containing `message`, and checks that nothing
// changed: state, counters, revision, history and journal.
void expect_rejected(Fixture& f, std::unique_ptr<Command> cmd, const std::string& message) {
  const std::string before = f.corpus.canonical_dump();
  const uint64_t revision = f.corpus.revision();
  const size_t undo = f.history.undo_size(), redo = f.history.redo_size(), lines = f.journal.size();
  CHECK_THROWS_WITH(f.history.execute(std::move(cmd)), Catch::Contains(message));
  CHECK(f.corpus.canonical_dump() == before);
  CHECK(f.corpus.revision() == revision);
  CHECK(f.history.undo_size() == undo);
  CHECK(f.history.redo_size() == redo);
  CHECK(f.journal.size() == lines);
}

const char* kTwoClaimsSchema = R"({
  "entity_types": [
    {"name": "PERSON", "color": "#111111", "hotkey": "p", "allow_overlap": true},
    {"name": "GROUP", "color": "#222222", "hotkey": "g", "allow_overlap": false},
    {"name": "FLAT", "color": "#333333", "hotkey": "f", "allow_nesting": false}
  ],
  "claim_types": [
    {"name": "CLAIM", "color": "#444444", "hotkey": "c", "attributes": [
      {"name": "stance", "values": ["asserted", "denied", "hedged", "reported"]},
      {"name": "check_worthy", "values": ["yes", "no"]}]},
    {"name": "PREDICTION", "color": "#555555", "hotkey": "x", "attributes": [
      {"name": "horizon", "values": ["short", "long"]},
      {"name": "stance", "values": ["asserted", "denied"]}]}
  ],
  "relation_types": [{"name": "claimant", "color": "#000000", "source": ["claim"], "target": ["PERSON"]}]
})";

}  // namespace

TEST_CASE("spans: token mode widens a selection to whole tokens", "[model][spans]") {
  Fixture f;
  const Range kl = f.find("Kestrel Logistics");
  const SpanId a = f.history.run<AddSpan>("harbor-a", "ORGANIZATION", Frags{{kl.start + 2, kl.end - 3}}).id();
  CHECK(text_of(f, a) == "Kestrel Logistics");
  const SpanId b = f.history.run<AddSpan>("harbor-a", "ORGANIZATION", Frags{{kl.start + 3, kl.start + 3}}).id();
  CHECK(text_of(f, b) == "Kestrel");  // an empty selection picks the token under it
  const Range valmora = f.find("Valmora,");
  const SpanId c = f.history.run<AddSpan>("harbor-a", "LOCATION", Frags{{valmora.start, valmora.end}}).id();
  CHECK(text_of(f, c) == "Valmora,");  // the comma is a token of its own, and it was selected
  const SpanId d = f.history.run<AddSpan>("harbor-a", "LOCATION", Frags{{valmora.start + 1, valmora.end - 2}}).id();
  CHECK(text_of(f, d) == "Valmora");
  // Whitespace alone, an empty selection on whitespace, and ranges outside the text.
  expect_rejected(f, std::make_unique<AddSpan>("harbor-a", "ORGANIZATION", Frags{{kl.start + 7, kl.start + 8}}), "covers no token");
  expect_rejected(f, std::make_unique<AddSpan>("harbor-a", "ORGANIZATION", Frags{{kl.start + 7, kl.start + 7}}), "no token at");
  const uint32_t len = f.doc().length();
  expect_rejected(f, std::make_unique<AddSpan>("harbor-a", "DATE", Frags{{len - 2, len + 1}}), "is not a range of harbor-a");
  expect_rejected(f, std::make_unique<AddSpan>("harbor-a", "DATE", Frags{{9, 4}}), "is not a range");
  expect_rejected(f, std::make_unique<AddSpan>("harbor-a", "DATE", Frags{}), "at least one fragment");
  expect_rejected(f, std::make_unique<AddSpan>("harbor-z", "DATE", Frags{{0, 4}}), "no document 'harbor-z'");
  expect_rejected(f, std::make_unique<AddSpan>("harbor-a", "PERSN", Frags{{0, 4}}), "unknown span type 'PERSN'");
  // Emoji are tokens too: a click inside the family selects the whole ZWJ sequence.
  const Range family = f.find("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", 2);
  const SpanId e = f.history.run<AddSpan>("multilingual", "QUANTITY", Frags{{family.start + 2, family.start + 2}}).id();
  CHECK(f.corpus.span(e).fragments[0] == family);
}

TEST_CASE("spans: character mode edges may not fall inside a grapheme cluster", "[model][spans][grapheme]") {
  Fixture f;
  const auto add_chars = [&](uint32_t a, uint32_t b) {
    return std::make_unique<AddSpan>("multilingual", "QUANTITY", Frags{{a, b}}, EdgeMode::Character);
  };
  // 👨‍👩‍👧: man ZWJ woman ZWJ girl, five code points, one cluster.
  const Range family = f.find("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", 2);
  REQUIRE(family.end - family.start == 5);
  for (uint32_t inner = family.start + 1; inner < family.end; ++inner) {
    INFO("edge " << inner);
    expect_rejected(f, add_chars(family.start, inner), "offset " + std::to_string(inner) + " is inside a grapheme cluster");
    expect_rejected(f, add_chars(inner, family.end), "inside a grapheme cluster");
  }
  // "cafe" + U+0301: the combining acute belongs to the e.
  const Range cafe = f.find("cafe\xCC\x81", 2);
  REQUIRE(cafe.end - cafe.start == 5);
  expect_rejected(f, add_chars(cafe.start, cafe.end - 1), "inside a grapheme cluster");
  expect_rejected(f, add_chars(cafe.end - 1, cafe.end), "inside a grapheme cluster");
  // 👍🏽 (base + skin tone) and 🇰🇬 (two regional indicators).
  const Range thumbs = f.find("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", 2);
  expect_rejected(f, add_chars(thumbs.start, thumbs.start + 1), "inside a grapheme cluster");
  const Range flag = f.find("\xF0\x9F\x87\xB0\xF0\x9F\x87\xAC", 2);
  expect_rejected(f, add_chars(flag.start + 1, flag.end), "inside a grapheme cluster");
  expect_rejected(f, add_chars(family.start, family.start), "is empty");

  // Cluster boundaries are fine, even where they are not token boundaries.
  f.history.execute(add_chars(family.start, family.end));
  CHECK(f.corpus.span_count() == 1);
  f.history.execute(add_chars(cafe.start, cafe.end - 2));  // "caf"
  const std::vector<SpanId> ids = f.corpus.span_ids();
  CHECK(text_of(f, ids[1]) == "caf");
  f.history.execute(add_chars(cafe.start + 3, cafe.end));  // "é" as e + U+0301, nested in no one
  CHECK(text_of(f, f.corpus.span_ids()[2]) == "e\xCC\x81");
  // Resizing follows the same rule.
  expect_rejected(f, std::make_unique<ResizeSpan>(ids[1], Frags{{cafe.start, cafe.end - 1}}, EdgeMode::Character),
                  "inside a grapheme cluster");
}

TEST_CASE("spans: add records who and when; undo removes it; redo brings back the same span", "[model][spans][undo]") {
  Fixture f;
  const std::string empty = f.corpus.canonical_dump(false);
  const SpanId id = f.add("PERSON", "Ines Oduya");
  const std::string after = f.corpus.canonical_dump();
  const Span& s = f.corpus.span(id);
  CHECK(id == 1);
  CHECK(f.corpus.annotator_name(s.annotator) == "ana");
  CHECK(s.created == f.now);
  CHECK(s.modified == f.now);
  CHECK(s.doc == 0);
  CHECK(f.corpus.type_of(s).name == "PERSON");
  CHECK(text_of(f, id) == "Ines Oduya");

  f.history.undo();
  CHECK(f.corpus.find_span(id) == nullptr);
  CHECK(f.corpus.canonical_dump(false) == empty);
  CHECK(f.corpus.next_ids().span == 2);  // the id stays taken
  f.history.redo();
  CHECK(f.corpus.canonical_dump() == after);
  CHECK(f.journal.size() == 3);
  CHECK_THAT(f.journal[0], Catch::StartsWith(R"({"op":"add_span","id":"s1","doc":"harbor-a","type":"PERSON","frags":[[)"));
  CHECK(f.journal[1] == R"({"op":"undo"})");
  CHECK(f.journal[2] == R"({"op":"redo"})");
  f.corpus.check_invariants();
}

TEST_CASE("spans: a new id is never reused after undo", "[model][spans][undo]") {
  Fixture f;
  CHECK(f.add("PERSON", "Ines Oduya") == 1);
  f.history.undo();
  CHECK(f.add("PERSON", "Tomas Brandt") == 2);
  CHECK_FALSE(f.history.can_redo());  // a new edit drops the redo stack
  CHECK(f.corpus.find_span(1) == nullptr);
  CHECK_THROWS_WITH(f.history.redo(), Catch::Contains("nothing to redo"));
}

TEST_CASE("spans: remove, undo, redo", "[model][spans][undo]") {
  Fixture f;
  const SpanId a = f.add("PERSON", "Ines Oduya");
  const SpanId b = f.add("PERSON", "Tomas Brandt");
  const std::string both = f.corpus.canonical_dump();
  f.history.run<RemoveSpan>(a);
  CHECK(f.corpus.find_span(a) == nullptr);
  CHECK(f.corpus.document_spans(0) == std::vector<SpanId>{b});
  const std::string removed = f.corpus.canonical_dump();
  f.history.undo();
  CHECK(f.corpus.canonical_dump() == both);
  f.history.redo();
  CHECK(f.corpus.canonical_dump() == removed);
  expect_rejected(f, std::make_unique<RemoveSpan>(a), "no span s1");
  expect_rejected(f, std::make_unique<RemoveSpan>(77), "no span s77");
  CHECK(f.journal.back() == R"({"op":"redo"})");
  CHECK_THAT(f.journal[2], Catch::StartsWith(R"({"op":"remove_span","id":"s1","by":"ana","t":)"));
}

TEST_CASE("spans: relabel keeps the attributes the new type has, and undo restores all", "[model][spans][undo]") {
  Fixture f(Schema::parse(kTwoClaimsSchema), {"harbor-a"});
  const SpanId c = f.add("CLAIM", "nobody was seriously hurt");
  f.history.run<SetAttribute>(c, "stance", "denied");
  f.history.run<SetAttribute>(c, "check_worthy", "yes");
  const Span before = f.corpus.span(c);
  const std::string with_claim = f.corpus.canonical_dump();
  f.history.run<RelabelSpan>(c, "PREDICTION");
  CHECK(f.corpus.type_of(f.corpus.span(c)).name == "PREDICTION");
  CHECK(*f.corpus.attribute(f.corpus.span(c), "stance") == "denied");  // both types allow it
  CHECK(f.corpus.attribute(f.corpus.span(c), "check_worthy") == nullptr);  // PREDICTION has none
  CHECK(f.corpus.span(c).modified == f.now);
  CHECK(f.corpus.span(c).modified > before.modified);
  f.history.undo();
  CHECK(f.corpus.canonical_dump() == with_claim);
  f.history.redo();
  f.history.undo();
  f.history.run<SetAttribute>(c, "stance", "reported");  // PREDICTION does not allow it
  f.history.run<RelabelSpan>(c, "PREDICTION");
  CHECK(f.corpus.span(c).attributes.empty());
  f.history.undo();
  CHECK(*f.corpus.attribute(f.corpus.span(c), "stance") == "reported");
  CHECK(*f.corpus.attribute(f.corpus.span(c), "check_worthy") == "yes");

  expect_rejected(f, std::make_unique<RelabelSpan>(c, "CLAIM"), "already CLAIM");
  expect_rejected(f, std::make_unique<RelabelSpan>(c, "NOPE"), "unknown span type 'NOPE'");
  // Relabelling may not break a relation.
  const SpanId p = f.add("PERSON", "Ines Oduya");
  f.history.run<AddRelation>("claimant", c, p);
  expect_rejected(f, std::make_unique<RelabelSpan>(p, "GROUP"), "r1 (claimant) does not allow CLAIM -> GROUP");
  f.history.run<RelabelSpan>(c, "PREDICTION");  // claimant allows any claim as source
}

TEST_CASE("spans: relabel across kinds is refused while the span is clustered or linked", "[model][spans]") {
  Fixture f;
  const SpanId p = f.add("PERSON", "Ines Oduya");
  f.history.run<RelabelSpan>(p, "CLAIM");  // free to change kind
  f.history.run<RelabelSpan>(p, "PERSON");
  const ClusterId c = f.history.run<CreateCluster>(SpanKind::Entity, "Ines Oduya").id();
  f.history.run<AddMember>(c, p);
  expect_rejected(f, std::make_unique<RelabelSpan>(p, "CLAIM"), "is in c1 and cannot change kind to claim");
  f.history.run<RelabelSpan>(p, "ORGANIZATION");  // same kind is fine
  const SpanId a = f.add("CLAIM", "nobody was seriously hurt");
  const SpanId b = f.add("CLAIM", "Two people were treated in hospital", 1);
  f.history.run<AddLink>("contradicts", Ref{Ref::Span, a}, Ref{Ref::Span, b});
  expect_rejected(f, std::make_unique<RelabelSpan>(a, "CUE"), "has claim links");
}

TEST_CASE("spans: resize, undo, redo", "[model][spans][undo]") {
  Fixture f;
  const SpanId k = f.add("ORGANIZATION", "Kestrel");
  const std::string small = f.corpus.canonical_dump();
  const Range kl = f.find("Kestrel Logistics");
  f.history.run<ResizeSpan>(k, Frags{{kl.start + 1, kl.end - 1}});
  CHECK(text_of(f, k) == "Kestrel Logistics");
  CHECK(f.corpus.span(k).modified == f.now);
  const std::string big = f.corpus.canonical_dump();
  f.history.undo();
  CHECK(f.corpus.canonical_dump() == small);
  CHECK(f.corpus.spans_overlapping(0, kl.end - 2, kl.end - 1).empty());  // the index follows
  f.history.redo();
  CHECK(f.corpus.canonical_dump() == big);
  CHECK(f.corpus.spans_overlapping(0, kl.end - 2, kl.end - 1) == std::vector<SpanId>{k});
  expect_rejected(f, std::make_unique<ResizeSpan>(k, Frags{kl}), "already has these fragments");
  expect_rejected(f, std::make_unique<ResizeSpan>(99, Frags{kl}), "no span s99");
}

TEST_CASE("spans: set, change and unset attributes, each undoable", "[model][spans][undo]") {
  Fixture f;
  const SpanId c = f.add("CLAIM", "nobody was seriously hurt");
  const SpanId p = f.add("PERSON", "Ines Oduya");
  std::vector<std::string> states{f.corpus.canonical_dump()};
  f.history.run<SetAttribute>(c, "stance", "denied");
  states.push_back(f.corpus.canonical_dump());
  f.history.run<SetAttribute>(c, "check_worthy", "yes");
  states.push_back(f.corpus.canonical_dump());
  f.history.run<SetAttribute>(c, "stance", "hedged");
  states.push_back(f.corpus.canonical_dump());
  f.history.run<SetAttribute>(c, "stance", std::nullopt);
  states.push_back(f.corpus.canonical_dump());
  const Span& s = f.corpus.span(c);
  CHECK(f.corpus.attribute(s, "stance") == nullptr);
  CHECK(*f.corpus.attribute(s, "check_worthy") == "yes");
  CHECK_THAT(f.journal.back(), Catch::Contains(R"("name":"stance","value":null)"));
  for (size_t i = states.size() - 1; i > 0; --i) {
    f.history.undo();
    CHECK(f.corpus.canonical_dump() == states[i - 1]);
  }
  for (size_t i = 1; i < states.size(); ++i) {
    f.history.redo();
    CHECK(f.corpus.canonical_dump() == states[i]);
  }
  expect_rejected(f, std::make_unique<SetAttribute>(p, "stance", "denied"), "PERSON has no attribute 'stance'");
  expect_rejected(f, std::make_unique<SetAttribute>(c, "stance", "maybe"),
                  "'maybe' is not a value of stance (asserted, denied, hedged, reported)");
  expect_rejected(f, std::make_unique<SetAttribute>(c, "check_worthy", "yes"), "already has check_worthy = yes");
  expect_rejected(f, std::make_unique<SetAttribute>(c, "stance", std::nullopt), "already has stance unset");
}

TEST_CASE("spans: discontinuous spans keep sorted, merged fragments and are found once", "[model][spans]") {
  Fixture f;
  const Range said = f.find("said 14");
  const Range hurt = f.find("seriously hurt");
  // Given out of order, with a touching pair that merges (character mode: token mode would
  // drop the space between "said" and "14" and keep them apart).
  const SpanId c = f.history
                       .run<AddSpan>("harbor-a", "CLAIM",
                                     Frags{{hurt.start, hurt.end}, {said.start, said.start + 4}, {said.start + 4, said.end}},
                                     EdgeMode::Character)
                       .id();
  const Span& s = f.corpus.span(c);
  REQUIRE(s.fragments.size() == 2);
  CHECK(s.fragments[0] == said);
  CHECK(s.fragments[1] == hurt);
  CHECK(s.fragments.extent() == Range{said.start, hurt.end});
  std::vector<SpanHit> hits;
  f.corpus.query(0, 0, f.doc().length(), hits);
  CHECK(hits.size() == 2);
  CHECK(f.corpus.spans_overlapping(0, 0, f.doc().length()) == std::vector<SpanId>{c});
  // Nothing in the gap between the fragments.
  CHECK(f.corpus.spans_overlapping(0, said.end + 1, hurt.start - 1).empty());
  // An entity in the gap does not conflict with anything.
  const SpanId w = f.add("QUANTITY", "14 workers");
  CHECK(f.corpus.document_spans(0) == std::vector<SpanId>{c, w});
  f.history.undo();
  f.history.undo();
  CHECK(f.corpus.span_count() == 0);
  f.history.redo();
  CHECK(f.corpus.span(c).fragments.size() == 2);
  f.corpus.check_invariants();
}

TEST_CASE("spans: overlap and nesting follow the schema, per kind", "[model][spans][overlap]") {
  Fixture f;
  const SpanId ines = f.add("PERSON", "Ines Oduya");
  // Entities may nest (the default schema says so), identical ranges included...
  f.add("LOCATION", "Port of Valmora");
  const SpanId valmora = f.add("LOCATION", "Valmora");
  f.add("ORGANIZATION", "Ines Oduya");
  // ...but not cross.
  expect_rejected(f, std::make_unique<AddSpan>("harbor-a", "PERSON", Frags{f.find("master Ines")}),
                  "would cross s1 [");
  expect_rejected(f, std::make_unique<AddSpan>("harbor-a", "DATE", Frags{f.find("Oduya said")}),
                  "and DATE spans may not overlap");
  // Claims cross entities and each other freely (other kind, and CLAIM allows overlap).
  f.add("CLAIM", "master Ines");
  f.add("CLAIM", "Oduya said 14 workers");
  // Cues neither nest nor cross.
  const SpanId denied = f.add("CUE", "denied");
  expect_rejected(f, std::make_unique<AddSpan>("harbor-a", "CUE", Frags{f.find("denied")}), "CUE spans may not nest");
  expect_rejected(f, std::make_unique<AddSpan>("harbor-a", "CUE", Frags{f.find("Logistics denied")}), "CUE spans may not nest");
  CHECK(f.corpus.find_span(denied));
  // Resizing and relabelling are held to the same rules.
  expect_rejected(f, std::make_unique<ResizeSpan>(valmora, Frags{f.find("Valmora, where")}), "would cross s2");
  expect_rejected(f, std::make_unique<RelabelSpan>(f.add("LOCATION", "denied"), "CUE"), "would nest with s7");
  CHECK(f.corpus.span(ines).type == uint16_t(f.corpus.schema().span_type("PERSON")));
  // Other documents never interact: the same crossing range is fine in a copy of the text.
  f.corpus.add_document(std::make_shared<Document>("copy", std::string(f.doc().text()), f.tok));
  f.history.run<AddSpan>("copy", "PERSON", Frags{f.find("master Ines")});
  f.corpus.check_invariants();
}

TEST_CASE("spans: a pair is allowed only when both types allow it", "[model][spans][overlap]") {
  Fixture f(Schema::parse(kTwoClaimsSchema), {"harbor-a"});
  const SpanId s1 = f.add("PERSON", "master Ines");
  f.add("PERSON", "Ines Oduya");  // both allow overlap
  // GROUP does not: a crossing fails whichever of the two comes first.
  expect_rejected(f, std::make_unique<AddSpan>("harbor-a", "GROUP", Frags{f.find("Harbour master")}),
                  "would cross s1 [" + std::to_string(f.corpus.span(s1).fragments[0].start));
  f.add("GROUP", "said 14");
  expect_rejected(f, std::make_unique<AddSpan>("harbor-a", "PERSON", Frags{f.find("Oduya said")}), "(GROUP), and GROUP spans may not overlap");
  // FLAT does not nest, in either direction.
  f.add("FLAT", "fighting a blaze");
  expect_rejected(f, std::make_unique<AddSpan>("harbor-a", "PERSON", Frags{f.find("blaze")}), "FLAT spans may not nest");
  f.add("PERSON", "crews");
  const SpanId crews = f.add("PERSON", "Fire crews");
  expect_rejected(f, std::make_unique<RelabelSpan>(crews, "FLAT"), "FLAT spans may not nest");
  f.corpus.check_invariants();
}

TEST_CASE("corpus: documents are the fixed initial state", "[model][corpus]") {
  Fixture f;
  CHECK(f.corpus.document_count() == 3);
  CHECK(f.corpus.find_document("harbor-b") == 1);
  CHECK(f.corpus.find_document("nope") == -1);
  CHECK_THROWS_AS(f.corpus.document(3), Error);
  std::vector<SpanHit> hits;
  CHECK_THROWS_AS(f.corpus.query(3, 0, 1, hits), Error);
  CHECK_THROWS_WITH(f.corpus.add_document(goldspan::test::sample_document("harbor-a", f.tok)),
                    Catch::Contains("already in the corpus"));
  CHECK_THROWS_WITH(f.corpus.span(5), Catch::Contains("no span s5"));
  const SpanId b = f.add("PERSON", "Tomas Brandt");
  const SpanId a = f.add("PERSON", "Ines Oduya");
  const SpanId k = f.add("ORGANIZATION", "Kestrel Logistics");
  const SpanId kk = f.add("ORGANIZATION", "Kestrel");  // same start, shorter: first
  CHECK(f.corpus.document_spans(0) == std::vector<SpanId>{kk, k, a, b});
  CHECK(f.corpus.span_ids() == std::vector<SpanId>{1, 2, 3, 4});
  CHECK(f.corpus.span_memory_bytes() > 4 * sizeof(Span));
}
