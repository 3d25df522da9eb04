#include "app/canvas.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // SetNextWindowScroll: scroll before the child begins, same frame

#include <algorithm>
#include <cstdio>
#include <cmath>

#include "app/keys.hpp"
#include "app/solid_fill.hpp"
#include "text/utf8.hpp"

namespace goldspan::ui {

// [SECTION] Document and selection

void Canvas::set_document(const Document* doc) {
  doc_ = doc;
  measure_.reset();  // forces a layout reset on the next draw
  anchor_ = caret_ = 0;
  selecting_ = false;
  lines_.clear();
  drawn_ = false;
  if (doc_) ImGui::SetScrollY(0);
}

void Canvas::select(uint32_t start, uint32_t end) {
  if (!doc_) return;
  start = std::min(start, doc_->length());
  end = std::min(std::max(start, end), doc_->length());
  if (char_mode_) {
    anchor_ = snap_grapheme(start);
    caret_ = snap_grapheme(end);
  } else {
    anchor_ = token_near(start);
    caret_ = end > start ? token_near(end - 1) : anchor_;
  }
  selecting_ = true;
  pending_scroll_ = start;
}

uint32_t Canvas::sel_start() const {
  if (!doc_ || !selecting_) return 0;
  if (char_mode_) return std::min(anchor_, caret_);
  return doc_->tokens().empty() ? 0 : doc_->tokens()[std::min(anchor_, caret_)].start;
}

uint32_t Canvas::sel_end() const {
  if (!doc_ || !selecting_) return 0;
  if (char_mode_) return std::max(anchor_, caret_);
  return doc_->tokens().empty() ? 0 : doc_->tokens()[std::max(anchor_, caret_)].end;
}

uint32_t Canvas::cursor_cp() const {
  if (char_mode_ || doc_->tokens().empty()) return caret_;
  const Token& t = doc_->tokens()[caret_];
  return caret_ >= anchor_ ? t.end : t.start;
}

uint32_t Canvas::snap_grapheme(uint32_t cp) const {
  while (cp > 0 && !doc_->is_grapheme_boundary(cp)) --cp;
  return cp;
}

// The token containing cp, else the nearer of its neighbours.
uint32_t Canvas::token_near(uint32_t cp) const {
  const auto& toks = doc_->tokens();
  if (toks.empty()) return 0;
  const size_t t = doc_->token_at_or_after(cp);
  if (t >= toks.size()) return static_cast<uint32_t>(toks.size() - 1);
  if (toks[t].start <= cp || t == 0) return static_cast<uint32_t>(t);
  return cp - toks[t - 1].end < toks[t].start - cp ? static_cast<uint32_t>(t - 1) : static_cast<uint32_t>(t);
}

// [SECTION] Shaped lines

const ShapedLine& Canvas::shaped(const Line& line) {
  auto it = shaped_.find(line.start);
  if (it == shaped_.end() || it->second.line.end != line.end) {
    auto bi = bidi_.find(line.block);
    if (bi == bidi_.end()) {
      const auto [b0, b1] = layout_.block_range(line.block);
      bi = bidi_.emplace(line.block, BidiBlock()).first;
      bi->second.resolve(*doc_, b0, b1);
    }
    Cached& c = shaped_[line.start];
    shape_line(*fonts_->shaping(), *doc_, bi->second, line.start, line.end, c.line);
    it = shaped_.find(line.start);
  }
  it->second.used = frame_;
  return it->second.line;
}

uint32_t Canvas::cp_under(const Line& line, float x) {
  const ShapedLine& s = shaped(line);
  x -= line_dx(s);
  const uint32_t b = s.cp_at(x);
  for (uint32_t cp : {b, b ? b - 1 : b}) {  // the code point whose box holds x, next to it
    if (cp < s.start || cp >= s.end) continue;
    const auto [x0, x1] = s.cp_box(cp);
    if (x >= x0 && x < x1) return cp;
  }
  return b;
}

// [SECTION] Drawing

void Canvas::draw(Fonts& fonts, const Hover& on_hover) {
  const float size = fonts.text_size();
  const float pad = std::round(size * 0.8f);
  ++frame_;
  fonts_ = &fonts;
  if (pending_scroll_ && doc_ && measure_) {
    const Line l = layout_.line_of(*pending_scroll_);
    if (l.y < scroll_y_ || l.y + measure_->line_height() > scroll_y_ + view_h_ - pad)
      ImGui::SetNextWindowScroll(ImVec2(-1.0f, std::max(0.0f, l.y - view_h_ / 3)));
    pending_scroll_.reset();
  }
  ImGui::BeginChild("##canvas", ImVec2(0, 0), false, ImGuiWindowFlags_NoNavInputs | ImGuiWindowFlags_NoBackground);
  {  // the paper, under everything the canvas draws (solid_fill.hpp says why not ChildBg)
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    fill_solid(w->DrawList, w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y), IM_COL32(253, 252, 248, 255));
  }
  if (want_focus_) {
    ImGui::SetWindowFocus();
    want_focus_ = false;
  }
  focused_ = ImGui::IsWindowFocused();
  if (!doc_ || !fonts.shaping() || !fonts.shaping()->size()) {
    ImGui::TextDisabled(doc_ ? "Loading fonts..." : "No document open.");
    ImGui::EndChild();
    return;
  }
  const float width = std::max(50.0f, ImGui::GetContentRegionAvail().x - 2 * pad);
  // New faces (a script font arrived, the scale changed) change advances: lay out again.
  if (!measure_ || measured_generation_ != fonts.canvas_generation()) {
    measure_.emplace(&fonts, size);
    measured_generation_ = fonts.canvas_generation();
    layout_.reset(doc_, &*measure_, width);
    shaped_.clear();
    bidi_.clear();
  } else if (std::fabs(width - layout_.width()) > 0.5f) {
    layout_.set_width(width);
  }
  if (layout_.width() != shaped_width_) {  // lines are cut anew: shapes keyed by start are stale
    shaped_.clear();
    shaped_width_ = layout_.width();
  }
  if (shaped_.size() > 4096)  // keep what the last frames drew
    for (auto it = shaped_.begin(); it != shaped_.end();) it = it->second.used + 2 < frame_ ? shaped_.erase(it) : std::next(it);
  if (pending_scroll_) {  // first frame of a document: no geometry before this point
    const Line l = layout_.line_of(*pending_scroll_);
    ImGui::SetScrollY(std::max(0.0f, l.y - ImGui::GetWindowHeight() / 3));
    pending_scroll_.reset();
  }

