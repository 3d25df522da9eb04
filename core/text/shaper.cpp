// shape_line: bidi runs -> script/face items -> HarfBuzz -> glyphs and per-code-point boxes.
//
// [SECTION] Scripts      ICU script of each code point, Common/Inherited resolved to neighbours
// [SECTION] Items        a bidi run cut where the resolved script or the face changes
// [SECTION] Shaping      one item through hb_shape; glyph clusters back to code point boxes
// [SECTION] shape_line
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>

#include "error.hpp"
#include "text/document.hpp"
#include "text/font_set_impl.hpp"
#include "text/shaper.hpp"

namespace goldspan {

namespace {

// [SECTION] Scripts ---------------------------------------------------------------------------

UScriptCode script_of(char32_t c) {
  if (c < 0x80) {
    const bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return letter ? USCRIPT_LATIN : USCRIPT_COMMON;
  }
  UErrorCode st = U_ZERO_ERROR;
  const UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &st);
  return U_FAILURE(st) ? USCRIPT_COMMON : s;
}

// Han, Hiragana and Katakana (one Japanese sentence switches every few characters) shape as
// one item: the CJK fonts' horizontal features are the same for the three, and one hb_shape
// call per switch made Japanese lines four times as slow as Latin ones.
UScriptCode merged_script(UScriptCode s) {
  return s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA || s == USCRIPT_KATAKANA_OR_HIRAGANA ? USCRIPT_HAN : s;
}

bool is_weak_script(UScriptCode s) { return s == USCRIPT_COMMON || s == USCRIPT_INHERITED || s == USCRIPT_UNKNOWN; }

// Once per item: ISO 15924 codes are HarfBuzz's script tags.
hb_script_t hb_script_of(UScriptCode s) {
  const char* tag = uscript_getShortName(s);
  const hb_script_t h = tag ? hb_script_from_string(tag, -1) : HB_SCRIPT_COMMON;
  return h == HB_SCRIPT_INVALID || h == HB_SCRIPT_UNKNOWN ? HB_SCRIPT_COMMON : h;
}

// [SECTION] Items -----------------------------------------------------------------------------

struct Item {
  uint32_t start = 0, end = 0;  // document code points
  UScriptCode script = USCRIPT_COMMON;
  int face = 0;
};

// What one line needs from the document and the block, gathered once.
struct LineCtx {
  const FontSet& fonts;
  FontSet::Impl& fm;
  const Document& doc;
  const std::u32string& block;  // the block's code points
  uint32_t bs = 0;              // block start
  uint32_t ls = 0, le = 0;
  std::vector<uint8_t> boundary;  // grapheme boundary before ls+i, i in [0, le-ls]
  char32_t cp(uint32_t c) const { return block[c - bs]; }
  bool gb(uint32_t c) const { return boundary[c - ls] != 0; }
};

// Cuts logical [a, b) into items, in logical order.
void items_of(const LineCtx& L, uint32_t a, uint32_t b, std::vector<Item>& out) {
  out.clear();
  // Scripts: Inherited/Common take the previous strong script, leading ones the next.
  thread_local std::vector<UScriptCode> raw, sc;
  raw.resize(b - a);
  sc.resize(b - a);
  UScriptCode last = USCRIPT_INVALID_CODE;
  size_t first_strong = sc.size();
  for (uint32_t c = a; c < b; ++c) {
    const size_t i = c - a;
    raw[i] = merged_script(script_of(L.cp(c)));
    if (is_weak_script(raw[i])) {
      sc[i] = last;
    } else {
      sc[i] = last = raw[i];
      if (first_strong == sc.size()) first_strong = i;
    }
  }
  const UScriptCode lead = first_strong < sc.size() ? sc[first_strong] : USCRIPT_COMMON;
  for (size_t i = 0; i < std::min(first_strong, sc.size()); ++i) sc[i] = lead;

  Item cur;
  bool open = false;
  for (uint32_t c = a; c < b; ++c) {
    const char32_t ch = L.cp(c);
    const UScriptCode s = sc[c - a];
    int face;
    if (open && !L.gb(c)) {
      face = cur.face;  // a mark, ZWJ, variation selector or modifier stays on its base
    } else {
      const int f = L.fonts.face_for(ch);
      const bool weak = shaped_as_space(ch) || is_weak_script(raw[c - a]);
      if (open && f != cur.face && weak && L.fonts.has_glyph(cur.face, ch)) face = cur.face;
      else if (f < 0) face = open ? cur.face : 0;
      else face = f;
    }
    if (!open || face != cur.face || s != cur.script) {
      if (open) out.push_back(cur);
      cur = Item{c, c, s, face};
      open = true;
    }
    cur.end = c + 1;
  }
  if (open) out.push_back(cur);
}

// [SECTION] Shaping ---------------------------------------------------------------------------

// A glyph cluster, then a unit of one or more clusters that starts at a grapheme boundary.
struct Unit {
  uint32_t cp = 0;  // logical start
  float x0 = 0, x1 = 0;
};

// Shapes one item at pen x `pen` into `out`; returns the new pen.
float shape_item(LineCtx& L, const Item& it, bool rtl, hb_language_t lang, uint32_t ctx0,
                 float pen, ShapedLine& out) {
  FontSet::Impl& m = L.fm;
  const FontSet::Impl::Face& face = *m.faces[it.face];
  const float k = face.px_per_unit;
  hb_buffer_t* buf = m.buffer;
  hb_buffer_clear_contents(buf);
  hb_buffer_set_direction(buf, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, hb_script_of(it.script));
  hb_buffer_set_language(buf, lang);
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES);
  // The whole context is given, so Arabic joins across item and line edges.
  hb_buffer_add_utf32(buf, reinterpret_cast<const uint32_t*>(m.text.data()), static_cast<int>(m.text.size()),
                      it.start - ctx0, static_cast<int>(it.end - it.start));
  hb_shape(face.font, buf, nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, nullptr);

