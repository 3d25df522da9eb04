// Agreement summed document by document (by_document.hpp), and the JSON of every figure.
#include "agree/by_document.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "agree/clusters.hpp"
#include "agree/report.hpp"
#include "agree/tokens.hpp"

namespace goldspan {

namespace {

using ojson = nlohmann::ordered_json;

ojson number(double v) { return std::isnan(v) ? ojson(nullptr) : ojson(v); }

ojson counts_json(const SpanCounts& c) {
  return {{"spans_a", c.reference}, {"spans_b", c.candidate}, {"matched", c.matched},
          {"precision", number(c.precision())}, {"recall", number(c.recall())}, {"f1", number(c.f1())}};
}

// j["per_label"] = {label: figure(value)} of a map by label.
template <class Map, class Figure>
void add_per_label(ojson& j, const Map& by_label, Figure figure) {
  ojson l = ojson::object();
  for (const auto& [label, v] : by_label) l[label] = figure(v);
  j["per_label"] = std::move(l);
}

ojson agreement_json(const SpanAgreement& r, bool per_label) {
  ojson j = counts_json(r.micro);
  j["macro"] = {{"precision", number(r.macro_precision)}, {"recall", number(r.macro_recall)}, {"f1", number(r.macro_f1)}};
  if (per_label) add_per_label(j, r.per_label, counts_json);
  return j;
}

ojson kappa_json(const Kappa& k) {
  return {{"value", number(k.value)}, {"observed", number(k.observed)}, {"expected", number(k.expected)}};
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

ojson unitizing_alpha_json(const UnitizingAlpha& a) {
  return {{"alpha", number(a.value)}, {"observed_disagreement", number(a.observed)},
          {"expected_disagreement", number(a.expected)}, {"units", a.units}};
}

ojson unitizing_json(const UnitizingAgreement& u, bool per_label) {
  ojson j = {{"length", u.length}};
  j.update(unitizing_alpha_json(u.overall));
  if (per_label) add_per_label(j, u.per_label, unitizing_alpha_json);
  return j;
}

ojson score_json(const ClusterScore& s) {
  return {{"recall", s.recall()}, {"precision", s.precision()}, {"f1", s.f1()}};
}

ojson attributes_json(const AttributeCounts& counts) {
  ojson attrs = ojson::object();
  for (const auto& [name, r] : attribute_agreement(counts))
    attrs[name] = {{"pairs", r.pairs}, {"equal", r.equal}, {"cohen_kappa", number(r.kappa.value)}};
  return attrs;
}

}  // namespace

// [SECTION] Documents of an import
ImportDocuments::ImportDocuments(const GoldImport& import)
    : import_(import), spans_(import.documents.size()), relations_(import.documents.size()),
      clusters_(import.documents.size()), local_(import.spans.size()) {
  for (size_t s = 0; s < import.spans.size(); ++s) {
    local_[s] = spans_[import.spans[s].doc].size();
    spans_[import.spans[s].doc].push_back(s);
  }
  for (size_t r = 0; r < import.relations.size(); ++r) relations_[import.relations[r].doc].push_back(r);
  for (size_t c = 0; c < import.clusters.size(); ++c)
    if (!import.clusters[c].members.empty()) clusters_[import.spans[import.clusters[c].members.front()].doc].push_back(c);
}

DocAnnotations ImportDocuments::annotations(size_t doc) const {
  DocAnnotations d;
  const std::string& id = import_.documents[doc]->id();
  const Schema& schema = *import_.schema;
  for (size_t s : spans_[doc]) {
    const ImportedSpan& span = import_.spans[s];
    d.spans.push_back({id, span.label, span.fragments.front().start, span.fragments.back().end});
    const int t = schema.span_type(span.label);
    d.kinds.push_back(t < 0 ? -1 : int(schema.span_types()[t].kind));
    d.attributes.emplace_back(span.attributes.begin(), span.attributes.end());
    for (const Range& f : span.fragments) d.units.push_back({span.label, f.start, f.end});
  }
  for (size_t r : relations_[doc]) {
    const ImportedRelation& rel = import_.relations[r];
    d.relations.push_back({rel.type, local_[rel.from], local_[rel.to]});
  }
  for (size_t c : clusters_[doc]) {
    const ImportedCluster& cluster = import_.clusters[c];
    d.clusters.emplace_back(cluster.kind, std::vector<size_t>{});
    for (size_t m : cluster.members)
      if (import_.spans[m].doc == doc) d.clusters.back().second.push_back(local_[m]);
  }
  return d;
}

// [SECTION] Clusters
ojson cluster_json(const KindView& a, const KindView& b) {
  const auto [key, response] = mention_clusterings(a.spans, a.clusters, b.spans, b.clusters);
  const CorefAgreement c = coref_agreement(key, response);
  return {{"muc", score_json(c.muc)},
          {"b_cubed", score_json(c.b_cubed)},
          {"ceaf_e", score_json(c.ceaf_entity)},
          {"ceaf_m", score_json(c.ceaf_mention)},
          {"blanc", {{"recall", c.blanc.recall}, {"precision", c.blanc.precision}, {"f1", c.blanc.f1}}},
          {"conll_f1", c.conll_f1}};
}

ClusterMentions::ClusterMentions(size_t files) : files_(files) {}

void ClusterMentions::add(const AgreeDocument& doc) {
  const uint32_t number = documents_++;
  for (size_t f = 0; f < files_.size(); ++f) {
    File& file = files_[f];
    file.has.push_back(doc.files[f] != nullptr);
    if (!doc.files[f]) continue;
    const DocAnnotations& d = *doc.files[f];
    file.docs.emplace_back(doc.lines[f], number);
    for (int k = 0; k < 2; ++k) {
      Kind& kind = file.kinds[k];
      kind.doc_from.emplace_back(uint32_t(kind.mentions.size()), uint32_t(kind.clusters.size()));
      std::vector<uint32_t> index(d.spans.size(), UINT32_MAX);
      for (size_t s = 0; s < d.spans.size(); ++s)
        if (d.kinds[s] == k) {
          index[s] = uint32_t(kind.mentions.size());
          kind.mentions.push_back({number, d.spans[s].start, d.spans[s].end});
        }
      for (const auto& [ck, members] : d.clusters) {
        if (int(ck) != k) continue;
        kind.clusters.emplace_back();
        for (size_t m : members)
          if (index[m] != UINT32_MAX) kind.clusters.back().push_back(index[m]);
      }
    }
  }
}

KindView ClusterMentions::view(const File& a, const Kind& k, const File& other) const {
  // In a's own document order, as the whole file path lists a's spans and clusters; a cluster in
  // a document `other` lacks stays, empty, as it does there.
  std::vector<size_t> order(a.docs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return a.docs[x].first < a.docs[y].first; });
  KindView v;
  for (size_t i : order) {
    const uint32_t doc = a.docs[i].second;
    const bool shared = other.has[doc];
    const uint32_t m_end = i + 1 < a.docs.size() ? k.doc_from[i + 1].first : uint32_t(k.mentions.size());
    const uint32_t c_end = i + 1 < a.docs.size() ? k.doc_from[i + 1].second : uint32_t(k.clusters.size());
    const size_t first = v.spans.size();
    if (shared)
      for (uint32_t m = k.doc_from[i].first; m < m_end; ++m)
        v.spans.push_back({std::to_string(doc), "", k.mentions[m].start, k.mentions[m].end});
    for (uint32_t c = k.doc_from[i].second; c < c_end; ++c) {
      v.clusters.emplace_back();
      if (shared)
        for (uint32_t m : k.clusters[c]) v.clusters.back().push_back(first + (m - k.doc_from[i].first));
    }
  }
  return v;
}

std::vector<ojson> ClusterMentions::json() const {
  std::vector<ojson> out;
  for (size_t i = 0; i < files_.size(); ++i)
    for (size_t j = i + 1; j < files_.size(); ++j) {
      ojson p = ojson::object();
      for (SpanKind kind : {SpanKind::Entity, SpanKind::Claim}) {
        const Kind& ka = files_[i].kinds[int(kind)];
        const Kind& kb = files_[j].kinds[int(kind)];
        if (ka.clusters.empty() && kb.clusters.empty()) continue;
        p[to_string(kind)] = cluster_json(view(files_[i], ka, files_[j]), view(files_[j], kb, files_[i]));
      }
      out.push_back(std::move(p));
    }
  return out;
}

// [SECTION] Accumulator
const std::map<std::string, std::string>& not_merged_figures() {
  static const std::map<std::string, std::string> m = {
      {"clusters", "MUC, B3, CEAF, BLANC are over clusters that may join documents of different shards: "
                   "they need a second pass over every shard's cluster members"},
      {"unitizing", "unitizing alpha's D_e needs every unit and gap length of the concatenated continuum, "
                    "where the last gap of one shard and the first of the next are one gap: a second pass"},
      {"attributes", "attribute kappas are not yet in the partial counts"},
      {"per_document", "documents are whole in one shard: per-document figures are those of the shard's own run"}};
  return m;
}

AgreeAccumulator::AgreeAccumulator(std::vector<std::string> names, bool per_label, bool per_doc)
    : names_(std::move(names)), per_label_(per_label), per_doc_(per_doc) {
  const size_t n = names_.size();
  counts_.annotators = names_;
  counts_.pairs.resize(n * (n - 1) / 2);
  counts_.tokens.coders = n;
  counts_.not_merged = not_merged_figures();
  attributes_.resize(counts_.pairs.size());
  span_docs_.resize(counts_.pairs.size());
}

void AgreeAccumulator::add(const AgreeDocument& doc) {
  const size_t n = names_.size();
  for (size_t i = 0, k = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j, ++k) {
      // Only documents both files have: a document one file lacks is not a disagreement.
      if (!doc.files[i] || !doc.files[j]) continue;
      const DocAnnotations &a = *doc.files[i], &b = *doc.files[j];
      PairCounts p = pair_counts(a.spans, b.spans);
      const auto pairs = match_spans(a.spans, b.spans, SpanMatch::Overlap, true);
      p.has_relations = !a.relations.empty() || !b.relations.empty();
      if (p.has_relations) p.relations = relation_agreement(a.relations, b.relations, pairs).per_label;
      add_pair_counts(counts_.pairs[k], p);
      add_attribute_counts(attributes_[k], a.attributes, b.attributes, pairs);
      if (per_doc_) {
        const auto exact = span_agreement_by_document(a.spans, b.spans, SpanMatch::Exact);
        const auto overlap = span_agreement_by_document(a.spans, b.spans, SpanMatch::Overlap);
        for (const auto& [id, r] : exact)
          span_docs_[k][id] = {{"exact", agreement_json(r, false)}, {"overlap", agreement_json(overlap.at(id), false)}};
      }
    }
  // Token labels: the entity spans' (claims and cues overlap entities by design).
  const std::vector<Token>& tokens = doc.text->tokens();
  LabelMatrix labels(tokens.size(), std::vector<std::optional<std::string>>(n));
  for (size_t f = 0; f < n; ++f) {
    if (!doc.files[f]) continue;
    std::vector<AgreeSpan> entities;
    for (size_t s = 0; s < doc.files[f]->spans.size(); ++s)
      if (doc.files[f]->kinds[s] == int(SpanKind::Entity)) entities.push_back(doc.files[f]->spans[s]);
    const std::vector<std::string> l = token_labels(tokens, entities);
    for (size_t t = 0; t < l.size(); ++t) labels[t][f] = l[t];
  }
  add_token_counts(counts_.tokens, labels);
  if (per_doc_) token_docs_[doc.id] = token_json(token_agreement(labels, n), names_);
  // alpha_U needs every coder on the whole continuum: a document some file lacks is left out.
  if (std::find(doc.files.begin(), doc.files.end(), nullptr) != doc.files.end()) return;
  UnitizingDocument u{doc.id, doc.text->length(), {}};
  for (const DocAnnotations* f : doc.files) u.coders.push_back(f->units);
  continuum_.add(u);
  if (per_doc_) unitizing_docs_[doc.id] = unitizing_json(unitizing_agreement({u}), per_label_);
}

AgreeCounts AgreeAccumulator::counts() const { return counts_; }

ojson AgreeAccumulator::json(std::vector<ojson> clusters) const {
  ojson out = agree_figures_json(counts_, per_label_);
  for (size_t k = 0; k < counts_.pairs.size(); ++k) {
    ojson& p = out["pairs"][k];
    p["attributes"] = attributes_json(attributes_[k]);
    p["clusters"] = std::move(clusters.at(k));
    if (per_doc_) {
      ojson d = ojson::object();
      for (const auto& [id, j] : span_docs_[k]) d[id] = j;
      p["per_document"] = std::move(d);
    }
  }
  if (per_doc_) out["tokens"]["per_document"] = token_docs_;
  ojson u = {{"documents", continuum_.documents()}};
  u.update(unitizing_json(continuum_.agreement(), per_label_));
  if (per_doc_) u["per_document"] = unitizing_docs_;
  out["unitizing"] = std::move(u);
  return out;
}

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

}  // namespace goldspan
