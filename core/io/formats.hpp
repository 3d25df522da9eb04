#pragma once
// Every export format by name, for the CLI (`goldspan convert --to`) and the web app's
// downloads alike: one dispatch, so both offer the same formats with the same options.
#include <string>
#include <vector>

#include "io/brat_events.hpp"
#include "io/export.hpp"
#include "model/corpus.hpp"
#include "text/tokenizer.hpp"

namespace goldspan {

inline constexpr const char* kWriteFormats = "gold, gold-jsonl, brat, conll, doccano, label-studio, prodigy, w3c";

struct ExportOptions {
  bool utf16 = false;                               // gold: add UTF-16 offsets; doccano: offsets in UTF-16 code units
  std::string time;                                 // gold: exported_at (ISO 8601); empty = now
  std::vector<SpanKind> conll_kinds{SpanKind::Entity};
  std::vector<BratClaimEvent> brat_claims;          // brat: claims written as events (io/brat_events.hpp)
};

// The files of `format` for the corpus: one file named "" (the whole output) or, for brat,
// several named relative to an output directory. Throws Error for an unknown format.
std::vector<ExportFile> write_format(const std::string& format, const Corpus& corpus, const ExportOptions& options,
                                     Tokenizer& tokenizer, Warnings& warnings);

}  // namespace goldspan
