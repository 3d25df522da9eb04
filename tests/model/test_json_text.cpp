#include <catch2/catch.hpp>
#include <climits>
#include <nlohmann/json.hpp>

#include "model/json_text.hpp"

using namespace goldspan;

TEST_CASE("json text: integers and strings as nlohmann reads them back", "[model][journal]") {
  std::string s;
  for (int64_t v : {int64_t(0), int64_t(7), int64_t(-1), int64_t(1700000000123), INT64_MIN, INT64_MAX}) {
    s.clear();
    append_int(s, v);
    CHECK(s == std::to_string(v));
  }
  s.clear();
  append_uint(s, UINT64_MAX);
  CHECK(s == "18446744073709551615");

  std::string line;
  JsonWriter w(line);
  w.begin();
  w.field("name", "a \"b\" \\ \n\t\r \x01 \xC3\xA9");
  w.field("t", int64_t(-5));
  w.id_field("id", 's', 12);
  w.null_field("value");
  w.field("frags", std::vector<Range>{{1, 2}, {30, 400}});
  w.array("cmds", 2, [&](size_t i) {
    w.begin();
    w.field("i", int64_t(i));
    w.end();
  });
  w.field("after", "x");
  w.end();
  CHECK(line == R"({"name":"a \"b\" \\ \n\t\r \u0001 )" "\xC3\xA9" R"(","t":-5,"id":"s12","value":null,"frags":[[1,2],[30,400]],"cmds":[{"i":0},{"i":1}],"after":"x"})");
  const nlohmann::json j = nlohmann::json::parse(line);
  CHECK(j["name"] == "a \"b\" \\ \n\t\r \x01 \xC3\xA9");
  CHECK(j["cmds"][1]["i"] == 1);
}

TEST_CASE("json text: long keys and strings made only of escapes", "[model][journal]") {
  std::string line;
  JsonWriter w(line);
  const std::string long_key(60, 'k');
  w.begin();
  w.field(long_key.c_str(), "\"\"\\");
  w.field("b", "");
  w.end();
  CHECK(line == "{\"" + long_key + R"(":"\"\"\\","b":""})");
  CHECK(nlohmann::json::parse(line)[long_key] == "\"\"\\");
}
