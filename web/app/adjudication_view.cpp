#include "app/adjudication_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "app/app.hpp"
#include "app/keys.hpp"
#include "error.hpp"
#include "model/commands.hpp"
#include "text/visual_order.hpp"

namespace goldspan::ui {

namespace {

const char kSession[] = "adjudication session ";
const char kChoice[] = "adjudicate #";

// One colour per version, distinct from the schema's label colours' strong fills.
const ImU32 kColors[] = {IM_COL32(31, 119, 180, 255), IM_COL32(214, 39, 40, 255), IM_COL32(44, 160, 44, 255),
                         IM_COL32(148, 103, 189, 255), IM_COL32(255, 127, 14, 255), IM_COL32(23, 190, 207, 255),
                         IM_COL32(140, 86, 75, 255), IM_COL32(227, 119, 194, 255), IM_COL32(127, 127, 127, 255)};
ImU32 color_of(size_t version) { return kColors[version % (sizeof kColors / sizeof kColors[0])]; }

// The open spans of `doc` that are this version's span (label and fragments).
SpanId find_span(const Corpus& c, size_t doc, const SpanVersion& v) {
  for (SpanId id : c.document_spans(doc)) {
    const Span& s = c.span(id);
    if (c.type_of(s).name == v.label && s.fragments.to_vector() == v.fragments) return id;
  }
  return 0;
}

// Version `v`'s line under each code point of `fragments`, in its own lane below the text.
void underline(ImDrawList* dl, const Canvas& canvas, const std::vector<Range>& fragments, size_t v) {
  for (Range r : fragments)
    for (uint32_t cp = r.start; cp < r.end; ++cp) {
      const auto b = canvas.visible_box(cp, cp + 1);
      if (!b) continue;
      const float y = b->y + b->h + 1.0f + 3.0f * static_cast<float>(v);
      dl->AddLine(ImVec2(b->x, y), ImVec2(b->x + b->w, y), color_of(v), 2.0f);
    }
}

std::string version_text(const Document& d, const SpanVersion& v) {
  std::string text;
  for (Range r : v.fragments) text += (text.empty() ? "" : " \xE2\x80\xA6 ") + std::string(d.slice(r.start, r.end));
  return text;
}

}  // namespace

void AdjudicationView::begin(App& app, const Adjudication& a) {
  if (a.disagreements.empty()) {
    app.show_status("Adjudicated: the annotators agree everywhere; nothing to walk.");
    return;
  }
  // An empty labelled bulk: journaled and undoable like any step, so the session survives
  // reload with the autosave log and goes away if undone.
  app.history().execute(std::make_unique<Bulk>(kSession + disagreements_json(a)));
  open_ = true;
  sync(app);  // reads the new session and shows its first disagreement
}

void AdjudicationView::sync(App& app) {
  const History& h = app.history();
  const void* top = h.next_undo();
  if (h.corpus().revision() == seen_revision_ && h.undo_size() == seen_undo_ && h.redo_size() == seen_redo_ && top == seen_top_) return;
  seen_revision_ = h.corpus().revision();
  seen_undo_ = h.undo_size();
  seen_redo_ = h.redo_size();
  seen_top_ = top;
  // The last session marker on the undo stack, and the choices after it.
  const auto& stack = h.undo_stack();
  size_t from = stack.size();
  for (size_t i = stack.size(); i-- > 0;) {
    const auto* b = dynamic_cast<const Bulk*>(stack[i].get());
    if (b && b->label().rfind(kSession, 0) == 0) {
      from = i;
      break;
    }
  }
  const std::vector<std::string> before = choices_;
  if (from == stack.size()) {
    session_ = AdjudicationSession();
    choices_.clear();
    session_label_.clear();
    current_ = -1;
    return;
  }
  const std::string& label = static_cast<const Bulk&>(*stack[from]).label();
  if (label != session_label_) {
    try {
      disagreements_from_json(std::string_view(label).substr(sizeof kSession - 1), session_);
    } catch (const Error& e) {
      app.show_status(std::string("Adjudication session: ") + e.what());
      session_ = AdjudicationSession();
    }
    session_label_ = label;
    current_ = -1;
  }
  const bool fresh = current_ < 0;
  choices_.assign(session_.disagreements.size(), "");
  for (size_t i = from + 1; i < stack.size(); ++i) {
    const auto* b = dynamic_cast<const Bulk*>(stack[i].get());
    if (!b || b->label().rfind(kChoice, 0) != 0) continue;
    const std::string rest = b->label().substr(sizeof kChoice - 1);
    const size_t colon = rest.find(": ");
    const size_t n = std::strtoul(rest.c_str(), nullptr, 10) - 1;
    if (colon != std::string::npos && n < choices_.size()) choices_[n] = rest.substr(colon + 2);
  }
  // A choice undone: the view goes back to it.
  if (before.size() == choices_.size())
    for (size_t i = 0; i < choices_.size(); ++i)
      if (!before[i].empty() && choices_[i].empty()) {
        current_ = static_cast<int>(i);
        go(app, current_);
        break;
      }
  if (fresh) step(app, +1);  // a session just begun or read back: its first open disagreement
}

size_t AdjudicationView::left() const { return static_cast<size_t>(std::count(choices_.begin(), choices_.end(), std::string())); }

std::string AdjudicationView::progress() const {
  return std::to_string(left()) + " of " + std::to_string(session_.disagreements.size()) + " left";
}

void AdjudicationView::go(App& app, int index) {
  if (index < 0 || static_cast<size_t>(index) >= session_.disagreements.size()) return;
  current_ = index;
  const Disagreement& d = session_.disagreements[static_cast<size_t>(index)];
  const ptrdiff_t doc = app.corpus().find_document(d.doc);
  if (doc < 0) return;
  app.scroll_to(static_cast<size_t>(doc), d.extent.start);
}

void AdjudicationView::step(App& app, int dir) {
  const int n = static_cast<int>(session_.disagreements.size());
  if (!n) return;
  for (int k = 1; k <= n; ++k) {
    const int i = ((current_ < 0 ? (dir > 0 ? -1 : 0) : current_) + dir * k % n + n * 2) % n;
    if (choices_[static_cast<size_t>(i)].empty()) return go(app, i);
  }
  app.show_status("Every disagreement is settled (" + progress() + "); File > Export > Gold JSON writes the result.");
}

bool AdjudicationView::choose(App& app, int who) {
  if (current_ < 0 || static_cast<size_t>(current_) >= session_.disagreements.size()) return false;
  const Disagreement& d = session_.disagreements[static_cast<size_t>(current_)];
  const ptrdiff_t doc = app.corpus().find_document(d.doc);
  if (doc < 0) return false;
  std::string name;
  const size_t versions = d.is_record() ? d.records.size() : d.versions.size();
  std::vector<bool> want(versions, false);
  if (who >= 0) {
    const auto mine = d.versions_of(static_cast<size_t>(who));
    if (std::find(d.holders.begin(), d.holders.end(), static_cast<size_t>(who)) == d.holders.end()) {
      app.show_status(std::to_string(who + 1) + ": no annotator " + std::to_string(who + 1) + " for this document");
      return false;
    }
    for (size_t v : mine) want[v] = true;
    name = session_.annotators[static_cast<size_t>(who)];
  } else if (who == kAll) {
    want.assign(versions, true);
    name = "all";
  } else {
    name = who == kNone ? "none" : "as edited";
  }
  History& h = app.history();
  const Corpus& c = app.corpus();
  const std::string label = kChoice + std::to_string(current_ + 1) + ": " + name;
  size_t ends = 0;
  try {
    h.begin_group(label);
    if (d.is_record() && who != kAsEdited) {
      ends = apply_records(app, d, want);
    } else if (who != kAsEdited) {
      // Removals first: a chosen version may overlap one that goes.
      for (size_t v = 0; v < d.versions.size(); ++v) {
        const SpanVersion& x = d.versions[v];
        const bool wanted = std::any_of(d.versions.begin(), d.versions.end(), [&](const SpanVersion& y) {
          return want[size_t(&y - d.versions.data())] && y.label == x.label && y.fragments == x.fragments;
        });
        if (!wanted)
          if (SpanId id = find_span(c, size_t(doc), x)) h.run<RemoveSpan>(id);
      }
      std::vector<std::pair<std::string, std::vector<Range>>> done;  // a span wanted twice (attribute versions): the first wins
      for (size_t v = 0; v < d.versions.size(); ++v) {
        const SpanVersion& x = d.versions[v];
        if (!want[v] || std::find(done.begin(), done.end(), std::make_pair(x.label, x.fragments)) != done.end()) continue;
        done.emplace_back(x.label, x.fragments);
        SpanId id = find_span(c, size_t(doc), x);
        if (!id) id = h.run<AddSpan>(d.doc, x.label, x.fragments, EdgeMode::Character).id();
        const Span& s = c.span(id);
        for (const auto& def : c.type_of(s).attributes) {
          const std::string* now = c.attribute(s, def.name);
          const auto it = std::find_if(x.attributes.begin(), x.attributes.end(), [&](const auto& a) { return a.first == def.name; });
          if (it == x.attributes.end() ? now != nullptr : !now || *now != it->second)
            h.run<SetAttribute>(id, def.name, it == x.attributes.end() ? std::nullopt : std::optional<std::string>(it->second));
        }
      }
    }
    const size_t before = h.undo_size();
    h.end_group();
    // A choice that changed nothing still settles the disagreement: a marker step.
    if (h.undo_size() == before) h.execute(std::make_unique<Bulk>(label));
  } catch (const Error& e) {
    if (h.in_group()) h.cancel_group();
    app.show_status(label + ": " + e.what());
    return false;
  }
  const int chosen = current_;
  sync(app);
  app.show_status("#" + std::to_string(chosen + 1) + ": " + name +
                  (ends ? ", also added " + std::to_string(ends) + (ends == 1 ? " span it needs" : " spans it needs") : "") + " (" +
                  progress() + "; Ctrl+Z undoes)");
  step(app, +1);
  return true;
}

void AdjudicationView::handle_keys(App& app) {
  sync(app);
  if (!is_open()) return;
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId) || app.cluster_finder().is_open() ||
      app.pick().active() || app.link_pick().active)
    return;
  Canvas& cv = app.canvas();
  if (cv.has_selection()) {  // tokens selected: the keys label them, as anywhere else
    if (pressed(ImGuiKey_Escape)) {
      cv.clear_selection();
      key_log().erase(ImGui::GetKeyIndex(ImGuiKey_Escape));
    }
    return;
  }
  auto take = [](int key) {
    const auto k = key_log().find(key);
    if (!k || k->ctrl || k->alt || k->shift) return false;
    key_log().erase(key);
    return true;
  };
  for (int n = 1; n <= 9; ++n)
    if (take('0' + n)) choose(app, n - 1);
  if (take('A')) choose(app, kAll);
  if (take('R')) choose(app, kNone);
  if (take(ImGui::GetKeyIndex(ImGuiKey_Enter))) choose(app, kAsEdited);
  if (take('N') || take(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) step(app, +1);
  if (take('P') || take(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) step(app, -1);
}

void AdjudicationView::draw(App& app) {
  if (!is_open()) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.42f, vp->WorkSize.y * 0.3f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.56f, vp->WorkPos.y + vp->WorkSize.y * 0.66f), ImGuiCond_FirstUseEver);
  // No focus on appearing: the canvas keeps the keys (and the view's keys work either way).
  if (!ImGui::Begin("Adjudication", &open_, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoFocusOnAppearing)) {
    ImGui::End();
    return;
  }
  draw_strategy(app);
  ImGui::SameLine();
  ImGui::Text("%s", progress().c_str());
  if (current_ >= 0 && static_cast<size_t>(current_) < session_.disagreements.size()) {
    const Disagreement& d = session_.disagreements[static_cast<size_t>(current_)];
    const std::string& choice = choices_[static_cast<size_t>(current_)];
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("  #%d of %zu: %s in %s [%u, %u)%s", current_ + 1, session_.disagreements.size(), d.kind.c_str(), d.doc.c_str(),
                       d.extent.start, d.extent.end, choice.empty() ? "" : (", settled: " + choice).c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    if (d.is_record()) {
      draw_versions(app, d);
    } else {
    const ptrdiff_t doc = app.corpus().find_document(d.doc);
    for (size_t a : d.holders) {
      const auto mine = d.versions_of(a);
      ImGui::PushID(static_cast<int>(a));
      if (ImGui::SmallButton(std::to_string(a + 1).c_str())) choose(app, static_cast<int>(a));
      ImGui::SameLine();
      ImGui::Text("%s:", session_.annotators[a].c_str());
      if (mine.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("nothing");
      }
      for (size_t v : mine) {
        const SpanVersion& x = d.versions[v];
        std::string line = x.label + " \xE2\x80\x9C" + (doc >= 0 ? version_text(app.corpus().document(size_t(doc)), x) : "") + "\xE2\x80\x9D";
        for (const auto& [k, val] : x.attributes) line += " " + k + "=" + val;
        if (x.kept) line += " (kept)";
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(color_of(v)), "%s", display_order(line).c_str());
      }
      ImGui::PopID();
    }
    }
    if (ImGui::SmallButton("all (a)")) choose(app, kAll);
    ImGui::SameLine();
    if (ImGui::SmallButton("none (r)")) choose(app, kNone);
    ImGui::SameLine();
    if (ImGui::SmallButton("as edited (Enter)")) choose(app, kAsEdited);
    ImGui::SameLine();
    if (ImGui::SmallButton("< prev (p)")) step(app, -1);
    ImGui::SameLine();
    if (ImGui::SmallButton("next (n) >")) step(app, +1);
  }
  ImGui::End();
}

