// End-to-end tests of `goldspan agree`: gold files written here, the real CLI, its JSON.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

#include "cli_support.hpp"
#include "io/sha256.hpp"
#include "support.hpp"

namespace {

using goldspan::test::Run;
using goldspan::test::run;
using goldspan::test::write_temp;
using json = nlohmann::json;

const std::string kSource = GOLDSPAN_SOURCE_DIR;

// The nine tokens of the text and their code point offsets:
//   Ana [0,3) Lima [4,8) met [9,12) Bo [13,15) Chen [16,20) in [21,23) Paris [24,29) on [30,32) Monday [33,39)
const std::string kText = "Ana Lima met Bo Chen in Paris on Monday";

struct Mark {
  const char* label;
  uint32_t start, end;
};
const std::vector<Mark> kMarks = {{"PERSON", 0, 8}, {"PERSON", 13, 20}, {"LOCATION", 24, 29}, {"DATE", 33, 39}};

// A gold file of one document "d1" with these spans, over the shipped default schema, made by
// `annotator` (empty: no provenance, so the file name names the annotator).
// `clusters` lists 1-based indices into `marks` (span ids s1, s2, ...).
std::string gold_file(const std::string& name, const std::vector<Mark>& marks, const std::string& annotator,
                      const std::string& text = kText, const std::vector<std::vector<int>>& clusters = {}) {
  const json fixture = json::parse(goldspan::test::read_file(kSource + "/tests/io/fixtures/samples.gold.json").value());
  json spans = json::array();
  for (size_t i = 0; i < marks.size(); ++i)
    spans.push_back({{"id", "s" + std::to_string(i + 1)}, {"kind", "entity"}, {"label", marks[i].label},
                     {"start", marks[i].start}, {"end", marks[i].end},
                     {"text", text.substr(marks[i].start, marks[i].end - marks[i].start)}});  // ASCII: bytes = code points
  json g = {{"format", fixture["format"]}, {"version", fixture["version"]}, {"offset_unit", fixture["offset_unit"]},
            {"schema", fixture["schema"]},
            {"documents", json::array({{{"id", "d1"}, {"text", text}, {"sha256", goldspan::sha256_hex(text)}, {"spans", spans}}})}};
  if (!clusters.empty()) {
    g["clusters"] = json::array();
    for (size_t c = 0; c < clusters.size(); ++c) {
      json members = json::array();
      for (int m : clusters[c]) members.push_back({{"doc", "d1"}, {"span", "s" + std::to_string(m)}});
      g["clusters"].push_back({{"id", "c" + std::to_string(c + 1)}, {"kind", "entity"}, {"label", "e" + std::to_string(c + 1)},
                               {"members", members}});
    }
  }
  if (!annotator.empty())
    g["provenance"] = {{"tool", "goldspan"}, {"annotators", {annotator}}, {"exported_at", "2024-01-01T00:00:00.000Z"}};
  return write_temp(name, g.dump(2));
}

json agree_json(const std::string& files, const std::string& options = "") {
  const Run r = run("agree --json " + options + " " + files);
  INFO(r.err);
  REQUIRE(r.code == 0);
  return json::parse(r.out);
}

}  // namespace

TEST_CASE("cli agree: identical files agree fully", "[cli][agree]") {
  const std::string a = gold_file("same-a.json", kMarks, "ana"), b = gold_file("same-b.json", kMarks, "bo");
  const json j = agree_json(a + " " + b);
  REQUIRE(j["annotators"].size() == 2);
  CHECK(j["annotators"][0]["name"] == "ana");
  CHECK(j["annotators"][1]["name"] == "bo");
  REQUIRE(j["pairs"].size() == 1);
  for (const char* m : {"exact", "overlap"}) {
    CHECK(j["pairs"][0][m]["matched"] == 4);
    CHECK(j["pairs"][0][m]["f1"] == 1.0);
    CHECK(j["pairs"][0][m]["macro"]["f1"] == 1.0);
  }
  CHECK(j["tokens"]["tokens"] == 9);
  CHECK(j["tokens"]["cohen_kappa"][0]["value"] == 1.0);
  CHECK(j["tokens"]["fleiss_kappa"]["value"] == 1.0);
  CHECK(j["tokens"]["krippendorff_alpha_nominal"]["value"] == 1.0);
  const json& u = j["unitizing"];
  CHECK(u["documents"] == 1);
  CHECK(u["length"] == 39);
  CHECK(u["units"] == 8);
  CHECK(u["alpha"] == 1.0);
  CHECK(u["observed_disagreement"] == 0.0);
  CHECK(!u.contains("per_label"));  // only with --per-label
  CHECK(!u.contains("per_document"));
  // The readable table says the same.
  const Run t = run("agree " + a + " " + b);
  CHECK(t.code == 0);
  CHECK(t.out.find("ana / bo") != std::string::npos);
  CHECK(t.out.find("1.0000") != std::string::npos);
  CHECK(t.out.find("unitizing alpha") != std::string::npos);
}

