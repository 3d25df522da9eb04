#pragma once
// AdjudicationView — walks several annotators' disagreements into one gold corpus (File >
// Adjudicate…). The App opens the adjudicated gold (the records the majority kept) as a new
// session and hands the structured disagreements (core/agree/adjudicate.hpp) here. The view
// shows one at a time: the canvas jumps to it and underlines each version in its own colour;
// the panel lists every annotator's version. A choice makes the corpus hold exactly the chosen
// versions of that stretch, as one labelled undo step ("adjudicate #12: B").
//
// Nothing but the journal holds the session, so undo, redo, autosave and reload need no extra
// state: the session is an empty labelled bulk ("adjudication session {json}") journaled
// after the import, and a disagreement is settled while a step labelled with its number is
// on the undo stack. Undoing a choice reopens it; undoing the session marker ends the session.
//
// Keys (while the panel is open, no tokens are selected and no text field has the keyboard):
// 1..9 accept annotator N's version, a all versions, r none, Enter keeps the stretch as edited
// by hand, n / → next open one, p / ← previous; Esc clears a token selection first.
//
// Relation, cluster and claim-link disagreements take the same keys (adjudication_records.cpp):
// the chosen versions' records are made to exist and the others removed. A chosen record's
// missing span ends (or cluster members) are added with it, in the same step, as the
// annotator had them: the walk offers a document's spans before its relations and clusters
// before links, so this matters only when jumping ahead or after rejecting an end. A link's
// missing cluster end is not guessed: the choice is refused until that cluster exists.
//
// The strategy (majority, unanimous, prefer NAME) is the window's combo: while no step follows
// the session marker and this tab still has the files, changing it adjudicates them again.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "agree/adjudicate.hpp"
#include "app/controls.hpp"

struct ImDrawList;

namespace goldspan::ui {

class App;
class Canvas;

class AdjudicationView {
 public:
  static constexpr int kAll = -1, kNone = -2, kAsEdited = -3;

  // Journals the session marker for `a` (its documents and kept records are open already).
  void begin(App& app, const Adjudication& a);
  // Call at the start of the frame, before the canvas: the view's keys are taken out of the
  // frame's key log so that no canvas or label hotkey acts on them too.
  void handle_keys(App& app);
  void draw(App& app);  // the panel window
  // The current disagreement's versions, underlined in the pane that shows its document.
  void draw_overlay(ImDrawList* dl, const Canvas& canvas) const;

  bool active() const { return !session_.disagreements.empty(); }  // a session is open
  bool is_open() const { return open_ && active(); }
  void set_open(bool open) { open_ = open; }
  const std::vector<std::string>& annotators() const { return session_.annotators; }
  const std::vector<Disagreement>& disagreements() const { return session_.disagreements; }
  const std::string& strategy() const { return session_.strategy; }
  // A record version in words: claimant(“said” → “the minister”).
  std::string describe(const Corpus& c, const Disagreement& d, size_t record) const;
  // A gold JSON text with the session's provenance (gold_with_provenance); unchanged without a session.
  std::string with_provenance(const std::string& gold) const;
  // The strategy the window asked for (once), for the App to adjudicate the same files again.
  std::string take_strategy_request() { return std::exchange(strategy_request_, std::string()); }
  // Whether the window's strategy combo may adjudicate again: nothing follows the session marker.
  bool untouched(App& app) const;
  // The strategy combo ("strategy") and, while it is open, its rows ("strategy:unanimous"), as last drawn.
  const std::vector<Control>& controls() const { return controls_.list(); }
  // Per disagreement: the choice that settled it ("B", "all", "none", "as edited"), "" while open.
  const std::vector<std::string>& choices() const { return choices_; }
  size_t left() const;
  int current() const { return current_; }
  std::string progress() const;  // "37 of 112 left"

  // One undo step; who: an annotator index, kAll, kNone or kAsEdited. False (status says
  // why) when the corpus refused it: nothing changed then.
  bool choose(App& app, int who);
  void go(App& app, int index);  // shows that disagreement
  void step(App& app, int dir);  // to the next (+1) / previous (-1) open one, wrapping
  // Reads the session and the choices back from the undo stack when it changed.
  void sync(App& app);

 private:
  // The chosen records of the current (relation, cluster or link) disagreement made to exist,
  // the others removed, inside the open history group. Throws Error when the corpus refuses.
  // Returns how many missing ends were added with them.
  size_t apply_records(App& app, const Disagreement& d, const std::vector<bool>& want);
  void draw_strategy(App& app);
  void draw_versions(App& app, const Disagreement& d);

  AdjudicationSession session_;
  std::vector<std::string> choices_;
  std::string strategy_request_;
  ControlLog controls_;
  std::string session_label_;  // the marker's label the session was read from
  int current_ = -1;
  bool open_ = true;
  uint64_t seen_revision_ = ~0ull;
  size_t seen_undo_ = ~size_t(0), seen_redo_ = ~size_t(0);
  const void* seen_top_ = nullptr;
};

}  // namespace goldspan::ui
