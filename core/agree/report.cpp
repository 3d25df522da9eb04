// Every figure of `goldspan agree` from several annotators' imports (report.hpp). Moved out of
// cli/cmd_agree.cpp so the app's Agreement window prints the CLI's numbers from the same code.
#include "agree/report.hpp"

#include <cmath>
#include <cstdint>
#include <utility>

#include "agree/clusters.hpp"
#include "agree/tokens.hpp"
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
  for (const ImportedSpan& s : a.import.spans) {
    a.spans.push_back({a.import.documents[s.doc]->id(), s.label, s.fragments.front().start, s.fragments.back().end});
    a.attributes.emplace_back(s.attributes.begin(), s.attributes.end());
    for (const Range& f : s.fragments) a.units[a.import.documents[s.doc]->id()].push_back({s.label, f.start, f.end});
  }
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

std::vector<AgreeSpan> of_kind(const AgreeFile& a, SpanKind kind) {
  std::vector<AgreeSpan> out;
  const Schema& schema = *a.import.schema;
  for (const AgreeSpan& s : a.spans) {
    const int t = schema.span_type(s.label);
    if (t >= 0 && schema.span_types()[t].kind == kind) out.push_back(s);
  }
  return out;
}

std::vector<AgreeSpan> in_documents(const std::vector<AgreeSpan>& spans, const AgreeFile& other) {
  std::vector<AgreeSpan> out;
  for (const AgreeSpan& s : spans)
    if (other.doc_index.count(s.doc)) out.push_back(s);
  return out;
}

ojson number(double v) { return std::isnan(v) ? ojson(nullptr) : ojson(v); }

// The spans of one kind in the documents `other` has, and that kind's clusters over them.
struct KindView {
  std::vector<AgreeSpan> spans;
  std::vector<std::vector<size_t>> clusters;
};

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

ojson score_json(const ClusterScore& s) {
  return {{"recall", s.recall()}, {"precision", s.precision()}, {"f1", s.f1()}};
}

// Cluster agreement per span kind that either file clusters (entity, claim).
ojson clusters_json(const AgreeFile& a, const AgreeFile& b) {
  ojson out = ojson::object();
  for (SpanKind kind : {SpanKind::Entity, SpanKind::Claim}) {
    const KindView va = kind_view(a, kind, b), vb = kind_view(b, kind, a);
    if (va.clusters.empty() && vb.clusters.empty()) continue;
    const auto [key, response] = mention_clusterings(va.spans, va.clusters, vb.spans, vb.clusters);
    const CorefAgreement c = coref_agreement(key, response);
    out[to_string(kind)] = {{"muc", score_json(c.muc)},
                            {"b_cubed", score_json(c.b_cubed)},
                            {"ceaf_e", score_json(c.ceaf_entity)},
                            {"ceaf_m", score_json(c.ceaf_mention)},
                            {"blanc", {{"recall", c.blanc.recall}, {"precision", c.blanc.precision}, {"f1", c.blanc.f1}}},
                            {"conll_f1", c.conll_f1}};
  }
  return out;
}

ojson counts_json(const SpanCounts& c) {
  return {{"spans_a", c.reference}, {"spans_b", c.candidate}, {"matched", c.matched},
          {"precision", number(c.precision())}, {"recall", number(c.recall())}, {"f1", number(c.f1())}};
}

ojson agreement_json(const SpanAgreement& r, bool per_label) {
  ojson j = counts_json(r.micro);
  j["macro"] = {{"precision", number(r.macro_precision)}, {"recall", number(r.macro_recall)}, {"f1", number(r.macro_f1)}};
  if (per_label) {
    ojson l = ojson::object();
    for (const auto& [label, c] : r.per_label) l[label] = counts_json(c);
    j["per_label"] = std::move(l);
  }
  return j;
}

ojson kappa_json(const Kappa& k) {
  return {{"value", number(k.value)}, {"observed", number(k.observed)}, {"expected", number(k.expected)}};
}

// Token labels of every document, unit = token, coder = file (nullopt when the file lacks it).
struct TokenUnits {
  LabelMatrix labels;
  std::vector<std::pair<std::string, size_t>> docs;  // id, first unit
};

TokenUnits token_units(const std::vector<AgreeFile>& all) {
  TokenUnits u;
  std::vector<std::map<std::string, std::vector<AgreeSpan>>> entities(all.size());  // file -> doc -> spans
  for (size_t f = 0; f < all.size(); ++f)
    for (AgreeSpan& s : of_kind(all[f], SpanKind::Entity)) entities[f][s.doc].push_back(std::move(s));
  std::map<std::string, bool> seen;
  for (const AgreeFile& a : all)
    for (const auto& doc : a.import.documents) {
      if (seen[doc->id()]) continue;
      seen[doc->id()] = true;
      u.docs.emplace_back(doc->id(), u.labels.size());
      const std::vector<Token>& tokens = doc->tokens();
      const size_t first = u.labels.size();
      u.labels.resize(first + tokens.size(), std::vector<std::optional<std::string>>(all.size()));
      for (size_t f = 0; f < all.size(); ++f) {
        if (!all[f].doc_index.count(doc->id())) continue;
        static const std::vector<AgreeSpan> kNone;
        const auto mine = entities[f].find(doc->id());
        const std::vector<std::string> l = token_labels(tokens, mine == entities[f].end() ? kNone : mine->second);
        for (size_t t = 0; t < l.size(); ++t) u.labels[first + t][f] = l[t];
      }
    }
  return u;
}