bool AdjudicationView::untouched(App& app) const {
  const auto* top = dynamic_cast<const Bulk*>(app.history().next_undo());
  return active() && top && top->label().rfind(kSession, 0) == 0;
}

void AdjudicationView::draw_strategy(App& app) {
  controls_.clear();
  // Adjudicating again replaces the session: only while that loses nothing, and this tab still
  // holds the files (a reload keeps the session, not the files).
  const bool can = untouched(app) && app.has_adjudication_files();
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("strategy");
  ImGui::SameLine();
  ImGui::BeginDisabled(!can);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  const bool open = ImGui::BeginCombo("##strategy", session_.strategy.c_str());
  controls_.note("strategy");
  if (open) {
    std::vector<std::string> items{"majority", "unanimous"};
    for (const std::string& a : session_.annotators) items.push_back("prefer=" + a);
    for (const std::string& item : items) {
      if (ImGui::Selectable(item.c_str(), item == session_.strategy) && item != session_.strategy) strategy_request_ = item;
      controls_.note("strategy:" + item);
    }
    ImGui::EndCombo();
  }
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip("%s", can ? "majority: more than half of the annotators (a tie stays open); unanimous: all of them;\n"
                                  "prefer=NAME: majority, and NAME wins ties. Changing it adjudicates the same files again."
                            : app.has_adjudication_files() ? "A choice or edit was made: undo it to change the strategy"
                                                           : "File > Adjudicate\xE2\x80\xA6 the files again to change the strategy");
}

