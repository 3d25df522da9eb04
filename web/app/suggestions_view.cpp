// SuggestionsView: drawing, keys and the side column's lines (see the header).
//
// [SECTION] Current suggestion
// [SECTION] Edits
// [SECTION] Keys and clicks
// [SECTION] Drawing
#include "app/suggestions_view.hpp"

#include <cstdio>

#include "app/app.hpp"
#include "app/keys.hpp"
#include "error.hpp"
#include "model/commands.hpp"

namespace goldspan::ui {

namespace {

ImU32 label_color(const Corpus& c, uint16_t type, int alpha) {
  const uint32_t col = c.schema().span_types()[type].color;
  return IM_COL32((col >> 16) & 0xFF, (col >> 8) & 0xFF, col & 0xFF, alpha);
}

std::string left_text(const Corpus& c) {
  return std::to_string(c.suggestions().size()) + (c.suggestions().size() == 1 ? " suggestion left" : " suggestions left");
}

}  // namespace

// [SECTION] Current suggestion
SuggestionId SuggestionsView::current(const App& app) const {
  return !off_ && current_ && app.corpus().find_suggestion(current_) ? current_ : 0;
}

void SuggestionsView::set_current(App& app, SuggestionId id, bool scroll) {
  const Suggestion* g = app.corpus().find_suggestion(id);
  if (!g) return;
  current_ = id;
  off_ = false;
  at_doc_ = g->doc;
  at_cp_ = g->fragments[0].start;
  if (scroll) app.scroll_to(g->doc, at_cp_);
}

void SuggestionsView::start(App& app) {
  const Corpus& c = app.corpus();
  if (c.suggestions().empty() || !c.document_count()) return;
  const auto [top, bottom] = app.canvas().visible_range();
  const SuggestionId first = c.next_suggestion(app.current(), top, 0, +1);
  // Stay on the screen the reader is looking at when it has one; else go to the first.
  const Suggestion* g = c.find_suggestion(first);
  set_current(app, first, !(g && g->doc == app.current() && g->fragments[0].start < bottom));
}

void SuggestionsView::advance(App& app) {
  const SuggestionId next = app.corpus().next_suggestion(at_doc_, at_cp_, current_, +1);
  if (next) set_current(app, next, true);
  else current_ = 0;
}

void SuggestionsView::step(App& app, int dir) {
  const SuggestionId next = app.corpus().next_suggestion(at_doc_, at_cp_, current_, dir);
  if (next) set_current(app, next, true);
}

// [SECTION] Edits
bool SuggestionsView::accept(App& app) {
  return settle(app, "Accept", [&](SuggestionId id) {
    return "Accepted as s" + std::to_string(app.history().run<AcceptSuggestion>(id).span());
  });
}

bool SuggestionsView::reject(App& app) {
  return settle(app, "Reject", [&](SuggestionId id) {
    app.history().run<RejectSuggestion>(id);
    return std::string("Rejected");
  });
}

bool SuggestionsView::settle(App& app, const char* what, const std::function<std::string(SuggestionId)>& edit) {
  const SuggestionId id = current(app);
  if (!id) return false;
  try {
    const std::string done = edit(id);
    app.show_status(done + "; " + left_text(app.corpus()) + " (Ctrl+Z undoes)");
  } catch (const Error& e) {
    app.show_status(std::string(what) + ": " + e.what());
    return false;
  }
  advance(app);
  return true;
}

void SuggestionsView::accept_in_view(App& app) {
  const auto [a, b] = app.canvas().visible_range();
  const std::vector<SuggestionId> ids = app.corpus().suggestions_in(app.current(), a, b);
  if (ids.empty()) return app.show_status("No suggestions in view");
  size_t accepted = 0, refused = 0;
  try {
    app.history().begin_group("accept suggestions in view");
    for (SuggestionId id : ids) {
      try {
        app.history().run<AcceptSuggestion>(id);
        ++accepted;
      } catch (const Error&) {
        ++refused;  // overlap rules, or the same span is there: nothing changed for this one
      }
    }
    app.history().end_group();
  } catch (const Error& e) {
    return app.show_status(std::string("Accept all in view: ") + e.what());
  }
  char msg[200];
  std::snprintf(msg, sizeof msg, "Accepted %zu suggestions in view (one undo step); %zu refused by overlap rules or already there; ",
                accepted, refused);
  app.show_status(msg + left_text(app.corpus()));
  if (!current(app)) advance(app);
}

// [SECTION] Keys and clicks
void SuggestionsView::handle_keys(App& app) {
  if (!current(app)) return;
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId) || app.cluster_finder().is_open() ||
      app.pick().active() || app.link_pick().active || app.canvas().has_selection())
    return;
  auto take = [](int key, bool shift) {
    const auto k = key_log().find(key);
    if (!k || k->ctrl || k->alt || k->shift != shift) return false;
    key_log().erase(key);
    return true;
  };
  const int enter = ImGui::GetKeyIndex(ImGuiKey_Enter);
  if (take(enter, true)) accept_in_view(app);
  else if (take(enter, false)) accept(app);
  else if (take('X', false)) reject(app);
  else if (take('N', false)) step(app, +1);
  else if (take('N', true)) step(app, -1);
  else if (take(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    off_ = true;
    app.show_status("Suggestion keys off: N, X and Enter are the canvas's again (a click on a suggestion turns them on)");
  }
}

