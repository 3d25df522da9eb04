// goldspan agree --partial per shard under GNU parallel, then --merge: every figure that merges
// by summing equals the one of a single run over the whole files; what does not merge is flagged.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>

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

// The shipped samples 8 times over, and ../shared/corpus 3 times over when it is there.
std::string corpus_jsonl(size_t& documents) {
  std::string out;
  documents = 0;
  auto add = [&](const std::string& id, const std::string& path) {
    out += json({{"id", id}, {"text", goldspan::test::read_file(path).value()}}).dump() + "\n";
    ++documents;
  };
  for (int i = 0; i < 8; ++i)
    for (const char* name : {"harbor-a", "harbor-b", "multilingual"})
      add(std::string(name) + "-" + std::to_string(i), kSource + "/assets/sample/" + name + ".txt");
  const fs::path shared = fs::path(kSource) / ".." / "shared" / "corpus";
  if (fs::is_directory(shared)) {
    for (int i = 0; i < 3; ++i)
      for (const auto& e : fs::directory_iterator(shared))
        if (e.path().extension() == ".txt") add(e.path().stem().string() + "-" + std::to_string(i), e.path().string());
  } else {
    WARN("../shared/corpus absent: shipped samples only");
  }
  return out;
}

int sh(const std::string& cmd) { return std::system(("cd " + temp_dir() + " && " + cmd).c_str()); }

// Equal JSON, numbers to 1e-12 (sums over shards add in another order).
void near(const json& want, const json& got, const std::string& path) {
  INFO(path);
  if (want.is_number() && got.is_number()) {
    CHECK(got.get<double>() == Approx(want.get<double>()).margin(1e-12));
  } else if (want.is_object() && got.is_object()) {
    CHECK(want.size() == got.size());
    for (auto it = want.begin(); it != want.end(); ++it) {
      REQUIRE(got.contains(it.key()));
      near(it.value(), got[it.key()], path + "." + it.key());
    }
  } else if (want.is_array() && got.is_array()) {
    REQUIRE(want.size() == got.size());
    for (size_t i = 0; i < want.size(); ++i) near(want[i], got[i], path + "[" + std::to_string(i) + "]");
  } else {
    CHECK(want == got);
  }
}

}  // namespace

