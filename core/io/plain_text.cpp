#include "io/plain_text.hpp"

#include <map>
#include <set>

#include "error.hpp"
#include "io/json_read.hpp"
#include "io/split.hpp"
#include "text/utf8.hpp"

namespace goldspan {

std::string document_id_from_path(const std::string& path) {
  const size_t slash = path.find_last_of("/\\");
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  const size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && dot > 0) base.resize(dot);
  return base.empty() ? "document" : base;
}

GoldImport parse_text(std::string_view text, const std::string& file_name, Tokenizer& tokenizer) {
  GoldImport imp;
  imp.file_name = file_name;
  if (std::string e = size_error(text.size()); !e.empty()) {
    imp.add_error("", e);
    return imp;
  }
  if (auto bad = utf8::find_invalid(text)) {
    imp.add_error("", "invalid UTF-8 at byte " + std::to_string(*bad) + " (" + line_col(text, *bad) + ")");
    return imp;
  }
  imp.documents.push_back(std::make_shared<const Document>(document_id_from_path(file_name), std::string(text), tokenizer));
  return imp;
}

GoldImport parse_jsonl(std::string_view text, const std::string& file_name, Tokenizer& tokenizer) {
  GoldImport imp;
  imp.file_name = file_name;
  if (std::string e = size_error(text.size()); !e.empty()) {
    imp.add_error("", e);
    return imp;
  }
  std::map<std::string, size_t> ids;
  std::set<std::string> ignored;
  for (Lines lines(text); lines.next();) {
    const std::string_view line = lines.line;
    const size_t line_no = lines.number;
    if (blank_line(line)) continue;
    const std::string where = "line " + std::to_string(line_no) + ":";
    nlohmann::json j;
    if (!json_read::parse(line, imp, j, where)) continue;
    json_read::Object o(j, where, imp);
    if (!o.ok()) continue;
    for (auto it = j.begin(); it != j.end(); ++it)
      if (it.key() != "id" && it.key() != "text") ignored.insert(it.key());
    // Other tools write numeric ids; they become strings.
    std::optional<std::string> id;
    if (const nlohmann::json* v = o.get("id", true)) {
      if (v->is_string() && !v->get_ref<const std::string&>().empty()) id = v->get<std::string>();
      else if (v->is_number_integer()) id = v->dump();
      else imp.add_error(where + " id", "expected a non-empty string or an integer");
    }
    const auto body = o.string("text", true);
    if (!id || !body) continue;
    if (!ids.emplace(*id, line_no).second) {
      imp.add_error(where + " id", "duplicate document id '" + *id + "' (also line " + std::to_string(ids[*id]) + ")");
      continue;
    }
    imp.documents.push_back(std::make_shared<const Document>(*id, *body, tokenizer));
  }
  if (!ignored.empty()) {
    std::string keys;
    for (const std::string& k : ignored) keys += (keys.empty() ? "" : ", ") + k;
    imp.add_warning("", "ignored keys (only id and text are read): " + keys);
  }
  if (imp.documents.empty() && imp.ok()) imp.add_error("", "no documents (expected one {\"id\", \"text\"} object per line)");
  if (imp.errors_not_listed) imp.errors.push_back(file_name + ": ... and " + std::to_string(imp.errors_not_listed) + " more errors");
  return imp;
}

}  // namespace goldspan
