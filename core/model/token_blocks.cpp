#include "model/token_blocks.hpp"

#include <algorithm>

namespace goldspan {

TokenBlocks::TokenBlocks(const Document& doc) {
  const std::vector<Token>& toks = doc.tokens();
  first_.resize((doc.length() >> kShift) + 1);
  size_t i = 0;
  for (size_t b = 0; b < first_.size(); ++b) {
    const uint32_t cp = uint32_t(b << kShift);
    while (i < toks.size() && toks[i].end <= cp) ++i;
    first_[b] = uint32_t(i);
  }
}

size_t TokenBlocks::at_or_after(const std::vector<Token>& toks, uint32_t cp) const noexcept {
  const size_t b = cp >> kShift;
  if (b >= first_.size()) return toks.size();  // past the text: every token ends before cp
  // The answer lies between this block's first token and the next block's.
  const size_t hi = b + 1 < first_.size() ? first_[b + 1] : toks.size();
  return size_t(std::upper_bound(toks.begin() + first_[b], toks.begin() + ptrdiff_t(hi), cp,
                                 [](uint32_t c, const Token& t) { return c < t.end; }) -
                toks.begin());
}

}  // namespace goldspan
