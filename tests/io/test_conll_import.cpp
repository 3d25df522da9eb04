// CoNLL import (core/io/conll.hpp): what goldspan writes reads back, and what the CoNLL tools
// write reads the way conlleval reads it (the CoNLL-2000 example and seqeval's cases of
// ../shared/refdata/spans when present, and inline cases of our own).
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include "../agree/agree_support.hpp"
#include "io/conll.hpp"
#include "io_support.hpp"

using namespace goldspan;
using namespace goldspan::test;
using Catch::Matchers::Contains;
using json = nlohmann::json;

namespace {

struct Chunk {
  std::string label, text;
  bool operator==(const Chunk& o) const { return label == o.label && text == o.text; }
};

std::vector<Chunk> chunks(const GoldImport& imp) {
  std::vector<Chunk> out;
  for (const ImportedSpan& s : imp.spans) {
    const Document& d = *imp.documents[s.doc];
    out.push_back({s.label, std::string(d.slice(s.fragments.front().start, s.fragments.back().end))});
  }
  return out;
}

const Schema& chunk_schema() {
  static const Schema s = Schema::parse(R"({"entity_types": [
    {"name": "PER", "color": "#111111"}, {"name": "LOC", "color": "#222222"}, {"name": "ORG", "color": "#333333"},
    {"name": "A", "color": "#444444"}, {"name": "B", "color": "#555555"}, {"name": "C", "color": "#666666"},
    {"name": "NP", "color": "#111111"}, {"name": "VP", "color": "#111111"}, {"name": "PP", "color": "#111111"},
    {"name": "ADJP", "color": "#111111"}, {"name": "ADVP", "color": "#111111"}, {"name": "SBAR", "color": "#111111"},
    {"name": "PRT", "color": "#111111"}, {"name": "CONJP", "color": "#111111"}, {"name": "INTJ", "color": "#111111"},
    {"name": "LST", "color": "#111111"}, {"name": "UCP", "color": "#111111"}]})");
  return s;
}

// Sentences of tags as a two-column file whose tokens are t0 t1 ...: a chunk's text names the
// token indices it covers.
std::string two_columns(const json& sentences) {
  std::string out;
  for (const json& s : sentences) {
    for (size_t i = 0; i < s.size(); ++i) out += "t" + std::to_string(i) + " " + s[i].get<std::string>() + "\n";
    out += "\n";
  }
  return out;
}

// conlleval's chunks [[type, first, after], ...] per sentence, as Chunk texts "t1 t2".
std::vector<Chunk> expected_chunks(const json& sentences) {
  std::vector<Chunk> out;
  for (const json& s : sentences)
    for (const json& c : s) {
      std::string text;
      for (int i = c[1].get<int>(); i < c[2].get<int>(); ++i) text += (text.empty() ? "t" : " t") + std::to_string(i);
      out.push_back({c[0], text});
    }
  return out;
}

}  // namespace