TEST_CASE("cli agree: one span relabelled, numbers computed by hand", "[cli][agree]") {
  // B calls "Monday" an EVENT where A has DATE; the other three spans are the same.
  // Spans, exact and overlap alike: 4 and 4 spans, 3 matched: P = R = F1 = 3/4.
  //   Per label F1: PERSON 1, LOCATION 1, DATE 0 (only A), EVENT 0 (only B): macro F1 = 1/2.
  // Tokens (9): A = PER PER O PER PER O LOC O DATE, B the same with EVENT last.
  //   Cohen: po = 8/9; marginals A (PER 4, O 3, LOC 1, DATE 1), B (PER 4, O 3, LOC 1, EVENT 1):
  //   pe = (16 + 9 + 1)/81 = 26/81; kappa = (72 - 26)/(81 - 26) = 46/55.
  //   Fleiss (two raters): pooled PER 8, O 6, LOC 2, DATE 1, EVENT 1 of 18: pe = 106/324,
  //   kappa = (288 - 106)/(324 - 106) = 91/109.
  //   Alpha: n = 18, Do = 2/18, De = (324 - 106)/(18 * 17) = 218/306: alpha = 1 - 612/3924 = 92/109.
  std::vector<Mark> changed = kMarks;
  changed[3].label = "EVENT";
  const std::string a = gold_file("one-a.json", kMarks, "ana"), b = gold_file("one-b.json", changed, "");
  const json j = agree_json(a + " " + b, "--per-label --per-doc");
  CHECK(j["annotators"][1]["name"] == "one-b.json");  // no provenance: the file name
  for (const char* m : {"exact", "overlap"}) {
    const json& s = j["pairs"][0][m];
    CHECK(s["spans_a"] == 4);
    CHECK(s["spans_b"] == 4);
    CHECK(s["matched"] == 3);
    CHECK(s["f1"].get<double>() == Approx(0.75));
    CHECK(s["macro"]["f1"].get<double>() == Approx(0.5));
    CHECK(s["per_label"]["DATE"]["f1"] == 0.0);
    CHECK(s["per_label"]["DATE"]["precision"].is_null());  // B never used DATE: 0/0, not a number
  }
  const json& c = j["pairs"][0]["confusion"];
  CHECK(c["labels"] == json({"DATE", "EVENT", "LOCATION", "PERSON"}));
  CHECK(c["counts"][0][1] == 1);  // DATE in A paired with EVENT in B
  CHECK(c["counts"][3][3] == 2);
  CHECK(j["pairs"][0]["per_document"]["d1"]["exact"]["matched"] == 3);
  const json& t = j["tokens"];
  CHECK(t["cohen_kappa"][0]["value"].get<double>() == Approx(46.0 / 55));
  CHECK(t["fleiss_kappa"]["value"].get<double>() == Approx(91.0 / 109));
  CHECK(t["krippendorff_alpha_nominal"]["value"].get<double>() == Approx(92.0 / 109));
  CHECK(t["per_document"]["d1"]["tokens"] == 9);
  // Unitizing alpha, L = 39, two coders, each label its own continuum (docs/agreement.md):
  //   PERSON: units 8 7 | 8 7, identical: D_o = 0; gaps 5 19 | 5 19; n = 4:
  //     l = 8: 8*7*15 + 64 * (12 + 12) = 2376, l = 7: 7*6*13 + 49 * (13 + 13) = 1820, twice each;
  //     D_e = (2/39) * 8392 / (78*77 - 196).
  //   LOCATION: 5 | 5: D_o = 0; gaps 24 10 | 24 10; n = 2: (1/3) 5*4*9 + 25 * 52 = 1360, twice;
  //     D_e = (2/39) * 2720 / (78*77 - 40).
  //   DATE (A only, [33,39)): in B's gap [0,39): D_o = 2 * 36 / (2 * 39^2); n = 1, gaps 33 | 39:
  //     36 * ((33-6+1) + (39-6+1)) = 2232; D_e = (2/39) * 2232 / (78*77 - 30). EVENT the same.
  //   alpha(DATE) = 1 - D_o / D_e; overall = 1 - 2 D_o(DATE) / (sum of the four D_e).
  const double de_person = 2.0 / 39 * 8392 / (78 * 77 - 196), de_location = 2.0 / 39 * 2720 / (78 * 77 - 40),
               de_date = 2.0 / 39 * 2232 / (78 * 77 - 30), do_date = 36.0 / (39 * 39);
  const json& u = j["unitizing"];
  CHECK(u["units"] == 8);
  CHECK(u["per_label"]["PERSON"]["alpha"] == 1.0);
  CHECK(u["per_label"]["PERSON"]["expected_disagreement"].get<double>() == Approx(de_person));
  CHECK(u["per_label"]["LOCATION"]["expected_disagreement"].get<double>() == Approx(de_location));
  CHECK(u["per_label"]["DATE"]["observed_disagreement"].get<double>() == Approx(do_date));
  CHECK(u["per_label"]["DATE"]["alpha"].get<double>() == Approx(1 - do_date / de_date));
  CHECK(u["per_label"]["EVENT"]["alpha"].get<double>() == Approx(1 - do_date / de_date));
  CHECK(u["alpha"].get<double>() == Approx(1 - 2 * do_date / (de_person + de_location + 2 * de_date)));
  CHECK(u["alpha"].get<double>() == Approx(0.65132).margin(0.00001));
  // One document: its own figure is the corpus figure.
  CHECK(u["per_document"]["d1"]["alpha"].get<double>() == Approx(u["alpha"].get<double>()));
  CHECK(u["per_document"]["d1"]["per_label"]["DATE"]["units"] == 1);
  const Run table = run("agree --per-label --per-doc " + a + " " + b);
  CHECK(table.out.find("ALPHA_U") != std::string::npos);
  CHECK(table.out.find("0.6513") != std::string::npos);
  CHECK(table.out.find("unitizing alpha per document") != std::string::npos);

  // Three annotators: three pairs; Fleiss and alpha over all three.
  const json three = agree_json(a + " " + b + " " + gold_file("one-c.json", kMarks, "čeněk"));
  CHECK(three["pairs"].size() == 3);
  CHECK(three["tokens"]["cohen_kappa"].size() == 3);
  CHECK(three["tokens"]["cohen_kappa"][1]["value"] == 1.0);  // ana / čeněk
}