  scroll_y_ = ImGui::GetScrollY();
  view_h_ = ImGui::GetWindowHeight();
  const ImVec2 win = ImGui::GetWindowPos();
  origin_x_ = win.x + pad;
  origin_y_ = win.y + pad - scroll_y_;
  view_top_ = win.y;
  layout_.visible_lines(scroll_y_ - pad, scroll_y_ + view_h_, lines_);
  drawn_shapes_.resize(lines_.size());
  for (size_t i = 0; i < lines_.size(); ++i) drawn_shapes_[i] = &shaped(lines_[i]);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float th = measure_->text_height(), lane = measure_->lane_height();
  const uint32_t s0 = sel_start(), s1 = sel_end();
  const uint32_t cursor = selecting_ ? cursor_cp() : UINT32_MAX;
  const ImU32 text_col = IM_COL32(30, 30, 36, 255);
  uint64_t hovered = 0;
  const ImVec2 mouse = ImGui::GetMousePos();
  const bool hover_window = ImGui::IsWindowHovered();
  struct Tag {
    uint32_t cluster, color;
    float x, y;
  };
  std::vector<Tag> tags;  // cluster tags, drawn over the text once all boxes are down

  // Pass 1: spans (entities as tinted boxes with a bar in their lane, claims as outlined boxes)
  // and the selection. A span that reordering splits is drawn as several boxes.
  for (size_t li = 0; li < lines_.size(); ++li) {
    const Line& line = lines_[li];
    const ShapedLine& sl = *drawn_shapes_[li];
    const float y = origin_y_ + line.y, ox = origin_x_ + line_dx(sl);
    marks_.clear();
    if (spans_) spans_(line.start, line.end, marks_);
    std::sort(marks_.begin(), marks_.end(), [](const SpanMark& a, const SpanMark& b) {
      return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::vector<uint32_t> lane_end;  // greedy lanes: outer spans first, nested below
    for (const SpanMark& m : marks_) {
      size_t k = 0;
      while (k < lane_end.size() && lane_end[k] > m.start) ++k;
      if (k == lane_end.size()) lane_end.push_back(0);
      lane_end[k] = m.end;
      const ImU32 fill = (m.color & 0x00FFFFFF) | (m.claim ? 0x22000000u : 0x44000000u);
      const float by = y + th * 1.2f + lane * float(std::min<size_t>(k, FontMeasure::kLanes - 1));
      boxes_.clear();
      sl.boxes(std::max(m.start, line.start), std::min(m.end, line.end), boxes_);
      for (const auto& [bx0, bx1] : boxes_) {
        const float x0 = ox + bx0, x1 = ox + bx1;
        dl->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + th * 1.15f), fill, 3.0f);
        if (m.claim) {
          dl->AddRect(ImVec2(x0, y - 1), ImVec2(x1, by + lane * 0.6f), m.color, 3.0f, 0, m.selected ? 2.5f : 1.2f);
        } else {
          dl->AddRectFilled(ImVec2(x0, by), ImVec2(x1, by + lane * 0.6f), m.color, 1.0f);
          if (m.selected) dl->AddRect(ImVec2(x0 - 1, y - 1), ImVec2(x1 + 1, by + lane * 0.6f + 1), IM_COL32(20, 20, 20, 255), 3.0f, 0, 2.0f);
        }
        if (m.candidate)
          dl->AddRect(ImVec2(x0 - 2, y - 3), ImVec2(x1 + 2, by + lane * 0.6f + 2), IM_COL32(0, 150, 90, 255), 4.0f, 0,
                      m.focus ? 3.5f : 1.5f);
        if (hover_window && mouse.x >= x0 && mouse.x < x1 && mouse.y >= y && mouse.y < by + lane) hovered = m.id;
      }
      // Marks at the span's logical end (its right edge in left-to-right text, left in RTL).
      if (m.end <= line.end) {
        const float xe = ox + sl.caret_x(m.end);
        if (m.linked) dl->AddCircleFilled(ImVec2(xe, y + 2), lane * 0.35f, m.color);
        if (m.cluster) tags.push_back({m.cluster, m.cluster_color, xe, y});
      }
    }
    if (s1 > s0 && s0 < line.end && s1 > line.start) {
      boxes_.clear();
      sl.boxes(std::max(s0, line.start), std::min(s1, line.end), boxes_);
      for (const auto& [bx0, bx1] : boxes_)
        dl->AddRectFilled(ImVec2(ox + bx0, y), ImVec2(ox + bx1, y + th * 1.15f), IM_COL32(80, 140, 255, 90), 2.0f);
    }
  }

