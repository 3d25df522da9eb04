// Label all matches: token snapping, overlap and duplicate counts, one undo step.
#include <catch2/catch.hpp>

#include "error.hpp"
#include "search/label.hpp"
#include "search_support.hpp"

using namespace goldspan;
using goldspan::test::TextCorpus;

namespace {

std::vector<Hit> find(const TextCorpus& c, const std::string& pattern, bool regex = false) {
  FindOptions o;
  o.regex = regex;
  return Finder(pattern, o).find_all(c.corpus);
}

Labeled label(const TextCorpus& c, const std::string& pattern, const std::string& type, Snap snap = Snap::Widen,
              bool regex = false) {
  LabelCounts counts;
  const auto p = proposals_from_hits(c.corpus, find(c, pattern, regex), type, snap, counts);
  return label_all(c.corpus, p, "label all: " + type, counts);
}

std::vector<std::string> span_texts(const TextCorpus& c, size_t doc = 0) {
  std::vector<std::string> out;
  for (SpanId id : c.corpus.document_spans(doc)) {
    const Span& s = c.corpus.span(id);
    out.push_back(c.text(doc, s.fragments[0].start, s.fragments[0].end) + "/" + c.corpus.type_of(s).name);
  }
  return out;
}

}  // namespace

TEST_CASE("label all: matches widen to whole tokens, or are refused mid-token", "[search][label]") {
  TextCorpus c({"Bishkek is in Kyrgyzstan. Bishkekers  meet."});
  const Document& d = c.corpus.document(0);
  uint32_t a = 4, b = 10;  // "kek is"
  REQUIRE(snap_to_tokens(d, a, b, Snap::Widen));
  CHECK(c.text(0, a, b) == "Bishkek is");
  a = 4, b = 10;
  CHECK_FALSE(snap_to_tokens(d, a, b, Snap::Refuse));
  a = 7, b = 11;  // " is "
  REQUIRE(snap_to_tokens(d, a, b, Snap::Refuse));
  CHECK(c.text(0, a, b) == "is");
  a = 36, b = 38;  // the two spaces: no token
  CHECK(c.text(0, a, b) == "  ");
  CHECK_FALSE(snap_to_tokens(d, a, b, Snap::Widen));

  const Labeled widen = label(c, "kek", "LOCATION");
  CHECK(widen.counts.added == 2);
  CHECK(widen.counts.refused_token == 0);
  const Labeled refuse = label(c, "kek", "LOCATION", Snap::Refuse);
  CHECK(refuse.counts.added == 0);
  CHECK(refuse.counts.refused_token == 2);
  CHECK_FALSE(refuse.command);
  const Labeled whole = label(c, "Bishkek", "LOCATION", Snap::Refuse);
  CHECK(whole.counts.added == 1);
  CHECK(whole.counts.refused_token == 1);
  c.history.execute(std::unique_ptr<Command>(label(c, "kek", "LOCATION").command.release()));
  CHECK(span_texts(c) == std::vector<std::string>{"Bishkek/LOCATION", "Bishkekers/LOCATION"});
  CHECK_THROWS_WITH(label(c, "kek", "CITY"), Catch::Contains("unknown label 'CITY'"));

#if GOLDSPAN_HAS_ICU_REGEX
  // Several hits in one token widen to the same span: one is added, the others are duplicates.
  TextCorpus d2({"Bishkek is in Kyrgyzstan."});
  const Labeled letters = label(d2, "B|k", "LOCATION", Snap::Widen, true);
  CHECK(letters.counts.added == 1);
  CHECK(letters.counts.duplicates == 2);
  // Widened hits that cross: LOCATION spans may not overlap, so the later one is refused.
  const Labeled crossing = label(d2, "kek is|n Kyr", "LOCATION", Snap::Widen, true);
  CHECK(crossing.counts.added == 2);  // "Bishkek is", "in Kyrgyzstan": they do not cross
  const Labeled crossing2 = label(d2, "kek i|s in", "LOCATION", Snap::Widen, true);
  CHECK(crossing2.counts.added == 1);  // "Bishkek is"; "is in" crosses it
  CHECK(crossing2.counts.refused_overlap == 1);
#endif
}

