#pragma once
// Reading JSON input for importers: parsing with clear errors (size limit, invalid UTF-8,
// nesting, syntax with line and column) and typed field access that reports every problem to
// a GoldImport under its JSON path instead of stopping at the first.
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "io/import.hpp"

namespace goldspan::json_read {

using json = nlohmann::json;

// Deeper nesting than this is refused before parsing (no format here needs more than 6).
inline constexpr int kMaxDepth = 64;

// Parses `text` as one JSON value into `out`. On failure adds one error at `path` (size,
// UTF-8, depth or syntax, with line and column) and returns false.
bool parse(std::string_view text, GoldImport& imp, json& out, const std::string& path = "");

// "a.b", "a[3]"
// A path ending in ':' names a line ("line 3:"): its keys follow after a space.
inline std::string child(const std::string& path, const std::string& key) {
  return path.empty() ? key : path.back() == ':' ? path + " " + key : path + "." + key;
}
inline std::string item(const std::string& path, size_t i) {
  return (!path.empty() && path.back() == ':' ? path + " " : path) + "[" + std::to_string(i) + "]";
}
// Keys starting with "x_" or "x-" are extensions: always allowed, never read.
inline bool extension_key(const std::string& k) { return k.size() > 2 && k[0] == 'x' && (k[1] == '_' || k[1] == '-'); }

// Fields of one JSON object. Every accessor reports what is wrong (missing, wrong type, out of
// range) to the import and returns nullopt/nullptr then.
class Object {
 public:
  // Reports "expected an object" when `j` is not one; ok() tells.
  Object(const json& j, std::string path, GoldImport& imp);
  bool ok() const noexcept { return ok_; }
  const std::string& path() const noexcept { return path_; }
  std::string path(const char* key) const { return child(path_, key); }

  // Unknown keys (besides extensions) are errors.
  void only(std::initializer_list<const char*> keys) const;
  // Reports "missing" when required and absent.
  const json* get(const char* key, bool required) const;
  std::optional<std::string> string(const char* key, bool required, bool non_empty = false) const;
  std::optional<uint32_t> offset(const char* key, bool required) const;  // integer 0..2^32-1
  std::optional<int64_t> integer(const char* key, bool required) const;
  const json* array(const char* key, bool required) const;
  const json* object(const char* key, bool required) const;
  std::optional<int64_t> timestamp(const char* key) const;  // optional ISO 8601 field

 private:
  const json& j_;
  std::string path_;
  GoldImport& imp_;
  bool ok_;
};

// A [start, end] pair of offsets; reports at `path` what is wrong.
std::optional<Range> range(const json& j, const std::string& path, GoldImport& imp);

}  // namespace goldspan::json_read
