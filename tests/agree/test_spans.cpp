// Span agreement: conlleval's CoNLL-2000 example and the seqeval / nervaluate cases of
// ../shared/refdata/spans, then hand-made cases for pairing, averaging and the edge cases.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <random>
#include <set>
#include <sstream>

#include "agree/spans.hpp"
#include "agree_support.hpp"

using namespace goldspan;
using goldspan::test::chunks_of;
using json = nlohmann::json;

namespace {

std::vector<AgreeSpan> spans_of_chunks(const json& sentences) {
  std::vector<AgreeSpan> out;
  for (size_t s = 0; s < sentences.size(); ++s)
    for (const json& c : sentences[s]) out.push_back({"s" + std::to_string(s), c[0], c[1], c[2]});
  return out;
}

std::vector<AgreeSpan> spans_of_tags(const json& sentences) {
  std::vector<AgreeSpan> out;
  for (size_t s = 0; s < sentences.size(); ++s)
    chunks_of(sentences[s].get<std::vector<std::string>>(), "s" + std::to_string(s), 0, out);
  return out;
}

// nervaluate's dict loader: inclusive end.
std::vector<AgreeSpan> spans_of_dicts(const json& sentences) {
  std::vector<AgreeSpan> out;
  for (size_t s = 0; s < sentences.size(); ++s)
    for (const json& d : sentences[s])
      out.push_back({"s" + std::to_string(s), d["label"], d["start"].get<uint32_t>(), d["end"].get<uint32_t>() + 1});
  return out;
}

}  // namespace

TEST_CASE("spans: conlleval on the CoNLL-2000 chunking example", "[agree][spans]") {
  AGREE_REQUIRE_REFDATA(ref, "spans/spans_expected.json");
  const json& e = (*ref)["conll2000_ground_truth"];
  const auto text = goldspan::test::refdata_text("spans/" + e["file"].get<std::string>());
  REQUIRE(text);
  // word POS gold guess; a blank line ends a sentence (and every open chunk).
  std::vector<AgreeSpan> gold, found;
  std::vector<std::string> g, f;
  uint32_t base = 0, tokens = 0;
  auto flush = [&] {
    chunks_of(g, "conll2000", base, gold);
    chunks_of(f, "conll2000", base, found);
    base += uint32_t(g.size());
    g.clear();
    f.clear();
  };
  std::istringstream lines(*text);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream fields(line);
    std::string word, pos, gt, pt;
    if (!(fields >> word >> pos >> gt >> pt)) {
      flush();
      continue;
    }
    g.push_back(gt);
    f.push_back(pt);
    ++tokens;
  }
  flush();
  CHECK(tokens == e["tokens"].get<uint32_t>());
  const SpanAgreement r = span_agreement(gold, found, SpanMatch::Exact);
  CHECK(r.micro.reference == e["gold_chunks"].get<size_t>());
  CHECK(r.micro.candidate == e["found_chunks"].get<size_t>());
  CHECK(r.micro.matched == e["correct_chunks"].get<size_t>());
  // "precision:  68.83%; recall:  80.83%; FB1:  74.35" (conlleval: recall is over the gold file)
  CHECK(r.micro.precision() * 100 == Approx(68.83).margin(0.005));
  CHECK(r.micro.recall() * 100 == Approx(80.83).margin(0.005));
  CHECK(r.micro.f1() * 100 == Approx(74.35).margin(0.005));
  for (auto it = e["per_type"].begin(); it != e["per_type"].end(); ++it) {
    INFO("type " << it.key());
    REQUIRE(r.per_label.count(it.key()));
    const SpanCounts& c = r.per_label.at(it.key());
    CHECK(c.reference == it.value()["gold"].get<size_t>());
    CHECK(c.candidate == it.value()["found"].get<size_t>());
    CHECK(c.matched == it.value()["correct"].get<size_t>());
  }
}

