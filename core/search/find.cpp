#include "search/find.hpp"

#include <algorithm>

#include <unicode/unistr.h>
#if GOLDSPAN_HAS_ICU_REGEX
#include <unicode/regex.h>
#endif

#include "error.hpp"
#include "model/corpus.hpp"
#include "text/document.hpp"
#include "text/utf8.hpp"

namespace goldspan {

namespace {

// One line per hit in a results list: line breaks and tabs would break it.
std::string one_line(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

}  // namespace

#if GOLDSPAN_HAS_ICU_REGEX
struct Finder::Regex {
  std::unique_ptr<icu::RegexPattern> pattern;
};
#else
struct Finder::Regex {};
#endif

Finder::Finder(std::string_view pattern, FindOptions options) : options_(options) {
  if (pattern.empty()) throw Error("find", "the pattern is empty");
  if (const auto bad = utf8::find_invalid(pattern)) throw Error("find", "the pattern is not valid UTF-8 at byte " + std::to_string(*bad));
  if (!options.regex && !options.ignore_case) {
    literal_ = std::string(pattern);
    return;
  }
#if GOLDSPAN_HAS_ICU_REGEX
  uint32_t flags = options.regex ? 0 : UREGEX_LITERAL;
  if (options.ignore_case) flags |= UREGEX_CASE_INSENSITIVE;
  UParseError where{};
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString p = icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), int32_t(pattern.size())));
  regex_ = std::make_unique<Regex>();
  regex_->pattern.reset(icu::RegexPattern::compile(p, flags, where, status));
  if (U_FAILURE(status))
    throw Error("find", std::string("bad regular expression: ") + u_errorName(status) + " at offset " +
                            std::to_string(where.offset) + " of the pattern");
#else
  throw Error("find", "regular expressions and ignore case need ICU's i18n library, which this build lacks");
#endif
}

Finder::~Finder() = default;
Finder::Finder(Finder&&) noexcept = default;
Finder& Finder::operator=(Finder&&) noexcept = default;

void Finder::add_hit(const Document& doc, size_t doc_index, uint32_t start, uint32_t end, std::vector<Hit>& out) const {
  Hit h;
  h.doc = doc_index;
  h.start = start;
  h.end = end;
  uint32_t from = start > options_.context ? start - options_.context : 0;
  uint32_t to = std::min(doc.length(), end + options_.context);
  // Whole grapheme clusters only: half a flag or a lone combining accent would show as junk.
  while (from > 0 && !doc.is_grapheme_boundary(from)) --from;
  while (to < doc.length() && !doc.is_grapheme_boundary(to)) ++to;
  h.before = one_line(doc.slice(from, start));
  h.match = one_line(doc.slice(start, end));
  h.after = one_line(doc.slice(end, to));
  out.push_back(std::move(h));
}

bool Finder::find_in(const Document& doc, size_t doc_index, std::vector<Hit>& out) const {
  if (out.size() >= options_.max_hits) return false;
  if (regex_) return find_regex(doc, doc_index, out);
  const std::string_view text = doc.text();
  const OffsetMap& map = doc.offsets();
  for (size_t at = text.find(literal_); at != std::string_view::npos; at = text.find(literal_, at + literal_.size())) {
    add_hit(doc, doc_index, map.cp_of_byte(uint32_t(at)), map.cp_of_byte(uint32_t(at + literal_.size())), out);
    if (out.size() >= options_.max_hits) return false;
  }
  return true;
}

bool Finder::find_regex(const Document& doc, size_t doc_index, std::vector<Hit>& out) const {
#if GOLDSPAN_HAS_ICU_REGEX
  const std::string_view text = doc.text();
  const OffsetMap& map = doc.offsets();
  // The UTF-16 copy is ICU regex's fast path; a UTF-8 UText would save it but runs slower.
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), int32_t(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(regex_->pattern->matcher(u, status));
  if (options_.time_limit > 0) m->setTimeLimit(options_.time_limit, status);
  if (U_FAILURE(status)) throw Error("find", std::string("cannot search: ") + u_errorName(status));
  while (m->find(status) && U_SUCCESS(status)) {
    const int32_t a = m->start(status), b = m->end(status);
    if (a == b) continue;  // e.g. "x*": an empty hit selects nothing
    add_hit(doc, doc_index, map.cp_of_utf16(uint32_t(a)), map.cp_of_utf16(uint32_t(b)), out);
    if (out.size() >= options_.max_hits) return false;
  }
  if (status == U_REGEX_TIME_OUT)
    throw Error("find", "the regular expression took too long on " + doc.id() + " (simplify it, e.g. avoid nested repeats)");
  if (U_FAILURE(status)) throw Error("find", std::string("search failed: ") + u_errorName(status));
#endif
  return true;
}

std::vector<Hit> Finder::find_all(const Corpus& corpus) const {
  std::vector<Hit> out;
  for (size_t i = 0; i < corpus.document_count(); ++i)
    if (!find_in(corpus.document(i), i, out)) break;
  return out;
}

}  // namespace goldspan
