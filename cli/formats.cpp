#include "formats.hpp"

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "error.hpp"
#include "io.hpp"
#include "agree/report.hpp"
#include "io/brat.hpp"
#include "io/conll.hpp"
#include "io/doccano.hpp"
#include "io/gold_json.hpp"
#include "io/gold_jsonl.hpp"
#include "io/infer_schema.hpp"
#include "io/label_studio.hpp"
#include "io/plain_text.hpp"
#include "io/prodigy.hpp"
#include "io/w3c.hpp"

namespace goldspan::cli {

namespace fs = std::filesystem;

namespace {

// The files in `dir` ending in `ext`, sorted by name.
std::vector<fs::path> files_with(const fs::path& dir, const std::string& ext) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

const Schema& need_schema(const ReadOptions& o, const std::string& format) {
  if (!o.schema) throw Error("--schema", "is needed to read " + format + " (the format carries no label schema)");
  return *o.schema;
}

// Appends `more` (documents only) to `all`.
void merge_documents(GoldImport& all, GoldImport&& more) {
  for (auto& d : more.documents) all.documents.push_back(std::move(d));
  for (auto& e : more.errors) all.errors.push_back(std::move(e));
  for (auto& w : more.warnings) all.warnings.push_back(std::move(w));
}

}  // namespace

GoldImport read_format(const std::string& format_name, const std::string& path, const ReadOptions& o, Tokenizer& tok) {
  // Gold shards (one document per line) are read wherever gold files are.
  const std::string format = format_name == "gold" && jsonl_path(path) ? "gold-jsonl" : format_name;
  if (format == "gold-jsonl") {
    std::string text = read_input(path);
    if (o.schema_locale) tok = Tokenizer(o.schema ? o.schema->locale() : gold_schema_locale(text.substr(0, text.find('\n'))));
    return parse_gold_jsonl(text, path, o.schema, tok);
  }
  if (format == "gold" && o.schema_locale) {
    std::string text = read_input(path);
    tok = Tokenizer(o.schema ? o.schema->locale() : gold_schema_locale(text));
    return parse_gold(text, path, o.schema, tok);
  }
  if (o.schema_locale && o.schema) tok = Tokenizer(o.schema->locale());
  if (format == "gold") return parse_gold(read_input(path), path, o.schema, tok);
  if (format == "jsonl" || format == "txt") {
    GoldImport imp;
    if (format == "jsonl") imp = parse_jsonl(read_input(path), path, tok);
    else if (path != "-" && fs::is_directory(path)) {
      imp.file_name = path;
      for (const fs::path& p : files_with(path, ".txt")) merge_documents(imp, parse_text(read_input(p.string()), p.string(), tok));
      if (imp.documents.empty() && imp.ok()) imp.add_error("", "no .txt files in this directory");
    } else {
      imp = parse_text(read_input(path), path, tok);
    }
    if (o.schema && imp.ok()) check_import(imp, *o.schema);  // sets the schema; nothing else to check
    return imp;
  }
  if (format == "brat") {
    std::vector<fs::path> anns;
    if (fs::is_directory(path)) anns = files_with(path, ".ann");
    else anns.push_back(path);
    if (anns.empty()) throw Error(path, "no .ann files in this directory");
    std::vector<BratDocument> docs;
    for (const fs::path& ann : anns) {
      fs::path txt = ann;
      txt.replace_extension(".txt");
      docs.push_back({ann.stem().string(), read_input(txt.string()), read_input(ann.string()), ann.filename().string()});
    }
    // Without --schema: one inferred from brat's annotation.conf beside the files, else from
    // the labels found (core/io/infer_schema.hpp; warnings say which and what was guessed).
    std::optional<Schema> inferred;
    Warnings inference;
    const std::vector<BratClaimEvent> claims = brat_claim_events(docs, o.brat_claims, o.schema);
    if (!o.schema) {
      const fs::path conf = (fs::is_directory(path) ? fs::path(path) : fs::path(path).parent_path()) / "annotation.conf";
      if (fs::is_regular_file(conf)) inferred = infer_schema_from_brat_conf(read_input(conf.string()), conf.string(), inference);
      else inferred = infer_schema_from_brat(docs, inference);
      inferred = with_brat_claims(*inferred, docs, claims, inference);
      if (o.schema_locale) tok = Tokenizer(inferred->locale());
    }
    if (o.brat_claims_used) *o.brat_claims_used = claims;
    GoldImport imp = parse_brat(docs, o.schema ? *o.schema : *inferred, tok, claims);
    imp.warnings.insert(imp.warnings.begin(), inference.begin(), inference.end());
    imp.file_name = path;
    return imp;
  }
  if (format == "conll") return parse_conll(read_input(path), path, need_schema(o, format), tok);
  if (format == "doccano") return parse_doccano(read_input(path), path, need_schema(o, format), tok);
  if (format == "prodigy") return parse_prodigy(read_input(path), path, need_schema(o, format), tok);
  if (format == "label-studio") {
    LabelStudioReadOptions ls;
    ls.predictions = o.predictions;
    return parse_label_studio(read_input(path), path, need_schema(o, format), tok, ls);
  }
  if (format == "w3c") {
    const Schema& schema = need_schema(o, format);
    const fs::path where = o.texts.empty() ? (path == "-" ? fs::path(".") : fs::path(path).parent_path()) : fs::path(o.texts);
    GoldImport texts;
    if (fs::is_directory(where.empty() ? fs::path(".") : where)) {
      for (const fs::path& p : files_with(where.empty() ? fs::path(".") : where, ".txt"))
        merge_documents(texts, parse_text(read_input(p.string()), p.filename().string(), tok));
    } else if (jsonl_path(where.string())) {
      texts = parse_jsonl(read_input(where.string()), where.string(), tok);
    } else {
      texts = parse_text(read_input(where.string()), where.filename().string(), tok);
    }
    if (!texts.ok()) return texts;
    return parse_w3c(read_input(path), path, texts.documents, schema, tok);
  }
  throw Error("--from", "unknown format '" + format + "' (one of " + kReadFormats + ")");
}

}  // namespace goldspan::cli
