#pragma once
// The records a Corpus holds: spans, relations, clusters and claim links. Plain data.
// Ids are corpus-wide, start at 1, are never reused (not even after undo) and print as
// "s12" (span), "r3" (relation), "c4" (cluster), "l5" (claim link), "g7" (suggestion). Offsets are code points,
// half-open, like Document's.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/tokenizer.hpp"  // Range

namespace goldspan {

using SpanId = uint32_t;
using RelationId = uint32_t;
using ClusterId = uint32_t;
using LinkId = uint32_t;
using SuggestionId = uint32_t;

enum class SpanKind : uint8_t { Entity, Claim, Cue };
const char* to_string(SpanKind k) noexcept;  // "entity", "claim", "cue"

// How span edges are placed: Token widens each fragment to the tokens it touches; Character
// keeps the edges as given but rejects any edge inside a grapheme cluster.
enum class EdgeMode : uint8_t { Token, Character };

// One or more sorted, disjoint, non-touching fragments. Nearly every span has one, which is
// stored inline so that a span costs no extra allocation.
class Fragments {
 public:
  Fragments() = default;
  explicit Fragments(const std::vector<Range>& sorted);

  const Range* begin() const noexcept { return many_.empty() ? &one_ : many_.data(); }
  const Range* end() const noexcept { return begin() + size(); }
  size_t size() const noexcept { return many_.empty() ? 1 : many_.size(); }
  const Range& operator[](size_t i) const noexcept { return begin()[i]; }
  Range extent() const noexcept { return {begin()->start, end()[-1].end}; }
  std::vector<Range> to_vector() const { return {begin(), end()}; }
  size_t heap_bytes() const noexcept { return many_.capacity() * sizeof(Range); }

  friend bool operator==(const Fragments& a, const Fragments& b);
  friend bool operator!=(const Fragments& a, const Fragments& b) { return !(a == b); }

 private:
  Range one_;
  std::vector<Range> many_;  // all fragments when there are several, else empty
};

// Indices into SpanType::attributes and into that attribute's values.
struct AttributeValue {
  uint16_t attribute = 0, value = 0;
  friend bool operator==(AttributeValue a, AttributeValue b) { return a.attribute == b.attribute && a.value == b.value; }
};

struct Span {
  SpanId id = 0;
  uint32_t doc = 0;   // Corpus::document index
  uint16_t type = 0;  // Schema::span_types index
  Fragments fragments;
  std::vector<AttributeValue> attributes;  // ascending by attribute; unset ones absent
  uint32_t annotator = 0;                  // Corpus::annotator_name index
  int64_t created = 0, modified = 0;       // ms since the Unix epoch
};

struct Relation {
  RelationId id = 0;
  uint16_t type = 0;  // Schema::relation_types index
  SpanId source = 0, target = 0;
  uint32_t annotator = 0;
  int64_t created = 0;
};

struct Cluster {
  ClusterId id = 0;
  SpanKind kind = SpanKind::Entity;  // Entity or Claim; members are spans of that kind
  std::string name;                  // free text, e.g. "Askar Akayev"
  std::vector<SpanId> members;       // ascending; a span is in at most one cluster
  uint32_t annotator = 0;
  int64_t created = 0;
};

// An end of a claim link: a claim span or a claim cluster.
struct Ref {
  enum Kind : uint8_t { Span, Cluster };
  Kind kind = Span;
  uint32_t id = 0;
  friend bool operator==(Ref a, Ref b) { return a.kind == b.kind && a.id == b.id; }
  friend bool operator!=(Ref a, Ref b) { return !(a == b); }
};

struct Link {
  LinkId id = 0;
  uint16_t type = 0;  // Schema::link_types index
  Ref source, target;
  uint32_t annotator = 0;
  int64_t created = 0;
};

// A proposed span (a dictionary match, a model's prediction, another file's span) that is not
// part of the annotation until accepted: accepting turns it into an ordinary Span. Printed "g7".
struct Suggestion {
  SuggestionId id = 0;
  uint32_t doc = 0;
  uint16_t type = 0;
  Fragments fragments;
  uint32_t source = 0;  // Corpus::annotator_name index: where it came from ("dict:places.tsv")
};

// "s12", "r3", "c4", "l5", "g7".
std::string format_id(char prefix, uint32_t id);
inline std::string to_string(Ref r) { return format_id(r.kind == Ref::Span ? 's' : 'c', r.id); }
// The number in "s12" when the text has that prefix and a valid id, else 0.
uint32_t parse_id(char prefix, std::string_view text) noexcept;

}  // namespace goldspan
