// End-to-end tests of `goldspan preannotate` and `goldspan search`: real process, real files.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_support.hpp"
#include "support.hpp"

namespace {

using goldspan::test::Run;
using goldspan::test::run;
using goldspan::test::temp_dir;
using goldspan::test::write_temp;
namespace fs = std::filesystem;
using json = nlohmann::json;

const std::string kSource = GOLDSPAN_SOURCE_DIR;
const std::string kSchema = kSource + "/assets/schema/default.json";
const std::string kTime = "--time 2024-01-01T00:00:00.000Z";

// A gold file of the harbor-a sample, without spans.
std::string harbor_gold() {
  const std::string path = temp_dir() + "/harbor-a.gold.json";
  const Run r = run("convert --from txt --to gold --schema " + kSchema + " " + kTime + " " + kSource +
                    "/assets/sample/harbor-a.txt " + path);
  REQUIRE(r.code == 0);
  return path;
}

std::vector<std::string> spans_of(const std::string& path) {
  const json j = json::parse(goldspan::test::read_file(path).value());
  std::vector<std::string> out;
  for (const auto& d : j["documents"])
    for (const auto& s : d["spans"]) out.push_back(s["text"].get<std::string>() + "/" + s["label"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("cli preannotate: a dictionary over a gold file gives the expected spans and counts", "[cli][search]") {
  const std::string in = harbor_gold();
  const std::string dict = write_temp("harbor.tsv",
                                      "# harbor names\n"
                                      "Kestrel Logistics\tORGANIZATION\n"
                                      "Valmora\tLOCATION\n"
                                      "Port of Valmora\tLOCATION\n"
                                      "\n"
                                      "Ines Oduya\tPERSON\n"
                                      "tomas brandt\tPERSON\n");
  const std::string out = temp_dir() + "/pre.json";
  const Run r = run("preannotate --dict " + dict + " --ignore-case " + kTime + " " + in + " -o " + out);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == in + ": 5 terms, 5 spans added, 0 refused by overlap rules, 0 already there (1 documents)\n");
  CHECK(spans_of(out) == std::vector<std::string>{"Port of Valmora/LOCATION", "Kestrel Logistics/ORGANIZATION",
                                                  "Ines Oduya/PERSON", "Kestrel Logistics/ORGANIZATION",
                                                  "Tomas Brandt/PERSON"});
  CHECK(run("validate " + out).code == 0);

  // Again over its own output: everything is there already.
  const std::string again = temp_dir() + "/pre2.json";
  const Run r2 = run("preannotate --dict " + dict + " --ignore-case " + kTime + " " + out + " -o " + again);
  REQUIRE(r2.code == 0);
  CHECK(r2.out == out + ": 5 terms, 0 spans added, 0 refused by overlap rules, 5 already there (1 documents)\n");

  // A shorter term crossing an existing span is refused by the overlap rules.
  const std::string cross = write_temp("cross.jsonl", "{\"term\": \"Logistics burned\", \"label\": \"EVENT\"}\n");
  const Run r3 = run("preannotate --dict " + cross + " " + kTime + " " + out + " -o " + again);
  REQUIRE(r3.code == 0);
  CHECK(r3.out == out + ": 1 terms, 0 spans added, 1 refused by overlap rules, 0 already there (1 documents)\n");
}

TEST_CASE("cli preannotate: a bad dictionary line is an error naming file and line; OUT is untouched", "[cli][search]") {
  const std::string in = harbor_gold();
  const std::string dict = write_temp("bad.tsv", "Valmora\tLOCATION\nKestrel Logistics ORGANIZATION\nOduya\tHUMAN\n");
  const std::string out = temp_dir() + "/never.json";
  fs::remove(out);
  const Run r = run("preannotate --dict " + dict + " " + in + " -o " + out);
  CHECK(r.code == 1);
  CHECK(r.err.find(dict + ": line 2: expected term<TAB>LABEL (no tab)") != std::string::npos);
  CHECK(r.err.find(dict + ": line 3: unknown label 'HUMAN' (not in the schema)") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  CHECK_FALSE(fs::exists(out + ".tmp"));

  const std::string existing = write_temp("existing.json", "keep me");
  CHECK(run("preannotate --dict " + dict + " " + in + " -o " + existing).code == 1);
  CHECK(goldspan::test::read_file(existing).value() == "keep me");

  CHECK(run("preannotate " + in + " -o " + out).code == 2);                      // no --dict
  CHECK(run("preannotate --dict /nonexistent.tsv " + in + " -o " + out).code == 1);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("cli search: JSONL hits, regex and case folding", "[cli][search]") {
  const std::string in = harbor_gold();
  const Run r = run("search 'kestrel logistics' " + in + " --ignore-case --context 4");
  REQUIRE(r.code == 0);
  CHECK(r.out ==
        "{\"doc\":\"harbor-a\",\"start\":103,\"end\":120,\"match\":\"Kestrel Logistics\",\"before\":\" by \",\"after\":\" bur\"}\n"
        "{\"doc\":\"harbor-a\",\"start\":325,\"end\":342,\"match\":\"Kestrel Logistics\",\"before\":\"g.  \",\"after\":\" den\"}\n");
  const Run re = run("search '\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+' " + in + " --regex --max 2");
  REQUIRE(re.code == 0);
  CHECK(re.out.find("\"match\":\"Kestrel Logistics\"") != std::string::npos);
  CHECK(re.out.find("\"match\":\"Ines Oduya\"") != std::string::npos);
  CHECK(std::count(re.out.begin(), re.out.end(), '\n') == 2);
  CHECK(run("search '(' " + in + " --regex").code == 2);
  CHECK(run("search x").code == 2);
}

TEST_CASE("cli preannotate: JSONL shards, each to its own gold file", "[cli][search]") {
  const std::string dict = write_temp("shards.tsv", "Bishkek\tLOCATION\nInes Oduya\tPERSON\n");
  const std::string a = write_temp("shard-a.jsonl", "{\"id\": \"a1\", \"text\": \"Ines Oduya flew to Bishkek.\"}\n"
                                                    "{\"id\": \"a2\", \"text\": \"BISHKEK, bishkek\"}\n");
  const std::string b = write_temp("shard-b.jsonl", "{\"id\": \"b1\", \"text\": \"Nothing here.\"}\n");
  const Run ra = run("preannotate --from jsonl --schema " + kSchema + " --dict " + dict + " --ignore-case " + kTime + " " + a +
                     " -o " + temp_dir() + "/shard-a.json");
  REQUIRE(ra.code == 0);
  CHECK(ra.out == a + ": 2 terms, 4 spans added, 0 refused by overlap rules, 0 already there (2 documents)\n");
  CHECK(spans_of(temp_dir() + "/shard-a.json") ==
        std::vector<std::string>{"Ines Oduya/PERSON", "Bishkek/LOCATION", "BISHKEK/LOCATION", "bishkek/LOCATION"});
  const Run rb = run("preannotate --from jsonl --schema " + kSchema + " --dict " + dict + " " + kTime + " " + b + " -o " +
                     temp_dir() + "/shard-b.json");
  REQUIRE(rb.code == 0);
  CHECK(spans_of(temp_dir() + "/shard-b.json").empty());
  CHECK(run("preannotate --from jsonl --dict " + dict + " " + b + " -o " + temp_dir() + "/x.json").code == 2);  // no schema
}
