#pragma once
// CoNLL-2003 style BIO (IOB2) for named entity recognition:
//   -DOCSTART- -X- -X- O        then a blank line, at the start of each document
//   Ines _ _ B-PERSON           one token per line: token, two placeholder columns (CoNLL-2003
//   Oduya _ _ I-PERSON          has POS and chunk tags there), then the tag
//                               a blank line after each sentence (ICU sentence breaks)
// One layer of labels: where spans overlap or nest, the outermost wins (longest first, then
// earliest), the others are dropped with a warning. Tokens are the ICU word tokens; a span
// tags every token it touches.
#include <string>
#include <vector>

#include "io/export.hpp"
#include "text/tokenizer.hpp"

namespace goldspan {

struct ConllOptions {
  std::vector<SpanKind> kinds{SpanKind::Entity};  // which spans become tags
};

std::string write_conll(const Corpus& corpus, Tokenizer& tokenizer, const ConllOptions& options, Warnings& warnings);

}  // namespace goldspan
