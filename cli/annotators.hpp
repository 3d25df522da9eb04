#pragma once
// Naming the annotators behind several gold files (`agree`, `adjudicate`).
#include <string>
#include <vector>

#include "io/import.hpp"
#include "text/tokenizer.hpp"

namespace goldspan::cli {

// The file's provenance when it names exactly one annotator, else the file name.
std::string annotator_name(const std::string& gold_text, const std::string& file);

// One annotator's gold file (gold JSON, or gold JSONL when the name ends in .jsonl) loaded
// whole, read once; with `locale_from_schema`, `tok` is replaced by the tokenizer of the file's
// schema locale (tokens as the app makes them). `name` is set when the import is sound.
struct AnnotatorFile {
  GoldImport import;
  std::string name;
};
AnnotatorFile read_annotator_file(const std::string& file, Tokenizer& tok, bool locale_from_schema);

// A name several files share gets the file's position appended ("ana #2").
void number_shared_names(std::vector<std::string>& names);

}  // namespace goldspan::cli