  // Pass 2: the glyphs, from the canvas's own atlas in one texture run (whitespace has no ink).
  GlyphAtlas& atlas = fonts.atlas();
  if (atlas.texture()) {
    dl->PushTextureID(atlas.texture());
    const float ascent = fonts.shaping()->ascent();
    for (size_t li = 0; li < lines_.size(); ++li) {
      const ShapedLine& sl = *drawn_shapes_[li];
      const float ox = origin_x_ + line_dx(sl), base = std::round(origin_y_ + lines_[li].y + ascent);
      for (const Glyph& g : sl.glyphs) {
        const GlyphAtlas::Entry& e = atlas.get(g.face, g.id);
        if (e.empty()) continue;
        const float gx = std::round(ox + g.x) + e.x0, gy = std::round(base + g.y) + e.y0;
        const float w = float(e.x1 - e.x0), h = float(e.y1 - e.y0);
        dl->PrimReserve(6, 4);
        dl->PrimRectUV(ImVec2(gx, gy), ImVec2(gx + w, gy + h), ImVec2(atlas.u(e.px), atlas.v(e.py)),
                       ImVec2(atlas.u(e.px + int(w)), atlas.v(e.py + int(h))), text_col);
      }
    }
    dl->PopTextureID();
  } else {
    // The first frame has no texture yet: fill the atlas so the next frame can draw.
    for (const ShapedLine* sl : drawn_shapes_)
      for (const Glyph& g : sl->glyphs) atlas.get(g.face, g.id);
  }

