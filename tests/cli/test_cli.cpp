// End-to-end tests of the `goldspan` binary: real process, real files, exit codes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
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


std::vector<nlohmann::json> jsonl(const std::string& s) {
  std::vector<nlohmann::json> out;
  size_t b = 0;
  for (size_t e; (e = s.find('\n', b)) != std::string::npos; b = e + 1) out.push_back(nlohmann::json::parse(s.substr(b, e - b)));
  return out;
}

}  // namespace

TEST_CASE("cli: tokenize prints code point offsets as JSONL", "[cli]") {
  using goldspan::test::u8;
  const std::string f = write_temp("a.txt", "Caf" + u8(0xE9) + " " + u8(0x1F469) + u8(0x200D) + u8(0x1F4BB) + " ok.");
  const Run r = run("tokenize " + f);
  REQUIRE(r.code == 0);
  const auto lines = jsonl(r.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["id"] == f);
  CHECK(lines[0]["tokens"] == nlohmann::json::parse("[[0,4],[5,8],[9,11],[11,12]]"));
  CHECK_FALSE(lines[0].contains("sentences"));
}

TEST_CASE("cli: --sentences, --kinds, several files and stdin", "[cli]") {
  const std::string a = write_temp("s1.txt", "He left. She stayed!");
  const Run r = run("tokenize --sentences --kinds " + a + " -", "Two 2.");
  REQUIRE(r.code == 0);
  const auto lines = jsonl(r.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["sentences"] == nlohmann::json::parse("[[0,8],[9,20]]"));
  CHECK(lines[1]["id"] == "-");
  CHECK(lines[1]["tokens"] == nlohmann::json::parse("[[0,3],[4,5],[5,6]]"));
  CHECK(lines[1]["kinds"] == nlohmann::json::parse(R"(["word","number","punctuation"])"));
}

TEST_CASE("cli: --boundaries prints every word boundary including around spaces", "[cli]") {
  const Run r = run("tokenize --boundaries -", "a  b:c");
  REQUIRE(r.code == 0);
  // root rules: ':' is not MidLetter in CLDR, so b:c splits; strict UAX #29 (sv) keeps it.
  CHECK(jsonl(r.out)[0]["boundaries"] == nlohmann::json::parse("[0,1,3,4,5,6]"));
  const Run sv = run("tokenize --boundaries --locale sv -", "a  b:c");
  CHECK(jsonl(sv.out)[0]["boundaries"] == nlohmann::json::parse("[0,1,3,6]"));
}

TEST_CASE("cli: errors name the file and position, exit code is non-zero", "[cli]") {
  SECTION("missing file") {
    const Run r = run("tokenize /nonexistent/report.txt");
    CHECK(r.code != 0);
    CHECK(r.err.find("/nonexistent/report.txt") != std::string::npos);
  }
  SECTION("invalid UTF-8, other files still processed") {
    const std::string bad = write_temp("bad.txt", "line one\nab\xC3(");
    const std::string good = write_temp("good.txt", "fine");
    const Run r = run("tokenize " + bad + " " + good);
    CHECK(r.code != 0);
    CHECK(r.err.find("bad.txt") != std::string::npos);
    CHECK(r.err.find("byte 11") != std::string::npos);
    CHECK(r.err.find("line 2, column 3") != std::string::npos);
    REQUIRE(jsonl(r.out).size() == 1);
    CHECK(jsonl(r.out)[0]["id"] == good);
  }
  SECTION("unknown option and no input") {
    CHECK(run("tokenize --frobnicate x").code == 2);
    CHECK(run("tokenize").code == 2);
    CHECK(run("nosuchcommand").code == 2);
  }
}

TEST_CASE("cli: tokenize writes compact JSONL, keys in order, ids escaped as nlohmann does", "[cli]") {
  const std::string sample = std::string(GOLDSPAN_SOURCE_DIR) + "/assets/sample/multilingual.txt";
  const std::string odd = write_temp("q\"uote \\ tab\there\x01.txt", "Two \xF0\x9F\x9A\xA2 2.");
  const Run r = run("tokenize --sentences --kinds " + sample + " '" + odd + "'");
  REQUIRE(r.code == 0);
  size_t n = 0;
  for (size_t b = 0, e; (e = r.out.find('\n', b)) != std::string::npos; b = e + 1, ++n) {
    const std::string line = r.out.substr(b, e - b);
    // Re-dumped with its keys in the order read, the line comes back byte for byte.
    CHECK(nlohmann::ordered_json::parse(line).dump() == line);
  }
  CHECK(n == 2);
  CHECK(r.out.find("{\"id\":\"" + temp_dir() + "/q\\\"uote \\\\ tab\\there\\u0001.txt\",\"tokens\":[[0,3],[4,5],[6,7],[7,8]],"
                   "\"kinds\":[\"word\",\"other\",\"number\",\"punctuation\"],\"sentences\":[[0,8]]}\n") != std::string::npos);
}

TEST_CASE("cli: a file name that is not UTF-8 is an error naming it; the other files are still written", "[cli]") {
  const std::string bad = write_temp("bad\xFF.txt", "ok"), good = write_temp("good2.txt", "fine");
  const Run r = run("tokenize '" + bad + "' " + good);
  CHECK(r.code == 1);
  CHECK(r.err.find("not valid UTF-8") != std::string::npos);
  REQUIRE(jsonl(r.out).size() == 1);
  CHECK(jsonl(r.out)[0]["id"] == good);
}
