#include "agree/adjudicate.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <nlohmann/json.hpp>
#include <optional>
#include <tuple>

#include "error.hpp"
#include "io/sha256.hpp"
#include "model/commands.hpp"
#include "model/corpus.hpp"

namespace goldspan {

namespace {

using Frags = std::vector<std::pair<uint32_t, uint32_t>>;
// A span's identity, ordered as the output lists spans: document, start, end, label, fragments.
using SpanKey = std::tuple<size_t, uint32_t, uint32_t, std::string, Frags>;
using ClusterKey = std::pair<int, std::vector<SpanKey>>;  // kind, sorted members
// An end of a claim link: a span (one key) or a cluster (its key).
using EndKey = std::tuple<bool, int, std::vector<SpanKey>>;  // is a cluster, its kind, members or the span
using RelKey = std::tuple<size_t, std::string, SpanKey, SpanKey>;  // doc, type, from, to
using LinkKey = std::tuple<std::string, EndKey, EndKey>;          // type, from, to

struct Votes {
  std::vector<size_t> files;           // in file order
  std::vector<size_t> records;         // the record's index in each of those files
};

class Adjudicator {
 public:
  Adjudicator(const std::vector<const GoldImport*>& files, const std::vector<std::string>& names,
              const AdjudicateOptions& o)
      : files_(files), names_(names), opt_(o) {}

  Adjudication run() {
    collect_documents();
    collect_spans();
    choose_spans();
    choose_relations();
    choose_clusters();
    choose_links();
    collect_disagreements();
    collect_record_disagreements();
    order_disagreements();
    out_.annotators = names_;
    out_.strategy = opt_.strategy == AdjudicationStrategy::Unanimous ? "unanimous" : opt_.prefer.empty() ? "majority" : "prefer=" + opt_.prefer;
    return std::move(out_);
  }

 private:
  // [SECTION] documents
  void collect_documents() {
    std::map<std::string, std::pair<std::string, size_t>> seen;  // id -> (sha256, first file)
    for (size_t f = 0; f < files_.size(); ++f) {
      const GoldImport& in = *files_[f];
      if (!in.ok() || !in.schema) throw Error(in.file_name, "cannot be adjudicated: the file has errors");
      if (f && in.schema->to_json() != files_[0]->schema->to_json())
        throw Error(files_[0]->file_name + " and " + in.file_name, "have different label schemas");
      doc_of_file_.emplace_back();
      for (const auto& d : in.documents) {
        const std::string sha = sha256_hex(d->text());
        auto [it, fresh] = seen.emplace(d->id(), std::make_pair(sha, f));
        if (!fresh && it->second.first != sha)
          throw Error(files_[it->second.second]->file_name + " and " + in.file_name,
                      "document '" + d->id() + "' has different texts; adjudication needs the same documents");
        if (fresh) {
          doc_index_[d->id()] = out_.gold.documents.size();
          out_.gold.documents.push_back(d);
          holders_.emplace_back();
        }
        const size_t o = doc_index_[d->id()];
        holders_[o].push_back(f);
        doc_of_file_.back().push_back(o);
      }
    }
    out_.gold.schema = files_[0]->schema;
    out_.gold.file_name = "adjudicated";
  }

  // The first annotator's id when no kept record has it yet (identical files keep their
  // ids), else a new one that no input uses ("s-adj3").
  static std::string fresh_id(std::set<std::string>& used, const std::string& wanted, char prefix) {
    std::string id = wanted;
    for (size_t n = used.size() + 1; id.empty() || used.count(id); ++n) id = std::string(1, prefix) + "-adj" + std::to_string(n);
    used.insert(id);
    return id;
  }

  // [SECTION] spans
  SpanKey key_of(size_t f, const ImportedSpan& s) const {
    Frags fr;
    for (Range r : s.fragments) fr.emplace_back(r.start, r.end);
    return {doc_of_file_[f][s.doc], s.fragments.front().start, s.fragments.back().end, s.label, fr};
  }

