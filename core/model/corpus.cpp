// Corpus: documents, lookups and queries, fragment resolution, the mutators commands use and
// the checks they run. The canonical dump and invariant checks are in corpus_dump.cpp.
//
// [SECTION] Documents
// [SECTION] Span lookups and queries
// [SECTION] Fragment resolution (token snapping, grapheme safety)
// [SECTION] Relation, cluster and link lookups
// [SECTION] Mutators
// [SECTION] Checks
#include "model/corpus.hpp"

#include <algorithm>
#include <unordered_set>

#include "error.hpp"

namespace goldspan {

namespace {

void erase_value(std::vector<uint32_t>& v, uint32_t x) {
  auto it = std::find(v.begin(), v.end(), x);
  if (it != v.end()) v.erase(it);
}

std::string range_text(Range r) { return "[" + std::to_string(r.start) + ", " + std::to_string(r.end) + ")"; }

}  // namespace

Corpus::Corpus(Schema schema) : schema_(std::move(schema)) {}

// [SECTION] Documents
size_t Corpus::add_document(std::shared_ptr<const Document> doc) {
  if (!doc) throw Error("add_document", "no document");
  if (doc_by_id_.count(doc->id())) throw Error(doc->id(), "a document with this id is already in the corpus");
  doc_by_id_.emplace(doc->id(), docs_.size());
  docs_.push_back(std::move(doc));
  index_.emplace_back();
  sugg_by_doc_.emplace_back();
  sugg_longest_.push_back(0);
  token_blocks_.emplace_back(*docs_.back());
  touch();
  return docs_.size() - 1;
}

const Document& Corpus::document(size_t index) const {
  if (index >= docs_.size()) throw Error("document", "no document #" + std::to_string(index));
  return *docs_[index];
}

ptrdiff_t Corpus::find_document(std::string_view id) const noexcept {
  auto it = doc_by_id_.find(id);
  return it == doc_by_id_.end() ? -1 : ptrdiff_t(it->second);
}

// [SECTION] Span lookups and queries
const Span* Corpus::find_span(SpanId id) const noexcept {
  return id < slot_.size() && slot_[id] ? &spans_[slot_[id] - 1] : nullptr;
}

const Span& Corpus::span(SpanId id) const { return span_or_throw(id, "span"); }

const Span& Corpus::span_or_throw(SpanId id, const char* where) const {
  if (const Span* s = find_span(id)) return *s;
  throw Error(where, "no span " + format_id('s', id));
}

std::vector<SpanId> Corpus::span_ids() const {
  std::vector<SpanId> out;
  out.reserve(spans_.size());
  for (SpanId id = 0; id < slot_.size(); ++id)
    if (slot_[id]) out.push_back(id);
  return out;
}

const std::string* Corpus::attribute(const Span& s, std::string_view name) const noexcept {
  const SpanType& t = type_of(s);
  const int a = t.attribute(name);
  for (const AttributeValue& v : s.attributes)
    if (int(v.attribute) == a) return &t.attributes[a].values[v.value];
  return nullptr;
}

void Corpus::query(size_t doc, uint32_t a, uint32_t b, std::vector<SpanHit>& out) const {
  document(doc);  // checks the index
  index_[doc].query(a, b, out);
}

std::vector<SpanId> Corpus::spans_overlapping(size_t doc, uint32_t a, uint32_t b) const {
  std::vector<SpanHit> hits;
  query(doc, a, b, hits);
  std::vector<SpanId> out;
  out.reserve(hits.size());
  bool several = false;
  for (const SpanHit& h : hits) {
    out.push_back(h.span);
    several |= find_span(h.span)->fragments.size() > 1;
  }
  if (several) {  // a discontinuous span can be hit once per fragment: keep its first hit
    std::unordered_set<SpanId> seen;
    size_t w = 0;
    for (SpanId id : out)
      if (seen.insert(id).second) out[w++] = id;
    out.resize(w);
  }
  return out;
}

std::vector<SpanId> Corpus::document_spans(size_t doc) const {
  return spans_overlapping(doc, 0, UINT32_MAX);
}

// [SECTION] Fragment resolution (token snapping, grapheme safety)
std::vector<Range> Corpus::resolve_fragments(size_t doc_index, std::vector<Range> frags, EdgeMode mode) const {
  const Document& doc = document(doc_index);
  if (frags.empty()) throw Error("fragments", "a span needs at least one fragment");
  const std::vector<Token>& toks = doc.tokens();
  for (size_t i = 0; i < frags.size(); ++i) {
    Range& f = frags[i];
    // The location is only spelled out on failure: this runs on every edit.
    const auto fail = [&](const std::string& what) { throw Error("fragments[" + std::to_string(i) + "]", what); };
    if (f.start > f.end || f.end > doc.length())
      fail(range_text(f) + " is not a range of " + doc.id() + " (" + std::to_string(doc.length()) + " code points)");
    if (mode == EdgeMode::Token) {
      // first: the first token ending after f.start.
      const size_t first = token_blocks_[doc_index].at_or_after(toks, f.start);
      if (f.start == f.end) {  // a click: the token under it
        if (first == toks.size() || toks[first].start > f.start) fail("no token at " + std::to_string(f.start));
        f = Range{toks[first].start, toks[first].end};
        continue;
      }
      // after: one past the last token starting before f.end, found by galloping from
      // `first` because a selection spans few tokens.
      size_t lo = first, step = 1;
      while (lo + step < toks.size() && toks[lo + step].start < f.end) {
        lo += step;
        step *= 2;
      }
      const auto before_end = [&](const Token& t) { return t.start < f.end; };
      const size_t after = size_t(std::partition_point(toks.begin() + ptrdiff_t(lo),
                                                       toks.begin() + ptrdiff_t(std::min(lo + step, toks.size())), before_end) -
                                  toks.begin());
      if (first >= after) fail(range_text(f) + " covers no token");
      f = Range{toks[first].start, toks[after - 1].end};
    } else {
      if (f.start == f.end) fail(range_text(f) + " is empty");
      for (uint32_t edge : {f.start, f.end})
        if (!doc.is_grapheme_boundary(edge)) fail("offset " + std::to_string(edge) + " is inside a grapheme cluster");
    }
  }
  if (frags.size() > 1) {
    std::sort(frags.begin(), frags.end(), [](Range a, Range b) { return a.start != b.start ? a.start < b.start : a.end < b.end; });
    size_t w = 0;
    for (size_t i = 1; i < frags.size(); ++i) {
      if (frags[i].start <= frags[w].end) frags[w].end = std::max(frags[w].end, frags[i].end);
      else frags[++w] = frags[i];
    }
    frags.resize(w + 1);
  }
  return frags;
}

// [SECTION] Relation, cluster and link lookups
const Relation* Corpus::find_relation(RelationId id) const noexcept {
  auto it = relations_.find(id);
  return it == relations_.end() ? nullptr : &it->second;
}

std::vector<RelationId> Corpus::relations_of(SpanId span) const {
  auto it = relations_of_.find(span);
  if (it == relations_of_.end()) return {};
  std::vector<RelationId> out = it->second;
  std::sort(out.begin(), out.end());
  return out;
}

const Cluster* Corpus::find_cluster(ClusterId id) const noexcept {
  auto it = clusters_.find(id);
  return it == clusters_.end() ? nullptr : &it->second;
}

ClusterId Corpus::cluster_of(SpanId span) const noexcept {
  auto it = cluster_of_.find(span);
  return it == cluster_of_.end() ? 0 : it->second;
}

const Link* Corpus::find_link(LinkId id) const noexcept {
  auto it = links_.find(id);
  return it == links_.end() ? nullptr : &it->second;
}

std::vector<LinkId> Corpus::links_of(Ref end) const {
  auto it = links_of_.find(ref_key(end));
  if (it == links_of_.end()) return {};
  std::vector<LinkId> out = it->second;
  std::sort(out.begin(), out.end());
  return out;
}

// [SECTION] Mutators
Span& Corpus::span_mut(SpanId id) {
  touch();
  return spans_[slot_.at(id) - 1];
}

void Corpus::insert_span(Span s) {
  if (s.id >= slot_.size()) slot_.resize(size_t(s.id) + 1, 0);
  for (const Range& f : s.fragments) index_[s.doc].insert(SpanHit{f.start, f.end, s.id});
  slot_[s.id] = uint32_t(spans_.size() + 1);
  spans_.push_back(std::move(s));
  touch();
}

Span Corpus::erase_span(SpanId id) {
  const uint32_t pos = slot_.at(id) - 1;
  Span s = std::move(spans_[pos]);
  for (const Range& f : s.fragments) index_[s.doc].erase(SpanHit{f.start, f.end, id});
  if (pos + 1 != spans_.size()) {  // keep spans_ dense: move the last record into the hole
    spans_[pos] = std::move(spans_.back());
    slot_[spans_[pos].id] = pos + 1;
  }
  spans_.pop_back();
  slot_[id] = 0;
  touch();
  return s;
}

void Corpus::set_fragments(Span& s, Fragments f) {
  for (const Range& r : s.fragments) index_[s.doc].erase(SpanHit{r.start, r.end, s.id});
  s.fragments = std::move(f);
  for (const Range& r : s.fragments) index_[s.doc].insert(SpanHit{r.start, r.end, s.id});
  touch();
}

void Corpus::insert_relation(const Relation& r) {
  relations_.emplace(r.id, r);
  relations_of_[r.source].push_back(r.id);
  relations_of_[r.target].push_back(r.id);
  touch();
}

Relation Corpus::erase_relation(RelationId id) {
  auto it = relations_.find(id);
  Relation r = it->second;
  relations_.erase(it);
  for (SpanId s : {r.source, r.target}) {
    auto adj = relations_of_.find(s);
    if (adj == relations_of_.end()) continue;
    erase_value(adj->second, id);
    if (adj->second.empty()) relations_of_.erase(adj);
  }
  touch();
  return r;
}

void Corpus::insert_cluster(Cluster c) {
  for (SpanId m : c.members) cluster_of_[m] = c.id;
  const ClusterId id = c.id;
  clusters_.emplace(id, std::move(c));
  touch();
}

Cluster Corpus::erase_cluster(ClusterId id) {
  auto it = clusters_.find(id);
  Cluster c = std::move(it->second);
  clusters_.erase(it);
  for (SpanId m : c.members) cluster_of_.erase(m);
  touch();
  return c;
}

Cluster& Corpus::cluster_mut(ClusterId id) {
  touch();
  return clusters_.at(id);
}

void Corpus::add_member(ClusterId c, SpanId s) {
  std::vector<SpanId>& m = clusters_.at(c).members;
  m.insert(std::lower_bound(m.begin(), m.end(), s), s);
  cluster_of_[s] = c;
  touch();
}

void Corpus::remove_member(ClusterId c, SpanId s) {
  std::vector<SpanId>& m = clusters_.at(c).members;
  auto it = std::lower_bound(m.begin(), m.end(), s);
  if (it != m.end() && *it == s) m.erase(it);
  cluster_of_.erase(s);
  touch();
}

void Corpus::insert_link(const Link& l) {
  links_.emplace(l.id, l);
  links_of_[ref_key(l.source)].push_back(l.id);
  links_of_[ref_key(l.target)].push_back(l.id);
  touch();
}

Link Corpus::erase_link(LinkId id) {
  auto it = links_.find(id);
  Link l = it->second;
  links_.erase(it);
  for (Ref e : {l.source, l.target}) {
    auto adj = links_of_.find(ref_key(e));
    if (adj == links_of_.end()) continue;
    erase_value(adj->second, id);
    if (adj->second.empty()) links_of_.erase(adj);
  }
  touch();
  return l;
}

uint32_t Corpus::intern_annotator(const std::string& name) {
  auto [it, fresh] = annotator_index_.emplace(name, uint32_t(annotators_.size()));
  if (fresh) annotators_.push_back(name);
  return it->second;
}

// [SECTION] Checks
uint16_t Corpus::span_type_named(const std::string& name, const char* where) const {
  const int t = schema_.span_type(name);
  if (t < 0) throw Error(where, "unknown span type '" + name + "'");
  return uint16_t(t);
}

void Corpus::check_overlap(uint32_t doc, uint16_t type, const std::vector<Range>& frags, SpanId self,
                           const char* where) {
  const SpanType& t = schema_.span_types()[type];
  if (schema_.permissive(t.kind)) return;
  std::vector<SpanHit>& hits = scratch_;  // kept between calls: this runs on every edit
  for (const Range& f : frags) {
    hits.clear();
    index_[doc].query(f.start, f.end, hits);
    for (const SpanHit& h : hits) {
      if (h.span == self) continue;
      const SpanType& o = type_of(*find_span(h.span));
      if (o.kind != t.kind) continue;
      const bool nested = nested_ranges(f.start, f.end, h.start, h.end);
      if (may_share(t, o, nested)) continue;
      const SpanType& rule = (nested ? t.allow_nesting : t.allow_overlap) ? o : t;  // the type that forbids it
      throw Error(where, range_text(f) + (nested ? " would nest with " : " would cross ") + format_id('s', h.span) + " " +
                             range_text(Range{h.start, h.end}) + " (" + o.name + "), and " + rule.name +
                             (nested ? " spans may not nest" : " spans may not overlap"));
    }
  }
}

void Corpus::check_relation(uint16_t type, const Span& src, const Span& dst, const char* where) const {
  const RelationType& rt = schema_.relation_types()[type];
  if (src.id == dst.id) throw Error(where, "a relation needs two different spans");
  if (src.doc != dst.doc)
    throw Error(where, format_id('s', src.id) + " and " + format_id('s', dst.id) + " are in different documents");
  if (!rt.allows(src.type, dst.type))
    throw Error(where, rt.name + " does not allow " + type_of(src).name + " -> " + type_of(dst).name);
}

void Corpus::check_link_end(Ref end, const char* where) const {
  if (end.kind == Ref::Span) {
    const Span& s = span_or_throw(end.id, where);
    if (type_of(s).kind != SpanKind::Claim) throw Error(where, to_string(end) + " is not a claim");
  } else {
    const Cluster* c = find_cluster(end.id);
    if (!c) throw Error(where, "no cluster " + to_string(end));
    if (c->kind != SpanKind::Claim) throw Error(where, to_string(end) + " is not a claim cluster");
  }
}

}  // namespace goldspan
