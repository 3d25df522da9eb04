#include "text/tokenizer.hpp"

#include <cstring>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "error.hpp"
#include "text/utf8.hpp"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "CpCursor reads 8 bytes at a time as a little-endian word"
#endif

namespace goldspan {

const char* to_string(TokenKind k) noexcept {
  switch (k) {
    case TokenKind::Word: return "word";
    case TokenKind::Number: return "number";
    case TokenKind::Punctuation: return "punctuation";
    case TokenKind::Kana: return "kana";
    case TokenKind::Ideographic: return "ideographic";
    case TokenKind::Other: return "other";
  }
  return "other";
}

// Owns a UText over UTF-8 for the duration of one pass.
class Utf8Text {
 public:
  explicit Utf8Text(std::string_view s) {
    if (s.size() > static_cast<size_t>(INT32_MAX))  // ICU's break iterators index with int32_t
      throw Error("", "text of " + std::to_string(s.size()) + " bytes exceeds the 2 GiB limit");
    UErrorCode st = U_ZERO_ERROR;
    ut_ = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &st);
    if (U_FAILURE(st)) throw Error("", std::string("ICU utext_openUTF8 failed: ") + u_errorName(st));
  }
  ~Utf8Text() { utext_close(ut_); }
  Utf8Text(const Utf8Text&) = delete;
  Utf8Text& operator=(const Utf8Text&) = delete;
  UText* get() const { return ut_; }

 private:
  UText* ut_ = nullptr;
};

namespace {

// Walks boundaries in ascending byte order and turns each into a code point offset by
// counting only the bytes since the previous boundary: code points = bytes - continuation
// bytes (10xxxxxx), counted 8 bytes at a time. A byte-at-a-time loop here cost about a tenth
// of ICU's own time on mixed-script text (segments average ~5 bytes: the loop's exit branch
// mispredicts on nearly every one).
class CpCursor {
 public:
  explicit CpCursor(std::string_view s) : s_(s) {}
  uint32_t to_cp(int32_t byte) {
    if (byte <= byte_) return cp_;  // not past the last one: as the byte-at-a-time loop did
    const auto* p = reinterpret_cast<const unsigned char*>(s_.data()) + byte_;
    const size_t len = size_t(byte - byte_), room = s_.size() - size_t(byte_);
    size_t k = 0;
    uint32_t cont = 0;
    for (; len - k >= 8; k += 8) cont += continuation_bytes(load8(p + k));
    if (k < len) {
      if (room - k >= 8) {  // a whole word is readable: keep its first len - k bytes (little-endian)
        cont += continuation_bytes(load8(p + k) & (~uint64_t(0) >> (8 * (8 - (len - k)))));
      } else {
        for (; k < len; ++k) cont += (p[k] & 0xC0) == 0x80;
      }
    }
    cp_ += uint32_t(len) - cont;
    byte_ = byte;
    return cp_;
  }

 private:
  static uint64_t load8(const unsigned char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;  // x86 and wasm are little-endian: byte k is bits 8k..8k+7
  }
  // Bit 7 set and bit 6 clear, per byte; the 0/1 per byte summed by one multiply (no popcount
  // instruction in baseline x86-64).
  static uint32_t continuation_bytes(uint64_t w) {
    const uint64_t m = (w & ~(w << 1)) & 0x8080808080808080ull;
    return uint32_t(((m >> 7) * 0x0101010101010101ull) >> 56);
  }
  std::string_view s_;
  int32_t byte_ = 0;
  uint32_t cp_ = 0;
};

// Per-ASCII-byte answers of ICU's property lookups, made once, for the hot loop.
struct AsciiTable {
  bool space[128], punct[128];
  AsciiTable() {
    for (int c = 0; c < 128; ++c) {
      space[c] = u_isUWhiteSpace(c);
      punct[c] = u_ispunct(c);
    }
  }
};
const AsciiTable& ascii_table() {
  static const AsciiTable t;
  return t;
}

bool all_whitespace(std::string_view s, int32_t b, int32_t e) {
  const AsciiTable& t = ascii_table();
  for (int32_t i = b; i < e;) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (!t.space[c]) return false;
      ++i;
      continue;
    }
    if (!u_isUWhiteSpace(static_cast<UChar32>(utf8::decode(s, i)))) return false;
    i += utf8::seq_len(c);
  }
  return true;
}

// ICU's CJK dictionary reports every segment it makes as IDEO, kana-only words included;
// a segment without any ideograph is reported as kana so that the kinds stay meaningful.
bool has_ideograph(std::string_view s, int32_t b, int32_t e) {
  for (int32_t i = b; i < e; i += utf8::seq_len(static_cast<unsigned char>(s[i])))
    if (u_hasBinaryProperty(static_cast<UChar32>(utf8::decode(s, i)), UCHAR_IDEOGRAPHIC)) return true;
  return false;
}

