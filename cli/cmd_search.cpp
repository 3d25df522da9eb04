// goldspan search — the page's Ctrl+F over a file, one JSON line per hit.
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "commands.hpp"
#include "error.hpp"
#include "formats.hpp"
#include "search/find.hpp"

namespace goldspan::cli {

int cmd_search(const Args& args) {
  std::string from = "gold", schema_path, locale;
  FindOptions o;
  std::vector<std::string> paths;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--from" || a == "--schema" || a == "--locale" || a == "--context" || a == "--max") {
      if (++i >= args.size()) {
        std::cerr << "goldspan search: " << a << " needs a value\n";
        return 2;
      }
      if (a == "--from") from = args[i];
      else if (a == "--schema") schema_path = args[i];
      else if (a == "--locale") locale = args[i];
      else {
        char* end = nullptr;
        const unsigned long long n = std::strtoull(args[i].c_str(), &end, 10);
        if (args[i].empty() || *end) {
          std::cerr << "goldspan search: " << a << " expects a number\n";
          return 2;
        }
        if (a == "--context") o.context = uint32_t(n);
        else o.max_hits = size_t(n);
      }
    } else if (a == "--regex") {
      o.regex = true;
    } else if (a == "--ignore-case" || a == "-i") {
      o.ignore_case = true;
    } else if (a.size() > 1 && a[0] == '-' && paths.size() == 1) {
      std::cerr << "goldspan search: unknown option '" << a << "'\n";
      return 2;
    } else {
      paths.push_back(a);  // the pattern may start with '-' when it comes first
    }
  }
  if (paths.size() != 2) {
    std::cerr << "goldspan search: usage: goldspan search PATTERN FILE [--regex] [--ignore-case] [--context N] [--max N]\n";
    return 2;
  }
  try {
    const Finder finder(paths[0], o);
    Tokenizer tok(locale);
    std::optional<Schema> schema;
    if (!schema_path.empty()) schema = Schema::load_file(schema_path);
    ReadOptions r;
    r.schema = schema ? &*schema : nullptr;
    const GoldImport in = read_format(from, paths[1], r, tok);
    if (!in.ok()) {
      for (const std::string& e : in.errors) std::cerr << "goldspan search: " << e << '\n';
      return 1;
    }
    std::vector<Hit> hits;
    for (size_t i = 0; i < in.documents.size(); ++i)
      if (!finder.find_in(*in.documents[i], i, hits)) break;
    for (const Hit& h : hits) {
      nlohmann::ordered_json j{{"doc", in.documents[h.doc]->id()}, {"start", h.start}, {"end", h.end},
                               {"match", h.match}, {"before", h.before}, {"after", h.after}};
      std::cout << j.dump() << '\n';
    }
    return 0;
  } catch (const Error& e) {
    std::cerr << "goldspan search: " << e.what() << '\n';
    return e.where().rfind("--", 0) == 0 || e.where() == "find" ? 2 : 1;
  }
}

}  // namespace goldspan::cli
