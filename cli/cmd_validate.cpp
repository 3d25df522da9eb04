// goldspan validate — checks gold JSON files: every error with its JSON path.
#include <iostream>

#include "commands.hpp"
#include "error.hpp"
#include "formats.hpp"

namespace goldspan::cli {

int cmd_validate(const Args& args) {
  std::string schema_path, locale;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--schema" || a == "--locale") {
      if (++i >= args.size()) {
        std::cerr << "goldspan validate: " << a << " needs a value\n";
        return 2;
      }
      (a == "--schema" ? schema_path : locale) = args[i];
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "goldspan validate: unknown option '" << a << "'\n";
      return 2;
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    std::cerr << "goldspan validate: no input (give FILE... or - for stdin)\n";
    return 2;
  }
  try {
    Tokenizer tok(locale);
    std::optional<Schema> schema;
    if (!schema_path.empty()) schema = Schema::load_file(schema_path);
    int rc = 0;
    for (const std::string& f : files) {
      ReadOptions r;
      r.schema = schema ? &*schema : nullptr;
      r.schema_locale = locale.empty();
      GoldImport in;
      try {
        in = read_format("gold", f, r, tok);
      } catch (const Error& e) {
        std::cerr << "goldspan validate: " << e.what() << '\n';
        rc = 1;
        continue;
      }
      for (const std::string& w : in.warnings) std::cerr << "goldspan validate: warning: " << w << '\n';
      if (!in.ok()) {
        for (const std::string& e : in.errors) std::cerr << "goldspan validate: " << e << '\n';
        std::cout << f << ": INVALID (" << in.errors.size() << (in.errors.size() == 1 ? " error" : " errors") << ")\n";
        rc = 1;
        continue;
      }
      std::cout << f << ": valid (" << in.documents.size() << " documents, " << in.spans.size() << " spans, " << in.relations.size()
                << " relations, " << in.clusters.size() << " clusters, " << in.links.size() << " cluster links)\n";
    }
    return rc;
  } catch (const Error& e) {
    std::cerr << "goldspan validate: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace goldspan::cli
