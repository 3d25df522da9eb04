#include "app/clusters_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/app.hpp"
#include "app/keys.hpp"
#include "error.hpp"
#include "model/cluster_edits.hpp"
#include "text/visual_order.hpp"

namespace goldspan::ui {

namespace {

// Tableau-like colours that stay readable as text on the light canvas and under white digits.
constexpr uint32_t kPalette[] = {0x1f77b4, 0xd62728, 0x2ca02c, 0x9467bd, 0x8c564b, 0xe377c2, 0x17becf, 0xbcbd22, 0xff7f0e, 0x7f7f7f};

// One edit, its error (if any) shown in the status bar.
template <class F>
void edit(App& app, const char* what, F f) {
  try {
    f();
  } catch (const Error& e) {
    app.show_status(std::string(what) + ": " + e.what());
  }
}

}  // namespace

uint32_t cluster_color(ClusterId id) {
  const uint32_t c = kPalette[(id ? id - 1 : 0) % (sizeof kPalette / sizeof kPalette[0])];
  return IM_COL32((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, 255);
}

void ClustersPanel::draw(App& app) {
  controls_.clear();
  ImGui::Spacing();
  ImGui::TextDisabled("CLUSTERS");
  const auto& clusters = app.corpus().clusters();
  if (clusters.empty()) {
    ImGui::TextWrapped("none yet: select a span, press k");
    return;
  }
  if (renaming_ && !app.corpus().find_cluster(renaming_)) renaming_ = 0;
  ImGui::BeginChild("##clusters", ImVec2(0, 0), false);
  // The rows (ids and heights) are rebuilt when the corpus changes, not walked from the corpus
  // each frame; they are also a copy, as an edit below may add or remove clusters.
  if (rows_revision_ != app.corpus().revision()) {
    std::unordered_map<ClusterId, float> old;
    for (const Row& r : rows_) old.emplace(r.id, r.height);
    rows_.clear();
    for (const auto& [id, cl] : clusters) {
      const auto h = old.find(id);
      rows_.push_back({id, h == old.end() ? -1.0f : h->second});
    }
    rows_revision_ = app.corpus().revision();
  }
  const std::vector<Row> rows = rows_;
  // Only the clusters in view are drawn (a corpus may have ten thousand, each several rows): one
  // out of view advances the cursor by the height it had when last drawn. A height measured
  // before an edit is corrected when the cluster comes into view again.
  // Consecutive skipped clusters become one spacer item.
  const float top = ImGui::GetScrollY(), bottom = top + ImGui::GetWindowHeight();
  float skipped = 0;
  const auto spacer = [&] {
    if (skipped > 0) ImGui::Dummy(ImVec2(1, skipped - ImGui::GetStyle().ItemSpacing.y));
    skipped = 0;
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    const float y = ImGui::GetCursorPosY() + skipped;
    if (r.height >= 0 && renaming_ != r.id && (y + r.height < top || y > bottom)) {
      skipped += r.height;
      continue;
    }
    const Cluster* cl = app.corpus().find_cluster(r.id);
    if (!cl) continue;
    spacer();
    draw_cluster(app, *cl);
    // Kept for the next frames unless this frame's edit rebuilt the rows.
    if (rows_revision_ == app.corpus().revision() && i < rows_.size() && rows_[i].id == r.id)
      rows_[i].height = ImGui::GetCursorPosY() - y;
  }
  spacer();
  ImGui::EndChild();
}

void ClustersPanel::draw_cluster(App& app, const Cluster& cl_in) {
  const Corpus& c = app.corpus();
  const ClusterId id = cl_in.id;
  const std::string cid = format_id('c', id);
  const Cluster cl = cl_in;  // a copy: the edits below change the corpus
  ImGui::PushID(static_cast<int>(id));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(cluster_color(id)));
  char head[320];
  std::snprintf(head, sizeof head, "%s %s (%zu)###head", cid.c_str(), cl.name.c_str(), cl.members.size());
  ImGui::SetNextItemOpen(true, ImGuiCond_Once);
  const bool open = ImGui::TreeNodeEx(head, ImGuiTreeNodeFlags_SpanAvailWidth);
  ImGui::PopStyleColor();
  note("cluster:" + cid);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s cluster %s \"%s\"", to_string(cl.kind), cid.c_str(), cl.name.c_str());
  if (!open) {
    ImGui::PopID();
    return;
  }
  if (renaming_ == id) {
    if (rename_focus_) {
      ImGui::SetKeyboardFocusHere();
      rename_focus_ = false;
    }
    ImGui::SetNextItemWidth(-1);
    const bool enter = ImGui::InputText("##rename", rename_buf_, sizeof rename_buf_, ImGuiInputTextFlags_EnterReturnsTrue);
    note("rename field");
    rename_active_ = ImGui::IsItemActive();
    if (enter) {
      const std::string name = rename_buf_;
      renaming_ = 0;
      rename_active_ = false;
      if (name != cl.name && !name.empty()) edit(app, "Rename cluster", [&] { app.history().run<RenameCluster>(id, name); });
      app.canvas().focus();
    } else if (pressed(ImGuiKey_Escape)) {
      renaming_ = 0;
      rename_active_ = false;
      app.canvas().focus();
    }
  } else {
    if (ImGui::SmallButton("rename")) {
      renaming_ = id;
      rename_focus_ = true;
      std::snprintf(rename_buf_, sizeof rename_buf_, "%s", cl.name.c_str());
    }
    note("rename:" + cid);
    ImGui::SameLine();
    if (ImGui::SmallButton("merge into\xE2\x80\xA6")) ImGui::OpenPopup("merge");
    note("merge:" + cid);
    if (cl.kind == SpanKind::Claim) {
      // Claim clusters link like claims: "link" starts a link from this cluster; while a link
      // is being made, "link here" makes this cluster its target (the type menu opens).
      const LinkPick& lp = app.link_pick();
      const Ref self{Ref::Cluster, id};
      // On a line of its own: the column is narrow, and a button past its edge is cut off.
      if (lp.active && !(lp.source == self)) {
        if (ImGui::SmallButton("link here")) app.link_target(self);
        note("target:" + cid);
      } else if (!lp.active) {
        if (ImGui::SmallButton("link")) app.start_link(self);
        note("link:" + cid);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Link this claim cluster to a claim or another claim cluster (same, contradicts, ...)");
      }
    }
    if (ImGui::BeginPopup("merge")) {
      bool any = false;
      for (const auto& entry : c.clusters()) {
        const ClusterId oid = entry.first;  // a plain variable: C++17 lambdas cannot capture bindings
        const Cluster& other = entry.second;
        if (oid == id || other.kind != cl.kind) continue;
        any = true;
        const std::string label = format_id('c', oid) + " " + other.name;
        if (ImGui::Selectable(label.c_str())) {
          edit(app, "Merge clusters", [&] {
            merge_clusters(app.history(), id, oid);
            app.show_status("Merged " + cid + " into " + format_id('c', oid) + " (Ctrl+Z undoes)");
          });
          note("merge:" + cid + ">" + format_id('c', oid));
          ImGui::CloseCurrentPopup();
          break;  // the clusters changed
        }
        note("merge:" + cid + ">" + format_id('c', oid));
      }
      if (!any) ImGui::TextDisabled("no other %s cluster", to_string(cl.kind));
      ImGui::EndPopup();
    }
  }
  if (!c.find_cluster(id)) {  // merged away just now
    ImGui::TreePop();
    ImGui::PopID();
    return;
  }
  const ImVec4 dim = ImGui::GetStyle().Colors[ImGuiCol_TextDisabled];
  if (cl.kind == SpanKind::Claim && app.draw_links(Ref{Ref::Cluster, id})) {  // a link was deleted
    ImGui::TreePop();
    ImGui::PopID();
    return;
  }
  for (SpanId m : cl.members) {
    const Span* s = c.find_span(m);
    if (!s) continue;
    ImGui::PushID(static_cast<int>(m));
    // Two lines: the member's text, then its document (dimmed), so neither is cut short in
    // the narrow column.
    const std::string text = span_text(c, m, 60), doc = c.document(s->doc).id();
    const float buttons = ImGui::CalcTextSize("split x").x + ImGui::GetStyle().FramePadding.x * 4 + ImGui::GetStyle().ItemSpacing.x * 2;
    const float w = std::max(ImGui::GetFontSize() * 3, ImGui::GetContentRegionAvail().x - buttons);
    if (ImGui::Selectable("##member", m == app.selected_span(), 0, ImVec2(w, ImGui::GetTextLineHeight() * 2))) {
      app.select_span(m, true);
      app.canvas().focus();
    }
    note("member:" + format_id('s', m));
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(a, b, true);
    dl->AddText(a, ImGui::GetColorU32(ImGuiCol_Text), display_order(text).c_str());
    dl->AddText(ImVec2(a.x, a.y + ImGui::GetTextLineHeight()), ImGui::GetColorU32(ImGuiCol_TextDisabled), doc.c_str());
    dl->PopClipRect();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s (s%u): click to jump", text.c_str(), doc.c_str(), m);
    ImGui::SameLine();
    ImGui::BeginDisabled(cl.members.size() < 2);
    bool changed = false;
    if (ImGui::SmallButton("split")) {
      edit(app, "Split cluster", [&] {
        const ClusterId n = split_cluster(app.history(), id, {m}, span_text(c, m));
        app.show_status("Split s" + std::to_string(m) + " off " + cid + " into " + format_id('c', n) + " (Ctrl+Z undoes)");
      });
      changed = true;
    }
    ImGui::EndDisabled();
    note("split:" + format_id('s', m));
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Move this member to a new cluster of its own");
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, dim);
    if (!changed && ImGui::SmallButton("x")) {
      edit(app, "Remove from cluster", [&] { leave_cluster(app.history(), m); });
      changed = true;
    }
    ImGui::PopStyleColor();
    note("remove:" + format_id('s', m));
    ImGui::PopID();
    if (changed) break;  // the members changed
  }
  ImGui::TreePop();
  ImGui::PopID();
}

}  // namespace goldspan::ui