  // Pass 3: cluster tags (the cluster's number on its colour, raised at the span's end like a
  // footnote mark; tags ending at the same place side by side) and the cursor.
  ImFont* font = fonts.text_font();
  if (!tags.empty() && font) {
    const float ts = size * 0.62f, pad_x = 2.0f;
    std::vector<std::pair<float, float>> placed;
    float placed_y = -1;
    for (const Tag& t : tags) {
      if (t.y != placed_y) placed.clear(), placed_y = t.y;
      char num[12];
      std::snprintf(num, sizeof num, "%u", t.cluster);
      const float w = font->CalcTextSizeA(ts, 1e9f, 0, num).x + 2 * pad_x;
      float x = t.x - w * 0.5f;
      for (bool moved = true; moved;) {
        moved = false;
        for (const auto& [a, b] : placed)
          if (x < b && x + w > a) {
            x = b + 1;
            moved = true;
          }
      }
      placed.emplace_back(x, x + w);
      const float ty = t.y - ts * 0.55f;
      dl->AddRectFilled(ImVec2(x, ty), ImVec2(x + w, ty + ts), t.color, 3.0f);
      dl->AddText(font, ts, ImVec2(x + pad_x, ty), IM_COL32(255, 255, 255, 255), num);
    }
  }
  if (focused_)
    for (size_t li = 0; li < lines_.size(); ++li) {
      const Line& line = lines_[li];
      if (cursor < line.start || cursor > line.end) continue;
      const ShapedLine& sl = *drawn_shapes_[li];
      const float x = origin_x_ + line_dx(sl) + sl.caret_x(cursor), y = origin_y_ + line.y;
      dl->AddLine(ImVec2(x, y), ImVec2(x, y + th * 1.15f), IM_COL32(20, 60, 200, 255), 1.5f);
    }

  if (overlay_) overlay_(dl, hovered);

  // Content size: the whole document's height, for the scrollbar.
  ImGui::SetCursorPos(ImVec2(0, layout_.total_height() + 2 * pad));
  ImGui::Dummy(ImVec2(1, 1));
  drawn_ = true;

  last_hovered_ = hovered;
  if (hovered && on_hover) on_hover(hovered);
  handle_mouse(origin_x_, origin_y_);
  if (focused_) handle_keys();
  ImGui::EndChild();
}

// [SECTION] Input

const Line* Canvas::line_at_y(float y) const {
  for (const Line& l : lines_)
    if (y >= l.y && y < l.y + measure_->line_height()) return &l;
  if (lines_.empty()) return nullptr;
  return y < lines_.front().y ? &lines_.front() : &lines_.back();
}

void Canvas::handle_mouse(float ox, float oy) {
  ImGuiIO& io = ImGui::GetIO();
  const float lx = io.MousePos.x - ox, ly = io.MousePos.y - oy;
  auto hit = [&]() -> std::optional<uint32_t> {
    const Line* l = line_at_y(ly);
    if (!l) return std::nullopt;
    const Line line = *l;
    if (char_mode_) {
      const ShapedLine& s = shaped(line);
      return s.cp_at(lx - line_dx(s));
    }
    // In token mode the token under the pointer, not the boundary nearest to it.
    return token_near(std::min(cp_under(line, lx), doc_->length()));
  };
  if (ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    ImGui::SetWindowFocus();
    focused_ = true;
    if (auto at = hit()) {
      if (!(io.KeyShift && selecting_)) anchor_ = *at;
      caret_ = *at;
      selecting_ = true;
      dragging_ = true;
      press_span_ = last_hovered_;
      press_caret_ = caret_;
    }
  }
  if (dragging_ && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    if (auto at = hit()) caret_ = *at;
  }
  if (dragging_ && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    dragging_ = false;
    // A click without a drag on a span selects the span (no token selection, so a label key
    // relabels it); anywhere else it selects tokens and no span.
    const bool click = caret_ == press_caret_ && anchor_ == caret_;
    clicked_span_ = click ? press_span_ : 0;
    if (click && press_span_) selecting_ = false;
  }
}

