#pragma once
// Platform — the one seam between the app and the world outside it (the browser today).
// The app calls these; web/platform_web.cpp implements them with the page's JavaScript
// (shell/goldspan-shell.js). Nothing else in web/app/ knows it runs in a browser.
#include <string>
#include <string_view>

namespace goldspan::ui {

class Platform {
 public:
  virtual ~Platform() = default;
  // Offers `bytes` to the user as a file download.
  virtual void download(const std::string& filename, const std::string& mime, const std::string& bytes) = 0;
  // Opens the browser's file picker for `purpose`: "open" (the files arrive through the app's
  // open_files), "suggestions" (open_files as suggestions: File > Open as suggestions…),
  // "adjudicate" (App::adjudicate: several annotators' gold files of the same documents) or
  // "agreement" (App::agreement: the same, only measured).
  virtual void pick_files(const char* purpose) = 0;
  // Appends one journal line to the durable autosave log (IndexedDB). Order is kept.
  virtual void persist(const std::string& line) = 0;
  // Appends a document (its text as raw UTF-8 bytes) to the same log, in order with the lines.
  virtual void persist_document(const std::string& id, std::string_view text) = 0;
  // Drops the autosave log (a new, empty session).
  virtual void clear_persisted() = 0;
  // Records handed to persist() whose IndexedDB transaction has not completed (0 = all saved).
  virtual int pending_saves() = 0;
  // Why edits are not being saved right now (storage failing or unavailable, another tab
  // editing), for the user to see at once; empty while saving works.
  virtual std::string save_warning() = 0;
  // Fetches one of the site's own font files (a script font a document needs); its bytes
  // arrive later through the app's fonts (gs_add_font). Never leaves the site's origin.
  virtual void request_font(const std::string& file) = 0;
  virtual double now_ms() = 0;
};

}  // namespace goldspan::ui
