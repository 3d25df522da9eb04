// goldspan stats — counts of a gold file per label, per document and per annotator.
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.hpp"
#include "io.hpp"
#include "error.hpp"
#include "formats.hpp"

namespace goldspan::cli {

namespace {

using ojson = nlohmann::ordered_json;

std::string who(const ImportedStamp& s) { return s.annotator ? *s.annotator : "(none)"; }

ojson stats_of(const GoldImport& in) {
  const Schema& schema = *in.schema;
  ojson labels = ojson::object(), relation_types = ojson::object(), link_types = ojson::object();
  for (const SpanType& t : schema.span_types()) labels[t.name] = 0;
  for (const RelationType& r : schema.relation_types()) relation_types[r.name] = 0;
  for (const LinkType& l : schema.link_types()) link_types[l.name] = 0;
  ojson docs = ojson::object();
  for (const auto& d : in.documents) docs[d->id()] = {{"code_points", d->length()}, {"tokens", d->tokens().size()}, {"spans", 0}, {"relations", 0}};
  std::map<std::string, std::map<std::string, size_t>> people;
  for (const ImportedSpan& s : in.spans) {
    labels[s.label] = labels[s.label].get<size_t>() + 1;
    ojson& d = docs[in.documents[s.doc]->id()];
    d["spans"] = d["spans"].get<size_t>() + 1;
    ++people[who(s.stamp)]["spans"];
  }
  for (const ImportedRelation& r : in.relations) {
    relation_types[r.type] = relation_types[r.type].get<size_t>() + 1;
    ojson& d = docs[in.documents[r.doc]->id()];
    d["relations"] = d["relations"].get<size_t>() + 1;
    ++people[who(r.stamp)]["relations"];
  }
  size_t entity_clusters = 0;
  for (const ImportedCluster& c : in.clusters) {
    entity_clusters += c.kind == SpanKind::Entity;
    ++people[who(c.stamp)]["clusters"];
  }
  for (const ImportedLink& l : in.links) {
    link_types[l.type] = link_types[l.type].get<size_t>() + 1;
    ++people[who(l.stamp)]["cluster_links"];
  }
  ojson per_annotator = ojson::object();
  for (const auto& [name, counts] : people) {
    ojson p;
    for (const char* k : {"spans", "relations", "clusters", "cluster_links"}) p[k] = counts.count(k) ? counts.at(k) : 0;
    per_annotator[name] = std::move(p);
  }
  ojson out;
  out["file"] = in.file_name;
  out["totals"] = {{"documents", in.documents.size()}, {"spans", in.spans.size()}, {"relations", in.relations.size()},
                   {"clusters", in.clusters.size()}, {"entity_clusters", entity_clusters},
                   {"claim_clusters", in.clusters.size() - entity_clusters}, {"cluster_links", in.links.size()}};
  out["labels"] = std::move(labels);
  out["relation_types"] = std::move(relation_types);
  out["link_types"] = std::move(link_types);
  out["per_document"] = std::move(docs);
  out["per_annotator"] = std::move(per_annotator);
  return out;
}


std::string text_of(const ojson& s) {
  std::ostringstream o;
  const ojson& t = s["totals"];
  o << s["file"].get<std::string>() << ": " << t["documents"] << " documents, " << t["spans"] << " spans, " << t["relations"]
    << " relations, " << t["clusters"] << " clusters (" << t["entity_clusters"] << " entity, " << t["claim_clusters"] << " claim), "
    << t["cluster_links"] << " cluster links\n";
  auto counts = [](const ojson& j) {
    std::vector<std::vector<std::string>> rows;
    for (auto it = j.begin(); it != j.end(); ++it) rows.push_back({it.key(), it.value().dump()});
    return rows;
  };
  print_table(o, "spans per label", {"LABEL", "SPANS"}, counts(s["labels"]));
  print_table(o, "relations per type", {"TYPE", "RELATIONS"}, counts(s["relation_types"]));
  print_table(o, "cluster links per type", {"TYPE", "LINKS"}, counts(s["link_types"]));
  std::vector<std::vector<std::string>> rows;
  for (auto it = s["per_document"].begin(); it != s["per_document"].end(); ++it)
    rows.push_back({it.key(), it.value()["code_points"].dump(), it.value()["tokens"].dump(), it.value()["spans"].dump(), it.value()["relations"].dump()});
  print_table(o, "per document", {"DOCUMENT", "CODE POINTS", "TOKENS", "SPANS", "RELATIONS"}, rows);
  rows.clear();
  for (auto it = s["per_annotator"].begin(); it != s["per_annotator"].end(); ++it)
    rows.push_back({it.key(), it.value()["spans"].dump(), it.value()["relations"].dump(), it.value()["clusters"].dump(), it.value()["cluster_links"].dump()});
  print_table(o, "per annotator", {"ANNOTATOR", "SPANS", "RELATIONS", "CLUSTERS", "LINKS"}, rows);
  return o.str();
}

}  // namespace

int cmd_stats(const Args& args) {
  bool as_json = false;
  std::string locale;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--json") as_json = true;
    else if (args[i] == "--locale" && i + 1 < args.size()) locale = args[++i];
    else if (args[i].size() > 1 && args[i][0] == '-') {
      std::cerr << "goldspan stats: unknown option '" << args[i] << "'\n";
      return 2;
    } else files.push_back(args[i]);
  }
  if (files.size() != 1) {
    std::cerr << "goldspan stats: usage: goldspan stats [--json] FILE\n";
    return 2;
  }
  try {
    Tokenizer tok(locale);
    ReadOptions r;
    r.schema_locale = locale.empty();
    const GoldImport in = read_format("gold", files[0], r, tok);
    if (!in.ok()) {
      for (const std::string& e : in.errors) std::cerr << "goldspan stats: " << e << '\n';
      return 1;
    }
    const ojson s = stats_of(in);
    std::cout << (as_json ? s.dump(2) + "\n" : text_of(s));
    return 0;
  } catch (const Error& e) {
    std::cerr << "goldspan stats: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace goldspan::cli