TEST_CASE("spans: conlleval chunk counts of the tag sequence cases", "[agree][spans]") {
  AGREE_REQUIRE_REFDATA(ref, "spans/spans_expected.json");
  for (const json& c : (*ref)["tag_sequence_cases"]) {
    INFO("case " << c["id"].get<std::string>());
    const SpanAgreement r = span_agreement(spans_of_chunks(c["conlleval_chunks_gold"]),
                                           spans_of_chunks(c["conlleval_chunks_pred"]), SpanMatch::Exact);
    const json& pl = c["conlleval_pl"];
    CHECK(r.micro.reference == pl["gold_chunks"].get<size_t>());
    CHECK(r.micro.candidate == pl["found_chunks"].get<size_t>());
    CHECK(r.micro.matched == pl["correct_chunks"].get<size_t>());
    CHECK(r.micro.f1() == Approx(pl["f1"].get<double>()).margin(1e-4));
    // The chunk reader of these tests must read the tags as conlleval does.
    if (c["id"] != "iobes_S_E") {
      const auto mine = span_agreement(spans_of_tags(c["gold"]), spans_of_chunks(c["conlleval_chunks_gold"]), SpanMatch::Exact);
      CHECK(mine.micro.f1() == Approx(1));
    }
  }
}

TEST_CASE("spans: nervaluate's strict, exact and ent_type schemes", "[agree][spans]") {
  // strict = exact edges and label (SpanMatch::Exact); exact = exact edges, any label;
  // ent_type = overlap and label (SpanMatch::Overlap). nervaluate: P = correct/actual, R = correct/possible.
  AGREE_REQUIRE_REFDATA(ref, "spans/spans_expected.json");
  for (const json& c : (*ref)["span_overlap_cases"]) {
    INFO("case " << c["id"].get<std::string>());
    const bool tags = c["input"].get<std::string>().find("tags") != std::string::npos;
    const auto truth = tags ? spans_of_tags(c["true"]) : spans_of_dicts(c["true"]);
    const auto pred = tags ? spans_of_tags(c["pred"]) : spans_of_dicts(c["pred"]);
    const json& n = c["nervaluate"];
    const SpanAgreement strict = span_agreement(truth, pred, SpanMatch::Exact);
    CHECK(strict.micro.matched == n["strict"]["correct"].get<size_t>());
    CHECK(strict.micro.candidate == n["strict"]["actual"].get<size_t>());
    CHECK(strict.micro.reference == n["strict"]["possible"].get<size_t>());
    CHECK(match_spans(truth, pred, SpanMatch::Exact, false).size() == n["exact"]["correct"].get<size_t>());
    const SpanAgreement overlap = span_agreement(truth, pred, SpanMatch::Overlap);
    CHECK(overlap.micro.matched == n["ent_type"]["correct"].get<size_t>());
    CHECK(overlap.micro.precision() == Approx(n["ent_type"]["precision"].get<double>()));
    CHECK(overlap.micro.recall() == Approx(n["ent_type"]["recall"].get<double>()));
  }
}

TEST_CASE("spans: identical sets agree fully", "[agree][spans]") {
  const std::vector<AgreeSpan> a = {{"d", "PER", 0, 5}, {"d", "LOC", 10, 15}, {"e", "PER", 0, 3}};
  for (SpanMatch mode : {SpanMatch::Exact, SpanMatch::Overlap}) {
    const SpanAgreement r = span_agreement(a, a, mode);
    CHECK(r.micro.matched == 3);
    CHECK(r.micro.precision() == 1);
    CHECK(r.micro.recall() == 1);
    CHECK(r.micro.f1() == 1);
    CHECK(r.macro_f1 == 1);
  }
}

TEST_CASE("spans: one annotator empty, and no spans at all", "[agree][spans]") {
  const std::vector<AgreeSpan> a = {{"d", "PER", 0, 5}, {"d", "LOC", 10, 15}}, none;
  // b marked nothing: recall 0, F1 = 2*0/(2+0) = 0, precision 0/0 undefined (NaN, "n/a").
  const SpanAgreement r = span_agreement(a, none, SpanMatch::Overlap);
  CHECK(r.micro.recall() == 0);
  CHECK(r.micro.f1() == 0);
  CHECK(std::isnan(r.micro.precision()));
  CHECK(r.macro_f1 == 0);
  CHECK(r.macro_precision == 0);  // per label NaN counts as 0 in the mean
  // Nobody marked anything: every value is 0/0. Not 1: there is no agreement to report.
  const SpanAgreement z = span_agreement(none, none, SpanMatch::Exact);
  CHECK(std::isnan(z.micro.f1()));
  CHECK(std::isnan(z.micro.precision()));
  CHECK(std::isnan(z.macro_f1));
  CHECK(z.per_label.empty());
}

