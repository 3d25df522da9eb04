// Reading a set of files as one import (core/io/read_files.hpp): detection by name and
// content, brat pairing, merging, and errors that name the file. The page's open path.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "io/brat.hpp"
#include "io/doccano.hpp"
#include "io/label_studio.hpp"
#include "io/prodigy.hpp"
#include "io/read_files.hpp"
#include "io_support.hpp"
#include "support.hpp"

using namespace goldspan;
using namespace goldspan::test;
using Catch::Contains;

namespace {

std::string fixture(const std::string& name) {
  const auto s = read_file(fixtures_dir() + "/" + name);
  REQUIRE(s);
  return *s;
}

FileKind kind(const std::string& name, const std::string& bytes) {
  std::string why;
  const auto k = detect_file(name, bytes, default_schema(), why);
  INFO(why);
  REQUIRE(k);
  return *k;
}

}  // namespace

TEST_CASE("detect_file: the format from the name, the content where the name is ambiguous", "[io][read_files]") {
  CHECK(kind("harbor-a.ann", "T1\tDATE 0 4\tFire\n") == FileKind::BratAnn);
  CHECK(kind("brat/annotation.conf", "[entities]\nDATE\n") == FileKind::BratConf);
  CHECK(kind("samples.gold.json", fixture("samples.gold.json")) == FileKind::Gold);
  CHECK(kind("broken.json", "{\"format\": ") == FileKind::Gold);  // its reader says where
  CHECK(kind("tasks.json", R"([{"id": 1, "data": {"text": "Fire"}, "annotations": [{"result": []}]}])") == FileKind::LabelStudio);
  CHECK(kind("one-task.json", R"({"data": {"text": "x"}, "predictions": []})") == FileKind::LabelStudio);
  CHECK(kind("export.jsonld", R"({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"})") ==
        FileKind::W3c);
  CHECK(kind("samples.doccano.jsonl", fixture("samples.doccano.jsonl")) == FileKind::Doccano);
  CHECK(kind("old.jsonl", "\n{\"text\": \"Fire\", \"label\": [[0, 4, \"EVENT\"]]}\n") == FileKind::Doccano);
  CHECK(kind("samples.corpus.jsonl", fixture("samples.corpus.jsonl")) == FileKind::Jsonl);
  CHECK(kind("p.jsonl", R"({"text": "Fire", "spans": [{"start": 0, "end": 4, "label": "EVENT"}]})") == FileKind::Prodigy);
  CHECK(kind("terms.jsonl", R"({"term": "Valmora", "label": "LOCATION"})") == FileKind::Dictionary);
  CHECK(kind("terms.tsv", "# places\nPort of Valmora\tLOCATION\nKestrel Logistics\tORGANIZATION\n") == FileKind::Dictionary);
  CHECK(kind("terms.txt", "Port of Valmora\tLOCATION\r\n") == FileKind::Dictionary);
  CHECK(kind("ner.conll", "x") == FileKind::Conll);
  CHECK(kind("ner.txt", "-DOCSTART- -X- -X- O\n\nInes _ _ B-PERSON\nOduya _ _ I-PERSON\nsaid _ _ O\n") == FileKind::Conll);
  CHECK(kind("ner.tsv", "Ines\tB-PERSON\nsaid\tO\n") == FileKind::Conll);
  CHECK(kind("ner.tsv", "Ines _ B-PERSON\nsaid _ O\n") == FileKind::Conll);
  CHECK(kind("typo.tsv", "Valmora\tPLACE\n") == FileKind::Dictionary);  // its reader reports the label, by line
  // A tab-separated line whose second column is no label of the schema is text, not a dictionary.
  CHECK(kind("notes.txt", "Port of Valmora\tsomewhere\n") == FileKind::Text);
  CHECK(kind("README", "Fire crews spent Saturday night.") == FileKind::Text);

  std::string why;
  CHECK_FALSE(detect_file("photo.png", "\x89PNG", default_schema(), why));
  CHECK_THAT(why, Contains("photo.png: not a format goldspan reads"));
  CHECK_FALSE(detect_file("table.tsv", "a\tb\tc\n", default_schema(), why));
  CHECK_THAT(why, Contains("table.tsv: neither a dictionary"));
}

