#pragma once
// Fonts — the page's font files, in two roles. The UI chrome draws with an ImGui atlas that
// holds only the code points present (UI text plus loaded documents), rebuilt when documents
// bring new ones. The canvas draws shaped text from a FontSet (HarfBuzz faces, in fallback
// order) through its own GlyphAtlas. Script fonts (Arabic, Devanagari, CJK, ...) are fetched
// only when a loaded document uses their script: the page's catalog says which file covers
// which ISO 15924 scripts, and Fonts asks the platform for a file the first time it is needed.
#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app/glyph_atlas.hpp"
#include "app/layout.hpp"
#include "text/shaper.hpp"

struct ImFont;

namespace goldspan::ui {

struct ScriptFont {
  std::string file;                  // the page's URL for it, e.g. "fonts/NotoSansArabic-Regular.ttf"
  std::vector<std::string> scripts;  // ISO 15924 codes it covers
};

class Fonts {
 public:
  using Request = std::function<void(const std::string& file)>;

  // Takes a copy of the font bytes. The first file added is the UI font (and the canvas's last
  // fallback); files of the catalog are script fonts; any other is a canvas text font, tried
  // first in the order added.
  void add_ttf(std::string name, std::string bytes);
  void set_scale(float scale) { scale_ = scale; dirty_ = true; canvas_dirty_ = true; }
  float scale() const { return scale_; }

  // The script fonts the page offers, and how to ask for one. Scripts already noted are
  // requested at once.
  void set_catalog(std::vector<ScriptFont> catalog, Request request);
  // Notes the characters and scripts of `text`; the UI atlas is rebuilt on the next prepare()
  // if any character is new, and a script font is requested if a script is new.
  void note_text(std::string_view utf8);
  // Files requested and not yet added.
  std::vector<std::string> pending() const;
  std::vector<std::string> loaded() const;

  // Rebuilds the UI atlas and the canvas faces when needed. Call between frames (before
  // NewFrame). True if the UI atlas was rebuilt.
  bool prepare();

  ImFont* text_font() const { return text_font_; }
  float text_size() const { return 17.0f * scale_; }
  // The canvas's faces (null until a font was added) and its glyph atlas.
  const FontSet* shaping() const { return shaping_.get(); }
  GlyphAtlas& atlas() { return atlas_; }
  // Bumps whenever the canvas's faces change (a font arrived, the scale changed): what was
  // shaped or measured with the old ones is stale.
  uint32_t canvas_generation() const { return canvas_generation_; }

 private:
  struct Ttf { std::string name, bytes; };
  bool in_catalog(const std::string& name) const;
  void request_new();
  void rebuild_canvas_fonts();

  std::vector<Ttf> ttfs_;
  std::vector<uint32_t> used_;  // bitset over code points
  std::set<std::string> scripts_seen_, requested_;
  std::vector<ScriptFont> catalog_;
  Request request_;
  float scale_ = 1;
  bool dirty_ = true, canvas_dirty_ = true;
  ImFont* text_font_ = nullptr;
  uint32_t canvas_generation_ = 0;
  std::unique_ptr<FontSet> shaping_;
  GlyphAtlas atlas_;
};

// Advances from the canvas's faces, for Layout's line breaking; drawing uses shaped lines.
class FontMeasure : public Measure {
 public:
  // Reads the current faces at each call: they are replaced when a font arrives.
  FontMeasure(const Fonts* fonts, float size) : fonts_(fonts), size_(size) {}
  float advance(char32_t c) const override;
  float line_height() const override;
  float paragraph_gap() const override { return size_ * 0.6f; }
  float text_height() const { return size_; }
  // Vertical room under the text for span bars.
  float lane_height() const { return size_ * 0.22f; }
  static constexpr int kLanes = 3;

 private:
  const Fonts* fonts_;
  float size_;
};

}  // namespace goldspan::ui
