#pragma once
// Shared setup for the model tests: the default schema, the shipped sample texts as
// documents, a History with a fixed annotator, a ticking fake clock and a journal in memory.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "error.hpp"
#include "model/commands.hpp"
#include "model/corpus.hpp"
#include "model/history.hpp"
#include "model/journal.hpp"
#include "model/schema.hpp"
#include "support.hpp"
#include "text/document.hpp"
#include "text/tokenizer.hpp"

namespace goldspan::test {

inline std::string default_schema_path() { return std::string(GOLDSPAN_SOURCE_DIR) + "/assets/schema/default.json"; }
inline const Schema& default_schema() {
  static const Schema s = Schema::load_file(default_schema_path());
  return s;
}

inline std::shared_ptr<const Document> sample_document(const std::string& name, Tokenizer& tok) {
  const auto text = read_file(std::string(GOLDSPAN_SOURCE_DIR) + "/assets/sample/" + name + ".txt");
  if (!text) throw Error(name, "sample text missing");
  return std::make_shared<Document>(name, *text, tok);
}

// Code point range of the nth occurrence of `needle` in the document.
inline Range find_text(const Document& d, std::string_view needle, size_t nth = 0) {
  size_t at = d.text().find(needle);
  for (size_t i = 0; i < nth && at != std::string_view::npos; ++i) at = d.text().find(needle, at + 1);
  if (at == std::string_view::npos) throw Error(d.id(), "text not found: " + std::string(needle));
  const uint32_t s = d.offsets().cp_of_byte(uint32_t(at));
  return Range{s, d.offsets().cp_of_byte(uint32_t(at + needle.size()))};
}

struct Fixture {
  Tokenizer tok;
  Corpus corpus;
  History history;
  std::vector<std::string> journal;
  int64_t now = 1700000000000;

  explicit Fixture(const Schema& schema = default_schema(),
                   const std::vector<std::string>& samples = {"harbor-a", "harbor-b", "multilingual"})
      : tok(schema.locale()), corpus(schema), history(corpus) {
    for (const std::string& s : samples) corpus.add_document(sample_document(s, tok));
    history.set_annotator("ana");
    history.set_clock([this] { return now += 1000; });
    history.set_journal([this](const std::string& line) { journal.push_back(line); });
  }

  const Document& doc(size_t i = 0) const { return corpus.document(i); }
  Range find(std::string_view needle, size_t doc_index = 0, size_t nth = 0) const {
    return find_text(corpus.document(doc_index), needle, nth);
  }
  SpanId add(const std::string& type, std::string_view text, size_t doc_index = 0, size_t nth = 0) {
    return history.run<AddSpan>(doc(doc_index).id(), type, std::vector<Range>{find(text, doc_index, nth)}).id();
  }
  std::string journal_text() const {
    std::string out;
    for (const std::string& l : journal) out += l + "\n";
    return out;
  }
};

// A fresh corpus over the same documents as `f`, with the same schema.
struct Replica {
  Tokenizer tok;
  Corpus corpus;
  History history;
  explicit Replica(const Fixture& f) : tok(f.corpus.schema().locale()), corpus(f.corpus.schema()), history(corpus) {
    for (size_t i = 0; i < f.corpus.document_count(); ++i)
      corpus.add_document(std::make_shared<Document>(f.corpus.document(i).id(), std::string(f.corpus.document(i).text()), tok));
  }
};

}  // namespace goldspan::test
