#pragma once
// Agreement summed document by document. Every figure of `goldspan agree` but the cluster
// metrics is a sum over documents (span, relation and attribute counts, the token tables) or
// needs only small per-document data (unitizing alpha: the units' stretches), so a caller that
// reads one document at a time from every annotator (gold JSONL, cli/agree_stream.cpp) adds
// each and drops it, and memory is bounded by the largest document, not the corpus. The whole
// file path (report.hpp) runs through the same accumulator, so both print the same numbers.
//
//   AgreeAccumulator acc(names, per_label, per_doc);
//   for (each document, in order of first appearance in the files) acc.add(doc);
//   ordered_json j = acc.json(clusters);   // clusters: per pair, see ClusterMentions
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "agree/partial.hpp"
#include "agree/relations.hpp"
#include "agree/spans.hpp"
#include "agree/unitizing.hpp"
#include "io/import.hpp"

namespace goldspan {

// One file's annotations of one document; indices are the document's own.
struct DocAnnotations {
  std::vector<AgreeSpan> spans;             // every kind, in file order
  std::vector<int> kinds;                   // parallel: SpanKind, -1 for a label the schema lacks
  std::vector<AttributeValues> attributes;  // parallel
  std::vector<AgreeRelation> relations;     // ends index spans
  std::vector<UnitizingUnit> units;         // every fragment of every span
  std::vector<std::pair<SpanKind, std::vector<size_t>>> clusters;  // members index spans
};

// An import's records by document. Clusters are attached to the document of their first
// member with that document's members only, which is all of them in a gold JSONL line (one
// document); the whole file path scores clusters over the whole import instead.
class ImportDocuments {
 public:
  explicit ImportDocuments(const GoldImport& import);
  DocAnnotations annotations(size_t doc) const;

 private:
  const GoldImport& import_;
  std::vector<std::vector<size_t>> spans_, relations_, clusters_;  // per document
  std::vector<size_t> local_;                                      // span -> index in its document
};

// One document as every file has it. `text` is the first file's that has it (its tokens and
// length count); `lines[f]` is its position in file f (orders clusters as that file does).
struct AgreeDocument {
  std::string id;
  std::shared_ptr<const Document> text;
  std::vector<const DocAnnotations*> files;  // nullptr: file f lacks the document
  std::vector<size_t> lines;
};

// The spans of one kind that a file has in the documents another file has, and that kind's
// clusters over them (indices into spans), as the cluster metrics take them.
struct KindView {
  std::vector<AgreeSpan> spans;
  std::vector<std::vector<size_t>> clusters;
};
// MUC, B3, CEAF, BLANC, CoNLL F1 of a and b's views of one kind.
nlohmann::ordered_json cluster_json(const KindView& a, const KindView& b);

// What the cluster metrics need of documents read one at a time, kept to the end because the
// metrics are over the corpus: per file and span kind (entity, claim), each span's document
// number and edges (12 bytes), and each cluster's members as numbers (4 bytes a member).
class ClusterMentions {
 public:
  explicit ClusterMentions(size_t files);
  void add(const AgreeDocument& doc);
  // Per pair (file order), the "clusters" object of agree_json.
  std::vector<nlohmann::ordered_json> json() const;

 private:
  struct Mention {
    uint32_t doc, start, end;
  };
  struct Kind {
    std::vector<Mention> mentions;
    std::vector<std::vector<uint32_t>> clusters;          // indices into mentions
    std::vector<std::pair<uint32_t, uint32_t>> doc_from;  // per held document: first mention, first cluster
  };
  struct File {
    std::vector<std::pair<size_t, uint32_t>> docs;  // (line, document number), in adding order
    std::vector<char> has;                          // per document number
    Kind kinds[2];
  };
  KindView view(const File& a, const Kind& k, const File& other) const;
  std::vector<File> files_;
  uint32_t documents_ = 0;
};

class AgreeAccumulator {
 public:
  AgreeAccumulator(std::vector<std::string> names, bool per_label, bool per_doc);
  void add(const AgreeDocument& doc);
  // The counts that merge by summing (`--partial`).
  AgreeCounts counts() const;
  // Every figure of agree_json; `clusters` per pair in file order.
  nlohmann::ordered_json json(std::vector<nlohmann::ordered_json> clusters) const;

 private:
  std::vector<std::string> names_;
  bool per_label_, per_doc_;
  AgreeCounts counts_;
  std::vector<AttributeCounts> attributes_;                        // per pair
  UnitizingContinuum continuum_;
  std::vector<std::map<std::string, nlohmann::ordered_json>> span_docs_;  // per pair: --per-doc
  nlohmann::ordered_json token_docs_ = nlohmann::ordered_json::object();
  nlohmann::ordered_json unitizing_docs_ = nlohmann::ordered_json::object();
};

// Why a figure is left out of the partial counts (docs/shards.md, "Which results merge").
const std::map<std::string, std::string>& not_merged_figures();

}  // namespace goldspan
