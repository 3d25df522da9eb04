#pragma once
// Dear ImGui configuration for goldspan (included through IMGUI_USER_CONFIG).
// WebGL with 16-bit indices caps a draw list at 64 K vertices (~16 K glyphs): a dense page of
// text with span highlights exceeds that, so indices are 32-bit.
#define ImDrawIdx unsigned int
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_DEMO_WINDOWS
// Emoji and other astral-plane code points must reach the font atlas.
#define IMGUI_USE_WCHAR32
