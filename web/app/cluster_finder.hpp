#pragma once
// ClusterFinder — `k` on a selected span: a small window with a focused text field listing the
// clusters of the span's kind, ranked by fuzzy match (core/search/fuzzy.hpp) on each cluster's
// name and its members' texts, best first; the last row makes a new cluster named after the
// span. Enter puts the span in the highlighted row's cluster (one undo step,
// model/cluster_edits.hpp), Up/Down move, Esc (or a click elsewhere) cancels.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "app/early_typing.hpp"

#include "model/span.hpp"

namespace goldspan::ui {

class App;

class ClusterFinder {
 public:
  // Opens for `span` (refused with a status message for a cue, which no cluster takes).
  void open(App& app, SpanId span);
  void close() { open_ = false; }
  bool is_open() const { return open_; }
  // Keys and the window; call once per frame inside the ImGui frame.
  void frame(App& app);

  struct Row {
    ClusterId cluster = 0;  // 0: the "New cluster" row
    std::string text;       // what the row says
    int score = 0;
  };
  SpanId span() const { return span_; }
  const std::string& query() const { return query_; }
  const std::vector<Row>& rows() const { return rows_; }
  size_t cursor() const { return cursor_; }
  // Where the last frame drew each row (ImGui pixels), so tests can click them.
  struct Box {
    float x, y, w, h;
  };
  const std::vector<Box>& row_boxes() const { return boxes_; }

 private:
  void refresh(const App& app);
  void choose(App& app, size_t row);

  bool open_ = false, want_focus_ = false;
  int frames_ = 0;  // since opening: focus lands on the second frame
  EarlyTyping early_;  // keys typed right after k, before the field is active
  SpanId span_ = 0;
  char buf_[256] = {};
  std::string query_;
  uint64_t revision_ = ~0ull;  // corpus revision the rows are for
  std::vector<Row> rows_;
  size_t cursor_ = 0;
  std::vector<Box> boxes_;
};

}  // namespace goldspan::ui
