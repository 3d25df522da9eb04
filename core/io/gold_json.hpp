#pragma once
// The gold-standard JSON format, version 1 (docs/gold-json.md; JSON Schema in
// assets/schema/goldspan-gold-v1.schema.json): the annotations of a whole corpus with their
// texts and label schema, readable without goldspan.
//
//   std::string file = write_gold(corpus, {});            // deterministic, see below
//   GoldImport in = parse_gold(file, "gold.json", &corpus.schema(), tokenizer);
//   if (in.ok()) apply_gold(other_corpus, history, in);   // or add_documents + apply_annotations
//   else for (auto& e : in.errors) show(e);               // "gold.json: documents[2].spans[17].end: ..."
//
// Output is a function of the state alone (plus exported_at and tool_version): documents in
// corpus order, spans by (start, end, id), relations, clusters and links by id, keys in a fixed
// order, one record per line, so that files diff and merge well.
#include <string>
#include <string_view>

#include "io/import.hpp"
#include "model/corpus.hpp"
#include "text/tokenizer.hpp"

namespace goldspan {

struct GoldWriteOptions {
  bool utf16_offsets = false;  // add start_utf16/end_utf16 (and fragments_utf16) for JavaScript/UIMA
  std::string exported_at;     // ISO 8601; empty: the current UTC time
  std::string tool_version;    // empty: this build's version
};

std::string write_gold(const Corpus& corpus, const GoldWriteOptions& options = {});

// Reads and checks a gold file without touching any corpus (see import.hpp). With an
// `expected_schema`, a file whose embedded schema differs is an error (naming the first
// difference); without one, the file is checked against its own schema. Documents are built
// with `tokenizer`.
GoldImport parse_gold(std::string_view json_text, const std::string& file_name, const Schema* expected_schema,
                      Tokenizer& tokenizer);

// This build's version ("0.1.0"), written as provenance.tool_version.
const char* goldspan_version() noexcept;

}  // namespace goldspan
