// goldspan agree over gold JSONL streams document by document; its output must be the one of the
// whole file path over the same annotations in gold JSON files. Annotators are derived here
// from the shipped sample (spans dropped, relabelled, an attribute changed, a document left
// empty), written as gold JSON and converted to gold JSONL by the CLI.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "cli_support.hpp"
#include "derived_annotators.hpp"
#include "support.hpp"

namespace {

using namespace goldspan::test;  // Run, run, write_temp, the derived annotators

// The output without the file names, which differ (.json / .jsonl).
std::string without_files(std::string out, const std::vector<std::string>& bases) {
  for (const std::string& ext : {".jsonl", ".json"})
    for (const std::string& b : bases)
      for (size_t at; (at = out.find(b + ext)) != std::string::npos;) out.replace(at, b.size() + ext.size(), "FILE");
  return out;
}

// Every output of the whole file path over .json equals the streamed one over .jsonl, byte for byte.
void same_both_ways(const std::vector<std::string>& bases) {
  for (const std::string options : {"--json --per-label --per-doc", "--per-label --per-doc", "--partial", "--json"}) {
    INFO(options);
    const Run whole = run("agree " + options + files(bases, ".json"));
    const Run streamed = run("agree " + options + files(bases, ".jsonl"));
    INFO(whole.err);
    INFO(streamed.err);
    REQUIRE(whole.code == 0);
    REQUIRE(streamed.code == 0);
    CHECK(without_files(streamed.out, bases) == without_files(whole.out, bases));
    CHECK(without_files(streamed.err, bases) == without_files(whole.err, bases));
  }
}

}  // namespace

TEST_CASE("cli agree stream: gold JSONL gives the whole files' figures exactly", "[cli][agree][stream]") {
  const json g = base_corpus();
  const std::vector<std::string> bases = {
      write_both("st-ana", annotator(g, "ana", 0, 0, false, "")),
      write_both("st-bo", annotator(g, "bo", 4, 1, true, "hedged")),
      write_both("st-cy", annotator(g, "cy", 3, 2, false, "", "harbor-b-2"))};
  same_both_ways(bases);
  // Not the trivial case: every kind of figure is there and the annotators disagree.
  const json j = json::parse(run("agree --json --per-label --per-doc" + files(bases, ".jsonl")).out);
  CHECK(j["pairs"][0]["exact"]["f1"].get<double>() < 1);
  CHECK(j["pairs"][0]["exact"]["f1"].get<double>() > 0);
  CHECK(j["pairs"][0].contains("relations"));
  CHECK(j["pairs"][0]["attributes"].contains("stance"));
  CHECK(j["pairs"][0]["clusters"].contains("entity"));
  CHECK(j["pairs"][1]["per_document"].contains("quiet") == false);  // no spans: no span figures
  CHECK(j["tokens"]["per_document"].contains("quiet"));
  CHECK(j["unitizing"]["documents"] == 7);
}

TEST_CASE("cli agree stream: one document only, and two annotators", "[cli][agree][stream]") {
  json g = base_corpus();
  g["documents"] = json::array({g["documents"][0]});
  json clusters = json::array();
  for (const json& c : g["clusters"])
    if (c["members"][0]["doc"] == g["documents"][0]["id"]) clusters.push_back(c);
  g["clusters"] = clusters;
  same_both_ways({write_both("one-ana", annotator(g, "ana", 0, 0, false, "")),
                  write_both("one-bo", annotator(g, "bo", 2, 0, true, "denied"))});
}

TEST_CASE("cli agree stream: documents in another order or missing go through the index, same figures", "[cli][agree][stream]") {
  const json g = base_corpus();
  json bo = annotator(g, "bo", 4, 1, true, "hedged");
  std::reverse(bo["documents"].begin(), bo["documents"].end());
  bo["documents"].erase(2);  // harbor-a-2: a document one file lacks
  json clusters = json::array();
  for (const json& d : bo["documents"])  // clusters in bo's document order
    for (const json& c : bo["clusters"])
      if (c["members"][0]["doc"] == d["id"]) clusters.push_back(c);
  bo["clusters"] = clusters;
  json cy = annotator(g, "cy", 3, 2, false, "", "harbor-b-2");
  cy["documents"].erase(cy["documents"].size() - 1);  // the last: the files end at different lines
  const std::vector<std::string> bases = {write_both("ord-ana", annotator(g, "ana", 0, 0, false, "")),
                                          write_both("ord-bo", bo), write_both("ord-cy", cy)};
  same_both_ways(bases);
  const Run r = run("agree --json" + files(bases, ".jsonl"));
  CHECK(r.err.find("lacks document 'harbor-b-2'") != std::string::npos);
}

TEST_CASE("cli agree stream: a document with another text is an error naming both files and the line", "[cli][agree][stream]") {
  const json g = base_corpus();
  json cy = annotator(g, "cy", 3, 2, false, "");
  json& d = cy["documents"][1];
  d["text"] = d["text"].get<std::string>() + " Added.";
  d["sha256"] = goldspan::sha256_hex(d["text"].get<std::string>());
  const std::string ana = write_both("mis-ana", annotator(g, "ana", 0, 0, false, "")), c = write_both("mis-cy", cy);
  const Run r = run("agree " + ana + ".jsonl " + c + ".jsonl");
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find(ana + ".jsonl line 2 and " + c + ".jsonl line 2") != std::string::npos);
  CHECK(r.err.find("document 'harbor-b'") != std::string::npos);
  CHECK(r.err.find("different texts") != std::string::npos);
  // The same through the index (the files differ in order before that document).
  json rev = cy;
  std::swap(rev["documents"][0], rev["documents"][1]);
  const std::string c2 = write_both("mis-rev", rev);
  const Run s = run("agree " + ana + ".jsonl " + c2 + ".jsonl");
  CHECK(s.code == 1);
  CHECK(s.err.find(ana + ".jsonl line 2 and " + c2 + ".jsonl line 1") != std::string::npos);
}

TEST_CASE("cli agree stream: a document on two lines of one file is an error naming both lines", "[cli][agree][stream]") {
  const json g = base_corpus();
  const std::string ana = write_both("dup-ana", annotator(g, "ana", 0, 0, false, ""));
  const std::string lines = goldspan::test::read_file(ana + ".jsonl").value();
  const std::string first = lines.substr(0, lines.find('\n') + 1);
  write_temp("dup-bo.jsonl", lines + first);  // in step up to the end, where only bo goes on
  Run r = run("agree " + ana + ".jsonl " + temp_dir() + "/dup-bo.jsonl");
  CHECK(r.code == 1);
  CHECK(r.err.find("dup-bo.jsonl: line 8") != std::string::npos);
  CHECK(r.err.find("is on line 1 too") != std::string::npos);
  write_temp("dup-cy.jsonl", first + lines);  // out of step at once: found by the index
  r = run("agree " + ana + ".jsonl " + temp_dir() + "/dup-cy.jsonl");
  CHECK(r.code == 1);
  CHECK(r.err.find("dup-cy.jsonl: line 2") != std::string::npos);
  CHECK(r.err.find("is on line 1 too") != std::string::npos);
  // A line that does not read, met by the index (the files out of step from line 1), names its line.
  const std::string second = lines.substr(first.size(), lines.find('\n', first.size()) + 1 - first.size());
  write_temp("bad-cy.jsonl", second + first + "{\"format\": \"goldspan-gold\"\n");
  r = run("agree " + ana + ".jsonl " + temp_dir() + "/bad-cy.jsonl");
  CHECK(r.code == 1);
  CHECK(r.err.find("bad-cy.jsonl: line 3") != std::string::npos);
}