TEST_CASE("conll import: CoNLL-2003 columns, -DOCSTART-, text rebuilt, code point offsets", "[io][conll][import]") {
  Tokenizer tok("en");
  const std::string file =
      "-DOCSTART- -X- -X- O\n\n"
      "Инес NNP B-NP B-PERSON\n"
      "Oduya NNP I-NP I-PERSON\n"
      "🐱 SYM O O\n"
      "in IN B-PP O\n"
      "Valmora NNP B-NP B-LOCATION\n"
      ". . O O\n\n"
      "Kestrel NNP B-NP B-ORGANIZATION\r\n"
      "Logistics NNP I-NP I-ORGANIZATION\r\n"
      "\n"
      "-DOCSTART- -X- -X- O\n\n"
      "Tomas NNP B-NP B-PERSON\n";
  const GoldImport imp = parse_conll(file, "dir/ner.conll", default_schema(), tok);
  REQUIRE(imp.ok());
  REQUIRE(imp.documents.size() == 2);
  CHECK(imp.documents[0]->id() == "ner.conll-1");
  CHECK(imp.documents[1]->id() == "ner.conll-2");
  CHECK(imp.documents[0]->text() == "Инес Oduya 🐱 in Valmora .\nKestrel Logistics");
  CHECK(imp.documents[1]->text() == "Tomas");
  REQUIRE(imp.spans.size() == 4);
  // Code points: the Cyrillic name is 4, the cat one (two UTF-16 units, four bytes).
  CHECK(imp.spans[0].fragments == std::vector<Range>{{0, 10}});
  CHECK(imp.spans[1].fragments == std::vector<Range>{{16, 23}});
  CHECK(imp.spans[2].fragments == std::vector<Range>{{26, 43}});
  CHECK(imp.spans[3].doc == 1);
  CHECK(chunks(imp) == std::vector<Chunk>{{"PERSON", "Инес Oduya"}, {"LOCATION", "Valmora"}, {"ORGANIZATION", "Kestrel Logistics"},
                                          {"PERSON", "Tomas"}});
  // conlleval reads the gold from the second last column.
  ConllReadOptions gold;
  gold.tag_column = 2;
  const GoldImport np = parse_conll(file, "ner.conll", chunk_schema(), tok, gold);
  REQUIRE(np.ok());
  CHECK(chunks(np) == std::vector<Chunk>{{"NP", "Инес Oduya"}, {"PP", "in"}, {"NP", "Valmora"}, {"NP", "Kestrel Logistics"}, {"NP", "Tomas"}});
}

TEST_CASE("conll import: IOB1, IOB2 and BIOES chunks as conlleval reads them", "[io][conll][import]") {
  Tokenizer tok("en");
  auto read = [&](const std::string& tags) {
    std::string file;
    std::istringstream in(tags);
    size_t i = 0;
    for (std::string t; in >> t;) file += t == "|" ? "\n" : "t" + std::to_string(i++) + "\t" + t + "\n";
    const GoldImport imp = parse_conll(file, "x.tsv", chunk_schema(), tok);
    REQUIRE(imp.ok());
    return chunks(imp);
  };
  // IOB1: I- after O starts a chunk, B- only between two chunks of one type.
  CHECK(read("I-PER I-PER B-PER O I-LOC") == std::vector<Chunk>{{"PER", "t0 t1"}, {"PER", "t2"}, {"LOC", "t4"}});
  // Another type ends a chunk and starts one, even after I-.
  CHECK(read("B-PER I-LOC I-LOC") == std::vector<Chunk>{{"PER", "t0"}, {"LOC", "t1 t2"}});
  // A blank line ends every chunk: the I- after it starts a new one.
  CHECK(read("B-PER | I-PER") == std::vector<Chunk>{{"PER", "t0"}, {"PER", "t1"}});
  // BIOES: E- and S- end a chunk; S- starts one; an I- after E- starts another.
  CHECK(read("S-PER B-ORG I-ORG E-ORG I-ORG S-ORG E-ORG") ==
        std::vector<Chunk>{{"PER", "t0"}, {"ORG", "t1 t2 t3"}, {"ORG", "t4"}, {"ORG", "t5"}, {"ORG", "t6"}});
  // BILOU's L- and U- are read as E- and S-.
  CHECK(read("B-LOC L-LOC U-LOC") == std::vector<Chunk>{{"LOC", "t0 t1"}, {"LOC", "t2"}});
}

