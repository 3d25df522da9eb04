// goldspan adjudicate with gold JSONL in and out adjudicates document by document; what it keeps,
// with whose votes, and the open conflicts must be those of one run over the whole gold JSON
// files (record ids aside: a line numbers its own).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli_support.hpp"
#include "derived_annotators.hpp"
#include "support.hpp"

namespace {

using namespace goldspan::test;  // Run, run, write_temp, the derived annotators

// Every record of adjudicated gold files (one per JSONL line, or one whole), by content: spans by
// document, label, edges, attributes and votes; relations and clusters by their spans' contents.
std::vector<std::string> records(const std::vector<json>& golds) {
  std::vector<std::string> out;
  for (const json& g : golds) {
    std::map<std::string, std::string> span;  // "doc/id" -> content
    for (const json& d : g["documents"]) {
      const std::string doc = d["id"];
      for (const json& s : d["spans"]) {
        const std::string key = doc + " " + s["label"].get<std::string>() + " " + s["start"].dump() + "-" + s["end"].dump() +
                                " " + s.value("attributes", json::object()).dump();
        span[doc + "/" + s["id"].get<std::string>()] = key;
        out.push_back("span " + key + " " + s["x_annotators"].dump());
      }
      for (const json& r : d["relations"])
        out.push_back("relation " + r["type"].get<std::string>() + " " + span[doc + "/" + r["from"].get<std::string>()] + " -> " +
                      span[doc + "/" + r["to"].get<std::string>()] + " " + r["x_annotators"].dump());
    }
    for (const json& c : g["clusters"]) {
      std::vector<std::string> members;
      for (const json& m : c["members"]) members.push_back(span[m["doc"].get<std::string>() + "/" + m["span"].get<std::string>()]);
      std::sort(members.begin(), members.end());
      std::string line = "cluster " + c["kind"].get<std::string>() + " " + c["label"].get<std::string>();
      for (const std::string& m : members) line += " [" + m + "]";
      out.push_back(line + " " + c["x_annotators"].dump());
    }
    for (const json& c : g["x_conflicts"]) out.push_back("conflict " + c.dump());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void same_both_ways(const std::vector<std::string>& bases, const std::string& strategy) {
  INFO(strategy);
  const std::string out = goldspan::test::temp_dir() + "/adjudicated";
  const Run whole = run("adjudicate" + files(bases, ".json") + " -o " + out + ".json --time 2024-01-01T00:00:00Z --strategy " + strategy);
  const Run streamed = run("adjudicate" + files(bases, ".jsonl") + " -o " + out + ".jsonl --time 2024-01-01T00:00:00Z --strategy " + strategy);
  INFO(whole.err);
  INFO(streamed.err);
  REQUIRE(whole.code == 0);
  REQUIRE(streamed.code == 0);
  const std::vector<json> w = {json::parse(goldspan::test::read_file(out + ".json").value())};
  std::vector<json> s;
  std::istringstream lines(goldspan::test::read_file(out + ".jsonl").value());
  for (std::string line; std::getline(lines, line);) s.push_back(json::parse(line));
  CHECK(s.size() == w[0]["documents"].size());
  const std::vector<std::string> rw = records(w), rs = records(s);
  CHECK(rs == rw);
  CHECK(std::count_if(rw.begin(), rw.end(), [](const std::string& r) { return r.rfind("conflict", 0) == 0; }) > 0);
  CHECK(std::count_if(rw.begin(), rw.end(), [](const std::string& r) { return r.rfind("cluster", 0) == 0; }) > 0);
  // The summary on stdout: the same counts; the conflicts listed are the same (another order).
  CHECK(streamed.out.substr(0, streamed.out.find('\n')) == whole.out.substr(0, whole.out.find('\n')));
  auto sorted_lines = [](const std::string& t) {
    std::vector<std::string> v;
    std::istringstream in(t);
    for (std::string l; std::getline(in, l);) v.push_back(l);
    std::sort(v.begin(), v.end());
    return v;
  };
  CHECK(sorted_lines(streamed.out) == sorted_lines(whole.out));
  // The output reads back as gold JSONL.
  CHECK(run("validate " + out + ".jsonl").code == 0);
}

}  // namespace

TEST_CASE("cli adjudicate stream: gold JSONL in and out keeps what one run over the whole files keeps", "[cli][adjudicate][stream]") {
  const json g = base_corpus();
  const std::vector<std::string> bases = {write_both("adj-ana", annotator(g, "ana", 0, 0, false, "")),
                                          write_both("adj-bo", annotator(g, "bo", 4, 1, true, "hedged")),
                                          write_both("adj-cy", annotator(g, "cy", 3, 2, false, "", "harbor-b-2"))};
  for (const char* strategy : {"majority", "unanimous", "prefer=bo"}) same_both_ways(bases, strategy);
}

TEST_CASE("cli adjudicate stream: documents in another order or missing from a file", "[cli][adjudicate][stream]") {
  const json g = base_corpus();
  json bo = annotator(g, "bo", 4, 1, true, "hedged");
  std::reverse(bo["documents"].begin(), bo["documents"].end());
  bo["documents"].erase(2);
  json clusters = json::array();
  for (const json& c : bo["clusters"])
    if (c["members"][0]["doc"] != "harbor-b-2") clusters.push_back(c);
  bo["clusters"] = clusters;
  same_both_ways({write_both("adjo-ana", annotator(g, "ana", 0, 0, false, "")), write_both("adjo-bo", bo),
                  write_both("adjo-cy", annotator(g, "cy", 3, 2, false, ""))},
                 "majority");
}
