#pragma once
// Schema — what may be annotated: span types (entity, claim and cue kinds) with their
// attributes, colours, hotkeys and overlap rules; relation types with allowed ends; claim link
// types. Loaded from JSON (format in docs/model.md, default in assets/schema/default.json).
// Every problem is reported as goldspan::Error whose where() is the JSON path, e.g.
//   entity_types[2].hotkey: duplicate hotkey 'p' (also used by entity_types[0])
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/span.hpp"

namespace goldspan {

struct AttributeDef {
  std::string name;
  std::vector<std::string> values;  // allowed values, in schema order
  int value(std::string_view v) const noexcept;  // index, -1 when not allowed
};

struct SpanType {
  std::string name;  // e.g. "PERSON"
  SpanKind kind = SpanKind::Entity;
  std::string description;
  uint32_t color = 0;  // 0xRRGGBB
  char hotkey = 0;     // 'a'-'z' or '0'-'9', unique among span types; 0 when none (optional)
  // Both rules apply between spans of the same kind in one document, fragment by fragment:
  // nesting = one fragment contains the other (identical ranges included), overlap = they
  // cross. A pair is allowed only when both types allow it.
  bool allow_overlap = true;
  bool allow_nesting = true;
  std::vector<AttributeDef> attributes;
  int attribute(std::string_view name) const noexcept;  // index, -1 when absent
};

// The schema's overlap rule for two spans sharing code points: one inside the other (equal
// ranges included) is nesting, allowed when both types allow nesting; otherwise they cross,
// allowed when both allow overlap. Spans of different kinds never conflict.
inline bool nested_ranges(uint32_t a_start, uint32_t a_end, uint32_t b_start, uint32_t b_end) noexcept {
  return (b_start <= a_start && a_end <= b_end) || (a_start <= b_start && b_end <= a_end);
}
inline bool may_share(const SpanType& a, const SpanType& b, bool nested) noexcept {
  if (a.kind != b.kind) return true;
  return nested ? a.allow_nesting && b.allow_nesting : a.allow_overlap && b.allow_overlap;
}

struct RelationType {
  std::string name;  // e.g. "claimant"
  std::string description;
  uint32_t color = 0;
  char hotkey = 0;                 // 0 when none; unique among relation types
  std::vector<uint16_t> sources;   // allowed span types, ascending
  std::vector<uint16_t> targets;
  bool allows(uint16_t source_type, uint16_t target_type) const noexcept;
};

struct LinkType {
  std::string name;  // e.g. "contradicts"
  std::string description;
  uint32_t color = 0;
};

class Schema {
 public:
  // Throws goldspan::Error naming the JSON path of the first problem found.
  static Schema parse(std::string_view json_text);
  static Schema from_json(const nlohmann::json& root);
  // As parse; errors are prefixed with the file path.
  static Schema load_file(const std::string& path);

  // The schema as JSON in the input format, canonical: every field written (defaults included),
  // relation ends as type names (kinds expanded), empty descriptions and optional hotkeys left
  // out. from_json(to_json()) gives an equal schema, and two schemas are equal exactly when
  // their to_json() are (the gold format embeds and compares schemas this way).
  nlohmann::ordered_json to_json() const;

  const std::string& name() const noexcept { return name_; }
  // BCP 47 tag selecting the tokenizer's rules ("en": clitics split, abbreviations whole; see
  // Tokenizer). Empty (absent in the JSON) means ICU's root rules, as before the field existed.
  const std::string& locale() const noexcept { return locale_; }
  const std::vector<SpanType>& span_types() const noexcept { return span_types_; }
  const std::vector<RelationType>& relation_types() const noexcept { return relation_types_; }
  const std::vector<LinkType>& link_types() const noexcept { return link_types_; }

  // Index by name, -1 when absent.
  int span_type(std::string_view name) const noexcept;
  int relation_type(std::string_view name) const noexcept;
  int link_type(std::string_view name) const noexcept;

  // brat events read as claims and claims written as such events (core/io/brat_events.hpp),
  // each "EVENT:REL=ROLE,..." as the CLI's --brat-claims takes it; from the schema's
  // "brat": {"claim_events": [...]}. Checked here: the form, exactly one content=ROLE, and every
  // other REL a relation type of this schema.
  const std::vector<std::string>& brat_claim_events() const noexcept { return brat_claim_events_; }

  // True when every type of the kind allows overlap and nesting, so no check is needed.
  bool permissive(SpanKind kind) const noexcept { return permissive_[size_t(kind)]; }

 private:
  std::string name_;
  std::string locale_;
  std::vector<SpanType> span_types_;
  std::vector<RelationType> relation_types_;
  std::vector<LinkType> link_types_;
  std::vector<std::string> brat_claim_events_;
  std::map<std::string, int, std::less<>> span_by_name_, relation_by_name_, link_by_name_;
  bool permissive_[3] = {true, true, true};
};

}  // namespace goldspan
