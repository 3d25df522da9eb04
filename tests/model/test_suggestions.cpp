// Suggestions: proposed spans beside the annotation, accepted into spans or rejected, every
// step undoable and journaled (replay gives the same state), and the builders' duplicate counts.
#include <catch2/catch.hpp>

#include "io/gold_json.hpp"
#include "model/model_support.hpp"
#include "search/suggest.hpp"

using namespace goldspan;
using goldspan::test::Fixture;
using goldspan::test::Replica;

namespace {

AddSuggestions::Item item(const Fixture& f, const std::string& type, std::string_view text, size_t doc = 0) {
  return {f.doc(doc).id(), type, {f.find(text, doc)}};
}

}  // namespace

TEST_CASE("suggestions: add, accept, reject, undo and redo", "[model][suggestions]") {
  Fixture f;
  const std::string before = f.corpus.canonical_dump(false);  // content: ids are never reused after undo
  auto& add = f.history.run<AddSuggestions>("dict:test.tsv",
                                            std::vector<AddSuggestions::Item>{item(f, "PERSON", "Ines Oduya"),
                                                                              item(f, "LOCATION", "Valmora"),
                                                                              item(f, "PERSON", "Ines Oduya", 1)});
  REQUIRE(add.first_id() == 1);
  CHECK(f.corpus.suggestions().size() == 3);
  CHECK(f.corpus.span_count() == 0);  // suggestions are not spans
  CHECK(f.corpus.suggestion_count(0) == 2);
  f.corpus.check_invariants();
  const Range ines = f.find("Ines Oduya");
  CHECK(f.corpus.suggestions_in(0, ines.start, ines.start + 1) == std::vector<SuggestionId>{1});
  CHECK(f.corpus.suggestions_in(0, ines.end, ines.end + 1).empty());

  SECTION("accept makes an ordinary span stamped by whoever accepts; undo gives the suggestion back") {
    auto& acc = f.history.run<AcceptSuggestion>(1);
    const Span& s = f.corpus.span(acc.span());
    CHECK(f.corpus.type_of(s).name == "PERSON");
    CHECK(s.fragments[0] == ines);
    CHECK(f.corpus.annotator_name(s.annotator) == "ana");
    CHECK_FALSE(f.corpus.find_suggestion(1));
    f.corpus.check_invariants();
    const std::string accepted = f.corpus.canonical_dump();
    f.history.undo();
    CHECK(f.corpus.find_suggestion(1));
    CHECK(f.corpus.span_count() == 0);
    f.history.redo();
    CHECK(f.corpus.canonical_dump() == accepted);
  }
  SECTION("reject removes it; undo restores it") {
    f.history.run<RejectSuggestion>(2);
    CHECK_FALSE(f.corpus.find_suggestion(2));
    CHECK(f.corpus.span_count() == 0);
    f.history.undo();
    CHECK(f.corpus.find_suggestion(2));
  }
  SECTION("an accept the overlap rules forbid changes nothing") {
    f.history.run<AddSpan>(f.doc().id(), "LOCATION", std::vector<Range>{f.find("Oduya said")});  // crosses it
    const std::string dump = f.corpus.canonical_dump();
    CHECK_THROWS_AS(f.history.run<AcceptSuggestion>(1), Error);
    CHECK(f.corpus.canonical_dump() == dump);
  }
  SECTION("undoing the load removes all of them, and ids are never reused") {
    f.history.undo();
    CHECK(f.corpus.suggestions().empty());
    f.corpus.check_invariants();
    auto& again = f.history.run<AddSuggestions>("x", std::vector<AddSuggestions::Item>{item(f, "PERSON", "Ines Oduya")});
    CHECK(again.first_id() == 4);
  }
  SECTION("a bad item refuses the whole load") {
    f.history.undo();
    CHECK_THROWS_WITH(f.history.run<AddSuggestions>("x", std::vector<AddSuggestions::Item>{
                                                             item(f, "PERSON", "Ines Oduya"), {"harbor-a", "NOPE", {ines}}}),
                      Catch::Contains("items[1]"));
    CHECK(f.corpus.canonical_dump(false) == before);
  }
}