TEST_CASE("read_files: brat pairs, doccano and Label Studio merged into one import", "[io][read_files]") {
  Tokenizer tok("en");
  const std::string txt = fixture("brat/harbor-a.txt"), ann = fixture("brat/harbor-a.ann");
  // The same files read one by one, for the expected counts.
  const GoldImport brat = parse_brat({{"harbor-a", txt, ann, "harbor-a.ann"}}, default_schema(), tok);
  REQUIRE(brat.ok());
  Fixture f;
  annotate_samples(f);
  Warnings w;
  std::string ls = write_label_studio(f.corpus, w);
  const GoldImport studio = parse_label_studio(ls, "ls.json", default_schema(), tok);
  REQUIRE(studio.ok());

  // The Label Studio tasks carry the same document ids as the brat pair: renamed here.
  auto tasks = nlohmann::json::parse(ls);
  for (auto& t : tasks) t["data"]["doc_id"] = "ls-" + t["data"]["doc_id"].get<std::string>();
  ls = tasks.dump();
  ReadFiles r = read_files({{"corpus/harbor-a.txt", txt}, {"ls.json", ls}, {"corpus/harbor-a.ann", ann}}, default_schema(), tok);
  INFO((r.import.errors.empty() ? "" : r.import.errors[0]));
  REQUIRE(r.import.ok());
  CHECK(r.dictionaries.empty());
  REQUIRE(r.import.documents.size() == 1 + studio.documents.size());
  CHECK(r.import.documents[0]->id() == "harbor-a");  // the .txt is brat's text, not a document of its own
  CHECK(r.import.documents[1]->id() == "ls-harbor-a");
  CHECK(r.import.spans.size() == brat.spans.size() + studio.spans.size());
  CHECK(r.import.relations.size() == brat.relations.size() + studio.relations.size());
  // References of the second file point into its own documents and spans after the merge.
  const ImportedRelation& last = r.import.relations.back();
  CHECK(r.import.spans[last.from].doc == last.doc);
  CHECK(last.doc >= 1);

  // Applied as one step: undo removes every span of every file.
  Corpus corpus(default_schema());
  History history(corpus);
  apply_gold(corpus, history, r.import);
  CHECK(corpus.span_ids().size() == r.import.spans.size());
  history.undo();
  CHECK(corpus.span_ids().empty());
}

TEST_CASE("read_files: a bad file among good ones is named, with the place", "[io][read_files]") {
  Tokenizer tok("en");
  const std::string txt = fixture("brat/harbor-a.txt");
  std::string ann = fixture("brat/harbor-a.ann");
  ann.replace(ann.find("DATE"), 4, "WEATHER");  // a label the schema lacks
  ReadFiles r = read_files({{"harbor-a.txt", txt}, {"harbor-a.ann", ann}, {"more.txt", "Fine text."}}, default_schema(), tok);
  REQUIRE_FALSE(r.import.ok());
  CHECK_THAT(r.import.errors[0], Contains("harbor-a.ann: line 1"));
  CHECK_THAT(r.import.errors[0], Contains("WEATHER"));

  r = read_files({{"lonely.ann", "T1\tDATE 0 4\tFire\n"}, {"ok.txt", "Fire."}}, default_schema(), tok);
  REQUIRE(r.import.errors.size() == 1);
  CHECK_THAT(r.import.errors[0], Contains("lonely.ann: no lonely.txt with it"));

  r = read_files({{"a.txt", "Fire."}, {"x.png", "\x89PNG"}}, default_schema(), tok);
  REQUIRE(r.import.errors.size() == 1);
  CHECK_THAT(r.import.errors[0], Contains("x.png"));

  r = read_files({{"d.jsonl", fixture("samples.doccano.jsonl")}, {"harbor-a.txt", txt}, {"harbor-a.ann", fixture("brat/harbor-a.ann")}},
                 default_schema(), tok);
  REQUIRE_FALSE(r.import.ok());
  CHECK_THAT(r.import.errors.back(), Contains("d.jsonl: document 'harbor-a' is also in harbor-a.ann"));

  r = read_files({{"ner.conll", "Ines _ _ B-PERSON\nOduya _ _ I-PERSON\n"}}, default_schema(), tok);
  REQUIRE(r.import.ok());
  REQUIRE(r.import.spans.size() == 1);
  CHECK(r.import.documents[0]->text() == "Ines Oduya");
  CHECK(r.import.spans[0].label == "PERSON");
  r = read_files({{"ner.conll", "Ines _ _ B-NOPE\n"}}, default_schema(), tok);
  REQUIRE(r.import.errors.size() == 1);
  CHECK_THAT(r.import.errors[0], Contains("ner.conll: line 1"));
}

