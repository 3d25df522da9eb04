#pragma once
// AgreementView — how far several annotators agree (File > Agreement…). Unlike adjudication it
// only measures: the picked gold files are read and scored beside the open session, which stays
// as it is. The figures come from core/agree/report.hpp, the code behind `goldspan agree --json
// --per-label`, so the window shows the CLI's numbers for the same files.
//
// The window: per annotator pair (a chooser when there are 3+ annotators) span P/R/F1 exact and
// overlap, micro and per label; token Cohen's κ of the pair, Fleiss' κ and Krippendorff's α of
// everybody, unitizing α_U; and the label confusion heatmap of the pair (rows A's label, columns
// B's, "none" for a span the other did not mark), drawn with ImDrawList. A click on a cell lists
// the spans behind it; a click on a listed one shows its document in the canvas, selected, when
// that document is open (the list says when it is not).
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "agree/report.hpp"
#include "app/controls.hpp"
#include "io/read_files.hpp"

namespace goldspan::ui {

class App;

class AgreementView {
 public:
  // Reads and scores `files` (gold JSON, named as `names`). On any error returns them ("file:
  // place: reason") and keeps what it showed before; else shows the new figures.
  std::vector<std::string> measure(const std::vector<NamedFile>& files, const std::vector<std::string>& names);
  void draw(App& app);

  bool active() const { return files_.size() >= 2; }
  bool is_open() const { return open_ && active(); }
  void set_open(bool open) { open_ = open; }
  const nlohmann::ordered_json& figures() const { return figures_; }
  const std::vector<std::string>& annotators() const { return names_; }

  // The chosen pair: index into figures()["pairs"] ((0,1), (0,2), ..., (1,2), ...).
  size_t pair() const { return pair_; }
  void set_pair(size_t pair);

  // One heatmap cell of the chosen pair as last drawn (ImGui pixels). row / col index into
  // labels(), labels().size() being "none".
  struct Cell {
    size_t row, col, count;
    float x, y, w, h;
  };
  const std::vector<std::string>& labels() const { return labels_; }
  const std::vector<Cell>& cells() const { return cells_; }
  // The cell whose spans are listed, or -1 / -1.
  int chosen_row() const { return row_; }
  int chosen_col() const { return col_; }
  void choose_cell(size_t row, size_t col);

  // The spans of the chosen cell, in document order. `doc_open`: the document is in the corpus.
  struct Item {
    std::string doc, text, label_a, label_b;  // a label is "" for "none"
    uint32_t start = 0, end = 0;              // both spans' extent
    bool doc_open = false;
  };
  const std::vector<Item>& items() const { return items_; }
  // Rectangles of the listed items as last drawn ("item:<i>") and the pair chooser ("pair").
  const std::vector<Control>& controls() const { return controls_.list(); }
  // Shows item i in the canvas: its document, scrolled to it and selected. False when that
  // document is not open (the status says so).
  bool show_item(App& app, size_t i);

 private:
  void draw_figures();
  void draw_structure(const nlohmann::ordered_json& pair);
  void draw_documents(const nlohmann::ordered_json& pair);
  void draw_heatmap();
  void draw_items(App& app);
  void refresh_pair();  // labels_, confused_ of the chosen pair

  std::vector<AgreeFile> files_;
  std::vector<std::string> names_;
  nlohmann::ordered_json figures_;
  size_t pair_ = 0, pair_a_ = 0, pair_b_ = 1;
  std::vector<std::string> labels_;
  std::vector<ConfusedSpans> confused_;
  std::vector<Cell> cells_;
  int row_ = -1, col_ = -1;
  std::vector<Item> items_;
  ControlLog controls_;
  bool open_ = true;
};

}  // namespace goldspan::ui