TEST_CASE("spans: a label only one annotator used", "[agree][spans]") {
  const std::vector<AgreeSpan> a = {{"d", "PER", 0, 5}, {"d", "LOC", 10, 15}};
  const std::vector<AgreeSpan> b = {{"d", "PER", 0, 5}, {"d", "ORG", 10, 15}};
  const SpanAgreement r = span_agreement(a, b, SpanMatch::Exact);
  CHECK(r.micro.matched == 1);
  CHECK(r.micro.f1() == Approx(0.5));
  REQUIRE(r.per_label.size() == 3);
  CHECK(r.per_label.at("PER").f1() == 1);
  CHECK(r.per_label.at("LOC").f1() == 0);
  CHECK(r.per_label.at("LOC").recall() == 0);
  CHECK(std::isnan(r.per_label.at("LOC").precision()));  // b never used LOC
  CHECK(std::isnan(r.per_label.at("ORG").recall()));     // a never used ORG
  // Macro: F1 (1 + 0 + 0)/3; precision (1 + [LOC n/a = 0] + 0)/3; recall (1 + 0 + [ORG n/a = 0])/3.
  CHECK(r.macro_f1 == Approx(1.0 / 3));
  CHECK(r.macro_precision == Approx(1.0 / 3));
  CHECK(r.macro_recall == Approx(1.0 / 3));
  const LabelConfusion c = label_confusion(a, b);
  REQUIRE(c.labels == std::vector<std::string>{"LOC", "ORG", "PER"});
  CHECK(c.counts[0][1] == 1);  // LOC in a, ORG in b
  CHECK(c.counts[2][2] == 1);
  CHECK(c.counts[0][0] + c.counts[1][1] + c.counts[1][0] == 0);
  CHECK(c.only_a == std::vector<size_t>{0, 0, 0});
}

TEST_CASE("spans: overlap pairing is a maximum one-to-one matching", "[agree][spans]") {
  // Greedy by overlap would pair a0 with b0 (5 code points) and leave a1 and b1 alone; the
  // maximum matching re-pairs a0 with b1 so that both a spans are matched.
  const std::vector<AgreeSpan> a = {{"d", "X", 0, 10}, {"d", "X", 8, 12}};
  const std::vector<AgreeSpan> b = {{"d", "X", 5, 11}, {"d", "X", 0, 4}};
  const auto pairs = match_spans(a, b, SpanMatch::Overlap, true);
  CHECK(pairs == std::vector<std::pair<size_t, size_t>>{{0, 1}, {1, 0}});
  CHECK(span_agreement(a, b, SpanMatch::Overlap).micro.f1() == 1);
  CHECK(span_agreement(a, b, SpanMatch::Exact).micro.matched == 0);
  // One span covering two: one pair only, no double credit.
  const std::vector<AgreeSpan> wide = {{"d", "X", 0, 12}};
  const SpanAgreement r = span_agreement(a, wide, SpanMatch::Overlap);
  CHECK(r.micro.matched == 1);
  CHECK(r.micro.recall() == Approx(0.5));
  CHECK(r.micro.precision() == 1);
  // Spans that only touch do not overlap; other documents never pair.
  CHECK(match_spans({{"d", "X", 0, 5}}, {{"d", "X", 5, 9}}, SpanMatch::Overlap, true).empty());
  CHECK(match_spans({{"d", "X", 0, 5}}, {{"e", "X", 0, 5}}, SpanMatch::Exact, true).empty());
}

