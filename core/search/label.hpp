#pragma once
// Label all — turns search or dictionary matches into ONE undoable command (docs/search.md).
//
//   LabelCounts counts;
//   auto p = proposals_from_hits(corpus, finder.find_all(corpus), "LOCATION", Snap::Widen, counts);
//   Labeled r = label_all(corpus, p, "label all: LOCATION", counts);  // r.counts: added, refused, ...
//   if (r.command) history.execute(std::move(r.command));   // one step; undo removes them all
//
// Token snapping: a match is widened outward to the tokens it touches, the rule AddSpan's token
// mode uses ("kek" in "Bishkek" labels "Bishkek"); with Snap::Refuse a match whose edge falls
// inside a token is refused instead. A match touching no token (only spaces) is refused either way.
// Proposals are checked in order against the spans already there AND the ones accepted before
// them, with the schema's overlap and nesting rules (the same rules Corpus applies); refused and
// duplicate ones are counted, not added, so the command cannot fail on the corpus it was built
// for (build it again after any other edit).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/commands.hpp"
#include "search/find.hpp"

namespace goldspan {

enum class Snap : uint8_t { Widen, Refuse };

// A span to add: one fragment, code points, token-aligned (label_all adds it in token mode,
// which leaves an aligned range as it is).
struct Proposal {
  size_t doc = 0;
  uint32_t start = 0, end = 0;
  uint16_t type = 0;  // Schema::span_types index
};

struct LabelCounts {
  size_t added = 0;
  size_t refused_overlap = 0;  // the schema's overlap or nesting rules forbid it
  size_t refused_token = 0;    // cuts a token (Snap::Refuse) or covers no token
  size_t duplicates = 0;       // an identical span (same range and label) exists or is proposed twice
};

struct Labeled {
  std::unique_ptr<Bulk> command;  // null when nothing is to be added
  LabelCounts counts;
};

// The token-aligned range of [start, end) in `doc`, or false when refused (see above).
bool snap_to_tokens(const Document& doc, uint32_t& start, uint32_t& end, Snap snap);

// Snaps every hit and gives it `label`. Throws Error when the label is not a span type.
// Hits refused by snapping are counted in `counts.refused_token`.
std::vector<Proposal> proposals_from_hits(const Corpus& corpus, const std::vector<Hit>& hits, const std::string& label,
                                          Snap snap, LabelCounts& counts);

// Builds the command adding every acceptable proposal (see above). `counts` starts from
// `so_far` (e.g. the token refusals of proposals_from_hits). `step` labels the bulk in the
// journal and the undo menu.
Labeled label_all(const Corpus& corpus, const std::vector<Proposal>& proposals, const std::string& step,
                  LabelCounts so_far = {});

}  // namespace goldspan
