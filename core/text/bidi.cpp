#include "text/bidi.hpp"

#include <algorithm>

#include <unicode/ubidi.h>
#include <unicode/uchar.h>

#include "error.hpp"
#include "text/document.hpp"
#include "text/utf8.hpp"

namespace goldspan {

namespace {

bool is_paragraph_separator(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x2029 || c == 0x85 || (c >= 0x1C && c <= 0x1E);
}

// True when ubidi could give anything but one LTR level for a text containing `c`.
bool needs_bidi(char32_t c) {
  if (c < 0x0590) return false;
  switch (u_charDirection(static_cast<UChar32>(c))) {
    case U_RIGHT_TO_LEFT: case U_RIGHT_TO_LEFT_ARABIC: case U_ARABIC_NUMBER:
    case U_LEFT_TO_RIGHT_EMBEDDING: case U_LEFT_TO_RIGHT_OVERRIDE:
    case U_RIGHT_TO_LEFT_EMBEDDING: case U_RIGHT_TO_LEFT_OVERRIDE: case U_POP_DIRECTIONAL_FORMAT:
    case U_LEFT_TO_RIGHT_ISOLATE: case U_RIGHT_TO_LEFT_ISOLATE: case U_FIRST_STRONG_ISOLATE:
    case U_POP_DIRECTIONAL_ISOLATE:
      return true;
    default:
      return false;
  }
}

struct UBiDiCloser { void operator()(UBiDi* b) const noexcept { ubidi_close(b); } };
using UBiDiPtr = std::unique_ptr<UBiDi, UBiDiCloser>;

}  // namespace

struct BidiBlock::Impl {
  std::string doc_id;
  uint32_t start = 0, end = 0;
  bool rtl = false;
  bool simple = true;              // no ubidi needed: every line is one LTR run
  std::u32string cps;
  std::u16string u16;              // what ubidi reads (paragraph separators as spaces)
  std::vector<int32_t> u16_of_cp;  // size cps+1
  UBiDiPtr para, line;
};

BidiBlock::BidiBlock() : impl_(std::make_unique<Impl>()) {}
BidiBlock::~BidiBlock() = default;
BidiBlock::BidiBlock(BidiBlock&&) noexcept = default;
BidiBlock& BidiBlock::operator=(BidiBlock&&) noexcept = default;

uint32_t BidiBlock::start() const noexcept { return impl_->start; }
uint32_t BidiBlock::end() const noexcept { return impl_->end; }
bool BidiBlock::rtl() const noexcept { return impl_->rtl; }
const std::u32string& BidiBlock::text() const noexcept { return impl_->cps; }

void BidiBlock::resolve(const Document& doc, uint32_t start, uint32_t end) {
  Impl& m = *impl_;
  m.doc_id = doc.id();
  const std::string_view s = doc.slice(start, end);  // throws naming the document when outside
  m.start = start;
  m.end = end;
  m.rtl = false;
  m.simple = true;
  m.cps.clear();
  m.cps.reserve(end - start);
  for (size_t i = 0; i < s.size(); i += utf8::seq_len(static_cast<unsigned char>(s[i]))) {
    const char32_t c = utf8::decode(s, i);
    m.cps.push_back(c);
    if (m.simple && needs_bidi(c)) m.simple = false;
  }
  if (m.simple) return;

  m.u16.clear();
  m.u16.reserve(m.cps.size() + 16);
  m.u16_of_cp.resize(m.cps.size() + 1);
  for (size_t i = 0; i < m.cps.size(); ++i) {
    m.u16_of_cp[i] = static_cast<int32_t>(m.u16.size());
    char32_t c = m.cps[i];
    if (is_paragraph_separator(c)) c = ' ';
    if (c >= 0x10000) {
      m.u16.push_back(static_cast<char16_t>(0xD7C0 + (c >> 10)));
      m.u16.push_back(static_cast<char16_t>(0xDC00 | (c & 0x3FF)));
    } else {
      m.u16.push_back(static_cast<char16_t>(c));
    }
  }
  m.u16_of_cp[m.cps.size()] = static_cast<int32_t>(m.u16.size());

  UErrorCode st = U_ZERO_ERROR;
  if (!m.para) m.para.reset(ubidi_open());
  if (!m.line) m.line.reset(ubidi_open());
  ubidi_setPara(m.para.get(), m.u16.data(), static_cast<int32_t>(m.u16.size()), UBIDI_DEFAULT_LTR,
                nullptr, &st);
  if (U_FAILURE(st))
    throw Error(m.doc_id, "bidi of code points [" + std::to_string(start) + ", " + std::to_string(end) +
                              "): " + u_errorName(st));
  m.rtl = (ubidi_getParaLevel(m.para.get()) & 1) != 0;
}

void BidiBlock::line_runs(uint32_t ls, uint32_t le, std::vector<Run>& out) const {
  const Impl& m = *impl_;
  out.clear();
  if (ls < m.start || le > m.end || ls > le)
    throw Error(m.doc_id, "line [" + std::to_string(ls) + ", " + std::to_string(le) + ") outside bidi block [" +
                              std::to_string(m.start) + ", " + std::to_string(m.end) + ")");
  if (ls == le) return;
  if (m.simple) {
    out.push_back({ls, le, false});
    return;
  }
  const int32_t u0 = m.u16_of_cp[ls - m.start], u1 = m.u16_of_cp[le - m.start];
  UErrorCode st = U_ZERO_ERROR;
  ubidi_setLine(m.para.get(), u0, u1, m.line.get(), &st);
  const int32_t n = U_SUCCESS(st) ? ubidi_countRuns(m.line.get(), &st) : 0;
  if (U_FAILURE(st))
    throw Error(m.doc_id, "bidi line [" + std::to_string(ls) + ", " + std::to_string(le) + "): " + u_errorName(st));
  // UTF-16 offsets back to code points: a binary search over u16_of_cp (runs are few).
  auto cp_of = [&](int32_t u) {
    auto it = std::lower_bound(m.u16_of_cp.begin() + (ls - m.start), m.u16_of_cp.begin() + (le - m.start) + 1, u);
    return m.start + static_cast<uint32_t>(it - m.u16_of_cp.begin());
  };
  for (int32_t i = 0; i < n; ++i) {
    int32_t ustart = 0, ulen = 0;
    const UBiDiDirection d = ubidi_getVisualRun(m.line.get(), i, &ustart, &ulen);
    const uint32_t a = cp_of(u0 + ustart), b = cp_of(u0 + ustart + ulen);
    if (a < b) out.push_back({a, b, d == UBIDI_RTL});
  }
}

}  // namespace goldspan