TEST_CASE("conll import: errors name the file and line", "[io][conll][import]") {
  Tokenizer tok("en");
  GoldImport imp = parse_conll("Ines _ _ B-PERSON\nOduya I-PERSON\n", "a.conll", default_schema(), tok);
  REQUIRE(imp.errors.size() == 1);
  CHECK_THAT(imp.errors[0], Contains("a.conll: line 2: expected 4 columns (as on line 1), found 2"));
  imp = parse_conll("Ines B-PERSON\nOduya X-PERSON\nLima BPERSON\n", "a.conll", default_schema(), tok);
  REQUIRE(imp.errors.size() == 2);
  CHECK_THAT(imp.errors[0], Contains("a.conll: line 2: bad tag \"X-PERSON\""));
  CHECK_THAT(imp.errors[1], Contains("a.conll: line 3: bad tag \"BPERSON\""));
  imp = parse_conll("\nInes B-NOPE\n", "a.conll", default_schema(), tok);
  REQUIRE(imp.errors.size() == 1);
  CHECK_THAT(imp.errors[0], Contains("a.conll: line 2"));
  CHECK_THAT(imp.errors[0], Contains("unknown label 'NOPE'"));
  imp = parse_conll("Ines\n", "a.conll", default_schema(), tok);
  REQUIRE(imp.errors.size() == 1);
  CHECK_THAT(imp.errors[0], Contains("a.conll: line 1: expected a token and a tag"));
  imp = parse_conll("-DOCSTART- -X- -X- O\n\n", "a.conll", default_schema(), tok);
  REQUIRE(imp.errors.size() == 1);
  CHECK_THAT(imp.errors[0], Contains("a.conll: no tokens"));
  imp = parse_conll("Ines B-PERSON\n", "a.conll", default_schema(), tok, ConllReadOptions{3});
  REQUIRE(imp.errors.size() == 1);
  CHECK_THAT(imp.errors[0], Contains("a.conll: line 1: no tag column 3 in 2 columns"));
}

TEST_CASE("conll import: what write_conll writes reads back with the same chunks", "[io][conll][import]") {
  Fixture f;
  annotate_samples(f);
  Warnings w;
  const std::string out = write_conll(f.corpus, f.tok, {}, w);
  const GoldImport imp = parse_conll(out, "samples.conll", f.corpus.schema(), f.tok);
  REQUIRE(imp.ok());
  REQUIRE(imp.documents.size() == f.corpus.document_count());
  // The import applies (offsets and labels sound against the schema).
  Fixture g(f.corpus.schema(), {});
  CHECK_NOTHROW(apply_gold(g.corpus, g.history, imp));
  // Every written B-/I- run is an imported span with that label and those tokens, in order.
  std::vector<Chunk> written;
  std::istringstream lines(out);
  for (std::string l; std::getline(lines, l);) {
    const size_t cut = l.find(" _ _ ");
    if (cut == std::string::npos) continue;
    const std::string word = l.substr(0, cut), tag = l.substr(cut + 5);
    if (tag.rfind("B-", 0) == 0) written.push_back({tag.substr(2), word});
    else if (tag.rfind("I-", 0) == 0) written.back().text += " " + word;
  }
  CHECK(chunks(imp) == written);
  const size_t begins = written.size();
  CHECK(begins > 5);
}

TEST_CASE("conll import: conlleval's CoNLL-2000 example and seqeval's tag cases", "[io][conll][import]") {
  AGREE_REQUIRE_REFDATA(ref, "spans/spans_expected.json");
  Tokenizer tok("en");
  const json& e = (*ref)["conll2000_ground_truth"];
  const auto text = refdata_text("spans/" + e["file"].get<std::string>());
  REQUIRE(text);
  // word POS gold guess: the guess is the last column, the gold the one before.
  ConllReadOptions gold;
  gold.tag_column = -2;
  for (const auto& [opt, count, key] : {std::make_tuple(ConllReadOptions{}, "found_chunks", "found"),
                                        std::make_tuple(gold, "gold_chunks", "gold")}) {
    INFO(count);
    const GoldImport imp = parse_conll(*text, "ground_truth.txt", chunk_schema(), tok, opt);
    REQUIRE(imp.ok());
    CHECK(imp.spans.size() == e[count].get<size_t>());
    std::map<std::string, size_t> per_type;
    for (const ImportedSpan& s : imp.spans) ++per_type[s.label];
    for (const auto& [type, v] : e["per_type"].items()) CHECK(per_type[type] == v[key].get<size_t>());
  }
  for (const json& c : (*ref)["tag_sequence_cases"]) {
    if (!c.contains("conlleval_chunks_gold")) continue;
    INFO(c["id"].get<std::string>());
    for (const char* side : {"gold", "pred"}) {
      const GoldImport imp = parse_conll(two_columns(c[side]), "case.tsv", chunk_schema(), tok);
      REQUIRE(imp.ok());
      // Sentences are separate lines of one text; chunk texts name their tokens.
      CHECK(chunks(imp) == expected_chunks(c[std::string("conlleval_chunks_") + side]));
    }
  }
}
