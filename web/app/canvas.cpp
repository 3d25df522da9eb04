#include "app/canvas.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // SetNextWindowScroll: scroll before the child begins, same frame

#include <algorithm>
#include <cstdio>
#include <cmath>

#include "app/keys.hpp"
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

// [SECTION] Drawing

void Canvas::line_xs(const Line& line, std::vector<float>& xs) const {
  xs.clear();
  const std::string_view text = doc_->text();
  uint32_t b = doc_->offsets().byte_of_cp(line.start);
  float x = 0;
  xs.push_back(0);
  for (uint32_t cp = line.start; cp < line.end; ++cp) {
    x += measure_->advance(utf8::decode(text, b));
    b += utf8::seq_len(static_cast<unsigned char>(text[b]));
    xs.push_back(x);
  }
}

void Canvas::draw(const Fonts& fonts, const Hover& on_hover) {
  ImFont* font = fonts.text_font();
  const float size = fonts.text_size();
  const float pad = std::round(size * 0.8f);
  if (pending_scroll_ && doc_ && measure_) {
    const Line l = layout_.line_of(*pending_scroll_);
    if (l.y < scroll_y_ || l.y + measure_->line_height() > scroll_y_ + view_h_ - pad)
      ImGui::SetNextWindowScroll(ImVec2(-1.0f, std::max(0.0f, l.y - view_h_ / 3)));
    pending_scroll_.reset();
  }
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(253, 252, 248, 255));
  ImGui::BeginChild("##canvas", ImVec2(0, 0), false, ImGuiWindowFlags_NoNavInputs);
  ImGui::PopStyleColor();
  if (want_focus_) {
    ImGui::SetWindowFocus();
    want_focus_ = false;
  }
  focused_ = ImGui::IsWindowFocused();
  if (!doc_ || !font) {
    ImGui::TextDisabled("No document open.");
    ImGui::EndChild();
    return;
  }
  const float width = std::max(50.0f, ImGui::GetContentRegionAvail().x - 2 * pad);
  if (!measure_ || measured_font_ != font || measured_size_ != size) {
    measure_.emplace(font, size);
    measured_font_ = font;
    measured_size_ = size;
    layout_.reset(doc_, &*measure_, width);
  } else if (std::fabs(width - layout_.width()) > 0.5f) {
    layout_.set_width(width);
  }
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
  xs_.resize(lines_.size());
  for (size_t i = 0; i < lines_.size(); ++i) line_xs(lines_[i], xs_[i]);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float lh = measure_->line_height(), th = measure_->text_height(), lane = measure_->lane_height();
  const uint32_t s0 = sel_start(), s1 = sel_end();
  const uint32_t cursor = selecting_ ? cursor_cp() : UINT32_MAX;
  const ImU32 text_col = IM_COL32(30, 30, 36, 255);
  uint64_t hovered = 0;
  const ImVec2 mouse = ImGui::GetMousePos();
  const bool hover_window = ImGui::IsWindowHovered();

  for (size_t li = 0; li < lines_.size(); ++li) {
    const Line& line = lines_[li];
    const std::vector<float>& xs = xs_[li];
    const float y = origin_y_ + line.y;
    auto x_at = [&](uint32_t cp) { return origin_x_ + xs[std::clamp(cp, line.start, line.end) - line.start]; };

    // Spans: entities as tinted boxes with a bar in their lane; claims as outlined boxes.
    marks_.clear();
    if (spans_) spans_(line.start, line.end, marks_);
    std::sort(marks_.begin(), marks_.end(), [](const SpanMark& a, const SpanMark& b) {
      return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::vector<uint32_t> lane_end;  // greedy lanes: outer spans first, nested below
    struct Tag {
      uint32_t cluster, color;
      float x;
    };
    std::vector<Tag> tags;  // cluster tags, drawn over the text once the line's boxes are down
    for (const SpanMark& m : marks_) {
      size_t k = 0;
      while (k < lane_end.size() && lane_end[k] > m.start) ++k;
      if (k == lane_end.size()) lane_end.push_back(0);
      lane_end[k] = m.end;
      const float x0 = x_at(m.start), x1 = x_at(m.end);
      const ImU32 fill = (m.color & 0x00FFFFFF) | (m.claim ? 0x22000000u : 0x44000000u);
      dl->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + th * 1.15f), fill, 3.0f);
      const float by = y + th * 1.2f + lane * float(std::min<size_t>(k, FontMeasure::kLanes - 1));
      if (m.claim) {
        dl->AddRect(ImVec2(x0, y - 1), ImVec2(x1, by + lane * 0.6f), m.color, 3.0f, 0, m.selected ? 2.5f : 1.2f);
      } else {
        dl->AddRectFilled(ImVec2(x0, by), ImVec2(x1, by + lane * 0.6f), m.color, 1.0f);
        if (m.selected) dl->AddRect(ImVec2(x0 - 1, y - 1), ImVec2(x1 + 1, by + lane * 0.6f + 1), IM_COL32(20, 20, 20, 255), 3.0f, 0, 2.0f);
      }
      if (m.candidate)
        dl->AddRect(ImVec2(x0 - 2, y - 3), ImVec2(x1 + 2, by + lane * 0.6f + 2), IM_COL32(0, 150, 90, 255), 4.0f, 0,
                    m.focus ? 3.5f : 1.5f);
      if (m.linked) dl->AddCircleFilled(ImVec2(x1, y + 2), lane * 0.35f, m.color);
      if (m.cluster) tags.push_back({m.cluster, m.cluster_color, x1});
      if (hover_window && mouse.x >= x0 && mouse.x < x1 && mouse.y >= y && mouse.y < by + lane) hovered = m.id;
    }

    // Selection.
    if (s1 > s0 && s0 < line.end && s1 > line.start)
      dl->AddRectFilled(ImVec2(x_at(std::max(s0, line.start)), y), ImVec2(x_at(std::min(s1, line.end)), y + th * 1.15f),
                        IM_COL32(80, 140, 255, 90), 2.0f);

    // Text, token by token at measured positions (whitespace is not drawn).
    const std::string_view text = doc_->text();
    for (uint32_t t = line.first_token; t < line.end_token; ++t) {
      const Token& tok = doc_->tokens()[t];
      const uint32_t b0 = doc_->offsets().byte_of_cp(tok.start), b1 = doc_->offsets().byte_of_cp(tok.end);
      dl->AddText(font, size, ImVec2(x_at(tok.start), y), text_col, text.data() + b0, text.data() + b1);
    }

    // Cluster tags: the cluster's number on its colour, raised at the span's end like a
    // footnote mark; nested spans ending at the same place get their tags side by side.
    if (!tags.empty()) {
      const float ts = size * 0.62f, pad_x = 2.0f;
      std::vector<std::pair<float, float>> placed;
      for (const Tag& t : tags) {
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
        const float ty = y - ts * 0.55f;
        dl->AddRectFilled(ImVec2(x, ty), ImVec2(x + w, ty + ts), t.color, 3.0f);
        dl->AddText(font, ts, ImVec2(x + pad_x, ty), IM_COL32(255, 255, 255, 255), num);
      }
    }

    // Cursor.
    if (focused_ && cursor >= line.start && cursor <= line.end)
      dl->AddLine(ImVec2(x_at(cursor), y), ImVec2(x_at(cursor), y + th * 1.15f), IM_COL32(20, 60, 200, 255), 1.5f);
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
    const uint32_t cp = layout_.cp_at(*l, lx);
    if (char_mode_) return cp;
    // In token mode the token under the pointer, not the boundary nearest to it.
    const uint32_t left = cp > l->start && layout_.x_of(*l, cp) > lx ? cp - 1 : cp;
    return token_near(std::min(left, doc_->length()));
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
    const float x = layout_.x_of(cur, std::clamp(cp, cur.start, cur.end));
    const float y = cur.y + (dir > 0 ? measure_->line_height() * 1.5f : -measure_->line_height() * 0.5f);
    std::vector<Line> one;
    if (y >= 0) layout_.visible_lines(y, y + 0.01f, one);
    if (!one.empty()) {
      const uint32_t at = layout_.cp_at(one.front(), x);
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
  if (!drawn_ || !measure_) return std::nullopt;
  for (size_t i = 0; i < lines_.size(); ++i) {
    const Line& l = lines_[i];
    if (end <= l.start || start >= l.end) continue;
    const auto x = [&](uint32_t cp) { return origin_x_ + xs_[i][std::clamp(cp, l.start, l.end) - l.start]; };
    return Rect{x(start), origin_y_ + l.y, x(end) - x(start), measure_->text_height() * 1.15f};
  }
  return std::nullopt;
}

std::optional<Rect> Canvas::char_rect(uint32_t cp) {
  if (!doc_ || !measure_ || !drawn_) return std::nullopt;
  cp = std::min(cp, doc_->length());
  const Line l = layout_.line_of(cp);
  const float x0 = layout_.x_of(l, std::clamp(cp, l.start, l.end));
  const float x1 = cp < l.end ? layout_.x_of(l, cp + 1) : x0;
  return Rect{origin_x_ + x0, origin_y_ + l.y, x1 - x0, measure_->text_height() * 1.15f};
}

}  // namespace goldspan::ui