TokenKind kind_of(int32_t status, std::string_view s, int32_t b, int32_t e) {
  if (status >= UBRK_WORD_IDEO) return has_ideograph(s, b, e) ? TokenKind::Ideographic : TokenKind::Kana;
  if (status >= UBRK_WORD_KANA) return TokenKind::Kana;
  if (status >= UBRK_WORD_LETTER) return TokenKind::Word;
  if (status >= UBRK_WORD_NUMBER) return TokenKind::Number;
  const auto c = static_cast<unsigned char>(s[b]);
  const bool punct = c < 0x80 ? ascii_table().punct[c] : u_ispunct(static_cast<UChar32>(utf8::decode(s, b)));
  return punct ? TokenKind::Punctuation : TokenKind::Other;
}

// Clitic post-pass (locales en* and fr*), over ICU's UAX #29 word segments, which keep
// apostrophes inside words (WB6/WB7). English, as Penn Treebank / spaCy: a word ending in
// n't 's 're 'll 've 'd 'm (any case, ' or U+2019) is split before the clitic ("did|n't",
// "Akayev|'s"). French (fr*): elided l' d' j' n' s' c' m' t' qu' jusqu' lorsqu' puisqu' at the
// start of a word are split off ("l'|homme"). Other inner apostrophes (o'clock, Ma'am,
// rock'n'roll) stay whole; English abbreviations get their period back (en_abbreviation).
// Every piece keeps the kind of the segment (word). Returns the byte length of the apostrophe
// at `i` (1 for ', 3 for U+2019) or 0.
size_t apostrophe_at(std::string_view w, size_t i) {
  if (i < w.size() && w[i] == '\'') return 1;
  if (i + 2 < w.size() && w.compare(i, 3, "\xE2\x80\x99") == 0) return 3;
  return 0;
}
bool ieq_ascii(std::string_view a, const char* b) {
  size_t n = 0;
  for (; b[n]; ++n)
    if (n >= a.size() || (a[n] | 0x20) != b[n]) return false;
  return n == a.size();
}
// Byte offset in `w` where an English clitic starts, or 0.
size_t en_clitic_start(std::string_view w) {
  for (const char* suf : {"s", "re", "ll", "ve", "d", "m", "t"}) {
    const size_t sl = std::char_traits<char>::length(suf);
    for (size_t al : {size_t(1), size_t(3)}) {
      if (w.size() < sl + al + 1) continue;
      const size_t a = w.size() - sl - al;
      if (apostrophe_at(w, a) != al || !ieq_ascii(w.substr(a + al), suf)) continue;
      if (suf[0] == 't') {  // n't
        if (a < 2 || (w[a - 1] | 0x20) != 'n') return 0;
        return a - 1;
      }
      return a;
    }
  }
  return 0;
}
// Byte offset in `w` just after a French elided prefix, or 0.
size_t fr_elision_end(std::string_view w) {
  for (const char* pre : {"l", "d", "j", "n", "s", "c", "m", "t", "qu", "jusqu", "lorsqu", "puisqu"}) {
    const size_t pl = std::char_traits<char>::length(pre);
    if (w.size() <= pl || !ieq_ascii(w.substr(0, pl), pre)) continue;
    const size_t al = apostrophe_at(w, pl);
    if (al && w.size() > pl + al) return pl + al;
  }
  return 0;
}
// English abbreviations that keep their period (Penn Treebank / spaCy convention): ICU 72 gives
// "Mr" + "." and "U.S" + "."; the post-pass joins the period back when the word before it
// (adjacent, no space) is single letters joined by periods ("U.S", "e.g", an initial "J"), or
// a common title or abbreviation below. Case-sensitive: "Dr." but not "dr.".
bool en_abbreviation(std::string_view w) {
  // Single ASCII letters joined by periods: "J", "U.S", "e.g", "a.m" (not "example.com").
  bool letters = !w.empty();
  for (size_t i = 0; i < w.size() && letters; ++i) {
    const char c = char(w[i] | 0x20);
    letters = (i % 2 == 0) ? (c >= 'a' && c <= 'z') : w[i] == '.';
  }
  if (letters && w.size() % 2 == 1) return true;
  for (const char* a : {"Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Gen", "Gov", "Sen", "Rep",
                        "Col", "Lt", "Sgt", "Capt", "Adm", "Maj", "Rev", "Hon", "Inc", "Ltd", "Corp", "Co",
                        "Bros", "vs", "etc", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"})
    if (w == a) return true;
  return false;
}
uint32_t cp_count(std::string_view w) {
  uint32_t n = 0;
  for (unsigned char c : w) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

Tokenizer::Tokenizer(std::string locale) : locale_(std::move(locale)) {
  if (locale_ == "root") locale_.clear();
  auto lang_is = [&](const char* l) {
    return locale_.rfind(l, 0) == 0 && (locale_.size() == 2 || locale_[2] == '-' || locale_[2] == '_');
  };
  en_clitics_ = lang_is("en");
  fr_elision_ = lang_is("fr");
}
Tokenizer::~Tokenizer() = default;
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;

icu::BreakIterator& Tokenizer::iter(BreakKind kind) {
  auto& slot = it_[static_cast<int>(kind)];
  if (slot) return *slot;
  UErrorCode st = U_ZERO_ERROR;
  const icu::Locale loc = locale_.empty() ? icu::Locale::getRoot()
                                          : icu::Locale::forLanguageTag(locale_, st);
  if (U_FAILURE(st) || loc.isBogus())
    throw Error("locale '" + locale_ + "'", "not a valid BCP 47 tag");
  switch (kind) {
    case BreakKind::Grapheme: slot.reset(icu::BreakIterator::createCharacterInstance(loc, st)); break;
    case BreakKind::Word: slot.reset(icu::BreakIterator::createWordInstance(loc, st)); break;
    case BreakKind::Sentence: slot.reset(icu::BreakIterator::createSentenceInstance(loc, st)); break;
  }
  if (U_FAILURE(st) || !slot) {
    slot.reset();
    throw Error("ICU", std::string("cannot create break iterator (is the ICU data loaded?): ") + u_errorName(st));
  }
  return *slot;
}

icu::BreakIterator& Tokenizer::bind(BreakKind kind, const Utf8Text& text) {
  auto& bi = iter(kind);
  UErrorCode st = U_ZERO_ERROR;
  bi.setText(text.get(), st);
  if (U_FAILURE(st)) throw Error("ICU", std::string("setText failed: ") + u_errorName(st));
  return bi;
}

std::vector<Token> Tokenizer::tokens(std::string_view s) {
  Utf8Text ut(s);
  auto& bi = bind(BreakKind::Word, ut);
  std::vector<Token> out;
  out.reserve(s.size() / 5);
  CpCursor cur(s);
  int32_t b = bi.first();
  uint32_t bcp = 0;
  std::string_view last_word;  // bytes of the last token pushed when it is a word, else empty
  int32_t last_word_end = -1;
  for (int32_t e = bi.next(); e != icu::BreakIterator::DONE; b = e, e = bi.next()) {
    const int32_t status = bi.getRuleStatus();
    const uint32_t ecp = cur.to_cp(e);
    if (status >= UBRK_WORD_NONE_LIMIT || !all_whitespace(s, b, e)) {
      const TokenKind k = kind_of(status, s, b, e);
      if (en_clitics_ && e - b == 1 && s[size_t(b)] == '.' && last_word_end == b && en_abbreviation(last_word)) {
        out.back().end = ecp;
        last_word_end = -1;
        bcp = ecp;
        continue;
      }
      last_word_end = k == TokenKind::Word ? e : -1;
      last_word = k == TokenKind::Word ? s.substr(size_t(b), size_t(e - b)) : std::string_view();
      if (k == TokenKind::Word && (en_clitics_ || fr_elision_)) {
        std::string_view w = s.substr(b, e - b);
        uint32_t start = bcp;
        if (fr_elision_) {
          if (const size_t p = fr_elision_end(w)) {
            const uint32_t m = start + cp_count(w.substr(0, p));
            out.push_back({start, m, k});
            start = m;
            w = w.substr(p);
          }
        }
        if (en_clitics_) {
          if (const size_t p = en_clitic_start(w)) {
            const uint32_t m = start + cp_count(w.substr(0, p));
            out.push_back({start, m, k});
            start = m;
          }
        }
        out.push_back({start, ecp, k});
      } else {
        out.push_back({bcp, ecp, k});
      }
    }
    bcp = ecp;
  }
  return out;
}

std::vector<Range> Tokenizer::sentences(std::string_view s) {
  Utf8Text ut(s);
  auto& bi = bind(BreakKind::Sentence, ut);
  std::vector<Range> out;
  CpCursor cur(s);
  int32_t b = bi.first();
  for (int32_t e = bi.next(); e != icu::BreakIterator::DONE; b = e, e = bi.next()) {
    // Trim whitespace at both ends, in bytes, then convert.
    int32_t tb = b, te = e;
    while (tb < te && all_whitespace(s, tb, tb + utf8::seq_len(static_cast<unsigned char>(s[tb]))))
      tb += utf8::seq_len(static_cast<unsigned char>(s[tb]));
    while (te > tb) {
      int32_t p = te - 1;
      while (p > tb && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
      if (!all_whitespace(s, p, te)) break;
      te = p;
    }
    if (tb == te) continue;
    const uint32_t scp = cur.to_cp(tb);
    out.push_back({scp, cur.to_cp(te)});
  }
  return out;
}

std::vector<uint32_t> Tokenizer::boundaries(BreakKind kind, std::string_view s) {
  Utf8Text ut(s);
  auto& bi = bind(kind, ut);
  std::vector<uint32_t> out;
  CpCursor cur(s);
  for (int32_t p = bi.first(); p != icu::BreakIterator::DONE; p = bi.next()) out.push_back(cur.to_cp(p));
  return out;
}

bool may_join_cluster(char32_t c) noexcept {
  if (c < 0x80) return c == '\r';  // ASCII is Other, Control or LF, and CR for CR LF
  const int v = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_GRAPHEME_CLUSTER_BREAK);
  return v != U_GCB_OTHER && v != U_GCB_CONTROL && v != U_GCB_LF;
}

std::unique_ptr<icu::BreakIterator> Tokenizer::new_grapheme_iterator() {
  return std::unique_ptr<icu::BreakIterator>(iter(BreakKind::Grapheme).clone());
}

}  // namespace goldspan
