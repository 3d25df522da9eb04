#pragma once
// Corpus — the annotation state: documents (the initial state, fixed), and the spans,
// relations, clusters and claim links over them, with one SpanIndex per document.
//
// Read it directly; change it only through commands (commands.hpp), normally run by a History
// (history.hpp) so that every edit is undoable and journaled. That is why the mutators below are
// private and only the command classes are friends.
//
// Pointers and references returned by lookups stay valid until the next edit.
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/schema.hpp"
#include "model/span.hpp"
#include "model/span_index.hpp"
#include "model/token_blocks.hpp"
#include "text/document.hpp"

namespace goldspan {

class AddSpan;
class RemoveSpan;
class RelabelSpan;
class ResizeSpan;
class SetAttribute;
class AddRelation;
class RemoveRelation;
class CreateCluster;
class DeleteCluster;
class RenameCluster;
class AddMember;
class RemoveMember;
class AddLink;
class RemoveLink;
class AddSuggestions;
class AcceptSuggestion;
class RejectSuggestion;
class Bulk;
class History;

class Corpus {
 public:
  explicit Corpus(Schema schema);
  Corpus(const Corpus&) = delete;
  Corpus& operator=(const Corpus&) = delete;

  const Schema& schema() const noexcept { return schema_; }

  // [SECTION] Documents: added before editing starts, never removed, not journaled (a journal
  // replays over the same schema and documents). Throws Error when the id is already in use.
  size_t add_document(std::shared_ptr<const Document> doc);
  size_t document_count() const noexcept { return docs_.size(); }
  const Document& document(size_t index) const;  // throws Error when out of range
  ptrdiff_t find_document(std::string_view id) const noexcept;  // -1 when absent

  // [SECTION] Spans
  const Span* find_span(SpanId id) const noexcept;  // nullptr when absent
  const Span& span(SpanId id) const;                // throws Error when absent
  size_t span_count() const noexcept { return spans_.size(); }
  std::vector<SpanId> span_ids() const;  // ascending
  const SpanType& type_of(const Span& s) const noexcept { return schema_.span_types()[s.type]; }
  const std::string& annotator_name(uint32_t index) const { return annotators_.at(index); }
  // The value of a span's attribute, nullptr when unset or not defined for its type.
  const std::string* attribute(const Span& s, std::string_view name) const noexcept;

  // Fragments of document `doc` overlapping [a, b) (start < b and end > a), ordered by
  // (start, end, span). Appends to `out` so a caller can reuse one buffer per frame.
  void query(size_t doc, uint32_t a, uint32_t b, std::vector<SpanHit>& out) const;
  // Distinct spans with a fragment overlapping [a, b), in the order of their first such fragment.
  std::vector<SpanId> spans_overlapping(size_t doc, uint32_t a, uint32_t b) const;
  // Every span of a document, ordered by (start, end, id) of its first fragment.
  std::vector<SpanId> document_spans(size_t doc) const;

  // The fragments a span with these edges gets in document `doc`: sorted, touching or
  // overlapping ones merged. Token mode widens each fragment to the tokens it touches (an empty
  // fragment selects the token containing it); character mode rejects edges inside a grapheme
  // cluster. Throws Error when a fragment is out of range, selects no token, or cuts a cluster.
  std::vector<Range> resolve_fragments(size_t doc, std::vector<Range> fragments, EdgeMode mode) const;

  // [SECTION] Relations, clusters and claim links (ordered by id)
  const std::map<RelationId, Relation>& relations() const noexcept { return relations_; }
  const Relation* find_relation(RelationId id) const noexcept;
  std::vector<RelationId> relations_of(SpanId span) const;  // as source or target, ascending
  const std::map<ClusterId, Cluster>& clusters() const noexcept { return clusters_; }
  const Cluster* find_cluster(ClusterId id) const noexcept;
  ClusterId cluster_of(SpanId span) const noexcept;  // 0 when in none
  const std::map<LinkId, Link>& links() const noexcept { return links_; }
  const Link* find_link(LinkId id) const noexcept;
  std::vector<LinkId> links_of(Ref end) const;  // as source or target, ascending

  // [SECTION] Suggestions: proposed spans, not part of the annotation (no relations, no
  // clusters, not exported as spans) until AcceptSuggestion turns one into a Span.
  const std::map<SuggestionId, Suggestion>& suggestions() const noexcept { return suggestions_; }
  const Suggestion* find_suggestion(SuggestionId id) const noexcept;
  size_t suggestion_count(size_t doc) const { return sugg_by_doc_.at(doc).size(); }
  // Suggestions of document `doc` with a fragment overlapping [a, b), ordered by (start, id).
  std::vector<SuggestionId> suggestions_in(size_t doc, uint32_t a, uint32_t b) const;
  // The suggestion after (dir > 0) or before (dir < 0) position (doc, cp, id) in reading order
  // over all documents, wrapping around; 0 when there is none.
  SuggestionId next_suggestion(size_t doc, uint32_t cp, SuggestionId id, int dir) const;
  // A span with the same document, type and fragments exists.
  bool has_identical_span(uint32_t doc, uint16_t type, const std::vector<Range>& fragments) const;

