// End-to-end tests of `goldspan validate`, `convert` and `stats`: real process, real files.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_support.hpp"
#include "support.hpp"

namespace {

using goldspan::test::Run;
using goldspan::test::run;
using goldspan::test::write_temp;
using goldspan::test::temp_dir;

namespace fs = std::filesystem;
using json = nlohmann::json;


const std::string kSource = GOLDSPAN_SOURCE_DIR;
const std::string kGold = kSource + "/tests/io/fixtures/samples.gold.json";
const std::string kSchema = kSource + "/assets/schema/default.json";
const std::string kTime = "--time 2024-01-01T00:00:00.000Z";

json gold_of(const std::string& path) { return json::parse(goldspan::test::read_file(path).value()); }

}  // namespace

TEST_CASE("cli validate: a good file, bad files with every error, exit codes", "[cli][io]") {
  const Run ok = run("validate " + kGold);
  CHECK(ok.code == 0);
  CHECK(ok.out == kGold + ": valid (3 documents, 20 spans, 6 relations, 4 clusters, 3 cluster links)\n");
  CHECK(run("validate --schema " + kSchema + " " + kGold).code == 0);

  json j = gold_of(kGold);
  j["documents"][0]["spans"][0]["label"] = "TIME";
  j["documents"][1]["sha256"] = std::string(64, '0');
  const std::string bad = write_temp("bad.json", j.dump());
  const Run r = run("validate " + kGold + " " + bad);
  CHECK(r.code == 1);
  CHECK(r.out == kGold + ": valid (3 documents, 20 spans, 6 relations, 4 clusters, 3 cluster links)\n" + bad + ": INVALID (2 errors)\n");
  CHECK(r.err.find("goldspan validate: " + bad + ": documents[0].spans[0].label: unknown label 'TIME' (not in the schema)\n") != std::string::npos);
  CHECK(r.err.find(bad + ": documents[1].sha256: does not match the text") != std::string::npos);

  const Run missing = run("validate /nonexistent/gold.json");
  CHECK(missing.code == 1);
  CHECK(missing.err.find("/nonexistent/gold.json: cannot open") != std::string::npos);
  CHECK(run("validate").code == 2);
  CHECK(run("validate --frob x").code == 2);
}

TEST_CASE("cli validate: a 100 MB file is refused by its size with a clear error", "[cli][io]") {
  // A sparse file: the refusal comes from the size, before anything is read (no timing here:
  // a loaded machine made a "quickly" bound flaky).
  const std::string big = temp_dir() + "/big.json";
  std::ofstream(big, std::ios::binary) << ' ';
  fs::resize_file(big, 100u << 20);
  const Run r = run("validate " + big);
  CHECK(r.code == 1);
  CHECK(r.err == "goldspan validate: " + big + ": the file is 100.0 MiB, more than the 64 MiB an import may have\n");
  fs::remove(big);
}

TEST_CASE("cli convert: gold to gold is lossless and deterministic", "[cli][io]") {
  const std::string out = temp_dir() + "/again.json";
  const Run r = run("convert --from gold --to gold " + kTime + " " + kGold + " " + out);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  json a = gold_of(kGold), b = gold_of(out);
  a["provenance"].erase("tool_version");
  b["provenance"].erase("tool_version");
  CHECK(a == b);
  const std::string out2 = temp_dir() + "/again2.json";
  REQUIRE(run("convert --from gold --to gold " + kTime + " " + out + " " + out2).code == 0);
  CHECK(goldspan::test::read_file(out) == goldspan::test::read_file(out2));
  REQUIRE(run("convert --from gold --to gold --utf16 " + kTime + " " + kGold + " " + out).code == 0);
  CHECK(gold_of(out)["documents"][2]["spans"][0].contains("start_utf16"));
}

TEST_CASE("cli convert: brat out and back in, warnings on stderr", "[cli][io]") {
  const std::string dir = temp_dir() + "/brat";
  const Run r = run("convert --from gold --to brat " + kGold + " " + dir);
  REQUIRE(r.code == 0);
  CHECK(r.err.find("goldspan convert: warning: brat: 3 claim links not carried") != std::string::npos);
  CHECK(fs::exists(dir + "/harbor-a.ann"));
  CHECK(fs::exists(dir + "/multilingual.txt"));
  CHECK(fs::exists(dir + "/annotation.conf"));
  const std::string back = temp_dir() + "/from-brat.json";
  const Run b = run("convert --from brat --to gold --schema " + kSchema + " " + kTime + " " + dir + " " + back);
  REQUIRE(b.code == 0);
  CHECK(b.err.find("notes (#) skipped") != std::string::npos);
  const json g = gold_of(back), orig = gold_of(kGold);
  REQUIRE(g["documents"].size() == 3);
  for (size_t d = 0; d < 3; ++d) {
    CHECK(g["documents"][d]["spans"].size() == orig["documents"][d]["spans"].size());
    CHECK(g["documents"][d]["relations"].size() == orig["documents"][d]["relations"].size());
  }
  CHECK(g["documents"][0]["spans"][0]["annotator"] == "import");
  CHECK(g["documents"][0]["spans"][0]["created"] == "2024-01-01T00:00:00.000Z");
  CHECK(run("convert --from brat --to gold " + dir + " " + back).code == 2);  // no --schema
}

