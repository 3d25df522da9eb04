#pragma once
// `goldspan agree` over gold JSONL files, one document at a time (docs/agreement.md, "Cost").
//
// Every file is read line by line, in step: when the files list the same documents in the same
// order (what `convert --to gold-jsonl` of the same corpus gives), each file is read once and
// only one line of each is in memory. At the first line where the files' documents differ (a
// document missing from one file, another order), an index of the rest of each file is built
// (document id -> byte offset and line, read with a parse that keeps only the ids) and the rest
// is read through it, document by document in order of first appearance: those files are read a
// second time, never loaded whole.
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