  void collect_spans() {
    for (size_t f = 0; f < files_.size(); ++f) {
      span_key_.emplace_back();
      for (size_t i = 0; i < files_[f]->spans.size(); ++i) {
        SpanKey k = key_of(f, files_[f]->spans[i]);
        Votes& v = spans_[k];
        if (v.files.empty() || v.files.back() != f) {  // a duplicate within one file votes once
          v.files.push_back(f);
          v.records.push_back(i);
        }
        span_key_.back().push_back(std::move(k));
      }
    }
  }

  bool accepted(const std::vector<size_t>& voters, size_t n) const {
    if (opt_.strategy == AdjudicationStrategy::Unanimous) return voters.size() == n;
    if (voters.size() * 2 > n) return true;
    if (voters.size() * 2 < n || opt_.prefer.empty()) return false;
    return std::any_of(voters.begin(), voters.end(), [&](size_t f) { return names_[f] == opt_.prefer; });
  }

  std::vector<std::string> names_of(const std::vector<size_t>& fs) const {
    std::vector<std::string> out;
    for (size_t f : fs) out.push_back(names_[f]);
    return out;
  }
  std::vector<std::string> lacking(const std::vector<size_t>& had, const std::vector<size_t>& pool) const {
    std::vector<std::string> out;
    for (size_t f : pool)
      if (std::find(had.begin(), had.end(), f) == had.end()) out.push_back(names_[f]);
    return out;
  }

  std::string describe(const SpanKey& k) const {
    const Document& d = *out_.gold.documents[std::get<0>(k)];
    std::string text;
    for (const auto& [a, b] : std::get<4>(k)) text += (text.empty() ? "" : " … ") + std::string(d.slice(a, b));
    return std::get<3>(k) + " [" + std::to_string(std::get<1>(k)) + ", " + std::to_string(std::get<2>(k)) + ") \"" + text + "\"";
  }

  std::string identity(const SpanKey& k) const {
    std::vector<Range> fr;
    for (const auto& [a, b] : std::get<4>(k)) fr.push_back({a, b});
    return span_identity(out_.gold.documents[std::get<0>(k)]->id(), std::get<3>(k), fr);
  }
  SpanRef ref_of(const SpanKey& k) const {
    SpanRef r{out_.gold.documents[std::get<0>(k)]->id(), std::get<3>(k), {}};
    for (const auto& [a, b] : std::get<4>(k)) r.fragments.push_back({a, b});
    return r;
  }
  // A conflict, and the record it is about (its disagreement is found by it later).
  void conflict(Conflict c, std::string record) {
    out_.conflicts.push_back(std::move(c));
    conflict_record_.push_back(std::move(record));
  }
  void vote(const std::string& record, const Votes& v) { out_.provenance[record] = v.files; }

  void choose_spans() {
    // The schema's overlap rules are the corpus's: kept spans are tried on a scratch corpus.
    Corpus scratch(*out_.gold.schema);
    for (const auto& d : out_.gold.documents) scratch.add_document(d);
    for (const auto& [k, v] : spans_) {
      const size_t doc = std::get<0>(k);
      const std::string& doc_id = out_.gold.documents[doc]->id();
      vote(identity(k), v);
      if (!accepted(v.files, holders_[doc].size())) {
        conflict({doc_id, "span", describe(k), names_of(v.files), lacking(v.files, holders_[doc])}, identity(k));
        open_.insert(k);
        continue;
      }
      const ImportedSpan& first = files_[v.files[0]]->spans[v.records[0]];
      try {
        AddSpan add(doc_id, first.label, first.fragments, EdgeMode::Character);
        add.apply(scratch);
      } catch (const Error& e) {
        conflict({doc_id, "overlap", describe(k) + ": " + e.what(), names_of(v.files), {}}, identity(k));
        open_.insert(k);
        continue;
      }
      ImportedSpan s = first;
      s.doc = doc;
      s.id = fresh_id(span_ids_[doc], first.id, 's');
      s.path = "spans[" + std::to_string(out_.gold.spans.size()) + "]";
      s.attributes = choose_attributes(k, v, doc_id);
      kept_[k] = out_.gold.spans.size();
      out_.gold.spans.push_back(std::move(s));
      out_.span_votes.push_back(names_of(v.files));
    }
  }

