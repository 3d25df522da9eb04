// goldspan preannotate — labels every dictionary term in a corpus, as the page's
// "pre-annotate from dictionary" does (same core code: search/dictionary.hpp, search/label.hpp).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "commands.hpp"
#include "error.hpp"
#include "formats.hpp"
#include "io.hpp"
#include "io/gold_json.hpp"
#include "io/gold_jsonl.hpp"
#include "io/timestamp.hpp"
#include "model/history.hpp"
#include "search/dictionary.hpp"

namespace goldspan::cli {

namespace {

const char* kUse = "usage: goldspan preannotate --dict FILE [--from FORMAT] [--schema FILE] [--ignore-case] IN -o OUT";

}  // namespace

int cmd_preannotate(const Args& args) {
  std::string dict, from = "gold", schema_path, locale, annotator = "dictionary", time, out;
  bool ignore_case = false, jsonl = false;
  std::vector<std::string> paths;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--dict" || a == "--from" || a == "--schema" || a == "--locale" || a == "--annotator" || a == "--time" || a == "-o") {
      if (++i >= args.size()) {
        std::cerr << "goldspan preannotate: " << a << " needs a value\n";
        return 2;
      }
      std::string& v = a == "--dict" ? dict : a == "--from" ? from : a == "--schema" ? schema_path : a == "--locale" ? locale
                     : a == "--annotator" ? annotator : a == "--time" ? time : out;
      v = args[i];
    } else if (a == "--ignore-case") {
      ignore_case = true;
    } else if (a == "--jsonl") {
      jsonl = true;
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "goldspan preannotate: unknown option '" << a << "'\n";
      return 2;
    } else {
      paths.push_back(a);
    }
  }
  if (dict.empty() || out.empty() || paths.size() != 1) {
    std::cerr << "goldspan preannotate: " << kUse << '\n';
    return 2;
  }
  if (!time.empty() && !parse_timestamp(time)) {
    std::cerr << "goldspan preannotate: --time expects an ISO 8601 UTC time like 2024-05-01T12:00:00.000Z\n";
    return 2;
  }
  Tokenizer tok(locale);
  std::optional<Schema> schema;
  if (!schema_path.empty()) schema = Schema::load_file(schema_path);
  ReadOptions r;
  r.schema = schema ? &*schema : nullptr;
  const GoldImport in = read_format(from, paths[0], r, tok);
  if (!in.ok()) {
    for (const std::string& e : in.errors) std::cerr << "goldspan preannotate: " << e << '\n';
    std::cerr << "goldspan preannotate: " << paths[0] << ": not read (" << in.errors.size() << " errors)\n";
    return 1;
  }
  if (!in.schema) throw Error("--schema", "is needed: " + from + " files carry no label schema");
  DictionaryOptions o;
  o.ignore_case = ignore_case;
  const Dictionary d = Dictionary::parse(read_input(dict), dict, *in.schema, tok, o);

  Corpus corpus(*in.schema);
  History history(corpus);
  history.set_annotator(annotator);
  const int64_t now = time.empty() ? now_ms() : *parse_timestamp(time);
  history.set_clock([now] { return now; });
  apply_gold(corpus, history, in);
  Labeled result = label_all(corpus, d.match(corpus), "dictionary " + dict);
  if (result.command) history.execute(std::move(result.command));
  GoldWriteOptions w;
  w.exported_at = format_timestamp(now);
  Warnings lost;
  write_output(out, jsonl || jsonl_path(out) ? write_gold_jsonl(corpus, w, lost) : write_gold(corpus, w));
  for (const std::string& m : lost) std::cerr << "goldspan preannotate: warning: " << m << '\n';
  const LabelCounts& c = result.counts;
  (out == "-" ? std::cerr : std::cout)
      << paths[0] << ": " << d.size() << " terms, " << c.added << " spans added, " << c.refused_overlap
      << " refused by overlap rules, " << c.duplicates << " already there (" << corpus.document_count() << " documents)\n";
  return 0;
}

}  // namespace goldspan::cli