TEST_CASE("Prodigy: accepted examples read, with spans and relations; what the export wrote reads back", "[io][read_files][prodigy]") {
  Tokenizer tok("en");
  ReadFiles r = read_files({{"p.jsonl",
                             "{\"text\": \"Fire at the Port of Valmora\", \"meta\": {\"id\": \"p1\"}, \"answer\": \"accept\","
                             " \"spans\": [{\"start\": 12, \"end\": 27, \"label\": \"LOCATION\"}]}\n"
                             "{\"text\": \"Nothing here\", \"answer\": \"reject\", \"spans\": []}\n"}},
                           default_schema(), tok);
  INFO((r.import.errors.empty() ? "" : r.import.errors[0]));
  REQUIRE(r.import.ok());
  REQUIRE(r.import.documents.size() == 1);
  CHECK(r.import.documents[0]->id() == "p1");
  REQUIRE(r.import.spans.size() == 1);
  CHECK(r.import.spans[0].fragments[0] == Range{12, 27});
  CHECK_THAT(r.import.warnings.at(0), Contains("1 examples not accepted"));

  r = read_files({{"bad.jsonl", R"({"text": "Fire", "spans": [{"start": 0, "end": 4, "label": "BLAZE"}]})"}}, default_schema(), tok);
  REQUIRE_FALSE(r.import.ok());
  CHECK_THAT(r.import.errors[0], Contains("bad.jsonl: line 1: spans[0]"));

  Fixture f;
  annotate_samples(f);
  Warnings w;
  const std::string prodigy = write_prodigy(f.corpus, w);
  size_t spans = 0, relations = 0;
  for (size_t b = 0, e; (e = prodigy.find('\n', b)) != std::string::npos; b = e + 1) {
    const auto j = nlohmann::json::parse(prodigy.substr(b, e - b));
    spans += j["spans"].size();
    relations += j["relations"].size();
  }
  r = read_files({{"goldspan.prodigy.jsonl", prodigy}}, default_schema(), tok);
  INFO((r.import.errors.empty() ? "" : r.import.errors[0]));
  REQUIRE(r.import.ok());
  CHECK(r.import.documents.size() == f.corpus.document_count());
  CHECK(r.import.spans.size() == spans);
  CHECK(r.import.relations.size() == relations);
  CHECK(relations > 0);
}

TEST_CASE("read_files: dictionaries are handed back, plain texts keep their file names as ids", "[io][read_files]") {
  Tokenizer tok("en");
  ReadFiles r = read_files({{"places.tsv", "Port of Valmora\tLOCATION\n"}, {"note.txt", "At the Port of Valmora."}}, default_schema(), tok);
  REQUIRE(r.import.ok());
  REQUIRE(r.dictionaries.size() == 1);
  CHECK(r.dictionaries[0].name == "places.tsv");
  REQUIRE(r.import.documents.size() == 1);
  CHECK(r.import.documents[0]->id() == "note.txt");
}
