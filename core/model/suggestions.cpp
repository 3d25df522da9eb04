// Suggestions: the Corpus's store of proposed spans and the three commands on it. Journal
// reading and writing is in command_json.cpp, like every command's.
//
// [SECTION] Corpus: lookups and mutators
// [SECTION] AddSuggestions
// [SECTION] AcceptSuggestion, RejectSuggestion
#include <algorithm>

#include "error.hpp"
#include "model/commands.hpp"

namespace goldspan {

// [SECTION] Corpus: lookups and mutators
const Suggestion* Corpus::find_suggestion(SuggestionId id) const noexcept {
  auto it = suggestions_.find(id);
  return it == suggestions_.end() ? nullptr : &it->second;
}

std::vector<SuggestionId> Corpus::suggestions_in(size_t doc, uint32_t a, uint32_t b) const {
  std::vector<SuggestionId> out;
  const auto& set = sugg_by_doc_.at(doc);
  // A suggestion starting before `a` reaches into [a, b) only when it is longer than a - start.
  const uint32_t from = a > sugg_longest_[doc] ? a - sugg_longest_[doc] : 0;
  for (auto it = set.lower_bound({from, 0}); it != set.end() && it->first < b; ++it) {
    const Suggestion& g = suggestions_.at(it->second);
    for (const Range& f : g.fragments)
      if (f.start < b && f.end > a) {
        out.push_back(g.id);
        break;
      }
  }
  return out;
}

SuggestionId Corpus::next_suggestion(size_t doc, uint32_t cp, SuggestionId id, int dir) const {
  if (suggestions_.empty() || doc >= docs_.size()) return 0;
  const std::pair<uint32_t, SuggestionId> at{cp, id};
  const auto& here = sugg_by_doc_[doc];
  if (dir > 0) {
    if (auto it = here.upper_bound(at); it != here.end()) return it->second;
    for (size_t k = 1; k <= docs_.size(); ++k) {  // the following documents, then this one again
      const auto& set = sugg_by_doc_[(doc + k) % docs_.size()];
      if (!set.empty()) return set.begin()->second;
    }
  } else {
    if (auto it = here.lower_bound(at); it != here.begin()) return std::prev(it)->second;
    for (size_t k = 1; k <= docs_.size(); ++k) {
      const auto& set = sugg_by_doc_[(doc + docs_.size() - k) % docs_.size()];
      if (!set.empty()) return set.rbegin()->second;
    }
  }
  return 0;
}

bool Corpus::has_identical_span(uint32_t doc, uint16_t type, const std::vector<Range>& frags) const {
  std::vector<SpanHit> hits;
  index_.at(doc).query(frags.front().start, frags.front().start + 1, hits);
  for (const SpanHit& h : hits) {
    const Span& s = *find_span(h.span);
    if (s.type == type && s.fragments == Fragments(frags)) return true;
  }
  return false;
}

void Corpus::insert_suggestion(Suggestion g) {
  const Range e = g.fragments.extent();
  sugg_longest_[g.doc] = std::max(sugg_longest_[g.doc], e.end - e.start);
  sugg_by_doc_[g.doc].emplace(e.start, g.id);
  const SuggestionId id = g.id;
  suggestions_.emplace(id, std::move(g));
  touch();
}

Suggestion Corpus::erase_suggestion(SuggestionId id) {
  auto it = suggestions_.find(id);
  Suggestion g = std::move(it->second);
  suggestions_.erase(it);
  sugg_by_doc_[g.doc].erase({g.fragments.extent().start, id});
  touch();
  return g;
}

// [SECTION] AddSuggestions
void AddSuggestions::apply(Corpus& c) {
  const char* where = "add_suggestions";
  if (items_.empty()) throw Error(where, "no suggestions");
  // Check and resolve everything first: the command is all or nothing.
  std::vector<Suggestion> made(items_.size());
  for (size_t i = 0; i < items_.size(); ++i) {
    const Item& it = items_[i];
    const std::string at = std::string(where) + ": items[" + std::to_string(i) + "]";
    const ptrdiff_t doc = c.find_document(it.doc);
    if (doc < 0) throw Error(at, "no document '" + it.doc + "'");
    made[i].doc = uint32_t(doc);
    made[i].type = c.span_type_named(it.type, at.c_str());
    try {
      made[i].fragments = Fragments(c.resolve_fragments(size_t(doc), it.fragments, mode_));
    } catch (const Error& e) {
      throw Error(at, e.what());
    }
  }
  if (fresh_) {  // the first apply takes ids from the counter; a redo takes the same ones again
    uint32_t& next = c.next_.suggestion;
    if (new_id_ && new_id_ != next)
      throw Error(where, "the journal has " + format_id('g', new_id_) + " but the next id is " + format_id('g', next));
    new_id_ = next;
    next += uint32_t(made.size());
    fresh_ = false;
  }
  const uint32_t source = c.intern_annotator(source_);
  for (size_t i = 0; i < made.size(); ++i) {
    made[i].id = new_id_ + SuggestionId(i);
    made[i].source = source;
    items_[i].fragments = made[i].fragments.to_vector();  // redo and the journal use the resolved edges
    c.insert_suggestion(std::move(made[i]));
  }
  mode_ = EdgeMode::Character;
}

void AddSuggestions::revert(Corpus& c) {
  for (size_t i = 0; i < items_.size(); ++i) c.erase_suggestion(new_id_ + SuggestionId(i));
}

// [SECTION] AcceptSuggestion, RejectSuggestion
void AcceptSuggestion::apply(Corpus& c) {
  const char* where = "accept_suggestion";
  const Suggestion* g = c.find_suggestion(id_);
  if (!g) throw Error(where, "no suggestion " + format_id('g', id_));
  const std::vector<Range> frags = g->fragments.to_vector();
  if (c.has_identical_span(g->doc, g->type, frags))
    throw Error(where, "the same span exists already (" + c.schema().span_types()[g->type].name + ")");
  c.check_overlap(g->doc, g->type, frags, 0, where);
  Span s;
  s.id = take_id(c.next_.span, 's', where);
  s.doc = g->doc;
  s.type = g->type;
  s.fragments = g->fragments;
  s.annotator = c.intern_annotator(stamp_.annotator);
  s.created = s.modified = stamp_.time;
  saved_ = c.erase_suggestion(id_);
  c.insert_span(std::move(s));
}

void AcceptSuggestion::revert(Corpus& c) {
  c.erase_span(new_id_);
  c.insert_suggestion(saved_);
}

void RejectSuggestion::apply(Corpus& c) {
  if (!c.find_suggestion(id_)) throw Error("reject_suggestion", "no suggestion " + format_id('g', id_));
  saved_ = c.erase_suggestion(id_);
}

void RejectSuggestion::revert(Corpus& c) { c.insert_suggestion(saved_); }

}  // namespace goldspan
