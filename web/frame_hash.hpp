#pragma once
// FrameHash — a 64-bit hash of the bytes a frame would send to the GPU (ImGui's vertices,
// indices and draw commands), so that a frame drawing exactly what the canvas shows already
// skips the GPU. Under software WebGL (SwiftShader: VMs, remote desktops, headless) drawing the
// canvas and the browser's read-back of it cost tens of milliseconds of the page's main thread,
// and the next input's frame waits behind them; ImGui itself rebuilds a frame in a few.
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace goldspan::ui {

class FrameHash {
 public:
  void add(const void* data, size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (; n >= 8; p += 8, n -= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      mix(w);
    }
    uint64_t tail = n;  // the length keeps "ab" + "" apart from "a" + "b"
    std::memcpy(&tail, p, n);
    mix(tail ^ (uint64_t(n) << 56));
  }
  template <class T>
  void add_value(const T& v) { add(&v, sizeof v); }
  uint64_t value() const { return h_ ^ (h_ >> 29); }

 private:
  void mix(uint64_t w) {
    h_ ^= w * 0x9E3779B97F4A7C15ull;
    h_ = ((h_ << 27) | (h_ >> 37)) * 0xC2B2AE3D27D4EB4Full;
  }
  uint64_t h_ = 0x243F6A8885A308D3ull;
};

}  // namespace goldspan::ui
