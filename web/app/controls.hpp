#pragma once
// Controls — where the last frame drew a panel's buttons (ImGui pixels), by name, so that the
// browser tests can click them with the real mouse (the automation API hands them out).
#include <string>
#include <vector>

#include <imgui.h>

namespace goldspan::ui {

struct Control {
  std::string name;
  float x, y, w, h;
};

class ControlLog {
 public:
  void clear() { list_.clear(); }
  // Records the last ImGui item under `name`.
  void note(std::string name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    list_.push_back({std::move(name), a.x, a.y, b.x - a.x, b.y - a.y});
  }
  const std::vector<Control>& list() const { return list_; }

 private:
  std::vector<Control> list_;
};

}  // namespace goldspan::ui
