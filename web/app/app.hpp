#pragma once
// App — the annotator. Owns the documents and their annotations (through the core), the
// canvas and the panels; draws one ImGui frame per call. Talks to the browser only through
// Platform. The automation API (web/api.cpp) and the page call the public methods below.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/canvas.hpp"
#include "app/fonts.hpp"
#include "platform.hpp"
#include "text/document.hpp"
#include "text/tokenizer.hpp"

namespace goldspan::ui {

struct OpenResult {
  bool ok = true;
  std::vector<std::string> errors;  // "file: path: reason"
};

class App {
 public:
  explicit App(Platform& platform);
  ~App();

  Fonts& fonts() { return fonts_; }
  void frame();  // one ImGui frame (between NewFrame and Render)

  // [SECTION] Documents
  // Adds documents (id, UTF-8 text); all-or-nothing: on any error nothing changes.
  OpenResult open_texts(const std::vector<std::pair<std::string, std::string>>& docs, bool persist = true);
  // A file from the picker or drag-and-drop, dispatched on its name (.txt, .jsonl, .json).
  OpenResult open_file(const std::string& name, const std::string& bytes);
  size_t document_count() const { return docs_.size(); }
  const Document& document(size_t i) const { return *docs_[i]; }
  std::optional<size_t> find_document(const std::string& id) const;
  void show_document(size_t i);
  size_t current() const { return current_; }

  // [SECTION] Automation
  void scroll_to(size_t doc, uint32_t cp);
  std::optional<Rect> char_rect(size_t doc, uint32_t cp);
  void select(size_t doc, uint32_t start, uint32_t end);
  Canvas& canvas() { return canvas_; }

 private:
  void draw_menu();
  void draw_documents_panel();
  void draw_side_panel();
  void draw_status_bar();
  void draw_error_dialog();

  Platform& platform_;
  Fonts fonts_;
  Tokenizer tokenizer_;
  std::vector<std::unique_ptr<Document>> docs_;
  size_t current_ = 0;
  Canvas canvas_;
  std::vector<std::string> dialog_errors_;
  std::string dialog_title_;
};

}  // namespace goldspan::ui
