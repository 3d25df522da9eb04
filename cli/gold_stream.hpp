#pragma once
// Several annotators' gold JSONL files read document by document, aligned by document id, for
// the commands that compare them (`agree`, `adjudicate`; docs/agreement.md, "Inputs").
//
// The files are read a line at a time, in step: when they list the same documents in the same
// order (what `convert --to gold-jsonl` of the same corpus gives), each is read once and only one
// line of each is in memory. At the first line where the files' documents differ (a document
// missing from one file, another order, a file that ends earlier), the rest of each file is
// indexed (document id -> byte offset and line, each line parsed for its ids only) and read
// through the index, document by document in order of first appearance: those files are read a
// second time, never loaded whole.
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "io/import.hpp"

namespace goldspan::cli {

// One line of a file, parsed: exactly one document.
struct GoldLine {
  GoldImport import;
  size_t number = 0;  // 1-based line
  const std::string& id() const { return import.documents.front()->id(); }
};

class GoldStreams {
 public:
  // `command` prefixes the errors printed ("goldspan agree"); `locale` "" reads each file with
  // its schema's locale. Throws Error naming a file that does not open or has no line.
  GoldStreams(const std::vector<std::string>& files, const std::string& locale, std::string command);
  ~GoldStreams();

  // Per file: the annotator's name (annotators.hpp, shared names numbered) and its path.
  const std::vector<std::string>& names() const { return names_; }
  const std::vector<std::string>& files() const { return files_; }

  // Calls `visit` once per document in order of first appearance; lines[f] is file f's line
  // holding it, nullptr when file f lacks it. Throws Error naming the file and line of a line
  // that does not read (its errors printed to `err` first), of a document on two lines of one
  // file, or both files and lines of a document with two texts.
  void each(const std::function<void(const std::vector<const GoldLine*>&)>& visit, std::ostream& err);

 private:
  class Source;
  std::vector<std::unique_ptr<Source>> sources_;
  std::vector<std::string> names_, files_;
  std::string command_;
};

}  // namespace goldspan::cli
