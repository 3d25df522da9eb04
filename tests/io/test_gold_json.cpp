// The gold JSON format: a committed golden file, byte-identical re-export, lossless import,
// all-or-nothing application, and UTF-16 offsets.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "io/sha256.hpp"
#include "io_support.hpp"

using namespace goldspan;
using namespace goldspan::test;
using ojson = nlohmann::ordered_json;

TEST_CASE("gold: the annotated samples match the committed golden file", "[io][gold]") {
  Fixture f;
  annotate_samples(f);
  const std::string out = write_gold(f.corpus, fixed_options());
  const std::string path = fixtures_dir() + "/samples.gold.json";
  if (std::getenv("GOLDSPAN_UPDATE_FIXTURES")) std::ofstream(path, std::ios::binary) << out;
  const auto golden = read_file(path);
  REQUIRE(golden);
  // A change here is a change of the file format: update docs/gold-json.md with it.
  CHECK(out == *golden);
}

TEST_CASE("gold: the same state always gives the same bytes, and the shape of the spec", "[io][gold]") {
  Fixture f;
  annotate_samples(f);
  const std::string a = write_gold(f.corpus, fixed_options());
  CHECK(write_gold(f.corpus, fixed_options()) == a);
  const ojson j = ojson::parse(a);
  CHECK(j["format"] == "goldspan-gold");
  CHECK(j["version"] == 1);
  CHECK(j["offset_unit"] == "codepoint");
  CHECK(j["schema"] == default_schema().to_json());
  REQUIRE(j["documents"].size() == 3);
  const ojson& d = j["documents"][0];
  CHECK(d["sha256"] == sha256_hex(f.doc(0).text()));
  // Spans by start, end, id; text repeats the slice; tokens end-exclusive.
  uint64_t prev = 0;
  for (const ojson& s : d["spans"]) {
    CHECK(s["start"].get<uint64_t>() >= prev);
    prev = s["start"].get<uint64_t>();
    CHECK(s["text"] == std::string(f.doc(0).slice(s["start"].get<uint32_t>(), s["end"].get<uint32_t>())));
    CHECK(s["token_start"].get<uint32_t>() < s["token_end"].get<uint32_t>());
  }
  const ojson& ines = d["spans"][2];
  CHECK(ines["text"] == "Kestrel Logistics");
  // The discontinuous claim carries its fragments.
  bool found = false;
  for (const ojson& s : d["spans"])
    if (s.contains("fragments")) {
      found = true;
      CHECK(s["kind"] == "claim");
      CHECK(s["fragments"].size() == 2);
      CHECK(s["attributes"]["stance"] == "denied");
      CHECK(s["annotator"] == "bo");
    }
  CHECK(found);
  CHECK(j["clusters"].size() == 4);
  CHECK(j["clusters"][0]["members"].size() == 3);
  CHECK(j["clusters"][0]["members"][2]["doc"] == "multilingual");
  CHECK(j["cluster_links"].size() == 3);
  CHECK(j["cluster_links"][0]["from"] == "c4");
  CHECK(j["cluster_links"][0]["to"]["doc"] == "harbor-a");
  CHECK(j["provenance"]["annotators"] == ojson::parse(R"(["ana", "bo", "čeněk"])"));
  CHECK(j["provenance"]["exported_at"] == kFixedTime);
}

TEST_CASE("gold: export, import into an empty corpus, export again: identical state and bytes", "[io][gold]") {
  Fixture f;
  annotate_samples(f);
  const std::string first = write_gold(f.corpus, fixed_options());
  Blank b;
  const GoldImport in = parse_gold(first, "samples.gold.json", &b.corpus.schema(), b.tok);
  REQUIRE(in.errors.empty());
  CHECK(in.warnings.empty());
  CHECK(in.documents.size() == 3);
  const AppliedIds ids = apply_gold(b.corpus, b.history, in);
  CHECK(ids.spans.size() == f.corpus.span_count());
  CHECK(dump_without_modified(b.corpus) == dump_without_modified(f.corpus));
  CHECK(write_gold(b.corpus, fixed_options()) == first);
  b.corpus.check_invariants();
  // The whole import is one undo step and one journal line.
  CHECK(b.history.undo_size() == 1);
  b.history.undo();
  CHECK(b.corpus.span_count() == 0);
  b.history.redo();
  CHECK(write_gold(b.corpus, fixed_options()) == first);
}