TEST_CASE("cli agree: no spans at all is n/a, not agreement", "[cli][agree]") {
  const std::string a = gold_file("empty-a.json", {}, "ana"), b = gold_file("empty-b.json", {}, "bo");
  const json j = agree_json(a + " " + b);
  CHECK(j["pairs"][0]["exact"]["f1"].is_null());
  CHECK(j["tokens"]["cohen_kappa"][0]["value"].is_null());  // every token O: kappa is 0/0
  CHECK(j["unitizing"]["alpha"].is_null());  // no unit anywhere: 0/0
  CHECK(j["unitizing"]["units"] == 0);
  const Run t = run("agree " + a + " " + b);
  CHECK(t.out.find("n/a") != std::string::npos);
  // One annotator empty: recall 0, F1 0, precision n/a.
  const json one = agree_json(gold_file("full.json", kMarks, "ana") + " " + b);
  CHECK(one["pairs"][0]["overlap"]["recall"] == 0.0);
  CHECK(one["pairs"][0]["overlap"]["f1"] == 0.0);
  CHECK(one["pairs"][0]["overlap"]["precision"].is_null());
}

TEST_CASE("cli agree: a document with another text is an error naming both files", "[cli][agree]") {
  const std::string a = gold_file("text-a.json", kMarks, "ana");
  const std::string b = gold_file("text-b.json", kMarks, "bo", "Ana Lima met Bo Chen in Rome. on Monday");
  const Run r = run("agree " + a + " " + b);
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find(a) != std::string::npos);
  CHECK(r.err.find(b) != std::string::npos);
  CHECK(r.err.find("'d1'") != std::string::npos);
  CHECK(r.err.find("sha256") != std::string::npos);
  // Usage errors.
  CHECK(run("agree " + a).code == 2);
  CHECK(run("agree --frob " + a + " " + a).code == 2);
  CHECK(run("agree " + a + " /nonexistent/b.json").code == 1);
}

