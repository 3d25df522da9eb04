// End-to-end tests of `goldspan claims`: the claims table of the shipped fixture (two harbour
// fire reports and a multilingual one, with claim clusters and same/contradicts/supports links).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

#include "cli_support.hpp"
#include "support.hpp"

namespace {

using goldspan::test::Run;
using goldspan::test::run;
using goldspan::test::temp_dir;
using json = nlohmann::json;

const std::string kFixture = std::string(GOLDSPAN_SOURCE_DIR) + "/tests/io/fixtures/samples.gold.json";

std::vector<std::string> texts(const json& cell) {
  std::vector<std::string> out;
  for (const auto& c : cell) out.push_back(c["span"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("cli claims: rows from claim clusters and same links, one column per document", "[cli][claims]") {
  const Run r = run("claims --format json " + kFixture);
  REQUIRE(r.code == 0);
  const json t = json::parse(r.out);
  CHECK(t["documents"] == json({"harbor-a", "harbor-b", "multilingual"}));
  const json& rows = t["rows"];
  REQUIRE(rows.size() == 4);
  // Row 1: cluster c4 "Sprinklers failed" (s8, s15) joined by "same" with s10.
  CHECK(rows[0]["name"] == "Sprinklers failed");
  CHECK(texts(rows[0]["cells"]["harbor-a"]) == std::vector<std::string>{"s8", "s10"});
  CHECK(texts(rows[0]["cells"]["harbor-b"]) == std::vector<std::string>{"s15"});
  CHECK(rows[0]["cells"]["harbor-a"][0]["claimants"] == json({"Ines Oduya"}));
  CHECK(rows[0]["cells"]["harbor-a"][0]["cues"] == json({"said"}));
  CHECK(rows[0]["cells"]["harbor-a"][0]["stance"] == "asserted");
  CHECK(rows[0]["cells"]["harbor-a"][1]["stance"] == "denied");
  CHECK(rows[0]["contradicted"] == false);
  // Row 2: s11 alone; row 3: cluster c3 with the contradicts link inside it; row 4: the Chinese claim.
  CHECK(texts(rows[1]["cells"]["harbor-a"]) == std::vector<std::string>{"s11"});
  CHECK(rows[2]["name"] == "Were workers injured?");
  CHECK(rows[2]["contradicted"] == true);
  CHECK(rows[3]["cells"]["multilingual"][0]["text"] == "十四名工人已被疏散");
  // supports (c4 → c3) is shown on both rows without joining them.
  CHECK(rows[0]["links"] == json::parse(R"([{"type": "supports", "row": 2}])"));
  CHECK(rows[2]["links"] == json::parse(R"([{"type": "contradicts", "row": 2}, {"type": "supports", "row": 0}])"));
}

TEST_CASE("cli claims: Markdown by default, CSV on request, written atomically with -o", "[cli][claims]") {
  const Run md = run("claims " + kFixture);
  REQUIRE(md.code == 0);
  CHECK(md.out.rfind("| # | claim | harbor-a | harbor-b | multilingual | links |\n", 0) == 0);
  CHECK(md.out.find("| 3 \u26a0 | Were workers injured? |") != std::string::npos);
  const std::string out = temp_dir() + "/claims.csv";
  const Run csv = run("claims --format csv -o " + out + " " + kFixture);
  REQUIRE(csv.code == 0);
  const std::string text = goldspan::test::read_file(out).value();
  CHECK(text.rfind("row,claim,harbor-a,harbor-b,multilingual,links\r\n1,Sprinklers failed,", 0) == 0);
  size_t records = 0;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {  // RFC 4180: line breaks inside quotes are data
    if (text[i] == '"') quoted = !quoted;
    else if (!quoted && text.compare(i, 2, "\r\n") == 0) ++records;
  }
  CHECK(records == 5);
}

TEST_CASE("cli claims: bad input names the file or the option", "[cli][claims]") {
  const Run missing = run("claims " + temp_dir() + "/nope.json");
  CHECK(missing.code == 1);
  CHECK(missing.err.find("nope.json") != std::string::npos);
  const Run fmt = run("claims --format xlsx " + kFixture);
  CHECK(fmt.code == 2);
  CHECK(fmt.err.find("--format") != std::string::npos);
  const Run none = run("claims");
  CHECK(none.code == 2);
}
