#pragma once
// CoNLL-2003 style BIO (IOB2) for named entity recognition:
//   -DOCSTART- -X- -X- O        then a blank line, at the start of each document
//   Ines _ _ B-PERSON           one token per line: token, two placeholder columns (CoNLL-2003
//   Oduya _ _ I-PERSON          has POS and chunk tags there), then the tag
//                               a blank line after each sentence (ICU sentence breaks)
// One layer of labels: where spans overlap or nest, the outermost wins (longest first, then
// earliest), the others are dropped with a warning. Tokens are the ICU word tokens; a span
// tags every token it touches.
//
// Reading (parse_conll) takes what goldspan writes and what the CoNLL tools write: CoNLL-2003
// (token POS chunk tag), two columns (token tag), any count of columns with the tag in the
// last (or a chosen) column, space or tab separated, tags in IOB1, IOB2 or BIOES (IOBES).
// Chunks follow conlleval's lenient rules (seqeval's default mode agrees):
//   a chunk starts at B- or S-, and at I- or E- after O, after E- or S-, after a blank line
//   or after another type (IOB1's I- that starts a chunk);
//   a chunk ends before O, a blank line, B-, S- or another type, and after E- or S-.
// The text is rebuilt from the tokens: tokens joined by one space, sentences (blank-line
// separated) by one newline; -DOCSTART- lines split documents. Offsets are code points of the
// rebuilt text. Document ids: the file name, or "<file>-<n>" (n from 1) when -DOCSTART- gives
// several documents.
#include <string>
#include <string_view>
#include <vector>

#include "io/export.hpp"
#include "io/import.hpp"
#include "text/tokenizer.hpp"

namespace goldspan {

struct ConllOptions {
  std::vector<SpanKind> kinds{SpanKind::Entity};  // which spans become tags
};

std::string write_conll(const Corpus& corpus, Tokenizer& tokenizer, const ConllOptions& options, Warnings& warnings);

struct ConllReadOptions {
  int tag_column = -1;  // 0-based column of the tag; -1 = the last (conlleval reads gold from the
                        // second last and the guess from the last: pass -2 for the gold)
};

// Errors name the file and line: a column count unlike the first token line's, a tag that is
// not O / B- I- E- S- + label, a label the schema lacks (as the other readers do).
GoldImport parse_conll(std::string_view text, const std::string& file_name, const Schema& schema, Tokenizer& tokenizer,
                       const ConllReadOptions& options = {});

}  // namespace goldspan
