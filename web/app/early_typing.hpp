#pragma once
// EarlyTyping — keys typed into a text field that was just asked for (Ctrl+F, k) before it is
// active. ImGui 1.86 activates a field one frame after SetKeyboardFocusHere and drops the
// characters of the frame in between; a quick typist loses the first letter. Until the field
// is active they go into its buffer, and when it becomes active the caret is put after them
// (focus by code would select the whole text, and the next key would replace it).
//
//   if (want_focus_) { ImGui::SetKeyboardFocusHere(); early_.expect(); }
//   early_.capture(buf_, sizeof buf_, replace);            // before the field
//   ImGui::InputText("##q", buf_, sizeof buf_, EarlyTyping::kFlags, EarlyTyping::callback, &early_);
//   early_.after_field();                                  // right after it
// Only keys of the frames between the request and the activation are taken (at most a few
// frames): a field that is simply not active leaves the keys to the canvas.
#include <imgui.h>

#include <cstdio>
#include <string>

namespace goldspan::ui {

class EarlyTyping {
 public:
  static constexpr ImGuiInputTextFlags kFlags = ImGuiInputTextFlags_CallbackAlways;

  void expect() {
    expecting_ = true;
    frames_ = 0;
  }
  // `replace`: the typed text replaces the buffer (focus by code selects all of it).
  bool capture(char* buf, size_t size, bool replace) {
    ImGuiIO& io = ImGui::GetIO();
    // A field active since the last frame (this one, asked again) takes its keys itself.
    if (!expecting_ || io.WantTextInput || io.InputQueueCharacters.empty()) return false;
    std::string typed = replace && !caret_to_end_ ? std::string() : std::string(buf);
    for (ImWchar c : io.InputQueueCharacters) append_utf8(typed, c);
    io.InputQueueCharacters.resize(0);
    std::snprintf(buf, size, "%s", typed.c_str());
    caret_to_end_ = true;
    return true;
  }
  void after_field() {
    if (ImGui::IsItemActive() || ++frames_ > 3) expecting_ = false;
  }
  static int callback(ImGuiInputTextCallbackData* d) {
    auto* self = static_cast<EarlyTyping*>(d->UserData);
    if (self->caret_to_end_) {
      d->CursorPos = d->SelectionStart = d->SelectionEnd = d->BufTextLen;
      self->caret_to_end_ = false;
    }
    return 0;
  }

 private:
  static void append_utf8(std::string& out, unsigned c) {
    if (c < 0x80) {
      out += char(c);
    } else if (c < 0x800) {
      out += char(0xC0 | (c >> 6));
      out += char(0x80 | (c & 0x3F));
    } else {  // ImWchar is 16 bits in this build: no 4-byte sequences arrive
      out += char(0xE0 | (c >> 12));
      out += char(0x80 | ((c >> 6) & 0x3F));
      out += char(0x80 | (c & 0x3F));
    }
  }
  bool expecting_ = false, caret_to_end_ = false;
  int frames_ = 0;
};

}  // namespace goldspan::ui
