#include "text/document.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>

#include "error.hpp"
#include "text/utf8.hpp"

namespace goldspan {

Document::Document(std::string id, std::string text, Tokenizer& tokenizer) : id_(std::move(id)) {
  if (auto bad = utf8::find_invalid(text))
    throw Error(id_, "invalid UTF-8 at byte " + std::to_string(*bad));
  text_ = std::make_unique<const std::string>(std::move(text));
  map_ = OffsetMap(*text_);
  tokens_ = tokenizer.tokens(*text_);
  UErrorCode st = U_ZERO_ERROR;
  utext_.reset(utext_openUTF8(nullptr, text_->data(), static_cast<int64_t>(text_->size()), &st));
  graphemes_ = tokenizer.new_grapheme_iterator();
  if (U_FAILURE(st) || !graphemes_) throw Error(id_, std::string("ICU grapheme iterator: ") + u_errorName(st));
  graphemes_->setText(utext_.get(), st);
}

Document::~Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
void Document::UTextCloser::operator()(UText* t) const noexcept { utext_close(t); }

std::string_view Document::slice(uint32_t start, uint32_t end) const {
  if (start > end || end > length())
    throw Error(id_, "range [" + std::to_string(start) + ", " + std::to_string(end) +
                         ") outside text of " + std::to_string(length()) + " code points");
  const uint32_t b = map_.byte_of_cp(start);
  return std::string_view(*text_).substr(b, map_.byte_of_cp(end) - b);
}

bool Document::is_grapheme_boundary(uint32_t cp) const noexcept {
  if (cp > length()) return false;
  if (cp == 0 || cp == length()) return true;
  const uint32_t b = map_.byte_of_cp(cp);
  uint32_t a = b - 1;
  while ((static_cast<unsigned char>((*text_)[a]) & 0xC0) == 0x80) --a;
  if (!may_join_cluster(utf8::decode(*text_, a)) && !may_join_cluster(utf8::decode(*text_, b))) return true;
  return graphemes_->isBoundary(static_cast<int32_t>(b));
}

size_t Document::token_at_or_after(uint32_t cp) const noexcept {
  return std::upper_bound(tokens_.begin(), tokens_.end(), cp,
                          [](uint32_t c, const Token& t) { return c < t.end; }) - tokens_.begin();
}

ptrdiff_t Document::token_containing(uint32_t cp) const noexcept {
  const size_t i = token_at_or_after(cp);
  return i < tokens_.size() && tokens_[i].start <= cp ? static_cast<ptrdiff_t>(i) : -1;
}

}  // namespace goldspan
