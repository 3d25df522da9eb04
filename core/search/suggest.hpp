#pragma once
// Suggestions from dictionaries, search hits and other files' spans (docs/search.md#suggestions).
// Each builder returns ONE AddSuggestions command (one undo step) and counts what it skipped:
// a suggestion identical (document, label, fragments) to a span or a suggestion already there,
// or to one given earlier in the same call, is a duplicate and is not added.
//
//   Suggested s = suggest_proposals(corpus, dict.match(corpus), "dict:places.tsv");
//   if (s.command) history.execute(std::move(s.command));
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "io/import.hpp"
#include "model/commands.hpp"
#include "search/label.hpp"

namespace goldspan {

struct SuggestCounts {
  size_t added = 0;
  size_t duplicates = 0;
  // Records of an import that suggestions cannot carry (they are spans only): relations,
  // clusters, claim links, and spans' attributes.
  size_t relations = 0, clusters = 0, links = 0, attributes = 0;
};

struct Suggested {
  std::unique_ptr<AddSuggestions> command;  // null when nothing is to be added
  SuggestCounts counts;
};

// Dictionary matches or snapped search hits (token-aligned proposals).
Suggested suggest_proposals(const Corpus& corpus, const std::vector<Proposal>& proposals, const std::string& source);

// Every span of a checked import (gold JSON, Label Studio predictions, brat, ...) whose document
// is in the corpus by id with the same text (add_documents first). Fragments are kept exactly.
// Throws Error when the import has errors or a document is missing or differs.
Suggested suggest_import(const Corpus& corpus, const GoldImport& import, const std::string& source);

}  // namespace goldspan
