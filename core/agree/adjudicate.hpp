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
#include <map>
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
  size_t disagreement = 0;               // the structured disagreement that settles it
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

// A span by identity, as relations, clusters and links name their ends.
struct SpanRef {
  std::string doc, label;
  std::vector<Range> fragments;
  friend bool operator==(const SpanRef& a, const SpanRef& b) {
    return a.doc == b.doc && a.label == b.label && a.fragments == b.fragments;
  }
};

// One version of a relation, cluster or claim link in a disagreement: the record as some
// annotators had it.
struct RecordVersion {
  std::string type;               // relation or link type; a cluster's name
  std::string kind;               // a cluster's kind ("entity", "claim")
  std::vector<SpanRef> from, to;  // relation: one span each; link: a claim span, or a claim cluster's members
  bool from_cluster = false, to_cluster = false;  // link ends that are clusters
  std::vector<SpanRef> members;   // cluster
  std::vector<size_t> annotators;
  bool kept = false;
};

// The structured form of the span and attribute conflicts, for applying a choice (the app's
// adjudication view): every version of one stretch of text. Spans of the same kind (entity,
// claim) whose extents overlap, directly or through others, are one stretch; a stretch is a
// disagreement when one of its spans was not kept or a kept one has an unsettled attribute.
// Its kept spans are versions too, so that choosing another annotator's version replaces them.
// E.g. A: PERSON [10,22), B: PERSON [10,17) and ORGANIZATION [10,22), C: nothing.
//
// Relation, cluster and claim-link conflicts are disagreements too, with `records` instead of
// `versions`: the relations of one type out of one source span (A: claimant → "the minister",
// B: claimant → "the ministry"); the clusters of one kind that share members, directly or
// through others; the links of one type out of one end. They come after the span stretches of
// their document (relations) or after every document (clusters, then links), so that walking
// in order settles the ends first.
struct Disagreement {
  std::string doc;
  size_t doc_index = 0;  // into gold.documents
  Range extent;          // from the first version's start to the last one's end; relations: all their
                         // ends; clusters and links: their first span (where the view shows them)
  std::string kind;      // "span", "attribute" when every version is the same span, "relation", "cluster", "link"
  std::vector<SpanVersion> versions;   // by start, end, label, then first annotator
  std::vector<RecordVersion> records;  // relation, cluster and link disagreements
  std::vector<size_t> holders;         // the annotators whose files have the document (records across documents: all)
  bool is_record() const { return !records.empty(); }
  // The versions (or records) annotator `a` had (empty: that annotator marked nothing here).
  std::vector<size_t> versions_of(size_t a) const;
};

struct Adjudication {
  GoldImport gold;  // documents, spans, relations, clusters: ready for apply_gold
  // Parallel to gold.spans / gold.relations / gold.clusters / gold.links: who had each record.
  std::vector<std::vector<std::string>> span_votes, relation_votes, cluster_votes, link_votes;
  std::vector<Conflict> conflicts;
  std::vector<std::string> annotators;        // the names, in file order
  std::string strategy;                       // "majority", "unanimous", "prefer=NAME"
  // Conflicts grouped into what a choice settles (each conflict names its disagreement).
  std::vector<Disagreement> disagreements;
  // Who had each record of every file, by its *_identity() string (below): the x_annotators of
  // whatever a session ends with.
  std::map<std::string, std::vector<size_t>> provenance;
};

// A record's identity as adjudication compares records, as one string: a span by document,
// label and fragments; a relation by document, type and its ends'; a cluster by kind and its
// members' (sorted); a link by type and its ends' (a span's or a cluster's).
std::string span_identity(const std::string& doc, const std::string& label, const std::vector<Range>& fragments);
std::string relation_identity(const std::string& doc, const std::string& type, const std::string& from, const std::string& to);
std::string cluster_identity(const std::string& kind, std::vector<std::string> members);
std::string link_identity(const std::string& type, const std::string& from, const std::string& to);

// An adjudication session as the app keeps it: what adjudicate() returned but the gold.
struct AdjudicationSession {
  std::vector<std::string> annotators;
  std::string strategy;
  std::vector<Disagreement> disagreements;
  std::vector<Conflict> conflicts;
  std::map<std::string, std::vector<size_t>> provenance;
};

// The session as JSON ({"annotators", "strategy", "disagreements": [{doc, start, end, kind,
// holders, versions: [{label, fragments, attributes, annotators, kept}], records: [...]}],
// "conflicts", "provenance"}) and back; the app journals it. from_json throws Error on a
// malformed text.
std::string disagreements_json(const Adjudication& a);
void disagreements_from_json(std::string_view text, AdjudicationSession& out);

// A gold JSON text (write_gold) with provenance added as `goldspan adjudicate` writes it: every
// span, relation, cluster and claim link gets "x_annotators" (who had that record; [] for one
// nobody had: made by hand), and "x_conflicts" lists the session's conflicts whose disagreement
// is still open (`open[i]` for disagreement i). Throws Error when `gold` is not JSON.
std::string gold_with_provenance(const std::string& gold, const AdjudicationSession& s, const std::vector<bool>& open);

// `files[i]` was made by `names[i]`; every file must be a clean import (ok()) with the same
// schema, and a document id must have the same text in every file that has it (throws Error
// naming both files otherwise). A document only some files have is adjudicated among those.
Adjudication adjudicate(const std::vector<const GoldImport*>& files, const std::vector<std::string>& names,
                        const AdjudicateOptions& options = {});

}  // namespace goldspan
