#pragma once
// The agreement report of several annotators' gold imports: every figure `goldspan agree`
// prints, as JSON (docs/agreement.md, "JSON"). It lives in the core so that the CLI and the
// app's Agreement window compute the same numbers from the same code; callers read and parse
// the files themselves (the CLI from disk, the app from picked files) and name the annotators.
//
//   std::vector<AgreeFile> all;
//   for (...) all.push_back(agree_file(parse_gold(text, path, nullptr, tok), path, name));
//   check_same_documents(all);                     // throws Error naming both files
//   ordered_json j = agree_json(all, true, false);  // per label, not per document
#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agree/partial.hpp"
#include "agree/relations.hpp"
#include "agree/spans.hpp"
#include "agree/unitizing.hpp"
#include "io/import.hpp"

namespace goldspan {

// One annotator's import with the plain views the agreement functions take.
struct AgreeFile {
  std::string file, name;
  GoldImport import;
  std::vector<AgreeSpan> spans;             // every kind, extent of each span
  std::map<std::string, size_t> doc_index;  // id -> index into import.documents
  // Attributes, fragments and relations are taken per document from `import` (by_document.hpp).
};

// schema.locale of a gold JSON text (the first line of a gold JSONL shard), "" when absent or
// unreadable (the gold parser reports the errors): `goldspan agree` and the app tokenize each
// file for its own schema's locale, so token figures do not depend on what else is open.
std::string gold_schema_locale(std::string_view gold_text);

// The views of a sound import (an import with errors gives an AgreeFile with no spans).
AgreeFile agree_file(GoldImport import, std::string file, std::string name);

// Throws Error naming both files and the document when one id has two texts.
void check_same_documents(const std::vector<AgreeFile>& all);

// The counts that merge by summing over shards (`goldspan agree --partial`).
AgreeCounts agree_counts(const std::vector<AgreeFile>& all);
// The figures of counts: what a single run and a merge of partial counts both print.
nlohmann::ordered_json agree_figures_json(const AgreeCounts& counts, bool per_label);
// Every figure of `goldspan agree --json [--per-label] [--per-doc]` (without the annotators' "file").
nlohmann::ordered_json agree_json(const std::vector<AgreeFile>& all, bool per_label, bool per_doc);

// The spans behind the label confusion of files a and b (the "confusion" of agree_json): the
// pairs of the overlap matching regardless of label, and each unpaired span alone (the other
// side empty), over the documents both files have. Counting them by (a label, b label) gives
// the confusion counts, only_a and only_b.
struct ConfusedSpans {
  std::optional<AgreeSpan> a, b;
};
std::vector<ConfusedSpans> confused_spans(const AgreeFile& a, const AgreeFile& b);

}  // namespace goldspan
