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
#include "io/sha256.hpp"
#include "support.hpp"

namespace {

using goldspan::test::Run;
using goldspan::test::run;
using goldspan::test::temp_dir;
using goldspan::test::write_temp;
using json = nlohmann::json;

const std::string kSource = GOLDSPAN_SOURCE_DIR;

// The sample's documents twice (the copies renamed), and a document nobody marks. Clusters keep
// their first document's members (a gold JSONL line holds one document); claim links go.
json base_corpus() {
  json g = json::parse(goldspan::test::read_file(kSource + "/tests/io/fixtures/samples.gold.json").value());
  json docs = g["documents"];
  for (json d : g["documents"]) {
    const std::string suffix = "-2";
    d["id"] = d["id"].get<std::string>() + suffix;
    for (json& s : d["spans"]) s["id"] = s["id"].get<std::string>() + suffix;
    for (json& r : d["relations"]) {
      r["id"] = r["id"].get<std::string>() + suffix;
      r["from"] = r["from"].get<std::string>() + suffix;
      r["to"] = r["to"].get<std::string>() + suffix;
    }
    docs.push_back(d);
  }
  const std::string quiet = "Nothing is marked in this document at all.";
  docs.push_back({{"id", "quiet"}, {"text", quiet}, {"sha256", goldspan::sha256_hex(quiet)}, {"spans", json::array()}});
  g["documents"] = docs;
  json clusters = json::array();
  for (const json& d : docs)  // in document order, as the JSONL lines list them
    for (const json& c : g["clusters"]) {
      json kept = c;
      kept["members"] = json::array();
      const std::string first = c["members"][0]["doc"];
      for (const json& m : c["members"])
        if (m["doc"] == first) kept["members"].push_back(m);
      for (const char* suffix : {"", "-2"})
        if (first + suffix == d["id"].get<std::string>()) {
          json k = kept;
          k["id"] = c["id"].get<std::string>() + suffix;
          for (json& m : k["members"]) m = {{"doc", d["id"]}, {"span", m["span"].get<std::string>() + suffix}};
          clusters.push_back(k);
        }
    }
  g["clusters"] = clusters;
  g["cluster_links"] = json::array();
  return g;
}

// Drops every `every`-th span (from `from`) with what refers to it, relabels DATE as EVENT when
// asked, sets every stance attribute to `stance` when given, and empties document `empty`.
json annotator(json g, const std::string& name, size_t every, size_t from, bool relabel, const std::string& stance,
               const std::string& empty = "") {
  std::set<std::string> gone;
  size_t k = 0;
  for (json& d : g["documents"]) {
    json spans = json::array();
    for (json& s : d["spans"]) {
      const bool drop = d["id"] == empty || (every && k++ % every == from);
      if (drop) {
        gone.insert(s["id"].get<std::string>());
        continue;
      }
      if (relabel && s["label"] == "DATE") s["label"] = "EVENT";
      if (!stance.empty() && s.contains("attributes") && s["attributes"].contains("stance")) s["attributes"]["stance"] = stance;
      spans.push_back(s);
    }
    d["spans"] = spans;
    json relations = json::array();
    for (const json& r : d["relations"])
      if (!gone.count(r["from"]) && !gone.count(r["to"])) relations.push_back(r);
    d["relations"] = relations;
  }
  json clusters = json::array();
  for (json c : g["clusters"]) {
    json members = json::array();
    for (const json& m : c["members"])
      if (!gone.count(m["span"])) members.push_back(m);
    c["members"] = members;
    if (!members.empty()) clusters.push_back(c);
  }
  g["clusters"] = clusters;
  // Every record by `name` (convert writes the provenance from the records' annotators).
  for (json& d : g["documents"]) {
    for (json& s : d["spans"]) s["annotator"] = name;
    for (json& r : d["relations"]) r["annotator"] = name;
  }
  for (json& c : g["clusters"]) c["annotator"] = name;
  g["provenance"]["annotators"] = json::array({name});
  return g;
}

// Writes name.json and converts it with the CLI to name.jsonl; returns the path without extension.
std::string write_both(const std::string& name, const json& g) {
  const std::string base = temp_dir() + "/" + name;
  write_temp(name + ".json", g.dump(1));
  const Run r = run("convert --from gold --to gold-jsonl " + base + ".json " + base + ".jsonl");
  INFO(r.err);
  REQUIRE(r.code == 0);
  return base;
}

std::string files(const std::vector<std::string>& bases, const std::string& ext) {
  std::string out;
  for (const std::string& b : bases) out += " " + b + ext;
  return out;
}

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
}
