// FrameHash decides whether the page draws a frame at all: equal input must hash equal, and any
// change of a byte, of where a buffer ends or of the order of buffers must (in practice) not.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "frame_hash.hpp"

using goldspan::ui::FrameHash;

namespace {
uint64_t hash_of(const std::vector<std::string>& parts) {
  FrameHash h;
  for (const auto& p : parts) h.add(p.data(), p.size());
  return h.value();
}
}  // namespace

TEST_CASE("FrameHash: the same bytes hash the same; any changed byte does not", "[web]") {
  std::string frame(4096 + 5, '\0');
  for (size_t i = 0; i < frame.size(); ++i) frame[i] = static_cast<char>(i * 31 + 7);
  const uint64_t base = hash_of({frame});
  REQUIRE(hash_of({frame}) == base);
  for (size_t i = 0; i < frame.size(); i += 7) {  // every position, including the 5-byte tail
    std::string f = frame;
    f[i] = static_cast<char>(f[i] ^ 1);
    REQUIRE(hash_of({f}) != base);
  }
}

TEST_CASE("FrameHash: buffer boundaries and order count", "[web]") {
  REQUIRE(hash_of({"ab", ""}) != hash_of({"a", "b"}));
  REQUIRE(hash_of({"vertices", "indices"}) != hash_of({"indices", "vertices"}));
  REQUIRE(hash_of({std::string(8, '\0')}) != hash_of({std::string(16, '\0')}));
  REQUIRE(hash_of({}) != hash_of({""}));
}

TEST_CASE("FrameHash: values by add_value", "[web]") {
  FrameHash a, b;
  a.add_value(1280);
  a.add_value(800);
  b.add_value(1280);
  b.add_value(801);
  REQUIRE(a.value() != b.value());
}
