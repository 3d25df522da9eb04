// FontSet: faces read by HarfBuzz (hb-ot functions), code point -> face/advance caches.
#include <cmath>

#include "error.hpp"
#include "text/font_set_impl.hpp"
#include "text/shaper.hpp"

namespace goldspan {

FontSet::Impl::Face::~Face() {
  hb_font_destroy(font);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
}

FontSet::Impl::Impl() : buffer(hb_buffer_create()) {}
FontSet::Impl::~Impl() { hb_buffer_destroy(buffer); }

void FontSet::Impl::rescale() {
  for (auto& f : faces) f->px_per_unit = em_px / float(f->upem);
}

const FontSet::Impl::Entry& FontSet::Impl::lookup(char32_t c) const {
  if (shaped_as_space(c)) c = ' ';
  Entry* e;
  if (c < kDirect) {
    if (direct.empty()) direct.resize(kDirect);
    e = &direct[c];
  } else {
    e = &other[c];
  }
  if (e->face != -2) return *e;
  e->face = -1;
  for (size_t i = 0; i < faces.size(); ++i) {
    hb_codepoint_t g = 0;
    if (hb_font_get_nominal_glyph(faces[i]->font, c, &g)) {
      e->face = static_cast<int16_t>(i);
      e->advance = hb_font_get_glyph_h_advance(faces[i]->font, g);
      return *e;
    }
  }
  e->advance = faces.empty() ? 0 : hb_font_get_glyph_h_advance(faces[0]->font, 0);
  return *e;
}

FontSet::FontSet() : impl_(std::make_unique<Impl>()) {}
FontSet::~FontSet() = default;
FontSet::FontSet(FontSet&&) noexcept = default;
FontSet& FontSet::operator=(FontSet&&) noexcept = default;

int FontSet::add(std::string name, std::string bytes, unsigned ttc_index) {
  auto f = std::make_unique<Impl::Face>();
  f->name = std::move(name);
  f->bytes = std::make_unique<std::string>(std::move(bytes));
  f->ttc_index = ttc_index;
  f->blob = hb_blob_create(f->bytes->data(), static_cast<unsigned>(f->bytes->size()),
                           HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  f->face = hb_face_create(f->blob, ttc_index);
  if (hb_face_get_glyph_count(f->face) == 0)
    throw Error(f->name, "not a font HarfBuzz can read (face " + std::to_string(ttc_index) + " of " +
                             std::to_string(f->bytes->size()) + " bytes has no glyphs)");
  f->upem = hb_face_get_upem(f->face);
  f->font = hb_font_create(f->face);  // hb-ot font functions, scale = upem
  f->has_space = hb_font_get_nominal_glyph(f->font, ' ', &f->space_gid);
  f->space_advance = f->has_space ? hb_font_get_glyph_h_advance(f->font, f->space_gid)
                                  : static_cast<int32_t>(f->upem / 4);
  impl_->faces.push_back(std::move(f));
  impl_->rescale();
  // A new face can only fill code points no earlier face had: forget the misses.
  for (auto& e : impl_->direct) if (e.face == -1) e.face = -2;
  for (auto& kv : impl_->other) if (kv.second.face == -1) kv.second.face = -2;
  ++impl_->generation;
  return static_cast<int>(impl_->faces.size() - 1);
}

size_t FontSet::size() const noexcept { return impl_->faces.size(); }

void FontSet::set_pixel_size(float em_px) {
  if (!(em_px > 0) || !std::isfinite(em_px))
    throw Error("FontSet", "pixel size must be positive, got " + std::to_string(em_px));
  impl_->em_px = em_px;
  impl_->rescale();
  ++impl_->generation;
}

float FontSet::pixel_size() const noexcept { return impl_->em_px; }

int FontSet::face_for(char32_t c) const { return impl_->lookup(c).face; }

bool FontSet::has_glyph(int face, char32_t c) const {
  if (face < 0 || size_t(face) >= impl_->faces.size()) return false;
  if (shaped_as_space(c)) c = ' ';
  hb_codepoint_t g = 0;
  return hb_font_get_nominal_glyph(impl_->faces[face]->font, c, &g);
}

float FontSet::advance(char32_t c) const {
  if (impl_->faces.empty()) return 0;
  const Impl::Entry& e = impl_->lookup(c);
  const auto& f = *impl_->faces[e.face < 0 ? 0 : e.face];
  return float(e.advance) * f.px_per_unit * (c == '\t' ? 4.0f : 1.0f);
}

float FontSet::ascent() const {
  if (impl_->faces.empty()) return 0;
  const auto& f = *impl_->faces[0];
  hb_font_extents_t x{};
  hb_font_get_h_extents(f.font, &x);
  return float(x.ascender) * f.px_per_unit;
}

float FontSet::descent() const {
  if (impl_->faces.empty()) return 0;
  const auto& f = *impl_->faces[0];
  hb_font_extents_t x{};
  hb_font_get_h_extents(f.font, &x);
  return float(-x.descender) * f.px_per_unit;
}

namespace {
const FontSet::Impl::Face& face_at(const FontSet::Impl& m, int face) {
  if (face < 0 || size_t(face) >= m.faces.size())
    throw Error("FontSet", "no face " + std::to_string(face) + " (" + std::to_string(m.faces.size()) + " faces)");
  return *m.faces[face];
}
}  // namespace

const std::string& FontSet::name(int face) const { return face_at(*impl_, face).name; }
const std::string& FontSet::bytes(int face) const { return *face_at(*impl_, face).bytes; }
unsigned FontSet::ttc_index(int face) const { return face_at(*impl_, face).ttc_index; }
uint32_t FontSet::units_per_em(int face) const { return face_at(*impl_, face).upem; }
uint32_t FontSet::generation() const noexcept { return impl_->generation; }

}  // namespace goldspan