TEST_CASE("spans: ties go to identical edges, then to the same label", "[agree][spans]") {
  const std::vector<AgreeSpan> a = {{"d", "PER", 0, 5}};
  CHECK(match_spans(a, {{"d", "PER", 2, 5}, {"d", "PER", 0, 5}}, SpanMatch::Overlap, true) ==
        std::vector<std::pair<size_t, size_t>>{{0, 1}});
  CHECK(match_spans(a, {{"d", "PER", 0, 2}, {"d", "PER", 1, 4}}, SpanMatch::Overlap, true) ==
        std::vector<std::pair<size_t, size_t>>{{0, 1}});  // the larger overlap
  CHECK(match_spans(a, {{"d", "PER", 3, 5}, {"d", "PER", 0, 2}}, SpanMatch::Overlap, true) ==
        std::vector<std::pair<size_t, size_t>>{{0, 0}});  // a full tie: file order
  // Label-blind pairing (the confusion matrix) still prefers the same label over identical edges.
  const LabelConfusion c = label_confusion(a, {{"d", "ORG", 0, 5}, {"d", "PER", 1, 4}});
  CHECK(c.counts[1][1] == 1);  // PER-PER
  CHECK(c.only_b[0] == 1);     // ORG unpaired
  // Duplicates pair one-to-one.
  CHECK(span_agreement({{"d", "X", 0, 5}, {"d", "X", 0, 5}}, {{"d", "X", 0, 5}}, SpanMatch::Exact).micro.matched == 1);
}

TEST_CASE("spans: per document results", "[agree][spans]") {
  const std::vector<AgreeSpan> a = {{"d1", "X", 0, 5}, {"d2", "X", 0, 5}};
  const std::vector<AgreeSpan> b = {{"d1", "X", 0, 5}, {"d3", "X", 0, 5}};
  const auto per = span_agreement_by_document(a, b, SpanMatch::Exact);
  REQUIRE(per.size() == 3);
  CHECK(per.at("d1").micro.f1() == 1);
  CHECK(per.at("d2").micro.f1() == 0);
  CHECK(per.at("d3").micro.f1() == 0);
}

TEST_CASE("spans: the overlap pairing is maximum on random cases (against brute force)", "[agree][spans]") {
  std::mt19937 rng(20260101);  // fixed: the same cases every run
  auto random_spans = [&](size_t n) {
    std::vector<AgreeSpan> v;
    for (size_t i = 0; i < n; ++i) {
      const uint32_t s = rng() % 30, len = 1 + rng() % 8;
      v.push_back({"d", rng() % 3 ? "X" : "Y", s, s + len});
    }
    return v;
  };
  for (int round = 0; round < 300; ++round) {
    const auto a = random_spans(1 + rng() % 7), b = random_spans(1 + rng() % 7);
    const bool same_label = round % 2;
    auto edge = [&](size_t i, size_t j) {
      return a[i].start < b[j].end && b[j].start < a[i].end && (!same_label || a[i].label == b[j].label);
    };
    // Largest matching by trying every assignment: best(i, used) over a[i..] with b's in `used` taken.
    std::function<size_t(size_t, unsigned)> best = [&](size_t i, unsigned used) -> size_t {
      if (i == a.size()) return 0;
      size_t r = best(i + 1, used);
      for (size_t j = 0; j < b.size(); ++j)
        if (!(used >> j & 1) && edge(i, j)) r = std::max(r, 1 + best(i + 1, used | 1u << j));
      return r;
    };
    const auto pairs = match_spans(a, b, SpanMatch::Overlap, same_label);
    INFO("round " << round);
    CHECK(pairs.size() == best(0, 0));
    std::set<size_t> used_a, used_b;
    for (const auto& [i, j] : pairs) {
      CHECK(edge(i, j));
      CHECK(used_a.insert(i).second);
      CHECK(used_b.insert(j).second);
    }
  }
}

TEST_CASE("spans: long augmenting paths on a large document", "[agree][spans]") {
  // b_i = [10i, 10i + 2); a_i = [10i + 1, 10i + 19) overlaps b_i by 1 and b_{i+1} by 2. The seed
  // pairs every a_i with b_{i+1} (the larger overlap), which leaves the last a and b_0 free:
  // matching all of them needs one augmenting path through every span. 20,000 spans: the
  // search must not depend on the call stack, nor the candidates on comparing every pair.
  const uint32_t n = 20000;
  std::vector<AgreeSpan> a, b;
  for (uint32_t i = 0; i < n; ++i) {
    a.push_back({"d", "X", 10 * i + 1, 10 * i + 19});
    b.push_back({"d", "X", 10 * i, 10 * i + 2});
  }
  const auto pairs = match_spans(a, b, SpanMatch::Overlap, true);
  REQUIRE(pairs.size() == n);
  CHECK(pairs.front() == std::make_pair(size_t(0), size_t(0)));
  CHECK(pairs.back() == std::make_pair(size_t(n - 1), size_t(n - 1)));
}
