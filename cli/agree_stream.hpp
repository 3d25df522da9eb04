#pragma once
// `goldspan agree` over gold JSONL files, one document at a time (docs/agreement.md, "Inputs"
// and "Cost"): the files are read as gold_stream.hpp says, each document's figures added to
// core/agree/by_document.hpp's accumulator, and the document dropped.
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "agree/partial.hpp"

namespace goldspan::cli {

struct AgreeStreamOptions {
  std::string locale;  // "" = each file's schema.locale
  bool per_label = false, per_doc = false;
};

struct AgreeStreamed {
  nlohmann::ordered_json figures;  // agree_json's, with the annotators' "file"
  AgreeCounts counts;              // --partial
};

// Throws goldspan::Error naming the file and line of a line that does not read (after printing
// its errors to `err`), or both files and lines of a document with two texts. Warnings (a
// document some file lacks) go to `err`.
AgreeStreamed agree_stream(const std::vector<std::string>& files, const AgreeStreamOptions& options, std::ostream& err);

}  // namespace goldspan::cli
