// Search and dictionary benchmark over a generated corpus of several million tokens:
//   - Finder: one word, plain and case-insensitive, over every document;
//   - beside them a bare byte scan (std::string_view::find over every text) in the same run, and
//     each search as a ratio to it;
//   - Dictionary: 10,000 terms (token sequences of 1–3 tokens, `copied`% taken from the corpus
//     so they match, the rest invented), matched over every document, then label_all and the
//     one History step that adds the spans. Prints times and tokens/s.
// The generated corpus repeats a dozen sentences, so copied terms match very often: with 50%
// copied about a third of all tokens end up labelled, far more than a real dictionary does.
// The same matches are then loaded as suggestions (suggest_proposals + the one AddSuggestions
// step) in a fresh corpus, as File > Open as suggestions does with a dictionary.
//
//   bench_search [million_tokens=5] [terms=10000] [copied=50] [DIR]
// With DIR it writes the corpus and the dictionary instead of timing them, for the CLI run
// under GNU parallel (bench/preannotate_shards.sh): DIR/corpus.jsonl, DIR/shards/part-0…7.jsonl
// (documents in order, whole), DIR/dict.tsv.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <unordered_set>

#include "corpus_gen.hpp"
#include "model/history.hpp"
#include "model/json_text.hpp"
#include <fstream>
#include "search/dictionary.hpp"
#include "search/suggest.hpp"
#include "bench_runtime.hpp"
#include "text/icu_data.hpp"

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

}  // namespace

