// Corpus: the canonical dump, the invariant checks (both for tests and debugging) and the
// memory count (for the benchmark).
#include <algorithm>

#include "error.hpp"
#include "model/corpus.hpp"
#include "model/json_text.hpp"

namespace goldspan {

// Written by hand, not through nlohmann: tests dump the state after every step.
std::string Corpus::canonical_dump(bool with_counters) const {
  std::string out;
  out.reserve(64 + spans_.size() * 128);
  auto num = [&](uint64_t v) { append_uint(out, v); };
  auto str = [&](std::string_view v) { append_json_string(out, v); };
  auto frags = [&](const Fragments& fs) {
    out += ",\"frags\":[";
    for (const Range& f : fs) {
      if (&f != fs.begin()) out += ',';
      out += '[';
      num(f.start);
      out += ',';
      num(f.end);
      out += ']';
    }
    out += ']';
  };
  auto stamp = [&](uint32_t annotator, int64_t created) {
    out += ",\"by\":";
    str(annotators_[annotator]);
    out += ",\"created\":";
    append_int(out, created);
  };
  out += '{';
  if (with_counters) {
    out += "\"next\":{\"span\":";
    num(next_.span);
    out += ",\"relation\":";
    num(next_.relation);
    out += ",\"cluster\":";
    num(next_.cluster);
    out += ",\"link\":";
    num(next_.link);
    if (next_.suggestion > 1) {  // dumps of corpora that never had suggestions stay as they were
      out += ",\"suggestion\":";
      num(next_.suggestion);
    }
    out += "},";
  }
  out += "\"spans\":[";
  bool first = true;
  for (SpanId id : span_ids()) {
    const Span& s = *find_span(id);
    const SpanType& t = type_of(s);
    out += first ? "{\"id\":" : ",{\"id\":";
    first = false;
    num(id);
    out += ",\"doc\":";
    str(docs_[s.doc]->id());
    out += ",\"type\":";
    str(t.name);
    frags(s.fragments);
    out += ",\"attrs\":{";
    for (const AttributeValue& a : s.attributes) {
      if (&a != s.attributes.data()) out += ',';
      str(t.attributes[a.attribute].name);
      out += ':';
      str(t.attributes[a.attribute].values[a.value]);
    }
    out += '}';
    stamp(s.annotator, s.created);
    out += ",\"modified\":";
    append_int(out, s.modified);
    out += '}';
  }
  out += "],\"relations\":[";
  for (const auto& [id, r] : relations_) {
    out += id == relations_.begin()->first ? "{\"id\":" : ",{\"id\":";
    num(id);
    out += ",\"type\":";
    str(schema_.relation_types()[r.type].name);
    out += ",\"source\":";
    num(r.source);
    out += ",\"target\":";
    num(r.target);
    stamp(r.annotator, r.created);
    out += '}';
  }
  out += "],\"clusters\":[";
  for (const auto& [id, c] : clusters_) {
    out += id == clusters_.begin()->first ? "{\"id\":" : ",{\"id\":";
    num(id);
    out += ",\"kind\":";
    str(to_string(c.kind));
    out += ",\"name\":";
    str(c.name);
    out += ",\"members\":[";
    for (size_t i = 0; i < c.members.size(); ++i) {
      if (i) out += ',';
      num(c.members[i]);
    }
    out += ']';
    stamp(c.annotator, c.created);
    out += '}';
  }
  out += "],\"links\":[";
  for (const auto& [id, l] : links_) {
    out += id == links_.begin()->first ? "{\"id\":" : ",{\"id\":";
    num(id);
    out += ",\"type\":";
    str(schema_.link_types()[l.type].name);
    out += ",\"source\":";
    str(to_string(l.source));
    out += ",\"target\":";
    str(to_string(l.target));
    stamp(l.annotator, l.created);
    out += '}';
  }
  out += ']';
  if (!suggestions_.empty()) {
    out += ",\"suggestions\":[";
    for (const auto& [id, g] : suggestions_) {
      out += id == suggestions_.begin()->first ? "{\"id\":" : ",{\"id\":";
      num(id);
      out += ",\"doc\":";
      str(docs_[g.doc]->id());
      out += ",\"type\":";
      str(schema_.span_types()[g.type].name);
      frags(g.fragments);
      out += ",\"source\":";
      str(annotators_[g.source]);
      out += '}';
    }
    out += ']';
  }
  out += '}';
  return out;
}

void Corpus::check_invariants() const {
  auto fail = [](const std::string& what) { throw Error("invariants", what); };
  size_t fragments = 0;
  for (size_t i = 0; i < spans_.size(); ++i) {
    const Span& s = spans_[i];
    if (s.id == 0 || s.id >= next_.span || s.id >= slot_.size() || slot_[s.id] != i + 1) fail("slot of " + format_id('s', s.id));
    if (s.doc >= docs_.size()) fail("document of " + format_id('s', s.id));
    const Range* prev = nullptr;
    for (const Range& f : s.fragments) {
      if (f.start >= f.end || f.end > docs_[s.doc]->length() || (prev && prev->end >= f.start))
        fail("fragments of " + format_id('s', s.id));
      std::vector<SpanHit> hits;
      index_[s.doc].query(f.start, f.start + 1, hits);
      if (std::find(hits.begin(), hits.end(), SpanHit{f.start, f.end, s.id}) == hits.end())
        fail("index lacks a fragment of " + format_id('s', s.id));
      prev = &f;
      ++fragments;
    }
    for (size_t k = 1; k < s.attributes.size(); ++k)
      if (s.attributes[k - 1].attribute >= s.attributes[k].attribute) fail("attribute order of " + format_id('s', s.id));
  }
  size_t indexed = 0;
  for (const SpanIndex& ix : index_) {
    if (!ix.valid()) fail("span index structure");
    indexed += ix.size();
  }
  if (indexed != fragments) fail("span index holds stale fragments");
  size_t adjacency = 0;
  for (const auto& [id, r] : relations_) {
    if (id >= next_.relation || !find_span(r.source) || !find_span(r.target)) fail("relation " + format_id('r', id));
    for (SpanId s : {r.source, r.target}) {
      auto it = relations_of_.find(s);
      if (it == relations_of_.end() || std::count(it->second.begin(), it->second.end(), id) != 1)
        fail("adjacency of " + format_id('r', id));
    }
  }
  for (const auto& [s, ids] : relations_of_) adjacency += ids.size();
  if (adjacency != 2 * relations_.size()) fail("relation adjacency holds stale entries");
  size_t members = 0;
  for (const auto& [id, c] : clusters_) {
    if (id >= next_.cluster || !std::is_sorted(c.members.begin(), c.members.end())) fail("cluster " + format_id('c', id));
    for (SpanId m : c.members) {
      const Span* s = find_span(m);
      if (!s || type_of(*s).kind != c.kind || cluster_of(m) != id) fail("member " + format_id('s', m) + " of " + format_id('c', id));
    }
    members += c.members.size();
  }
  if (members != cluster_of_.size()) fail("cluster membership holds stale entries");
  adjacency = 0;
  for (const auto& [id, l] : links_) {
    if (id >= next_.link) fail("link " + format_id('l', id));
    for (Ref e : {l.source, l.target}) {
      if (e.kind == Ref::Span ? !find_span(e.id) : !find_cluster(e.id)) fail("end of " + format_id('l', id));
      auto it = links_of_.find(ref_key(e));
      if (it == links_of_.end() || std::count(it->second.begin(), it->second.end(), id) != 1)
        fail("adjacency of " + format_id('l', id));
    }
  }
  for (const auto& [k, ids] : links_of_) adjacency += ids.size();
  if (adjacency != 2 * links_.size()) fail("link adjacency holds stale entries");
  size_t indexed_suggestions = 0;
  for (size_t d = 0; d < sugg_by_doc_.size(); ++d)
    for (const auto& [start, id] : sugg_by_doc_[d]) {
      const Suggestion* g = find_suggestion(id);
      if (!g || g->doc != d || g->fragments.extent().start != start || id >= next_.suggestion ||
          g->fragments.extent().end - start > sugg_longest_[d])
        fail("suggestion index entry " + format_id('g', id));
      ++indexed_suggestions;
    }
  if (indexed_suggestions != suggestions_.size()) fail("suggestion index holds stale entries");
}

size_t Corpus::span_memory_bytes() const noexcept {
  size_t n = spans_.capacity() * sizeof(Span) + slot_.capacity() * sizeof(uint32_t);
  for (const Span& s : spans_) n += s.fragments.heap_bytes() + s.attributes.capacity() * sizeof(AttributeValue);
  for (const SpanIndex& ix : index_) n += ix.memory_bytes();
  return n;
}

}  // namespace goldspan
