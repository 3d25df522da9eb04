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

#include "io/export.hpp"

namespace goldspan {

// A discontinuous span becomes one span per fragment (relations use the first); spans that
// cover no token are left out; attributes, clusters, claim links, annotators and times are not
// carried. Warnings say how many of each.
std::string write_prodigy(const Corpus& corpus, Warnings& warnings);

}  // namespace goldspan
