#pragma once
// SearchPanel — Ctrl+F: find in every document (core/search), step through the hits, and
// label all of them as one undoable step. Holds only the search (pattern, options, hits);
// the App owns the corpus, which the panel reads and edits only through History commands.
//
// Keys: Ctrl+F opens it (and refocuses the field), Enter / F3 go to the next hit, Shift+F3
// to the previous one (F3 works with the panel closed too), Esc closes it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "app/early_typing.hpp"
#include "search/find.hpp"

namespace goldspan::ui {

class App;

class SearchPanel {
 public:
  // Keys and, when open, the panel window. Call once per frame inside the ImGui frame.
  void frame(App& app);

  bool is_open() const { return open_; }
  const std::string& pattern() const { return query_; }
  bool regex() const { return regex_; }
  bool ignore_case() const { return ignore_case_; }
  const std::vector<Hit>& hits() const { return hits_; }
  int current() const { return current_; }  // -1 before the first step
  const std::string& error() const { return error_; }
  // Where the last drawn frame put the panel's controls (ImGui pixels), so that tests can click
  // them: "regex", "ignore case", "label", "label all", and "label:NAME" rows while the combo is open.
  struct Control {
    std::string name;
    float x, y, w, h;
  };
  const std::vector<Control>& controls() const { return controls_; }
  // When a search held back while typing is due (ImGui::GetTime() seconds), 0 when none: the
  // page's frame loop, asleep without input, wakes then.
  double due() const { return pending_ ? typed_at_ + kTypingPause : 0; }
  size_t searches() const { return searches_; }  // searches run so far (tests of the typing pause)

 private:
  void handle_keys(App& app);
  void draw(App& app);
  void draw_results(App& app);
  void search(const App& app);
  void step(App& app, int dir);
  void jump(App& app, int i);
  void label_all(App& app);
  void note(std::string name);  // records the last item's rectangle in controls_

  static constexpr size_t kMaxListed = 200000;  // the list shows these; "label all" takes every hit
  // Over this many code points in all documents a search costs more than a keystroke's frame
  // (about 0.1 s per million tokens in wasm, ignore case more): typing then searches only after
  // a pause of kTypingPause seconds, so the field keeps up with the keys.
  static constexpr size_t kTypingSearchLimit = 2000000;
  static constexpr double kTypingPause = 0.2;
  bool pending_ = false;
  double typed_at_ = 0;
  size_t searches_ = 0;
  EarlyTyping early_;  // keys typed right after Ctrl+F, before the field is active
  bool open_ = false, want_focus_ = false, scroll_list_ = false;
  char buf_[512] = {};
  std::string query_;  // the pattern the hits are for
  bool regex_ = false, ignore_case_ = false;
  std::vector<Hit> hits_;
  bool truncated_ = false;
  size_t searched_docs_ = 0;  // document count at the search: more documents, search again
  int current_ = -1;
  std::string error_;
  int label_ = 0;  // index into the schema's span types
  std::vector<Control> controls_;
};

}  // namespace goldspan::ui
