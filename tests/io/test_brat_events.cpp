// brat events read as claims (docs/formats.md, "Events as claims"): PARC 3.0 / PolNeAR style
// attribution events, with the cue as the trigger or as a Cue role, the mapping by default or
// given, and written back as the same event lines.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "error.hpp"
#include "io/brat.hpp"
#include "io/brat_events.hpp"
#include "io/infer_schema.hpp"
#include "io_support.hpp"

using namespace goldspan;
using namespace goldspan::test;
using Catch::Contains;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

bool warned(const std::vector<std::string>& w, const std::string& part) {
  for (const std::string& x : w)
    if (x.find(part) != std::string::npos) return true;
  return false;
}

// The lines of an .ann starting with one of `kinds` ("TE": text-bound and events).
std::string lines_of_kind(const std::string& ann, const std::string& kinds) {
  std::istringstream in(ann);
  std::string out;
  for (std::string l; std::getline(in, l);)
    if (!l.empty() && kinds.find(l[0]) != std::string::npos) out += l + "\n";
  return out;
}

// (type, from text, to text) of every relation, sorted: what an event carries.
std::vector<std::string> relations(const Corpus& c) {
  std::vector<std::string> out;
  for (const auto& [id, r] : c.relations()) {
    const Document& d = c.document(c.span(r.source).doc);
    auto text = [&](SpanId s) {
      std::string t;
      for (const Range& f : c.span(s).fragments.to_vector()) t += (t.empty() ? "" : "|") + std::string(d.slice(f.start, f.end));
      return c.type_of(c.span(s)).name + ":" + t;
    };
    out.push_back(c.schema().relation_types()[r.type].name + " " + text(r.source) + " -> " + text(r.target));
  }
  std::sort(out.begin(), out.end());
  return out;
}

const std::string kParc = fixtures_dir() + "/parc/harbour-attribution";

BratDocument parc_document() { return {"harbour-attribution", read(kParc + ".txt"), read(kParc + ".ann"), "harbour-attribution.ann"}; }

}  // namespace

TEST_CASE("brat claims: the mapping's syntax", "[io][brat][events]") {
  const auto m = parse_brat_claims("Attribution:claimant=Source,content=Content,cue=trigger;Quote:content=Q,claimant=Speaker");
  REQUIRE(m.size() == 2);
  CHECK(to_string(m[0]) == "Attribution:claimant=Source,content=Content,cue=trigger");
  CHECK(m[0].content().role == "Content");
  CHECK(m[0].trigger()->relation == "cue");
  CHECK(m[1].trigger()->relation == "claimant");  // no trigger entry: the first relation's span
  CHECK_THROWS_WITH(parse_brat_claims("Attribution"), Contains("--brat-claims: expected EVENT:REL=ROLE"));
  CHECK_THROWS_WITH(parse_brat_claims("Attribution:claimant=Source"), Contains("Attribution: needs exactly one content=ROLE"));
  CHECK_THROWS_WITH(parse_brat_claims("Attribution:content=A,content=B"), Contains("needs exactly one content=ROLE"));
  CHECK_THROWS_WITH(parse_brat_claims("Attribution:content=Content"), Contains("needs a relation besides content=ROLE"));
  CHECK_THROWS_WITH(parse_brat_claims("Attribution:content=trigger,cue=Cue"), Contains("the content cannot be the trigger"));
  CHECK_THROWS_WITH(parse_brat_claims("Attribution:content=Content,claimant=source,cue=Source"), Contains("role Source given twice"));
  CHECK_THROWS_WITH(parse_brat_claims("Attribution:content Content"), Contains("expected REL=ROLE, not \"content Content\""));
  CHECK_THROWS_WITH(parse_brat_claims("A:content=C,cue=trigger;A:content=C,cue=trigger"), Contains("event type A given twice"));
}

