#pragma once
// Document — one text exactly as given (UTF-8, never normalised), with its offset map and
// tokens, built once at construction. Grapheme cluster boundaries are answered on demand
// (most positions need no ICU call at all), so opening a document costs one ICU pass.
// Sentences are not kept: few callers need them; they ask Tokenizer::sentences(doc.text()).
// A Document is not thread-safe (its grapheme iterator moves on every query).
// Offsets in the API are code points, half-open.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/offset_map.hpp"
#include "text/tokenizer.hpp"

struct UText;

namespace goldspan {

class Document {
 public:
  // Throws goldspan::Error naming `id` and the byte offset when `text` is not valid UTF-8.
  Document(std::string id, std::string text, Tokenizer& tokenizer);
  ~Document();
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;

  const std::string& id() const noexcept { return id_; }
  std::string_view text() const noexcept { return *text_; }
  uint32_t length() const noexcept { return map_.cps(); }  // in code points
  const OffsetMap& offsets() const noexcept { return map_; }
  const std::vector<Token>& tokens() const noexcept { return tokens_; }

  // The text between two code point offsets (throws goldspan::Error when out of range).
  std::string_view slice(uint32_t start, uint32_t end) const;
  bool is_grapheme_boundary(uint32_t cp) const noexcept;

  // Index of the first token whose end is > cp (tokens().size() when none): the token that
  // contains cp, or the next one after it.
  size_t token_at_or_after(uint32_t cp) const noexcept;
  // Index of the token that contains cp, or -1 when cp falls between tokens.
  ptrdiff_t token_containing(uint32_t cp) const noexcept;

 private:
  std::string id_;
  std::unique_ptr<const std::string> text_;  // heap-stable: map_ views it across moves
  OffsetMap map_;
  std::vector<Token> tokens_;
  struct UTextCloser { void operator()(UText* t) const noexcept; };
  std::unique_ptr<UText, UTextCloser> utext_;           // over *text_, for graphemes_
  std::unique_ptr<icu::BreakIterator> graphemes_;
};

}  // namespace goldspan
