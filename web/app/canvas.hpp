#pragma once
// Canvas — draws one document with ImDrawList: only the visible lines, wrapped at token
// boundaries by Layout, with span highlights stacked in lanes, a selection and a token
// cursor. Turns mouse and keyboard input on the text into Selection changes; what a
// selection is used for (labelling, deleting) is the App's business.
#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/fonts.hpp"
#include "app/layout.hpp"
#include "text/bidi.hpp"
#include "text/shaper.hpp"

struct ImDrawList;

namespace goldspan::ui {

// A span as the canvas draws it.
struct SpanMark {
  uint64_t id = 0;
  uint32_t start = 0, end = 0;  // code points (one fragment)
  uint32_t color = 0;           // ImU32
  bool claim = false;           // claims: outlined box; entities: filled bar
  bool selected = false;
  bool linked = false;          // has relations
  uint32_t cluster = 0;         // its cluster's id (tagged with it), 0 when in none
  uint32_t cluster_color = 0;   // ImU32
  bool candidate = false;       // an allowed target while picking a relation's target
  bool focus = false;           // the candidate Tab is on
};

struct Rect { float x = 0, y = 0, w = 0, h = 0; };

class Canvas {
 public:
  using SpanQuery = std::function<void(uint32_t start, uint32_t end, std::vector<SpanMark>& out)>;
  using Hover = std::function<void(uint64_t span_id)>;
  // Drawn over the text each frame (relation arcs), told the span under the pointer.
  using Overlay = std::function<void(ImDrawList* dl, uint64_t hovered)>;

  void set_document(const Document* doc);
  const Document* document() const { return doc_; }
  void set_span_query(SpanQuery q) { spans_ = std::move(q); }
  void set_overlay(Overlay o) { overlay_ = std::move(o); }
  // Screen box of [start, end) on the first drawn line it touches; nullopt when no part of it
  // is on screen (overlays draw only what is visible).
  std::optional<Rect> visible_box(uint32_t start, uint32_t end) const;
  // Every drawn line's box of [start, end), top to bottom (appended to `out`).
  void visible_boxes(uint32_t start, uint32_t end, std::vector<Rect>& out, size_t max = SIZE_MAX) const;

  // Draws into the current ImGui window region; handles input when it has focus.
  void draw(Fonts& fonts, const Hover& on_hover);

  // Selection in code points (start <= end). In token mode it always covers whole tokens
  // from the anchor token to the cursor token; in character mode, grapheme boundaries.
  uint32_t sel_start() const;
  uint32_t sel_end() const;
  bool has_selection() const { return sel_end() > sel_start(); }
  void select(uint32_t start, uint32_t end);
  void clear_selection() { selecting_ = false; }

  bool char_mode() const { return char_mode_; }
  void set_char_mode(bool on) { char_mode_ = on; }

  // After a click: the span clicked (0 = the click was not on a span); nullopt when no click.
  std::optional<uint64_t> take_clicked_span() { auto r = clicked_span_; clicked_span_.reset(); return r; }

  // Scrolls so that code point `cp` is in view (applied on the next draw).
  void scroll_to(uint32_t cp) { pending_scroll_ = cp; }
  // Screen rectangle (ImGui display pixels) of code point `cp`, from the last drawn frame's
  // geometry; lays out its line if needed. nullopt when the canvas was never drawn.
  std::optional<Rect> char_rect(uint32_t cp);
  bool focused() const { return focused_; }
  float view_top() const { return view_top_; }  // screen y of the canvas's top edge, last frame
  void focus() { want_focus_ = true; }

  // The code points of the lines drawn last frame, [first line's start, last line's end).
  std::pair<uint32_t, uint32_t> visible_range() const {
    return lines_.empty() ? std::pair<uint32_t, uint32_t>{0, 0} : std::pair<uint32_t, uint32_t>{lines_.front().start, lines_.back().end};
  }
  // Frame statistics for the benchmark and the status bar.
  size_t lines_drawn() const { return lines_.size(); }
  const Layout& layout() const { return layout_; }

 private:
  void handle_mouse(float origin_x, float origin_y);
  void handle_keys();
  void move_caret(int dir, bool extend, bool by_line);
  uint32_t snap_grapheme(uint32_t cp) const;
  uint32_t token_near(uint32_t cp) const;
  uint32_t cursor_cp() const;
  const Line* line_at_y(float y) const;
  // The line shaped and reordered (cached until the width or the fonts change), and how far
  // right it is drawn (right-to-left paragraphs are right-aligned).
  const ShapedLine& shaped(const Line& line);
  float line_dx(const ShapedLine& s) const { return s.rtl ? layout_.width() - s.width : 0.0f; }
  // The logical code point under visual x, or the boundary nearest to it.
  uint32_t cp_under(const Line& line, float x);

  const Document* doc_ = nullptr;
  Layout layout_;
  std::optional<FontMeasure> measure_;
  uint32_t measured_generation_ = UINT32_MAX;
  // The app's fonts (they outlive the canvas). Their FontSet is asked for at each use: it is
  // replaced when a font arrives, possibly between this canvas's frames (a hidden pane).
  const Fonts* fonts_ = nullptr;
  struct Cached {
    ShapedLine line;
    uint64_t used = 0;  // frame it was last drawn or asked for
  };
  std::unordered_map<uint32_t, Cached> shaped_;   // by line start
  std::unordered_map<uint32_t, BidiBlock> bidi_;  // by layout block
  float shaped_width_ = -1;
  uint64_t frame_ = 0;
  SpanQuery spans_;
  Overlay overlay_;
  std::vector<Line> lines_;
  std::vector<const ShapedLine*> drawn_shapes_;  // per visible line, this frame
  std::vector<std::pair<float, float>> boxes_;   // scratch
  std::vector<SpanMark> marks_;
  // Token mode: token indices; character mode: code points.
  uint32_t anchor_ = 0, caret_ = 0;
  bool selecting_ = false;  // false: nothing selected (the cursor still has a position)
  bool char_mode_ = false, dragging_ = false, focused_ = false, want_focus_ = false;
  uint64_t last_hovered_ = 0, press_span_ = 0;
  uint32_t press_caret_ = 0;
  std::optional<uint32_t> pending_scroll_;
  std::optional<uint64_t> clicked_span_;
  float origin_x_ = 0, origin_y_ = 0, scroll_y_ = 0, view_h_ = 0, view_top_ = 0;
  bool drawn_ = false;
};

}  // namespace goldspan::ui
