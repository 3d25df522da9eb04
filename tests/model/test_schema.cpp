#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "model_support.hpp"

using namespace goldspan;
using json = nlohmann::json;

namespace {

json base() {
  return json::parse(R"({
    "entity_types": [
      {"name": "PERSON", "color": "#112233", "hotkey": "p"},
      {"name": "ORG", "color": "#445566", "hotkey": "o", "allow_overlap": false},
      {"name": "PLACE", "color": "#778899", "hotkey": "l"}
    ],
    "claim_types": [
      {"name": "CLAIM", "color": "#aabbcc", "hotkey": "c", "attributes": [
        {"name": "stance", "values": ["asserted", "denied"]},
        {"name": "check_worthy", "values": ["yes", "no"]}
      ]}
    ],
    "cue_types": [{"name": "CUE", "color": "#ddeeff", "hotkey": "u"}],
    "relation_types": [
      {"name": "claimant", "color": "#000000", "hotkey": "1", "source": ["claim"], "target": ["PERSON", "ORG"]},
      {"name": "cue", "color": "#000001", "hotkey": "2", "source": ["CLAIM"], "target": ["cue"]}
    ],
    "claim_link_types": [{"name": "same", "color": "#010101"}, {"name": "contradicts", "color": "#020202"}]
  })");
}

// The Error a schema edited by `edit` raises; fails the test when none is raised.
Error error_of(const std::function<void(json&)>& edit) {
  json j = base();
  edit(j);
  try {
    Schema::from_json(j);
  } catch (const Error& e) {
    return e;
  }
  FAIL("schema was accepted: " << j.dump());
  return Error("", "");
}

#define CHECK_SCHEMA_ERROR(edit, path, message)                      \
  do {                                                               \
    const Error e = error_of(edit);                                  \
    CHECK(e.where() == (path));                                      \
    CHECK_THAT(e.what(), Catch::Contains(message));                  \
  } while (0)

}  // namespace

TEST_CASE("schema: the shipped default loads with what the issue asks for", "[model][schema]") {
  const Schema& s = goldspan::test::default_schema();
  for (const char* n : {"PERSON", "ORGANIZATION", "LOCATION", "DATE", "QUANTITY", "EVENT"}) {
    INFO(n);
    REQUIRE(s.span_type(n) >= 0);
    CHECK(s.span_types()[size_t(s.span_type(n))].kind == SpanKind::Entity);
  }
  const SpanType& claim = s.span_types()[size_t(s.span_type("CLAIM"))];
  CHECK(claim.kind == SpanKind::Claim);
  REQUIRE(claim.attribute("stance") >= 0);
  CHECK(claim.attributes[size_t(claim.attribute("stance"))].values ==
        std::vector<std::string>{"asserted", "denied", "hedged", "reported"});
  CHECK(claim.attributes[size_t(claim.attribute("check_worthy"))].values == std::vector<std::string>{"yes", "no"});
  CHECK(s.span_types()[size_t(s.span_type("CUE"))].kind == SpanKind::Cue);
  const SpanType& person = s.span_types()[size_t(s.span_type("PERSON"))];
  CHECK(person.hotkey == 'p');
  CHECK(person.color == 0x4e79a7);
  CHECK_FALSE(person.allow_overlap);
  CHECK(person.allow_nesting);

  const RelationType& claimant = s.relation_types()[size_t(s.relation_type("claimant"))];
  const auto t = [&](const char* n) { return uint16_t(s.span_type(n)); };
  CHECK(claimant.allows(t("CLAIM"), t("PERSON")));
  CHECK(claimant.allows(t("CLAIM"), t("ORGANIZATION")));
  CHECK_FALSE(claimant.allows(t("CLAIM"), t("LOCATION")));
  CHECK_FALSE(claimant.allows(t("PERSON"), t("CLAIM")));
  const RelationType& cue = s.relation_types()[size_t(s.relation_type("cue"))];
  CHECK(cue.allows(t("CLAIM"), t("CUE")));
  for (const char* n : {"same", "supports", "contradicts", "refines"}) CHECK(s.link_type(n) >= 0);
  CHECK_FALSE(s.permissive(SpanKind::Entity));
  CHECK(s.permissive(SpanKind::Claim));
  CHECK_FALSE(s.permissive(SpanKind::Cue));
}

TEST_CASE("schema: kinds in relation ends expand to every type of the kind", "[model][schema]") {
  const Schema s = Schema::from_json(base());
  const RelationType& r = s.relation_types()[0];
  CHECK(r.sources == std::vector<uint16_t>{uint16_t(s.span_type("CLAIM"))});
  CHECK(r.targets == std::vector<uint16_t>{uint16_t(s.span_type("PERSON")), uint16_t(s.span_type("ORG"))});
  CHECK(s.relation_types()[1].targets == std::vector<uint16_t>{uint16_t(s.span_type("CUE"))});
  CHECK(s.span_types()[size_t(s.span_type("PERSON"))].allow_overlap);  // default
  CHECK_FALSE(s.span_types()[size_t(s.span_type("ORG"))].allow_overlap);
}