TEST_CASE("gold: the import is journaled as one bulk entry that replays to the same state", "[io][gold]") {
  Fixture f;
  annotate_samples(f);
  const std::string file = write_gold(f.corpus, fixed_options());
  Blank b;
  std::vector<std::string> journal;
  b.history.set_journal([&](const std::string& line) { journal.push_back(line); });
  apply_gold(b.corpus, b.history, parse_gold(file, "g.json", nullptr, b.tok));
  REQUIRE(journal.size() == 1);
  Blank r;
  for (size_t i = 0; i < b.corpus.document_count(); ++i)
    r.corpus.add_document(std::make_shared<Document>(b.corpus.document(i).id(), std::string(b.corpus.document(i).text()), r.tok));
  replay_journal(r.history, journal[0] + "\n");
  CHECK(r.corpus.canonical_dump() == b.corpus.canonical_dump());
}

TEST_CASE("gold: UTF-16 offsets on request, checked on import", "[io][gold]") {
  Fixture f;
  annotate_samples(f);
  const std::string file = write_gold(f.corpus, fixed_options(true));
  ojson j = ojson::parse(file);
  const ojson& doc = j["documents"][2];  // multilingual: emoji and astral characters
  const Document& d = f.doc(2);
  for (const ojson& s : doc["spans"]) {
    CHECK(s["start_utf16"] == d.offsets().utf16_of_cp(s["start"].get<uint32_t>()));
    CHECK(s["end_utf16"] == d.offsets().utf16_of_cp(s["end"].get<uint32_t>()));
  }
  const ojson& flag = doc["spans"][doc["spans"].size() - 1];
  CHECK(flag["text"] == "🇰🇬");
  CHECK(flag["end_utf16"].get<uint32_t>() - flag["start_utf16"].get<uint32_t>() == 4);
  CHECK(flag["end"].get<uint32_t>() - flag["start"].get<uint32_t>() == 2);
  Blank b;
  CHECK(parse_gold(file, "u.json", nullptr, b.tok).errors.empty());
  j["documents"][2]["spans"][0]["end_utf16"] = 1;
  const GoldImport bad = parse_gold(j.dump(), "u.json", nullptr, b.tok);
  REQUIRE(bad.errors.size() == 1);
  CHECK_THAT(bad.errors[0], Catch::Contains("u.json: documents[2].spans[0].end_utf16: is 1, but code point"));
}

TEST_CASE("gold: applying fails as a whole, changing nothing, when the corpus does not fit", "[io][gold]") {
  Fixture f;
  annotate_samples(f);
  const std::string file = write_gold(f.corpus, fixed_options());

  SECTION("spans crossing spans already there (PERSON may not overlap)") {
    Blank b;
    b.corpus.add_document(std::make_shared<Document>("harbor-a", std::string(f.doc(0).text()), b.tok));
    b.history.run<AddSpan>("harbor-a", "PERSON", std::vector<Range>{find_text(b.corpus.document(0), "master Ines")});
    const std::string before = b.corpus.canonical_dump();
    const GoldImport in = parse_gold(file, "g.json", &b.corpus.schema(), b.tok);
    REQUIRE(in.ok());
    try {
      apply_gold(b.corpus, b.history, in);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK_THAT(std::string(e.what()), Catch::Contains("documents[0].spans[") && Catch::Contains("PERSON spans may not overlap") &&
                                            Catch::Contains("s1 already in harbor-a"));
    }
    CHECK(b.corpus.canonical_dump() == before);
    CHECK(b.corpus.document_count() == 1);  // the other documents were not added either
    CHECK(b.history.undo_size() == 1);
  }
  SECTION("a document of the same id with another text") {
    Blank b;
    b.corpus.add_document(std::make_shared<Document>("harbor-b", "other text", b.tok));
    const GoldImport in = parse_gold(file, "g.json", &b.corpus.schema(), b.tok);
    CHECK_THROWS_WITH(apply_gold(b.corpus, b.history, in), Catch::Contains("harbor-b") && Catch::Contains("different text"));
    CHECK(b.corpus.document_count() == 1);
  }
  SECTION("documents missing when the caller adds them itself") {
    Blank b;
    const GoldImport in = parse_gold(file, "g.json", &b.corpus.schema(), b.tok);
    CHECK_THROWS_WITH(apply_annotations(b.history, in), Catch::Contains("not in the corpus"));
    CHECK(add_documents(b.corpus, in) == 3);
    CHECK(add_documents(b.corpus, in) == 0);
    apply_annotations(b.history, in);
    CHECK(write_gold(b.corpus, fixed_options()) == file);
  }
  SECTION("an import with errors is never applied") {
    Blank b;
    GoldImport in = parse_gold(file, "g.json", &b.corpus.schema(), b.tok);
    in.errors.push_back("g.json: something");
    CHECK_THROWS_WITH(apply_gold(b.corpus, b.history, in), Catch::Contains("1 errors"));
    CHECK(b.corpus.document_count() == 0);
  }
}