TEST_CASE("brat claims: events read with trigger and role args; roles numbered or in any case", "[io][brat][events]") {
  const auto e = parse_brat_event("Attribution:T2 Source:T1  source2:T4 Content:T3");
  REQUIRE(e);
  CHECK(e->type == "Attribution");
  CHECK(e->trigger == "T2");
  REQUIRE(e->args.size() == 3);
  CHECK(brat_role_is(e->args[1].first, "Source"));
  CHECK_FALSE(brat_role_is("Sources", "Source"));
  CHECK_FALSE(parse_brat_event("Attribution"));
  CHECK_FALSE(parse_brat_event("Attribution:T2 Source"));
}

// A PARC-style file (tests/io/fixtures/parc: the cue is the trigger; a discontinuous content,
// cut at a line break as brat's annotator cuts it; two sources as Source, Source2), no schema.
TEST_CASE("brat claims: PARC-style events, schema inferred, back to the same T and E lines", "[io][brat][events]") {
  const BratDocument doc = parc_document();
  const auto claims = brat_claim_events({doc}, {}, nullptr);
  REQUIRE(claims.size() == 1);
  CHECK(to_string(claims[0]) == "Attribution:claimant=Source,content=Content,cue=trigger");
  Warnings w;
  const Schema schema = with_brat_claims(infer_schema_from_brat({doc}, w), {doc}, claims, w);
  CHECK(warned(w, "brat: events read as claims (Attribution:claimant=Source,content=Content,cue=trigger): schema fitted "
                  "(Content claim, Attribution cue, relation claimant, relation cue)"));
  CHECK(schema.span_types()[size_t(schema.span_type("Content"))].kind == SpanKind::Claim);
  CHECK(schema.span_types()[size_t(schema.span_type("Attribution"))].kind == SpanKind::Cue);
  CHECK(schema.span_types()[size_t(schema.span_type("Source"))].kind == SpanKind::Entity);

  Blank b(schema);
  const GoldImport in = parse_brat({doc}, schema, b.tok);
  REQUIRE(in.errors == std::vector<std::string>{});
  CHECK(warned(in.warnings, "brat: 3 events read as claims (Attribution:claimant=Source,content=Content,cue=trigger)"));
  CHECK_FALSE(warned(in.warnings, "skipped"));
  apply_gold(b.corpus, b.history, in);
  CHECK(relations(b.corpus) == std::vector<std::string>{
                                   "claimant Content:14 workers left -> Source:Officials",
                                   "claimant Content:14 workers left -> Source:the union",
                                   "claimant Content:The company|\"was not at fault|in any way\" -> Source:a spokesman",
                                   "claimant Content:the sprinklers failed in the east wing -> Source:Harbour master Ines Oduya",
                                   "cue Content:14 workers left -> Attribution:said",
                                   "cue Content:The company|\"was not at fault|in any way\" -> Attribution:added",
                                   "cue Content:the sprinklers failed in the east wing -> Attribution:said",
                               });

  Warnings out;
  const auto files = write_brat(b.corpus, out, claims);
  CHECK(warned(out, "brat: 3 claims written as Attribution:claimant=Source,content=Content,cue=trigger events"));
  REQUIRE(files[1].name == "harbour-attribution.ann");
  CHECK(lines_of_kind(files[1].contents, "TER") == doc.ann);  // same spans, same events, no R line
  CHECK(files.back().contents.find("[events]\nAttribution\tSource?:Source, Content:Content\n") != std::string::npos);
  CHECK(files.back().contents.find("[entities]\nSource\nContent\n\n") != std::string::npos);  // Attribution under [events] only

  Blank again(schema);
  apply_gold(again.corpus, again.history, parse_brat({{doc.id, files[0].contents, files[1].contents, doc.ann_name}}, schema, again.tok));
  CHECK(relations(again.corpus) == relations(b.corpus));
  CHECK(again.corpus.span_ids().size() == b.corpus.span_ids().size());
}

