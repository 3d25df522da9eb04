#pragma once
// The state of a claim link being made: after Shift+L on a claim (or "link" on a claim cluster),
// the next claim clicked in any document or pane (or a claim cluster in the clusters panel) is
// the target, and a small menu of the schema's claim link types, numbered in schema order,
// takes the type. Unlike a relation's pick it survives switching documents: linking two
// outlets' claims means going from one to the other. Plain data owned by the App; the App's
// link code (link_pick.cpp) drives it.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/span.hpp"

namespace goldspan::ui {

struct LinkPick {
  bool active = false;
  Ref source;
  std::optional<Ref> target;  // set while the type menu is open
  float menu_x = 0, menu_y = 0;  // where the menu opens (ImGui pixels)
  bool menu_focus = false;       // the menu takes the focus on the frame it opens
  size_t cursor = SIZE_MAX;   // Tab position among the active pane's claims

  // Where the last frame drew the menu's rows, for tests that click them: one per link type.
  struct Row {
    std::string type;
    float x, y, w, h;
  };
  std::vector<Row> rows;

  bool menu_open() const { return active && target.has_value(); }
  void reset() { *this = LinkPick(); }
};

}  // namespace goldspan::ui
