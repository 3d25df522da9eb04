#pragma once
// Text for a UI that draws code points left to right without shaping (Dear ImGui's widgets):
// right-to-left runs reordered into visual order (ICU ubidi, with mirrored brackets) and
// Arabic letters replaced by their joined presentation forms (ICU u_shapeArabic), so Arabic
// and Hebrew in panels read right instead of backwards and unjoined. The canvas does not use
// this: it shapes with HarfBuzz (text/shaper.hpp). Offsets never come from the result.
#include <string>
#include <string_view>

namespace goldspan {

// `utf8` unchanged when it has no right-to-left character; otherwise its visual form, as one
// paragraph whose direction is that of its first strong character. Invalid UTF-8 is returned
// unchanged.
std::string display_order(std::string_view utf8);

}  // namespace goldspan
