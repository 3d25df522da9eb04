// Annotation model benchmark: one generated multilingual document of ~5 M tokens with 100 k
// spans (90 % single-token-range entities, 10 % longer claims over them), edited through a
// History with the journal on (as the app runs it). Times each operation separately and prints
// mean and p99 in µs, and measures the memory a span costs. Then 10 k entity clusters and
// claim links are built over those spans, and the structure edits the app makes (a relation,
// joining a cluster, a claim link, merging two clusters), each with its undo, are timed the
// same way. Build natively and for wasm.
//
//   bench_model [M tokens=5] [spans=100000] [ops=20000] [clusters=10000]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <new>
#include <random>
#include <string>
#include <vector>

#include "corpus_gen.hpp"
#include "error.hpp"
#include "model/cluster_edits.hpp"
#include "model/commands.hpp"
#include "model/corpus.hpp"
#include "model/history.hpp"
#include "model/schema.hpp"
#include "text/document.hpp"
#include "bench_runtime.hpp"
#include "text/icu_data.hpp"
#include "text/tokenizer.hpp"

// [SECTION] Counting allocator: live heap bytes as requested by the program (no malloc overhead)
namespace {
size_t g_live = 0;
constexpr size_t kHeader = 16;  // keeps the 16-byte alignment malloc gives

void* counted_new(size_t n) {
  void* p = std::malloc(n + kHeader);
  if (!p) throw std::bad_alloc();
  *static_cast<size_t*>(p) = n;
  g_live += n;
  return static_cast<char*>(p) + kHeader;
}
void counted_delete(void* p) noexcept {
  if (!p) return;
  char* base = static_cast<char*>(p) - kHeader;
  g_live -= *reinterpret_cast<size_t*>(base);
  std::free(base);
}
}  // namespace