TEST_CASE("gold: imported into a corpus that has annotations, ids are new and mapped", "[io][gold]") {
  Fixture f;
  annotate_samples(f);
  const std::string file = write_gold(f.corpus, fixed_options());
  Fixture g;  // same documents, its own annotations first
  const SpanId mine = g.add("EVENT", "a blaze");
  const GoldImport in = parse_gold(file, "g.json", &g.corpus.schema(), g.tok);
  REQUIRE(in.ok());
  const AppliedIds ids = apply_gold(g.corpus, g.history, in);
  CHECK(g.corpus.span_count() == f.corpus.span_count() + 1);
  CHECK(std::find(ids.spans.begin(), ids.spans.end(), mine) == ids.spans.end());
  CHECK(ids.spans[0] == mine + 1 + (parse_id('s', in.spans[0].id) - 1));
  g.corpus.check_invariants();
}

TEST_CASE("gold: records without annotator or time get the history's", "[io][gold]") {
  Blank b;
  const std::string text = "Ines Oduya said so.";
  const std::string file = R"({"format": "goldspan-gold", "version": 1, "offset_unit": "codepoint", "schema": )" +
                           default_schema().to_json().dump() + R"(, "documents": [{"id": "d", "text": ")" + text +
                           R"(", "sha256": ")" + sha256_hex(text) + R"(", "spans": [
      {"id": "a", "kind": "entity", "label": "PERSON", "start": 0, "end": 10, "text": "Ines Oduya"},
      {"id": "b", "kind": "cue", "label": "CUE", "start": 11, "end": 15, "text": "said", "annotator": "zoe"},
      {"id": "c", "kind": "entity", "label": "DATE", "start": 16, "end": 18, "text": "so", "created": "2020-01-01T00:00:00Z"}]}]})";
  const GoldImport in = parse_gold(file, "min.json", nullptr, b.tok);
  REQUIRE(in.errors.empty());
  apply_gold(b.corpus, b.history, in);
  REQUIRE(b.corpus.span_count() == 3);
  CHECK(b.corpus.annotator_name(b.corpus.span(1).annotator) == "importer");
  CHECK(b.corpus.span(1).created == 1800000000000);
  CHECK(b.corpus.annotator_name(b.corpus.span(2).annotator) == "zoe");
  CHECK(b.corpus.span(2).created == 1800000000000);
  CHECK(b.corpus.annotator_name(b.corpus.span(3).annotator) == "importer");
  CHECK(b.corpus.span(3).created == 1577836800000);
  CHECK(b.history.annotator() == "importer");
}

TEST_CASE("gold: token indices are derived data, a mismatch is a warning", "[io][gold]") {
  Fixture f;
  annotate_samples(f);
  ojson j = ojson::parse(write_gold(f.corpus, fixed_options()));
  j["documents"][0]["spans"][0]["token_start"] = 2;
  Blank b;
  const GoldImport in = parse_gold(j.dump(), "t.json", nullptr, b.tok);
  CHECK(in.errors.empty());
  REQUIRE(in.warnings.size() == 1);
  CHECK(in.warnings[0] == "t.json: documents[0].spans[0]: token_start/token_end 2..5 differ from this tokenizer's 3..5 (tokens are recomputed on export)");
  for (ojson& s : j["documents"][0]["spans"]) s.erase("token_end");
  CHECK(parse_gold(j.dump(), "t.json", nullptr, b.tok).warnings.size() == 1);  // token fields are optional
}

TEST_CASE("gold: the embedded schema is canonical and reads back equal", "[io][gold]") {
  const nlohmann::ordered_json j = default_schema().to_json();
  const Schema again = Schema::from_json(nlohmann::json::parse(j.dump()));
  CHECK(again.to_json() == j);
  CHECK(j["relation_types"][2]["target"].size() == 6);  // "entity" expanded to the six entity types
  CHECK(j["entity_types"][0]["allow_overlap"] == false);
  CHECK_FALSE(j["entity_types"][1].contains("description"));
}