TEST_CASE("label all: overlap refusals and duplicates are counted, not added", "[search][label]") {
  TextCorpus c({"Ines Oduya met Tomas Brandt in Bishkek. Ines Oduya left. Tomas Brandt stayed."});
  c.history.run<AddSpan>("d0", "PERSON", std::vector<Range>{{5, 14}});   // "Oduya met"
  c.history.run<AddSpan>("d0", "PERSON", std::vector<Range>{{15, 27}});  // "Tomas Brandt"
  REQUIRE(c.text(0, 5, 14) == "Oduya met");

  const Labeled ines = label(c, "Ines Oduya", "PERSON");
  CHECK(ines.counts.added == 1);            // the second one
  CHECK(ines.counts.refused_overlap == 1);  // the first crosses "Oduya met"
  const Labeled tomas = label(c, "Tomas Brandt", "PERSON");
  CHECK(tomas.counts.added == 1);
  CHECK(tomas.counts.duplicates == 1);
  const Labeled as_location = label(c, "Tomas Brandt", "LOCATION");  // same range, other label: nests
  CHECK(as_location.counts.added == 2);
  CHECK(as_location.counts.duplicates == 0);
  const Labeled oduya = label(c, "Oduya", "PERSON");  // inside "Oduya met": nesting is allowed
  CHECK(oduya.counts.added == 2);

  // Proposals are checked against each other too.
  // PERSON "Ines Oduya" crosses "Oduya met"; DATE "Oduya met" and "met" nest; "met" twice.
  std::vector<Proposal> p{{0, 0, 10, 0}, {0, 5, 14, 3}, {0, 11, 14, 3}, {0, 11, 14, 3}};
  REQUIRE(c.corpus.schema().span_types()[3].name == "DATE");
  Labeled batch = label_all(c.corpus, p, "batch");
  CHECK(batch.counts.refused_overlap == 1);
  CHECK(batch.counts.duplicates == 1);
  CHECK(batch.counts.added == 2);
  c.history.execute(std::unique_ptr<Command>(batch.command.release()));
  c.corpus.check_invariants();
}

TEST_CASE("label all: one undo step restores the exact previous state; redo brings it back", "[search][label]") {
  TextCorpus c({"Bishkek, Bishkek and Bishkek.", "To Bishkek!"});
  c.history.run<AddSpan>("d0", "PERSON", std::vector<Range>{{0, 7}});
  const std::string before = c.corpus.canonical_dump(false);
  const size_t steps = c.history.undo_size();
  LabelCounts counts;
  const auto p = proposals_from_hits(c.corpus, Finder("Bishkek").find_all(c.corpus), "LOCATION", Snap::Widen, counts);
  Labeled r = label_all(c.corpus, p, "label all: LOCATION", counts);
  CHECK(r.counts.added == 4);
  c.history.execute(std::move(r.command));
  CHECK(c.history.undo_size() == steps + 1);
  CHECK(c.corpus.span_count() == 5);
  const std::string after = c.corpus.canonical_dump(false);
  c.history.undo();
  CHECK(c.corpus.canonical_dump(false) == before);
  c.corpus.check_invariants();
  c.history.redo();
  CHECK(c.corpus.canonical_dump(false) == after);
}

TEST_CASE("label all: a non-permissive kind refuses crossings between matches", "[search][label]") {
  TextCorpus c({"not really not"});
  // CUE allows neither overlap nor nesting: the widened "not really" and "really not" cross.
  std::vector<Proposal> p;
  const int cue = c.corpus.schema().span_type("CUE");
  REQUIRE(cue >= 0);
  p.push_back({0, 0, 10, uint16_t(cue)});
  p.push_back({0, 4, 14, uint16_t(cue)});
  p.push_back({0, 4, 10, uint16_t(cue)});  // nests in the first
  const Labeled r = label_all(c.corpus, p, "cues");
  CHECK(r.counts.added == 1);
  CHECK(r.counts.refused_overlap == 2);
}
