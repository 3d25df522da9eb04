#pragma once
// ClustersPanel — the left column's cluster list: every cluster with its members across
// documents (document, text); a click on a member jumps to it. Rename, merge into another
// cluster, split a member off or take it out: each one undo step through History
// (model/cluster_edits.hpp), autosaved like every edit.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/controls.hpp"
#include "model/span.hpp"

namespace goldspan::ui {

class App;

// A cluster's colour (ImU32, opaque), the same in the panel and on the canvas: a fixed palette
// by id, so a cluster keeps its colour across frames, undo and reload.
uint32_t cluster_color(ClusterId id);

class ClustersPanel {
 public:
  void draw(App& app);  // inside the current ImGui window

  // Where the last frame drew the panel's controls (ImGui pixels), so that tests can click
  // them: "cluster:cN", "rename:cN", "merge:cN", "merge:cN>cM" (rows of the open merge menu),
  // "member:sN", "split:sN", "remove:sN", and "rename field" while renaming.
  const std::vector<Control>& controls() const { return controls_.list(); }

  // The cluster being renamed (0: none), the rename field's text, and whether the field has the
  // keyboard (keys typed before it has go to the canvas, so tests wait for it).
  ClusterId renaming() const { return renaming_; }
  const char* rename_text() const { return rename_buf_; }
  bool rename_active() const { return rename_active_; }

 private:
  void note(std::string name) { controls_.note(std::move(name)); }
  void draw_cluster(App& app, const Cluster& cl);

  ClusterId renaming_ = 0;
  bool rename_focus_ = false;
  bool rename_active_ = false;
  char rename_buf_[256] = {};
  ControlLog controls_;
  // Every cluster in corpus order with its height as last drawn (px; -1: never drawn), so that
  // the clusters out of view are skipped; rebuilt when the corpus revision changes.
  struct Row {
    ClusterId id;
    float height;
  };
  std::vector<Row> rows_;
  uint64_t rows_revision_ = ~0ull;
};

}  // namespace goldspan::ui
