#pragma once
// What every importer's fuzz target checks besides "no crash, no hang, no sanitizer report":
// the import contract. When a parse reports no errors, applying it to a fresh corpus must
// succeed, and exporting that corpus and reading the export back must give no errors and the
// same bytes again. Any breach aborts, so libFuzzer reports it as a crash.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "error.hpp"
#include "io/gold_json.hpp"
#include "io/import.hpp"
#include "model/history.hpp"
#include "model/schema.hpp"
#include "text/tokenizer.hpp"

namespace goldspan::fuzz {

inline Tokenizer& tokenizer() {
  static Tokenizer tok;
  return tok;
}

inline const Schema& schema() {
  static const Schema s = Schema::load_file(GOLDSPAN_SOURCE_DIR "/assets/schema/default.json");
  return s;
}

[[noreturn]] inline void breach(const std::string& what) {
  std::fprintf(stderr, "import contract broken: %s\n", what.c_str());
  std::abort();
}

inline void check_contract(const GoldImport& in) {
  if (!in.ok()) return;
  if (!in.schema) breach("a clean import without a schema");
  Corpus corpus(*in.schema);
  History history(corpus);
  history.set_clock([] { return int64_t(1700000000000); });
  try {
    apply_gold(corpus, history, in);
  } catch (const Error& e) {
    breach(std::string("apply_gold threw after a clean parse: ") + e.what());
  }
  GoldWriteOptions o;
  o.exported_at = "2024-01-01T00:00:00.000Z";
  const std::string file = write_gold(corpus, o);
  const GoldImport again = parse_gold(file, "export", &corpus.schema(), tokenizer());
  if (!again.ok()) breach("the export of a clean import does not read back: " + again.errors[0]);
  Corpus second(*in.schema);
  History h2(second);
  apply_gold(second, h2, again);
  if (write_gold(second, o) != file) breach("export -> import -> export changed the bytes");
}

}  // namespace goldspan::fuzz
