#pragma once
// Shared by the agreement tests: the published reference data in ../shared/refdata (absent in
// a user's clone, where those cases are skipped with a warning) and a conlleval-style reader of
// chunk tags, so that tag files become spans.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "agree/spans.hpp"
#include "support.hpp"

namespace goldspan::test {

// GOLDSPAN_REFDATA overrides the place, for checkouts that are not beside ../shared (worktrees).
inline std::string refdata_dir() {
  const char* env = std::getenv("GOLDSPAN_REFDATA");
  return env && *env ? std::string(env) : std::string(GOLDSPAN_SOURCE_DIR) + "/../shared/refdata";
}

inline std::optional<std::string> refdata_text(const std::string& relative) {
  return read_file(refdata_dir() + "/" + relative);
}

inline std::optional<nlohmann::json> refdata_json(const std::string& relative) {
  const auto text = refdata_text(relative);
  if (!text) return std::nullopt;
  return nlohmann::json::parse(*text);
}

// Catch2 v2 has no SKIP: warn and leave the test case.
#define AGREE_REQUIRE_REFDATA(var, relative)                                                   \
  const auto var = goldspan::test::refdata_json(relative);                                   \
  if (!var) {                                                                                \
    WARN("../shared/refdata/" << relative << " not present (a user's clone): case skipped"); \
    return;                                                                                  \
  }

// Chunks of one tag sequence as conlleval.pl reads them (IOB1 and IOB2 alike: I-X after O or
// after another type starts a chunk; B-X always does; no IOBES). Offsets are token indices + `base`.
inline void chunks_of(const std::vector<std::string>& tags, const std::string& doc, uint32_t base,
                      std::vector<AgreeSpan>& out) {
  std::string open;  // type of the chunk being read, empty when none
  uint32_t start = 0;
  auto close = [&](uint32_t at) {
    if (!open.empty()) out.push_back({doc, open, base + start, base + at});
    open.clear();
  };
  for (uint32_t i = 0; i < tags.size(); ++i) {
    const std::string& t = tags[i];
    const char prefix = t.empty() ? 'O' : t[0];
    const std::string type = t.size() > 2 ? t.substr(2) : "";
    if (prefix == 'O') {
      close(i);
      continue;
    }
    if (prefix == 'B' || type != open) {
      close(i);
      open = type;
      start = i;
    }
  }
  close(uint32_t(tags.size()));
}

}  // namespace goldspan::test
