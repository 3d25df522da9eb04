// The catalogue of malformed gold files: each with the exact error it must produce (the JSON
// path and the reason), all errors reported at once, and nothing applied.
#include <catch2/catch.hpp>

#include <functional>
#include <nlohmann/json.hpp>

#include "io/sha256.hpp"
#include "io_support.hpp"

using namespace goldspan;
using namespace goldspan::test;
using ojson = nlohmann::ordered_json;

namespace {

const std::string& good_file() {
  static const std::string file = [] {
    Fixture f;
    annotate_samples(f);
    return write_gold(f.corpus, fixed_options());
  }();
  return file;
}

// The errors of the good file after `edit`.
std::vector<std::string> errors_after(const std::function<void(ojson&)>& edit, const Schema* expected = &default_schema()) {
  ojson j = ojson::parse(good_file());
  edit(j);
  Tokenizer tok;
  return parse_gold(j.dump(1), "bad.json", expected, tok).errors;
}

std::vector<std::string> errors_of_text(const std::string& text) {
  Tokenizer tok;
  return parse_gold(text, "bad.json", &default_schema(), tok).errors;
}

// The index in documents[d].spans of the span whose text is `text`.
size_t span_at(const ojson& j, size_t d, const std::string& text) {
  const ojson& spans = j["documents"][d]["spans"];
  for (size_t i = 0; i < spans.size(); ++i)
    if (spans[i]["text"] == text) return i;
  throw Error("test", "no span " + text);
}

std::string join(const std::vector<std::string>& e) {
  std::string out;
  for (const std::string& x : e) out += x + "\n";
  return out;
}

bool has(const std::vector<std::string>& e, const std::string& part) {
  for (const std::string& x : e)
    if (x.find(part) != std::string::npos) return true;
  return false;
}

void set_text(ojson& j, size_t d, const std::string& text) {
  j["documents"][d]["text"] = text;
  j["documents"][d]["sha256"] = sha256_hex(text);
}

}  // namespace

TEST_CASE("gold errors: the good file has none", "[io][gold]") { CHECK(errors_after([](ojson&) {}).empty()); }