// PolNeAR-style: a Cue role besides the trigger; the mapping puts the cue first so that the
// cue span is the exported trigger too.
TEST_CASE("brat claims: a Cue role, read once although it is also the trigger", "[io][brat][events]") {
  const std::string text = "Ines Oduya said the sprinklers failed.";
  const std::string ann = "T1\tSource 0 10\tInes Oduya\nT2\tCue 11 15\tsaid\nT3\tContent 16 37\tthe sprinklers failed\n"
                          "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n";
  const BratDocument doc{"d", text, ann, "d.ann"};
  const auto claims = brat_claim_events({doc}, {}, nullptr);
  REQUIRE(claims.size() == 1);
  CHECK(to_string(claims[0]) == "Attribution:cue=Cue,claimant=Source,content=Content");
  Warnings w;
  const Schema schema = with_brat_claims(infer_schema_from_brat({doc}, w), {doc}, claims, w);
  Blank b(schema);
  const GoldImport in = parse_brat({doc}, schema, b.tok);
  REQUIRE(in.ok());
  CHECK(in.relations.size() == 2);  // claimant and cue: the trigger T2 adds none of its own
  apply_gold(b.corpus, b.history, in);
  Warnings out;
  CHECK(lines_of_kind(write_brat(b.corpus, out, claims)[1].contents, "ER") == "E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3\n");

  // A trigger that is no argument, in a mapping without a trigger role: kept as a span, warned.
  const std::string loose = "T1\tSource 0 10\tInes Oduya\nT2\tCue 11 15\tsaid\nT3\tContent 16 37\tthe sprinklers failed\n"
                            "T4\tCue 31 37\tfailed\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n";
  const GoldImport l = parse_brat({{"d", text, loose, "d.ann"}}, schema, b.tok, claims);
  REQUIRE(l.ok());
  CHECK(l.spans.size() == 4);
  CHECK(l.relations.size() == 2);
  CHECK(warned(l.warnings, "brat: 1 event triggers that are no argument kept as spans only"));
}

TEST_CASE("brat claims: events outside the mapping, odd arguments, missing ids", "[io][brat][events]") {
  const BratDocument doc = parc_document();
  Warnings w;
  const Schema schema = with_brat_claims(infer_schema_from_brat({doc}, w), {doc}, brat_claim_events({doc}, {}, nullptr), w);
  Blank b(schema);
  const std::string text = read(kParc + ".txt");
  const std::string spans = lines_of_kind(doc.ann, "T");
  auto parse = [&](const std::string& events, const std::vector<BratClaimEvent>& claims = {}) {
    return parse_brat({{"d", text, spans + events, "d.ann"}}, schema, b.tok, claims);
  };
  // Another role (Manner) is not Source/Cue/Content: no default, the events are skipped as before.
  const GoldImport other = parse("E1\tAttribution:T2 Source:T1 Content:T3 Manner:T5\n");
  REQUIRE(other.ok());
  CHECK(other.relations.empty());
  CHECK(warned(other.warnings, "brat: 1 events (E) skipped: goldspan has no events"));
  // Given as a mapping, the unmapped role is what is skipped.
  const auto given = parse_brat_claims("Attribution:claimant=Source,content=Content,cue=trigger");
  const GoldImport mapped = parse("E1\tAttribution:T2 Source:T1 Content:T3 Manner:T5\n", given);
  REQUIRE(mapped.ok());
  CHECK(mapped.relations.size() == 2);
  CHECK(warned(mapped.warnings, "brat: 1 event arguments skipped: their roles are not in the claim mapping"));
  // An event of another type next to mapped ones keeps today's warning.
  const GoldImport mixed = parse("E1\tAttribution:T2 Source:T1 Content:T3\nE2\tSay:T6 Agent:T5\n");
  REQUIRE(mixed.ok());
  CHECK(mixed.relations.size() == 2);
  CHECK(warned(mixed.warnings, "brat: 1 events (E) skipped: goldspan has no events (of types not read as claims)"));
  // No content, an event as an argument: skipped, each counted.
  const GoldImport odd = parse("E1\tAttribution:T2 Source:T1\nE2\tAttribution:T6 Source:E1 Content:T4\n", given);
  REQUIRE(odd.ok());
  CHECK(warned(odd.warnings, "brat: 1 events read as claims skipped: no content argument"));
  CHECK(warned(odd.warnings, "brat: 1 event arguments skipped: they are events, not text-bound spans"));
  CHECK(odd.relations.size() == 1);  // E2's cue (its trigger)
  // A missing id is an error with its line, as for relations.
  CHECK(parse("E1\tAttribution:T2 Source:T99 Content:T3\n").errors == std::vector<std::string>{"d.ann: line 11: no text-bound annotation T99"});
  // A schema without the relation types: errors name the line.
  const GoldImport unknown = parse_brat({{"d", text, spans + "E1\tAttribution:T2 Source:T1 Content:T3\n", "d.ann"}}, schema, b.tok,
                                        parse_brat_claims("Attribution:speaker=Source,content=Content,cue=trigger"));
  CHECK_FALSE(unknown.ok());
  CHECK(unknown.errors == std::vector<std::string>{"d.ann: line 11.type: unknown relation type 'speaker' (not in the schema)"});
}

