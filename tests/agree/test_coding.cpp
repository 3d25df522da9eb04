// Cohen's kappa, Scott's pi, Bennett's S, Fleiss' kappa and Krippendorff's alpha: against the
// published worked examples in ../shared/refdata/agreement, and against small cases computed by
// hand below (these run everywhere).
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "agree/coding.hpp"
#include "agree_support.hpp"

using namespace goldspan;
using json = nlohmann::json;

namespace {

// Numbers stay numbers; letters (nominal data) become codes in order of first appearance.
CodingMatrix matrix_of(const json& rows) {
  CodingMatrix m;
  std::map<std::string, double> codes;
  for (const json& r : rows) {
    m.emplace_back();
    for (const json& v : r) {
      if (v.is_null()) m.back().push_back(std::nullopt);
      else if (v.is_string()) m.back().push_back(codes.emplace(v.get<std::string>(), double(codes.size())).first->second);
      else m.back().push_back(v.get<double>());
    }
  }
  return m;
}

// Two coders' units from a rater table: cell [i][j] becomes that many units coded (i, j).
CodingMatrix matrix_of(const RaterTable& t) {
  CodingMatrix m;
  for (size_t i = 0; i < t.size(); ++i)
    for (size_t j = 0; j < t.size(); ++j)
      for (int n = 0; n < int(t[i][j]); ++n) m.push_back({double(i), double(j)});
  return m;
}

void check_near(double got, const json& expected, const char* key, double tol, const std::string& what) {
  if (!expected.contains(key)) return;
  INFO(what << " " << key << ": expected " << expected[key].get<double>() << " got " << got);
  CHECK(got == Approx(expected[key].get<double>()).margin(tol));
}

void check_kappa(const Kappa& k, const json& e, const std::string& what) {
  const double tol = e.value("tol", 0.001);
  check_near(k.value, e, "kappa", tol, what);
  check_near(k.observed, e, "po", tol, what);
  check_near(k.expected, e, "pe", tol, what);
}

const std::vector<std::pair<const char*, AlphaMetric>> kMetrics = {
    {"nominal", AlphaMetric::Nominal}, {"ordinal", AlphaMetric::Ordinal},
    {"interval", AlphaMetric::Interval}, {"ratio", AlphaMetric::Ratio}};

}  // namespace

TEST_CASE("coding: published examples of ../shared/refdata/agreement", "[agree][coding]") {
  AGREE_REQUIRE_REFDATA(ref, "agreement/coding_agreement.json");
  size_t checked = 0;
  for (const json& c : (*ref)["cases"]) {
    const std::string id = c["id"], kind = c["kind"];
    const json& e = c["expected"];
    INFO("case " << id);
    if (kind == "krippendorff_alpha") {
      const CodingMatrix m = matrix_of(c["data"]);
      for (const auto& [name, metric] : kMetrics) {
        if (!e.contains(name)) continue;
        const Alpha a = krippendorff_alpha(m, metric);
        const double tol = e[name]["tol"];
        check_near(a.value, e[name], "alpha", tol, id + " " + name);
        check_near(a.observed, e[name], "Do", tol, id + " " + name);
        check_near(a.expected, e[name], "De", tol, id + " " + name);
        ++checked;
      }
    } else if (kind == "two_rater_table") {
      const RaterTable t = c["table"].get<RaterTable>();
      if (e.contains("cohen_kappa")) check_kappa(cohen_kappa(t), e["cohen_kappa"], id + " cohen"), ++checked;
      if (e.contains("scott_pi")) check_kappa(scott_pi(t), e["scott_pi"], id + " scott"), ++checked;
      if (e.contains("bennett_s")) check_kappa(bennett_s(t), e["bennett_s"], id + " bennett"), ++checked;
      if (e.contains("percent")) CHECK(cohen_kappa(t).observed == Approx(e["percent"].get<double>()).margin(0.005));
      if (e.contains("kripp_alpha_nominal")) {
        const json& k = e["kripp_alpha_nominal"];
        const Alpha a = krippendorff_alpha(matrix_of(t), AlphaMetric::Nominal);
        check_near(a.value, k, "alpha", k["tol"], id + " alpha");
        check_near(a.observed, k, "Do", k["tol"], id + " alpha");
        check_near(a.expected, k, "De", k["tol"], id + " alpha");
        ++checked;
      }
    } else if (kind == "fleiss_counts" || kind == "fleiss_raw") {
      std::vector<std::vector<double>> counts;
      if (kind == "fleiss_counts") {
        counts = c["data"].get<std::vector<std::vector<double>>>();
      } else {
        std::vector<std::vector<int>> codes = c["data"].get<std::vector<std::vector<int>>>();
        int top = 0;
        for (auto& r : codes)
          for (int& v : r) top = std::max(top, v);
        counts = category_counts(codes, size_t(top) + 1);  // codes 1..5; category 0 stays empty
      }
      const FleissKappa f = fleiss_kappa(counts);
      check_near(f.kappa.value, e, "kappa", e["tol"], id + " fleiss");
      check_near(f.kappa.observed, e, "Po", e.value("Po_Pe_tol", 0.001), id + " fleiss");
      check_near(f.kappa.expected, e, "Pe", e.value("Po_Pe_tol", 0.001), id + " fleiss");
      if (e.contains("P_i")) {
        REQUIRE(f.subject_agreement.size() == e["P_i"].size());
        for (size_t i = 0; i < f.subject_agreement.size(); ++i)
          CHECK(f.subject_agreement[i] == Approx(e["P_i"][i].get<double>()).margin(e["P_i_tol"].get<double>()));
      }
      ++checked;
    }
  }
  CHECK(checked >= 25);  // every case of the file that uses a coefficient implemented here
}

