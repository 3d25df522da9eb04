#include "app/fonts.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "text/utf8.hpp"

namespace goldspan::ui {

void Fonts::add_ttf(std::string name, std::string bytes) {
  ttfs_.push_back({std::move(name), std::move(bytes)});
  dirty_ = true;
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
}

bool Fonts::prepare() {
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
  static ImVector<ImWchar> ranges;  // must outlive the atlas build
  ranges.clear();
  b.BuildRanges(&ranges);
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
  if (c == '\t') return font_->GetCharAdvance(' ') * 4 * (size_ / font_->FontSize);
  return font_->GetCharAdvance(static_cast<ImWchar>(c)) * (size_ / font_->FontSize);
}

float FontMeasure::line_height() const { return size_ * 1.25f + lane_height() * kLanes; }

}  // namespace goldspan::ui
