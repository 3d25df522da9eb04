#include <catch2/catch.hpp>

#include "text/scripts.hpp"

using goldspan::scripts_in;
using V = std::vector<std::string>;

TEST_CASE("scripts_in names the scripts of a text, not Common or Inherited", "[scripts]") {
  CHECK(scripts_in("") == V{});
  CHECK(scripts_in("2005, 3.14 — “!”") == V{});
  CHECK(scripts_in("Bishkek") == V{"Latn"});
  CHECK(scripts_in("The spokesman said: \u0642\u0627\u0644 \u0627\u0644\u0645\u062A\u062D\u062F\u062B 2005") == V{"Arab", "Latn"});
  CHECK(scripts_in("\u05E9\u05DC\u05D5\u05DD") == V{"Hebr"});
  CHECK(scripts_in("\u0915\u094D\u0937") == V{"Deva"});  // a conjunct: KA, virama, SSA
  CHECK(scripts_in("\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22") == V{"Thai"});
  // Kanji are Han; kana are their own scripts; an astral CJK ideograph is Han too.
  CHECK(scripts_in("\u6771\u4EAC\u3068\u30AB\u30BF\u30AB\u30CA") == V{"Hani", "Hira", "Kana"});
  CHECK(scripts_in("\U00020BB7") == V{"Hani"});
  CHECK(scripts_in("\uD55C\uAD6D\uC5B4") == V{"Hang"});
  // A combining accent on a Latin base adds nothing; Cyrillic and Greek are named.
  CHECK(scripts_in("e\u0301 \u0410\u043A\u0430\u0435\u0432 \u03B1") == V{"Cyrl", "Grek", "Latn"});
}