// The shipped samples under the shipped schema (CLAIM, CUE, PERSON; claimant and cue): claims
// with a claimant or a cue become Attribution events, and read back by default as the same
// relations.
TEST_CASE("brat claims: the samples' claims as events and back, default schema", "[io][brat][events]") {
  Fixture f;
  annotate_samples(f);
  const auto claims = parse_brat_claims("Attribution:claimant=Source,content=Content,cue=Cue");
  Warnings w;
  const auto files = write_brat(f.corpus, w, claims);
  CHECK(warned(w, "brat: 4 claims written as Attribution:claimant=Source,content=Content,cue=Cue events"));
  // harbor-a's first claim has both: the claimant is the trigger (first relation entry).
  CHECK(files[1].contents.find("\tAttribution:") != std::string::npos);
  std::vector<BratDocument> back;
  for (size_t i = 0; i + 1 < files.size(); i += 2)
    back.push_back({files[i].name.substr(0, files[i].name.size() - 4), files[i].contents, files[i + 1].contents, files[i + 1].name});
  // Default mapping: the roles are Source, Cue, Content and the schema has claimant and cue.
  const auto detected = brat_claim_events(back, {}, &f.corpus.schema());
  REQUIRE(detected.size() == 1);
  CHECK(to_string(detected[0]) == "Attribution:cue=Cue,claimant=Source,content=Content");
  Blank b;
  const GoldImport in = parse_brat(back, f.corpus.schema(), b.tok);
  REQUIRE(in.errors == std::vector<std::string>{});
  apply_gold(b.corpus, b.history, in);
  CHECK(relations(b.corpus) == relations(f.corpus));
  // Without a claim type or without the relation types the default does not apply.
  const Schema no_cue = Schema::parse(R"({"name":"n","version":1,"entity_types":[{"name":"PERSON","color":"#000000"}],
    "claim_types":[{"name":"CLAIM","color":"#000000"}],"cue_types":[{"name":"CUE","color":"#000000"}],
    "relation_types":[{"name":"claimant","color":"#000000","source":["claim"],"target":["PERSON"]}]})");
  CHECK(brat_claim_events(back, {}, &no_cue).empty());
}

