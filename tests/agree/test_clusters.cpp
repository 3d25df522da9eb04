// Coreference cluster metrics: the 36 key/response cases of the CoNLL reference scorer
// (../shared/refdata/coref-scorer) and small cases computed by hand.
#include <catch2/catch.hpp>

#include <cctype>
#include <map>
#include <sstream>

#include "agree/clusters.hpp"
#include "agree_support.hpp"

using namespace goldspan;
using json = nlohmann::json;

namespace {

// The coreference column (last) of a CoNLL-2011/2012 file: "(N" opens, "N)" closes, "(N)" is
// one token; several may follow one another, with or without "|" ("(1(3", "3)1)"). A mention
// is its token edges, counted over the whole file; a closing N ends the latest open N.
Clustering read_conll_coref(const std::string& text) {
  std::map<long, std::vector<uint64_t>> clusters;
  std::map<long, std::vector<uint64_t>> open;  // cluster -> start tokens
  uint64_t token = 0;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("#", 0) == 0) continue;
    std::istringstream fields(line);
    std::string field, last;
    while (fields >> field) last = field;
    if (last.empty()) continue;  // sentence break
    for (size_t i = 0; i < last.size();) {
      const bool opens = last[i] == '(';
      const size_t digits = i + opens;
      size_t end = digits;
      while (end < last.size() && std::isdigit(static_cast<unsigned char>(last[end]))) ++end;
      if (end == digits) {  // "-", "|" or anything else
        i = digits + 1;
        continue;
      }
      const long id = std::stol(last.substr(digits, end - digits));
      const bool closes = end < last.size() && last[end] == ')';
      if (opens && closes) clusters[id].push_back(token << 32 | (token + 1));
      else if (opens) open[id].push_back(token);
      else if (closes && !open[id].empty()) {
        clusters[id].push_back(open[id].back() << 32 | (token + 1));
        open[id].pop_back();
      }
      i = end + closes;
    }
    ++token;
  }
  Clustering out;
  for (auto& [id, members] : clusters) out.push_back(std::move(members));
  return out;
}

void check_prf(double r, double p, double f, const json& e, const std::string& what) {
  INFO(what << ": expected R " << e["recall"] << " P " << e["precision"] << " F " << e["f1"] << "; got R " << r << " P " << p << " F " << f);
  CHECK(r == Approx(e["recall"].get<double>()).margin(1e-4));
  CHECK(p == Approx(e["precision"].get<double>()).margin(1e-4));
  CHECK(f == Approx(e["f1"].get<double>()).margin(1e-4));
}

void check_counts(const ClusterScore& s, const json& e, const std::string& what) {
  INFO(what << " counts");
  CHECK(s.recall_num == Approx(e["recall_num"].get<double>()).margin(1e-4));
  CHECK(s.recall_den == Approx(e["recall_den"].get<double>()).margin(1e-4));
  CHECK(s.precision_num == Approx(e["precision_num"].get<double>()).margin(1e-4));
  CHECK(s.precision_den == Approx(e["precision_den"].get<double>()).margin(1e-4));
}

}  // namespace

TEST_CASE("clusters: the CoNLL reference scorer's test cases", "[agree][clusters]") {
  AGREE_REQUIRE_REFDATA(ref, "coref-scorer/expected.json");
  size_t checked = 0;
  for (const json& c : (*ref)["cases"]) {
    const std::string id = c["id"];
    INFO("case " << id);
    const auto key_text = goldspan::test::refdata_text("coref-scorer/" + c["key"].get<std::string>());
    const auto response_text = goldspan::test::refdata_text("coref-scorer/" + c["response"].get<std::string>());
    REQUIRE(key_text);
    REQUIRE(response_text);
    const Clustering key = read_conll_coref(*key_text), response = read_conll_coref(*response_text);
    const json& cfg = c["expected_by_test_config"];
    const json& v8 = c["scorer_v8_01"];
    const std::vector<std::pair<const char*, ClusterScore>> scores = {
        {"muc", muc(key, response)}, {"bcub", b_cubed(key, response)},
        {"ceafm", ceaf_mention(key, response)}, {"ceafe", ceaf_entity(key, response)}};
    for (const auto& [name, s] : scores) {
      if (cfg.contains(name)) check_prf(s.recall(), s.precision(), s.f1(), cfg[name], id + " " + name), ++checked;
      if (v8.contains(name)) check_counts(s, v8[name], id + " " + name);
    }
    const BlancScore b = blanc(key, response);
    if (cfg.contains("blanc")) check_prf(b.recall, b.precision, b.f1, cfg["blanc"], id + " blanc"), ++checked;
    const json& links = v8["blanc"];
    CHECK(b.coref_common == links["coref_links"]["common"].get<double>());
    CHECK(b.coref_key == links["coref_links"]["key"].get<double>());
    CHECK(b.coref_response == links["coref_links"]["response"].get<double>());
    CHECK(b.non_common == links["noncoref_links"]["common"].get<double>());
    CHECK(b.non_key == links["noncoref_links"]["key"].get<double>());
    CHECK(b.non_response == links["noncoref_links"]["response"].get<double>());
    check_prf(b.recall, b.precision, b.f1, links, id + " blanc v8");
  }
  CHECK(checked >= 80);
}

