// core/agree/report.hpp: the spans behind the label confusion (the app's heatmap cells list
// them) add up to the report's confusion counts, and a gold file's schema locale is read alone.
#include <catch2/catch.hpp>

#include <map>

#include "agree/report.hpp"

using namespace goldspan;

namespace {

AgreeFile hand_made(std::vector<AgreeSpan> spans, std::vector<std::string> docs) {
  AgreeFile f;
  f.spans = std::move(spans);
  for (size_t i = 0; i < docs.size(); ++i) f.doc_index[docs[i]] = i;
  return f;
}

}  // namespace

TEST_CASE("confused_spans: the pairs and lone spans of the label confusion, on the documents both have") {
  const AgreeFile a = hand_made({{"d1", "LOC", 0, 5}, {"d1", "PER", 10, 15}, {"d1", "ORG", 20, 25}, {"d2", "PER", 0, 3}}, {"d1", "d2"});
  const AgreeFile b = hand_made({{"d1", "ORG", 0, 7}, {"d1", "PER", 10, 15}, {"d1", "DATE", 30, 34}}, {"d1"});
  const std::vector<ConfusedSpans> c = confused_spans(a, b);
  std::map<std::pair<std::string, std::string>, size_t> cells;
  for (const ConfusedSpans& s : c) ++cells[{s.a ? s.a->label : "-", s.b ? s.b->label : "-"}];
  // d2 is only a's: not a disagreement.
  CHECK(cells == std::map<std::pair<std::string, std::string>, size_t>{
                     {{"LOC", "ORG"}, 1}, {{"PER", "PER"}, 1}, {{"ORG", "-"}, 1}, {{"-", "DATE"}, 1}});
  const LabelConfusion lc = label_confusion(pair_counts({a.spans[0], a.spans[1], a.spans[2]}, b.spans));
  size_t total = 0;
  for (const auto& row : lc.counts)
    for (size_t n : row) total += n;
  for (size_t n : lc.only_a) total += n;
  for (size_t n : lc.only_b) total += n;
  CHECK(total == c.size());
}

TEST_CASE("gold_schema_locale reads schema.locale alone") {
  CHECK(gold_schema_locale(R"({"format": "goldspan-gold", "schema": {"name": "x", "locale": "th"}, "documents": []})") == "th");
  CHECK(gold_schema_locale(R"({"schema": {"name": "x"}})").empty());
  CHECK(gold_schema_locale("not json").empty());
}