bool SuggestionsView::handle_click(App& app, int pane) {
  const ImVec2 m = ImGui::GetIO().MousePos;
  for (const Box& b : boxes_[pane])
    if (m.x >= b.r.x && m.x < b.r.x + b.r.w && m.y >= b.r.y && m.y < b.r.y + b.r.h) {
      set_current(app, b.id, false);
      return true;
    }
  return false;
}

// [SECTION] Drawing
void SuggestionsView::draw_overlay(App& app, ImDrawList* dl, const Canvas& canvas, size_t doc, int pane) {
  std::vector<Box>& boxes = boxes_[pane];
  boxes.clear();
  const Corpus& c = app.corpus();
  if (c.suggestions().empty() || doc >= c.document_count() || !canvas.document()) return;
  const auto [a, b] = canvas.visible_range();
  const SuggestionId cur = current(app);
  std::vector<Rect> rects;
  for (SuggestionId id : c.suggestions_in(doc, a, b)) {
    const Suggestion& g = *c.find_suggestion(id);
    rects.clear();
    for (const Range& f : g.fragments) canvas.visible_boxes(f.start, f.end, rects);
    const ImU32 line = label_color(c, g.type, 255), fill = label_color(c, g.type, id == cur ? 60 : 28);
    for (const Rect& r : rects) {
      boxes.push_back({id, r});
      const ImVec2 p0(r.x - 1, r.y), p1(r.x + r.w + 1, r.y + r.h);
      dl->AddRectFilled(p0, p1, fill, 2.0f);
      if (id == cur) {
        dl->AddRect(ImVec2(p0.x - 1, p0.y - 1), ImVec2(p1.x + 1, p1.y + 1), line, 3.0f, 0, 2.0f);
        continue;
      }
      // Dashed: a suggestion, not yet an annotation.
      for (float x = p0.x; x < p1.x; x += 6.0f) {
        const float x1 = std::min(x + 3.0f, p1.x);
        dl->AddLine(ImVec2(x, p0.y), ImVec2(x1, p0.y), line, 1.0f);
        dl->AddLine(ImVec2(x, p1.y), ImVec2(x1, p1.y), line, 1.0f);
      }
    }
  }
}

void SuggestionsView::draw_panel(App& app) {
  const Corpus& c = app.corpus();
  if (c.suggestions().empty()) return;
  ImGui::TextColored(ImVec4(0.45f, 0.3f, 0.0f, 1.0f), "%s", left_text(c).c_str());
  if (const SuggestionId id = current(app)) {
    const Suggestion& g = *c.find_suggestion(id);
    const Range e = g.fragments.extent();
    std::string text(c.document(g.doc).slice(e.start, e.end));
    if (text.size() > 40) text = text.substr(0, 40) + "\xE2\x80\xA6";
    ImGui::TextWrapped("g%u %s \xE2\x80\x9C%s\xE2\x80\x9D (%s)", id, c.schema().span_types()[g.type].name.c_str(), text.c_str(),
                       c.annotator_name(g.source).c_str());
    if (ImGui::SmallButton("Accept")) accept(app);
    ImGui::SameLine();
    if (ImGui::SmallButton("Reject")) reject(app);
    ImGui::SameLine();
    if (ImGui::SmallButton("Next")) step(app, +1);
  } else if (ImGui::SmallButton("Step through them")) {
    off_ = false;
    start(app);
  }
  if (ImGui::SmallButton("Accept all in view")) accept_in_view(app);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("Enter accept, X reject, N / Shift+N next / previous, Shift+Enter all in view, Esc keys off");
  ImGui::PopStyleColor();
  ImGui::Separator();
}

}  // namespace goldspan::ui
