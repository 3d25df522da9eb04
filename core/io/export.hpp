#pragma once
// What the exporters to other formats share. Every exporter takes the corpus and returns file
// contents; what the format cannot carry is said in `warnings` (one line each, counted), never
// dropped silently. docs/formats.md lists the same per format.
#include <string>
#include <vector>

#include "model/corpus.hpp"

namespace goldspan {

struct ExportFile {
  std::string name;      // relative path, e.g. "harbor-a.ann"
  std::string contents;
};

using Warnings = std::vector<std::string>;

// Helpers for exporters.
namespace export_detail {
// Spans of a document ordered as in the gold format: by (start, end, id) of their extent.
std::vector<SpanId> ordered_spans(const Corpus& c, size_t doc);
// Adds "N <what>" to warnings when n > 0.
void warn_count(Warnings& w, const char* format, size_t n, const std::string& what);
// How many of the corpus's records of each kind there are (for "cannot carry" warnings).
struct Counts {
  size_t spans = 0, discontinuous = 0, attributes = 0, relations = 0, clusters = 0, links = 0;
};
Counts count(const Corpus& c);
// The record kinds a format drops, for the shared "not carried" warnings.
enum Uncarried : unsigned { kAttributes = 1, kRelations = 2, kClusters = 4, kLinks = 8, kStamps = 16 };
// One counted warning per dropped kind present in the corpus (kStamps: annotators and times).
void warn_uncarried(Warnings& w, const char* format, const Counts& n, unsigned dropped);
// A file name made of [A-Za-z0-9._-] from a document id, unique among `taken`.
std::string safe_file_stem(const std::string& id, std::vector<std::string>& taken);
}  // namespace export_detail

}  // namespace goldspan
