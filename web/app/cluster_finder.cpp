#include "app/cluster_finder.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/app.hpp"
#include "app/keys.hpp"
#include "error.hpp"
#include "model/cluster_edits.hpp"
#include "search/fuzzy.hpp"
#include "text/visual_order.hpp"

namespace goldspan::ui {

namespace {

constexpr size_t kMemberTexts = 50;  // per cluster, for matching: the name and the first members

std::string members_summary(const Corpus& c, const Cluster& cl) {
  std::string docs;
  size_t n = 0;
  std::vector<size_t> seen;
  for (SpanId m : cl.members) {
    const size_t d = c.span(m).doc;
    if (std::find(seen.begin(), seen.end(), d) != seen.end()) continue;
    seen.push_back(d);
    if (n++ < 3) docs += (docs.empty() ? "" : ", ") + c.document(d).id();
  }
  if (n > 3) docs += ", \xE2\x80\xA6";
  return std::to_string(cl.members.size()) + (cl.members.size() == 1 ? " member" : " members") + (docs.empty() ? "" : ": " + docs);
}

}  // namespace

void ClusterFinder::open(App& app, SpanId span) {
  const Corpus& c = app.corpus();
  const Span* s = c.find_span(span);
  if (!s) return;
  if (c.type_of(*s).kind == SpanKind::Cue) return app.show_status("Clusters: a cue joins no cluster (entities and claims do)");
  open_ = want_focus_ = true;
  frames_ = 0;
  span_ = span;
  buf_[0] = 0;
  query_.clear();
  revision_ = ~0ull;
  cursor_ = 0;
  refresh(app);
}

void ClusterFinder::refresh(const App& app) {
  const Corpus& c = app.corpus();
  if (revision_ == c.revision() && query_ == buf_) return;
  const bool typed = query_ != buf_;
  query_ = buf_;
  revision_ = c.revision();
  const Span& s = c.span(span_);
  const SpanKind kind = c.type_of(s).kind;
  std::vector<const Cluster*> clusters;
  std::vector<std::vector<std::string>> texts;
  for (const auto& [id, cl] : c.clusters()) {
    if (cl.kind != kind) continue;
    clusters.push_back(&cl);
    std::vector<std::string> t{cl.name};
    for (size_t i = 0; i < cl.members.size() && i < kMemberTexts; ++i) t.push_back(span_text(c, cl.members[i], 200));
    texts.push_back(std::move(t));
  }
  rows_.clear();
  const ClusterId now = c.cluster_of(span_);
  for (const FuzzyRanked& r : fuzzy_rank(FuzzyQuery(query_), texts)) {
    const Cluster& cl = *clusters[r.index];
    rows_.push_back({cl.id, cl.name + "  \xC2\xB7 " + members_summary(c, cl) + (cl.id == now ? " (this span's)" : ""), r.score});
  }
  rows_.push_back({0, "New cluster '" + span_text(c, span_) + "'", 0});
  if (typed || cursor_ >= rows_.size()) cursor_ = 0;  // the best match is highlighted
}

void ClusterFinder::choose(App& app, size_t row) {
  if (row >= rows_.size()) return;
  const Row r = rows_[row];
  History& h = app.history();
  try {
    if (r.cluster) {
      join_cluster(h, span_, r.cluster);
      app.show_status("Cluster '" + app.corpus().find_cluster(r.cluster)->name + "': s" + std::to_string(span_) +
                      " joined (Ctrl+Z undoes)");
    } else {
      const ClusterId id = join_new_cluster(h, span_, span_text(app.corpus(), span_));
      app.show_status("Cluster '" + app.corpus().find_cluster(id)->name + "': new, with s" + std::to_string(span_) +
                      " (Ctrl+Z undoes)");
    }
  } catch (const Error& e) {
    app.show_status(std::string("Cluster: ") + e.what());
  }
  open_ = false;
  app.canvas().focus();
}

void ClusterFinder::frame(App& app) {
  boxes_.clear();
  if (!open_) return;
  if (!app.corpus().find_span(span_)) {  // undone while open
    open_ = false;
    return;
  }
  const float em = ImGui::GetFontSize();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  // Just below the span when it is on screen, so the text above it stays readable.
  const float w = em * 30;
  ImVec2 at(vp->WorkPos.x + (vp->WorkSize.x - w) * 0.5f, vp->WorkPos.y + em * 5);
  const Range e = app.corpus().span(span_).fragments.extent();
  if (const auto box = app.canvas().visible_box(e.start, e.end))
    at = ImVec2(std::clamp(box->x, vp->WorkPos.x, vp->WorkPos.x + vp->WorkSize.x - w),
                std::min(box->y + box->h + em * 1.2f, vp->WorkPos.y + vp->WorkSize.y * 0.6f));
  ImGui::SetNextWindowPos(at, ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(w, 0), ImGuiCond_Always);
  if (want_focus_) ImGui::SetNextWindowFocus();
  ImGui::Begin("Add to cluster", nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse);
  const bool focused = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
  ImGui::TextDisabled("s%u \xE2\x80\x9C%s\xE2\x80\x9D", span_, display_order(span_text(app.corpus(), span_, 60)).c_str());
  if (want_focus_) {
    ImGui::SetKeyboardFocusHere();
    early_.expect();
    want_focus_ = false;
  }
  early_.capture(buf_, sizeof buf_, false);  // keys typed right after `k`
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##query", "cluster name or member text", buf_, sizeof buf_, EarlyTyping::kFlags,
                           EarlyTyping::callback, &early_);
  early_.after_field();
  refresh(app);

  const size_t n = rows_.size();
  if (pressed(ImGuiKey_DownArrow)) cursor_ = (cursor_ + 1) % n;
  if (pressed(ImGuiKey_UpArrow)) cursor_ = (cursor_ + n - 1) % n;
  bool chosen = false;
  // At most kShown rows tall; more scroll (the highlighted one is kept in view).
  constexpr size_t kShown = 12;
  const float row_h = ImGui::GetTextLineHeightWithSpacing();
  ImGui::BeginChild("##rows", ImVec2(0, row_h * float(std::min(n, kShown)) + ImGui::GetStyle().ItemSpacing.y * 2), false);
  for (size_t i = 0; i < n && !chosen; ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (rows_[i].cluster == 0) ImGui::Separator();
    if (ImGui::Selectable(display_order(rows_[i].text).c_str(), i == cursor_)) {
      choose(app, i);
      chosen = true;
    }
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    boxes_.push_back({a.x, a.y, b.x - a.x, b.y - a.y});
    if (i == cursor_ && (pressed(ImGuiKey_DownArrow) || pressed(ImGuiKey_UpArrow))) ImGui::SetScrollHereY();
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::TextDisabled("Enter adds \xC2\xB7 Up/Down move \xC2\xB7 Esc cancels");
  if (!chosen && open_) {
    if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter)) {
      choose(app, cursor_);
    } else if (pressed(ImGuiKey_Escape)) {
      open_ = false;
      app.show_status("Cluster: cancelled, nothing changed");
      app.canvas().focus();
    } else if (!focused && frames_ > 1) {
      open_ = false;  // a click elsewhere
    }
  }
  ++frames_;
  ImGui::End();
}

}  // namespace goldspan::ui
