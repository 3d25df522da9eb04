// Dictionary pre-annotation: parsing with line numbers, token-sequence matching longest first.
#include <catch2/catch.hpp>

#include <filesystem>

#include "error.hpp"
#include "search/dictionary.hpp"
#include "search_support.hpp"

using namespace goldspan;
using goldspan::test::TextCorpus;

namespace {

Dictionary parse(TextCorpus& c, const std::string& text, const std::string& name = "dict.tsv", bool ignore_case = false) {
  DictionaryOptions o;
  o.ignore_case = ignore_case;
  return Dictionary::parse(text, name, c.corpus.schema(), c.tok, o);
}

std::vector<std::string> matched(const TextCorpus& c, const std::vector<Proposal>& p) {
  std::vector<std::string> out;
  for (const Proposal& x : p)
    out.push_back(std::to_string(x.doc) + ":" + c.text(x.doc, x.start, x.end) + "/" + c.corpus.schema().span_types()[x.type].name);
  return out;
}

}  // namespace

TEST_CASE("dictionary: TSV with comments and blank lines, JSONL", "[search][dictionary]") {
  TextCorpus c({"x"});
  const Dictionary d = parse(c, "# places\n\nBishkek\tLOCATION\r\n  New York \t LOCATION\nBishkek\tLOCATION\n");
  CHECK(d.size() == 2);
  CHECK(d.max_tokens() == 2);
  const Dictionary j = parse(c, "{\"term\": \"Ines Oduya\", \"label\": \"PERSON\"}\n\n{\"term\":\"UN\",\"label\":\"ORGANIZATION\"}\n",
                             "dict.jsonl");
  CHECK(j.size() == 2);
  CHECK(parse(c, "{\"term\": \"Ines\", \"label\": \"PERSON\"}\n", "any.txt").size() == 1);  // sniffed
}

TEST_CASE("dictionary: every bad line is reported with its number", "[search][dictionary]") {
  TextCorpus c({"x"});
  const std::string text =
      "Bishkek\tLOCATION\n"     // 1
      "# comment\n"             // 2
      "no tab here\n"           // 3
      "Osh\tCITY\n"             // 4
      "\tLOCATION\n"            // 5: the leading tab is trimmed: no separator left
      "a\tb\tc\n"               // 6
      "Bishkek\tPERSON\n"       // 7
      "  \t  \n";               // 8: blank
  try {
    parse(c, text, "places.tsv");
    FAIL("no error");
  } catch (const Error& e) {
    const std::string m = e.what();
    CHECK(e.where() == "places.tsv");
    CHECK(m.find("places.tsv: line 3: expected term<TAB>LABEL (no tab)") != std::string::npos);
    CHECK(m.find("places.tsv: line 4: unknown label 'CITY' (not in the schema)") != std::string::npos);
    CHECK(m.find("places.tsv: line 5: expected term<TAB>LABEL (no tab)") != std::string::npos);
    CHECK(m.find("places.tsv: line 6: expected term<TAB>LABEL (more than one tab)") != std::string::npos);
    CHECK(m.find("places.tsv: line 7: 'Bishkek' is PERSON here but LOCATION on line 1") != std::string::npos);
    CHECK(m.find("line 1:") == std::string::npos);
    CHECK(m.find("line 8") == std::string::npos);
  }
  CHECK_THROWS_WITH(parse(c, "{\"term\": \"x\"}\n{bad\n", "d.jsonl"),
                    Catch::Contains("d.jsonl: line 1: expected {\"term\"") && Catch::Contains("d.jsonl: line 2: not a JSON object"));
  CHECK_THROWS_WITH(parse(c, "ok\tPERSON\n\xff\tPERSON\n"), Catch::Contains("dict.tsv: line 2: invalid UTF-8"));
}

TEST_CASE("dictionary: longest match first, no two matches overlap, all documents", "[search][dictionary]") {
  TextCorpus c({"The New York Times wrote from New York about York.", "A B C D", "new york"});
  const Dictionary d = parse(c,
                             "New York Times\tORGANIZATION\n"
                             "New York\tLOCATION\n"
                             "York\tLOCATION\n"
                             "A B\tPERSON\n"
                             "B C D\tORGANIZATION\n"
                             "C\tDATE\n");
  CHECK(matched(c, d.match(c.corpus)) ==
        std::vector<std::string>{"0:New York Times/ORGANIZATION", "0:New York/LOCATION", "0:York/LOCATION", "1:B C D/ORGANIZATION"});
  // Case folding is an option.
  const Dictionary folded = parse(c, "NEW YORK\tLOCATION\n", "d.tsv", true);
  CHECK(matched(c, folded.match(c.corpus)) == std::vector<std::string>{"0:New York/LOCATION", "0:New York/LOCATION", "2:new york/LOCATION"});
  // Full folding: ß = ss, final sigma = sigma.
  TextCorpus g({"STRASSE und Straße; ΟΔΟΣ οδός"});
  const Dictionary street = parse(g, "strasse\tLOCATION\nΟΔΌΣ\tLOCATION\n", "d.tsv", true);
  CHECK(matched(g, street.match(g.corpus)) == std::vector<std::string>{"0:STRASSE/LOCATION", "0:Straße/LOCATION", "0:οδός/LOCATION"});
}

TEST_CASE("dictionary: pre-annotation is one undoable command; existing spans are respected", "[search][dictionary]") {
  TextCorpus c({"Ines Oduya met Tomas Brandt in Bishkek. Ines Oduya left Bishkek."});
  c.history.run<AddSpan>("d0", "PERSON", std::vector<Range>{{5, 14}});  // "Oduya met"
  const std::string before = c.corpus.canonical_dump(false);
  const Dictionary d = parse(c, "Ines Oduya\tPERSON\nTomas Brandt\tPERSON\nBishkek\tLOCATION\n");
  Labeled r = label_all(c.corpus, d.match(c.corpus), "dictionary");
  CHECK(r.counts.added == 4);
  CHECK(r.counts.refused_overlap == 1);
  c.history.execute(std::move(r.command));
  CHECK(c.corpus.span_count() == 5);
  Labeled again = label_all(c.corpus, d.match(c.corpus), "dictionary");
  CHECK(again.counts.duplicates == 4);
  CHECK_FALSE(again.command);
  c.history.undo();
  CHECK(c.corpus.canonical_dump(false) == before);
}

TEST_CASE("dictionary: the shared corpus articles, when present", "[search][dictionary]") {
  namespace fs = std::filesystem;
  const fs::path dir = goldspan::test::shared_corpus_dir();
  if (!fs::is_directory(dir)) {
    SUCCEED("no ../shared/corpus beside this checkout");
    return;
  }
  std::vector<std::string> texts;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txt") texts.push_back(goldspan::test::read_file(e.path().string()).value_or(""));
  TextCorpus c(texts);
  // The first 200 tokens of the first article as terms: each then matches wherever it occurs.
  const Document& d0 = c.corpus.document(0);
  std::string dict;
  for (size_t i = 0; i < d0.tokens().size() && i < 200; ++i)
    dict += std::string(d0.slice(d0.tokens()[i].start, d0.tokens()[i].end)) + "\tLOCATION\n";
  const Dictionary d = parse(c, dict);
  Labeled r = label_all(c.corpus, d.match(c.corpus), "dictionary");
  CHECK(r.counts.added > 0);
  c.history.execute(std::move(r.command));
  c.corpus.check_invariants();
}
