// Relations in the app: the relation hotkeys' "pick target" mode, the arcs drawn over the
// canvas for the selected and the hovered span, and the inspector's list with delete buttons.
// Every edit is an AddRelation / RemoveRelation run by History: one undo step, autosaved.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/app.hpp"
#include "app/keys.hpp"
#include "model/commands.hpp"

namespace goldspan::ui {

namespace {

std::string type_names(const Schema& schema, const std::vector<uint16_t>& types) {
  std::string out;
  for (uint16_t t : types) out += (out.empty() ? "" : ", ") + schema.span_types()[t].name;
  return out;
}

std::string quoted(const Corpus& c, SpanId id) {
  const Span& s = c.span(id);
  const Range e = s.fragments.extent();
  std::string t(c.document(s.doc).slice(e.start, std::min(e.end, e.start + 40)));
  if (e.end > e.start + 40) t += "\xE2\x80\xA6";
  return c.type_of(s).name + " \xE2\x80\x9C" + t + "\xE2\x80\x9D";
}

ImU32 rgb(uint32_t c, int alpha = 255) { return IM_COL32((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, alpha); }

}  // namespace

// [SECTION] Pick mode

void App::start_pick(size_t type) {
  const RelationType& rt = corpus_->schema().relation_types()[type];
  const Span* src = selected_ ? corpus_->find_span(selected_) : nullptr;
  if (!src) return set_status(rt.name + ": select the source span first (click it, or Tab to it)");
  if (!std::binary_search(rt.sources.begin(), rt.sources.end(), src->type))
    return set_status(rt.name + ": a " + corpus_->type_of(*src).name + " cannot be its source (only " +
                      type_names(corpus_->schema(), rt.sources) + ")");
  pick_.reset();
  pick_.type = static_cast<int>(type);
  pick_.source = src->id;
  refresh_pick();
  set_status(rt.name + ": pick the target span, Esc cancels" +
             (pick_.candidates.empty() ? " (no " + type_names(corpus_->schema(), rt.targets) + " in this document)" : ""));
}

void App::cancel_pick(const std::string& why) {
  pick_.reset();
  set_status(why);
}

// Candidates follow the corpus: an undo or an edit while picking may add or remove some, and
// a source that is gone (or in another document now) ends the pick.
void App::refresh_pick() {
  if (!pick_.active()) return;
  const Span* src = corpus_->find_span(pick_.source);
  if (!src || (src->doc != panes_[0].doc && !(split_ && src->doc == panes_[1].doc)))
    return cancel_pick("Relation cancelled: its source span is not shown any more");
  if (pick_.revision == corpus_->revision() && !pick_.sorted.empty()) return;
  const RelationType& rt = corpus_->schema().relation_types()[size_t(pick_.type)];
  const SpanId keep = pick_.focused();
  pick_.candidates.clear();
  for (SpanId id : corpus_->document_spans(src->doc))
    if (id != src->id && rt.allows(src->type, corpus_->span(id).type)) pick_.candidates.push_back(id);
  pick_.sorted = pick_.candidates;
  std::sort(pick_.sorted.begin(), pick_.sorted.end());
  auto at = std::find(pick_.candidates.begin(), pick_.candidates.end(), keep);
  pick_.cursor = keep && at != pick_.candidates.end() ? size_t(at - pick_.candidates.begin()) : SIZE_MAX;
  pick_.revision = corpus_->revision();
}

bool App::handle_pick_keys() {
  refresh_pick();
  const auto& types = corpus_->schema().relation_types();
  // A relation hotkey starts a pick, or switches the one in progress to another relation.
  for (size_t i = 0; i < types.size(); ++i) {
    const auto k = types[i].hotkey ? pressed_char(types[i].hotkey) : std::nullopt;
    if (k && !k->ctrl && !k->alt && !k->shift) {
      if (pick_.active()) selected_ = pick_.source;
      start_pick(i);
      return true;
    }
  }
  if (!pick_.active()) return false;
  const std::string& name = types[size_t(pick_.type)].name;
  if (pressed(ImGuiKey_Escape)) {
    cancel_pick(name + ": cancelled, nothing changed");
    return true;
  }
  const size_t n = pick_.candidates.size();
  if (auto k = pressed(ImGuiKey_Tab); k && !k->ctrl && n) {
    size_t& c = pick_.cursor;
    c = c == SIZE_MAX ? (k->shift ? n - 1 : 0) : (k->shift ? (c + n - 1) % n : (c + 1) % n);
    const Span& f = corpus_->span(pick_.focused());
    if (f.doc != current()) active_ = 1 - active_;  // the pane showing the source's document
    canvas().scroll_to(f.fragments.extent().start);
    set_status(name + ": target " + std::to_string(c + 1) + "/" + std::to_string(n) + " " +
               quoted(*corpus_, pick_.focused()) + ", Enter makes it, Esc cancels");
  }
  if (pressed(ImGuiKey_Enter)) {
    if (pick_.focused()) pick_target(pick_.focused());
    else set_status(name + ": Tab to a target first (or click it), Esc cancels");
  }
  if (pick_.active()) status_time_ = ImGui::GetTime();  // the prompt stays while picking
  return true;
}

bool App::handle_pick_click(uint64_t span) {
  refresh_pick();
  if (!pick_.active()) return false;
  if (!span) {
    cancel_pick(corpus_->schema().relation_types()[size_t(pick_.type)].name + ": cancelled (no span clicked)");
    return false;  // the click selects text as usual
  }
  pick_target(static_cast<SpanId>(span));
  return true;
}

// Refusals keep the pick going, so the next click can be the right span.
void App::pick_target(SpanId target) {
  const RelationType& rt = corpus_->schema().relation_types()[size_t(pick_.type)];
  const Span* dst = corpus_->find_span(target);
  const Span& src = corpus_->span(pick_.source);
  if (!dst) return;
  if (target == src.id) return set_status(rt.name + ": a span cannot point to itself; pick another target, Esc cancels");
  if (!rt.allows(src.type, dst->type))
    return set_status(rt.name + ": refused, " + quoted(*corpus_, target) + " is not an allowed target (only " +
                      type_names(corpus_->schema(), rt.targets) + "); nothing changed, pick another or Esc");
  const std::string name = rt.name;
  const SpanId source = src.id;
  if (edit(name.c_str(), [&] { history_->run<AddRelation>(name, source, target); })) {
    pick_.reset();
    selected_ = source;  // the next relation hotkey starts from the same claim
    set_status(name + ": " + quoted(*corpus_, source) + " \xE2\x86\x92 " + quoted(*corpus_, target) + " (Ctrl+Z undoes)");
  }
}

// [SECTION] Arcs over the canvas: only relations of the selected or hovered span with both
// ends on screen, so the cost is bounded by what is visible.

void App::draw_relation_arcs(ImDrawList* dl, uint64_t hovered, int pane) {
  std::vector<RelationId> drawn;
  const Canvas& cv = panes_[pane].canvas;
  // Arcs over the first line would rise above the pane and be cut off: they stay below its top.
  const float top = cv.view_top() + ImGui::GetFontSize() * 0.9f;
  auto arcs_of = [&](SpanId id, bool strong) {
    const Span* s = id ? corpus_->find_span(id) : nullptr;
    if (!s || s->doc != panes_[pane].doc) return;
    for (RelationId rid : corpus_->relations_of(id)) {
      if (std::find(drawn.begin(), drawn.end(), rid) != drawn.end()) continue;
      drawn.push_back(rid);
      const Relation& r = *corpus_->find_relation(rid);
      const Range ea = corpus_->span(r.source).fragments.extent(), eb = corpus_->span(r.target).fragments.extent();
      const auto a = cv.visible_box(ea.start, ea.end), b = cv.visible_box(eb.start, eb.end);
      if (!a || !b) continue;
      const RelationType& rt = corpus_->schema().relation_types()[r.type];
      // The source end sits near the claim's start, so arcs stay apart when the target is nested in it.
      const ImVec2 p0(a->x + std::min(a->w * 0.5f, 6.0f + 10.0f * r.type), a->y);
      // Each relation type lands and peaks at its own offset, so two relations between the same
      // spans (claimant and about) stay two arcs with readable names.
      const float shift = 16.0f * r.type;
      const ImVec2 p1(b->x + b->w * 0.5f + std::min(b->w * 0.25f, 5.0f * r.type), b->y);
      const float lift = std::min(90.0f, 16.0f + 0.15f * std::fabs(p1.x - p0.x)) + shift + 0.3f * std::fabs(p1.y - p0.y);
      const float peak = std::max(top, std::min(p0.y, p1.y) - lift);
      const ImVec2 c0(p0.x, peak), c1(p1.x, peak);
      const ImU32 col = rgb(rt.color, strong ? 235 : 150);
      dl->AddBezierCubic(p0, c0, c1, p1, col, strong ? 2.5f : 1.5f);
      dl->AddTriangleFilled(ImVec2(p1.x - 4, p1.y - 8), ImVec2(p1.x + 4, p1.y - 8), p1, col);
      const ImVec2 mid(0.125f * (p0.x + p1.x) + 0.375f * (c0.x + c1.x), 0.125f * (p0.y + p1.y) + 0.375f * (c0.y + c1.y));
      const float fs = ImGui::GetFontSize() * 0.8f;
      const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(fs, 1e9f, 0, rt.name.c_str());
      const ImVec2 t0(mid.x - ts.x * 0.5f, mid.y - ts.y * 0.5f);
      dl->AddRectFilled(ImVec2(t0.x - 3, t0.y), ImVec2(t0.x + ts.x + 3, t0.y + ts.y), IM_COL32(253, 252, 248, 230), 3.0f);
      dl->AddText(ImGui::GetFont(), fs, t0, col, rt.name.c_str());
    }
  };
  arcs_of(selected_, true);
  if (hovered != selected_) arcs_of(static_cast<SpanId>(hovered), false);
}

// [SECTION] Inspector list

void App::draw_span_relations(SpanId id) {
  const auto rels = corpus_->relations_of(id);
  if (rels.empty()) {
    if (corpus_->type_of(corpus_->span(id)).kind == SpanKind::Claim)
      ImGui::TextDisabled("no relations: 1 claimant, 2 cue, 3 about");
    return;
  }
  ImGui::TextDisabled("RELATIONS");
  for (RelationId rid : rels) {
    const Relation r = *corpus_->find_relation(rid);  // a copy: the delete below erases it
    const RelationType& rt = corpus_->schema().relation_types()[r.type];
    const bool out = r.source == id;
    ImGui::PushID(static_cast<int>(rid));
    if (ImGui::SmallButton("x")) {
      edit("Delete relation", [&] { history_->run<RemoveRelation>(rid); });
      ImGui::PopID();
      break;  // the list changed
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete this relation (Ctrl+Z brings it back)");
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(rgb(rt.color)), "%s", rt.name.c_str());
    ImGui::SameLine();
    ImGui::TextWrapped("%s %s", out ? "\xE2\x86\x92" : "from", quoted(*corpus_, out ? r.target : r.source).c_str());
    ImGui::PopID();
  }
}

}  // namespace goldspan::ui