  std::vector<std::pair<std::string, std::string>> choose_attributes(const SpanKey& k, const Votes& v, const std::string& doc) {
    std::map<std::string, std::map<std::string, std::vector<size_t>>> values;  // name -> value -> voters
    for (size_t i = 0; i < v.files.size(); ++i)
      for (const auto& [name, value] : files_[v.files[i]]->spans[v.records[i]].attributes) values[name][value].push_back(v.files[i]);
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [name, by_value] : values) {
      bool set = false;
      for (const auto& [value, voters] : by_value)
        if (accepted(voters, v.files.size())) {
          out.emplace_back(name, value);
          set = true;
          break;
        }
      if (set && by_value.size() == 1 && by_value.begin()->second.size() == v.files.size()) continue;
      std::string seen;
      for (const auto& [value, voters] : by_value) {
        seen += (seen.empty() ? "" : ", ") + value + ":";
        for (size_t f : voters) seen += " " + names_[f];
      }
      if (!set) {
        conflict({doc, "attribute", describe(k) + " " + name + " (" + seen + ")", {}, {}}, identity(k));
        open_.insert(k);
      }
    }
    return out;
  }

  // [SECTION] relations and clusters
  std::string identity(const RelKey& k) const {
    const auto& [doc, type, from, to] = k;
    return relation_identity(out_.gold.documents[doc]->id(), type, identity(from), identity(to));
  }

  void choose_relations() {
    auto& rels = rels_;
    for (size_t f = 0; f < files_.size(); ++f)
      for (size_t i = 0; i < files_[f]->relations.size(); ++i) {
        const ImportedRelation& r = files_[f]->relations[i];
        Votes& v = rels[{doc_of_file_[f][r.doc], r.type, span_key_[f][r.from], span_key_[f][r.to]}];
        if (v.files.empty() || v.files.back() != f) v.files.push_back(f), v.records.push_back(i);
      }
    for (const auto& [k, v] : rels) {
      const auto& [doc, type, from, to] = k;
      const std::string what = type + ": " + describe(from) + " -> " + describe(to);
      const std::string& doc_id = out_.gold.documents[doc]->id();
      const auto a = kept_.find(from), b = kept_.find(to);
      vote(identity(k), v);
      if (!accepted(v.files, holders_[doc].size()) || a == kept_.end() || b == kept_.end()) {
        conflict({doc_id, "relation", what + (a == kept_.end() || b == kept_.end() ? " (an end was not kept)" : ""),
                  names_of(v.files), lacking(v.files, holders_[doc])}, identity(k));
        continue;
      }
      kept_rels_.insert(k);
      ImportedRelation r = files_[v.files[0]]->relations[v.records[0]];
      r.doc = doc;
      r.id = fresh_id(relation_ids_[doc], r.id, 'r');
      r.from = a->second;
      r.to = b->second;
      out_.gold.relations.push_back(std::move(r));
      out_.relation_votes.push_back(names_of(v.files));
    }
  }

  std::string identity(const ClusterKey& k) const {
    std::vector<std::string> members;
    for (const SpanKey& m : k.second) members.push_back(identity(m));
    return cluster_identity(to_string(SpanKind(k.first)), members);
  }

