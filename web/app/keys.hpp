#pragma once
// Key presses of the current frame, as the platform's key callback saw them, with the
// modifiers held at that moment. Dear ImGui 1.86 samples key state once per frame, so a key
// pressed and released within one frame (fast typing, automation) would otherwise be lost,
// and so would the Ctrl of a quick Ctrl+Z. Named keys go through io.KeyMap; letters and
// digits are the backend's key codes (GLFW: their ASCII upper-case values).
#include <imgui.h>

#include <optional>
#include <vector>

namespace goldspan::ui {

// GLFW_KEY_F2, F3, F4: ImGui 1.86's ImGuiKey has no function keys.
constexpr int kKeyF2 = 291;
constexpr int kKeyF3 = 292;
constexpr int kKeyF4 = 293;

struct KeyPress {
  int key = 0;
  bool ctrl = false, shift = false, alt = false;  // ctrl includes the command key
};

class KeyLog {
 public:
  void record(KeyPress p) { presses_.push_back(p); }
  void clear() { presses_.clear(); }
  // Takes a press out of this frame's log: a panel that acted on it (the adjudication view's
  // digits and letters) keeps the canvas and its hotkeys from acting on it too.
  void erase(int key) {
    for (size_t i = 0; i < presses_.size(); ++i)
      if (presses_[i].key == key) {
        presses_.erase(presses_.begin() + static_cast<long>(i));
        return;
      }
  }
  std::optional<KeyPress> find(int key) const {
    for (const KeyPress& p : presses_)
      if (p.key == key) return p;
    return std::nullopt;
  }

 private:
  std::vector<KeyPress> presses_;
};

inline KeyLog& key_log() {
  static KeyLog log;
  return log;
}

inline std::optional<KeyPress> pressed(ImGuiKey k) { return key_log().find(ImGui::GetKeyIndex(k)); }
inline std::optional<KeyPress> pressed_char(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return key_log().find(static_cast<unsigned char>(c));
}

}  // namespace goldspan::ui
