#pragma once
// The browser implementation of Platform: each call goes to the page's shell
// (shell/goldspan-shell.js, object globalThis.goldspanShell).
#include "platform.hpp"

namespace goldspan::ui {

class WebPlatform final : public Platform {
 public:
  void download(const std::string& filename, const std::string& mime, const std::string& bytes) override;
  void pick_files(const char* purpose) override;
  void persist(const std::string& line) override;
  void persist_document(const std::string& id, std::string_view text) override;
  void clear_persisted() override;
  int pending_saves() override;
  std::string save_warning() override;
  void request_font(const std::string& file) override;
  double now_ms() override;
};

}  // namespace goldspan::ui
