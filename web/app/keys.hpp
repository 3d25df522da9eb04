#pragma once
// Key queries for Dear ImGui 1.86, where IsKeyPressed() takes the backend's key index:
// named keys go through io.KeyMap, letters and digits are GLFW key codes (their ASCII
// upper-case values).
#include <imgui.h>

namespace goldspan::ui {

inline bool key_pressed(ImGuiKey k, bool repeat = true) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), repeat); }
inline bool char_key_pressed(char c, bool repeat = false) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return ImGui::IsKeyPressed(static_cast<unsigned char>(c), repeat);
}

}  // namespace goldspan::ui
