#include "app/claims_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/app.hpp"
#include "app/keys.hpp"
#include "text/visual_order.hpp"

namespace goldspan::ui {

const ClaimsTable& ClaimsView::table(const App& app) {
  const Corpus& c = app.corpus();
  if (c.revision() != revision_ || c.document_count() != documents_) {
    table_ = build_claims_table(c);
    contradicted_ = 0;
    for (const ClaimRow& r : table_.rows) contradicted_ += r.contradicted();
    revision_ = c.revision();
    documents_ = c.document_count();
  }
  return table_;
}

void ClaimsView::frame(App& app) {
  const ImGuiIO& io = ImGui::GetIO();
  if (auto k = key_log().find(kKeyF4); k && !k->ctrl && !io.WantTextInput) open_ = !open_;
  cells_.clear();
  if (open_) draw(app);
}

void ClaimsView::draw(App& app) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.8f, vp->WorkSize.y * 0.6f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.1f, vp->WorkPos.y + vp->WorkSize.y * 0.2f), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Claims table: what each source says", &open_, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  const ClaimsTable& t = table(app);
  ImGui::Text("%zu claim groups over %zu documents, %zu contradicted", t.rows.size(), t.documents.size(), contradicted_);
  ImGui::SameLine();
  if (ImGui::SmallButton("Export CSV")) app.download("claims-csv");
  ImGui::SameLine();
  if (ImGui::SmallButton("Export Markdown")) app.download("claims-md");
  if (t.rows.empty()) {
    ImGui::TextDisabled("No claims yet: label a claim (c), then link claims across documents (Shift+L) or cluster them (k).");
    ImGui::End();
    return;
  }
  const int columns = static_cast<int>(t.documents.size()) + 2;
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
  if (columns > 64 || !ImGui::BeginTable("##claims", columns, flags)) {
    if (columns > 64) ImGui::TextDisabled("Too many documents for one table (%zu); export it instead.", t.documents.size());
    ImGui::End();
    return;
  }
  // Columns share the window's width (one document per column, the claim and links narrower),
  // within readable bounds; past them the table scrolls sideways.
  const float em = ImGui::GetFontSize();
  const float cell_w = std::clamp(ImGui::GetContentRegionAvail().x / (static_cast<float>(t.documents.size()) + 1.6f), em * 10, em * 24);
  ImGui::TableSetupScrollFreeze(2, 1);
  ImGui::TableSetupColumn("claim", ImGuiTableColumnFlags_WidthFixed, cell_w * 0.8f);
  for (const std::string& d : t.documents) ImGui::TableSetupColumn(d.c_str(), ImGuiTableColumnFlags_WidthFixed, cell_w);
  ImGui::TableSetupColumn("links", ImGuiTableColumnFlags_WidthFixed, cell_w * 0.6f);
  ImGui::TableHeadersRow();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float pad_y = style.CellPadding.y * 2;
  if (measured_revision_ != revision_ || measured_width_ != cell_w || row_top_.size() != t.rows.size() + 1) {
    row_top_.assign(1, 0.0f);
    for (size_t r = 0; r < t.rows.size(); ++r) {
      const ClaimRow& row = t.rows[r];
      const std::string head = std::to_string(r + 1) + (row.contradicted() ? " (!) " : " ") + row.name;
      float h = ImGui::CalcTextSize(head.c_str(), nullptr, false, cell_w * 0.8f).y;
      for (const auto& cell : row.cells) {
        float ch = 0;
        for (const ClaimCell& c : cell)
          ch += ImGui::CalcTextSize(cell_text({c}).c_str(), nullptr, false, cell_w).y + style.ItemSpacing.y;
        h = std::max(h, ch);
      }
      h = std::max(h, ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(row.links.size()));
      row_top_.push_back(row_top_.back() + h + pad_y);
    }
    measured_revision_ = revision_;
    measured_width_ = cell_w;
  }
  // The rows that meet the view; those above and below are one spacer row each.
  const float y0 = ImGui::GetScrollY(), y1 = y0 + ImGui::GetWindowHeight();
  const size_t first = static_cast<size_t>(std::upper_bound(row_top_.begin(), row_top_.end(), y0) - row_top_.begin()) - 1;
  size_t last = first;
  while (last < t.rows.size() && row_top_[last] < y1) ++last;
  if (first > 0) {
    ImGui::TableNextRow(0, row_top_[first]);
    ImGui::TableNextColumn();
  }
  for (size_t r = first; r < last; ++r) {
    const ClaimRow& row = t.rows[r];
    ImGui::TableNextRow();
    if (row.contradicted()) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(225, 87, 89, 60));
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + cell_w * 0.8f);
    ImGui::TextWrapped("%zu%s %s", r + 1, row.contradicted() ? " (!)" : "", display_order(row.name).c_str());
    ImGui::PopTextWrapPos();
    for (const auto& cell : row.cells) {
      ImGui::TableNextColumn();
      ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + cell_w);
      for (const ClaimCell& c : cell) {
        ImGui::PushID(static_cast<int>(c.span));
        const std::string text = cell_text({c});
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::TextWrapped("%s", display_order(text).c_str());
        const ImVec2 end = ImGui::GetItemRectMax();
        if (ImGui::IsItemVisible()) cells_.push_back({c.span, at.x, at.y, end.x - at.x, end.y - at.y});
        if (ImGui::IsItemHovered()) {
          ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
          if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            app.select_span(c.span, true);
            app.canvas().focus();  // the claim's keys (relations, links) work at once
          }
        }
        ImGui::PopID();
      }
      ImGui::PopTextWrapPos();
    }
    ImGui::TableNextColumn();
    for (const RowLink& l : row.links) ImGui::TextColored(l.type == "contradicts" ? ImVec4(0.9f, 0.3f, 0.3f, 1) : ImVec4(0.6f, 0.6f, 0.6f, 1), "%s %zu", l.type.c_str(), l.row + 1);
  }
  if (last < t.rows.size()) {
    ImGui::TableNextRow(0, row_top_.back() - row_top_[last]);
    ImGui::TableNextColumn();
  }
  ImGui::EndTable();
  ImGui::End();
}

}  // namespace goldspan::ui
