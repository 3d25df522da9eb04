#include "search/find.hpp"

#include <algorithm>

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include "error.hpp"
#include "model/corpus.hpp"
#include "text/document.hpp"

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

Finder::Finder(std::string_view pattern, FindOptions options) : options_(options) {
  if (pattern.empty()) throw Error("find", "the pattern is empty");
  uint32_t flags = options.regex ? 0 : UREGEX_LITERAL;
  if (options.ignore_case) flags |= UREGEX_CASE_INSENSITIVE;
  UParseError where{};
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString p = icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), int32_t(pattern.size())));
  pattern_.reset(icu::RegexPattern::compile(p, flags, where, status));
  if (U_FAILURE(status)) {
    pattern_.reset();
    throw Error("find", std::string("bad regular expression: ") + u_errorName(status) + " at offset " +
                            std::to_string(where.offset) + " of the pattern");
  }
}

Finder::~Finder() = default;
Finder::Finder(Finder&&) noexcept = default;
Finder& Finder::operator=(Finder&&) noexcept = default;

bool Finder::find_in(const Document& doc, size_t doc_index, std::vector<Hit>& out) const {
  if (out.size() >= options_.max_hits) return false;
  const std::string_view text = doc.text();
  // The UTF-16 copy is ICU regex's fast path; a UTF-8 UText would save it but runs slower.
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), int32_t(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern_->matcher(u, status));
  if (U_FAILURE(status)) throw Error("find", std::string("cannot search: ") + u_errorName(status));
  const OffsetMap& map = doc.offsets();
  while (m->find(status) && U_SUCCESS(status)) {
    const int32_t a = m->start(status), b = m->end(status);
    if (a == b) continue;  // e.g. "x*": an empty hit selects nothing
    Hit h;
    h.doc = doc_index;
    h.start = map.cp_of_utf16(uint32_t(a));
    h.end = map.cp_of_utf16(uint32_t(b));
    const uint32_t from = h.start > options_.context ? h.start - options_.context : 0;
    const uint32_t to = std::min(doc.length(), h.end + options_.context);
    h.before = one_line(doc.slice(from, h.start));
    h.match = one_line(doc.slice(h.start, h.end));
    h.after = one_line(doc.slice(h.end, to));
    out.push_back(std::move(h));
    if (out.size() >= options_.max_hits) return false;
  }
  if (U_FAILURE(status)) throw Error("find", std::string("search failed: ") + u_errorName(status));
  return true;
}

std::vector<Hit> Finder::find_all(const Corpus& corpus) const {
  std::vector<Hit> out;
  for (size_t i = 0; i < corpus.document_count(); ++i)
    if (!find_in(corpus.document(i), i, out)) break;
  return out;
}

}  // namespace goldspan