  void choose_clusters() {
    auto& clusters = clusters_;
    for (size_t f = 0; f < files_.size(); ++f) {
      cluster_key_.emplace_back();
      for (size_t i = 0; i < files_[f]->clusters.size(); ++i) {
        const ImportedCluster& c = files_[f]->clusters[i];
        ClusterKey k{int(c.kind), {}};
        for (size_t m : c.members) k.second.push_back(span_key_[f][m]);
        std::sort(k.second.begin(), k.second.end());
        cluster_key_.back().push_back(k);
        Votes& v = clusters[k];
        if (v.files.empty() || v.files.back() != f) v.files.push_back(f), v.records.push_back(i);
      }
    }
    for (const auto& [k, v] : clusters) {
      const ImportedCluster& first = files_[v.files[0]]->clusters[v.records[0]];
      std::vector<size_t> members;
      for (const SpanKey& m : k.second)
        if (auto it = kept_.find(m); it != kept_.end()) members.push_back(it->second);
      vote(identity(k), v);
      if (!accepted(v.files, files_.size()) || members.size() != k.second.size()) {
        conflict({"", "cluster", "'" + first.name + "' (" + std::to_string(k.second.size()) + " members)" +
                                     (members.size() != k.second.size() ? " (a member was not kept)" : ""),
                  names_of(v.files), lacking(v.files, everyone())}, identity(k));
        continue;
      }
      ImportedCluster c = first;
      c.id = fresh_id(cluster_ids_, c.id, 'c');
      c.members = std::move(members);
      kept_clusters_[k] = out_.gold.clusters.size();
      out_.gold.clusters.push_back(std::move(c));
      out_.cluster_votes.push_back(names_of(v.files));
    }
  }

  std::vector<size_t> everyone() const {
    std::vector<size_t> all(files_.size());
    for (size_t f = 0; f < files_.size(); ++f) all[f] = f;
    return all;
  }

  // [SECTION] claim links
  EndKey end_key(size_t f, const ImportedRef& e) const {
    if (!e.cluster) return {false, 0, {span_key_[f][e.index]}};
    const ClusterKey& k = cluster_key_[f][e.index];
    return {true, k.first, k.second};
  }

  // The end in the output, when it was kept.
  std::optional<ImportedRef> kept_end(const EndKey& e) const {
    const auto& [cluster, kind, members] = e;
    if (!cluster) {
      const auto it = kept_.find(members.front());
      if (it == kept_.end()) return std::nullopt;
      return ImportedRef{false, it->second};
    }
    const auto it = kept_clusters_.find(ClusterKey{kind, members});
    if (it == kept_clusters_.end()) return std::nullopt;
    return ImportedRef{true, it->second};
  }

  std::string describe(const EndKey& e) const {
    const auto& [cluster, kind, members] = e;
    if (!cluster) return describe(members.front());
    return "cluster of " + std::to_string(members.size()) + " (" + (members.empty() ? std::string() : describe(members.front())) +
           (members.size() > 1 ? ", …)" : ")");
  }

  std::string identity(const EndKey& e) const {
    const auto& [cluster, kind, members] = e;
    return cluster ? identity(ClusterKey{kind, members}) : identity(members.front());
  }
  std::string identity(const LinkKey& k) const {
    return link_identity(std::get<0>(k), identity(std::get<1>(k)), identity(std::get<2>(k)));
  }

  // Like clusters, links may join documents, so their votes are out of all files.
  void choose_links() {
    auto& links = links_;
    for (size_t f = 0; f < files_.size(); ++f)
      for (size_t i = 0; i < files_[f]->links.size(); ++i) {
        const ImportedLink& l = files_[f]->links[i];
        Votes& v = links[{l.type, end_key(f, l.from), end_key(f, l.to)}];
        if (v.files.empty() || v.files.back() != f) v.files.push_back(f), v.records.push_back(i);
      }
    for (const auto& [k, v] : links) {
      const auto& [type, from, to] = k;
      const std::optional<ImportedRef> a = kept_end(from), b = kept_end(to);
      vote(identity(k), v);
      if (!accepted(v.files, files_.size()) || !a || !b) {
        conflict({"", "link", type + ": " + describe(from) + " -> " + describe(to) + (!a || !b ? " (an end was not kept)" : ""),
                  names_of(v.files), lacking(v.files, everyone())}, identity(k));
        continue;
      }
      kept_links_.insert(k);
      ImportedLink l = files_[v.files[0]]->links[v.records[0]];
      l.id = fresh_id(link_ids_, l.id, 'l');
      l.from = *a;
      l.to = *b;
      l.path = "cluster_links[" + std::to_string(out_.gold.links.size()) + "]";
      out_.gold.links.push_back(std::move(l));
      out_.link_votes.push_back(names_of(v.files));
    }
  }

