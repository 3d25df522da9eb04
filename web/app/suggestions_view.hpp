#pragma once
// SuggestionsView — proposed spans (core Corpus suggestions: a dictionary, a model's
// predictions, another file opened "as suggestions") drawn as dashed boxes in their label's
// colour, one of them current (a solid outline), and the keys that settle them:
//   Enter accept · X reject · N next · Shift+N previous · Shift+Enter accept all in view · Esc
// (no current suggestion: the keys are the canvas's again). Each is one undo step through the
// History; the keys act only while a suggestion is current and no tokens are selected.
#include <imgui.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/canvas.hpp"
#include "model/span.hpp"

namespace goldspan::ui {

class App;

class SuggestionsView {
 public:
  // Call at the start of the frame (after the adjudication view's): takes its keys out of
  // the frame's key log so that no canvas or label hotkey acts on them too.
  void handle_keys(App& app);
  // The pane's visible suggestions; remembers their boxes for clicks.
  void draw_overlay(App& app, ImDrawList* dl, const Canvas& canvas, size_t doc, int pane);
  // A click that hit no span: true when it hit a suggestion, which becomes current.
  bool handle_click(App& app, int pane);
  void draw_panel(App& app);  // the side column's lines (only while there are suggestions)

  SuggestionId current(const App& app) const;  // 0 when none (or it is gone: undo, accept)
  void set_current(App& app, SuggestionId id, bool scroll);
  // After a load: the first suggestion at or after the top of the active pane's view.
  void start(App& app);
  bool accept(App& app);
  bool reject(App& app);
  void step(App& app, int dir);
  void accept_in_view(App& app);  // one undo step; refused ones are counted in the status

 private:
  // The next one after the place the last current suggestion was (it may be gone).
  void advance(App& app);
  // Runs `edit` on the current suggestion (it returns the status's first words), then advances.
  bool settle(App& app, const char* what, const std::function<std::string(SuggestionId)>& edit);
  SuggestionId current_ = 0;
  size_t at_doc_ = 0;
  uint32_t at_cp_ = 0;
  bool off_ = false;  // Esc: none current until the next load, click or step
  struct Box {
    SuggestionId id;
    Rect r;
  };
  std::vector<Box> boxes_[2];
};

}  // namespace goldspan::ui
