#pragma once
// A corpus over texts written in the test, with the default schema and a History.
#include <memory>
#include <string>
#include <vector>

#include "model/model_support.hpp"

namespace goldspan::test {

struct TextCorpus {
  Tokenizer tok;
  Corpus corpus;
  History history;
  explicit TextCorpus(const std::vector<std::string>& texts, const Schema& schema = default_schema())
      : corpus(schema), history(corpus) {
    for (size_t i = 0; i < texts.size(); ++i)
      corpus.add_document(std::make_shared<Document>("d" + std::to_string(i), texts[i], tok));
    history.set_annotator("ana");
    int64_t now = 1700000000000;
    history.set_clock([now]() mutable { return now += 1000; });
  }
  std::string text(size_t doc, uint32_t start, uint32_t end) const {
    return std::string(corpus.document(doc).slice(start, end));
  }
};

}  // namespace goldspan::test
