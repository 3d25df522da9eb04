// Corpora split into JSONL shards and run under GNU parallel (docs/shards.md): preannotate on 8
// shards in parallel, concatenated, gives the spans of one run over the whole corpus; agree and
// claims read the shards as they read gold files, with the same results.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "cli_support.hpp"
#include "support.hpp"

namespace {

using goldspan::test::Run;
using goldspan::test::run;
using goldspan::test::temp_dir;
using goldspan::test::write_temp;
using json = nlohmann::json;
namespace fs = std::filesystem;

const std::string kSource = GOLDSPAN_SOURCE_DIR;
const std::string kSchema = kSource + "/assets/schema/default.json";
const std::string kTime = "--time 2024-01-01T00:00:00.000Z";

// doc id → its spans as (start, end, label), from gold JSONL or a gold file.
using Spans = std::map<std::string, std::set<std::tuple<int, int, std::string>>>;
Spans spans_of(const std::string& path) {
  Spans out;
  auto add = [&](const json& file) {
    for (const auto& d : file["documents"]) {
      auto& s = out[d["id"].get<std::string>()];
      for (const auto& x : d["spans"]) s.insert({x["start"].get<int>(), x["end"].get<int>(), x["label"].get<std::string>()});
    }
  };
  const std::string text = goldspan::test::read_file(path).value();
  if (path.size() > 6 && path.substr(path.size() - 6) == ".jsonl") {
    for (size_t at = 0, nl; (nl = text.find('\n', at)) != std::string::npos; at = nl + 1) add(json::parse(text.substr(at, nl - at)));
  } else {
    add(json::parse(text));
  }
  return out;
}

// 24 documents from the shipped samples, as goldspan's text JSONL ({"id", "text"} per line).
std::string corpus_jsonl() {
  std::string out;
  for (int i = 0; i < 8; ++i)
    for (const char* name : {"harbor-a", "harbor-b", "multilingual"}) {
      const std::string text = goldspan::test::read_file(kSource + "/assets/sample/" + name + ".txt").value();
      out += json({{"id", std::string(name) + "-" + std::to_string(i)}, {"text", text}}).dump() + "\n";
    }
  return out;
}

int sh(const std::string& cmd) { return std::system(("cd " + temp_dir() + " && " + cmd).c_str()); }

}  // namespace

TEST_CASE("cli shards: preannotate on 8 shards under GNU parallel equals one run", "[cli][shards]") {
  REQUIRE(sh("command -v parallel >/dev/null") == 0);  // scripts/setup.sh installs Debian's parallel
  const std::string dir = temp_dir();
  write_temp("corpus.jsonl", corpus_jsonl());
  write_temp("names.tsv", "Ines Oduya\tPERSON\nKestrel Logistics\tORGANIZATION\nValmora\tLOCATION\nTomas Brandt\tPERSON\n");
  const std::string pre = std::string(GOLDSPAN_CLI) + " preannotate --dict names.tsv --from jsonl --schema " + kSchema + " " + kTime;
  REQUIRE(run("preannotate --dict " + dir + "/names.tsv --from jsonl --schema " + kSchema + " " + kTime + " " + dir +
              "/corpus.jsonl -o " + dir + "/whole.gold.json").code == 0);
  REQUIRE(sh("rm -rf shards out && mkdir shards out && split -n l/8 -d --additional-suffix=.jsonl corpus.jsonl shards/part-") == 0);
  size_t shards = 0;
  for (const auto& e : fs::directory_iterator(dir + "/shards")) shards += e.path().extension() == ".jsonl";
  REQUIRE(shards == 8);
  REQUIRE(sh("parallel --halt now,fail=1 -j 8 '" + pre + " {} -o out/{/}' ::: shards/*.jsonl >/dev/null") == 0);
  REQUIRE(sh("cat out/*.jsonl > merged.jsonl") == 0);

  const Spans whole = spans_of(dir + "/whole.gold.json"), merged = spans_of(dir + "/merged.jsonl");
  CHECK(whole.size() == 24);
  CHECK(merged == whole);
  size_t n = 0;
  for (const auto& [doc, s] : whole) n += s.size();
  CHECK(n > 24);  // every harbor text has several names

  // The merged shards are a gold corpus like any other: stats, claims, agree read them.
  const Run stats = run("stats --json " + dir + "/merged.jsonl");
  REQUIRE(stats.code == 0);
  CHECK(json::parse(stats.out)["totals"]["spans"] == n);
  REQUIRE(run("claims --format json " + dir + "/merged.jsonl").code == 0);
}

TEST_CASE("cli shards: agree over shard files gives the numbers of the whole files", "[cli][shards]") {
  const std::string dir = temp_dir();
  write_temp("corpus.jsonl", corpus_jsonl());
  write_temp("ana.tsv", "Ines Oduya\tPERSON\nKestrel Logistics\tORGANIZATION\nValmora\tLOCATION\n");
  write_temp("bo.tsv", "Ines Oduya\tPERSON\nKestrel\tORGANIZATION\nValmora\tORGANIZATION\n");
  for (const char* who : {"ana", "bo"}) {
    const std::string base = "preannotate --dict " + dir + "/" + who + ".tsv --annotator " + who + " --from jsonl --schema " + kSchema + " " +
                             kTime + " " + dir + "/corpus.jsonl -o " + dir + "/" + who;
    REQUIRE(run(base + ".gold.json").code == 0);
    REQUIRE(run(base + ".jsonl").code == 0);
  }
  const Run whole = run("agree --json " + dir + "/ana.gold.json " + dir + "/bo.gold.json");
  const Run shards = run("agree --json " + dir + "/ana.jsonl " + dir + "/bo.jsonl");
  REQUIRE(whole.code == 0);
  REQUIRE(shards.code == 0);
  json a = json::parse(whole.out), b = json::parse(shards.out);
  // File names differ; the annotators (from the files' provenance) and every number must not.
  for (auto* j : {&a, &b})
    for (auto& p : (*j)["annotators"]) p.erase("file");
  CHECK(a == b);
  CHECK(a.dump().find("0.") != std::string::npos);  // real, non-trivial numbers
}
