// The tokenizer's locale through the CLI: --locale en splits clitics and keeps abbreviations,
// --uax29 gives raw UAX #29 words, and convert/validate without --locale follow the schema's
// locale (the shipped schema says "en"), so the CLI tokenizes as the app does (issue 9).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

#include "cli_support.hpp"
#include "support.hpp"

namespace {

using goldspan::test::Run;
using goldspan::test::run;
using goldspan::test::write_temp;

const std::string kText = "Mr. Akayev\u2019s aides didn't.";

// Token texts of the first JSONL line of `tokenize`, from code point offsets.
std::vector<std::string> token_texts(const std::string& jsonl, const std::u32string& cps) {
  const auto j = nlohmann::json::parse(jsonl.substr(0, jsonl.find('\n')));
  std::vector<std::string> out;
  for (const auto& t : j["tokens"]) {
    std::string s;
    for (size_t i = t[0].get<size_t>(); i < t[1].get<size_t>(); ++i) s += goldspan::test::u8(cps[i]);
    out.push_back(s);
  }
  return out;
}

std::u32string cps_of_text() {
  std::u32string u;
  for (char c : std::string("Mr. Akayev")) u += char32_t(c);
  u += U'\u2019';
  for (char c : std::string("s aides didn't.")) u += char32_t(c);
  return u;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("cli: tokenize --locale en splits clitics, --uax29 does not", "[cli][tokens]") {
  const std::string f = write_temp("clitics.txt", kText);
  const Run en = run("tokenize --locale en " + f);
  REQUIRE(en.code == 0);
  CHECK(token_texts(en.out, cps_of_text()) == V{"Mr.", "Akayev", "\u2019s", "aides", "did", "n't", "."});
  const Run raw = run("tokenize --locale en --uax29 " + f);
  REQUIRE(raw.code == 0);
  CHECK(token_texts(raw.out, cps_of_text()) == V{"Mr", ".", "Akayev\u2019s", "aides", "didn't", "."});
  const Run root = run("tokenize " + f);
  CHECK(root.out == raw.out);
}

TEST_CASE("cli: convert without --locale tokenizes with the schema's locale", "[cli][tokens]") {
  const std::string in = write_temp("clitics_in.txt", kText);
  const std::string schema = std::string(GOLDSPAN_SOURCE_DIR) + "/assets/schema/default.json";
  const std::string out = goldspan::test::temp_dir() + "/clitics.json";
  const Run r = run("convert --from txt --to gold --schema " + schema + " " + in + " " + out);
  REQUIRE(r.code == 0);
  // The gold file embeds the schema with its locale; converting it on to CoNLL (one token per
  // line) without --locale must use "en" from the file, and --locale root must not.
  const auto gold = nlohmann::json::parse(*goldspan::test::read_file(out));
  CHECK(gold["schema"]["locale"] == "en");
  const std::string conll_en = goldspan::test::temp_dir() + "/en.conll", conll_root = goldspan::test::temp_dir() + "/root.conll";
  REQUIRE(run("convert --from gold --to conll " + out + " " + conll_en).code == 0);
  REQUIRE(run("convert --from gold --to conll --locale root " + out + " " + conll_root).code == 0);
  const std::string en = *goldspan::test::read_file(conll_en), root = *goldspan::test::read_file(conll_root);
  CHECK(en.find("\nAkayev ") != std::string::npos);
  CHECK(en.find("\n\u2019s ") != std::string::npos);
  CHECK((en.find("\nMr. ") != std::string::npos || en.rfind("Mr. ", 0) == 0));
  CHECK(root.find("\nAkayev\u2019s ") != std::string::npos);
}