void* operator new(size_t n) { return counted_new(n); }
void* operator new[](size_t n) { return counted_new(n); }
void* operator new(size_t n, const std::nothrow_t&) noexcept {
  try { return counted_new(n); } catch (...) { return nullptr; }
}
void* operator new[](size_t n, const std::nothrow_t&) noexcept {
  try { return counted_new(n); } catch (...) { return nullptr; }
}
void operator delete(void* p) noexcept { counted_delete(p); }
void operator delete[](void* p) noexcept { counted_delete(p); }
void operator delete(void* p, size_t) noexcept { counted_delete(p); }
void operator delete[](void* p, size_t) noexcept { counted_delete(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { counted_delete(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { counted_delete(p); }

namespace {

using namespace goldspan;
using Clock = std::chrono::steady_clock;

double us_since(Clock::time_point t0) { return std::chrono::duration<double, std::micro>(Clock::now() - t0).count(); }

struct Stats {
  std::vector<double> us;
  void print(const char* name, const char* target = "") {
    std::sort(us.begin(), us.end());
    double sum = 0;
    for (double v : us) sum += v;
    const double p99 = us[std::min(us.size() - 1, size_t(double(us.size()) * 0.99))];
    std::printf("  %-28s mean %7.2f us   p99 %7.2f us   max %8.1f us   (n = %zu)%s\n", name, sum / double(us.size()), p99,
                us.back(), us.size(), target);
  }
};

}  // namespace

int main(int argc, char** argv) {
  const char* where = goldspan::bench::start_runtime();
  const double m_tokens = argc > 1 ? std::strtod(argv[1], nullptr) : 5.0;
  const size_t n_spans = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 100000;
  const size_t n_ops = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 20000;
  const size_t n_clusters = argc > 4 ? std::strtoul(argv[4], nullptr, 10) : 10000;

  auto t0 = Clock::now();
  Tokenizer tok;
  // Size the text by tokens: measure bytes per token on a sample first.
  const double bytes_per_token = double(1 << 20) / double(tok.tokens(bench::multilingual_text(1 << 20)).size());
  auto doc = std::make_shared<Document>("bench", bench::multilingual_text(size_t(m_tokens * 1e6 * bytes_per_token * 1.01)), tok);
  const double t_doc = us_since(t0) / 1e6;
  const std::vector<Token>& toks = doc->tokens();
  constexpr size_t kSlot = 50;  // tokens per slot: one entity early in it, the end left free
  const size_t slots = toks.size() / kSlot;
  if (slots < n_spans * 9 / 10 + 1 || n_ops == 0) {
    std::fprintf(stderr, "bench_model: %zu tokens are too few for %zu spans\n", toks.size(), n_spans);
    return 2;
  }

  Corpus corpus(Schema::load_file(std::string(GOLDSPAN_SOURCE_DIR) + "/assets/schema/default.json"));
  corpus.add_document(doc);
  const char* entity_types[] = {"PERSON", "ORGANIZATION", "LOCATION", "DATE", "QUANTITY", "EVENT"};
  std::mt19937_64 rng(7);
  std::string journal;
  size_t journal_lines = 0, journal_bytes = 0;
  const auto sink = [&](const std::string& line) {
    journal += line;
    journal += '\n';
    ++journal_lines;
    journal_bytes += line.size() + 1;
    if (journal.size() > (1u << 20)) journal.clear();  // as if flushed to the autosave file
  };

  // [SECTION] Build: 100 k spans through a History, then drop the history to weigh the corpus alone
  const size_t heap_before = g_live;
  t0 = Clock::now();
  size_t claims = 0;
  {
    History build(corpus);
    build.set_annotator("bench");
    build.set_journal(sink);
    const size_t stride = slots / (n_spans * 9 / 10 + 1);
    for (size_t i = 0; corpus.span_count() < n_spans; ++i) {
      const size_t slot = (i % (n_spans * 9 / 10 + 1)) * stride;
      const size_t t = slot * kSlot + size_t(rng() % 30);
      if (i < n_spans * 9 / 10 + 1) {
        const size_t u = t + size_t(rng() % 3);
        build.run<AddSpan>("bench", entity_types[rng() % 6], std::vector<Range>{{toks[t].start, toks[u].end}});
      } else {  // claims over entities: another kind, so they may cross them
        build.run<AddSpan>("bench", "CLAIM", std::vector<Range>{{toks[t].start, toks[t + 20].end}});
        ++claims;
      }
    }
  }
  const double t_build = us_since(t0) / 1e6;
  journal.clear();
  journal.shrink_to_fit();  // the autosave buffer is not the corpus
  const size_t heap_corpus = g_live - heap_before;

  // [SECTION] Timed edits
  History h(corpus);
  h.set_annotator("bench");
  h.set_journal(sink);
  Stats add, remove, query, undo, redo, undo_redo;
  std::vector<SpanHit> hits;
  size_t hit_total = 0;
  const size_t heap_history_before = g_live;
  const size_t lines_before = journal_lines, bytes_before = journal_bytes;
  for (size_t i = 0; i < n_ops; ++i) {
    // A one-token PERSON in the free end of a random slot (never crosses another entity).
    const size_t t = (size_t(rng() % slots)) * kSlot + 40 + size_t(rng() % 8);
    auto a = Clock::now();
    const SpanId id = h.run<AddSpan>("bench", "PERSON", std::vector<Range>{{toks[t].start, toks[t].end}}).id();
    add.us.push_back(us_since(a));

    a = Clock::now();
    h.run<RemoveSpan>(id);
    remove.us.push_back(us_since(a));

    a = Clock::now();
    h.undo();
    const double u = us_since(a);
    a = Clock::now();
    h.redo();
    const double r = us_since(a);
    undo.us.push_back(u);
    redo.us.push_back(r);
    undo_redo.us.push_back(u + r);

    const size_t w = size_t(rng() % (toks.size() - 2000));
    hits.clear();
    a = Clock::now();
    corpus.query(0, toks[w].start, toks[w + 1999].end, hits);
    query.us.push_back(us_since(a));
    hit_total += hits.size();
  }
  const size_t history_steps = h.undo_size();
  const size_t heap_history = g_live - heap_history_before;

  std::printf("bench_model [%s]: %.1f MB text, %.2f M tokens, %zu spans (%zu entities, %zu claims)\n", where,
              double(doc->text().size()) / (1 << 20), double(toks.size()) / 1e6, corpus.span_count(),
              corpus.span_count() - claims, claims);
  std::printf("  build: document %.2f s, %zu spans through History %.2f s (%.2f us each, journal on)\n", t_doc, n_spans,
              t_build, t_build * 1e6 / double(n_spans));
  std::printf("  per operation, journal on, %zu rounds:\n", n_ops);
  add.print("add span", "   target <= 10 us");
  remove.print("remove span", "   target <= 10 us");
  query.print("window query (2000 tokens)", "   target <= 50 us");
  std::printf("  %-28s %.1f fragments per window on average\n", "", double(hit_total) / double(n_ops));
  undo.print("undo (re-adds the span)");
  redo.print("redo (removes it again)");
  undo_redo.print("undo+redo");
  std::printf("  memory per span: %zu bytes exact (Span record %zu B + index node 24 B + id slot 4 B, one fragment),\n"
              "                   %.1f bytes by container capacities (vectors grow by doubling),\n"
              "                   %.1f bytes of live heap (counting operator new, allocator overhead excluded)\n",
              sizeof(Span) + 24 + 4, sizeof(Span), double(corpus.span_memory_bytes()) / double(corpus.span_count()),
              double(heap_corpus) / double(corpus.span_count()));
  std::printf("  history: %.1f bytes of heap per undo step; journal: %.1f bytes per line\n",
              double(heap_history) / double(history_steps),
              double(journal_bytes - bytes_before) / double(journal_lines - lines_before));

  // [SECTION] Structure: clusters, relations and claim links over the same corpus
  std::vector<SpanId> people, claim_ids, others;  // claimant targets, claims, the other entities
  for (SpanId id : corpus.span_ids()) {
    const std::string& t = corpus.type_of(corpus.span(id)).name;
    (t == "CLAIM" ? claim_ids : t == "PERSON" || t == "ORGANIZATION" ? people : others).push_back(id);
  }
  if (others.size() < n_clusters * 3 || claim_ids.size() < 4) {
    std::fprintf(stderr, "bench_model: too few spans for %zu clusters\n", n_clusters);
    return 2;
  }
  // 10 k entity clusters of 3 members, 5 k claim links: what a large annotated corpus carries.
  t0 = Clock::now();
  std::vector<ClusterId> cluster_ids;
  for (size_t i = 0; i < n_clusters; ++i) {
    const ClusterId c = join_new_cluster(h, others[3 * i], "cluster " + std::to_string(i));
    join_cluster(h, others[3 * i + 1], c);
    join_cluster(h, others[3 * i + 2], c);
    cluster_ids.push_back(c);
  }
  for (size_t i = 0; i + 1 < claim_ids.size() && i < n_clusters; i += 2)
    h.run<AddLink>("same", Ref{Ref::Span, claim_ids[i]}, Ref{Ref::Span, claim_ids[i + 1]});
  const double t_struct = us_since(t0) / 1e6;
  Stats rel, rel_undo, join, join_undo, link, link_undo, merge, merge_undo;
  const size_t free_base = n_clusters * 3;  // entities in no cluster yet
  const size_t n_struct = std::min(n_ops, others.size() - free_base);
  for (size_t i = 0; i < n_struct; ++i) {
    const SpanId claim = claim_ids[size_t(rng() % claim_ids.size())];
    // Any person or organisation: the corpus is one document, so every pair is allowed.
    const SpanId who = people[size_t(rng() % people.size())];
    auto a = Clock::now();
    h.run<AddRelation>("claimant", claim, who);
    rel.us.push_back(us_since(a));
    a = Clock::now();
    h.undo();
    rel_undo.us.push_back(us_since(a));

    a = Clock::now();
    join_cluster(h, others[free_base + i], cluster_ids[size_t(rng() % cluster_ids.size())]);
    join.us.push_back(us_since(a));
    a = Clock::now();
    h.undo();
    join_undo.us.push_back(us_since(a));

    const SpanId c1 = claim_ids[size_t(rng() % claim_ids.size())], c2 = claim_ids[size_t(rng() % claim_ids.size())];
    if (c1 != c2) {
      a = Clock::now();
      bool made = true;
      try {
        h.run<AddLink>("contradicts", Ref{Ref::Span, c1}, Ref{Ref::Span, c2});
      } catch (const Error&) {
        made = false;  // drawn twice: the model refuses the same link again
      }
      if (made) {
        link.us.push_back(us_since(a));
        a = Clock::now();
        h.undo();
        link_undo.us.push_back(us_since(a));
      }
    }

    const size_t m = size_t(rng() % (cluster_ids.size() - 1));
    a = Clock::now();
    merge_clusters(h, cluster_ids[m], cluster_ids[m + 1]);
    merge.us.push_back(us_since(a));
    a = Clock::now();
    h.undo();
    merge_undo.us.push_back(us_since(a));
  }
  std::printf("  structure: %zu entity clusters of 3, %zu claim links, built in %.2f s; per operation, %zu rounds:\n",
              corpus.clusters().size(), corpus.links().size(), t_struct, n_struct);
  rel.print("add relation (claimant)", "   target <= 50 us");
  rel_undo.print("  its undo", "   target <= 50 us");
  join.print("join cluster", "   target <= 50 us");
  join_undo.print("  its undo", "   target <= 50 us");
  link.print("add claim link", "   target <= 50 us");
  link_undo.print("  its undo", "   target <= 50 us");
  merge.print("merge clusters (3+3 members)", "   target <= 50 us");
  merge_undo.print("  its undo", "   target <= 50 us");
  return 0;
}
