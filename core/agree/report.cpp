// Every figure of `goldspan agree` from several annotators' imports (report.hpp). Moved out of
// cli/cmd_agree.cpp so the app's Agreement window prints the CLI's numbers from the same code.
#include "agree/report.hpp"

#include <cmath>
#include <cstdint>
#include <utility>

#include "agree/by_document.hpp"
#include "error.hpp"
#include "io/sha256.hpp"

namespace goldspan {

namespace {

using ojson = nlohmann::ordered_json;

}  // namespace

std::string gold_schema_locale(std::string_view text) {
  // The parse callback drops everything but "schema", so no document is built.
  using nlohmann::json;
  const json root = json::parse(text, [](int depth, json::parse_event_t ev, json& parsed) {
    return !(ev == json::parse_event_t::key && depth == 1 && parsed != "schema");
  }, false);
  if (!root.is_object()) return "";
  const auto s = root.find("schema");
  if (s == root.end() || !s->is_object()) return "";
  const auto l = s->find("locale");
  return l != s->end() && l->is_string() ? l->get<std::string>() : "";
}

AgreeFile agree_file(GoldImport import, std::string file, std::string name) {
  AgreeFile a;
  a.file = std::move(file);
  a.name = std::move(name);
  a.import = std::move(import);
  if (!a.import.ok()) return a;
  for (size_t d = 0; d < a.import.documents.size(); ++d) a.doc_index[a.import.documents[d]->id()] = d;
  for (const ImportedSpan& s : a.import.spans)
    a.spans.push_back({a.import.documents[s.doc]->id(), s.label, s.fragments.front().start, s.fragments.back().end});
  return a;
}

// Throws Error naming both files and the document when one id has two texts.
void check_same_documents(const std::vector<AgreeFile>& all) {
  std::map<std::string, std::pair<std::string, size_t>> first;  // id -> (sha256, file index)
  for (size_t f = 0; f < all.size(); ++f)
    for (const auto& doc : all[f].import.documents) {
      const std::string sha = sha256_hex(doc->text());
      auto [it, fresh] = first.emplace(doc->id(), std::make_pair(sha, f));
      if (!fresh && it->second.first != sha)
        throw Error(all[it->second.second].file + " and " + all[f].file,
                    "document '" + doc->id() + "' has different texts (sha256 " + it->second.first.substr(0, 12) +
                        "… vs " + sha.substr(0, 12) + "…); agreement needs the same documents");
    }
}

namespace {

std::vector<AgreeSpan> in_documents(const std::vector<AgreeSpan>& spans, const AgreeFile& other) {
  std::vector<AgreeSpan> out;
  for (const AgreeSpan& s : spans)
    if (other.doc_index.count(s.doc)) out.push_back(s);
  return out;
}

KindView kind_view(const AgreeFile& a, SpanKind kind, const AgreeFile& other) {
  KindView v;
  const Schema& schema = *a.import.schema;
  std::vector<size_t> index(a.spans.size(), SIZE_MAX);
  for (size_t i = 0; i < a.spans.size(); ++i) {
    const int t = schema.span_type(a.spans[i].label);
    if (t < 0 || schema.span_types()[t].kind != kind || !other.doc_index.count(a.spans[i].doc)) continue;
    index[i] = v.spans.size();
    v.spans.push_back(a.spans[i]);
  }
  for (const ImportedCluster& c : a.import.clusters) {
    if (c.kind != kind) continue;
    v.clusters.emplace_back();
    for (size_t m : c.members)
      if (index[m] != SIZE_MAX) v.clusters.back().push_back(index[m]);
  }
  return v;
}

// Cluster agreement per span kind that either file clusters (entity, claim), over the whole
// files: a gold JSON file's clusters may join documents.
ojson clusters_json(const AgreeFile& a, const AgreeFile& b) {
  ojson out = ojson::object();
  for (SpanKind kind : {SpanKind::Entity, SpanKind::Claim}) {
    const KindView va = kind_view(a, kind, b), vb = kind_view(b, kind, a);
    if (va.clusters.empty() && vb.clusters.empty()) continue;
    out[to_string(kind)] = cluster_json(va, vb);
  }
  return out;
}

// The documents of every file in order of first appearance, each as every file has it.
AgreeAccumulator accumulate(const std::vector<AgreeFile>& all, bool per_label, bool per_doc) {
  std::vector<std::string> names;
  for (const AgreeFile& a : all) names.push_back(a.name);
  AgreeAccumulator acc(names, per_label, per_doc);
  std::vector<ImportDocuments> by_doc;
  for (const AgreeFile& a : all) by_doc.emplace_back(a.import);
  std::map<std::string, bool> seen;
  for (const AgreeFile& first : all)
    for (const auto& text : first.import.documents) {
      if (seen[text->id()]) continue;
      seen[text->id()] = true;
      std::vector<DocAnnotations> held(all.size());
      AgreeDocument doc{text->id(), text, std::vector<const DocAnnotations*>(all.size()), std::vector<size_t>(all.size())};
      for (size_t f = 0; f < all.size(); ++f) {
        const auto d = all[f].doc_index.find(text->id());
        if (d == all[f].doc_index.end()) continue;
        held[f] = by_doc[f].annotations(d->second);
        doc.files[f] = &held[f];
        doc.lines[f] = d->second;
      }
      acc.add(doc);
    }
  return acc;
}

}  // namespace

AgreeCounts agree_counts(const std::vector<AgreeFile>& all) { return accumulate(all, false, false).counts(); }

ojson agree_json(const std::vector<AgreeFile>& all, bool per_label, bool per_doc) {
  std::vector<ojson> clusters;
  for (size_t i = 0; i < all.size(); ++i)
    for (size_t j = i + 1; j < all.size(); ++j) clusters.push_back(clusters_json(all[i], all[j]));
  return accumulate(all, per_label, per_doc).json(std::move(clusters));
}

std::vector<ConfusedSpans> confused_spans(const AgreeFile& a, const AgreeFile& b) {
  // The same spans and matching as pair_counts' label_confusion, so the items add up to its cells.
  const std::vector<AgreeSpan> sa = in_documents(a.spans, b), sb = in_documents(b.spans, a);
  std::vector<ConfusedSpans> out;
  std::vector<char> paired_a(sa.size()), paired_b(sb.size());
  for (const auto& [i, j] : match_spans(sa, sb, SpanMatch::Overlap, false)) {
    out.push_back({sa[i], sb[j]});
    paired_a[i] = paired_b[j] = 1;
  }
  for (size_t i = 0; i < sa.size(); ++i)
    if (!paired_a[i]) out.push_back({sa[i], std::nullopt});
  for (size_t j = 0; j < sb.size(); ++j)
    if (!paired_b[j]) out.push_back({std::nullopt, sb[j]});
  return out;
}

}  // namespace goldspan