TEST_CASE("cli agree: entity clusters, numbers computed by hand", "[cli][agree]") {
  // A links "Ana Lima" and "Bo Chen" (spans 1 and 2); B clusters nothing. Mentions are the
  // four spans; unclustered spans are singletons: key {1 2} {3} {4}, response {1} {2} {3} {4}.
  //   MUC: R = (2 - 2)/1 = 0, P = 0/0 = 0: F1 0.
  //   B3: R = (1/2 + 1/2 + 1 + 1)/4 = 3/4, P = 1: F1 = 6/7.
  //   CEAF-e: best phi4 {12}-{1} 2/3, {3}-{3} 1, {4}-{4} 1 = 8/3; R = 8/9, P = 2/3: F1 = 16/21.
  //   CoNLL = (0 + 6/7 + 16/21)/3 = 34/63.
  //   BLANC: key 1 link, 5 non-links; response 0 links, 6 non-links; common 0 and 5:
  //   links F 0, non-links R 1, P 5/6, F 10/11: BLANC F1 = 5/11.
  const std::string a = gold_file("cl-a.json", kMarks, "ana", kText, {{1, 2}});
  const std::string b = gold_file("cl-b.json", kMarks, "bo");
  const json j = agree_json(a + " " + b);
  const json& c = j["pairs"][0]["clusters"]["entity"];
  CHECK(c["muc"]["f1"] == 0.0);
  CHECK(c["b_cubed"]["f1"].get<double>() == Approx(6.0 / 7));
  CHECK(c["ceaf_e"]["f1"].get<double>() == Approx(16.0 / 21));
  CHECK(c["conll_f1"].get<double>() == Approx(34.0 / 63));
  CHECK(c["blanc"]["f1"].get<double>() == Approx(5.0 / 11));
  CHECK(!j["pairs"][0]["clusters"].contains("claim"));  // nobody clustered claims
  const json same = agree_json(a + " " + gold_file("cl-c.json", kMarks, "čeněk", kText, {{1, 2}}));
  CHECK(same["pairs"][0]["clusters"]["entity"]["conll_f1"] == 1.0);
  const Run t = run("agree " + a + " " + b);
  CHECK(t.out.find("CONLL") != std::string::npos);
  // Files without clusters have no cluster table.
  const json twice = agree_json(b + " " + b);
  CHECK(twice["pairs"][0]["clusters"].empty());
  CHECK(twice["annotators"][0]["name"] == "bo #1");  // one name in two files: told apart by position
  CHECK(twice["annotators"][1]["name"] == "bo #2");
}

TEST_CASE("cli agree: relations over matched ends, attributes over matched claims", "[cli][agree]") {
  // Both add a claim with a claimant relation to "Ana Lima" (s1). A's claim is
  // "met Bo Chen in Paris on Monday" [9,39), stance asserted; B's starts at "Bo" [13,39),
  // stance hedged. Overlap pairs the claims, so the claimant relation matches: F1 1; exact
  // pairing does not pair them. Stance: 1 pair, 0 equal, kappa (0 - 0)/(1 - 0) = 0.
  auto with_claim = [](const std::string& name, const std::string& annotator, uint32_t start, const char* stance) {
    const std::string path = gold_file(name, kMarks, annotator);
    json g = json::parse(goldspan::test::read_file(path).value());
    g["documents"][0]["spans"].push_back({{"id", "s5"}, {"kind", "claim"}, {"label", "CLAIM"}, {"start", start}, {"end", 39},
                                          {"text", kText.substr(start, 39 - start)}, {"attributes", {{"stance", stance}}}});
    g["documents"][0]["relations"] = json::array({{{"id", "r1"}, {"type", "claimant"}, {"from", "s5"}, {"to", "s1"}}});
    return write_temp(name, g.dump(2));
  };
  const std::string a = with_claim("rel-a.json", "ana", 9, "asserted"), b = with_claim("rel-b.json", "bo", 13, "hedged");
  const json j = agree_json(a + " " + b, "--per-label");
  const json& p = j["pairs"][0];
  CHECK(p["exact"]["matched"] == 4);  // the four entities; the claims differ in start
  CHECK(p["overlap"]["matched"] == 5);
  CHECK(p["relations"]["matched"] == 1);
  CHECK(p["relations"]["f1"] == 1.0);
  CHECK(p["relations"]["per_label"]["claimant"]["f1"] == 1.0);
  CHECK(p["attributes"]["stance"]["pairs"] == 1);
  CHECK(p["attributes"]["stance"]["equal"] == 0);
  CHECK(p["attributes"]["stance"]["cohen_kappa"] == 0.0);
  CHECK(j["tokens"]["cohen_kappa"][0]["value"] == 1.0);  // tokens read entity spans only
  const Run t = run("agree " + a + " " + b);
  CHECK(t.out.find("claimant") == std::string::npos);  // per type rows only with --per-label
  CHECK(t.out.find("stance") != std::string::npos);
}