TEST_CASE("cli convert: every output format, and inputs txt, jsonl, doccano, label-studio", "[cli][io]") {
  for (const char* to : {"conll", "doccano", "label-studio", "prodigy", "w3c", "gold"}) {
    INFO(to);
    const Run r = run(std::string("convert --from gold --to ") + to + " " + kGold + " -");
    CHECK(r.code == 0);
    CHECK(!r.out.empty());
  }
  const std::string txt = run("convert --from txt --to gold --schema " + kSchema + " " + kTime + " " + kSource + "/assets/sample -").out;
  const json t = json::parse(txt);
  REQUIRE(t["documents"].size() == 3);
  CHECK(t["documents"][0]["id"] == "harbor-a");
  CHECK(t["documents"][0]["spans"].empty());
  const std::string jsonl = write_temp("c.jsonl", "{\"id\": \"x\", \"text\": \"Ines Oduya\"}\n");
  CHECK(json::parse(run("convert --from jsonl --to gold --schema " + kSchema + " " + jsonl + " -").out)["documents"][0]["text"] == "Ines Oduya");
  for (const char* fmt : {"doccano", "label-studio"}) {
    INFO(fmt);
    const std::string mid = temp_dir() + "/mid-" + fmt;
    REQUIRE(run(std::string("convert --from gold --to ") + fmt + " " + kGold + " " + mid).code == 0);
    const Run back = run(std::string("convert --from ") + fmt + " --to gold --schema " + kSchema + " " + mid + " -");
    REQUIRE(back.code == 0);
    CHECK(json::parse(back.out)["documents"][1]["spans"].size() == 4);
  }
}

TEST_CASE("cli convert: errors and usage", "[cli][io]") {
  json j = gold_of(kGold);
  j["documents"][0]["spans"][0]["end"] = 9999;
  const std::string bad = write_temp("bad-convert.json", j.dump());
  const Run r = run("convert --from gold --to brat " + bad + " " + temp_dir() + "/never");
  CHECK(r.code == 1);
  CHECK(r.err.find("documents[0].spans[0].end: 9999 is past the end of the text") != std::string::npos);
  CHECK(r.err.find("not converted") != std::string::npos);
  CHECK_FALSE(fs::exists(temp_dir() + "/never"));
  CHECK(run("convert --from gold --to docx " + kGold + " -").code == 2);
  CHECK(run("convert --from pdf --to gold " + kGold + " -").code == 2);
  CHECK(run("convert --from gold " + kGold + " -").code == 2);
  CHECK(run("convert --from gold --to gold --time yesterday " + kGold + " -").code == 2);
}

TEST_CASE("cli stats: per label, per document, per annotator", "[cli][io]") {
  const Run r = run("stats " + kGold);
  REQUIRE(r.code == 0);
  CHECK(r.out.find(kGold + ": 3 documents, 20 spans, 6 relations, 4 clusters (2 entity, 2 claim), 3 cluster links") == 0);
  CHECK(r.out.find("per annotator") != std::string::npos);
  CHECK(r.out.find("čeněk") != std::string::npos);
  const json s = json::parse(run("stats --json " + kGold).out);
  CHECK(s["labels"]["PERSON"] == 4);
  CHECK(s["labels"]["CLAIM"] == 6);
  CHECK(s["labels"]["EVENT"] == 1);
  CHECK(s["relation_types"]["claimant"] == 4);
  CHECK(s["link_types"]["refines"] == 0);
  CHECK(s["per_document"]["harbor-b"]["spans"] == 4);
  CHECK(s["per_annotator"]["bo"]["spans"] == 6);
  CHECK(s["per_annotator"]["ana"]["clusters"] == 4);
  CHECK(run("stats").code == 2);
  CHECK(run("stats /nonexistent.json").code == 1);
}