  // [SECTION] disagreements (structured span and attribute conflicts)
  void collect_disagreements() {
    std::map<std::string, int> kind;  // label -> span kind: only spans of one kind form a stretch
    for (const SpanType& t : out_.gold.schema->span_types()) kind[t.name] = int(t.kind);
    // spans_ is ordered by document, start, end: a sweep per document and kind joins overlapping
    // extents into stretches.
    std::map<std::pair<size_t, int>, std::vector<const SpanKey*>> stretch;  // (doc, kind) -> the open one
    std::map<std::pair<size_t, int>, uint32_t> reach;                      // its end so far
    std::vector<std::vector<const SpanKey*>> done;
    for (const auto& [k, v] : spans_) {
      const std::pair<size_t, int> at{std::get<0>(k), kind[std::get<3>(k)]};
      auto& cur = stretch[at];
      if (!cur.empty() && std::get<1>(k) >= reach[at]) done.push_back(std::move(cur)), cur.clear();
      if (cur.empty()) reach[at] = 0;
      cur.push_back(&k);
      reach[at] = std::max(reach[at], std::get<2>(k));
    }
    for (auto& [at, cur] : stretch)
      if (!cur.empty()) done.push_back(std::move(cur));
    for (const auto& keys : done)
      if (std::any_of(keys.begin(), keys.end(), [&](const SpanKey* k) { return open_.count(*k) > 0; })) {
        out_.disagreements.push_back(disagreement_of(keys));
        covers_.emplace_back();
        for (const SpanKey* k : keys) covers_.back().push_back(identity(*k));
      }
  }

  // [SECTION] relation, cluster and link disagreements
  void add_record_disagreement(Disagreement d, const std::vector<std::string>& records) {
    out_.disagreements.push_back(std::move(d));
    covers_.push_back(records);
  }

  void extend(Disagreement& d, const SpanKey& k) const {
    if (d.extent.end == 0) d.extent = {std::get<1>(k), std::get<2>(k)};
    d.extent = {std::min(d.extent.start, std::get<1>(k)), std::max(d.extent.end, std::get<2>(k))};
  }

  std::vector<SpanRef> refs_of(const EndKey& e) const {
    std::vector<SpanRef> out;
    for (const SpanKey& m : std::get<2>(e)) out.push_back(ref_of(m));
    return out;
  }

