#pragma once
// Adjudication: several annotators' imports of the same documents reconciled into one gold
// import, each record with the annotators who had it, and the disagreements left open.
//
// Records are the same when they are identical: a span by document, label and fragments; a
// relation by type and its two ends; a cluster by kind and its members. A record is kept when
// the strategy accepts the set of annotators who had it (its votes, out of n files):
//   majority    votes > n/2; a tie (votes = n/2) goes to `prefer` when given, else open
//   unanimous   votes = n
// (with two annotators a majority needs both, so every disagreement is a tie: `prefer` then
// takes that annotator's version.) A relation or cluster whose ends or members were not all
// kept is dropped and listed. A kept span takes each attribute value the strategy accepts
// among the annotators who had the span; otherwise the attribute is left unset and listed.
// A kept span that breaks the schema's overlap rules against spans kept before it (spans are
// taken in document order, then start, end, label) is dropped and listed; with valid inputs
// this cannot happen (two kept spans always share an annotator, whose file obeyed the rules),
// so it guards against files checked under another schema version. A claim link (type, and
// its two ends: claim spans or claim clusters, by their identities above) is kept like a
// cluster: when its ends were kept and the strategy accepts who had it, out of all files.
//
// The output is deterministic: it depends on the inputs and their order only.
#include <string>
#include <string_view>
#include <vector>

#include "io/import.hpp"

namespace goldspan {

enum class AdjudicationStrategy { Majority, Unanimous };

struct AdjudicateOptions {
  AdjudicationStrategy strategy = AdjudicationStrategy::Majority;
  std::string prefer;  // an annotator name: wins ties (majority)
};

// A disagreement the strategy did not settle.
struct Conflict {
  std::string doc;     // document id ("" for clusters and links, which may span documents)
  std::string kind;    // "span", "attribute", "relation", "cluster", "link", "overlap"
  std::string what;    // readable: label and text, relation type and ends, attribute name
  std::vector<std::string> had, lacked;  // annotator names
};

// One version of a stretch of text in a disagreement: a span record exactly as some annotators
// had it (attributes included, so two annotators with the same span and different stances are
// two versions).
struct SpanVersion {
  std::string label;
  std::vector<Range> fragments;  // code points, half-open
  std::vector<std::pair<std::string, std::string>> attributes;  // as the annotators set them
  std::vector<size_t> annotators;  // indices into the names, in file order
  bool kept = false;               // the span (label, fragments) is in gold.spans
};

// The structured form of the span and attribute conflicts, for applying a choice (the app's
// adjudication view): every version of one stretch of text. Spans of the same kind (entity,
// claim) whose extents overlap, directly or through others, are one stretch; a stretch is a
// disagreement when one of its spans was not kept or a kept one has an unsettled attribute.
// Its kept spans are versions too, so that choosing another annotator's version replaces them.
// E.g. A: PERSON [10,22), B: PERSON [10,17) and ORGANIZATION [10,22), C: nothing.
struct Disagreement {
  std::string doc;
  size_t doc_index = 0;  // into gold.documents
  Range extent;          // from the first version's start to the last one's end
  std::string kind;      // "span", or "attribute" when every version is the same span
  std::vector<SpanVersion> versions;  // by start, end, label, then first annotator
  std::vector<size_t> holders;        // the annotators whose files have the document
  // The versions annotator `a` had (empty: that annotator marked nothing here).
  std::vector<size_t> versions_of(size_t a) const;
};

struct Adjudication {
  GoldImport gold;  // documents, spans, relations, clusters: ready for apply_gold
  // Parallel to gold.spans / gold.relations / gold.clusters / gold.links: who had each record.
  std::vector<std::vector<std::string>> span_votes, relation_votes, cluster_votes, link_votes;
  std::vector<Conflict> conflicts;
  std::vector<std::string> annotators;        // the names, in file order
  // Span and attribute conflicts grouped by stretch, in document order. Relation, cluster and
  // link conflicts are in `conflicts` only.
  std::vector<Disagreement> disagreements;
};

// The disagreements as JSON ({"annotators": [...], "disagreements": [{doc, start, end, kind,
// holders, versions: [{label, fragments, attributes, annotators, kept}]}]}) and back; the
// app keeps an adjudication session in this form. from_json throws Error on a malformed text.
std::string disagreements_json(const Adjudication& a);
void disagreements_from_json(std::string_view text, std::vector<std::string>& annotators,
                             std::vector<Disagreement>& out);

// `files[i]` was made by `names[i]`; every file must be a clean import (ok()) with the same
// schema, and a document id must have the same text in every file that has it (throws Error
// naming both files otherwise). A document only some files have is adjudicated among those.
Adjudication adjudicate(const std::vector<const GoldImport*>& files, const std::vector<std::string>& names,
                        const AdjudicateOptions& options = {});

}  // namespace goldspan