TEST_CASE("cli agree shards: --partial per shard under GNU parallel, --merge equals one run", "[cli][shards][partial]") {
  REQUIRE(sh("command -v parallel >/dev/null") == 0);  // scripts/setup.sh installs Debian's parallel
  const std::string dir = temp_dir();
  size_t documents = 0;
  write_temp("corpus.jsonl", corpus_jsonl(documents));
  write_temp("ana.tsv", "Ines Oduya\tPERSON\nKestrel Logistics\tORGANIZATION\nValmora\tLOCATION\nAkayev\tPERSON\nKyrgyzstan\tLOCATION\n");
  write_temp("bo.tsv", "Ines Oduya\tPERSON\nKestrel\tORGANIZATION\nValmora\tORGANIZATION\nAskar Akayev\tPERSON\n");
  write_temp("cy.tsv", "Oduya\tPERSON\nKestrel Logistics\tORGANIZATION\nValmora\tLOCATION\nKyrgyzstan\tORGANIZATION\n");
  const std::vector<std::string> who = {"ana", "bo", "cy"};
  for (const std::string& w : who)
    REQUIRE(run("preannotate --dict " + dir + "/" + w + ".tsv --annotator " + w + " --from jsonl --schema " + kSchema +
                " --time 2024-01-01T00:00:00.000Z " + dir + "/corpus.jsonl -o " + dir + "/" + w + ".jsonl").code == 0);
  // Shards by document: the same lines of every annotator's file in the same shard.
  const size_t per_shard = (documents + 2) / 3;
  REQUIRE(sh("rm -rf shards parts && mkdir shards parts") == 0);
  for (const std::string& w : who)
    REQUIRE(sh("split -l " + std::to_string(per_shard) + " -d --additional-suffix=.jsonl " + w + ".jsonl shards/" + w + "-") == 0);
  size_t shards = 0;
  for (const auto& e : fs::directory_iterator(dir + "/shards")) shards += e.path().filename().string().rfind("ana-", 0) == 0;
  REQUIRE(shards == 3);
  const std::string cli = GOLDSPAN_CLI;
  REQUIRE(sh("parallel --halt now,fail=1 -j 3 '" + cli +
             " agree --partial shards/ana-{}.jsonl shards/bo-{}.jsonl shards/cy-{}.jsonl > parts/{}.json 2>/dev/null' ::: 00 01 02") == 0);

  const Run whole = run("agree --json --per-label " + dir + "/ana.jsonl " + dir + "/bo.jsonl " + dir + "/cy.jsonl");
  const Run merged = run("agree --merge --json --per-label " + dir + "/parts/00.json " + dir + "/parts/01.json " + dir + "/parts/02.json");
  REQUIRE(whole.code == 0);
  INFO(merged.err);
  REQUIRE(merged.code == 0);
  const json w = json::parse(whole.out), m = json::parse(merged.out);

  REQUIRE(m["pairs"].size() == 3);
  for (size_t p = 0; p < 3; ++p)
    for (const char* key : {"a", "b", "exact", "overlap", "confusion", "relations"}) {
      REQUIRE(w["pairs"][p].contains(key) == m["pairs"][p].contains(key));
      if (w["pairs"][p].contains(key)) near(w["pairs"][p][key], m["pairs"][p][key], "pairs[" + std::to_string(p) + "]." + key);
    }
  near(w["tokens"], m["tokens"], "tokens");
  // Real numbers, not the trivial case: annotators disagree on spans and on tokens.
  CHECK(w["pairs"][0]["overlap"]["matched"].get<int>() > w["pairs"][0]["exact"]["matched"].get<int>());
  CHECK(w["tokens"]["fleiss_kappa"]["value"].get<double>() > 0);
  CHECK(w["tokens"]["fleiss_kappa"]["value"].get<double>() < 1);
  CHECK(w["tokens"]["tokens"].get<size_t>() > 1000);

  // Cross-document clusters and unitizing alpha need a second pass: flagged, with the reason, never a number.
  for (const char* key : {"clusters", "unitizing"}) {
    REQUIRE(m["not_merged"].contains(key));
    CHECK(m["not_merged"][key].get<std::string>().find("second pass") != std::string::npos);
    CHECK_FALSE(m.contains(key));
    CHECK_FALSE(m["pairs"][0].contains(key));
  }
  const Run text = run("agree --merge " + dir + "/parts/00.json " + dir + "/parts/01.json " + dir + "/parts/02.json");
  REQUIRE(text.code == 0);
  CHECK(text.out.find("not merged") != std::string::npos);
  CHECK(text.out.find("Fleiss' kappa") != std::string::npos);

  // The partial output is deterministic.
  REQUIRE(sh(cli + " agree --partial shards/ana-00.jsonl shards/bo-00.jsonl shards/cy-00.jsonl > again.json 2>/dev/null") == 0);
  CHECK(goldspan::test::read_file(dir + "/again.json") == goldspan::test::read_file(dir + "/parts/00.json"));
}

TEST_CASE("cli agree shards: --merge refuses other annotators and malformed counts, naming the file", "[cli][shards][partial]") {
  const std::string dir = temp_dir();
  const std::string a = "{\"format\": \"goldspan-agree-partial\", \"version\": 1, \"annotators\": [\"ana\", \"bo\"], \"pairs\": "
                        "[{\"exact\": {}, \"overlap\": {}, \"confusion\": [], \"only_a\": {}, \"only_b\": {}}], \"tokens\": "
                        "{\"units\": 0, \"categories\": {}, \"pair_tables\": [], \"fleiss\": {\"agreement_sum\": 0, "
                        "\"subjects\": 0, \"ratings\": {}}, \"coincidences\": []}}";
  write_temp("a.json", a);
  std::string b = a;
  b.replace(b.find("\"bo\""), 4, "\"cy\"");
  write_temp("b.json", b);
  std::string c = a;
  c.replace(c.find("\"units\": 0"), 10, "\"units\": -3");
  write_temp("c.json", c);
  CHECK(run("agree --merge " + dir + "/a.json " + dir + "/a.json").code == 0);
  Run r = run("agree --merge " + dir + "/a.json " + dir + "/b.json");
  CHECK(r.code == 1);
  CHECK(r.err.find("b.json") != std::string::npos);
  CHECK(r.err.find("annotators") != std::string::npos);
  r = run("agree --merge " + dir + "/a.json " + dir + "/c.json");
  CHECK(r.code == 1);
  CHECK(r.err.find("c.json") != std::string::npos);
  CHECK(r.err.find("$.tokens.units") != std::string::npos);
  CHECK(run("agree --merge --partial " + dir + "/a.json").code == 2);
}
