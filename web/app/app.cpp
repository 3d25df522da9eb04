#include "app/app.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "error.hpp"
#include "app/keys.hpp"
#include "text/utf8.hpp"

namespace goldspan::ui {

App::App(Platform& platform) : platform_(platform) {}
App::~App() = default;

// [SECTION] Documents

std::optional<size_t> App::find_document(const std::string& id) const {
  for (size_t i = 0; i < docs_.size(); ++i)
    if (docs_[i]->id() == id) return i;
  return std::nullopt;
}

OpenResult App::open_texts(const std::vector<std::pair<std::string, std::string>>& in, bool persist) {
  OpenResult r;
  std::vector<std::unique_ptr<Document>> made;
  for (size_t i = 0; i < in.size(); ++i) {
    const auto& [id, text] = in[i];
    bool dup = find_document(id).has_value();
    for (const auto& m : made) dup |= m->id() == id;
    if (dup) { r.errors.push_back(id + ": a document with this id is already open"); continue; }
    try {
      made.push_back(std::make_unique<Document>(id, text, tokenizer_));
    } catch (const Error& e) {
      r.errors.push_back(e.what());
    }
  }
  if (!r.errors.empty()) { r.ok = false; return r; }
  const size_t first = docs_.size();
  for (auto& d : made) {
    fonts_.note_text(d->text());
    if (persist) platform_.persist(nlohmann::json{{"op", "open"}, {"id", d->id()}, {"text", d->text()}}.dump());
    docs_.push_back(std::move(d));
  }
  if (!made.empty() && (first == 0 || canvas_.document() == nullptr)) show_document(first);
  return r;
}

OpenResult App::open_file(const std::string& name, const std::string& bytes) {
  auto ends = [&](const char* ext) {
    const size_t n = std::char_traits<char>::length(ext);
    return name.size() >= n && name.compare(name.size() - n, n, ext) == 0;
  };
  OpenResult r;
  if (ends(".jsonl")) {
    std::vector<std::pair<std::string, std::string>> docs;
    size_t line_no = 0, b = 0;
    while (b < bytes.size()) {
      size_t e = bytes.find('\n', b);
      if (e == std::string::npos) e = bytes.size();
      ++line_no;
      const std::string line = bytes.substr(b, e - b);
      b = e + 1;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      try {
        const auto j = nlohmann::json::parse(line);
        if (!j.is_object() || !j.contains("id") || !j.contains("text") || !j["id"].is_string() || !j["text"].is_string())
          r.errors.push_back(name + ": line " + std::to_string(line_no) + ": expected {\"id\": string, \"text\": string}");
        else
          docs.emplace_back(j["id"].get<std::string>(), j["text"].get<std::string>());
      } catch (const nlohmann::json::exception& e) {
        r.errors.push_back(name + ": line " + std::to_string(line_no) + ": " + e.what());
      }
    }
    if (r.errors.empty()) r = open_texts(docs);
  } else if (ends(".txt") || name.find('.') == std::string::npos) {
    r = open_texts({{name, bytes}});
  } else {
    r.errors.push_back(name + ": unsupported file type (open .txt, .jsonl or gold .json)");
  }
  r.ok = r.errors.empty();
  if (!r.ok) {
    dialog_title_ = "Could not open " + name;
    dialog_errors_ = r.errors;
  }
  return r;
}

void App::show_document(size_t i) {
  if (i >= docs_.size()) return;
  current_ = i;
  canvas_.set_document(docs_[i].get());
}

// [SECTION] Automation

void App::scroll_to(size_t doc, uint32_t cp) {
  if (doc != current_ || canvas_.document() != docs_[doc].get()) show_document(doc);
  canvas_.scroll_to(cp);
}

std::optional<Rect> App::char_rect(size_t doc, uint32_t cp) {
  if (doc != current_) return std::nullopt;
  return canvas_.char_rect(cp);
}

void App::select(size_t doc, uint32_t start, uint32_t end) {
  if (doc != current_) show_document(doc);
  canvas_.select(start, end);
}

// [SECTION] Frame

void App::frame() {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("goldspan", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_MenuBar |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleVar(2);
  draw_menu();
  const float side = std::round(ImGui::GetFontSize() * 16);
  const float status_h = ImGui::GetFrameHeightWithSpacing();
  const float body_h = ImGui::GetContentRegionAvail().y - status_h;

  ImGui::BeginChild("##docs", ImVec2(side, body_h), true);
  draw_documents_panel();
  ImGui::EndChild();
  ImGui::SameLine(0, 0);
  ImGui::BeginChild("##main", ImVec2(ImGui::GetContentRegionAvail().x - side, body_h), false);
  canvas_.draw(fonts_, nullptr);
  ImGui::EndChild();
  ImGui::SameLine(0, 0);
  ImGui::BeginChild("##side", ImVec2(side, body_h), true);
  draw_side_panel();
  ImGui::EndChild();
  draw_status_bar();
  draw_error_dialog();
  ImGui::End();
}

void App::draw_menu() {
  if (!ImGui::BeginMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open files…", "Ctrl+O")) platform_.pick_files();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    bool cm = canvas_.char_mode();
    if (ImGui::MenuItem("Character mode", nullptr, &cm)) canvas_.set_char_mode(cm);
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

void App::draw_documents_panel() {
  ImGui::TextDisabled("DOCUMENTS");
  for (size_t i = 0; i < docs_.size(); ++i) {
    const Document& d = *docs_[i];
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Selectable(d.id().c_str(), i == current_)) show_document(i);
    ImGui::TextDisabled("  %zu tokens", d.tokens().size());
    ImGui::PopID();
  }
  if (docs_.empty()) ImGui::TextWrapped("Open .txt, .jsonl or gold .json files (File > Open, or drop them here).");
}

void App::draw_side_panel() {
  ImGui::TextDisabled("SELECTION");
  if (canvas_.document() && canvas_.has_selection()) {
    const uint32_t s = canvas_.sel_start(), e = canvas_.sel_end();
    ImGui::Text("[%u, %u)", s, e);
    const std::string_view t = canvas_.document()->slice(s, std::min(e, s + 200));
    ImGui::TextWrapped("%.*s", static_cast<int>(t.size()), t.data());
  } else {
    ImGui::TextDisabled("nothing selected");
  }
}

void App::draw_status_bar() {
  const int pending = platform_.pending_saves();
  ImGui::Separator();
  ImGui::Text(" %s", pending ? "saving…" : "all changes saved");
  if (canvas_.document()) {
    ImGui::SameLine();
    ImGui::TextDisabled("  %s  ·  %u code points  ·  %zu tokens  ·  %s mode", canvas_.document()->id().c_str(),
                        canvas_.document()->length(), canvas_.document()->tokens().size(),
                        canvas_.char_mode() ? "character" : "token");
  }
}

void App::draw_error_dialog() {
  if (!dialog_errors_.empty() && !ImGui::IsPopupOpen("##errors")) ImGui::OpenPopup("##errors");
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 40, 0), ImGuiCond_Appearing);
  if (ImGui::BeginPopupModal("##errors", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::TextUnformatted(dialog_title_.c_str());
    ImGui::TextDisabled("Nothing was changed.");
    ImGui::Separator();
    ImGui::BeginChild("##errlist", ImVec2(0, ImGui::GetFontSize() * 14), false);
    for (const std::string& e : dialog_errors_) ImGui::TextWrapped("%s", e.c_str());
    ImGui::EndChild();
    if (ImGui::Button("Close") || key_pressed(ImGuiKey_Escape)) {
      dialog_errors_.clear();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

}  // namespace goldspan::ui
