#pragma once
// doccano JSONL (sequence labelling with relations), one document per line:
//   {"id": "harbor-a", "text": "...", "entities": [{"id": 1, "label": "PERSON", "start_offset": 166,
//    "end_offset": 176}], "relations": [{"id": 1, "from_id": 7, "to_id": 4, "type": "claimant"}]}
// Offsets are code points (doccano indexes Python strings). Reading also accepts doccano's
// older form {"text": ..., "label": [[start, end, "LABEL"], ...]}.
#include <string>
#include <string_view>

#include "io/export.hpp"
#include "io/import.hpp"
#include "text/tokenizer.hpp"

namespace goldspan {

// A discontinuous span becomes one entity per fragment (relations use the first); attributes,
// clusters, claim links, annotators and times are not carried (warnings say so).
std::string write_doccano(const Corpus& corpus, Warnings& warnings);

// Document ids come from "id" (string or number); lines without one get "<file>-<line>".
GoldImport parse_doccano(std::string_view jsonl, const std::string& file_name, const Schema& schema, Tokenizer& tokenizer);

}  // namespace goldspan
