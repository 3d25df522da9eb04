#include "app/search_panel.hpp"

#include <imgui.h>

#include <cstdio>
#include <cstring>

#include "app/app.hpp"
#include "app/keys.hpp"
#include "error.hpp"
#include "search/label.hpp"
#include "text/visual_order.hpp"

namespace goldspan::ui {

namespace {

// ICU's time limit is in engine steps of about a millisecond: a runaway pattern fails with an
// error after a few seconds instead of freezing the page.
constexpr int32_t kTimeLimit = 3000;

FindOptions options(bool regex, bool ignore_case, size_t max_hits) {
  FindOptions o;
  o.regex = regex;
  o.ignore_case = ignore_case;
  o.max_hits = max_hits;
  o.time_limit = kTimeLimit;
  return o;
}

}  // namespace

void SearchPanel::note(std::string name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  controls_.push_back({std::move(name), a.x, a.y, b.x - a.x, b.y - a.y});
}

void SearchPanel::frame(App& app) {
  if (ImGui::IsPopupOpen("##errors")) return;  // the error dialog has the keys
  controls_.clear();
  handle_keys(app);
  if (open_) draw(app);
}

void SearchPanel::handle_keys(App& app) {
  if (auto k = pressed_char('f'); k && k->ctrl && !k->alt) {
    open_ = true;
    want_focus_ = true;
  }
  if (auto k = key_log().find(kKeyF3); k && !hits_.empty()) step(app, k->shift ? -1 : +1);
}

void SearchPanel::search(const App& app) {
  pending_ = false;
  ++searches_;
  query_ = buf_;
  hits_.clear();
  error_.clear();
  current_ = -1;
  truncated_ = false;
  searched_docs_ = app.corpus().document_count();
  if (query_.empty()) return;
  try {
    hits_ = Finder(query_, options(regex_, ignore_case_, kMaxListed + 1)).find_all(app.corpus());
  } catch (const Error& e) {
    error_ = e.what();
    hits_.clear();
  }
  if (hits_.size() > kMaxListed) {
    hits_.resize(kMaxListed);
    truncated_ = true;
  }
}

void SearchPanel::jump(App& app, int i) {
  if (i < 0 || static_cast<size_t>(i) >= hits_.size()) return;
  current_ = i;
  scroll_list_ = true;
  const Hit& h = hits_[static_cast<size_t>(i)];
  app.scroll_to(h.doc, h.start);
  app.select(h.doc, h.start, h.end);
}

void SearchPanel::step(App& app, int dir) {
  if (hits_.empty()) return;
  const int n = static_cast<int>(hits_.size());
  if (current_ >= 0) return jump(app, (current_ + dir + n) % n);
  // The first step starts from where the reader is: the next hit at or after the cursor.
  const size_t doc = app.current();
  const uint32_t at = app.canvas().document() ? app.canvas().sel_start() : 0;
  int i = 0;
  while (i < n && (hits_[i].doc < doc || (hits_[i].doc == doc && hits_[i].start < at))) ++i;
  if (dir < 0) i = i == 0 ? n - 1 : i - 1;
  else if (i == n) i = 0;
  jump(app, i);
}

void SearchPanel::label_all(App& app) {
  const auto& types = app.corpus().schema().span_types();
  if (label_ < 0 || static_cast<size_t>(label_) >= types.size() || query_.empty() || !error_.empty()) return;
  const std::string& label = types[static_cast<size_t>(label_)].name;
  try {
    // The list may hold only the first hits; labelling takes all of them.
    const std::vector<Hit> all = truncated_ ? Finder(query_, options(regex_, ignore_case_, SIZE_MAX)).find_all(app.corpus()) : hits_;
    LabelCounts counts;
    const auto proposals = proposals_from_hits(app.corpus(), all, label, Snap::Widen, counts);
    Labeled r = goldspan::label_all(app.corpus(), proposals, "label all: " + label, counts);
    if (r.command) app.history().execute(std::move(r.command));
    const LabelCounts& c = r.counts;
    char msg[256];
    std::snprintf(msg, sizeof msg, "Label all %s: %zu added, %zu refused by overlap rules, %zu duplicates, %zu not on tokens",
                  label.c_str(), c.added, c.refused_overlap, c.duplicates, c.refused_token);
    app.show_status(msg);
  } catch (const Error& e) {
    app.show_status(std::string("Label all: ") + e.what());
  }
}

void SearchPanel::draw(App& app) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - em * 30, vp->WorkPos.y + em * 3), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(em * 28, em * 24), ImGuiCond_FirstUseEver);
  if (want_focus_) ImGui::SetNextWindowFocus();
  if (!ImGui::Begin("Search all documents", &open_, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  const bool focused = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
  bool changed = false;
  if (want_focus_) {
    ImGui::SetKeyboardFocusHere();
    early_.expect();
    want_focus_ = false;
  }
  const bool captured = early_.capture(buf_, sizeof buf_, true);
  ImGui::SetNextItemWidth(-1);
  const bool typed = ImGui::InputTextWithHint("##pattern", regex_ ? "regular expression (ICU)" : "text", buf_, sizeof buf_,
                                              EarlyTyping::kFlags, EarlyTyping::callback, &early_);
  early_.after_field();
  if (typed || captured) {
    size_t size = 0;
    for (size_t d = 0; d < app.corpus().document_count(); ++d) size += app.corpus().document(d).length();
    if (size > kTypingSearchLimit) {
      pending_ = true;
      typed_at_ = ImGui::GetTime();
    } else {
      changed = true;
    }
  }
  const bool enter = focused && (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter));
  if (pending_ && (enter || ImGui::GetTime() >= typed_at_ + kTypingPause)) changed = true;
  changed |= ImGui::Checkbox("regex", &regex_);
  note("regex");
  ImGui::SameLine();
  changed |= ImGui::Checkbox("ignore case", &ignore_case_);
  note("ignore case");
  if (changed || searched_docs_ != app.corpus().document_count()) search(app);

  if (enter) {
    const auto k = pressed(ImGuiKey_Enter) ? pressed(ImGuiKey_Enter) : pressed(ImGuiKey_KeyPadEnter);
    step(app, k->shift ? -1 : +1);
    want_focus_ = true;  // Enter left the field: keep typing and stepping there
  }
  if (focused && pressed(ImGuiKey_Escape)) {
    // The field reverts to its text at activation on Esc; keep the searched pattern.
    std::snprintf(buf_, sizeof buf_, "%s", query_.c_str());
    open_ = false;
    app.canvas().focus();
  }

  if (!error_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.65f, 0.1f, 0.1f, 1));
    ImGui::TextWrapped("%s", error_.c_str());
    ImGui::PopStyleColor();
  } else if (pending_) {
    ImGui::TextDisabled("searches when you stop typing (Enter: now)");
  } else if (!query_.empty()) {
    if (current_ >= 0) ImGui::Text("%d of %zu%s", current_ + 1, hits_.size(), truncated_ ? "+" : "");
    else ImGui::Text("%zu hit%s%s", hits_.size(), hits_.size() == 1 ? "" : "s", truncated_ ? " (list cut; label all takes every one)" : "");
  }

  // Label all: a span type, then one undoable step.
  const auto& types = app.corpus().schema().span_types();
  if (!types.empty()) {
    if (label_ >= static_cast<int>(types.size())) label_ = 0;
    ImGui::SetNextItemWidth(em * 12);
    const bool combo = ImGui::BeginCombo("##label", types[static_cast<size_t>(label_)].name.c_str());
    if (!combo) note("label");  // open, the last item is the popup's
    if (combo) {
      for (size_t i = 0; i < types.size(); ++i) {
        if (ImGui::Selectable(types[i].name.c_str(), static_cast<int>(i) == label_)) label_ = static_cast<int>(i);
        note("label:" + types[i].name);
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(hits_.empty());
    if (ImGui::Button("Label all")) label_all(app);
    note("label all");
    ImGui::EndDisabled();
  }
  ImGui::Separator();
  draw_results(app);
  ImGui::End();
}

// Virtualised: only the visible rows are built, so a list of 100,000 hits costs nothing.
void SearchPanel::draw_results(App& app) {
  ImGui::BeginChild("##hits", ImVec2(0, 0), false);
  const float row = ImGui::GetTextLineHeightWithSpacing();
  if (scroll_list_ && current_ >= 0) {
    const float y = current_ * row;
    if (y < ImGui::GetScrollY() || y + row > ImGui::GetScrollY() + ImGui::GetWindowHeight())
      ImGui::SetScrollY(y - ImGui::GetWindowHeight() / 2);
    scroll_list_ = false;
  }
  const ImVec4 dim = ImGui::GetStyle().Colors[ImGuiCol_TextDisabled];
  ImGuiListClipper clip;
  clip.Begin(static_cast<int>(hits_.size()), row);
  while (clip.Step()) {
    for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
      const Hit& h = hits_[static_cast<size_t>(i)];
      ImGui::PushID(i);
      const float x = ImGui::GetCursorPosX();
      if (ImGui::Selectable("##hit", i == current_, ImGuiSelectableFlags_AllowItemOverlap)) jump(app, i);
      ImGui::SameLine(x, 0);
      ImGui::TextColored(dim, "%s", app.corpus().document(h.doc).id().c_str());
      ImGui::SameLine();
      ImGui::TextColored(dim, "%s", display_order(h.before).c_str());
      ImGui::SameLine(0, 0);
      ImGui::TextUnformatted(display_order(h.match).c_str());
      ImGui::SameLine(0, 0);
      ImGui::TextColored(dim, "%s", display_order(h.after).c_str());
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

}  // namespace goldspan::ui
