#include "io/json_read.hpp"

#include <algorithm>

#include "io/timestamp.hpp"
#include "text/utf8.hpp"

namespace goldspan::json_read {

namespace {

// The byte offset where nesting first exceeds kMaxDepth, or npos. Strings are skipped so that
// brackets inside them do not count.
size_t too_deep(std::string_view t) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return i;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return std::string_view::npos;
}

const char* type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_float: return "a fractional number";
    default: return "a number";
  }
}

}  // namespace

bool parse(std::string_view text, GoldImport& imp, json& out, const std::string& path) {
  if (std::string e = size_error(text.size()); !e.empty()) {
    imp.add_error(path, e);
    return false;
  }
  if (auto bad = utf8::find_invalid(text)) {
    imp.add_error(path, "invalid UTF-8 at byte " + std::to_string(*bad) + " (" + line_col(text, *bad) + ")");
    return false;
  }
  if (size_t at = too_deep(text); at != std::string_view::npos) {
    imp.add_error(path, "nested deeper than " + std::to_string(kMaxDepth) + " levels at " + line_col(text, at));
    return false;
  }
  // nlohmann's messages start "[json.exception.parse_error.101] parse error at line 1, column 7: ..."
  auto report = [&](const json::exception& e) {
    std::string msg = e.what();
    if (size_t p = msg.find("] "); p != std::string::npos) msg = msg.substr(p + 2);
    // The end of input inside a string is "missing closing quote", not "unexpected end of
    // input": tell truncation by the position too.
    const auto* pe = dynamic_cast<const json::parse_error*>(&e);
    if (msg.find("unexpected end of input") != std::string::npos || (pe && pe->byte >= text.size()))
      msg += " (the file is truncated or a bracket is missing)";
    imp.add_error(path, "invalid JSON: " + msg);
  };
  try {
    out = json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number like 1e999
    report(e);
    return false;
  }
  return true;
}

Object::Object(const json& j, std::string path, GoldImport& imp) : j_(j), path_(std::move(path)), imp_(imp), ok_(j.is_object()) {
  if (!ok_) imp_.add_error(path_.empty() ? "(root)" : path_, std::string("expected an object, not ") + type_name(j));
}

void Object::only(std::initializer_list<const char*> keys) const {
  if (!ok_) return;
  for (auto it = j_.begin(); it != j_.end(); ++it) {
    if (extension_key(it.key())) continue;
    if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; }))
      imp_.add_error(child(path_, it.key()), "unknown key (extensions must start with \"x_\")");
  }
}

const json* Object::get(const char* key, bool required) const {
  if (!ok_) return nullptr;
  auto it = j_.find(key);
  if (it == j_.end()) {
    if (required) imp_.add_error(path(key), "missing");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> Object::string(const char* key, bool required, bool non_empty) const {
  const json* v = get(key, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    imp_.add_error(path(key), std::string("expected a string, not ") + type_name(*v));
    return std::nullopt;
  }
  if (non_empty && v->get_ref<const std::string&>().empty()) {
    imp_.add_error(path(key), "must not be empty");
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<uint32_t> Object::offset(const char* key, bool required) const {
  const json* v = get(key, required);
  if (!v) return std::nullopt;
  if (!v->is_number_unsigned() || v->get<uint64_t>() > UINT32_MAX) {
    imp_.add_error(path(key), std::string("expected an offset (an integer from 0 to 4294967295), not ") +
                                  (v->is_number() ? v->dump() : type_name(*v)));
    return std::nullopt;
  }
  return v->get<uint32_t>();
}

std::optional<int64_t> Object::integer(const char* key, bool required) const {
  const json* v = get(key, required);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) {
    imp_.add_error(path(key), std::string("expected an integer, not ") + type_name(*v));
    return std::nullopt;
  }
  return v->get<int64_t>();
}

const json* Object::array(const char* key, bool required) const {
  const json* v = get(key, required);
  if (v && !v->is_array()) {
    imp_.add_error(path(key), std::string("expected an array, not ") + type_name(*v));
    return nullptr;
  }
  return v;
}

const json* Object::object(const char* key, bool required) const {
  const json* v = get(key, required);
  if (v && !v->is_object()) {
    imp_.add_error(path(key), std::string("expected an object, not ") + type_name(*v));
    return nullptr;
  }
  return v;
}

std::optional<int64_t> Object::timestamp(const char* key) const {
  const std::optional<std::string> s = string(key, false);
  if (!s) return std::nullopt;
  const std::optional<int64_t> t = parse_timestamp(*s);
  if (!t) imp_.add_error(path(key), "expected an ISO 8601 UTC time like \"2024-05-01T12:00:00.000Z\", not \"" + preview(*s) + "\"");
  return t;
}

std::optional<Range> range(const json& j, const std::string& path, GoldImport& imp) {
  const auto offset_ok = [](const json& v) { return v.is_number_unsigned() && v.get<uint64_t>() <= UINT32_MAX; };
  if (!j.is_array() || j.size() != 2 || !offset_ok(j[0]) || !offset_ok(j[1])) {
    imp.add_error(path, "expected [start, end] with offsets from 0 to 4294967295");
    return std::nullopt;
  }
  return Range{j[0].get<uint32_t>(), j[1].get<uint32_t>()};
}

}  // namespace goldspan::json_read