TEST_CASE("schema: the issue's duplicate hotkey message, word for word", "[model][schema]") {
  const Error e = error_of([](json& j) { j["entity_types"][2]["hotkey"] = "p"; });
  CHECK(std::string(e.what()) == "entity_types[2].hotkey: duplicate hotkey 'p' (also used by entity_types[0])");
  CHECK(e.where() == "entity_types[2].hotkey");
}

TEST_CASE("schema: every kind of invalid schema is rejected with its JSON path", "[model][schema]") {
  SECTION("syntax and shape") {
    try {
      Schema::parse("{\"entity_types\": [");
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.where() == "(root)");
      CHECK_THAT(e.what(), Catch::Contains("invalid JSON"));
    }
    CHECK_SCHEMA_ERROR([](json& j) { j = json::array(); }, "(root)", "expected an object");
    CHECK_SCHEMA_ERROR([](json& j) { j["entity_type"] = json::array(); }, "entity_type", "unknown key");
    CHECK_SCHEMA_ERROR([](json& j) { j["version"] = 2; }, "version", "unsupported schema version");
    CHECK_SCHEMA_ERROR([](json& j) { j["entity_types"] = json::object(); }, "entity_types", "expected an array");
    CHECK_SCHEMA_ERROR([](json& j) { j["entity_types"][1] = "ORG"; }, "entity_types[1]", "expected an object");
    CHECK_SCHEMA_ERROR(
        [](json& j) {
          j["entity_types"] = json::array();
          j["claim_types"] = json::array();
          j["cue_types"] = json::array();
          j["relation_types"] = json::array();
        },
        "(root)", "no span types");
  }
  SECTION("span types") {
    CHECK_SCHEMA_ERROR([](json& j) { j["entity_types"][0]["colour"] = "#000000"; }, "entity_types[0].colour", "unknown key");
    CHECK_SCHEMA_ERROR([](json& j) { j["entity_types"][1].erase("name"); }, "entity_types[1].name", "missing");
    CHECK_SCHEMA_ERROR([](json& j) { j["entity_types"][1]["name"] = 7; }, "entity_types[1].name", "expected a string");
    CHECK_SCHEMA_ERROR([](json& j) { j["entity_types"][0]["name"] = "PER SON"; }, "entity_types[0].name", "invalid name 'PER SON'");
    CHECK_SCHEMA_ERROR([](json& j) { j["entity_types"][0]["name"] = ""; }, "entity_types[0].name", "1 to 64 characters");
    CHECK_SCHEMA_ERROR([](json& j) { j["claim_types"][0]["name"] = "PERSON"; }, "claim_types[0].name",
                       "duplicate type name 'PERSON' (also used by entity_types[0])");
    CHECK_SCHEMA_ERROR([](json& j) { j["cue_types"][0]["name"] = "claim"; }, "cue_types[0].name", "reserved");
    CHECK_SCHEMA_ERROR([](json& j) { j["entity_types"][0]["color"] = "red"; }, "entity_types[0].color",
                       "expected \"#rrggbb\", got \"red\"");
    CHECK_SCHEMA_ERROR([](json& j) { j["entity_types"][0]["color"] = "#12345g"; }, "entity_types[0].color", "#rrggbb");
    CHECK_SCHEMA_ERROR([](json& j) { j["entity_types"][0].erase("color"); }, "entity_types[0].color", "missing");
    CHECK_SCHEMA_ERROR([](json& j) { j["entity_types"][0]["hotkey"] = "pp"; }, "entity_types[0].hotkey", "one character a-z or 0-9");
    CHECK_SCHEMA_ERROR([](json& j) { j["entity_types"][0]["hotkey"] = "P"; }, "entity_types[0].hotkey", "one character a-z or 0-9");
    CHECK_SCHEMA_ERROR([](json& j) { j["cue_types"][0]["hotkey"] = "c"; }, "cue_types[0].hotkey",
                       "duplicate hotkey 'c' (also used by claim_types[0])");
    CHECK_SCHEMA_ERROR([](json& j) { j["entity_types"][0]["allow_overlap"] = "no"; }, "entity_types[0].allow_overlap",
                       "expected true or false");
    CHECK_SCHEMA_ERROR([](json& j) { j["entity_types"][2]["allow_nesting"] = 0; }, "entity_types[2].allow_nesting",
                       "expected true or false");
  }
  SECTION("attributes") {
    CHECK_SCHEMA_ERROR([](json& j) { j["claim_types"][0]["attributes"] = "stance"; }, "claim_types[0].attributes", "expected an array");
    CHECK_SCHEMA_ERROR([](json& j) { j["claim_types"][0]["attributes"][0]["values"] = json::array(); },
                       "claim_types[0].attributes[0].values", "at least one value");
    CHECK_SCHEMA_ERROR([](json& j) { j["claim_types"][0]["attributes"][0].erase("values"); },
                       "claim_types[0].attributes[0].values", "missing");
    CHECK_SCHEMA_ERROR([](json& j) { j["claim_types"][0]["attributes"][0]["values"].push_back("denied"); },
                       "claim_types[0].attributes[0].values[2]", "duplicate value 'denied' (also used by claim_types[0].attributes[0].values[1])");
    CHECK_SCHEMA_ERROR([](json& j) { j["claim_types"][0]["attributes"][0]["values"][0] = ""; },
                       "claim_types[0].attributes[0].values[0]", "non-empty string");
    CHECK_SCHEMA_ERROR([](json& j) { j["claim_types"][0]["attributes"][1]["name"] = "stance"; },
                       "claim_types[0].attributes[1].name", "duplicate attribute 'stance'");
    CHECK_SCHEMA_ERROR([](json& j) { j["claim_types"][0]["attributes"][1]["default"] = "yes"; },
                       "claim_types[0].attributes[1].default", "unknown key");
  }
  SECTION("relation types") {
    CHECK_SCHEMA_ERROR([](json& j) { j["relation_types"][0]["target"][1] = "ORGANISATION"; }, "relation_types[0].target[1]",
                       "unknown span type 'ORGANISATION'");
    CHECK_SCHEMA_ERROR([](json& j) { j["relation_types"][0]["source"] = json::array(); }, "relation_types[0].source",
                       "at least one span type or kind");
    CHECK_SCHEMA_ERROR([](json& j) { j["relation_types"][0].erase("target"); }, "relation_types[0].target", "missing");
    CHECK_SCHEMA_ERROR([](json& j) { j["relation_types"][0]["source"][0] = 3; }, "relation_types[0].source[0]",
                       "expected a span type name or a kind");
    CHECK_SCHEMA_ERROR([](json& j) { j["relation_types"][1]["name"] = "claimant"; }, "relation_types[1].name",
                       "duplicate relation type 'claimant' (also used by relation_types[0])");
    CHECK_SCHEMA_ERROR([](json& j) { j["relation_types"][1]["hotkey"] = "1"; }, "relation_types[1].hotkey",
                       "duplicate hotkey '1' (also used by relation_types[0])");
    CHECK_SCHEMA_ERROR(
        [](json& j) {
          j["cue_types"] = json::array();
          j["relation_types"].erase(1);
          j["relation_types"][0]["target"] = {"cue"};
        },
        "relation_types[0].target", "names a kind that has no span types");
  }
  SECTION("claim link types") {
    CHECK_SCHEMA_ERROR([](json& j) { j["claim_link_types"][1]["name"] = "same"; }, "claim_link_types[1].name",
                       "duplicate claim link type 'same' (also used by claim_link_types[0])");
    CHECK_SCHEMA_ERROR([](json& j) { j["claim_link_types"][0].erase("color"); }, "claim_link_types[0].color", "missing");
  }
}

