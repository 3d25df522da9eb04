#include "annotators.hpp"

#include "agree/report.hpp"  // gold_schema_locale
#include "io.hpp"
#include "io/gold_json.hpp"
#include "io/gold_jsonl.hpp"

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

namespace goldspan::cli {

std::string annotator_name(const std::string& gold_text, const std::string& file) {
  // A gold JSONL shard: every line carries the provenance; the first one names the annotator.
  const std::string_view text = jsonl_path(file) ? std::string_view(gold_text).substr(0, gold_text.find('\n')) : std::string_view(gold_text);
  // Only "provenance" is kept: a whole gold file's tree would cost about ten times its text.
  using nlohmann::json;
  const json j = json::parse(text, [](int depth, json::parse_event_t ev, json& parsed) {
    return !(ev == json::parse_event_t::key && depth == 1 && parsed != "provenance");
  }, false);
  if (j.is_object() && j.contains("provenance") && j["provenance"].is_object()) {
    const nlohmann::json a = j["provenance"].value("annotators", nlohmann::json::array());
    if (a.is_array() && a.size() == 1 && a[0].is_string()) return a[0].get<std::string>();
  }
  return std::filesystem::path(file).filename().string();
}

AnnotatorFile read_annotator_file(const std::string& file, Tokenizer& tok, bool locale_from_schema) {
  const std::string text = read_input(file);
  const bool jsonl = jsonl_path(file);
  // A shard's first line carries the schema.
  if (locale_from_schema) tok = Tokenizer(gold_schema_locale(jsonl ? std::string_view(text).substr(0, text.find('\n')) : text));
  AnnotatorFile a;
  a.import = jsonl ? parse_gold_jsonl(text, file, nullptr, tok) : parse_gold(text, file, nullptr, tok);
  if (a.import.ok()) a.name = annotator_name(text, file);
  return a;
}

void number_shared_names(std::vector<std::string>& names) {
  std::map<std::string, int> uses;
  for (const std::string& n : names) ++uses[n];
  for (size_t f = 0; f < names.size(); ++f)
    if (uses[names[f]] > 1) names[f] += " #" + std::to_string(f + 1);
}

}  // namespace goldspan::cli
