#include "app/app.hpp"

#include <imgui.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "app/keys.hpp"
#include "error.hpp"
#include "model/commands.hpp"
#include "app/zip.hpp"
#include "io/formats.hpp"
#include "io/gold_json.hpp"
#include "model/cluster_edits.hpp"
#include "model/journal.hpp"
#include "text/icu_data.hpp"

namespace goldspan::ui {

App::App(Platform& platform, Schema schema)
    : platform_(platform),
      corpus_(std::make_unique<Corpus>(std::move(schema))),
      history_(std::make_unique<History>(*corpus_)) {
  history_->set_annotator("annotator");
  tokenizer_ = Tokenizer(corpus_->schema().locale());  // token mode follows the schema's language
  // Every completed step (edit, group, undo, redo) is appended to the autosave log at once.
  history_->set_journal([this](const std::string& line) { platform_.persist(line); });
  for (int p = 0; p < 2; ++p) {
    panes_[p].canvas.set_span_query([this, p](uint32_t a, uint32_t b, std::vector<SpanMark>& out) {
      std::vector<SpanHit>& hits = panes_[p].hits;
      hits.clear();
      corpus_->query(panes_[p].doc, a, b, hits);
      for (const SpanHit& h : hits) {
        const Span& s = corpus_->span(h.span);
        const SpanType& t = corpus_->type_of(s);
        const uint32_t c = t.color;
        SpanMark m;
        m.id = h.span;
        m.start = h.start;
        m.end = h.end;
        m.color = IM_COL32((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, 255);
        m.claim = t.kind == SpanKind::Claim;
        m.selected = h.span == selected_;
        m.cluster = corpus_->cluster_of(h.span);
        m.cluster_color = m.cluster ? cluster_color(m.cluster) : 0;
        m.linked = !corpus_->relations_of(h.span).empty();
        // While a claim link is being made every other claim is a target, in any document.
        m.candidate = link_pick_.active ? m.claim && !(link_pick_.source == Ref{Ref::Span, h.span})
                                        : pick_.is_candidate(h.span);
        m.focus = m.candidate && (link_pick_.active ? link_pick_.target && *link_pick_.target == Ref{Ref::Span, h.span}
                                                    : pick_.focused() == h.span);
        out.push_back(m);
      }
    });
    panes_[p].canvas.set_overlay([this, p](ImDrawList* dl, uint64_t hovered) {
      suggestions_.draw_overlay(*this, dl, panes_[p].canvas, panes_[p].doc, p);
      draw_relation_arcs(dl, hovered, p);
      adjudication_.draw_overlay(dl, panes_[p].canvas);
    });
  }
}

App::~App() = default;

void App::set_status(std::string s) {
  status_ = std::move(s);
  status_time_ = ImGui::GetTime();
}

bool App::edit(const char* what, const std::function<void()>& f) {
  try {
    f();
    return true;
  } catch (const Error& e) {
    set_status(std::string(what) + ": " + e.what());
    return false;
  }
}

// [SECTION] Documents

OpenResult App::open_texts(std::vector<std::pair<std::string, std::string>> in, bool persist) {
  OpenResult r;
  std::vector<std::shared_ptr<const Document>> made;
  if (!dictionaries_)
    for (const auto& doc : in)
      if (needs_break_dictionary(doc.second)) {
        r.ok = false;
        r.needs_dictionaries = true;
        return r;
      }
  for (auto& [id, text] : in) {
    bool dup = corpus_->find_document(id) >= 0;
    for (const auto& m : made) dup |= m->id() == id;
    if (dup) {
      r.errors.push_back(id + ": a document with this id is already open");
      continue;
    }
    try {
      made.push_back(std::make_shared<const Document>(id, std::move(text), tokenizer_));
    } catch (const Error& e) {
      r.errors.push_back(e.what());
    }
  }
  if (!r.errors.empty()) {
    r.ok = false;
    return r;
  }
  const size_t first = corpus_->document_count();
  for (auto& d : made) {
    fonts_.note_text(d->text());
    // Documents go into the log before any edit that refers to them.
    if (persist) platform_.persist_document(d->id(), d->text());
    corpus_->add_document(d);
  }
  if (!made.empty() && (first == 0 || canvas().document() == nullptr)) show_document(first);
  return r;
}

OpenResult App::import_gold(const std::string& name, std::string_view json) {
  OpenResult r;
  if (!dictionaries_ && needs_break_dictionary(json)) {
    r.ok = false;
    r.needs_dictionaries = true;
    return r;
  }
  const GoldImport in = parse_gold(json, name, &corpus_->schema(), tokenizer_);
  r.errors = in.errors;
  if (in.errors_not_listed) r.errors.push_back("\xE2\x80\xA6 and " + std::to_string(in.errors_not_listed) + " more errors");
  if (in.ok()) apply_import(in, r, true);
  if (r.errors.empty() && !in.documents.empty())
    set_status("Imported " + name + (in.warnings.empty() ? "" : " (" + std::to_string(in.warnings.size()) + " warnings)"));
  r.ok = r.errors.empty();
  return r;
}

App::Exported App::export_as(const std::string& format, bool utf16) {
  Exported out;
  if (format == "claims-csv" || format == "claims-md") {  // a view of the corpus, not an interchange format
    const bool csv = format == "claims-csv";
    out.file_name = csv ? "goldspan.claims.csv" : "goldspan.claims.md";
    out.mime = csv ? "text/csv" : "text/markdown";
    out.bytes = csv ? claims_csv(claims_.table(*this)) : claims_markdown(claims_.table(*this));
    return out;
  }
  ExportOptions o;
  o.utf16 = utf16;
  const auto files = write_format(format, *corpus_, o, tokenizer_, out.warnings);
  if (const size_t left = corpus_->suggestions().size())
    out.warnings.push_back(std::to_string(left) + (left == 1 ? " suggestion" : " suggestions") +
                           " neither accepted nor rejected: not in the file (only accepted ones are spans)");
  static const std::map<std::string, std::pair<const char*, const char*>> kNames = {
      {"gold", {"goldspan.gold.json", "application/json"}},
      {"gold-jsonl", {"goldspan.gold.jsonl", "application/jsonl"}},
      {"conll", {"goldspan.conll", "text/plain"}},
      {"doccano", {"goldspan.doccano.jsonl", "application/jsonl"}},
      {"label-studio", {"goldspan.label-studio.json", "application/json"}},
      {"prodigy", {"goldspan.prodigy.jsonl", "application/jsonl"}},
      {"w3c", {"goldspan.w3c.jsonld", "application/ld+json"}},
  };
  if (files.size() == 1 && files[0].name.empty()) {
    const auto& n = kNames.at(format);
    out.file_name = n.first;
    out.mime = n.second;
    out.bytes = files[0].contents;
    // After adjudication the file says who had each record, as `goldspan adjudicate` writes it
    // (offsets in UTF-16 would not match the records' identities, so not then).
    if (format == "gold" && !utf16) out.bytes = adjudication_.with_provenance(out.bytes);
  } else {  // several files (brat): one archive
    std::vector<ZipEntry> entries;
    for (const auto& f : files) entries.push_back({"goldspan-" + format + "/" + f.name, f.contents});
    out.file_name = "goldspan-" + format + ".zip";
    out.mime = "application/zip";
    out.bytes = make_zip(entries);
  }
  return out;
}

void App::download(const std::string& format, bool utf16) {
  try {
    const Exported e = export_as(format, utf16);
    platform_.download(e.file_name, e.mime, e.bytes);
    if (!e.warnings.empty()) {
      dialog_title_ = "Exported " + e.file_name + ": what " + format + " cannot carry";
      dialog_errors_ = e.warnings;
      dialog_info_ = true;
    } else {
      set_status("Exported " + e.file_name);
    }
  } catch (const Error& ex) {
    set_status(std::string("Export: ") + ex.what());
  }
}

void App::dictionaries_loaded() {
  dictionaries_ = true;
  tokenizer_ = Tokenizer(corpus_->schema().locale());  // iterators made without the dictionaries keep rejecting those scripts
}

OpenResult App::restore_document(const std::string& id, std::string text) {
  std::vector<std::pair<std::string, std::string>> one;
  one.emplace_back(id, std::move(text));
  OpenResult r = open_texts(std::move(one), false);
  if (!r.ok && !r.needs_dictionaries) {
    dialog_title_ = "Could not restore all saved work";
    dialog_errors_ = r.errors;
  }
  return r;
}

OpenResult App::restore_line(const std::string& line, size_t number) {
  OpenResult r;
  try {
    replay_journal_line(*history_, line, number);
  } catch (const Error& e) {
    r.ok = false;
    r.errors.push_back(std::string("autosave: ") + e.what() + " (later entries not applied)");
    dialog_title_ = "Could not restore all saved work";
    dialog_errors_ = r.errors;
  }
  return r;
}

void App::show_document(size_t i) { show_in_pane(active_, i); }

void App::show_in_pane(int pane, size_t i) {
  if (i >= corpus_->document_count() || pane < 0 || pane > 1) return;
  active_ = pane;
  panes_[pane].doc = i;
  panes_[pane].canvas.set_document(&corpus_->document(i));
  if (pane == 1 && !split_) set_side_by_side(true);
  // The selected span stays selected while some pane shows it (it is the next relation's or
  // link's source).
  if (const Span* s = selected_ ? corpus_->find_span(selected_) : nullptr;
      s && s->doc != panes_[0].doc && !(split_ && s->doc == panes_[1].doc))
    selected_ = 0;
}

void App::set_side_by_side(bool on) {
  if (on == split_) return;
  split_ = on;
  if (on) {
    // The right pane opens on the next document, so two outlets are side by side at once.
    Pane& right = panes_[1];
    if (!right.canvas.document() && corpus_->document_count()) {
      right.doc = corpus_->document_count() > 1 ? (panes_[0].doc + 1) % corpus_->document_count() : panes_[0].doc;
      right.canvas.set_document(&corpus_->document(right.doc));
    }
  } else if (active_ == 1) {
    // The single pane keeps what the reader was looking at.
    panes_[0].doc = panes_[1].doc;
    panes_[0].canvas.set_document(&corpus_->document(panes_[0].doc));
    active_ = 0;
  }
}

// [SECTION] Annotating

std::optional<SpanId> App::label_selection(const std::string& type) {
  Canvas& cv = canvas();
  if (!cv.document() || !cv.has_selection()) {
    set_status("Select tokens first (drag, or arrows with Shift), then press a label's key.");
    return std::nullopt;
  }
  std::optional<SpanId> id;
  const EdgeMode mode = cv.char_mode() ? EdgeMode::Character : EdgeMode::Token;
  edit("Label", [&] {
    id = history_->run<AddSpan>(cv.document()->id(), type,
                                std::vector<Range>{{cv.sel_start(), cv.sel_end()}}, mode)
             .id();
  });
  if (id) {
    selected_ = *id;
    cv.clear_selection();
    set_status("");
  }
  return id;
}

OpenResult App::add_spans(size_t doc, const std::vector<NewSpan>& spans, EdgeMode mode) {
  OpenResult r;
  const std::string& id = corpus_->document(doc).id();
  history_->begin_group("add " + std::to_string(spans.size()) + " spans");
  for (size_t i = 0; i < spans.size(); ++i) {
    try {
      history_->run<AddSpan>(id, spans[i].label, std::vector<Range>{{spans[i].start, spans[i].end}}, mode);
    } catch (const Error& e) {
      r.errors.push_back("spans[" + std::to_string(i) + "]: " + e.what());
      if (r.errors.size() >= 100) break;  // enough to show what is wrong
    }
  }
  r.ok = r.errors.empty();
  if (r.ok) history_->end_group();
  else history_->cancel_group();
  return r;
}

void App::select_span(SpanId id, bool scroll) {
  const Span* s = corpus_->find_span(id);
  if (!s) return;
  // A span already on screen in the other pane is selected there; else the active pane shows it.
  if (s->doc != current()) {
    if (split_ && panes_[1 - active_].doc == s->doc) active_ = 1 - active_;
    else show_document(s->doc);
  }
  selected_ = id;
  if (scroll) canvas().scroll_to(s->fragments.extent().start);
}

void App::undo() {
  if (!history_->can_undo()) return set_status("Nothing to undo.");
  edit("Undo", [&] { history_->undo(); });
  if (selected_ && !corpus_->find_span(selected_)) selected_ = 0;
}

void App::redo() {
  if (!history_->can_redo()) return set_status("Nothing to redo.");
  edit("Redo", [&] { history_->redo(); });
}

void App::jump_span(int dir) {
  refresh_caches();
  if (doc_spans_.empty()) return;
  auto pos = std::find(doc_spans_.begin(), doc_spans_.end(), selected_);
  size_t i;
  if (pos == doc_spans_.end()) {
    // From the cursor: the first span starting at or after it (or the last before it).
    const uint32_t at = canvas().sel_start();
    i = 0;
    while (i < doc_spans_.size() && corpus_->span(doc_spans_[i]).fragments.extent().start < at) ++i;
    if (dir < 0) i = i == 0 ? doc_spans_.size() - 1 : i - 1;
    else if (i == doc_spans_.size()) i = 0;
  } else {
    const size_t k = static_cast<size_t>(pos - doc_spans_.begin());
    i = dir > 0 ? (k + 1) % doc_spans_.size() : (k + doc_spans_.size() - 1) % doc_spans_.size();
  }
  select_span(doc_spans_[i], true);
}

bool App::handle_cluster_keys() {
  const auto k = pressed_char('k');
  if (!k || k->ctrl || k->alt) return false;
  const Span* s = selected_ ? corpus_->find_span(selected_) : nullptr;
  if (!s) {
    set_status(k->shift ? "Shift+K: select a span in a cluster first" : "k: select a span first (click it, or Tab to it), then k adds it to a cluster");
    return true;
  }
  if (!k->shift) {
    finder_.open(*this, s->id);
    return true;
  }
  const ClusterId c = corpus_->cluster_of(s->id);
  if (!c) {
    set_status("Shift+K: s" + std::to_string(s->id) + " is in no cluster");
    return true;
  }
  const std::string name = corpus_->find_cluster(c)->name;
  const SpanId id = s->id;
  if (edit("Shift+K", [&] { leave_cluster(*history_, id); }))
    set_status("s" + std::to_string(id) + " left cluster '" + name + "' (Ctrl+Z undoes)");
  return true;
}

void App::handle_keys() {
  if (finder_.is_open()) return;  // the finder has the keys
  if (ImGui::GetIO().WantTextInput || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return;
  if (auto k = pressed_char('z'); k && k->ctrl) k->shift ? redo() : undo();
  if (auto k = pressed_char('y'); k && k->ctrl) redo();
  if (auto k = pressed_char('o'); k && k->ctrl) platform_.pick_files("open");
  if (auto k = pressed_char('s'); k && k->ctrl) download("gold");
  if (auto k = key_log().find(kKeyF2); k && !k->ctrl) set_side_by_side(!split_);
  if (handle_link_keys()) return;  // while the type menu is open the canvas has no focus
  Canvas& cv = canvas();
  if (!cv.focused()) return;
  if (handle_pick_keys()) return;
  if (handle_cluster_keys()) return;
  if (handle_attribute_keys()) return;
  if (auto k = pressed(ImGuiKey_Tab); k && !k->ctrl) jump_span(k->shift ? -1 : +1);
  if (selected_ && (pressed(ImGuiKey_Delete) || pressed(ImGuiKey_Backspace))) {
    const SpanId id = selected_;
    if (edit("Delete", [&] { history_->run<RemoveSpan>(id); })) selected_ = 0;
  }
  for (const SpanType& t : corpus_->schema().span_types()) {
    const auto k = t.hotkey ? pressed_char(t.hotkey) : std::nullopt;
    if (!k || k->ctrl || k->alt || k->shift) continue;  // Shift+key is another command, never a label
    if (cv.has_selection()) label_selection(t.name);
    else if (selected_ && corpus_->type_of(corpus_->span(selected_)).name != t.name) {
      const SpanId id = selected_;
      edit("Relabel", [&] { history_->run<RelabelSpan>(id, t.name); });
    }
  }
}

// [SECTION] Automation

// The automation calls name a document: the pane showing it (the active one first) answers,
// else the active pane shows it.
void App::scroll_to(size_t doc, uint32_t cp) {
  if (doc != current() && split_ && panes_[1 - active_].doc == doc) active_ = 1 - active_;
  if (doc != current() || canvas().document() != &corpus_->document(doc)) show_document(doc);
  canvas().scroll_to(cp);
}

std::optional<Rect> App::char_rect(size_t doc, uint32_t cp) {
  for (int p : {active_, 1 - active_})
    if ((p == 0 || split_) && panes_[p].doc == doc && panes_[p].canvas.document()) return panes_[p].canvas.char_rect(cp);
  return std::nullopt;
}

void App::select(size_t doc, uint32_t start, uint32_t end) {
  scroll_to(doc, start);
  canvas().select(start, end);
}

// [SECTION] Frame

void App::refresh_caches() {
  if (cached_revision_ == corpus_->revision() && cached_doc_ == current() &&
      spans_per_doc_.size() == corpus_->document_count())
    return;
  cached_revision_ = corpus_->revision();
  cached_doc_ = current();
  doc_spans_ = corpus_->document_count() ? corpus_->document_spans(current()) : std::vector<SpanId>{};
  spans_per_doc_.assign(corpus_->document_count(), 0);
  for (SpanId id : corpus_->span_ids()) ++spans_per_doc_[corpus_->span(id).doc];
}

void App::draw_pane(int i, float width, float height) {
  Pane& p = panes_[i];
  ImGui::BeginChild(i ? "##pane1" : "##pane0", ImVec2(width, height), false);
  if (split_) {
    // The pane's head: which document, and which pane has the keys.
    const bool active = i == active_;
    ImGui::PushStyleColor(ImGuiCol_Text, active ? IM_COL32(30, 30, 30, 255) : IM_COL32(140, 140, 140, 255));
    // Plain ASCII marks: the UI font has no circle glyphs.
    ImGui::Text(" %s %s", active ? ">" : " ", p.canvas.document() ? p.canvas.document()->id().c_str() : "");
    ImGui::PopStyleColor();
  }
  p.canvas.draw(fonts_, [this](uint64_t id) {
    hovered_ = id;
    if (!finder_.is_open()) draw_hover_tooltip(static_cast<SpanId>(id));  // it would cover the finder's rows
  });
  ImGui::EndChild();
  if (p.canvas.focused() && active_ != i) {
    active_ = i;
    refresh_caches();
  }
  if (auto clicked = p.canvas.take_clicked_span()) {
    active_ = i;
    if (handle_link_click(*clicked)) return;
    if (handle_pick_click(*clicked)) return;
    if (*clicked) select_span(static_cast<SpanId>(*clicked), false);
    else selected_ = 0;
    // A click on a suggestion (and on no span) makes it current, and selects no tokens, so
    // that its keys work at once.
    if (!*clicked && suggestions_.handle_click(*this, i)) p.canvas.clear_selection();
  }
}

void App::frame() {
  // Another strategy from the Adjudication window: applied before anything draws, since it
  // replaces the session (and the view) itself.
  if (const std::string s = adjudication_.take_strategy_request(); !s.empty()) adjudicate(adjudication_files_, s, true);
  adjudication_.handle_keys(*this);  // before the canvases, which would take its keys too
  suggestions_.handle_keys(*this);
  refresh_caches();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  // No background: the platform clears each frame to WindowBg, and a full-window quad on top of
  // that clear was a million blended pixels per frame under software WebGL.
  ImGui::Begin("goldspan", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_MenuBar |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBackground);
  ImGui::PopStyleVar(2);
  draw_menu();
  const float side = std::round(ImGui::GetFontSize() * 15);
  const float body_h = ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing();

  ImGui::BeginChild("##docs", ImVec2(side, body_h), true);
  draw_documents_panel();
  clusters_.draw(*this);
  ImGui::EndChild();
  ImGui::SameLine(0, 0);
  ImGui::BeginChild("##main", ImVec2(ImGui::GetContentRegionAvail().x - side * 1.3f, body_h), false);
  hovered_ = 0;
  const float main_w = ImGui::GetContentRegionAvail().x;
  if (split_) {
    draw_pane(0, std::floor(main_w * 0.5f) - 2, body_h);
    ImGui::SameLine(0, 4);
    draw_pane(1, 0, body_h);
  } else {
    draw_pane(0, 0, body_h);
  }
  draw_link_lines();
  ImGui::EndChild();
  ImGui::SameLine(0, 0);
  ImGui::BeginChild("##side", ImVec2(0, body_h), true);
  suggestions_.draw_panel(*this);
  draw_palette();
  draw_inspector();
  draw_span_list();
  ImGui::EndChild();
  draw_status_bar();
  draw_error_dialog();
  search_.frame(*this);
  claims_.frame(*this);
  adjudication_.draw(*this);
  agreement_.draw(*this);
  finder_.frame(*this);
  draw_link_menu();
  handle_keys();
  ImGui::End();
}

}  // namespace goldspan::ui