  // [SECTION] State
  // Increases on every change, including undo and redo; the UI polls it.
  uint64_t revision() const noexcept { return revision_; }
  // The ids the next new span, relation, cluster and link will get. Part of the state: they
  // only grow, so an id is never reused after undo.
  struct Counters {
    SpanId span = 1;
    RelationId relation = 1;
    ClusterId cluster = 1;
    LinkId link = 1;
    SuggestionId suggestion = 1;
  };
  const Counters& next_ids() const noexcept { return next_; }

  // Deterministic JSON text of the whole annotation state (not the revision), for tests and
  // debugging: equal dumps mean equal states. Without counters it compares content only.
  std::string canonical_dump(bool with_counters = true) const;
  // Checks every index against the records (O(n), for tests); throws Error naming the problem.
  void check_invariants() const;
  // Bytes held for spans: records, their extra fragments and attributes, the id table and the
  // span indexes (container capacities; excludes allocator overhead).
  size_t span_memory_bytes() const noexcept;

 private:
  friend class AddSpan;
  friend class RemoveSpan;
  friend class RelabelSpan;
  friend class ResizeSpan;
  friend class SetAttribute;
  friend class AddRelation;
  friend class RemoveRelation;
  friend class CreateCluster;
  friend class DeleteCluster;
  friend class RenameCluster;
  friend class AddMember;
  friend class RemoveMember;
  friend class AddLink;
  friend class RemoveLink;
  friend class AddSuggestions;
  friend class AcceptSuggestion;
  friend class RejectSuggestion;
  friend class Bulk;
  friend class History;

  // [SECTION] Mutators for commands: no validation beyond what keeps the indexes sound; each
  // bumps the revision.
  Span& span_mut(SpanId id);
  void insert_span(Span s);
  Span erase_span(SpanId id);  // relations, links and membership must be gone already
  void set_fragments(Span& s, Fragments f);
  void insert_relation(const Relation& r);
  Relation erase_relation(RelationId id);
  void insert_cluster(Cluster c);
  Cluster erase_cluster(ClusterId id);  // its links must be gone already
  Cluster& cluster_mut(ClusterId id);
  void add_member(ClusterId c, SpanId s);
  void remove_member(ClusterId c, SpanId s);
  void insert_link(const Link& l);
  Link erase_link(LinkId id);
  void insert_suggestion(Suggestion g);
  Suggestion erase_suggestion(SuggestionId id);
  uint32_t intern_annotator(const std::string& name);
  void touch() noexcept { ++revision_; }
  static uint64_t ref_key(Ref r) noexcept { return uint64_t(r.kind) << 32 | r.id; }  // links_of_

  // [SECTION] Checks for commands (throw Error with `where`)
  uint16_t span_type_named(const std::string& name, const char* where) const;
  const Span& span_or_throw(SpanId id, const char* where) const;
  // Overlap and nesting rules for a span of `type` with these fragments; `self` is skipped.
  void check_overlap(uint32_t doc, uint16_t type, const std::vector<Range>& fragments, SpanId self,
                     const char* where);
  void check_relation(uint16_t type, const Span& source, const Span& target, const char* where) const;
  void check_link_end(Ref end, const char* where) const;

  Schema schema_;
  std::vector<std::shared_ptr<const Document>> docs_;
  std::map<std::string, size_t, std::less<>> doc_by_id_;
  std::vector<SpanIndex> index_;  // one per document
  std::vector<TokenBlocks> token_blocks_;  // one per document, for token snapping

  std::vector<Span> spans_;       // dense; order is not meaningful
  std::vector<uint32_t> slot_;    // span id -> position in spans_ + 1, 0 when absent
  std::map<RelationId, Relation> relations_;
  std::unordered_map<SpanId, std::vector<RelationId>> relations_of_;
  std::map<ClusterId, Cluster> clusters_;
  std::unordered_map<SpanId, ClusterId> cluster_of_;
  std::map<LinkId, Link> links_;
  std::unordered_map<uint64_t, std::vector<LinkId>> links_of_;  // key: Ref kind << 32 | id
  std::map<SuggestionId, Suggestion> suggestions_;
  // Per document: (first fragment's start, id), and the longest extent seen (for range queries).
  std::vector<std::set<std::pair<uint32_t, SuggestionId>>> sugg_by_doc_;
  std::vector<uint32_t> sugg_longest_;
  std::vector<std::string> annotators_;
  std::unordered_map<std::string, uint32_t> annotator_index_;

  Counters next_;
  uint64_t revision_ = 0;
  std::vector<SpanHit> scratch_;  // check_overlap's query results
};

}  // namespace goldspan
