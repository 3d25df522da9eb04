#pragma once
// Prodigy JSONL (https://prodi.gy/docs/api-interfaces), one accepted example per document:
//   {"text": "...", "meta": {"id": "harbor-a"}, "answer": "accept",
//    "tokens": [{"text": "Fire", "start": 0, "end": 4, "id": 0, "ws": true}, ...],
//    "spans": [{"start": 166, "end": 176, "label": "PERSON", "token_start": 30, "token_end": 31}],
//    "relations": [{"head": 64, "child": 61, "head_span": {...}, "child_span": {...}, "label": "claimant"}]}
// Offsets are code points (Python strings); token_end is INCLUSIVE, as Prodigy has it. Tokens
// are the ICU word tokens plus, as in spaCy, a token for any whitespace that is not one plain
// space; "ws" is true when exactly one U+0020 follows the token, so the tokens rebuild the text
// byte for byte. A relation's head and child are the last tokens of its two spans.
#include <string>
#include <string_view>

#include "io/export.hpp"
#include "io/import.hpp"
#include "text/tokenizer.hpp"

namespace goldspan {

// A discontinuous span becomes one span per fragment (relations use the first); spans that
// cover no token are left out; attributes, clusters, claim links, annotators and times are not
// carried. Warnings say how many of each.
std::string write_prodigy(const Corpus& corpus, Warnings& warnings);

// Reads one example per line: "text", the document id from meta.id (else "<file>-<line>"),
// "spans" (start, end, label; code points) and "relations" (label, head_span and child_span
// naming spans of the line by start and end; head = from). Examples answered "reject" or
// "ignore" are skipped (warning); "tokens" are not needed (goldspan tokenizes itself).
GoldImport parse_prodigy(std::string_view jsonl, const std::string& file_name, const Schema& schema, Tokenizer& tokenizer);

}  // namespace goldspan
