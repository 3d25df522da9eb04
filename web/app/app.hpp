#pragma once
// App — the annotator. Owns the annotation state (a core Corpus edited through a History, so
// every edit is a command: undoable, journaled, autosaved), the canvas and the panels, and
// draws one ImGui frame per call. Talks to the browser only through Platform. The page and
// the automation API (web/main_web.cpp) call the public methods below.
#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/adjudication_view.hpp"
#include "app/agreement_view.hpp"
#include "app/canvas.hpp"
#include "app/claims_view.hpp"
#include "app/cluster_finder.hpp"
#include "app/clusters_panel.hpp"
#include "app/fonts.hpp"
#include "app/link_pick.hpp"
#include "app/relation_pick.hpp"
#include "app/search_panel.hpp"
#include "app/suggestions_view.hpp"
#include "io/read_files.hpp"
#include "search/dictionary.hpp"
#include "model/corpus.hpp"
#include "model/history.hpp"
#include "platform.hpp"
#include "text/tokenizer.hpp"

namespace goldspan::ui {

struct OpenResult {
  bool ok = true;
  std::vector<std::string> errors;  // "file: place: reason"
  // Nothing was done: the text needs ICU's break dictionaries, which the page must load
  // (add_icu_dictionaries) before trying again.
  bool needs_dictionaries = false;
};

class App {
 public:
  App(Platform& platform, Schema schema);
  ~App();

  Fonts& fonts() { return fonts_; }
  void frame();  // one ImGui frame (between NewFrame and Render)

  // [SECTION] Documents
  // Adds documents (id, UTF-8 text); all-or-nothing: on any error nothing changes.
  OpenResult open_texts(std::vector<std::pair<std::string, std::string>> docs, bool persist = true);
  // Files from the picker or drag-and-drop, read together (import_files.cpp): every format of
  // core/io/read_files.hpp, told by name and content, brat .txt + .ann paired by name. All or
  // nothing: when one file is bad nothing changes and the dialog lists every error. Dictionary
  // files then label their terms in every document, one undo step each. `as_suggestions`
  // (File > Open as suggestions…): the documents open as usual, but the files' spans (Label
  // Studio: its predictions) and the dictionaries' matches become suggestions instead.
  OpenResult open_files(std::vector<NamedFile> files, bool as_suggestions = false);
  OpenResult open_file(const std::string& name, std::string bytes);  // one file, as open_files
  // A gold JSON file: checked completely first; on any error nothing changes. Its documents
  // are added (those already open with the same text are kept) and its annotations applied
  // as one undo step.
  OpenResult import_gold(const std::string& name, std::string_view json);
  // Several annotators' gold files of the same documents (File > Adjudicate…): checked and
  // adjudicated first (all or nothing); then a new session replaces everything open (the
  // autosave log starts again) with the kept records, and the adjudication view walks the
  // disagreements (adjudication_view.hpp). `strategy` as `goldspan adjudicate --strategy`:
  // majority, unanimous or prefer=NAME. `again`: the same files with another strategy while
  // the session is untouched, so nothing is lost and no backup is downloaded.
  OpenResult adjudicate(std::vector<NamedFile> files, const std::string& strategy = "majority", bool again = false);
  // This tab still holds the files the adjudication session was made from.
  bool has_adjudication_files() const { return !adjudication_files_.empty(); }
  // Several annotators' gold files of the same documents (File > Agreement…): scored and shown
  // in the Agreement window (agreement_view.hpp); the open session is left as it is.
  OpenResult agreement(std::vector<NamedFile> files);
  // A new, empty session: no documents, no annotations, the autosave log dropped.
  void new_session();
  // Adds the import's documents and applies its annotations as one undo step (errors in `r`).
  void apply_gold_import(const GoldImport& in, OpenResult& r) { apply_import(in, r, true); }
  const Tokenizer& tokenizer() const { return tokenizer_; }
  bool dictionaries_ready() const { return dictionaries_; }
  AdjudicationView& adjudication_view() { return adjudication_; }
  AgreementView& agreement_view() { return agreement_; }
  SuggestionsView& suggestions_view() { return suggestions_; }

