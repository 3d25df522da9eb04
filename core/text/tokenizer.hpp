#pragma once
// Tokenizer — ICU segmentation (UAX #29 word, sentence and grapheme cluster boundaries,
// with ICU's locale tailorings and dictionaries for Thai, CJK, Khmer, Lao, Burmese).
//
// ICU reads the caller's UTF-8 through a UText: no UTF-16 copy of the text is made. One
// BreakIterator per kind is created on first use and reused for every later text. Results
// are code point offsets, half-open. Not thread-safe: use one Tokenizer per thread.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace goldspan {

class Utf8Text;

// What a token is, from the word break rule status (plus a look at status-less segments).
enum class TokenKind : uint8_t { Word, Number, Punctuation, Kana, Ideographic, Other };
const char* to_string(TokenKind k) noexcept;

// False when UAX #29 always breaks on both sides of `c` next to another such code point:
// Grapheme_Cluster_Break Other, Control or LF (no rule that keeps a cluster together, GB3 and
// GB6–GB13, involves those). Lets grapheme checks skip ICU for most text.
bool may_join_cluster(char32_t c) noexcept;

struct Range {
  uint32_t start = 0, end = 0;  // code points, half-open
  friend bool operator==(Range a, Range b) { return a.start == b.start && a.end == b.end; }
};

struct Token {
  uint32_t start = 0, end = 0;  // code points, half-open
  TokenKind kind = TokenKind::Other;
};

enum class BreakKind { Grapheme, Word, Sentence };

class Tokenizer {
 public:
  // `locale` is a BCP 47 tag ("" or "root" for ICU's root rules). Throws goldspan::Error
  // when ICU cannot create an iterator (e.g. missing break data).
  explicit Tokenizer(std::string locale = "");
  Tokenizer(std::string locale, bool raw_uax29) : Tokenizer(std::move(locale)) {
    if (raw_uax29) en_clitics_ = fr_elision_ = false;
  }
  ~Tokenizer();
  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;

  const std::string& locale() const noexcept { return locale_; }

  // Word segments that are not whitespace. Text must be valid UTF-8. For locales en* and fr*
  // a post-pass splits English clitics ("did|n't", "Akayev|'s") and, for fr*, French elision
  // ("l'|homme"); see tokenizer.cpp. Other locales (root included) give raw UAX #29 segments.
  // `raw_uax29` turns the post-pass off.
  std::vector<Token> tokens(std::string_view utf8);
  // Sentences with surrounding whitespace trimmed; whitespace-only segments dropped.
  std::vector<Range> sentences(std::string_view utf8);
  // Every boundary of that kind, 0 and the text length included.
  std::vector<uint32_t> boundaries(BreakKind kind, std::string_view utf8);
  // A grapheme cluster iterator of its own for one Document (see Document::is_grapheme_boundary).
  std::unique_ptr<icu::BreakIterator> new_grapheme_iterator();

 private:
  icu::BreakIterator& iter(BreakKind kind);
  icu::BreakIterator& bind(BreakKind kind, const Utf8Text& text);  // iter(kind) set to the text
  std::string locale_;
  bool en_clitics_ = false, fr_elision_ = false;
  std::unique_ptr<icu::BreakIterator> it_[3];
};

}  // namespace goldspan
