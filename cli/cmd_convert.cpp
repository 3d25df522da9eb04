// goldspan convert — reads annotations in one format and writes them in another.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands.hpp"
#include "error.hpp"
#include "formats.hpp"
#include "io.hpp"
#include "io/label_studio.hpp"
#include "io/timestamp.hpp"
#include "model/history.hpp"

namespace goldspan::cli {

namespace fs = std::filesystem;

int cmd_convert(const Args& args) {
  std::string from, to, schema_path, locale, annotator = "import", ls_config, brat_claims, texts;
  bool predictions = false;
  ExportOptions w;
  std::vector<std::string> paths;
  auto value = [&](size_t& i, const char* name) -> std::optional<std::string> {
    if (++i >= args.size()) {
      std::cerr << "goldspan convert: " << name << " needs a value\n";
      return std::nullopt;
    }
    return args[i];
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    std::optional<std::string> v;
    if (a == "--from" || a == "--to" || a == "--schema" || a == "--locale" || a == "--time" || a == "--annotator" || a == "--kinds" ||
        a == "--ls-config" || a == "--brat-claims" || a == "--texts") {
      if (!(v = value(i, a.c_str()))) return 2;
      if (a == "--from") from = *v;
      else if (a == "--to") to = *v;
      else if (a == "--schema") schema_path = *v;
      else if (a == "--locale") locale = *v;
      else if (a == "--annotator") annotator = *v;
      else if (a == "--ls-config") ls_config = *v;
      else if (a == "--brat-claims") brat_claims = *v;
      else if (a == "--texts") texts = *v;
      else if (a == "--time") {
        if (!parse_timestamp(*v)) {
          std::cerr << "goldspan convert: --time expects an ISO 8601 UTC time like 2024-05-01T12:00:00.000Z\n";
          return 2;
        }
        w.time = *v;
      } else {
        w.conll_kinds.clear();
        for (size_t b = 0; b <= v->size();) {
          size_t e = v->find(',', b);
          if (e == std::string::npos) e = v->size();
          const std::string k = v->substr(b, e - b);
          if (k == "entity") w.conll_kinds.push_back(SpanKind::Entity);
          else if (k == "claim") w.conll_kinds.push_back(SpanKind::Claim);
          else if (k == "cue") w.conll_kinds.push_back(SpanKind::Cue);
          else {
            std::cerr << "goldspan convert: --kinds takes entity, claim and cue, not '" << k << "'\n";
            return 2;
          }
          b = e + 1;
        }
      }
    } else if (a == "--utf16") {
      w.utf16 = true;
    } else if (a == "--predictions") {
      predictions = true;
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "goldspan convert: unknown option '" << a << "'\n";
      return 2;
    } else {
      paths.push_back(a);
    }
  }
  if (from.empty() || to.empty() || paths.size() != 2) {
    std::cerr << "goldspan convert: usage: goldspan convert --from FORMAT --to FORMAT [options] IN OUT\n";
    return 2;
  }
  if (!ls_config.empty() && to != "label-studio") {
    std::cerr << "goldspan convert: --ls-config goes with --to label-studio\n";
    return 2;
  }
  if (!brat_claims.empty() && from != "brat" && to != "brat") {
    std::cerr << "goldspan convert: --brat-claims goes with --from brat or --to brat\n";
    return 2;
  }
  if (!texts.empty() && from != "w3c") {
    std::cerr << "goldspan convert: --texts goes with --from w3c\n";
    return 2;
  }
  const std::vector<BratClaimEvent> claims = brat_claims.empty() ? std::vector<BratClaimEvent>{} : parse_brat_claims(brat_claims);
  std::vector<BratClaimEvent> claims_read;
  Tokenizer tok(locale);
  std::optional<Schema> schema;
  if (!schema_path.empty()) schema = Schema::load_file(schema_path);
  ReadOptions r;
  r.schema = schema ? &*schema : nullptr;
  r.schema_locale = locale.empty();
  r.predictions = predictions;
  r.brat_claims = claims;
  r.brat_claims_used = &claims_read;
  r.texts = texts;
  GoldImport in = read_format(from, paths[0], r, tok);
  for (const std::string& warning : in.warnings) std::cerr << "goldspan convert: warning: " << warning << '\n';
  if (!in.ok()) {
    for (const std::string& e : in.errors) std::cerr << "goldspan convert: " << e << '\n';
    std::cerr << "goldspan convert: " << paths[0] << ": not converted (" << in.errors.size() << " errors)\n";
    return 1;
  }
  if (!in.schema) throw Error("--schema", "is needed: " + from + " files carry no label schema");
  Corpus corpus(*in.schema);
  History history(corpus);
  history.set_annotator(annotator);
  const int64_t now = w.time.empty() ? now_ms() : *parse_timestamp(w.time);
  history.set_clock([now] { return now; });
  apply_gold(corpus, history, in);
  // brat to brat writes the events it read back as events (defaults included).
  w.brat_claims = from == "brat" ? claims_read : claims;
  Warnings warnings;
  const std::vector<ExportFile> files = write_format(to, corpus, w, tok, warnings);
  for (const std::string& warning : warnings) std::cerr << "goldspan convert: warning: " << warning << '\n';
  if (files.size() == 1 && files[0].name.empty()) {
    write_output(paths[1], files[0].contents);
  } else {
    std::error_code ec;
    fs::create_directories(paths[1], ec);
    if (ec) throw Error(paths[1], "cannot create the directory: " + ec.message());
    for (const ExportFile& f : files) write_output((fs::path(paths[1]) / f.name).string(), f.contents);
  }
  // The labelling config a Label Studio project needs to show the tasks (label names "label",
  // text "text", per-region choices per attribute: core/io/label_studio.hpp).
  if (!ls_config.empty()) write_output(ls_config, label_studio_config(corpus.schema()));
  return 0;
}

}  // namespace goldspan::cli
