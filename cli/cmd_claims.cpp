// goldspan claims — the claims table of a corpus (core/claims/table.hpp): one row per group of
// claims that say the same thing, one column per document, as the page's claims view shows it.
#include <iostream>
#include <nlohmann/json.hpp>

#include "claims/table.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "formats.hpp"
#include "io.hpp"
#include "model/history.hpp"

namespace goldspan::cli {

namespace {

const char* kUse = "usage: goldspan claims [--format md|csv|json] [--from FORMAT --schema FILE] [-o OUT] FILE";

}  // namespace

int cmd_claims(const Args& args) {
  std::string format = "md", from = "gold", schema_path, locale, out = "-";
  std::vector<std::string> paths;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--format" || a == "--from" || a == "--schema" || a == "--locale" || a == "-o") {
      if (++i >= args.size()) throw Error(a, "needs a value");
      (a == "--format" ? format : a == "--from" ? from : a == "--schema" ? schema_path : a == "--locale" ? locale : out) = args[i];
    } else if (a.size() > 1 && a[0] == '-') {
      throw Error(a, "unknown option (" + std::string(kUse) + ")");
    } else {
      paths.push_back(a);
    }
  }
  if (paths.size() != 1) throw Error("--", kUse);
  if (format != "md" && format != "csv" && format != "json") throw Error("--format", "expects md, csv or json, not '" + format + "'");
  Tokenizer tok(locale);
  std::optional<Schema> schema;
  if (!schema_path.empty()) schema = Schema::load_file(schema_path);
  ReadOptions r;
  r.schema = schema ? &*schema : nullptr;
  r.schema_locale = locale.empty();
  const GoldImport in = read_format(from, paths[0], r, tok);
  if (!in.ok()) {
    for (const std::string& e : in.errors) std::cerr << "goldspan claims: " << e << '\n';
    std::cerr << "goldspan claims: " << paths[0] << ": not read (" << in.errors.size() << " errors)\n";
    return 1;
  }
  if (!in.schema) throw Error("--schema", "is needed: " + from + " files carry no label schema");
  Corpus corpus(*in.schema);
  History history(corpus);
  apply_gold(corpus, history, in);
  const ClaimsTable t = build_claims_table(corpus);
  write_output(out, format == "csv" ? claims_csv(t) : format == "json" ? claims_json(t).dump(2) + "\n" : claims_markdown(t));
  return 0;
}

}  // namespace goldspan::cli
