// AdjudicationView's relation, cluster and claim-link disagreements (adjudication_view.hpp):
// a choice in words, applied as ordinary commands, and the session's provenance on export.
#include <algorithm>
#include <set>

#include "app/adjudication_view.hpp"
#include "app/app.hpp"
#include "error.hpp"
#include "model/commands.hpp"

namespace goldspan::ui {

namespace {

const char kOpen[] = "\xE2\x80\x9C", kClose[] = "\xE2\x80\x9D", kArrow[] = " \xE2\x86\x92 ";

std::string text_of(const Corpus& c, const SpanRef& r) {
  const ptrdiff_t doc = c.find_document(r.doc);
  std::string text;
  for (Range f : r.fragments)
    text += (text.empty() ? "" : " \xE2\x80\xA6 ") + (doc < 0 ? std::string("?") : std::string(c.document(size_t(doc)).slice(f.start, f.end)));
  return kOpen + text + kClose;
}

std::string list_of(const Corpus& c, const std::vector<SpanRef>& refs) {
  std::string out;
  for (const SpanRef& r : refs) out += (out.empty() ? "" : ", ") + text_of(c, r);
  return out;
}

std::string end_of(const Corpus& c, const std::vector<SpanRef>& refs, bool cluster) {
  return cluster ? "cluster {" + list_of(c, refs) + "}" : list_of(c, refs);
}

SpanRef ref_of(const Corpus& c, SpanId id) {
  const Span& s = c.span(id);
  return {c.document(s.doc).id(), c.type_of(s).name, s.fragments.to_vector()};
}

// The open span that is `r`, or 0.
SpanId find(const Corpus& c, const SpanRef& r) {
  const ptrdiff_t doc = c.find_document(r.doc);
  if (doc < 0) return 0;
  for (SpanId id : c.document_spans(size_t(doc)))
    if (ref_of(c, id) == r) return id;
  return 0;
}

bool same_members(const Corpus& c, const Cluster& k, const std::vector<SpanRef>& members) {
  if (k.members.size() != members.size()) return false;
  return std::all_of(k.members.begin(), k.members.end(), [&](SpanId m) {
    return std::find(members.begin(), members.end(), ref_of(c, m)) != members.end();
  });
}

// The open cluster whose members are exactly `members`, or 0.
ClusterId find_cluster(const Corpus& c, const std::vector<SpanRef>& members) {
  for (const auto& [id, k] : c.clusters())
    if (same_members(c, k, members)) return id;
  return 0;
}

std::optional<Ref> find_end(const Corpus& c, const std::vector<SpanRef>& refs, bool cluster) {
  if (cluster) {
    const ClusterId id = find_cluster(c, refs);
    return id ? std::optional<Ref>(Ref{Ref::Cluster, id}) : std::nullopt;
  }
  const SpanId id = find(c, refs.front());
  return id ? std::optional<Ref>(Ref{Ref::Span, id}) : std::nullopt;
}

// The record of version `x` in the corpus: a relation, cluster or link id, or 0.
uint32_t find_record(const Corpus& c, const std::string& kind, const RecordVersion& x) {
  if (kind == "cluster") return find_cluster(c, x.members);
  const auto from = find_end(c, x.from, x.from_cluster), to = find_end(c, x.to, x.to_cluster);
  if (!from || !to) return 0;
  if (kind == "relation") {
    for (RelationId id : c.relations_of(from->id)) {
      const Relation& r = *c.find_relation(id);
      if (r.source == from->id && r.target == to->id && c.schema().relation_types()[r.type].name == x.type) return id;
    }
    return 0;
  }
  for (LinkId id : c.links_of(*from)) {
    const Link& l = *c.find_link(id);
    if (l.source == *from && l.target == *to && c.schema().link_types()[l.type].name == x.type) return id;
  }
  return 0;
}

}  // namespace

std::string AdjudicationView::describe(const Corpus& c, const Disagreement& d, size_t record) const {
  const RecordVersion& x = d.records.at(record);
  if (d.kind == "cluster") return x.kind + " cluster " + kOpen + x.type + kClose + ": " + list_of(c, x.members);
  return x.type + "(" + end_of(c, x.from, x.from_cluster) + kArrow + end_of(c, x.to, x.to_cluster) + ")";
}

size_t AdjudicationView::apply_records(App& app, const Disagreement& d, const std::vector<bool>& want) {
  History& h = app.history();
  const Corpus& c = app.corpus();
  if (d.kind == "cluster") {  // a span is in one cluster at most
    std::set<std::string> seen;
    for (size_t v = 0; v < d.records.size(); ++v)
      for (const SpanRef& m : d.records[v].members)
        if (want[v] && !seen.insert(span_identity(m.doc, m.label, m.fragments)).second)
          throw Error("cluster", "these versions share " + text_of(c, m) + ", and a span is in one cluster only: choose one annotator");
  }
  // Removals first: a chosen cluster may take members from one that goes.
  for (size_t v = 0; v < d.records.size(); ++v) {
    if (want[v]) continue;
    const uint32_t id = find_record(c, d.kind, d.records[v]);
    if (!id) continue;
    if (d.kind == "relation") h.run<RemoveRelation>(id);
    else if (d.kind == "cluster") h.run<DeleteCluster>(id);
    else h.run<RemoveLink>(id);
  }
  size_t added = 0;
  auto ensure = [&](const SpanRef& r) {
    if (SpanId id = find(c, r)) return id;
    ++added;
    return h.run<AddSpan>(r.doc, r.label, r.fragments, EdgeMode::Character).id();
  };
  for (size_t v = 0; v < d.records.size(); ++v) {
    const RecordVersion& x = d.records[v];
    if (!want[v] || find_record(c, d.kind, x)) continue;
    if (d.kind == "relation") {
      const SpanId from = ensure(x.from.front()), to = ensure(x.to.front());
      h.run<AddRelation>(x.type, from, to);
    } else if (d.kind == "cluster") {
      std::vector<SpanId> members;
      for (const SpanRef& m : x.members) members.push_back(ensure(m));
      for (SpanId m : members)
        if (const ClusterId old = c.cluster_of(m)) {
          h.run<RemoveMember>(old, m);
          if (c.find_cluster(old)->members.empty()) h.run<DeleteCluster>(old);
        }
      const ClusterId id = h.run<CreateCluster>(x.kind == "claim" ? SpanKind::Claim : SpanKind::Entity, x.type).id();
      for (SpanId m : members) h.run<AddMember>(id, m);
    } else {
      auto end = [&](const std::vector<SpanRef>& refs, bool cluster) {
        if (!cluster) return Ref{Ref::Span, ensure(refs.front())};
        const ClusterId id = find_cluster(c, refs);
        if (!id) throw Error("link", "its end cluster {" + list_of(c, refs) + "} is not open: settle that cluster first");
        return Ref{Ref::Cluster, id};
      };
      const Ref from = end(x.from, x.from_cluster), to = end(x.to, x.to_cluster);
      h.run<AddLink>(x.type, from, to);
    }
  }
  return added;
}

std::string AdjudicationView::with_provenance(const std::string& gold) const {
  if (!active() || session_.provenance.empty()) return gold;  // a session journaled before provenance was kept
  std::vector<bool> open(choices_.size());
  for (size_t i = 0; i < choices_.size(); ++i) open[i] = choices_[i].empty();
  return gold_with_provenance(gold, session_, open);
}

}  // namespace goldspan::ui