ojson token_json(const TokenAgreement& t, const std::vector<std::string>& names) {
  ojson cohen = ojson::array();
  for (size_t i = 0; i < names.size(); ++i)
    for (size_t j = i + 1; j < names.size(); ++j) {
      ojson k = kappa_json(t.cohen[i][j]);
      k["a"] = names[i];
      k["b"] = names[j];
      cohen.push_back(std::move(k));
    }
  return {{"tokens", t.units},
          {"cohen_kappa", std::move(cohen)},
          {"fleiss_kappa", kappa_json(t.fleiss)},
          {"krippendorff_alpha_nominal",
           {{"value", number(t.alpha.value)}, {"observed_disagreement", number(t.alpha.observed)},
            {"expected_disagreement", number(t.alpha.expected)}, {"pairable_values", t.alpha.pairable}}}};
}

// Relations of the documents `other` has, ends as indices into a.spans.
std::vector<AgreeRelation> relations_of(const AgreeFile& a, const AgreeFile& other) {
  std::vector<AgreeRelation> out;
  for (const ImportedRelation& r : a.import.relations)
    if (other.doc_index.count(a.import.documents[r.doc]->id())) out.push_back({r.type, r.from, r.to});
  return out;
}

// Attributes over the spans paired by overlap (not in the partial counts: see not_merged).
void attributes_json(const AgreeFile& a, const AgreeFile& b, ojson& p) {
  const auto pairs = match_spans(a.spans, b.spans, SpanMatch::Overlap, true);
  ojson attrs = ojson::object();
  for (const auto& [name, r] : attribute_agreement(a.attributes, b.attributes, pairs))
    attrs[name] = {{"pairs", r.pairs}, {"equal", r.equal}, {"cohen_kappa", number(r.kappa.value)}};
  p["attributes"] = std::move(attrs);
}

// Relations as F1 over ends paired by overlap, counted per type.
void relation_counts(const AgreeFile& a, const AgreeFile& b, PairCounts& c) {
  const auto pairs = match_spans(a.spans, b.spans, SpanMatch::Overlap, true);
  const std::vector<AgreeRelation> ra = relations_of(a, b), rb = relations_of(b, a);
  c.has_relations = !ra.empty() || !rb.empty();
  if (c.has_relations) c.relations = relation_agreement(ra, rb, pairs).per_label;
}

// Why a figure is left out of the partial counts (docs/shards.md, "Which results merge").
const std::map<std::string, std::string>& not_merged() {
  static const std::map<std::string, std::string> m = {
      {"clusters", "MUC, B3, CEAF, BLANC are over clusters that may join documents of different shards: "
                   "they need a second pass over every shard's cluster members"},
      {"unitizing", "unitizing alpha's D_e needs every unit and gap length of the concatenated continuum, "
                    "where the last gap of one shard and the first of the next are one gap: a second pass"},
      {"attributes", "attribute kappas are not yet in the partial counts"},
      {"per_document", "documents are whole in one shard: per-document figures are those of the shard's own run"}};
  return m;
}

std::vector<std::string> names_of(const std::vector<AgreeFile>& all) {
  std::vector<std::string> out;
  for (const AgreeFile& a : all) out.push_back(a.name);
  return out;
}

}  // namespace

