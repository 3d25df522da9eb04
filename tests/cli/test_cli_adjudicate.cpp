// `goldspan adjudicate` through the real binary: identical files give the file back with every
// record voted by both, a span one annotator lacks is an open conflict unless prefer=NAME
// decides, the output validates and re-imports, and the bytes are deterministic.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

#include "cli_support.hpp"
#include "support.hpp"

namespace {

using goldspan::test::Run;
using goldspan::test::run;
using goldspan::test::temp_dir;
using goldspan::test::write_temp;
using json = nlohmann::json;

const std::string kGold = std::string(GOLDSPAN_SOURCE_DIR) + "/tests/io/fixtures/samples.gold.json";
const std::string kTime = " --time 2024-01-01T00:00:00.000Z";

json gold_of(const std::string& path) { return json::parse(goldspan::test::read_file(path).value()); }

// A copy of the samples as annotator `name` made it, without the span whose text is `drop`.
std::string copy_as(const std::string& name, const std::string& drop = "") {
  json j = gold_of(kGold);
  j["provenance"]["annotators"] = json::array({name});
  for (json& d : j["documents"]) {
    json kept = json::array();
    for (const json& s : d["spans"])
      if (s["text"] != drop) kept.push_back(s);
    d["spans"] = kept;
  }
  return write_temp(name + ".json", j.dump());
}

}  // namespace

TEST_CASE("cli adjudicate: identical files give the file back, voted by both", "[cli][adjudicate]") {
  const std::string a = copy_as("ana"), b = copy_as("bo"), out = temp_dir() + "/same.json";
  const Run r = run("adjudicate " + a + " " + b + " -o " + out + kTime);
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("kept 20 spans, 6 relations, 4 clusters, 3 claim links from 2 annotators (majority); 0 conflicts open\n", 0) == 0);
  CHECK(r.err.empty());
  const json g = gold_of(out), want = gold_of(kGold);
  REQUIRE(g["documents"].size() == want["documents"].size());
  for (size_t d = 0; d < g["documents"].size(); ++d) {
    json spans = g["documents"][d]["spans"];
    for (json& s : spans) {
      CHECK(s["x_annotators"] == json::array({"ana", "bo"}));
      s.erase("x_annotators");
    }
    CHECK(spans == want["documents"][d]["spans"]);
  }
  json links = g["cluster_links"];
  for (json& l : links) {
    CHECK(l["x_annotators"] == json::array({"ana", "bo"}));
    l.erase("x_annotators");
  }
  CHECK(links == want["cluster_links"]);
  CHECK(g["x_conflicts"].empty());
  const Run v = run("validate " + out);
  CHECK(v.code == 0);
  CHECK(v.out.find("valid (3 documents, 20 spans, 6 relations, 4 clusters, 3 cluster links)") != std::string::npos);
  // Deterministic: the same inputs give the same bytes.
  const std::string again = temp_dir() + "/same2.json";
  REQUIRE(run("adjudicate " + a + " " + b + " -o " + again + kTime).code == 0);
  CHECK(goldspan::test::read_file(out) == goldspan::test::read_file(again));
}

TEST_CASE("cli adjudicate: a span one of two lacks is open; prefer=NAME settles it", "[cli][adjudicate]") {
  const std::string a = copy_as("ana"), b = copy_as("bo", "Saturday night"), out = temp_dir() + "/tie.json";
  const Run r = run("adjudicate " + a + " " + b + " -o " + out + kTime);
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("kept 19 spans", 0) == 0);
  CHECK(r.out.find("span in harbor-a: DATE [17, 31) \"Saturday night\" — had: ana") != std::string::npos);
  const json g = gold_of(out);
  REQUIRE(g["x_conflicts"].size() == 1);
  CHECK(g["x_conflicts"][0]["lacked"] == json::array({"bo"}));
  CHECK(run("validate " + out).code == 0);

  const Run p = run("adjudicate " + a + " " + b + " -o " + out + " --strategy prefer=ana" + kTime);
  REQUIRE(p.code == 0);
  CHECK(p.out.rfind("kept 20 spans", 0) == 0);
  const Run q = run("adjudicate " + a + " " + b + " -o " + out + " --strategy prefer=bo" + kTime);
  CHECK(q.out.rfind("kept 19 spans", 0) == 0);
}

TEST_CASE("cli adjudicate: a claim link one of two lacks is open; prefer=NAME settles it", "[cli][adjudicate]") {
  // bo's copy lacks the samples' link l2 (contradicts, harbor-b's s14 -> cluster c3).
  json j = gold_of(copy_as("bo"));
  json kept = json::array();
  for (const json& l : j["cluster_links"])
    if (l["id"] != "l2") kept.push_back(l);
  j["cluster_links"] = kept;
  const std::string a = copy_as("ana"), b = write_temp("bo-links.json", j.dump()), out = temp_dir() + "/links.json";
  const Run r = run("adjudicate " + a + " " + b + " -o " + out + kTime);
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("kept 20 spans, 6 relations, 4 clusters, 2 claim links", 0) == 0);
  CHECK(r.out.find("link: contradicts: CLAIM [") != std::string::npos);
  const json g = gold_of(out);
  REQUIRE(g["x_conflicts"].size() == 1);
  CHECK(g["x_conflicts"][0]["kind"] == "link");
  CHECK(g["x_conflicts"][0]["had"] == json::array({"ana"}));
  CHECK(g["x_conflicts"][0]["lacked"] == json::array({"bo"}));
  for (const json& l : g["cluster_links"]) CHECK(l["x_annotators"] == json::array({"ana", "bo"}));
  CHECK(run("validate " + out).code == 0);

  const Run p = run("adjudicate " + a + " " + b + " -o " + out + " --strategy prefer=ana" + kTime);
  REQUIRE(p.code == 0);
  CHECK(p.out.find("3 claim links") != std::string::npos);
  const json pg = gold_of(out);
  REQUIRE(pg["cluster_links"].size() == 3);
  size_t only_ana = 0;
  for (const json& l : pg["cluster_links"]) only_ana += l["x_annotators"] == json::array({"ana"});
  CHECK(only_ana == 1);
}

TEST_CASE("cli adjudicate: usage errors", "[cli][adjudicate]") {
  const std::string a = copy_as("ana"), out = temp_dir() + "/bad.json";
  CHECK(run("adjudicate " + a + " -o " + out).code == 2);  // one file
  CHECK(run("adjudicate " + a + " " + a + " -o " + out + " --strategy most").code == 2);
  const Run nobody = run("adjudicate " + a + " " + copy_as("bo") + " -o " + out + " --strategy prefer=cy");
  CHECK(nobody.code == 2);
  CHECK(nobody.err.find("no such annotator (ana, bo)") != std::string::npos);
  const Run missing = run("adjudicate " + a + " /nonexistent.json -o " + out);
  CHECK(missing.code == 1);
  CHECK(missing.err.find("/nonexistent.json") != std::string::npos);
}
