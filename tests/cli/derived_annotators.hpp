#pragma once
// Annotators derived from the shipped sample for the streaming tests of `agree` and
// `adjudicate`: spans dropped, relabelled, an attribute changed, a document left empty; written
// as gold JSON and converted to gold JSONL by the CLI.
#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

#include "cli_support.hpp"
#include "io/sha256.hpp"

namespace goldspan::test {

using json = nlohmann::json;

inline const std::string kSource = GOLDSPAN_SOURCE_DIR;

// The sample's documents twice (the copies renamed), and a document nobody marks. Clusters keep
// their first document's members (a gold JSONL line holds one document); claim links go.
inline json base_corpus() {
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
inline json annotator(json g, const std::string& name, size_t every, size_t from, bool relabel, const std::string& stance,
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
inline std::string write_both(const std::string& name, const json& g) {
  const std::string base = temp_dir() + "/" + name;
  write_temp(name + ".json", g.dump(1));
  const Run r = run("convert --from gold --to gold-jsonl " + base + ".json " + base + ".jsonl");
  INFO(r.err);
  REQUIRE(r.code == 0);
  return base;
}

// " B1.ext B2.ext ...": the files of `bases` with one extension, for a command line.
inline std::string files(const std::vector<std::string>& bases, const std::string& ext) {
  std::string out;
  for (const std::string& b : bases) out += " " + b + ext;
  return out;
}

}  // namespace goldspan::test
