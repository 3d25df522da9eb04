#pragma once
// The JSONL line `goldspan tokenize` prints per text (README, "CLI"), code point offsets,
// half-open, keys in this order:
//   {"id":"<name>","tokens":[[start,end],...],"kinds":["word",...],"sentences":[[start,end],...]}
//   {"id":"<name>","boundaries":[0,...]}
// Appended to a caller-owned buffer, which the CLI reuses for every file. Numbers go through
// std::to_chars into a stack chunk appended once per few hundred tokens: a 20 MB text has
// millions of pairs, and a std::to_string and string appends per number made the CLI in wasm
// spend more on its output than ICU spent tokenizing. The bytes are those
// nlohmann::json::dump() gives for the same object (tests/io/test_tokens_jsonl.cpp).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "text/tokenizer.hpp"

namespace goldspan {

// Optional: called mid-line whenever `out` holds kJsonlDrainBytes or more, to write it out and
// empty it. The line of a 20 MB text is ~45 MB; drained, the buffer stays ~1 MB and is reused
// (a buffer that large is fresh memory: a page fault every 4 KB the first time it is written).
using JsonlDrain = std::function<void(std::string& out)>;
constexpr size_t kJsonlDrainBytes = size_t(1) << 20;

// `id` must be valid UTF-8 (escaped as JSON). "kinds" only when `kinds`; "sentences" only
// when `sentences` is given. Ends with '\n'; what `drain` did not take is left in `out`.
void append_tokens_jsonl(std::string& out, std::string_view id, const std::vector<Token>& tokens, bool kinds,
                         const std::vector<Range>* sentences = nullptr, const JsonlDrain& drain = {});
// The --boundaries form: every boundary instead of tokens.
void append_boundaries_jsonl(std::string& out, std::string_view id, const std::vector<uint32_t>& boundaries,
                             const JsonlDrain& drain = {});

}  // namespace goldspan
