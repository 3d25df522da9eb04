#pragma once
// Large opaque rectangles (the canvas's paper) drawn as the renderer fills them fastest. ImGui
// draws a filled rect as a textured, blended quad; under software WebGL (SwiftShader, what VMs
// and remote desktops have) that costs every pixel a texture fetch and a blend, while a scissored
// clear is a memset. The platform installs a hook that records such a clear in the draw list
// (main_web.cpp); without one (native tests, other backends) it is an ordinary filled rect.
#include <imgui.h>

namespace goldspan::ui {

using SolidFillHook = void (*)(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 color);

inline SolidFillHook& solid_fill_hook() {
  static SolidFillHook hook = nullptr;
  return hook;
}

// Fills [min, max) with an opaque colour, clipped to the draw list's current clip rect.
inline void fill_solid(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 color) {
  if (SolidFillHook h = solid_fill_hook()) h(dl, min, max, color);
  else dl->AddRectFilled(min, max, color);
}

}  // namespace goldspan::ui