  thread_local std::vector<Unit> units;
  units.clear();
  for (unsigned i = 0; i < n; ++i) {
    const uint32_t cp = ctx0 + info[i].cluster;
    int32_t adv = pos[i].x_advance;
    if (L.cp(cp) == '\t' && info[i].codepoint == face.space_gid) adv = 4 * face.space_advance;
    const float x = pen + float(pos[i].x_offset) * k;
    if (!(face.has_space && info[i].codepoint == face.space_gid))
      out.glyphs.push_back(Glyph{info[i].codepoint, static_cast<uint16_t>(it.face), x,
                                 -float(pos[i].y_offset) * k, cp});
    const float next = pen + float(adv) * k;
    if (units.empty() || units.back().cp != cp) units.push_back(Unit{cp, pen, next});
    else units.back().x1 = next;
    pen = next;
  }
  // Logical order; a cluster that does not start a grapheme joins the one before it.
  std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.cp < b.cp; });
  size_t w = 0;
  for (size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    if (w > 0 && (u.cp == units[w - 1].cp || !L.gb(u.cp))) {
      units[w - 1].x0 = std::min(units[w - 1].x0, u.x0);
      units[w - 1].x1 = std::max(units[w - 1].x1, u.x1);
    } else {
      units[w++] = u;
    }
  }
  units.resize(w);
  if (!units.empty()) units[0].cp = it.start;  // code points before the first cluster belong to it

  // Each unit's width shared by its graphemes in equal parts, the first logical one leading.
  for (size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    const uint32_t ue = i + 1 < units.size() ? units[i + 1].cp : it.end;
    uint32_t graphemes = 0;
    for (uint32_t c = u.cp; c < ue; ++c) graphemes += L.gb(c) ? 1 : 0;
    if (graphemes == 0) graphemes = 1;
    const float part = (u.x1 - u.x0) / float(graphemes);
    uint32_t j = 0, g0 = u.cp;
    for (uint32_t c = u.cp; c < ue; ++c) {
      if (c > u.cp && L.gb(c)) { ++j; g0 = c; }
      uint32_t g1 = c + 1;
      while (g1 < L.le && !L.gb(g1)) ++g1;
      ShapedLine::Cp& b = out.cps[c - L.ls];
      b.x0 = rtl ? u.x1 - float(j + 1) * part : u.x0 + float(j) * part;
      b.x1 = rtl ? u.x1 - float(j) * part : u.x0 + float(j + 1) * part;
      b.g0 = g0;
      b.g1 = g1;
      b.rtl = rtl;
    }
  }
  return pen;
}

}  // namespace

// [SECTION] shape_line ------------------------------------------------------------------------

void shape_line(const FontSet& fonts, const Document& doc, const BidiBlock& bidi, uint32_t ls,
                uint32_t le, ShapedLine& out, std::string_view language) {
  FontSet::Impl& m = fonts.impl();
  if (m.faces.empty()) throw Error(doc.id(), "shape_line: the FontSet has no faces");
  if (ls < bidi.start() || le > bidi.end() || ls > le)
    throw Error(doc.id(), "shape_line: line [" + std::to_string(ls) + ", " + std::to_string(le) +
                              ") outside bidi block [" + std::to_string(bidi.start()) + ", " +
                              std::to_string(bidi.end()) + ")");
  out.start = ls;
  out.end = le;
  out.rtl = bidi.rtl();
  out.width = 0;
  out.glyphs.clear();
  out.cps.assign(le - ls, ShapedLine::Cp{});
  if (ls == le) return;

  LineCtx L{fonts, m, doc, bidi.text(), bidi.start(), ls, le, {}};
  L.boundary.resize(le - ls + 1);
  // Most boundaries need no ICU call (and no offset lookup): see may_join_cluster.
  L.boundary[0] = L.boundary[le - ls] = 1;
  for (uint32_t c = ls + 1; c < le; ++c) {
    const bool sure = !may_join_cluster(L.cp(c - 1)) && !may_join_cluster(L.cp(c));
    L.boundary[c - ls] = sure || doc.is_grapheme_boundary(c) ? 1 : 0;
  }

  // HarfBuzz looks at up to 5 code points of context on each side.
  const uint32_t ctx0 = std::max(bidi.start(), ls >= 5 ? ls - 5 : 0u);
  const uint32_t ctx1 = std::min(bidi.end(), le + 5);
  m.text.assign(L.block.begin() + (ctx0 - L.bs), L.block.begin() + (ctx1 - L.bs));
  for (char32_t& c : m.text) if (shaped_as_space(c)) c = ' ';

  const hb_language_t lang = hb_language_from_string(language.empty() ? "und" : language.data(),
                                                     language.empty() ? -1 : static_cast<int>(language.size()));
  bidi.line_runs(ls, le, m.runs);
  thread_local std::vector<Item> items;
  float pen = 0;
  for (const BidiBlock::Run& r : m.runs) {
    items_of(L, r.start, r.end, items);
    if (r.rtl) std::reverse(items.begin(), items.end());  // visual order of a right-to-left run
    for (const Item& it : items) pen = shape_item(L, it, r.rtl, lang, ctx0, pen, out);
  }
  out.width = pen;
}

}  // namespace goldspan
