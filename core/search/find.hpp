#pragma once
// Find — plain-text or regular-expression search over a corpus's documents (docs/search.md).
//
//   FindOptions o;
//   o.ignore_case = true;
//   Finder f("bishkek", o);                             // throws Error on a bad pattern
//   for (const Hit& h : f.find_all(corpus)) show(h.doc, h.start, h.end, h.before, h.match, h.after);
//
// Both modes run ICU's RegexMatcher on the ORIGINAL text (plain text as UREGEX_LITERAL), so
// offsets are exact without any folded copy of the text to map back: case-insensitive matching
// is ICU's UREGEX_CASE_INSENSITIVE, which uses full Unicode case folding for literal strings
// ("STRASSE" finds "Straße", "ΑΘΉΝΑ" finds "αθήνα"). ICU reports UTF-16 indices; hits are
// converted to code points with the document's OffsetMap. Empty matches are skipped.
// Literal case-sensitive text skips ICU: a byte search over the UTF-8 finds the same hits
// (UTF-8 is self-synchronising, so a match of valid text starts on a code point).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// ICU's regex engine is in libicui18n. A build without it (the wasm build, until setup.sh
// compiles i18n for it) finds literal case-sensitive text only; other searches are an Error.
#if __has_include(<unicode/regex.h>)
#define GOLDSPAN_HAS_ICU_REGEX 1
#else
#define GOLDSPAN_HAS_ICU_REGEX 0
#endif

namespace goldspan {

class Corpus;
class Document;

struct FindOptions {
  bool regex = false;        // false: the pattern is literal text
  bool ignore_case = false;  // full Unicode case folding
  uint32_t context = 30;     // code points of context on each side of a hit
  size_t max_hits = SIZE_MAX;  // stop after this many (the page shows the first N)
  // ICU's match time limit (RegexMatcher::setTimeLimit, in engine steps of roughly a
  // millisecond) per document, so that a runaway pattern like (a+)+b cannot freeze the page;
  // 0: none. Running out is an Error.
  int32_t time_limit = 0;
};

struct Hit {
  size_t doc = 0;                // Corpus::document index
  uint32_t start = 0, end = 0;   // code points, half-open, in the original text
  // Display context: about FindOptions::context code points each side (whole grapheme
  // clusters), line breaks and tabs shown as spaces, so a results list can draw "before [match] after" on one line.
  std::string before, match, after;
};

class Finder {
 public:
  // Throws Error("find", ...) when the pattern is empty or (regex) does not compile, with
  // ICU's error and the offset in the pattern, or when this build has no ICU regex (above).
  Finder(std::string_view pattern, FindOptions options = {});
  ~Finder();
  Finder(Finder&&) noexcept;
  Finder& operator=(Finder&&) noexcept;

  const FindOptions& options() const noexcept { return options_; }

  // Appends the hits in one document (doc_index is copied into Hit::doc), in text order.
  // Returns false when max_hits was reached.
  bool find_in(const Document& doc, size_t doc_index, std::vector<Hit>& out) const;
  // Every hit in every document, documents in corpus order.
  std::vector<Hit> find_all(const Corpus& corpus) const;

 private:
  void add_hit(const Document& doc, size_t doc_index, uint32_t start, uint32_t end, std::vector<Hit>& out) const;
  FindOptions options_;
  struct Regex;  // the compiled ICU pattern (find.cpp)
  bool find_regex(const Document& doc, size_t doc_index, std::vector<Hit>& out) const;
  std::string literal_;          // the byte-search fast path, when regex_ is null
  std::unique_ptr<Regex> regex_;
};

}  // namespace goldspan