int main(int argc, char** argv) {
  goldspan::bench::start_runtime();
  using namespace goldspan;
  const double million = argc > 1 ? std::atof(argv[1]) : 5;
  const size_t n_terms = argc > 2 ? size_t(std::atol(argv[2])) : 10000;
  const unsigned copied = argc > 3 ? unsigned(std::atoi(argv[3])) : 50;
  const size_t want = size_t(million * 1e6);

  Tokenizer tok;
  Corpus corpus(Schema::load_file(std::string(GOLDSPAN_SOURCE_DIR) + "/assets/schema/default.json"));
  size_t tokens = 0;
  auto t0 = Clock::now();
  for (uint64_t seed = 1; tokens < want; ++seed) {  // 256 KB documents, as a real corpus has many
    auto d = std::make_shared<Document>("doc" + std::to_string(seed), bench::multilingual_text(256 << 10, seed), tok);
    tokens += d->tokens().size();
    corpus.add_document(std::move(d));
  }
  std::printf("corpus: %zu documents, %zu tokens (built in %.2f s)\n", corpus.document_count(), tokens, since(t0));

  // The floor: a bare byte scan of every text for the word, no offsets converted (best of two:
  // the first touches every page).
  const char* word = "president";
  size_t bare_hits = 0;
  double bare_s = 1e9;
  for (int round = 0; round < 2; ++round) {
    t0 = Clock::now();
    bare_hits = 0;
    for (size_t i = 0; i < corpus.document_count(); ++i) {
      const std::string_view text = corpus.document(i).text();
      for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) ++bare_hits;
    }
    bare_s = std::min(bare_s, since(t0));
  }
  std::printf("bare byte scan for '%s': %zu hits in %.3f s\n", word, bare_hits, bare_s);
  for (bool fold : {false, true}) {
    if (fold && !GOLDSPAN_HAS_ICU_REGEX) continue;
    FindOptions o;
    o.ignore_case = fold;
    t0 = Clock::now();
    const size_t hits = Finder(word, o).find_all(corpus).size();
    const double s_ = since(t0);
    std::printf("find '%s'%s: %zu hits in %.3f s (%.1f x the bare scan)\n", word, fold ? " (ignore case)" : "", hits, s_, s_ / bare_s);
  }

  // Terms: token sequences copied from the corpus (they match) and invented ones (they do not).
  std::mt19937_64 rng(7);
  const char* labels[] = {"PERSON", "ORGANIZATION", "LOCATION", "DATE", "QUANTITY", "EVENT"};
  std::string dict;
  std::unordered_set<std::string> seen;  // a term twice could get two labels, which is an error
  for (size_t i = 0; seen.size() < n_terms; ++i) {
    const Document& d = corpus.document(rng() % corpus.document_count());
    const size_t len = 1 + rng() % 3, at = rng() % (d.tokens().size() - len);
    std::string term = i % 100 >= copied ? "zq" + std::to_string(i) + " term" : "";
    if (term.empty())
      for (size_t k = 0; k < len; ++k) term += (k ? " " : "") + std::string(d.slice(d.tokens()[at + k].start, d.tokens()[at + k].end));
    if (term.find_first_of("\t\n\r") != std::string::npos || !seen.insert(term).second) continue;
    // The label depends on the tokens only, so two spellings of one token sequence agree.
    std::string squeezed;
    for (char c : term)
      if (c != ' ') squeezed += c;
    dict += term + "\t" + labels[std::hash<std::string>()(squeezed) % 6] + "\n";
  }
  if (argc > 4) {
    const std::string dir = argv[4];
    std::ofstream all(dir + "/corpus.jsonl", std::ios::binary), terms(dir + "/dict.tsv", std::ios::binary);
    std::vector<std::ofstream> shards;
    for (int k = 0; k < 8; ++k) shards.emplace_back(dir + "/shards/part-" + std::to_string(k) + ".jsonl", std::ios::binary);
    for (size_t i = 0; i < corpus.document_count(); ++i) {
      std::string line = "{\"id\":";
      append_json_string(line, corpus.document(i).id());
      line += ",\"text\":";
      append_json_string(line, corpus.document(i).text());
      line += "}\n";
      all << line;
      shards[i * 8 / corpus.document_count()] << line;
    }
    terms << dict;
    if (!all || !terms) return std::fprintf(stderr, "cannot write to %s (is %s/shards there?)\n", dir.c_str(), dir.c_str()), 1;
    std::printf("wrote %s/corpus.jsonl, %s/shards/part-0..7.jsonl, %s/dict.tsv\n", dir.c_str(), dir.c_str(), dir.c_str());
    return 0;
  }
  t0 = Clock::now();
  const Dictionary dictionary = Dictionary::parse(dict, "bench.tsv", corpus.schema(), tok);
  const double parse_s = since(t0);
  t0 = Clock::now();
  const std::vector<Proposal> found = dictionary.match(corpus);
  const double match_s = since(t0);
  t0 = Clock::now();
  Labeled r = label_all(corpus, found, "dictionary");
  const double label_s = since(t0);
  History history(corpus);
  history.set_annotator("bench");
  t0 = Clock::now();
  if (r.command) history.execute(std::move(r.command));
  const double apply_s = since(t0);
  std::printf("dictionary: %zu terms parsed in %.3f s\n", dictionary.size(), parse_s);
  std::printf("match: %zu matches in %.3f s (%.1f M tokens/s)\n", found.size(), match_s, double(tokens) / match_s / 1e6);
  std::printf("label_all: %zu added, %zu refused by overlap, %zu duplicates in %.3f s; history step %.3f s\n",
              r.counts.added, r.counts.refused_overlap, r.counts.duplicates, label_s, apply_s);
  std::printf("total pre-annotation (match + label_all + step): %.3f s for %zu tokens\n", match_s + label_s + apply_s, tokens);

  // The same matches as suggestions, over the corpus before labelling (its spans would make
  // every one a duplicate): undo the step, then build and run the one AddSuggestions.
  if (history.can_undo()) history.undo();
  t0 = Clock::now();
  Suggested g = suggest_proposals(corpus, found, "dict:bench.tsv");
  const double suggest_s = since(t0);
  t0 = Clock::now();
  if (g.command) history.execute(std::move(g.command));
  const double suggest_step_s = since(t0);
  std::printf("suggestions: %zu added, %zu duplicates in %.3f s; step %.3f s (%.2f x label_all + its step)\n", g.counts.added,
              g.counts.duplicates, suggest_s, suggest_step_s, (suggest_s + suggest_step_s) / (label_s + apply_s));
  return 0;
}
