#pragma once
// Dictionary — pre-annotation from a list of terms with labels (docs/search.md).
//
//   Dictionary d = Dictionary::parse(read("places.tsv"), "places.tsv", corpus.schema(), tokenizer);
//   Labeled r = label_all(corpus, d.match(corpus), "dictionary places.tsv");
//
// Files: `term<TAB>LABEL` lines ('#' comments and blank lines skipped), or JSONL lines
// {"term": "...", "label": "..."} (chosen by a .jsonl/.ndjson name, or when the first entry
// line starts with '{'). Every bad line is reported, as "FILE: line N: reason".
//
// Matching is on token sequences: each term is tokenized with the documents' Tokenizer, its
// tokens are interned to ids and the id sequences stored in a trie (a hash table of
// (node, token id) -> child). A document's tokens are mapped to ids once (one hash lookup per
// distinct token text); from every token the trie is walked while tokens continue a term, so
// the cost is O(tokens × the few steps a walk takes), independent of the number of terms.
// All matches are collected, then chosen longest first (ties: leftmost), never overlapping one
// another — the rule of spaCy's filter_spans. Whitespace between tokens does not matter.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "search/label.hpp"

namespace goldspan {

class Schema;
class Tokenizer;

struct DictionaryOptions {
  bool ignore_case = false;  // compare tokens after full Unicode case folding
  enum class Format : uint8_t { Auto, Tsv, Jsonl } format = Format::Auto;
};

class Dictionary {
 public:
  // Throws Error(file_name, ...) listing every bad line ("line N: ..."): no tab, an empty term,
  // a term without tokens, an unknown label, bad JSON, a term given two labels.
  static Dictionary parse(std::string_view text, const std::string& file_name, const Schema& schema,
                          Tokenizer& tokenizer, DictionaryOptions options = {});

  size_t size() const noexcept { return terms_; }  // distinct terms
  size_t max_tokens() const noexcept { return max_len_; }

  // The chosen matches in every document, by document then start, already token-aligned.
  std::vector<Proposal> match(const Corpus& corpus) const;

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  std::string key(std::string_view token_text) const;  // folded when ignore_case
  uint32_t child(uint32_t node, uint32_t token) const noexcept;
  // Adds a term's token ids; returns the node's previous label (-1 when new).
  int insert(const std::vector<uint32_t>& ids, uint16_t type, size_t line, size_t& first_line);

  DictionaryOptions options_;
  std::unordered_map<std::string, uint32_t> vocab_;       // token key -> id
  std::unordered_map<uint64_t, uint32_t> edges_;          // node << 32 | token id -> child node
  std::vector<int32_t> label_;                            // per node: span type, -1 when no term ends there
  std::vector<uint32_t> line_;                            // per node: line of the term ending there
  size_t terms_ = 0, max_len_ = 0;
};

}  // namespace goldspan