TEST_CASE("schema: hotkeys of relation types are their own namespace", "[model][schema]") {
  json j = base();
  j["relation_types"][0]["hotkey"] = "p";  // also PERSON's: a different mode of the UI
  CHECK_NOTHROW(Schema::from_json(j));
  j["relation_types"][1].erase("hotkey");  // optional for relations
  CHECK(Schema::from_json(j).relation_types()[1].hotkey == 0);
}

TEST_CASE("schema: span type hotkeys are optional, so a schema may have more than 36 types", "[model][schema]") {
  json j = base();
  j["entity_types"][0].erase("hotkey");
  const Schema one = Schema::from_json(j);
  CHECK(one.span_types()[0].hotkey == 0);
  CHECK_FALSE(one.to_json()["entity_types"][0].contains("hotkey"));  // canonical: left out, as for relations
  CHECK(Schema::from_json(json::parse(one.to_json().dump())).to_json() == one.to_json());
  // 40 entity types (a corpus such as brat's BioNLP-ST examples): keys for the first 36 only.
  json many = base();
  many["entity_types"] = json::array();
  many.erase("relation_types");
  const std::string keys = "abdefghijklmnopqrstvwxyz0123456789";  // c and u are the claim's and cue's
  for (int i = 0; i < 40; ++i) {
    json t = {{"name", "T" + std::to_string(i)}, {"color", "#112233"}};
    if (size_t(i) < keys.size()) t["hotkey"] = std::string(1, keys[size_t(i)]);
    many["entity_types"].push_back(t);
  }
  const Schema s = Schema::from_json(many);
  CHECK(s.span_types().size() == 42);
  CHECK(s.span_types()[39].hotkey == 0);
}

TEST_CASE("schema: load_file names the file and the JSON path", "[model][schema]") {
  CHECK_THROWS_WITH(Schema::load_file("/nonexistent/schema.json"), Catch::Contains("/nonexistent/schema.json"));
  const std::string path = "goldspan_test_schema.json";
  json j = base();
  j["entity_types"][1]["hotkey"] = "p";
  std::ofstream(path) << j.dump();
  try {
    Schema::load_file(path);
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == path + ": entity_types[1].hotkey: duplicate hotkey 'p' (also used by entity_types[0])");
  }
  std::remove(path.c_str());
}