  void collect_record_disagreements() {
    // Relations: by document, type and source span.
    std::map<std::tuple<size_t, std::string, SpanKey>, std::vector<const RelKey*>> rel_groups;
    for (const auto& [k, v] : rels_) rel_groups[{std::get<0>(k), std::get<1>(k), std::get<2>(k)}].push_back(&k);
    for (const auto& [g, keys] : rel_groups) {
      if (std::all_of(keys.begin(), keys.end(), [&](const RelKey* k) { return kept_rels_.count(*k) > 0; })) continue;
      Disagreement d;
      d.kind = "relation";
      d.doc_index = std::get<0>(g);
      d.doc = out_.gold.documents[d.doc_index]->id();
      d.holders = holders_[d.doc_index];
      std::vector<std::string> ids;
      for (const RelKey* k : keys) {
        const auto& [doc, type, from, to] = *k;
        RecordVersion r;
        r.type = type;
        r.from = {ref_of(from)};
        r.to = {ref_of(to)};
        r.annotators = rels_.at(*k).files;
        r.kept = kept_rels_.count(*k) > 0;
        d.records.push_back(std::move(r));
        extend(d, from);
        extend(d, to);
        ids.push_back(identity(*k));
      }
      add_record_disagreement(std::move(d), ids);
    }
    // Clusters: those sharing a member, directly or through others, are one disagreement.
    std::vector<const ClusterKey*> keys;
    for (const auto& [k, v] : clusters_) keys.push_back(&k);
    std::vector<size_t> root(keys.size());
    for (size_t i = 0; i < root.size(); ++i) root[i] = i;
    auto find = [&](size_t i) {
      while (root[i] != i) i = root[i] = root[root[i]];
      return i;
    };
    std::map<SpanKey, size_t> first_with;  // member -> the first cluster that has it
    for (size_t i = 0; i < keys.size(); ++i)
      for (const SpanKey& m : keys[i]->second)
        if (auto [it, fresh] = first_with.emplace(m, i); !fresh) root[find(i)] = find(it->second);
    std::map<size_t, std::vector<size_t>> groups;
    for (size_t i = 0; i < keys.size(); ++i) groups[find(i)].push_back(i);
    for (const auto& [g, members] : groups) {
      if (std::all_of(members.begin(), members.end(), [&](size_t i) { return kept_clusters_.count(*keys[i]) > 0; })) continue;
      Disagreement d;
      d.kind = "cluster";
      d.holders = everyone();
      std::vector<std::string> ids;
      for (size_t i : members) {
        const ClusterKey& k = *keys[i];
        const Votes& v = clusters_.at(k);
        RecordVersion r;
        r.type = files_[v.files[0]]->clusters[v.records[0]].name;
        r.kind = to_string(SpanKind(k.first));
        for (const SpanKey& m : k.second) r.members.push_back(ref_of(m));
        r.annotators = v.files;
        r.kept = kept_clusters_.count(k) > 0;
        d.records.push_back(std::move(r));
        ids.push_back(identity(k));
      }
      set_place(d, keys[members.front()]->second.front());
      add_record_disagreement(std::move(d), ids);
    }
    // Claim links: by type and source end.
    std::map<std::pair<std::string, EndKey>, std::vector<const LinkKey*>> link_groups;
    for (const auto& [k, v] : links_) link_groups[{std::get<0>(k), std::get<1>(k)}].push_back(&k);
    for (const auto& [g, lks] : link_groups) {
      if (std::all_of(lks.begin(), lks.end(), [&](const LinkKey* k) { return kept_links_.count(*k) > 0; })) continue;
      Disagreement d;
      d.kind = "link";
      d.holders = everyone();
      std::vector<std::string> ids;
      for (const LinkKey* k : lks) {
        const auto& [type, from, to] = *k;
        RecordVersion r;
        r.type = type;
        r.from = refs_of(from);
        r.to = refs_of(to);
        r.from_cluster = std::get<0>(from);
        r.to_cluster = std::get<0>(to);
        r.annotators = links_.at(*k).files;
        r.kept = kept_links_.count(*k) > 0;
        d.records.push_back(std::move(r));
        ids.push_back(identity(*k));
      }
      set_place(d, std::get<2>(g.second).front());
      add_record_disagreement(std::move(d), ids);
    }
  }

  // Where a disagreement across documents is shown: at one span of it.
  void set_place(Disagreement& d, const SpanKey& k) const {
    d.doc_index = std::get<0>(k);
    d.doc = out_.gold.documents[d.doc_index]->id();
    d.extent = {std::get<1>(k), std::get<2>(k)};
  }