TEST_CASE("gold errors: catalogue of malformed files", "[io][gold][errors]") {
  using Catch::Contains;
  SECTION("truncated JSON") {
    const auto e = errors_of_text(good_file().substr(0, good_file().size() / 2));
    REQUIRE(e.size() == 1);
    CHECK_THAT(e[0], Contains("bad.json: invalid JSON: parse error at line") && Contains("truncated"));
  }
  SECTION("not JSON at all, and empty") {
    CHECK_THAT(errors_of_text("hello")[0], Contains("invalid JSON") && Contains("line 1, column 1"));
    CHECK_THAT(errors_of_text("")[0], Contains("invalid JSON"));
    CHECK_THAT(errors_of_text("[1, 2]")[0], Contains("bad.json: (root): expected an object, not an array"));
  }
  SECTION("invalid UTF-8") {
    std::string t = good_file();
    const size_t at = t.find("Fire crews");
    t[at + 1] = char(0xC3);
    const auto e = errors_of_text(t);
    REQUIRE(e.size() == 1);
    CHECK_THAT(e[0], Contains("bad.json: invalid UTF-8 at byte " + std::to_string(at + 1)) && Contains("line "));
  }
  SECTION("a 100 MB file is refused before parsing") {
    const std::string big(size_t(100) << 20, ' ');
    const auto e = errors_of_text(big);
    REQUIRE(e.size() == 1);
    CHECK(e[0] == "bad.json: the file is 100.0 MiB, more than the 64 MiB an import may have");
  }
  SECTION("a number out of range (found by fuzzing)") {
    CHECK_THAT(errors_of_text("{\"version\": 1e999}")[0], Contains("bad.json: invalid JSON: number overflow parsing '1e999'"));
  }
  SECTION("nesting too deep") {
    CHECK_THAT(errors_of_text(std::string(100000, '[') + std::string(100000, ']'))[0], Contains("nested deeper than 64 levels"));
  }
  SECTION("wrong format, version or unit") {
    CHECK(errors_after([](ojson& j) { j["format"] = "brat"; }) ==
          std::vector<std::string>{"bad.json: format: expected \"goldspan-gold\", not \"brat\""});
    CHECK(errors_after([](ojson& j) { j["version"] = 2; }) ==
          std::vector<std::string>{"bad.json: version: this build reads version 1, the file is version 2"});
    CHECK(errors_after([](ojson& j) { j["offset_unit"] = "utf16"; }) ==
          std::vector<std::string>{"bad.json: offset_unit: expected \"codepoint\", not \"utf16\""});
    CHECK(errors_after([](ojson& j) { j.erase("version"); }) == std::vector<std::string>{"bad.json: version: missing"});
  }
  SECTION("wrong hash") {
    const auto e = errors_after([](ojson& j) { j["documents"][1]["sha256"] = sha256_hex("something else"); });
    REQUIRE(e.size() == 1);
    CHECK_THAT(e[0], Contains("bad.json: documents[1].sha256: does not match the text (its SHA-256 is " + sha256_hex(Fixture().doc(1).text())));
  }
  SECTION("text edited without its hash") {
    const auto e = errors_after([](ojson& j) { j["documents"][0]["text"] = "Fire crews spent Sunday"; });
    CHECK_THAT(e[0], Contains("documents[0].sha256: does not match the text"));
  }
  SECTION("offsets past the end") {
    const auto e = errors_after([](ojson& j) {
      set_text(j, 2, "short");
      j["documents"][2]["relations"] = ojson::array();
    });
    // Every span of the multilingual document is now out of range.
    CHECK_THAT(e[0], Contains("bad.json: documents[2].spans[0].end: ") && Contains("is past the end of the text (5 code points)"));
  }
  SECTION("offsets inside a grapheme cluster") {
    const auto e = errors_after([](ojson& j) {
      const size_t i = span_at(j, 2, "👨‍👩‍👧");
      ojson& s = j["documents"][2]["spans"][i];
      s["end"] = s["end"].get<uint32_t>() - 2;  // between the woman and the ZWJ
      s["text"] = "👨‍👩";
      s["token_end"] = s["token_start"];
    });
    REQUIRE(e.size() == 1);
    CHECK_THAT(e[0], Contains("bad.json: documents[2].spans[") && Contains("].end: offset ") && Contains("is inside a grapheme cluster"));
  }
  SECTION("text that is not the slice") {
    const auto e = errors_after([](ojson& j) { j["documents"][0]["spans"][0]["text"] = "Sunday night"; });
    REQUIRE(e.size() == 1);
    CHECK(e[0] == "bad.json: documents[0].spans[0].text: \"Sunday night\" is not the text at [17, 31), which is \"Saturday night\"");
  }
  SECTION("unknown label, and a kind that does not match the label") {
    CHECK(errors_after([](ojson& j) { j["documents"][0]["spans"][0]["label"] = "TIME"; }) ==
          std::vector<std::string>{"bad.json: documents[0].spans[0].label: unknown label 'TIME' (not in the schema)"});
    CHECK(errors_after([](ojson& j) { j["documents"][0]["spans"][0]["kind"] = "claim"; }) ==
          std::vector<std::string>{"bad.json: documents[0].spans[0].kind: is claim, but DATE is a entity type in the schema"});
    CHECK(errors_after([](ojson& j) { j["documents"][0]["spans"][0]["kind"] = "thing"; }) ==
          std::vector<std::string>{"bad.json: documents[0].spans[0].kind: expected \"entity\", \"claim\" or \"cue\", not \"thing\""});
  }
  SECTION("unknown attribute and value") {
    const auto e = errors_after([](ojson& j) {
      const size_t c = span_at(j, 0, "The sprinklers failed in the east wing");
      j["documents"][0]["spans"][c]["attributes"]["stance"] = "maybe";
      j["documents"][0]["spans"][0]["attributes"]["stance"] = "asserted";
    });
    REQUIRE(e.size() == 2);
    CHECK(e[0] == "bad.json: documents[0].spans[0].attributes.stance: DATE has no attribute 'stance'");
    CHECK_THAT(e[1], Contains(".attributes.stance: 'maybe' is not a value of stance (asserted, denied, hedged, reported)"));
  }
  SECTION("duplicate ids") {
    const auto e = errors_after([](ojson& j) {
      j["documents"][0]["spans"][1]["id"] = j["documents"][0]["spans"][0]["id"];
      j["documents"][1]["id"] = "harbor-a";
      j["clusters"][1]["id"] = "c1";
    });
    INFO(join(e));
    CHECK(has(e, "bad.json: documents[0].spans[1].id: duplicate span id 's4' in document 'harbor-a'"));
    CHECK(has(e, "bad.json: documents[1].id: duplicate document id 'harbor-a'"));
    CHECK(has(e, "bad.json: clusters[1].id: duplicate cluster id 'c1'"));
  }
  SECTION("dangling relation, member and link") {
    const auto e = errors_after([](ojson& j) {
      j["documents"][0]["relations"][0]["to"] = "s999";
      j["clusters"][0]["members"][0]["span"] = "s998";
      j["clusters"][1]["members"][0]["doc"] = "nowhere";
      j["cluster_links"][0]["from"] = "c77";
    });
    REQUIRE(e.size() == 4);
    CHECK(e[0] == "bad.json: documents[0].relations[0].to: no span 's999' in document 'harbor-a'");
    CHECK(e[1] == "bad.json: clusters[0].members[0].span: no span 's998' in document 'harbor-a'");
    CHECK(e[2] == "bad.json: clusters[1].members[0].doc: no document 'nowhere'");
    CHECK(e[3] == "bad.json: cluster_links[0].from: no cluster 'c77'");
  }
  SECTION("relations and links the schema does not allow") {
    const auto e = errors_after([](ojson& j) {
      ojson& r = j["documents"][0]["relations"][0];
      std::swap(r["from"], r["to"]);  // claimant from a PERSON to a CLAIM
      j["cluster_links"][0]["type"] = "cites";
      j["cluster_links"][1]["to"] = "c1";  // an entity cluster
    });
    REQUIRE(e.size() == 3);
    CHECK(e[0] == "bad.json: documents[0].relations[0]: claimant does not allow PERSON -> CLAIM");
    CHECK(e[1] == "bad.json: cluster_links[0].type: unknown link type 'cites' (not in the schema)");
    CHECK(e[2] == "bad.json: cluster_links[1].to: clusters[0] is not a claim cluster");
  }
  SECTION("overlap rules of the schema") {
    const auto e = errors_after([](ojson& j) {
      ojson s = j["documents"][0]["spans"][0];  // DATE "Saturday night" [17, 31)
      s["id"] = "x1";
      s["start"] = 11;
      s["end"] = 25;
      s["text"] = "spent Saturday";
      j["documents"][0]["spans"].push_back(s);
    });
    REQUIRE(e.size() == 1);
    CHECK_THAT(e[0], Contains("bad.json: documents[0].spans[0]: [17, 31) crosses [11, 25) (DATE), and DATE spans may not overlap") &&
                         Contains("the other span is documents[0].spans["));
  }
  SECTION("fragments out of order, touching, or not matching start and end") {
    const auto e = errors_after([](ojson& j) {
      ojson& spans = j["documents"][0]["spans"];
      for (ojson& s : spans)
        if (s.contains("fragments")) {
          s["fragments"][1][0] = s["fragments"][0][1];  // the same extent, fragments touching
        }
    });
    INFO(join(e));
    REQUIRE(e.size() == 1);
    CHECK_THAT(e[0], Contains("bad.json: documents[0].spans[8].fragments[1]: [349, 387) touches [325, 349)"));
    CHECK_THAT(errors_after([](ojson& j) {
                 for (ojson& s : j["documents"][0]["spans"])
                   if (s.contains("fragments")) s["fragments"] = ojson::parse("[[0, 5]]");
               })[0],
               Contains(".fragments: only for discontinuous spans"));
  }
  SECTION("structure: unknown keys, wrong types, missing fields, all reported") {
    const auto e = errors_after([](ojson& j) {
      j["documents"][0]["spans"][0]["lable"] = "DATE";
      j["documents"][0]["spans"][1]["start"] = -3;
      j["documents"][0]["spans"][2].erase("label");
      j["documents"][1]["spans"][0]["created"] = "yesterday";
      j["x_reviewed_by"] = "someone";  // extensions are fine
    });
    INFO(join(e));
    REQUIRE(e.size() == 4);
    CHECK(e[0] == "bad.json: documents[0].spans[0].lable: unknown key (extensions must start with \"x_\")");
    CHECK(e[1] == "bad.json: documents[0].spans[1].start: expected an offset (an integer from 0 to 4294967295), not -3");
    CHECK(e[2] == "bad.json: documents[0].spans[2].label: missing");
    CHECK(e[3] == "bad.json: documents[1].spans[0].created: expected an ISO 8601 UTC time like \"2024-05-01T12:00:00.000Z\", not \"yesterday\"");
  }
  SECTION("a schema other than the current one") {
    const auto e = errors_after([](ojson& j) { j["schema"]["entity_types"][1]["color"] = "#000000"; });
    REQUIRE(e.size() == 1);
    CHECK(e[0] == "bad.json: the file's label schema is not the current one: schema.entity_types[1].color: \"#000000\" here, \"#f28e2b\" in the expected schema");
    // Without an expected schema, the file is checked against its own.
    CHECK(errors_after([](ojson& j) { j["schema"]["entity_types"][1]["color"] = "#000000"; }, nullptr).empty());
    const auto own = errors_after([](ojson& j) { j["schema"]["claim_types"][0]["attributes"][0]["values"][3] = "told"; }, nullptr);
    REQUIRE(own.size() == 1);
    CHECK_THAT(own[0], Contains(".attributes.stance: 'reported' is not a value of stance (asserted, denied, hedged, told)"));
  }
  SECTION("an invalid embedded schema") {
    const auto e = errors_after([](ojson& j) { j["schema"]["entity_types"][0]["color"] = "red"; }, nullptr);
    CHECK(e[0] == "bad.json: schema.entity_types[0].color: expected \"#rrggbb\", got \"red\"");
  }
  SECTION("many errors are counted past the limit") {
    const auto e = errors_after([](ojson& j) {
      ojson& spans = j["documents"][0]["spans"];
      const ojson one = spans[0];
      for (int i = 0; i < 1500; ++i) {
        ojson s = one;
        s["id"] = "t" + std::to_string(i);
        s["label"] = "NOPE";
        spans.push_back(s);
      }
    });
    CHECK(e.size() == kMaxErrors + 1);
    CHECK_THAT(e.back(), Contains("and ") && Contains("more errors"));
  }
}

TEST_CASE("gold errors: a file with errors changes nothing", "[io][gold][errors]") {
  Fixture f;
  f.add("PERSON", "Ines Oduya");
  const std::string before = f.corpus.canonical_dump();
  ojson j = ojson::parse(good_file());
  j["documents"][0]["spans"][0]["label"] = "TIME";
  const GoldImport in = parse_gold(j.dump(), "bad.json", &f.corpus.schema(), f.tok);
  REQUIRE_FALSE(in.ok());
  CHECK_THROWS_AS(apply_gold(f.corpus, f.history, in), Error);
  CHECK(f.corpus.canonical_dump() == before);
  CHECK(f.history.undo_size() == 1);
}