  // [SECTION] Export (core/io/formats.hpp names the formats)
  struct Exported {
    std::string file_name, mime, bytes;  // one file (a .zip for brat)
    std::vector<std::string> warnings;   // what the format cannot carry
  };
  Exported export_as(const std::string& format, bool utf16 = false);
  void download(const std::string& format, bool utf16 = false);
  // Replay of the autosave log at start-up, record by record in order: documents and journal
  // lines. A failing record is reported (dialog) and the page stops replaying there.
  OpenResult restore_document(const std::string& id, std::string text);
  OpenResult restore_line(const std::string& line, size_t number);
  // After the page handed ICU the dictionaries package: new documents get a fresh tokenizer.
  void dictionaries_loaded();
  const Corpus& corpus() const { return *corpus_; }
  History& history() { return *history_; }
  // Shows document i in the active pane (the one last clicked or focused).
  void show_document(size_t i);
  size_t current() const { return panes_[active_].doc; }  // the active pane's document

  // [SECTION] Panes: one canvas, or two side by side (View > Side by side, F2), each with its
  // own document, scroll and token selection; the selected span, picks and keys are the App's
  // and follow whichever pane was clicked last.
  struct Pane {
    Canvas canvas;
    size_t doc = 0;
    std::vector<SpanHit> hits;  // scratch for the canvas's span query
  };
  bool side_by_side() const { return split_; }
  void set_side_by_side(bool on);
  int active_pane() const { return active_; }
  const Pane& pane(int i) const { return panes_[i]; }
  void show_in_pane(int pane, size_t doc);

  // [SECTION] Annotating (also used by the automation API)
  // Labels the canvas selection; returns the new span's id, or nullopt with a status message.
  std::optional<SpanId> label_selection(const std::string& type);
  // Adds many spans as one undo step (pre-annotation, scripts). All-or-nothing: every
  // failing span is reported and none is added.
  struct NewSpan {
    std::string label;
    uint32_t start = 0, end = 0;
  };
  OpenResult add_spans(size_t doc, const std::vector<NewSpan>& spans, EdgeMode mode);
  void select_span(SpanId id, bool scroll);
  SpanId selected_span() const { return selected_; }
  void undo();
  void redo();

  // [SECTION] Automation
  void scroll_to(size_t doc, uint32_t cp);
  std::optional<Rect> char_rect(size_t doc, uint32_t cp);
  void select(size_t doc, uint32_t start, uint32_t end);
  Canvas& canvas() { return panes_[active_].canvas; }  // the active pane's
  const std::string& status() const { return status_; }
  const std::string& save_line() const { return save_line_; }  // the status bar's save state, as last drawn
  void show_status(std::string s) { set_status(std::move(s)); }
  // A status message shows this long (seconds).
  static constexpr double kStatusSeconds = 8;
  // When the picture next changes without input (the status message expiring), in
  // ImGui::GetTime() seconds; 0: never. The page's frame loop sleeps until then.
  double redraw_due() const {
    const double status = status_.empty() ? 0 : status_time_ + kStatusSeconds, search = search_.due();
    return status && search ? std::min(status, search) : status + search;
  }
  void show_errors(std::string title, std::vector<std::string> errors) {
    dialog_title_ = std::move(title);
    dialog_errors_ = std::move(errors);
    dialog_info_ = false;
  }
  const SearchPanel& search_panel() const { return search_; }
  const RelationPick& pick() const { return pick_; }
  const LinkPick& link_pick() const { return link_pick_; }
  ClaimsView& claims_view() { return claims_; }
  const ClusterFinder& cluster_finder() const { return finder_; }
  const ClustersPanel& clusters_panel() const { return clusters_; }
  // The documents panel's L and R buttons (side by side): "L:<doc id>", "R:<doc id>".
  const std::vector<Control>& documents_controls() const { return doc_controls_.list(); }
  // The File menu's head and, while it is open, its Adjudicate… and Agreement… rows ("menu:File",
  // "menu:Adjudicate", "menu:Agreement").
  const std::vector<Control>& menu_controls() const { return menu_controls_.list(); }

