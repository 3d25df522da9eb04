#pragma once
// doccano JSONL (sequence labelling with relations), one document per line:
//   {"id": "harbor-a", "text": "...", "entities": [{"id": 1, "label": "PERSON", "start_offset": 166,
//    "end_offset": 176}], "relations": [{"id": 1, "from_id": 7, "to_id": 4, "type": "claimant"}]}
// Offsets are code points by default: doccano's backend indexes Python strings. Its annotation
// page, though, indexes JavaScript strings (UTF-16 units), or grapheme clusters when the
// project's grapheme mode is on; the export can write UTF-16 for such projects. Reading also
// accepts doccano's older form {"text": ..., "label": [[start, end, "LABEL"], ...]}, and
// relations without an "id" (as in doccano's own relation extraction example).
#include <string>
#include <string_view>

#include "io/export.hpp"
#include "io/import.hpp"
#include "text/tokenizer.hpp"

namespace goldspan {

// The unit of start_offset/end_offset. Grapheme clusters are not offered: doccano's segmenter
// and ICU's need not agree on every emoji sequence.
enum class DoccanoOffsets { CodePoints, Utf16 };
struct DoccanoWriteOptions {
  DoccanoOffsets offsets = DoccanoOffsets::CodePoints;
};

// A discontinuous span becomes one entity per fragment (relations use the first); attributes,
// clusters, claim links, annotators and times are not carried (warnings say so). A warning
// always names the offset unit written.
std::string write_doccano(const Corpus& corpus, Warnings& warnings, const DoccanoWriteOptions& options = {});

// Document ids come from "id" (string or number); lines without one get "<file>-<line>".
GoldImport parse_doccano(std::string_view jsonl, const std::string& file_name, const Schema& schema, Tokenizer& tokenizer);

}  // namespace goldspan
