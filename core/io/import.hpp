#pragma once
// GoldImport — what every importer produces (gold JSON, plain text, JSONL, brat, doccano,
// Label Studio): documents and annotations in a neutral form, checked, plus ALL errors found.
//
// Importing is two steps, so that nothing changes unless everything is right:
//  1. A parse_* function reads a file without touching any Corpus. It builds the documents with
//     the Tokenizer it is given and checks every annotation against them and the schema:
//     offsets in range and on grapheme boundaries, labels, attributes, ids, references, the
//     schema's overlap and nesting rules. Every problem goes to `errors` as
//     "file: json.path: reason" (all of them, up to kMaxErrors).
//  2. When errors is empty, the documents are added to the corpus and the annotations applied:
//       apply_gold(corpus, history, import)          both, for the CLI and tests, or
//       add_documents(corpus, import) then apply_annotations(history, import)
//     when the caller adds documents itself (the web app persists each text before it calls
//     Corpus::add_document, which the journal does not record). apply_annotations runs every
//     annotation as commands inside ONE history group (one undo step, one journal line), in the
//     order of the file's ids when they are the model's own ("s12", "r3", "c4", "l5"), so that
//     an export of a corpus without gaps in its ids imports with the very same ids.
//     After a clean parse, applying cannot fail for schema or offset reasons. The one thing a
//     parse cannot know is the target corpus: apply_annotations checks first that the
//     documents are there with the same text, that the schema is the same, and that the new
//     spans break no overlap rule against spans already in those documents, and throws
//     goldspan::Error before changing anything when one of these fails.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/corpus.hpp"
#include "model/history.hpp"
#include "model/schema.hpp"
#include "text/document.hpp"

namespace goldspan {

// Files larger than this are refused before parsing: a JSON tree costs about ten times its
// text in memory, which the browser's 32-bit heap cannot always give. 64 MiB of gold JSON is
// roughly 30 MB of text with a few hundred thousand annotations.
inline constexpr size_t kMaxImportBytes = size_t(64) << 20;
// Errors past this many are counted, not listed.
inline constexpr size_t kMaxErrors = 1000;

// How an importer names a span's fields in messages (JSON keys, or nothing for line formats).
struct FieldNames {
  const char* start;
  const char* end;
  const char* fragments;
  const char* label;
  const char* attributes;
};
inline constexpr FieldNames kGoldFields{".start", ".end", ".fragments", ".label", ".attributes"};
inline constexpr FieldNames kNoFields{"", "", "", "", ""};

// Who made a record and when, when the file says so. Unset parts come from the History.
struct ImportedStamp {
  std::optional<std::string> annotator;
  std::optional<int64_t> created;  // ms since the Unix epoch
};

struct ImportedSpan {
  size_t doc = 0;                 // index into GoldImport::documents
  std::string id;                 // as in the file; unique within its document
  std::string label;              // span type name
  std::vector<Range> fragments;   // code points; must be sorted, non-empty, not touching
  std::vector<std::pair<std::string, std::string>> attributes;
  ImportedStamp stamp;
  std::string path;               // e.g. "documents[0].spans[3]"
  const FieldNames* fields = &kGoldFields;
};

struct ImportedRelation {
  size_t doc = 0;
  std::string id, type;
  size_t from = 0, to = 0;        // indices into GoldImport::spans
  ImportedStamp stamp;
  std::string path;
};

struct ImportedCluster {
  std::string id;                 // unique in the import
  SpanKind kind = SpanKind::Entity;
  std::string name;
  std::vector<size_t> members;    // indices into GoldImport::spans
  ImportedStamp stamp;
  std::string path;
};

// An end of a claim link: a claim span or a claim cluster.
struct ImportedRef {
  bool cluster = false;
  size_t index = 0;               // into spans or clusters
};

struct ImportedLink {
  std::string id;                 // may be empty
  std::string type;
  ImportedRef from, to;
  ImportedStamp stamp;
  std::string path;
};

struct GoldImport {
  std::string file_name;
  // The schema the annotations were checked against: the file's own (gold JSON) or the one the
  // caller gave (other formats). Null when the file's schema was unusable.
  std::shared_ptr<const Schema> schema;
  std::vector<std::shared_ptr<const Document>> documents;  // in file order
  std::vector<ImportedSpan> spans;                         // grouped by document, file order
  std::vector<ImportedRelation> relations;
  std::vector<ImportedCluster> clusters;
  std::vector<ImportedLink> links;
  std::vector<std::string> errors;    // "file: path: reason"; empty means the import is sound
  std::vector<std::string> warnings;  // what a format could not carry, ignored fields, ...
  size_t errors_not_listed = 0;       // past kMaxErrors

  bool ok() const noexcept { return errors.empty(); }
  void add_error(const std::string& path, const std::string& reason);
  void add_warning(const std::string& path, const std::string& reason);
};

// The ids the applied annotations got, parallel to the import's vectors.
struct AppliedIds {
  std::vector<SpanId> spans;
  std::vector<RelationId> relations;
  std::vector<ClusterId> clusters;
  std::vector<LinkId> links;
};

// Adds the import's documents that the corpus lacks, in file order; documents already there
// with the same text are kept. Throws Error before adding any when one is there with another
// text. Returns how many were added.
size_t add_documents(Corpus& corpus, const GoldImport& import);

// Runs every annotation as commands inside one history group labelled `label` (see above).
// Records that carry an annotator or a time keep them. Throws Error, with nothing changed,
// when the import has errors or does not fit the corpus.
AppliedIds apply_annotations(History& history, const GoldImport& import, const std::string& label = "import");

// add_documents then apply_annotations, after checking that the annotations fit, so that
// either both happen or neither does.
AppliedIds apply_gold(Corpus& corpus, History& history, const GoldImport& import);

// [SECTION] For importers
// The checks every importer shares, against `schema` and the import's documents: ids unique,
// labels and attributes known, fragments in range, sorted, on grapheme boundaries, overlap
// and nesting rules, relation types and ends, cluster kinds and membership, claim link ends,
// no duplicate relations or links. Sets import.schema when unset. Appends to import.errors.
void check_import(GoldImport& import, const Schema& schema);

// "[start, end)"
std::string range_text(Range r);
// At most `max` code points of `s`, with "…" when cut, for messages.
std::string preview(std::string_view s, size_t max = 40);
// "line L, column C" of a byte offset.
std::string line_col(std::string_view text, size_t byte);
// An error when `size` is over kMaxImportBytes (empty when fine).
std::string size_error(size_t size);

}  // namespace goldspan