TEST_CASE("clusters: hand-computed MUC, B-cubed, CEAF and BLANC", "[agree][clusters]") {
  // Key {1 2 3} {4 5}, response {1 2} {3 4 5}.
  const Clustering key = {{1, 2, 3}, {4, 5}}, response = {{1, 2}, {3, 4, 5}};
  // MUC recall: (3 - 2) + (2 - 1) = 2 of (2 + 1) = 3; precision: (2 - 1) + (3 - 2) = 2 of 3.
  CHECK(muc(key, response).recall() == Approx(2.0 / 3));
  CHECK(muc(key, response).precision() == Approx(2.0 / 3));
  // B-cubed recall: (2*2/3 + 1/3 + 2*2/2) / 5 = (4/3 + 1/3 + 2)/5 = 11/15; precision by symmetry
  // (2*2/2 + 1/3 + 2*2/3)/5 = 11/15.
  CHECK(b_cubed(key, response).recall() == Approx(11.0 / 15));
  CHECK(b_cubed(key, response).precision() == Approx(11.0 / 15));
  // CEAF-e: phi4 {123}-{12} = 4/5, {45}-{345} = 4/5 (the best pairing): 8/5 over 2 clusters.
  CHECK(ceaf_entity(key, response).f1() == Approx(0.8));
  // CEAF-m: |{123}∩{12}| + |{45}∩{345}| = 4 of 5 mentions.
  CHECK(ceaf_mention(key, response).recall() == Approx(0.8));
  CHECK(conll_f1(key, response) == Approx((2.0 / 3 + 11.0 / 15 + 0.8) / 3));
  // BLANC: key links 12 13 23 45 (4), non-links 6; response links 12 34 35 45 (4), non-links 6.
  // Common links 12 45 (2); common non-links 14 15 24 25 (4). Rc = Pc = 1/2, Rn = Pn = 4/6.
  const BlancScore b = blanc(key, response);
  CHECK(b.coref_common == 2);
  CHECK(b.non_common == 4);
  CHECK(b.f1 == Approx((0.5 + 4.0 / 6) / 2));
  // Identical clusterings score 1 everywhere.
  CHECK(conll_f1(key, key) == Approx(1));
  CHECK(blanc(key, key).f1 == Approx(1));
  // Nothing at all: every count is 0 and, as in the reference scorer, so is every score.
  CHECK(muc({}, {}).f1() == 0);
  CHECK(b_cubed({}, {}).recall_den == 0);
  CHECK(blanc({}, {}).f1 == 0);
}

TEST_CASE("clusters: mentions from spans, unclustered spans as singletons", "[agree][clusters]") {
  // A: [0,5) and [10,15) coreferent, [20,25) alone. B: the same pair (one labelled
  // differently: a mention is its edges), and [30,35) alone.
  const std::vector<AgreeSpan> a = {{"d", "PER", 0, 5}, {"d", "PER", 10, 15}, {"d", "LOC", 20, 25}};
  const std::vector<AgreeSpan> b = {{"d", "PER", 10, 15}, {"d", "ORG", 0, 5}, {"d", "LOC", 30, 35}};
  const auto [key, response] = mention_clusterings(a, {{0, 1}}, b, {{0, 1}});
  REQUIRE(key.size() == 2);
  REQUIRE(response.size() == 2);
  CHECK(key[1].size() == 1);
  CHECK(key[1][0] != response[1][0]);  // [20,25) and [30,35) are different mentions
  const CorefAgreement c = coref_agreement(key, response);
  // MUC: the one key link is found and nothing else is linked: R = P = 1.
  CHECK(c.muc.f1() == Approx(1));
  // B-cubed: mentions 0 and 1 score 1 on both sides, [20,25) 0 in recall, [30,35) 0 in precision.
  CHECK(c.b_cubed.recall() == Approx(2.0 / 3));
  CHECK(c.b_cubed.precision() == Approx(2.0 / 3));
  // CEAF-e: {0,1}-{0,1} = 1, the singletons do not pair: 1/2 both ways.
  CHECK(c.ceaf_entity.f1() == Approx(0.5));
  CHECK(c.conll_f1 == Approx((1 + 2.0 / 3 + 0.5) / 3));
  // Two documents' spans with the same edges are different mentions.
  const auto [k2, r2] = mention_clusterings({{"d", "X", 0, 5}}, {}, {{"e", "X", 0, 5}}, {});
  CHECK(k2[0][0] != r2[0][0]);
}