TEST_CASE("cli agree: a document only one file has is left out of that pair, with a warning", "[cli][agree]") {
  const std::string a = gold_file("miss-a.json", kMarks, "ana");
  json g = json::parse(goldspan::test::read_file(gold_file("miss-b.json", kMarks, "bo")).value());
  const std::string more = "Bo Chen";
  g["documents"].push_back({{"id", "d2"}, {"text", more}, {"sha256", goldspan::sha256_hex(more)},
                            {"spans", {{{"id", "s9"}, {"kind", "entity"}, {"label", "PERSON"}, {"start", 0}, {"end", 7}, {"text", more}}}}});
  const std::string b = write_temp("miss-b.json", g.dump(2));
  const Run r = run("agree --json " + a + " " + b);
  REQUIRE(r.code == 0);
  CHECK(r.err.find("warning: " + a + " lacks document 'd2' of " + b) != std::string::npos);
  const json j = json::parse(r.out);
  CHECK(j["pairs"][0]["exact"]["spans_b"] == 4);  // d2's span is not counted against A
  CHECK(j["pairs"][0]["exact"]["f1"] == 1.0);
  // Tokens: 9 of d1 and 2 of d2; A has no labels for d2 (missing, not "O"), so every
  // coefficient sees agreement only.
  CHECK(j["tokens"]["tokens"] == 11);
  CHECK(j["tokens"]["cohen_kappa"][0]["value"] == 1.0);
  CHECK(j["tokens"]["krippendorff_alpha_nominal"]["value"] == 1.0);
  CHECK(j["tokens"]["krippendorff_alpha_nominal"]["pairable_values"] == 18.0);
  // Unitizing alpha needs every annotator on the whole continuum: d2 is left out, with a warning.
  CHECK(r.err.find("unitizing alpha leaves out the 1 document(s)") != std::string::npos);
  CHECK(j["unitizing"]["documents"] == 1);
  CHECK(j["unitizing"]["length"] == 39);
  CHECK(j["unitizing"]["alpha"] == 1.0);
}

TEST_CASE("cli agree: unitizing alpha counts each fragment of a discontinuous span", "[cli][agree]") {
  // A marks "Ana Lima" as one PERSON [0,8); B marks the same words as one discontinuous PERSON
  // of two fragments [0,3) [4,8). The other spans are the same for both.
  const std::string a = gold_file("frag-a.json", kMarks, "ana");
  json g = json::parse(goldspan::test::read_file(gold_file("frag-b.json", kMarks, "bo")).value());
  g["documents"][0]["spans"][0]["fragments"] = json::array({{0, 3}, {4, 8}});  // start 0, end 8 stay
  const std::string b = write_temp("frag-b.json", g.dump(2));
  const json j = agree_json(a + " " + b, "--per-label");
  const json& person = j["unitizing"]["per_label"]["PERSON"];
  CHECK(person["units"] == 5);  // A: 2 units, B: 3
  // PERSON: A [0,8) against B's [0,3) ((0-0)^2 + (8-3)^2 = 25) and [4,8) (4^2 + 0 = 16); B's
  // one-code-point gap [3,4) holds nothing: D_o = 2 * 41 / (2 * 39^2).
  CHECK(person["observed_disagreement"].get<double>() == Approx(41.0 / (39 * 39)));
  CHECK(person["alpha"].get<double>() < 1);
  CHECK(j["unitizing"]["per_label"]["LOCATION"]["alpha"] == 1.0);
}