TEST_CASE("coding: Cohen, Scott and alpha on a table computed by hand", "[agree][coding]") {
  // Units (0,0) twice, (0,1) once, (1,1) once. N = 4, po = 3/4.
  // Cohen: rows (3,1), columns (2,2): pe = (3*2 + 1*2)/16 = 1/2, kappa = (3/4 - 1/2)/(1/2) = 1/2.
  // Scott: pooled (5/8, 3/8): pe = 34/64, pi = (3/4 - 34/64)/(30/64) = 7/15.
  // Alpha: n_0 = 5, n_1 = 3, n = 8; Do = 2/8; De = 2*5*3/(8*7) = 30/56; alpha = 1 - 14/30 = 8/15.
  const RaterTable t = {{2, 1}, {0, 1}};
  CHECK(cohen_kappa(t).value == Approx(0.5));
  CHECK(cohen_kappa(t).expected == Approx(0.5));
  CHECK(scott_pi(t).value == Approx(7.0 / 15));
  CHECK(bennett_s(t).value == Approx(0.5));  // pe = 1/2 for two categories
  const Alpha a = krippendorff_alpha(matrix_of(t), AlphaMetric::Nominal);
  CHECK(a.value == Approx(8.0 / 15));
  CHECK(a.observed == Approx(0.25));
  CHECK(a.expected == Approx(30.0 / 56));
  CHECK(a.pairable == Approx(8));
  CHECK(rater_table({0, 0, 0, 1, -1}, {0, 0, 1, 1, 1}, 2) == t);  // the missing pair is skipped
}

TEST_CASE("coding: alpha with missing data and interval distances, by hand", "[agree][coding]") {
  // Units (1,2) and (3,3): values 1,2,3,3, n = 4. Do = (1 + 1)/4 = 1/2 (squared difference 1).
  // De = 2 (n1 n2 1 + n1 n3 4 + n2 n3 1)/(4*3) = 2 (1 + 8 + 2)/12 = 22/12; alpha = 1 - 6/22 = 8/11.
  CodingMatrix m = {{1.0, 2.0}, {3.0, 3.0}};
  CHECK(krippendorff_alpha(m, AlphaMetric::Interval).value == Approx(8.0 / 11));
  // A unit only one coder coded cannot be paired and changes nothing; nor does a unit no one coded.
  m.push_back({5.0, std::nullopt});
  m.push_back({std::nullopt, std::nullopt});
  m.push_back({std::nullopt, std::numeric_limits<double>::quiet_NaN()});
  CHECK(krippendorff_alpha(m, AlphaMetric::Interval).value == Approx(8.0 / 11));
  CHECK(krippendorff_alpha(m, AlphaMetric::Interval).pairable == Approx(4));
  // Nominal on the same units: Do = 2/4, De = (n n - sum n_c^2)/(n(n-1)) = (16 - 6)/12; alpha = 2/5.
  CHECK(krippendorff_alpha(m, AlphaMetric::Nominal).value == Approx(0.4));
}

TEST_CASE("coding: Fleiss' kappa by hand, and with two raters it is Scott's pi", "[agree][coding]") {
  // Subject 1: all three raters say category 0: P_1 = (9 - 3)/6 = 1; subject 2: one 0, two 1:
  // P_2 = (1 + 4 - 3)/6 = 1/3. Po = 2/3; p = (4/6, 2/6): Pe = 20/36; kappa = (2/3 - 5/9)/(4/9) = 1/4.
  const FleissKappa f = fleiss_kappa({{3, 0}, {1, 2}});
  CHECK(f.kappa.value == Approx(0.25));
  CHECK(f.subject_agreement[1] == Approx(1.0 / 3));
  const std::vector<std::vector<int>> two = {{0, 0}, {0, 0}, {0, 1}, {1, 1}};
  CHECK(fleiss_kappa(category_counts(two, 2)).kappa.value == Approx(7.0 / 15));
}

TEST_CASE("coding: perfect agreement is 1; no variation or no data is undefined (NaN)", "[agree][coding]") {
  const RaterTable perfect = {{3, 0}, {0, 2}};
  CHECK(cohen_kappa(perfect).value == Approx(1));
  CHECK(scott_pi(perfect).value == Approx(1));
  CHECK(krippendorff_alpha(matrix_of(perfect), AlphaMetric::Nominal).value == Approx(1));
  CHECK(fleiss_kappa({{2, 0}, {0, 2}, {2, 0}}).kappa.value == Approx(1));
  // Everyone used one category: chance agreement is 1, the coefficient 0/0. Reporting 1 would
  // claim a reliability the data cannot show.
  const RaterTable one_category = {{5, 0}, {0, 0}};
  CHECK(cohen_kappa(one_category).observed == Approx(1));
  CHECK(std::isnan(cohen_kappa(one_category).value));
  CHECK(std::isnan(scott_pi(one_category).value));
  CHECK(std::isnan(krippendorff_alpha(matrix_of(one_category), AlphaMetric::Nominal).value));
  CHECK(std::isnan(fleiss_kappa({{2, 0}, {2, 0}}).kappa.value));
  // No units at all.
  CHECK(std::isnan(cohen_kappa({{0, 0}, {0, 0}}).value));
  CHECK(std::isnan(krippendorff_alpha({}, AlphaMetric::Nominal).value));
  CHECK(std::isnan(krippendorff_alpha({{1.0, std::nullopt}}, AlphaMetric::Nominal).value));
  CHECK(std::isnan(fleiss_kappa({}).kappa.value));
  // Systematic disagreement goes below zero.
  CHECK(cohen_kappa({{0, 3}, {3, 0}}).value == Approx(-1));
}
