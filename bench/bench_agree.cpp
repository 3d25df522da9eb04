// Agreement benchmark: 3 annotators × D documents × S spans per document (defaults 1,000 × 100),
// the annotators made from one reference by dropping, moving and relabelling spans. Times, side
// by side in one run: exact and overlap span matching for every pair, the label confusion,
// token labels and the token coefficients (Cohen per pair, Fleiss, Krippendorff's α), and the
// peak memory of the process. File loading is not in it (see `goldspan stats` for that).
//
//   bench_agree [documents=1000] [spans=100]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>
#ifndef __EMSCRIPTEN__
#include <sys/resource.h>
#endif

#include "agree/spans.hpp"
#include "agree/tokens.hpp"

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

const char* kLabels[] = {"PERSON", "ORGANIZATION", "LOCATION", "DATE", "QUANTITY", "EVENT"};

}  // namespace

int main(int argc, char** argv) {
  using namespace goldspan;
  const size_t docs = argc > 1 ? size_t(std::atol(argv[1])) : 1000;
  const size_t per_doc = argc > 2 ? size_t(std::atol(argv[2])) : 100;
  const uint32_t token_len = 6, tokens_per_doc = uint32_t(per_doc * 6);  // spans cover ~1/3 of tokens

  std::mt19937_64 rng(7);
  std::vector<std::vector<AgreeSpan>> ann(3);
  std::vector<std::vector<Token>> tokens(docs);
  for (size_t d = 0; d < docs; ++d) {
    const std::string id = "doc" + std::to_string(d);
    for (uint32_t t = 0; t < tokens_per_doc; ++t) tokens[d].push_back({t * token_len, t * token_len + token_len - 1, TokenKind::Word});
    for (size_t s = 0; s < per_doc; ++s) {
      const uint32_t first = uint32_t(s * 6 + rng() % 3), len = 1 + uint32_t(rng() % 3);
      const AgreeSpan ref{id, kLabels[rng() % 6], first * token_len, (first + len) * token_len - 1};
      for (auto& a : ann) {
        const unsigned roll = unsigned(rng() % 100);
        if (roll < 8) continue;                                     // missed
        AgreeSpan x = ref;
        if (roll < 16) x.end += token_len;                          // one token longer
        else if (roll < 21) x.label = kLabels[rng() % 6];           // relabelled
        a.push_back(x);
      }
    }
  }
  size_t total = 0;
  for (const auto& a : ann) total += a.size();
  std::printf("3 annotators x %zu documents x %zu spans: %zu spans, %zu tokens\n", docs, per_doc, total,
              docs * size_t(tokens_per_doc));

  auto t0 = Clock::now();
  double f_exact = 0, f_overlap = 0;
  for (int i = 0; i < 3; ++i)
    for (int j = i + 1; j < 3; ++j) f_exact += span_agreement(ann[i], ann[j], SpanMatch::Exact).micro.f1();
  const double exact_s = since(t0);
  t0 = Clock::now();
  for (int i = 0; i < 3; ++i)
    for (int j = i + 1; j < 3; ++j) f_overlap += span_agreement(ann[i], ann[j], SpanMatch::Overlap).micro.f1();
  const double overlap_s = since(t0);
  t0 = Clock::now();
  size_t confused = 0;
  for (int i = 0; i < 3; ++i)
    for (int j = i + 1; j < 3; ++j) confused += label_confusion(ann[i], ann[j]).labels.size();
  const double confusion_s = since(t0);

  t0 = Clock::now();
  LabelMatrix labels;
  labels.reserve(docs * tokens_per_doc);
  std::vector<std::vector<AgreeSpan>> in_doc(3);
  std::vector<size_t> at(3, 0);
  for (size_t d = 0; d < docs; ++d) {
    const std::string id = "doc" + std::to_string(d);
    std::vector<std::vector<std::string>> per(3);
    for (int c = 0; c < 3; ++c) {
      in_doc[c].clear();
      while (at[c] < ann[c].size() && ann[c][at[c]].doc == id) in_doc[c].push_back(ann[c][at[c]++]);
      per[c] = token_labels(tokens[d], in_doc[c]);
    }
    for (size_t t = 0; t < tokens[d].size(); ++t) labels.push_back({per[0][t], per[1][t], per[2][t]});
  }
  const double label_s = since(t0);
  t0 = Clock::now();
  const TokenAgreement ta = token_agreement(labels, 3);
  const double coeff_s = since(t0);

  std::printf("span P/R/F1, 3 pairs, exact:    %8.3f s   (mean F1 %.4f)\n", exact_s, f_exact / 3);
  std::printf("span P/R/F1, 3 pairs, overlap:  %8.3f s   (mean F1 %.4f)   overlap/exact %.2fx\n", overlap_s, f_overlap / 3,
              overlap_s / exact_s);
  std::printf("label confusion, 3 pairs:       %8.3f s   (%zu labels)\n", confusion_s, confused / 3);
  std::printf("token labels:                   %8.3f s   (%zu units)\n", label_s, labels.size());
  std::printf("Cohen x3, Fleiss, alpha:        %8.3f s   (Fleiss %.4f, alpha %.4f)   coefficients/labels %.2fx\n", coeff_s,
              ta.fleiss.value, ta.alpha.value, coeff_s / label_s);
#ifndef __EMSCRIPTEN__
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("peak resident memory:           %8.1f MB\n", double(ru.ru_maxrss) / 1024);
#endif
  return 0;
}
