#pragma once
// ClaimsView — the claims table window: what each source says. One row per group of claims
// that say the same thing (core/claims/table.hpp), one column per document; rows joined by a
// "contradicts" link are marked; a click on a claim jumps to it in the canvas. Rebuilt only
// when the corpus changes; rows outside the window are not drawn: their heights (wrapped text)
// are measured once per table and width, and the rows above and below the view are one spacer
// row each, so a table of 10 k claims costs what its visible rows cost.
//
// Keys: F4 opens and closes it.
#include <cstdint>
#include <string>
#include <vector>

#include "claims/table.hpp"

namespace goldspan::ui {

class App;

class ClaimsView {
 public:
  // The F4 key and, when open, the window. Call once per frame inside the ImGui frame.
  void frame(App& app);

  bool is_open() const { return open_; }
  void set_open(bool open) { open_ = open; }
  const ClaimsTable& table(const App& app);  // current for the corpus as it is now

  // Where the last frame drew each visible claim (ImGui pixels), so that tests can click them.
  struct Cell {
    SpanId span;
    float x, y, w, h;
  };
  const std::vector<Cell>& cells() const { return cells_; }

 private:
  void draw(App& app);

  bool open_ = false;
  uint64_t revision_ = ~0ull;
  size_t documents_ = 0;
  ClaimsTable table_;
  size_t contradicted_ = 0;  // rows of table_ with a contradicts link
  std::vector<Cell> cells_;
  std::vector<float> row_top_;  // prefix sums of the measured row heights (size rows + 1)
  uint64_t measured_revision_ = ~0ull;
  float measured_width_ = 0;
};

}  // namespace goldspan::ui
