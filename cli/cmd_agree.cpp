// goldspan agree — inter-annotator agreement between gold files of the same documents.
// Loads and checks the files, hands plain spans and token labels to core/agree, prints.
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iomanip>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "agree/clusters.hpp"
#include "agree/partial.hpp"
#include "agree/relations.hpp"
#include "agree/spans.hpp"
#include "agree/tokens.hpp"
#include "agree/unitizing.hpp"
#include "annotators.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "formats.hpp"
#include "io.hpp"
#include "io/gold_json.hpp"
#include "io/sha256.hpp"

namespace goldspan::cli {

namespace {

using ojson = nlohmann::ordered_json;

struct Annotation {
  std::string file, name;
  GoldImport import;
  std::vector<AgreeSpan> spans;                  // every kind, extent of each span
  std::vector<AttributeValues> attributes;       // parallel to spans
  std::map<std::string, std::vector<UnitizingUnit>> units;  // doc id -> every fragment of every span
  std::map<std::string, size_t> doc_index;       // id -> index into import.documents
};

Annotation load(const std::string& file, Tokenizer& tok, bool locale_from_schema) {
  Annotation a;
  a.file = file;
  const std::string text = read_input(file);
  ReadOptions r;
  r.schema_locale = locale_from_schema;  // tokens as the app makes them for the file's schema
  a.import = read_format("gold", file, r, tok);
  if (!a.import.ok()) return a;
  a.name = annotator_name(text, file);
  for (size_t d = 0; d < a.import.documents.size(); ++d) a.doc_index[a.import.documents[d]->id()] = d;
  for (const ImportedSpan& s : a.import.spans) {
    a.spans.push_back({a.import.documents[s.doc]->id(), s.label, s.fragments.front().start, s.fragments.back().end});
    a.attributes.emplace_back(s.attributes.begin(), s.attributes.end());
    for (const Range& f : s.fragments) a.units[a.import.documents[s.doc]->id()].push_back({s.label, f.start, f.end});
  }
  return a;
}

// Throws Error naming both files and the document when one id has two texts.
void check_documents(const std::vector<Annotation>& all) {
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

std::vector<AgreeSpan> of_kind(const Annotation& a, SpanKind kind) {
  std::vector<AgreeSpan> out;
  const Schema& schema = *a.import.schema;
  for (const AgreeSpan& s : a.spans) {
    const int t = schema.span_type(s.label);
    if (t >= 0 && schema.span_types()[t].kind == kind) out.push_back(s);
  }
  return out;
}

std::vector<AgreeSpan> in_documents(const std::vector<AgreeSpan>& spans, const Annotation& other) {
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

KindView kind_view(const Annotation& a, SpanKind kind, const Annotation& other) {
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
ojson clusters_json(const Annotation& a, const Annotation& b) {
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

TokenUnits token_units(const std::vector<Annotation>& all) {
  TokenUnits u;
  std::vector<std::map<std::string, std::vector<AgreeSpan>>> entities(all.size());  // file -> doc -> spans
  for (size_t f = 0; f < all.size(); ++f)
    for (AgreeSpan& s : of_kind(all[f], SpanKind::Entity)) entities[f][s.doc].push_back(std::move(s));
  std::map<std::string, bool> seen;
  for (const Annotation& a : all)
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
std::vector<AgreeRelation> relations_of(const Annotation& a, const Annotation& other) {
  std::vector<AgreeRelation> out;
  for (const ImportedRelation& r : a.import.relations)
    if (other.doc_index.count(a.import.documents[r.doc]->id())) out.push_back({r.type, r.from, r.to});
  return out;
}

// Attributes over the spans paired by overlap (not in the partial counts: see not_merged).
void attributes_json(const Annotation& a, const Annotation& b, ojson& p) {
  const auto pairs = match_spans(a.spans, b.spans, SpanMatch::Overlap, true);
  ojson attrs = ojson::object();
  for (const auto& [name, r] : attribute_agreement(a.attributes, b.attributes, pairs))
    attrs[name] = {{"pairs", r.pairs}, {"equal", r.equal}, {"cohen_kappa", number(r.kappa.value)}};
  p["attributes"] = std::move(attrs);
}

// Relations as F1 over ends paired by overlap, counted per type.
void relation_counts(const Annotation& a, const Annotation& b, PairCounts& c) {
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

std::vector<std::string> names_of(const std::vector<Annotation>& all) {
  std::vector<std::string> out;
  for (const Annotation& a : all) out.push_back(a.name);
  return out;
}

// [SECTION] Counts: every figure that merges by summing, derived from these in figures_json.
AgreeCounts counts_of(const std::vector<Annotation>& all, const LabelMatrix& labels) {
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
std::vector<UnitizingDocument> unitizing_documents(const std::vector<Annotation>& all) {
  std::vector<UnitizingDocument> out;
  std::map<std::string, bool> seen;
  for (const Annotation& a : all)
    for (const auto& doc : a.import.documents) {
      if (seen[doc->id()]) continue;
      seen[doc->id()] = true;
      bool everywhere = true;
      for (const Annotation& b : all) everywhere = everywhere && b.doc_index.count(doc->id());
      if (!everywhere) continue;
      UnitizingDocument d{doc->id(), doc->length(), {}};
      for (const Annotation& b : all) {
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
ojson unitizing_all_json(const std::vector<Annotation>& all, bool per_label, bool per_doc) {
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

// The figures of counts: what a single run and a merge of partial counts both print.
ojson figures_json(const AgreeCounts& c, bool per_label) {
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

ojson agree_json(const std::vector<Annotation>& all, bool per_label, bool per_doc) {
  const TokenUnits units = token_units(all);
  ojson out = figures_json(counts_of(all, units.labels), per_label);
  for (size_t f = 0; f < all.size(); ++f) out["annotators"][f]["file"] = all[f].file;
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

// Sums the partial counts of `files` (goldspan agree --partial output).
AgreeCounts merged_counts(const std::vector<std::string>& files) {
  AgreeCounts sum;
  for (size_t f = 0; f < files.size(); ++f) {
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(read_input(files[f]));
    } catch (const nlohmann::json::parse_error& e) {
      throw Error(files[f], std::string("not JSON: ") + e.what());
    }
    AgreeCounts c = agree_counts_from_json(j, files[f]);
    if (f == 0) sum = std::move(c);
    else merge_into(sum, c, files[f] + " (vs " + files[0] + ")");
  }
  return sum;
}

// [SECTION] Text
std::string fixed(const ojson& v) {
  if (v.is_null()) return "n/a";
  std::ostringstream o;
  o << std::fixed << std::setprecision(4) << v.get<double>();
  return o.str();
}

// Four significant digits: disagreements scale as 1/L, so fixed decimals would show 0 on a corpus.
std::string significant(const ojson& v) {
  if (v.is_null()) return "n/a";
  std::ostringstream o;
  o << std::setprecision(4) << v.get<double>();
  return o.str();
}

std::vector<std::string> counts_row(std::vector<std::string> lead, const ojson& c) {
  for (const char* k : {"spans_a", "spans_b", "matched"}) lead.push_back(c[k].dump());
  for (const char* k : {"precision", "recall", "f1"}) lead.push_back(fixed(c[k]));
  return lead;
}

std::string text_of(const ojson& j) {
  std::ostringstream o;
  o << "annotators:";
  for (const ojson& a : j["annotators"]) {
    o << " " << a["name"].get<std::string>();
    if (a.contains("file")) o << " (" << a["file"].get<std::string>() << ")";
  }
  o << "\n";
  const std::vector<std::string> head = {"A", "B", "MATCH", "SPANS A", "SPANS B", "MATCHED", "P", "R", "F1", "MACRO F1"};
  std::vector<std::vector<std::string>> rows;
  for (const ojson& p : j["pairs"])
    for (const char* m : {"exact", "overlap"}) {
      auto r = counts_row({p["a"], p["b"], m}, p[m]);
      r.push_back(fixed(p[m]["macro"]["f1"]));
      rows.push_back(std::move(r));
    }
  print_table(o, "spans (P = matched / spans of B, R = matched / spans of A; overlap: one-to-one maximum matching)", head, rows);
  for (const ojson& p : j["pairs"]) {
    const std::string pair = p["a"].get<std::string>() + " / " + p["b"].get<std::string>();
    if (p["exact"].contains("per_label")) {
      rows.clear();
      for (const char* m : {"exact", "overlap"})
        for (auto it = p[m]["per_label"].begin(); it != p[m]["per_label"].end(); ++it)
          rows.push_back(counts_row({it.key(), m}, it.value()));
      print_table(o, "per label, " + pair, {"LABEL", "MATCH", "SPANS A", "SPANS B", "MATCHED", "P", "R", "F1"}, rows);
      const ojson& c = p["confusion"];
      std::vector<std::string> chead = {"A \\ B"};
      for (const ojson& l : c["labels"]) chead.push_back(l);
      chead.push_back("(none)");
      rows.clear();
      for (size_t i = 0; i < c["labels"].size(); ++i) {
        std::vector<std::string> r = {c["labels"][i]};
        for (const ojson& n : c["counts"][i]) r.push_back(n.dump());
        r.push_back(c["only_a"][i].dump());
        rows.push_back(std::move(r));
      }
      std::vector<std::string> none = {"(none)"};
      for (const ojson& n : c["only_b"]) none.push_back(n.dump());
      none.push_back("");
      rows.push_back(std::move(none));
      print_table(o, "label confusion over overlap-paired spans, " + pair + " (rows A, columns B)", chead, rows);
    }
    if (p.contains("per_document")) {
      rows.clear();
      for (auto it = p["per_document"].begin(); it != p["per_document"].end(); ++it)
        for (const char* m : {"exact", "overlap"}) rows.push_back(counts_row({it.key(), m}, it.value()[m]));
      print_table(o, "per document, " + pair, {"DOCUMENT", "MATCH", "SPANS A", "SPANS B", "MATCHED", "P", "R", "F1"}, rows);
    }
  }
  rows.clear();
  for (const ojson& p : j["pairs"])
    if (p.contains("relations")) {
      auto r = counts_row({p["a"], p["b"], "all"}, p["relations"]);
      rows.push_back(std::move(r));
      if (p["relations"].contains("per_label"))
        for (auto it = p["relations"]["per_label"].begin(); it != p["relations"]["per_label"].end(); ++it)
          rows.push_back(counts_row({p["a"], p["b"], it.key()}, it.value()));
    }
  if (!rows.empty())
    print_table(o, "relations (matched when the type is equal and both ends are overlap-paired spans)",
          {"A", "B", "TYPE", "RELATIONS A", "RELATIONS B", "MATCHED", "P", "R", "F1"}, rows);
  rows.clear();
  for (const ojson& p : j["pairs"])
    if (p.contains("attributes"))
    for (auto it = p["attributes"].begin(); it != p["attributes"].end(); ++it)
      rows.push_back({p["a"], p["b"], it.key(), it.value()["pairs"].dump(), it.value()["equal"].dump(),
                      fixed(it.value()["cohen_kappa"])});
  if (!rows.empty())
    print_table(o, "attributes of overlap-paired spans (pairs where either sets the attribute)",
          {"A", "B", "ATTRIBUTE", "PAIRS", "EQUAL", "COHEN KAPPA"}, rows);
  rows.clear();
  for (const ojson& p : j["pairs"])
    if (p.contains("clusters"))
    for (auto it = p["clusters"].begin(); it != p["clusters"].end(); ++it) {
      const ojson& c = it.value();
      rows.push_back({p["a"], p["b"], it.key(), fixed(c["muc"]["f1"]), fixed(c["b_cubed"]["f1"]), fixed(c["ceaf_e"]["f1"]),
                      fixed(c["blanc"]["f1"]), fixed(c["conll_f1"])});
    }
  if (!rows.empty())
    print_table(o, "clusters (F1; a mention is a span's edges, spans in no cluster are singletons)",
          {"A", "B", "KIND", "MUC", "B3", "CEAF-E", "BLANC", "CONLL"}, rows);
  const ojson& t = j["tokens"];
  rows.clear();
  for (const ojson& k : t["cohen_kappa"]) rows.push_back({"Cohen's kappa", k["a"].get<std::string>() + " / " + k["b"].get<std::string>(), fixed(k["value"])});
  rows.push_back({"Fleiss' kappa", "all", fixed(t["fleiss_kappa"]["value"])});
  rows.push_back({"Krippendorff's alpha (nominal)", "all", fixed(t["krippendorff_alpha_nominal"]["value"])});
  print_table(o, "tokens (" + t["tokens"].dump() + " tokens; entity spans; a token takes its outermost span's label, O outside)",
        {"COEFFICIENT", "ANNOTATORS", "VALUE"}, rows);
  if (t.contains("per_document")) {
    rows.clear();
    for (auto it = t["per_document"].begin(); it != t["per_document"].end(); ++it)
      rows.push_back({it.key(), it.value()["tokens"].dump(), fixed(it.value()["fleiss_kappa"]["value"]),
                      fixed(it.value()["krippendorff_alpha_nominal"]["value"])});
    print_table(o, "tokens per document", {"DOCUMENT", "TOKENS", "FLEISS KAPPA", "ALPHA NOMINAL"}, rows);
  }
  if (j.contains("not_merged")) {
    rows.clear();
    for (auto it = j["not_merged"].begin(); it != j["not_merged"].end(); ++it) rows.push_back({it.key(), it.value()});
    print_table(o, "not merged from partial counts (run agree over the whole files for these)", {"FIGURE", "WHY"}, rows);
  }
  if (j.contains("unitizing")) {
  const ojson& u = j["unitizing"];
  rows.clear();
  auto unitizing_row = [](const std::string& what, const ojson& a) {
    return std::vector<std::string>{what, a["units"].dump(), significant(a["observed_disagreement"]),
                                    significant(a["expected_disagreement"]), fixed(a["alpha"])};
  };
  rows.push_back(unitizing_row("all labels", u));
  if (u.contains("per_label"))
    for (auto it = u["per_label"].begin(); it != u["per_label"].end(); ++it) rows.push_back(unitizing_row(it.key(), it.value()));
  print_table(o, "unitizing alpha (Krippendorff; every span fragment a unit; the " + u["documents"].dump() +
                     " documents every file has, concatenated: " + u["length"].dump() + " code points)",
              {"LABEL", "UNITS", "D_O", "D_E", "ALPHA_U"}, rows);
  if (u.contains("per_document")) {
    rows.clear();
    for (auto it = u["per_document"].begin(); it != u["per_document"].end(); ++it)
      rows.push_back({it.key(), it.value()["length"].dump(), it.value()["units"].dump(), fixed(it.value()["alpha"])});
    print_table(o, "unitizing alpha per document", {"DOCUMENT", "CODE POINTS", "UNITS", "ALPHA_U"}, rows);
  }
  }
  o << "\nn/a: undefined (0/0), e.g. precision when B marked nothing, kappa when every token has one label,\n"
       "alpha_U when nobody marked a unit.\n";
  return o.str();
}

}  // namespace

int cmd_agree(const Args& args) {
  bool as_json = false, per_label = false, per_doc = false, partial = false, merge = false;
  std::string locale;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--json") as_json = true;
    else if (args[i] == "--per-label") per_label = true;
    else if (args[i] == "--per-doc") per_doc = true;
    else if (args[i] == "--partial") partial = true;
    else if (args[i] == "--merge") merge = true;
    else if (args[i] == "--locale" && i + 1 < args.size()) locale = args[++i];
    else if (args[i].size() > 1 && args[i][0] == '-') {
      std::cerr << "goldspan agree: unknown option '" << args[i] << "'\n";
      return 2;
    } else files.push_back(args[i]);
  }
  if (partial && merge) {
    std::cerr << "goldspan agree: --partial writes counts, --merge reads them: give one\n";
    return 2;
  }
  if (merge) {
    if (files.empty() || per_doc) {
      std::cerr << "goldspan agree: usage: goldspan agree --merge PART.json... [--json] [--per-label] (no --per-doc: "
                   "per-document figures are the shards' own)\n";
      return 2;
    }
    try {
      const AgreeCounts c = merged_counts(files);
      ojson j = figures_json(c, per_label);
      ojson why = ojson::object();
      for (const auto& [k, v] : c.not_merged) why[k] = v;
      j["not_merged"] = std::move(why);
      std::cout << (as_json ? j.dump(2) + "\n" : text_of(j));
      return 0;
    } catch (const Error& e) {
      std::cerr << "goldspan agree: " << e.what() << '\n';
      return 1;
    }
  }
  if (files.size() < 2) {
    std::cerr << "goldspan agree: usage: goldspan agree A.json B.json [C.json ...] [--json] [--per-label] [--per-doc] [--partial]\n";
    return 2;
  }
  try {
    Tokenizer tok(locale);
    std::vector<Annotation> all;
    bool bad = false;
    for (const std::string& f : files) {
      all.push_back(load(f, tok, locale.empty()));
      for (const std::string& e : all.back().import.errors) std::cerr << "goldspan agree: " << e << '\n', bad = true;
    }
    if (bad) return 1;
    check_documents(all);
    std::vector<std::string> names;
    for (const Annotation& a : all) names.push_back(a.name);
    number_shared_names(names);
    for (size_t f = 0; f < all.size(); ++f) all[f].name = names[f];
    std::map<std::string, std::string> holder;  // document id -> first file that has it
    for (const Annotation& a : all)
      for (const auto& [id, d] : a.doc_index) holder.emplace(id, a.file);
    for (const auto& [id, file] : holder)
      for (const Annotation& a : all)
        if (!a.doc_index.count(id))
          std::cerr << "goldspan agree: warning: " << a.file << " lacks document '" << id << "' of " << file
                    << ": compared on the documents both have\n";
    size_t incomplete = 0;  // documents some file lacks
    for (const auto& [id, file] : holder)
      for (const Annotation& a : all)
        if (!a.doc_index.count(id)) {
          ++incomplete;
          break;
        }
    if (incomplete)
      std::cerr << "goldspan agree: warning: unitizing alpha leaves out the " << incomplete
                << " document(s) some file lacks: it needs every annotator on the whole continuum\n";
    if (partial) {
      std::cout << to_json(counts_of(all, token_units(all).labels)).dump(1) << '\n';
      return 0;
    }
    const ojson j = agree_json(all, per_label, per_doc);
    std::cout << (as_json ? j.dump(2) + "\n" : text_of(j));
    return 0;
  } catch (const Error& e) {
    std::cerr << "goldspan agree: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace goldspan::cli