  // Document order, a document's spans before its relations; clusters, then links, last: ends
  // come before what joins them. Each conflict then names its disagreement.
  void order_disagreements() {
    auto rank = [&](size_t i) {
      const Disagreement& d = out_.disagreements[i];
      const int tier = d.kind == "cluster" ? 1 : d.kind == "link" ? 2 : 0;
      return std::make_tuple(tier, d.doc_index, d.kind == "relation", d.extent.start, d.extent.end);
    };
    std::vector<size_t> order(out_.disagreements.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rank(a) < rank(b); });
    std::vector<Disagreement> sorted;
    for (size_t i = 0; i < order.size(); ++i) {
      for (const std::string& id : covers_[order[i]]) record_disagreement_[id] = i;
      sorted.push_back(std::move(out_.disagreements[order[i]]));
    }
    out_.disagreements = std::move(sorted);
    for (size_t c = 0; c < out_.conflicts.size(); ++c) out_.conflicts[c].disagreement = record_disagreement_.at(conflict_record_[c]);
  }

  Disagreement disagreement_of(const std::vector<const SpanKey*>& keys) const {
    Disagreement d;
    d.doc_index = std::get<0>(*keys.front());
    d.doc = out_.gold.documents[d.doc_index]->id();
    d.holders = holders_[d.doc_index];
    d.extent = {std::get<1>(*keys.front()), 0};
    for (const SpanKey* k : keys) {
      d.extent.end = std::max(d.extent.end, std::get<2>(*k));
      const Votes& v = spans_.at(*k);
      const size_t first = d.versions.size();
      for (size_t i = 0; i < v.files.size(); ++i) {  // one version per distinct set of attributes
        const ImportedSpan& s = files_[v.files[i]]->spans[v.records[i]];
        auto attrs = s.attributes;
        std::sort(attrs.begin(), attrs.end());
        auto same = std::find_if(d.versions.begin() + long(first), d.versions.end(), [&](const SpanVersion& x) { return x.attributes == attrs; });
        if (same == d.versions.end()) {
          d.versions.push_back({s.label, s.fragments, std::move(attrs), {}, kept_.count(*k) > 0});
          same = d.versions.end() - 1;
        }
        same->annotators.push_back(v.files[i]);
      }
    }
    d.kind = keys.size() == 1 && kept_.count(*keys.front()) ? "attribute" : "span";
    return d;
  }

  const std::vector<const GoldImport*>& files_;
  const std::vector<std::string>& names_;
  AdjudicateOptions opt_;
  Adjudication out_;
  std::map<std::string, size_t> doc_index_;        // id -> output document index
  std::vector<std::vector<size_t>> holders_;       // output document -> files that have it
  std::vector<std::vector<size_t>> doc_of_file_;   // file -> its document index -> output index
  std::vector<std::vector<SpanKey>> span_key_;     // file -> its span index -> key
  std::map<SpanKey, Votes> spans_;
  std::map<SpanKey, size_t> kept_;                 // -> index into out_.gold.spans
  std::set<SpanKey> open_;                         // spans not kept, or kept with an unsettled attribute
  std::vector<std::vector<ClusterKey>> cluster_key_;  // file -> its cluster index -> key
  std::map<ClusterKey, size_t> kept_clusters_;     // -> index into out_.gold.clusters
  std::map<RelKey, Votes> rels_;
  std::set<RelKey> kept_rels_;
  std::map<ClusterKey, Votes> clusters_;
  std::map<LinkKey, Votes> links_;
  std::set<LinkKey> kept_links_;
  std::vector<std::vector<std::string>> covers_;   // parallel to out_.disagreements: the records each is about
  std::vector<std::string> conflict_record_;       // parallel to out_.conflicts: the record's identity
  std::map<std::string, size_t> record_disagreement_;  // record identity -> index into out_.disagreements (after ordering)
  std::map<size_t, std::set<std::string>> span_ids_, relation_ids_;  // per output document
  std::set<std::string> cluster_ids_, link_ids_;
};

}  // namespace

Adjudication adjudicate(const std::vector<const GoldImport*>& files, const std::vector<std::string>& names,
                        const AdjudicateOptions& options) {
  if (files.empty() || files.size() != names.size()) throw Error("adjudicate", "needs one name per file, and a file");
  return Adjudicator(files, names, options).run();
}

}  // namespace goldspan
