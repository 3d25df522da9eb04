// Claim links in the app: Shift+L's pick (it survives switching documents and panes), the
// numbered menu of the schema's link types, the lines drawn between a claim and the claims it
// links to when both are on screen (across the two panes too), the lists with delete buttons,
// and Shift+1..9 for the selected span's attributes. Every edit is a command run by History
// (AddLink, RemoveLink, SetAttribute): one undo step, autosaved.
//
// [SECTION] Pick
// [SECTION] Type menu
// [SECTION] Lines between linked claims
// [SECTION] Lists
// [SECTION] Attributes from the keyboard
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/app.hpp"
#include "app/keys.hpp"
#include "model/commands.hpp"

namespace goldspan::ui {

namespace {

ImU32 rgb(uint32_t c, int alpha = 255) { return IM_COL32((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, alpha); }

constexpr const char* kArrow = "\xE2\x86\x92";

// Why `end` cannot be a claim link's end, or "" when it can (the rule AddLink applies).
std::string link_end_problem(const Corpus& c, Ref end) {
  if (end.kind == Ref::Span) {
    const Span* s = c.find_span(end.id);
    if (!s) return to_string(end) + " is gone";
    if (c.type_of(*s).kind != SpanKind::Claim) return c.type_of(*s).name + " " + to_string(end) + " is not a claim";
  } else {
    const Cluster* cl = c.find_cluster(end.id);
    if (!cl) return to_string(end) + " is gone";
    if (cl->kind != SpanKind::Claim) return "cluster " + to_string(end) + " is not a claim cluster";
  }
  return "";
}

}  // namespace

std::string App::ref_text(Ref r) const {
  if (r.kind == Ref::Cluster) {
    const Cluster* c = corpus_->find_cluster(r.id);
    return "cluster " + to_string(r) + (c ? " '" + c->name + "'" : "");
  }
  const Span* s = corpus_->find_span(r.id);
  if (!s) return to_string(r);
  const Range e = s->fragments.extent();
  std::string t(corpus_->document(s->doc).slice(e.start, std::min(e.end, e.start + 40)));
  if (e.end > e.start + 40) t += "\xE2\x80\xA6";
  return corpus_->type_of(*s).name + " \xE2\x80\x9C" + t + "\xE2\x80\x9D (" + corpus_->document(s->doc).id() + ")";
}

// [SECTION] Pick

void App::start_link(Ref source) {
  if (corpus_->schema().link_types().empty()) return set_status("Shift+L: the schema has no claim link types");
  if (const std::string why = link_end_problem(*corpus_, source); !why.empty())
    return set_status("Shift+L: " + why + "; only a claim or a claim cluster can be linked");
  pick_.reset();
  link_pick_.reset();
  link_pick_.active = true;
  link_pick_.source = source;
  set_status("Link " + ref_text(source) +
             ": click the claim it links to, in any document or pane (or 'link here' on a claim cluster); Tab and "
             "Enter pick one here; Esc cancels");
}

void App::cancel_link(const std::string& why) {
  link_pick_.reset();
  set_status(why);
}

// Refusals keep the pick going, so the next click can be the right claim.
void App::link_target(Ref target) {
  if (!link_pick_.active) return;
  if (target == link_pick_.source) return set_status("Link: a claim cannot link to itself; pick another, Esc cancels");
  if (const std::string why = link_end_problem(*corpus_, target); !why.empty())
    return set_status("Link: refused, " + why + "; pick a claim, Esc cancels");
  link_pick_.target = target;
  link_pick_.menu_focus = true;
  const ImVec2 m = ImGui::GetIO().MousePos;
  link_pick_.menu_x = m.x + 8;
  link_pick_.menu_y = m.y + 8;
  if (target.kind == Ref::Span)  // from the keyboard the pointer may be anywhere: open at the claim
    for (int p = 0; p < (split_ ? 2 : 1); ++p) {
      const Span& s = corpus_->span(target.id);
      if (panes_[p].doc != s.doc) continue;
      const Range e = s.fragments.extent();
      if (const auto box = panes_[p].canvas.visible_box(e.start, e.end);
          box && !(m.x >= box->x && m.x <= box->x + box->w && m.y >= box->y && m.y <= box->y + box->h)) {
        link_pick_.menu_x = box->x;
        link_pick_.menu_y = box->y + box->h + 4;
      }
      break;
    }
  std::string types;
  const auto& lt = corpus_->schema().link_types();
  for (size_t i = 0; i < lt.size() && i < 9; ++i) types += (i ? ", " : "") + std::to_string(i + 1) + " " + lt[i].name;
  set_status(ref_text(link_pick_.source) + " " + kArrow + " " + ref_text(target) + ": " + types + "; Esc picks another");
}

void App::make_link(size_t type) {
  const auto& lt = corpus_->schema().link_types();
  if (!link_pick_.menu_open() || type >= lt.size()) return;
  const std::string name = lt[type].name;
  const Ref from = link_pick_.source, to = *link_pick_.target;
  canvas().focus();  // the keys go back to the pane when the menu closes
  if (edit(name.c_str(), [&] { history_->run<AddLink>(name, from, to); })) {
    link_pick_.reset();
    set_status(name + ": " + ref_text(from) + " " + kArrow + " " + ref_text(to) + " (Ctrl+Z undoes)");
    if (from.kind == Ref::Span) selected_ = from.id;  // the next Shift+L starts from the same claim
  } else {
    link_pick_.target.reset();  // refused (e.g. the link exists): pick another
  }
}

bool App::handle_link_keys() {
  if (auto k = pressed_char('l'); k && k->shift && !k->ctrl && !k->alt && (canvas().focused() || link_pick_.active)) {
    const Span* s = selected_ ? corpus_->find_span(selected_) : nullptr;
    if (!s) set_status("Shift+L: select a claim first (click it, or Tab to it), then Shift+L links it");
    else start_link(Ref{Ref::Span, s->id});
    return true;
  }
  if (!link_pick_.active) return false;
  status_time_ = ImGui::GetTime();  // the prompt stays while picking
  // An undo may have taken away an end.
  if (!link_end_problem(*corpus_, link_pick_.source).empty()) {
    cancel_link("Link cancelled: its claim is gone");
    return true;
  }
  if (link_pick_.target && !link_end_problem(*corpus_, *link_pick_.target).empty()) link_pick_.target.reset();
  if (pressed(ImGuiKey_Escape)) {
    if (link_pick_.menu_open()) {
      link_pick_.target.reset();
      canvas().focus();
      set_status("Link " + ref_text(link_pick_.source) + ": pick another claim, Esc cancels");
    } else {
      cancel_link("Link cancelled, nothing changed");
    }
    return true;
  }
  if (link_pick_.menu_open()) {
    const size_t n = std::min<size_t>(9, corpus_->schema().link_types().size());
    for (size_t i = 0; i < n; ++i)
      if (auto k = pressed_char(char('1' + i)); k && !k->ctrl && !k->alt && !k->shift) {
        make_link(i);
        break;
      }
    return true;
  }
  // Tab and Shift+Tab walk the active pane's claims; Enter takes the one Tab is on.
  refresh_caches();
  std::vector<SpanId> claims;
  for (SpanId id : doc_spans_)
    if (corpus_->type_of(corpus_->span(id)).kind == SpanKind::Claim && !(Ref{Ref::Span, id} == link_pick_.source))
      claims.push_back(id);
  if (auto k = pressed(ImGuiKey_Tab); k && !k->ctrl) {
    if (claims.empty()) return set_status("Link: no other claim in " + canvas().document()->id()), true;
    size_t& c = link_pick_.cursor;
    const size_t n = claims.size();
    c = c >= n ? (k->shift ? n - 1 : 0) : (k->shift ? (c + n - 1) % n : (c + 1) % n);
    canvas().scroll_to(corpus_->span(claims[c]).fragments.extent().start);
    selected_ = claims[c];  // shown selected; the source stays in link_pick_
    set_status("Link target " + std::to_string(c + 1) + "/" + std::to_string(n) + " " + ref_text(Ref{Ref::Span, claims[c]}) +
               ", Enter takes it, Esc cancels");
  }
  if (pressed(ImGuiKey_Enter)) {
    if (link_pick_.cursor < claims.size()) link_target(Ref{Ref::Span, claims[link_pick_.cursor]});
    else set_status("Link: Tab to a claim first (or click it), Esc cancels");
  }
  return true;
}

bool App::handle_link_click(uint64_t span) {
  if (!link_pick_.active || !span) return false;  // a click on text selects as usual; the pick goes on
  link_target(Ref{Ref::Span, static_cast<SpanId>(span)});
  return true;
}

// [SECTION] Type menu

void App::draw_link_menu() {
  link_pick_.rows.clear();
  if (!link_pick_.menu_open()) return;
  ImGui::SetNextWindowPos(ImVec2(link_pick_.menu_x, link_pick_.menu_y), ImGuiCond_Always);
  if (link_pick_.menu_focus) ImGui::SetNextWindowFocus();  // above the panes and the claims table
  link_pick_.menu_focus = false;
  ImGui::Begin("##linkmenu", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoMove);
  ImGui::TextDisabled("link type");
  const auto& lt = corpus_->schema().link_types();
  std::optional<size_t> chosen;
  for (size_t i = 0; i < lt.size(); ++i) {
    char label[96];
    if (i < 9) std::snprintf(label, sizeof label, "%zu  %s", i + 1, lt[i].name.c_str());
    else std::snprintf(label, sizeof label, "   %s", lt[i].name.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, rgb(lt[i].color));
    if (ImGui::Selectable(label)) chosen = i;
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered() && !lt[i].description.empty()) ImGui::SetTooltip("%s", lt[i].description.c_str());
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    link_pick_.rows.push_back({lt[i].name, a.x, a.y, b.x - a.x, b.y - a.y});
  }
  ImGui::TextDisabled("Esc: another claim");
  ImGui::End();
  if (chosen) make_link(*chosen);
}

// [SECTION] Lines between linked claims: only the selected or hovered claim's links, and only
// where both ends are on screen, so the cost is bounded by what is visible. Drawn in a child
// over both panes that takes no input, so a line can go from one pane to the other.

void App::draw_link_lines() {
  auto box_of = [&](Ref r) -> std::optional<Rect> {
    if (r.kind != Ref::Span) return std::nullopt;  // a cluster end has no place in the text
    const Span* s = corpus_->find_span(r.id);
    if (!s) return std::nullopt;
    const Range e = s->fragments.extent();
    for (int p = 0; p < (split_ ? 2 : 1); ++p)
      if (panes_[p].doc == s->doc && panes_[p].canvas.document())
        if (auto b = panes_[p].canvas.visible_box(e.start, e.end)) return b;
    return std::nullopt;
  };
  std::vector<LinkId> todo;
  for (SpanId id : {selected_, static_cast<SpanId>(hovered_)}) {
    if (!id || !corpus_->find_span(id)) continue;
    for (LinkId l : corpus_->links_of(Ref{Ref::Span, id}))
      if (std::find(todo.begin(), todo.end(), l) == todo.end()) todo.push_back(l);
  }
  if (todo.empty()) return;
  const ImVec2 size = ImGui::GetWindowSize();
  ImGui::SetCursorPos(ImVec2(0, 0));
  ImGui::BeginChild("##links", size, false,
                    ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const auto& lt = corpus_->schema().link_types();
  for (LinkId lid : todo) {
    const Link& l = *corpus_->find_link(lid);
    const auto a = box_of(l.source), b = box_of(l.target);
    if (!a || !b) continue;
    const bool strong = (l.source.kind == Ref::Span && l.source.id == selected_) ||
                        (l.target.kind == Ref::Span && l.target.id == selected_);
    const ImU32 col = rgb(lt[l.type].color, strong ? 230 : 150);
    ImVec2 p0, p1, c0, c1;
    if (std::fabs((a->x + a->w * 0.5f) - (b->x + b->w * 0.5f)) > std::max(a->w, b->w) * 0.5f + 40) {
      // Side by side (or far apart on a line): from the facing edges, bending horizontally.
      const bool ltr = a->x < b->x;
      p0 = ImVec2(ltr ? a->x + a->w : a->x, a->y + a->h * 0.5f);
      p1 = ImVec2(ltr ? b->x : b->x + b->w, b->y + b->h * 0.5f);
      const float bend = std::min(120.0f, std::fabs(p1.x - p0.x) * 0.4f) * (ltr ? 1 : -1);
      c0 = ImVec2(p0.x + bend, p0.y);
      c1 = ImVec2(p1.x - bend, p1.y);
    } else {  // one above the other: below the boxes, bending sideways
      p0 = ImVec2(a->x + 4, a->y + a->h);
      p1 = ImVec2(b->x + 4, b->y + b->h);
      c0 = ImVec2(p0.x - 40, p0.y + 20);
      c1 = ImVec2(p1.x - 40, p1.y + 20);
    }
    dl->AddBezierCubic(p0, c0, c1, p1, col, strong ? 2.5f : 1.5f);
    dl->AddCircleFilled(p1, 3.5f, col);
    const ImVec2 mid(0.125f * (p0.x + p1.x) + 0.375f * (c0.x + c1.x), 0.125f * (p0.y + p1.y) + 0.375f * (c0.y + c1.y));
    const std::string& name = lt[l.type].name;
    const float fs = ImGui::GetFontSize() * 0.8f;
    const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(fs, 1e9f, 0, name.c_str());
    const ImVec2 t0(mid.x - ts.x * 0.5f, mid.y - ts.y * 0.5f);
    dl->AddRectFilled(ImVec2(t0.x - 3, t0.y), ImVec2(t0.x + ts.x + 3, t0.y + ts.y), IM_COL32(253, 252, 248, 235), 3.0f);
    dl->AddText(ImGui::GetFont(), fs, t0, col, name.c_str());
  }
  ImGui::EndChild();
}

// [SECTION] Lists

bool App::draw_links(Ref end) {
  std::vector<LinkId> ids = corpus_->links_of(end);
  if (end.kind == Ref::Span)  // a claim also says what its cluster says
    if (const ClusterId c = corpus_->cluster_of(end.id))
      for (LinkId l : corpus_->links_of(Ref{Ref::Cluster, c})) ids.push_back(l);
  if (ids.empty()) {
    if (end.kind == Ref::Span) ImGui::TextDisabled("no links: Shift+L links it to another claim");
    return false;
  }
  ImGui::TextDisabled("LINKS");
  const auto& lt = corpus_->schema().link_types();
  for (LinkId lid : ids) {
    const Link l = *corpus_->find_link(lid);  // a copy: the delete below erases it
    const bool out = l.source == end || (end.kind == Ref::Span && l.source.kind == Ref::Cluster &&
                                         l.source.id == corpus_->cluster_of(end.id));
    ImGui::PushID(static_cast<int>(lid) + 0x40000000);
    if (ImGui::SmallButton("x")) {
      edit("Delete link", [&] { history_->run<RemoveLink>(lid); });
      ImGui::PopID();
      return true;  // the list changed
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete this link (Ctrl+Z brings it back)");
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(rgb(lt[l.type].color)), "%s", lt[l.type].name.c_str());
    ImGui::SameLine();
    const Ref other = out ? l.target : l.source;
    // "from": the UI font has no left arrow.
    ImGui::TextWrapped("%s %s", out ? kArrow : "from", ref_text(other).c_str());
    if (ImGui::IsItemHovered() && other.kind == Ref::Span) {
      ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
      if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        select_span(other.id, true);
        canvas().focus();
      }
    }
    ImGui::PopID();
  }
  return false;
}

// [SECTION] Attributes from the keyboard: Shift+N steps the selected span's N-th attribute to
// its next value (after the last: unset), one undo step each.

bool App::handle_attribute_keys() {
  for (int n = 1; n <= 9; ++n) {
    const auto k = pressed_char(char('0' + n));
    if (!k || !k->shift || k->ctrl || k->alt) continue;
    const Span* s = selected_ ? corpus_->find_span(selected_) : nullptr;
    if (!s) return set_status("Shift+" + std::to_string(n) + ": select a span first"), true;
    const auto& attrs = corpus_->type_of(*s).attributes;
    if (size_t(n) > attrs.size())
      return set_status("Shift+" + std::to_string(n) + ": " + corpus_->type_of(*s).name + " has " +
                        std::to_string(attrs.size()) + " attribute" + (attrs.size() == 1 ? "" : "s")),
             true;
    const AttributeDef& a = attrs[size_t(n - 1)];
    const std::string* v = corpus_->attribute(*s, a.name);
    std::optional<std::string> next;
    if (!v) next = a.values.empty() ? std::nullopt : std::optional<std::string>(a.values.front());
    else if (auto at = std::find(a.values.begin(), a.values.end(), *v); at != a.values.end() && at + 1 != a.values.end())
      next = *(at + 1);
    const SpanId id = s->id;
    const std::string name = a.name;
    if (edit("Attribute", [&] { history_->run<SetAttribute>(id, name, next); }))
      set_status(name + ": " + (next ? *next : std::string("unset")) + " (Shift+" + std::to_string(n) +
                 " again for the next value, Ctrl+Z undoes)");
    return true;
  }
  return false;
}

}  // namespace goldspan::ui
