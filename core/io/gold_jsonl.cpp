#include "io/gold_jsonl.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "io/read_files.hpp"
#include "io/split.hpp"

namespace goldspan {

using ojson = nlohmann::ordered_json;

namespace {

// The document of a cluster member or link end ({"doc", "span"}), "" for a cluster id.
std::string doc_of(const ojson& end) { return end.is_object() ? end.value("doc", "") : ""; }

}  // namespace

std::string write_gold_jsonl(const Corpus& corpus, const GoldWriteOptions& options, Warnings& warnings) {
  // One writer: the whole gold file, cut into documents. Keeps every field and rule of the
  // gold format in write_gold alone.
  ojson all = ojson::parse(write_gold(corpus, options));
  std::map<std::string, std::string> cluster_doc;  // cluster id → its one document, "" when several
  size_t cross_clusters = 0, cross_links = 0;
  for (const ojson& c : all["clusters"]) {
    std::set<std::string> docs;
    for (const ojson& m : c["members"]) docs.insert(doc_of(m));
    cluster_doc[c["id"].get<std::string>()] = docs.size() == 1 ? *docs.begin() : "";
    cross_clusters += docs.size() > 1;
  }
  auto end_doc = [&](const ojson& e) { return e.is_string() ? cluster_doc[e.get<std::string>()] : doc_of(e); };
  std::map<std::string, ojson> clusters_of, links_of;
  for (const ojson& c : all["clusters"])
    if (const std::string& d = cluster_doc[c["id"].get<std::string>()]; !d.empty()) clusters_of[d].push_back(c);
  for (const ojson& l : all["cluster_links"]) {
    const std::string a = end_doc(l["from"]), b = end_doc(l["to"]);
    if (!a.empty() && a == b) links_of[a].push_back(l);
    else ++cross_links;
  }
  if (cross_clusters) warnings.push_back("gold-jsonl: " + std::to_string(cross_clusters) + " clusters span several documents and are not written (one line holds one document)");
  if (cross_links) warnings.push_back("gold-jsonl: " + std::to_string(cross_links) + " claim links join several documents and are not written");
  // Each line is the file's head (format, schema, provenance) with one document: take the
  // records out first, so that a line copies the head, not the whole corpus (quadratic).
  ojson documents = std::move(all["documents"]);
  all["documents"] = all["clusters"] = all["cluster_links"] = ojson::array();
  std::string out;
  for (ojson& doc : documents) {
    const std::string id = doc["id"].get<std::string>();
    ojson line = all;
    line["documents"] = ojson::array({std::move(doc)});
    line["clusters"] = clusters_of.count(id) ? clusters_of[id] : ojson::array();
    line["cluster_links"] = links_of.count(id) ? links_of[id] : ojson::array();
    out += line.dump();
    out += '\n';
  }
  return out;
}

GoldImport parse_gold_jsonl(std::string_view text, const std::string& file_name, const Schema* expected, Tokenizer& tok) {
  GoldImport all;
  all.file_name = file_name;
  std::set<std::string> ids;
  size_t number = 0;
  for (Lines lines(text); lines.next();) {
    const std::string_view line = lines.line;
    number = lines.number;
    if (blank_line(line)) continue;
    const std::string where = file_name + ": line " + std::to_string(number);
    GoldImport part = parse_gold(line, where, expected ? expected : all.schema.get(), tok);
    if (!part.ok()) {
      for (auto& e : part.errors) all.errors.push_back(std::move(e));
      for (auto& w : part.warnings) all.warnings.push_back(std::move(w));
      all.errors_not_listed += part.errors_not_listed;
      continue;
    }
    for (const auto& d : part.documents)
      if (!ids.insert(d->id()).second) all.errors.push_back(where + ": document '" + d->id() + "' is on an earlier line too");
    // Record ids stay as written (merge_import renames only clashes, which our writer never
    // makes: ids are corpus-wide), so applying in id order gives the split corpus's ids back.
    merge_import(all, std::move(part));
  }
  if (number == 0 || (all.documents.empty() && all.errors.empty())) all.errors.push_back(file_name + ": no documents (one gold file per line expected)");
  return all;
}

}  // namespace goldspan