// [SECTION] Counts: every figure that merges by summing, derived from these in figures_json.
namespace {

AgreeCounts counts_of(const std::vector<AgreeFile>& all, const LabelMatrix& labels) {
  AgreeCounts c;
  c.annotators = names_of(all);
  for (size_t i = 0; i < all.size(); ++i)
    for (size_t j = i + 1; j < all.size(); ++j) {
      // Only documents both files have: a document one file lacks is not a disagreement.
      PairCounts p = pair_counts(in_documents(all[i].spans, all[j]), in_documents(all[j].spans, all[i]));
      relation_counts(all[i], all[j], p);
      c.pairs.push_back(std::move(p));
    }
  c.tokens = token_counts(labels, all.size());
  c.not_merged = not_merged();
  return c;
}

// The documents every file has, in order of first appearance: alpha_U needs every coder on the
// whole continuum, so a document some file lacks is left out (not counted as a gap).
std::vector<UnitizingDocument> unitizing_documents(const std::vector<AgreeFile>& all) {
  std::vector<UnitizingDocument> out;
  std::map<std::string, bool> seen;
  for (const AgreeFile& a : all)
    for (const auto& doc : a.import.documents) {
      if (seen[doc->id()]) continue;
      seen[doc->id()] = true;
      bool everywhere = true;
      for (const AgreeFile& b : all) everywhere = everywhere && b.doc_index.count(doc->id());
      if (!everywhere) continue;
      UnitizingDocument d{doc->id(), doc->length(), {}};
      for (const AgreeFile& b : all) {
        const auto mine = b.units.find(doc->id());
        d.coders.push_back(mine == b.units.end() ? std::vector<UnitizingUnit>{} : mine->second);
      }
      out.push_back(std::move(d));
    }
  return out;
}

ojson unitizing_alpha_json(const UnitizingAlpha& a) {
  return {{"alpha", number(a.value)}, {"observed_disagreement", number(a.observed)},
          {"expected_disagreement", number(a.expected)}, {"units", a.units}};
}

ojson unitizing_json(const UnitizingAgreement& u, bool per_label) {
  ojson j = {{"length", u.length}};
  j.update(unitizing_alpha_json(u.overall));
  if (per_label) {
    ojson l = ojson::object();
    for (const auto& [label, a] : u.per_label) l[label] = unitizing_alpha_json(a);
    j["per_label"] = std::move(l);
  }
  return j;
}

// Krippendorff's alpha_U over the documents concatenated, and per document with --per-doc.
ojson unitizing_all_json(const std::vector<AgreeFile>& all, bool per_label, bool per_doc) {
  const std::vector<UnitizingDocument> docs = unitizing_documents(all);
  ojson j = {{"documents", docs.size()}};
  j.update(unitizing_json(unitizing_agreement(docs), per_label));
  if (per_doc) {
    ojson d = ojson::object();
    for (const UnitizingDocument& doc : docs) d[doc.id] = unitizing_json(unitizing_agreement({doc}), per_label);
    j["per_document"] = std::move(d);
  }
  return j;
}

}  // namespace

// The figures of counts: what a single run and a merge of partial counts both print.
ojson agree_figures_json(const AgreeCounts& c, bool per_label) {
  ojson out;
  ojson people = ojson::array();
  for (const std::string& n : c.annotators) people.push_back({{"name", n}});
  out["annotators"] = std::move(people);
  ojson pairs = ojson::array();
  for (size_t i = 0, k = 0; i < c.annotators.size(); ++i)
    for (size_t j = i + 1; j < c.annotators.size(); ++j, ++k) {
      const PairCounts& pc = c.pairs[k];
      ojson p = {{"a", c.annotators[i]}, {"b", c.annotators[j]}};
      p["exact"] = agreement_json(agreement_of_counts(pc.exact), per_label);
      p["overlap"] = agreement_json(agreement_of_counts(pc.overlap), per_label);
      if (per_label) {
        const LabelConfusion lc = label_confusion(pc);
        p["confusion"] = {{"labels", lc.labels}, {"counts", lc.counts}, {"only_a", lc.only_a}, {"only_b", lc.only_b}};
      }
      if (pc.has_relations) p["relations"] = agreement_json(agreement_of_counts(pc.relations), per_label);
      pairs.push_back(std::move(p));
    }
  out["pairs"] = std::move(pairs);
  out["tokens"] = token_json(token_agreement(c.tokens), c.annotators);
  return out;
}

ojson agree_json(const std::vector<AgreeFile>& all, bool per_label, bool per_doc) {
  const TokenUnits units = token_units(all);
  ojson out = agree_figures_json(counts_of(all, units.labels), per_label);
  for (size_t i = 0, k = 0; i < all.size(); ++i)
    for (size_t j = i + 1; j < all.size(); ++j, ++k) {
      ojson& p = out["pairs"][k];
      attributes_json(all[i], all[j], p);
      p["clusters"] = clusters_json(all[i], all[j]);
      if (per_doc) {
        const auto a = in_documents(all[i].spans, all[j]), b = in_documents(all[j].spans, all[i]);
        ojson d = ojson::object();
        const auto exact = span_agreement_by_document(a, b, SpanMatch::Exact);
        const auto overlap = span_agreement_by_document(a, b, SpanMatch::Overlap);
        for (const auto& [doc, r] : exact)
          d[doc] = {{"exact", agreement_json(r, false)}, {"overlap", agreement_json(overlap.at(doc), false)}};
        p["per_document"] = std::move(d);
      }
    }
  if (per_doc) {
    ojson d = ojson::object();
    for (size_t k = 0; k < units.docs.size(); ++k) {
      const size_t from = units.docs[k].second, to = k + 1 < units.docs.size() ? units.docs[k + 1].second : units.labels.size();
      const LabelMatrix part(units.labels.begin() + from, units.labels.begin() + to);
      d[units.docs[k].first] = token_json(token_agreement(part, all.size()), names_of(all));
    }
    out["tokens"]["per_document"] = std::move(d);
  }
  out["unitizing"] = unitizing_all_json(all, per_label, per_doc);
  return out;
}

AgreeCounts agree_counts(const std::vector<AgreeFile>& all) { return counts_of(all, token_units(all).labels); }

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