// The mapping in the schema ("brat": {"claim_events": [...]}): a PARC-style file whose roles are
// not the default's (Speaker, Quote) reads as claims and writes back as the same events with no
// option, in both directions; a bad mapping is an error at its place in the schema.
TEST_CASE("brat claims: the mapping given in the schema, read and written without an option", "[io][brat][events][schema]") {
  auto renamed = [](std::string s) {
    for (const auto& [from, to] : {std::make_pair(std::string("Source"), std::string("Speaker")), std::make_pair(std::string("Content"), std::string("Quote"))})
      for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    return s;
  };
  const BratDocument parc = parc_document();
  const BratDocument doc{parc.id, parc.text, renamed(parc.ann), parc.ann_name};
  const std::string types = R"("version": 1, "entity_types": [{"name": "Speaker", "color": "#000000"}],
    "claim_types": [{"name": "Quote", "color": "#000000"}], "cue_types": [{"name": "Attribution", "color": "#000000"}],
    "relation_types": [{"name": "claimant", "color": "#000000", "source": ["claim"], "target": ["Speaker"]},
                       {"name": "cue", "color": "#000000", "source": ["claim"], "target": ["cue"]}])";
  const Schema plain = Schema::parse("{" + types + "}");
  CHECK(brat_claim_events({doc}, {}, &plain).empty());  // Speaker/Quote: no default mapping
  const Schema schema = Schema::parse("{" + types + R"(, "brat": {"claim_events": ["Attribution:claimant=Speaker,content=Quote,cue=trigger"]}})");
  REQUIRE(schema.brat_claim_events() == std::vector<std::string>{"Attribution:claimant=Speaker,content=Quote,cue=trigger"});
  CHECK(Schema::from_json(schema.to_json()).to_json() == schema.to_json());  // kept in the canonical form
  CHECK(schema.to_json()["brat"]["claim_events"][0] == "Attribution:claimant=Speaker,content=Quote,cue=trigger");
  CHECK_FALSE(plain.to_json().contains("brat"));  // schemas without it are written as before

  Blank b(schema);
  const GoldImport in = parse_brat({doc}, schema, b.tok);
  REQUIRE(in.errors == std::vector<std::string>{});
  CHECK(warned(in.warnings, "brat: 3 events read as claims (Attribution:claimant=Speaker,content=Quote,cue=trigger)"));
  apply_gold(b.corpus, b.history, in);
  CHECK(relations(b.corpus).size() == 7);
  CHECK(relations(b.corpus)[0] == "claimant Quote:14 workers left -> Speaker:Officials");
  Warnings out;
  const auto files = write_brat(b.corpus, out);  // no mapping given: the schema's
  CHECK(warned(out, "brat: 3 claims written as Attribution:claimant=Speaker,content=Quote,cue=trigger events"));
  CHECK(lines_of_kind(files[1].contents, "TER") == doc.ann);
  // A mapping given by the caller wins over the schema's.
  Warnings given;
  write_brat(b.corpus, given, parse_brat_claims("Say:claimant=Speaker,content=Quote,cue=trigger"));
  CHECK(warned(given, "claims written as Say:claimant=Speaker,content=Quote,cue=trigger events"));

  // Reading: the caller's mapping first, then the schema's for the event types it lacks.
  const std::string two = R"(, "brat": {"claim_events": ["Attribution:claimant=Speaker,content=Quote,cue=trigger",
                                                           "Say:claimant=Speaker,content=Quote"]}})";
  const Schema both = Schema::parse("{" + types + two);
  const BratDocument said{doc.id, doc.text, doc.ann + "E9\tSay:T1 Speaker:T1 Quote:T1\n", doc.ann_name};
  const auto chosen = brat_claim_events({said}, parse_brat_claims("Attribution:claimant=Speaker,content=Quote"), &both);
  REQUIRE(chosen.size() == 2);
  CHECK(chosen[0].event == "Attribution");
  CHECK(chosen[0].entries.size() == 2);  // the given one: no cue=trigger
  CHECK(chosen[1].event == "Say");       // the schema's, for the type the caller did not map

  auto bad = [&](const std::string& brat) { return "{" + types + R"(, "brat": )" + brat + "}"; };
  CHECK_THROWS_WITH(Schema::parse(bad(R"({"claim_events": ["Attribution:speaker=Speaker,content=Quote"]})")),
                    Contains("brat.claim_events[0]: unknown relation type 'speaker' (not in relation_types)"));
  CHECK_THROWS_WITH(Schema::parse(bad(R"({"claim_events": ["Attribution:claimant=Speaker"]})")),
                    Contains("brat.claim_events[0]: Attribution: needs exactly one content=ROLE"));
  CHECK_THROWS_WITH(Schema::parse(bad(R"({"claim_events": [3]})")), Contains("brat.claim_events[0]: expected \"EVENT:REL=ROLE,...\""));
  CHECK_THROWS_WITH(Schema::parse(bad(R"({"events": []})")), Contains("brat"));
  const Schema twice = Schema::parse(bad(R"({"claim_events": ["Attribution:claimant=Speaker,content=Quote", "Attribution:cue=trigger,content=Quote"]})"));
  CHECK_THROWS_WITH(brat_claims_of(twice), Contains("brat.claim_events[1]: event type Attribution given twice"));
}
