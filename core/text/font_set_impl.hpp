#pragma once
// FontSet's insides, shared by font_set.cpp and shaper.cpp only (HarfBuzz types stay out of
// the public header).
#include <hb.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/shaper.hpp"

namespace goldspan {

struct FontSet::Impl {
  struct Face {
    std::string name;
    std::unique_ptr<std::string> bytes;  // the blob points into it
    unsigned ttc_index = 0;
    hb_blob_t* blob = nullptr;
    hb_face_t* face = nullptr;
    hb_font_t* font = nullptr;  // scale = units per em: positions come out in font units
    uint32_t upem = 1000;
    float px_per_unit = 0;
    hb_codepoint_t space_gid = 0;  // glyphs with this id draw nothing
    bool has_space = false;
    int32_t space_advance = 0;     // font units
    ~Face();
  };
  // What face_for / advance found for one code point (advance in that face's units).
  struct Entry {
    int16_t face = -2;  // -2 unknown, -1 no face has it
    int32_t advance = 0;
  };
  static constexpr char32_t kDirect = 0x3400;  // below: an array, above: a hash map

  std::vector<std::unique_ptr<Face>> faces;
  float em_px = 16;
  uint32_t generation = 0;
  mutable std::vector<Entry> direct;
  mutable std::unordered_map<char32_t, Entry> other;

  // Scratch reused by shape_line (not thread-safe, like the caches).
  hb_buffer_t* buffer = nullptr;
  std::vector<BidiBlock::Run> runs;
  std::u32string text;

  Impl();
  ~Impl();
  const Entry& lookup(char32_t c) const;
  void rescale();
};

// Controls and line/paragraph separators are shaped (and measured) as a space.
inline bool shaped_as_space(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029;
}

}  // namespace goldspan