void AdjudicationView::draw_versions(App& app, const Disagreement& d) {
  for (size_t a : d.holders) {
    ImGui::PushID(static_cast<int>(a));
    if (ImGui::SmallButton(std::to_string(a + 1).c_str())) choose(app, static_cast<int>(a));
    ImGui::SameLine();
    ImGui::Text("%s:", session_.annotators[a].c_str());
    const auto mine = d.versions_of(a);
    if (mine.empty()) {
      ImGui::SameLine();
      ImGui::TextDisabled("nothing");
    }
    // Records name long claims: wrapped at the window's edge rather than cut off.
    ImGui::PushTextWrapPos(0.0f);
    for (size_t v : mine) {
      ImGui::SameLine();
      const std::string line = describe(app.corpus(), d, v) + (d.records[v].kept ? " (kept)" : "");
      ImGui::PushStyleColor(ImGuiCol_Text, color_of(v));
      ImGui::TextWrapped("%s", display_order(line).c_str());
      ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    ImGui::PopID();
  }
}

void AdjudicationView::draw_overlay(ImDrawList* dl, const Canvas& canvas) const {
  if (!is_open() || current_ < 0 || static_cast<size_t>(current_) >= session_.disagreements.size() || !canvas.document()) return;
  const Disagreement& d = session_.disagreements[static_cast<size_t>(current_)];
  if (d.is_record()) {  // each version's spans (ends, members) underlined in its lane, in whichever document is shown
    for (size_t v = 0; v < d.records.size(); ++v) {
      const RecordVersion& x = d.records[v];
      for (const auto* refs : {&x.from, &x.to, &x.members})
        for (const SpanRef& r : *refs)
          if (r.doc == canvas.document()->id()) underline(dl, canvas, r.fragments, v);
      // A relation's or span-to-span link's two ends joined in its colour, a dot at the target,
      // so that versions that differ only in their target read apart.
      if (x.from.size() != 1 || x.to.size() != 1 || x.from_cluster || x.to_cluster) continue;
      const SpanRef &a = x.from.front(), &b = x.to.front();
      if (a.doc != canvas.document()->id() || b.doc != a.doc) continue;
      const auto p = canvas.visible_box(a.fragments.front().start, a.fragments.front().start + 1);
      const auto q = canvas.visible_box(b.fragments.front().start, b.fragments.front().start + 1);
      if (!p || !q) continue;
      const float lane = 1.0f + 3.0f * static_cast<float>(v);
      const ImVec2 from(p->x + 2, p->y + p->h + lane), to(q->x + 2, q->y + q->h + lane);
      dl->AddLine(from, to, (color_of(v) & 0x00FFFFFF) | 0x90000000, 1.5f);
      dl->AddCircleFilled(to, 3.0f, color_of(v));
    }
    return;
  }
  if (canvas.document()->id() != d.doc) return;
  // Each version a line under its code points, one lane per version below the text.
  for (size_t v = 0; v < d.versions.size(); ++v) underline(dl, canvas, d.versions[v].fragments, v);
  // The whole stretch outlined, so that the eye finds it after the jump.
  const auto first = canvas.visible_box(d.extent.start, d.extent.start + 1), last = canvas.visible_box(d.extent.end - 1, d.extent.end);
  if (first && last && first->y == last->y)
    dl->AddRect(ImVec2(first->x - 2, first->y - 2), ImVec2(last->x + last->w + 2, last->y + last->h + 3.0f * float(d.versions.size()) + 2),
                IM_COL32(60, 60, 60, 160), 3.0f);
}

}  // namespace goldspan::ui
