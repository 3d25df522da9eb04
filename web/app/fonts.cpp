#include "app/fonts.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>

#include "text/scripts.hpp"
#include "text/utf8.hpp"

namespace goldspan::ui {

// [SECTION] Files, catalog and requests

void Fonts::add_ttf(std::string name, std::string bytes) {
  requested_.insert(name);
  ttfs_.push_back({std::move(name), std::move(bytes)});
  dirty_ = true;
  canvas_dirty_ = true;
}

bool Fonts::in_catalog(const std::string& name) const {
  return std::any_of(catalog_.begin(), catalog_.end(), [&](const ScriptFont& f) { return f.file == name; });
}

void Fonts::set_catalog(std::vector<ScriptFont> catalog, Request request) {
  catalog_ = std::move(catalog);
  request_ = std::move(request);
  canvas_dirty_ = true;
  request_new();
}

void Fonts::request_new() {
  if (!request_) return;
  for (const ScriptFont& f : catalog_) {
    if (requested_.count(f.file)) continue;
    const bool needed = std::any_of(f.scripts.begin(), f.scripts.end(), [&](const std::string& s) { return scripts_seen_.count(s); });
    if (!needed) continue;
    requested_.insert(f.file);
    request_(f.file);
  }
}

std::vector<std::string> Fonts::pending() const {
  std::vector<std::string> out;
  for (const std::string& r : requested_)
    if (std::none_of(ttfs_.begin(), ttfs_.end(), [&](const Ttf& t) { return t.name == r; })) out.push_back(r);
  return out;
}

std::vector<std::string> Fonts::loaded() const {
  std::vector<std::string> out;
  for (const Ttf& t : ttfs_) out.push_back(t.name);
  return out;
}

void Fonts::note_text(std::string_view s) {
  if (used_.empty()) used_.assign((0x110000 + 31) / 32, 0);
  for (size_t i = 0; i < s.size(); i += utf8::seq_len(static_cast<unsigned char>(s[i]))) {
    if (static_cast<unsigned char>(s[i]) < 0x80) continue;  // ASCII is always in the atlas
    const char32_t c = utf8::decode(s, i);
    uint32_t& w = used_[c >> 5];
    const uint32_t bit = 1u << (c & 31);
    if (!(w & bit)) {
      w |= bit;
      dirty_ = true;
    }
  }
  const size_t before = scripts_seen_.size();
  for (std::string& sc : scripts_in(s)) scripts_seen_.insert(std::move(sc));
  if (scripts_seen_.size() != before) request_new();
}

// [SECTION] Atlases

// Canvas fallback order: text fonts, then script fonts in catalog order, then the UI font
// (it has the symbols the others lack). A new FontSet each time: its generation tells the
// glyph atlas and the shaped-line caches to start over.
void Fonts::rebuild_canvas_fonts() {
  canvas_dirty_ = false;
  if (ttfs_.empty()) return;
  auto set = std::make_unique<FontSet>();
  // text_size() is the line's text height (as ImGui sizes fonts: ascent to descent); an em of
  // Noto Sans is about 0.86 of that.
  set->set_pixel_size(text_size() * 0.86f);
  std::vector<const Ttf*> order;
  for (size_t i = 1; i < ttfs_.size(); ++i)
    if (!in_catalog(ttfs_[i].name)) order.push_back(&ttfs_[i]);
  for (const ScriptFont& f : catalog_)
    for (const Ttf& t : ttfs_)
      if (t.name == f.file) order.push_back(&t);
  order.push_back(&ttfs_[0]);
  for (const Ttf* t : order) {
    try {
      set->add(t->name, t->bytes);
    } catch (const std::exception&) {
      // An unreadable file is left out; the others still draw (the UI font always loads).
    }
  }
  ++canvas_generation_;
  shaping_ = std::move(set);
  atlas_.set_fonts(shaping_.get());
}

bool Fonts::prepare() {
  if (canvas_dirty_) rebuild_canvas_fonts();
  if (!dirty_ || ttfs_.empty()) return false;
  dirty_ = false;
  ImGuiIO& io = ImGui::GetIO();
  ImFontAtlas& atlas = *io.Fonts;
  atlas.Clear();
  // Ranges: printable ASCII and Latin-1 for the UI, plus every character seen in documents.
  ImFontGlyphRangesBuilder b;
  b.AddRanges(atlas.GetGlyphRangesDefault());
  b.AddText("\xE2\x80\xA6\xE2\x80\x9C\xE2\x80\x9D\xC2\xB7\xE2\x86\x92\xE2\x80\x94\xE2\x96\xBC");  // … “ ” · → — ▼ in the UI
  for (size_t w = 0; w < used_.size(); ++w)
    for (uint32_t bits = used_[w]; bits; bits &= bits - 1)
      b.AddChar(static_cast<ImWchar>(w * 32 + __builtin_ctz(bits)));
  // Panels draw Arabic as presentation forms (text/visual_order.hpp): joined, not shaped.
  static const ImWchar arabic_forms[] = {0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0};
  if (scripts_seen_.count("Arab")) b.AddRanges(arabic_forms);
  static ImVector<ImWchar> ranges;  // must outlive the atlas build
  ranges.clear();
  b.BuildRanges(&ranges);
  // Panels show document text unshaped: every loaded font fills the UI font's gaps.
  for (size_t i = 0; i < ttfs_.size(); ++i) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    cfg.MergeMode = i > 0;
    cfg.OversampleH = 1;  // text is drawn at its pixel size; oversampling only grows the atlas
    cfg.PixelSnapH = true;
    ImFont* f = atlas.AddFontFromMemoryTTF(ttfs_[i].bytes.data(), static_cast<int>(ttfs_[i].bytes.size()),
                                           text_size(), &cfg, ranges.Data);
    if (i == 0) text_font_ = f;
  }
  atlas.Build();
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  return true;
}

float FontMeasure::advance(char32_t c) const {
  const FontSet* f = fonts_->shaping();
  return f && f->size() ? f->advance(c) : size_ * 0.5f;
}

float FontMeasure::line_height() const { return size_ * 1.25f + lane_height() * kLanes; }

}  // namespace goldspan::ui
