#pragma once
// Reading and writing every interchange format for `convert`, `validate` and `stats`.
#include <optional>
#include <string>
#include <vector>

#include "io/export.hpp"
#include "io/formats.hpp"
#include "io/import.hpp"
#include "model/schema.hpp"
#include "text/tokenizer.hpp"

namespace goldspan::cli {

inline const char* kReadFormats = "gold, gold-jsonl, txt, jsonl, brat, conll, doccano, label-studio, prodigy, w3c";

struct ReadOptions {
  const Schema* schema = nullptr;  // required for every format but gold and brat (gold: the expected schema, if any;
                                   // brat: inferred when absent, see core/io/infer_schema.hpp)
  bool predictions = false;        // label-studio: read predictions
  // The user gave no --locale: read with the tokenizer of the schema's locale (for gold without
  // an expected schema, the locale of the file's own schema), replacing `tokenizer`, so the
  // CLI's tokens match the app's for the same schema.
  bool schema_locale = false;
  std::vector<BratClaimEvent> brat_claims;                 // brat: events read as claims (besides the defaults)
  std::vector<BratClaimEvent>* brat_claims_used = nullptr;  // brat: set to the mappings read with, defaults included
  // w3c: where the texts are (a directory of .txt files, one .txt, or a JSONL of {"id","text"});
  // empty: the .txt files in the W3C file's directory.
  std::string texts;
};

// Reads `path` in `format` (brat and txt also take a directory). Throws Error for usage
// problems (unknown format, missing schema, unreadable path); problems in the file's content
// are in the result's errors. With options.schema_locale, `tokenizer` may be replaced.
GoldImport read_format(const std::string& format, const std::string& path, const ReadOptions& options, Tokenizer& tokenizer);

}  // namespace goldspan::cli