 private:
  // [SECTION] Per-frame parts (app.cpp, panels.cpp)
  void handle_keys();
  void draw_menu();
  void draw_documents_panel();
  ControlLog doc_controls_;
  ControlLog menu_controls_;
  void draw_palette();
  void draw_span_list();
  void draw_inspector();
  void draw_status_bar();
  void draw_error_dialog();
  void draw_hover_tooltip(SpanId id);
  void jump_span(int dir);
  bool handle_cluster_keys();  // k opens the finder on the selected span, Shift+K takes it out of its cluster
  void set_status(std::string s);
  // Runs an edit, turning goldspan::Error into a status message; true when it succeeded.
  bool edit(const char* what, const std::function<void()>& f);
  void refresh_caches();

  // [SECTION] Importing (import_files.cpp)
  // Adds the import's documents (persisted before the journal line that refers to them) and
  // applies its annotations as one step; errors in `r`. Shows the first new document when
  // `show`, or when none was shown (documents alone do not move the reader away).
  void apply_import(const GoldImport& in, OpenResult& r, bool show);
  void open_suggestions(const ReadFiles& in, std::vector<std::pair<std::string, Dictionary>>& dicts, const std::string& what,
                        OpenResult& r);

  // [SECTION] Relations (relation_pick.cpp)
  void start_pick(size_t type);
  void cancel_pick(const std::string& why);
  bool handle_pick_keys();                // true when the keys were for relations (a hotkey, or any while picking)
  bool handle_pick_click(uint64_t span);  // true when the click went to the pick (a span as its target)
  void pick_target(SpanId target);
  void refresh_pick();
  void draw_relation_arcs(ImDrawList* dl, uint64_t hovered, int pane);
  void draw_span_relations(SpanId id);  // the inspector's list, with delete buttons

  // [SECTION] Claim links (link_pick.cpp): Shift+L on a claim (or "link" on a claim cluster in
  // the clusters panel), then a claim in any document or pane, or a claim cluster, then the
  // link type from a numbered menu. Public parts for the clusters panel and the automation API.
 public:
  void start_link(Ref source);
  void link_target(Ref target);   // opens the type menu at the mouse
  void make_link(size_t type);    // from the open menu
  void cancel_link(const std::string& why);
  // The links of a claim or claim cluster as rows with delete buttons (inspector, clusters
  // panel); true when one was deleted this frame.
  bool draw_links(Ref end);
 private:
  bool handle_link_keys();                 // true when the keys were the link pick's
  bool handle_link_click(uint64_t span);   // true when the click went to it
  void draw_link_menu();
  void draw_link_lines();                  // the selected or hovered claim's links between visible ends
  bool handle_attribute_keys();            // Shift+1..9 cycle the selected span's attributes
  std::string ref_text(Ref r) const;       // "CLAIM “…” (doc)" or "cluster c3 'name'"
  void draw_pane(int i, float width, float height);

  Platform& platform_;
  Fonts fonts_;
  Tokenizer tokenizer_;
  bool dictionaries_ = false;
  // Some of `files` needs the CJK/Thai break dictionaries, which are not loaded yet.
  bool lacks_dictionaries(const std::vector<NamedFile>& files) const;
  std::unique_ptr<Corpus> corpus_;
  std::unique_ptr<History> history_;
  Pane panes_[2];
  int active_ = 0;
  bool split_ = false;
  uint64_t hovered_ = 0;  // the span under the pointer this frame, in either pane
  SpanId selected_ = 0;
  RelationPick pick_;
  LinkPick link_pick_;
  // Recomputed when the corpus revision or the document changes.
  uint64_t cached_revision_ = ~0ull;
  size_t cached_doc_ = ~size_t(0);
  std::vector<SpanId> doc_spans_;
  std::vector<size_t> spans_per_doc_;
  std::string status_;
  std::string save_line_;
  double status_time_ = 0;
  std::vector<std::string> dialog_errors_;
  std::string dialog_title_;
  bool dialog_info_ = false;  // a notice (export warnings), not errors
  SearchPanel search_;
  ClaimsView claims_;
  ClusterFinder finder_;
  ClustersPanel clusters_;
  AdjudicationView adjudication_;
  std::vector<NamedFile> adjudication_files_;  // the session's inputs, for another strategy
  AgreementView agreement_;
  SuggestionsView suggestions_;
};

}  // namespace goldspan::ui
