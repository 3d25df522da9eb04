// The App's panels: menu, documents, label palette, span inspector, span list, status bar,
// hover details and the error dialog.
#include <imgui.h>

#include <algorithm>

#include "app/app.hpp"
#include "app/keys.hpp"
#include "model/commands.hpp"
#include "text/visual_order.hpp"

namespace goldspan::ui {

namespace {

ImU32 rgb(uint32_t c, int alpha = 255) { return IM_COL32((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, alpha); }
ImVec4 rgb4(uint32_t c, float alpha = 1) {
  ImVec4 v = ImGui::ColorConvertU32ToFloat4(rgb(c));
  v.w = alpha;
  return v;
}

// Document text for a panel: cut to whole code points, in visual order (ImGui draws left to
// right, unshaped: see text/visual_order.hpp).
std::string clip(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return display_order(s);
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // whole code points
  return display_order(s.substr(0, n)) + "\xE2\x80\xA6";
}

void heading(const char* text) {
  ImGui::Spacing();
  ImGui::TextDisabled("%s", text);
}

}  // namespace

// [SECTION] Menu

void App::draw_menu() {
  menu_controls_.clear();
  if (!ImGui::BeginMenuBar()) return;
  const bool file = ImGui::BeginMenu("File");
  menu_controls_.note("menu:File");
  if (file) {
    if (ImGui::MenuItem("Open files\xE2\x80\xA6", "Ctrl+O")) platform_.pick_files("open");
    if (ImGui::MenuItem("Open as suggestions\xE2\x80\xA6")) platform_.pick_files("suggestions");
    if (ImGui::MenuItem("Adjudicate\xE2\x80\xA6")) platform_.pick_files("adjudicate");
    menu_controls_.note("menu:Adjudicate");
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Choose several annotators' gold JSON files of the same documents: their agreed spans open\n"
                        "as a new session (what is open is downloaded first as a gold file) and the disagreements are walked one by one.");
    if (ImGui::MenuItem("Agreement\xE2\x80\xA6")) platform_.pick_files("agreement");
    menu_controls_.note("menu:Agreement");
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Choose several annotators' gold JSON files of the same documents: their agreement\n"
                        "(span F1, kappas, alphas, label confusion) is shown; what is open stays as it is.");
    ImGui::Separator();
    if (ImGui::BeginMenu("Export")) {
      if (ImGui::MenuItem("Gold JSON", "Ctrl+S")) download("gold");
      if (ImGui::MenuItem("Gold JSON with UTF-16 offsets")) download("gold", true);
      ImGui::Separator();
      if (ImGui::MenuItem("brat standoff (.zip)")) download("brat");
      if (ImGui::MenuItem("CoNLL BIO")) download("conll");
      if (ImGui::MenuItem("doccano JSONL")) download("doccano");
      if (ImGui::MenuItem("Label Studio JSON")) download("label-studio");
      if (ImGui::MenuItem("Prodigy JSONL")) download("prodigy");
      if (ImGui::MenuItem("W3C Web Annotation")) download("w3c");
      ImGui::Separator();
      if (ImGui::MenuItem("Claims table (CSV)")) download("claims-csv");
      if (ImGui::MenuItem("Claims table (Markdown)")) download("claims-md");
      ImGui::EndMenu();
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    const Command* u = history_->next_undo();
    const Command* r = history_->next_redo();
    if (ImGui::MenuItem(u ? (std::string("Undo ") + u->op()).c_str() : "Undo", "Ctrl+Z", false, history_->can_undo())) undo();
    if (ImGui::MenuItem(r ? (std::string("Redo ") + r->op()).c_str() : "Redo", "Ctrl+Shift+Z", false, history_->can_redo())) redo();
    ImGui::Separator();
    if (ImGui::MenuItem("Delete span", "Del", false, selected_ != 0)) {
      const SpanId id = selected_;
      if (edit("Delete", [&] { history_->run<RemoveSpan>(id); })) selected_ = 0;
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    bool cm = canvas().char_mode();
    if (ImGui::MenuItem("Character mode", nullptr, &cm)) canvas().set_char_mode(cm);
    bool sbs = split_;
    if (ImGui::MenuItem("Side by side", "F2", &sbs)) set_side_by_side(sbs);
    bool ct = claims_.is_open();
    if (ImGui::MenuItem("Claims table", "F4", &ct)) claims_.set_open(ct);
    bool adj = adjudication_.is_open();
    if (ImGui::MenuItem("Adjudication", nullptr, &adj, adjudication_.active())) adjudication_.set_open(adj);
    bool agr = agreement_.is_open();
    if (ImGui::MenuItem("Agreement", nullptr, &agr, agreement_.active())) agreement_.set_open(agr);
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

// [SECTION] Documents

void App::draw_documents_panel() {
  heading("DOCUMENTS");
  doc_controls_.clear();
  for (size_t i = 0; i < corpus_->document_count(); ++i) {
    const Document& d = corpus_->document(i);
    ImGui::PushID(static_cast<int>(i));
    // Side by side, a row's L and R put the document in that pane; a click on the name puts it
    // in the active one.
    const float buttons = split_ ? ImGui::GetFrameHeight() * 2.4f : 0;
    const bool shown = i == current() || (split_ && i == panes_[1 - active_].doc);
    if (ImGui::Selectable(d.id().c_str(), shown, 0, ImVec2(ImGui::GetContentRegionAvail().x - buttons, 0))) {
      show_document(i);
      canvas().focus();
    }
    if (split_) {
      for (int p = 0; p < 2; ++p) {
        ImGui::SameLine();
        const bool here = panes_[p].doc == i;
        if (here) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::SmallButton(p ? "R" : "L")) {
          show_in_pane(p, i);
          canvas().focus();
        }
        doc_controls_.note((p ? "R:" : "L:") + d.id());
        if (here) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show %s in the %s pane", d.id().c_str(), p ? "right" : "left");
      }
    }
    ImGui::TextDisabled("  %zu tokens \xC2\xB7 %zu spans", d.tokens().size(), i < spans_per_doc_.size() ? spans_per_doc_[i] : 0);
    ImGui::PopID();
  }
  if (corpus_->document_count() == 0)
    ImGui::TextWrapped("Open .txt or .jsonl files (File > Open, or drop them on the page).");
}

// [SECTION] Labels

void App::draw_palette() {
  heading("LABELS");
  const float w = ImGui::GetContentRegionAvail().x;
  for (const SpanType& t : corpus_->schema().span_types()) {
    ImGui::PushID(t.name.c_str());
    ImGui::PushStyleColor(ImGuiCol_Button, rgb4(t.color, 0.25f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, rgb4(t.color, 0.45f));
    char label[96];
    std::snprintf(label, sizeof label, "[%c]  %s", t.hotkey ? t.hotkey : ' ', t.name.c_str());
    if (ImGui::Button(label, ImVec2(w, 0))) {
      if (canvas().has_selection()) label_selection(t.name);
      else if (selected_) edit("Relabel", [&] { history_->run<RelabelSpan>(selected_, t.name); });
      canvas().focus();
    }
    ImGui::PopStyleColor(2);
    ImGui::GetWindowDrawList()->AddRectFilled(ImGui::GetItemRectMin(),
                                              ImVec2(ImGui::GetItemRectMin().x + 4, ImGui::GetItemRectMax().y), rgb(t.color));
    if (ImGui::IsItemHovered() && !t.description.empty()) ImGui::SetTooltip("%s: %s", to_string(t.kind), t.description.c_str());
    ImGui::PopID();
  }
}

// [SECTION] Inspector

void App::draw_inspector() {
  heading("SELECTED SPAN");
  const Span* s = selected_ ? corpus_->find_span(selected_) : nullptr;
  if (!s) {
    if (canvas().document() && canvas().has_selection())
      ImGui::TextWrapped("Tokens [%u, %u) selected: press a label key.", canvas().sel_start(), canvas().sel_end());
    else
      ImGui::TextDisabled("Click a span, or Tab to the next one.");
    return;
  }
  const SpanType& t = corpus_->type_of(*s);
  const Document& d = corpus_->document(s->doc);
  const SpanId id = s->id;
  ImGui::PushID(static_cast<int>(id));
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##label", t.name.c_str())) {
    for (const SpanType& o : corpus_->schema().span_types())
      if (ImGui::Selectable(o.name.c_str(), o.name == t.name) && o.name != t.name)
        edit("Relabel", [&] { history_->run<RelabelSpan>(id, o.name); });
    ImGui::EndCombo();
  }
  s = corpus_->find_span(id);  // an edit may have moved the record
  if (!s) { ImGui::PopID(); return; }
  const Range ext = s->fragments.extent();
  std::string text;
  for (size_t i = 0; i < s->fragments.size(); ++i) {
    if (i) text += " \xE2\x80\xA6 ";
    text += d.slice(s->fragments[i].start, s->fragments[i].end);
  }
  ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D", clip(text, 300).c_str());
  ImGui::TextDisabled("s%u \xC2\xB7 [%u, %u) code points \xC2\xB7 %s", id, ext.start, ext.end, corpus_->annotator_name(s->annotator).c_str());
  size_t attr_n = 0;
  for (const AttributeDef& a : corpus_->type_of(*s).attributes) {
    const std::string* v = corpus_->attribute(*s, a.name);
    ++attr_n;
    const std::string label = attr_n <= 9 ? a.name + " [Shift+" + std::to_string(attr_n) + "]" : a.name;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.45f);
    if (ImGui::BeginCombo(label.c_str(), v ? v->c_str() : "\xE2\x80\x94")) {
      if (ImGui::Selectable("\xE2\x80\x94 (unset)", !v) && v)
        edit("Attribute", [&] { history_->run<SetAttribute>(id, a.name, std::nullopt); });
      for (const std::string& val : a.values)
        if (ImGui::Selectable(val.c_str(), v && *v == val) && !(v && *v == val))
          edit("Attribute", [&] { history_->run<SetAttribute>(id, a.name, val); });
      ImGui::EndCombo();
    }
    s = corpus_->find_span(id);
    if (!s) break;
  }
  if (s) {
    draw_span_relations(id);  // deleting a relation leaves the span in place
    if (t.kind == SpanKind::Claim) draw_links(Ref{Ref::Span, id});
    if (const ClusterId c = corpus_->cluster_of(id))
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(cluster_color(c)), "in cluster c%u \"%s\"", c, corpus_->find_cluster(c)->name.c_str());
    else if (corpus_->type_of(*corpus_->find_span(id)).kind != SpanKind::Cue)
      ImGui::TextDisabled("k adds it to a cluster");
  }
  if (ImGui::Button("Delete span")) {
    if (edit("Delete", [&] { history_->run<RemoveSpan>(id); })) selected_ = 0;
  }
  ImGui::PopID();
}

// [SECTION] Span list (virtualized: only visible rows are built)

void App::draw_span_list() {
  heading("SPANS IN THIS DOCUMENT");
  if (doc_spans_.empty()) {
    ImGui::TextDisabled("none yet");
    return;
  }
  ImGui::BeginChild("##spanlist", ImVec2(0, 0), false);
  ImGuiListClipper clip_rows;
  clip_rows.Begin(static_cast<int>(doc_spans_.size()));
  while (clip_rows.Step()) {
    for (int i = clip_rows.DisplayStart; i < clip_rows.DisplayEnd; ++i) {
      const Span& s = corpus_->span(doc_spans_[i]);
      const SpanType& t = corpus_->type_of(s);
      const Range e = s.fragments.extent();
      const Document& d = corpus_->document(s.doc);
      ImGui::PushID(i);
      const std::string row = t.name + "  " + clip(d.slice(e.start, std::min(e.end, e.start + 60)), 80);
      ImGui::PushStyleColor(ImGuiCol_Text, rgb4(t.color));
      ImGui::Bullet();
      ImGui::PopStyleColor();
      ImGui::SameLine();
      if (ImGui::Selectable(row.c_str(), s.id == selected_)) {
        select_span(s.id, true);
        canvas().focus();
      }
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

// [SECTION] Status, hover, errors

void App::draw_status_bar() {
  // A save problem (storage failing, another tab editing) stays on screen for as long as it
  // lasts; "all changes saved" only once every record's transaction has completed.
  const std::string warning = platform_.save_warning();
  save_line_ = !warning.empty() ? warning : platform_.pending_saves() ? "saving\xE2\x80\xA6" : "all changes saved";
  ImGui::Separator();
  if (!warning.empty()) ImGui::TextColored(ImVec4(0.75f, 0.05f, 0.05f, 1), " %s", save_line_.c_str());
  else ImGui::Text(" %s", save_line_.c_str());
  if (canvas().document()) {
    ImGui::SameLine();
    ImGui::TextDisabled("  %s \xC2\xB7 %u code points \xC2\xB7 %zu tokens \xC2\xB7 %s mode",
                        canvas().document()->id().c_str(), canvas().document()->length(),
                        canvas().document()->tokens().size(), canvas().char_mode() ? "character" : "token");
  }
  if (!status_.empty() && ImGui::GetTime() - status_time_ < kStatusSeconds) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.65f, 0.1f, 0.1f, 1), "  %s", status_.c_str());
  }
}

void App::draw_hover_tooltip(SpanId id) {
  const Span* s = corpus_->find_span(id);
  if (!s) return;
  const SpanType& t = corpus_->type_of(*s);
  const Range e = s->fragments.extent();
  ImGui::BeginTooltip();
  ImGui::TextColored(rgb4(t.color), "%s", t.name.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("(%s, s%u)", to_string(t.kind), id);
  ImGui::Text("%s", clip(corpus_->document(s->doc).slice(e.start, e.end), 200).c_str());
  for (const AttributeDef& a : t.attributes)
    if (const std::string* v = corpus_->attribute(*s, a.name)) ImGui::TextDisabled("%s: %s", a.name.c_str(), v->c_str());
  if (const ClusterId c = corpus_->cluster_of(id)) {
    const Cluster& cl = *corpus_->find_cluster(c);
    std::vector<size_t> docs;
    for (SpanId m : cl.members)
      if (std::find(docs.begin(), docs.end(), corpus_->span(m).doc) == docs.end()) docs.push_back(corpus_->span(m).doc);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(cluster_color(c)), "cluster c%u \xE2\x80\x9C%s\xE2\x80\x9D", c, cl.name.c_str());
    ImGui::TextDisabled("%zu member%s in %zu document%s (Shift+K takes this one out)", cl.members.size(),
                        cl.members.size() == 1 ? "" : "s", docs.size(), docs.size() == 1 ? "" : "s");
  }
  const auto rels = corpus_->relations_of(id);
  for (RelationId r : rels) {
    const Relation* rel = corpus_->find_relation(r);
    ImGui::TextDisabled("%s: s%u \xE2\x86\x92 s%u", corpus_->schema().relation_types()[rel->type].name.c_str(), rel->source, rel->target);
  }
  ImGui::EndTooltip();
}

void App::draw_error_dialog() {
  if (!dialog_errors_.empty() && !ImGui::IsPopupOpen("##errors")) ImGui::OpenPopup("##errors");
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 40, 0), ImGuiCond_Appearing);
  if (ImGui::BeginPopupModal("##errors", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::TextUnformatted(dialog_title_.c_str());
    if (!dialog_info_) ImGui::TextDisabled("Nothing was changed.");
    ImGui::Separator();
    ImGui::BeginChild("##errlist", ImVec2(0, ImGui::GetFontSize() * 14), false);
    for (const std::string& e : dialog_errors_) ImGui::TextWrapped("%s", e.c_str());
    ImGui::EndChild();
    if (ImGui::Button("Close") || pressed(ImGuiKey_Escape)) {
      dialog_errors_.clear();
      dialog_info_ = false;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

}  // namespace goldspan::ui
