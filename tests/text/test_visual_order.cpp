#include <catch2/catch.hpp>

#include "text/visual_order.hpp"

using goldspan::display_order;

TEST_CASE("display_order: left-to-right text is untouched", "[visual]") {
  CHECK(display_order("Askar Akayev, 2005 (Bishkek)") == "Askar Akayev, 2005 (Bishkek)");
  CHECK(display_order("\u6771\u4EAC \u0915\u094D\u0937") == "\u6771\u4EAC \u0915\u094D\u0937");
  CHECK(display_order("") == "");
  CHECK(display_order("\xD7\x90\xFF") == "\xD7\x90\xFF");  // invalid UTF-8: returned as it is
}

TEST_CASE("display_order: Hebrew reversed into visual order, brackets mirrored, numbers kept", "[visual]") {
  // דני (dalet, nun, yod) is drawn yod, nun, dalet from the left.
  CHECK(display_order("\u05D3\u05E0\u05D9") == "\u05D9\u05E0\u05D3");
  // An RTL paragraph with a number: the digits keep their order; "(" of the logical text is
  // drawn as ")" on the left of it.
  CHECK(display_order("\u05D0 (2005)") == "(2005) \u05D0");
  // In a left-to-right sentence only the Hebrew run turns around.
  CHECK(display_order("said \u05D3\u05E0\u05D9 today") == "said \u05D9\u05E0\u05D3 today");
}

TEST_CASE("display_order: Arabic letters joined into presentation forms, then reordered", "[visual]") {
  // سامي: seen initial, alef final, meem initial, yeh final, drawn from the left yeh first.
  const std::string v = display_order("\u0633\u0627\u0645\u064A");
  CHECK(v == "\uFEF2\uFEE3\uFE8E\uFEB3");
  // Lam + alef becomes the one lam-alef ligature form (the freed place is a space at the edge).
  const std::string la = display_order("\u0644\u0627");
  CHECK(la.find("\uFEFB") != std::string::npos);
}