void Canvas::move_caret(int dir, bool extend, bool by_line) {
  const auto& toks = doc_->tokens();
  if (toks.empty()) return;
  const uint32_t last = char_mode_ ? doc_->length() : static_cast<uint32_t>(toks.size() - 1);
  if (!selecting_) {  // first key press: the cursor appears where it was
    selecting_ = true;
    anchor_ = caret_;
    pending_scroll_ = cursor_cp();
    return;
  }
  uint32_t target = caret_;
  if (by_line) {
    const uint32_t cp = char_mode_ ? caret_ : toks[caret_].start;
    const Line cur = layout_.line_of(cp);
    const ShapedLine& cs = shaped(cur);
    const float x = line_dx(cs) + cs.caret_x(std::clamp(cp, cur.start, cur.end));
    const float y = cur.y + (dir > 0 ? measure_->line_height() * 1.5f : -measure_->line_height() * 0.5f);
    std::vector<Line> one;
    if (y >= 0) layout_.visible_lines(y, y + 0.01f, one);
    if (!one.empty()) {
      const ShapedLine& ts = shaped(one.front());
      const uint32_t at = ts.cp_at(x - line_dx(ts));
      target = char_mode_ ? at : token_near(at);
    } else {
      target = dir > 0 ? last : 0;
    }
  } else if (char_mode_) {
    do { target = dir > 0 ? std::min(target + 1, last) : (target ? target - 1 : 0); }
    while (target > 0 && target < last && !doc_->is_grapheme_boundary(target));
  } else {
    target = dir > 0 ? std::min(caret_ + 1, last) : (caret_ ? caret_ - 1 : 0);
  }
  caret_ = target;
  if (!extend) anchor_ = caret_;
  pending_scroll_ = cursor_cp();
}

void Canvas::handle_keys() {
  if (ImGui::GetIO().WantTextInput) return;
  if (auto k = pressed(ImGuiKey_RightArrow)) move_caret(+1, k->shift, false);
  if (auto k = pressed(ImGuiKey_LeftArrow)) move_caret(-1, k->shift, false);
  if (auto k = pressed(ImGuiKey_DownArrow)) move_caret(+1, k->shift, true);
  if (auto k = pressed(ImGuiKey_UpArrow)) move_caret(-1, k->shift, true);
  const float page = view_h_ * 0.9f;
  if (pressed(ImGuiKey_PageDown)) ImGui::SetScrollY(scroll_y_ + page);
  if (pressed(ImGuiKey_PageUp)) ImGui::SetScrollY(std::max(0.0f, scroll_y_ - page));
  if (pressed(ImGuiKey_Escape)) clear_selection();
}

// [SECTION] Geometry for the automation API and overlays

std::optional<Rect> Canvas::visible_box(uint32_t start, uint32_t end) const {
  std::vector<Rect> one;
  visible_boxes(start, end, one, 1);
  if (one.empty()) return std::nullopt;
  return one.front();
}

void Canvas::visible_boxes(uint32_t start, uint32_t end, std::vector<Rect>& out, size_t max) const {
  if (!drawn_ || !measure_) return;
  std::vector<std::pair<float, float>> b;
  for (size_t i = 0, n = 0; i < lines_.size() && n < max; ++i) {
    const Line& l = lines_[i];
    if (end <= l.start || start >= l.end) continue;
    b.clear();
    const ShapedLine& s = *drawn_shapes_[i];
    s.boxes(std::max(start, l.start), std::min(end, l.end), b);
    if (b.empty()) continue;
    const float x0 = origin_x_ + line_dx(s) + b.front().first, x1 = origin_x_ + line_dx(s) + b.back().second;
    out.push_back(Rect{x0, origin_y_ + l.y, x1 - x0, measure_->text_height() * 1.15f});
    ++n;
  }
}

std::optional<Rect> Canvas::char_rect(uint32_t cp) {
  if (!doc_ || !measure_ || !drawn_ || !fonts_ || !fonts_->shaping()) return std::nullopt;
  cp = std::min(cp, doc_->length());
  const Line l = layout_.line_of(cp);
  const ShapedLine& s = shaped(l);
  const float dx = origin_x_ + line_dx(s);
  if (cp < s.start || cp >= s.end) {  // a line end or a gap: a zero-width box at the caret
    const float x = dx + s.caret_x(std::clamp(cp, s.start, s.end));
    return Rect{x, origin_y_ + l.y, 0, measure_->text_height() * 1.15f};
  }
  const auto [x0, x1] = s.cp_box(cp);
  return Rect{dx + x0, origin_y_ + l.y, x1 - x0, measure_->text_height() * 1.15f};
}

}  // namespace goldspan::ui