TEST_CASE("suggestions: the journal replays loads, accepts and rejects exactly", "[model][suggestions][journal]") {
  Fixture f;
  f.history.run<AddSuggestions>("predictions:p.json", std::vector<AddSuggestions::Item>{
                                                          item(f, "PERSON", "Ines Oduya"), item(f, "LOCATION", "Valmora"),
                                                          item(f, "PERSON", "Ines Oduya", 1)});
  f.history.run<AcceptSuggestion>(3);
  f.history.run<RejectSuggestion>(2);
  f.history.undo();
  Replica r(f);
  CHECK(replay_journal(r.history, f.journal_text()) == f.journal.size());
  CHECK(r.corpus.canonical_dump() == f.corpus.canonical_dump());
  r.corpus.check_invariants();
  CHECK(f.journal[0].find("\"op\":\"add_suggestions\",\"id\":\"g1\",\"source\":\"predictions:p.json\"") != std::string::npos);
  CHECK(f.journal[1].find("\"op\":\"accept_suggestion\",\"id\":\"g3\",\"span\":\"s1\"") != std::string::npos);
}

TEST_CASE("suggestions: stepping in reading order across documents, wrapping", "[model][suggestions]") {
  Fixture f;
  f.history.run<AddSuggestions>("x", std::vector<AddSuggestions::Item>{item(f, "LOCATION", "Valmora"),
                                                                       item(f, "PERSON", "Ines Oduya"),
                                                                       item(f, "PERSON", "Ines Oduya", 1)});
  const uint32_t harbor = f.find("Valmora").start, ines = f.find("Ines Oduya").start;
  const SuggestionId first = harbor < ines ? 1 : 2, second = harbor < ines ? 2 : 1;
  CHECK(f.corpus.next_suggestion(0, 0, 0, +1) == first);
  CHECK(f.corpus.next_suggestion(0, f.corpus.find_suggestion(first)->fragments[0].start, first, +1) == second);
  CHECK(f.corpus.next_suggestion(0, f.corpus.find_suggestion(second)->fragments[0].start, second, +1) == 3);  // next document
  CHECK(f.corpus.next_suggestion(1, f.corpus.find_suggestion(3)->fragments[0].start, 3, +1) == first);        // wraps
  CHECK(f.corpus.next_suggestion(0, f.corpus.find_suggestion(first)->fragments[0].start, first, -1) == 3);    // backwards wraps
}

TEST_CASE("suggestions: builders skip what is there already and count what they drop", "[model][suggestions][search]") {
  Fixture f;
  const SpanId s = f.add("PERSON", "Ines Oduya");
  const Range ines = f.find("Ines Oduya"), harbor = f.find("Valmora");
  const uint16_t person = uint16_t(f.corpus.schema().span_type("PERSON")), location = uint16_t(f.corpus.schema().span_type("LOCATION"));
  Suggested one = suggest_proposals(f.corpus, {{0, ines.start, ines.end, person},      // the span exists
                                               {0, harbor.start, harbor.end, location},
                                               {0, harbor.start, harbor.end, location},  // twice
                                               {0, ines.start, ines.end, location}},     // another label: a new one
                                    "dict:d.tsv");
  CHECK(one.counts.added == 2);
  CHECK(one.counts.duplicates == 2);
  REQUIRE(one.command);
  f.history.execute(std::move(one.command));
  Suggested again = suggest_proposals(f.corpus, {{0, harbor.start, harbor.end, location}}, "dict:d.tsv");
  CHECK(again.counts.duplicates == 1);
  CHECK_FALSE(again.command);

  // A gold file's spans as suggestions: its relations and clusters are counted, not taken.
  f.history.run<AddSpan>(f.doc().id(), "LOCATION", std::vector<Range>{f.find("Kestrel Logistics", 0, 1)});  // (a LOCATION: any label will do)
  const std::string gold = write_gold(f.corpus);
  Fixture g;
  GoldImport in = parse_gold(gold, "a.json", &g.corpus.schema(), g.tok);
  REQUIRE(in.ok());
  Suggested from = suggest_import(g.corpus, in, "file:a.json");
  CHECK(from.counts.added == 2);
  REQUIRE(from.command);
  g.history.execute(std::move(from.command));
  CHECK(g.corpus.suggestions().size() == 2);
  CHECK(g.corpus.span_count() == 0);
  (void)s;

  // The gold export holds the accepted ones as spans and counts those left.
  const SuggestionId first = g.corpus.suggestions().begin()->first;
  g.history.run<AcceptSuggestion>(first);
  const std::string out = write_gold(g.corpus);
  CHECK(out.find("\"suggestions_left\": 1") != std::string::npos);
  Fixture h;
  GoldImport back = parse_gold(out, "b.json", &h.corpus.schema(), h.tok);
  REQUIRE(back.ok());
  CHECK(back.spans.size() == 1);
  CHECK(write_gold(f.corpus).find("suggestions_left") != std::string::npos);
  f.history.undo();
  f.history.undo();  // the load
  CHECK(write_gold(f.corpus).find("suggestions_left") == std::string::npos);
}
