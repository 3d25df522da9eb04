// The claims table: rows from claim clusters and same/refines links, cells per document with
// claimant, cue and stance, contradicts marks, and the CSV / Markdown / JSON writers.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "claims/table.hpp"
#include "../search/search_support.hpp"

using namespace goldspan;
using goldspan::test::TextCorpus;

namespace {

// Code point offsets of `word` in document `doc` (ASCII texts in these tests).
Range at(const TextCorpus& c, size_t doc, const std::string& word) {
  const size_t p = std::string(c.corpus.document(doc).text()).find(word);
  REQUIRE(p != std::string::npos);
  return {uint32_t(p), uint32_t(p + word.size())};
}

SpanId add(TextCorpus& c, size_t doc, const std::string& type, const std::string& word) {
  return c.history.run<AddSpan>("d" + std::to_string(doc), type, std::vector<Range>{at(c, doc, word)}).id();
}

// Three outlets on one event: two agree on the toll, the third contradicts it.
struct Outlets : TextCorpus {
  SpanId a_claim, b_claim, c_claim, a_person, a_cue, b_org, c_other;
  Outlets()
      : TextCorpus({"Otunbayeva said 80 people died in Osh.", "Officials say eighty died, Reuters reported.",
                    "The ministry denied that anyone died. Osh is calm."}) {
    a_claim = add(*this, 0, "CLAIM", "80 people died in Osh");
    a_person = add(*this, 0, "PERSON", "Otunbayeva");
    a_cue = add(*this, 0, "CUE", "said");
    b_claim = add(*this, 1, "CLAIM", "eighty died");
    b_org = add(*this, 1, "ORGANIZATION", "Officials");
    c_claim = add(*this, 2, "CLAIM", "anyone died");
    c_other = add(*this, 2, "CLAIM", "Osh is calm");
    history.run<AddRelation>("claimant", a_claim, a_person);
    history.run<AddRelation>("cue", a_claim, a_cue);
    history.run<AddRelation>("claimant", b_claim, b_org);
    history.run<SetAttribute>(a_claim, "stance", std::optional<std::string>("asserted"));
    history.run<SetAttribute>(c_claim, "stance", std::optional<std::string>("denied"));
  }
};

}  // namespace

TEST_CASE("claims table: every claim is its own row until something joins it", "[claims]") {
  Outlets o;
  const ClaimsTable t = build_claims_table(o.corpus);
  CHECK(t.documents == std::vector<std::string>{"d0", "d1", "d2"});
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0].name == "80 people died in Osh");
  REQUIRE(t.rows[0].cells[0].size() == 1);
  const ClaimCell& a = t.rows[0].cells[0][0];
  CHECK(a.claimants == std::vector<std::string>{"Otunbayeva"});
  CHECK(a.cues == std::vector<std::string>{"said"});
  CHECK(a.stance == "asserted");
  CHECK(t.rows[0].cells[1].empty());
  CHECK(t.rows[3].name == "Osh is calm");  // text order: document, then start
  for (const ClaimRow& r : t.rows) CHECK(r.links.empty());
}

TEST_CASE("claims table: a same link and a cluster join rows; contradicts marks both rows", "[claims]") {
  Outlets o;
  o.history.run<AddLink>("same", Ref{Ref::Span, o.a_claim}, Ref{Ref::Span, o.b_claim});
  // The denial joins a claim cluster; the cluster is the end of the contradicts link.
  const ClusterId denial = o.history.run<CreateCluster>(SpanKind::Claim, "nobody died").id();
  o.history.run<AddMember>(denial, o.c_claim);
  o.history.run<AddLink>("contradicts", Ref{Ref::Cluster, denial}, Ref{Ref::Span, o.b_claim});
  const ClaimsTable t = build_claims_table(o.corpus);
  REQUIRE(t.rows.size() == 3);
  const ClaimRow& toll = t.rows[0];
  CHECK(toll.cells[0].size() == 1);
  REQUIRE(toll.cells[1].size() == 1);
  CHECK(toll.cells[1][0].claimants == std::vector<std::string>{"Officials"});
  CHECK(toll.contradicted());
  const ClaimRow& none = t.rows[1];
  CHECK(none.name == "nobody died");
  CHECK(none.cluster == denial);
  CHECK(none.cells[2][0].text == "anyone died");
  CHECK(none.contradicted());
  REQUIRE(toll.links.size() == 1);
  CHECK(toll.links[0].type == "contradicts");
  CHECK(toll.links[0].row == 1);
  CHECK_FALSE(t.rows[2].contradicted());

  // Undo the link: the table follows the corpus, nothing is cached.
  o.history.undo();
  const ClaimsTable after = build_claims_table(o.corpus);
  CHECK_FALSE(after.rows[0].contradicted());
  CHECK_FALSE(after.rows[1].contradicted());
}

TEST_CASE("claims table: refines joins transitively; supports does not join", "[claims]") {
  Outlets o;
  o.history.run<AddLink>("refines", Ref{Ref::Span, o.a_claim}, Ref{Ref::Span, o.b_claim});
  o.history.run<AddLink>("same", Ref{Ref::Span, o.b_claim}, Ref{Ref::Span, o.c_claim});
  o.history.run<AddLink>("supports", Ref{Ref::Span, o.c_other}, Ref{Ref::Span, o.a_claim});
  const ClaimsTable t = build_claims_table(o.corpus);
  REQUIRE(t.rows.size() == 2);
  for (size_t d = 0; d < 3; ++d) CHECK(t.rows[0].cells[d].size() == 1);
  REQUIRE(t.rows[1].links.size() == 1);
  CHECK(t.rows[1].links[0].type == "supports");
  CHECK(t.rows[1].links[0].row == 0);
  CHECK_FALSE(t.rows[0].contradicted());
}

TEST_CASE("claims table: two claims of one document in one row share the cell", "[claims]") {
  TextCorpus c({"Police said two died. Police later said three died."});
  const SpanId x = add(c, 0, "CLAIM", "two died"), y = add(c, 0, "CLAIM", "three died");
  const ClusterId k = c.history.run<CreateCluster>(SpanKind::Claim, "toll").id();
  c.history.run<AddMember>(k, y);
  c.history.run<AddMember>(k, x);
  const ClaimsTable t = build_claims_table(c.corpus);
  REQUIRE(t.rows.size() == 1);
  REQUIRE(t.rows[0].cells[0].size() == 2);
  CHECK(t.rows[0].cells[0][0].text == "two died");  // text order, not membership order
  CHECK(cell_text(t.rows[0].cells[0]) == "\u201ctwo died\u201d\n\u201cthree died\u201d");
}

TEST_CASE("claims table: no claims, no rows; entity clusters are not rows", "[claims]") {
  TextCorpus c({"Bishkek and Osh."});
  const SpanId a = add(c, 0, "LOCATION", "Bishkek");
  const ClusterId k = c.history.run<CreateCluster>(SpanKind::Entity, "city").id();
  c.history.run<AddMember>(k, a);
  const ClaimsTable t = build_claims_table(c.corpus);
  CHECK(t.rows.empty());
  CHECK(claims_csv(t) == "row,claim,d0,links\r\n");
}

TEST_CASE("claims table: CSV quotes per RFC 4180, Markdown escapes pipes and marks contradictions", "[claims]") {
  TextCorpus c({"He said \"no, never\" | twice.", "She said yes."});
  const SpanId a = add(c, 0, "CLAIM", "\"no, never\" | twice");
  const SpanId b = add(c, 1, "CLAIM", "yes");
  c.history.run<AddLink>("contradicts", Ref{Ref::Span, a}, Ref{Ref::Span, b});
  const ClaimsTable t = build_claims_table(c.corpus);
  const std::string csv = claims_csv(t);
  CHECK(csv ==
        "row,claim,d0,d1,links\r\n"
        "1,\"\"\"no, never\"\" | twice\",\"\u201c\"\"no, never\"\" | twice\u201d\",,contradicts 2\r\n"
        "2,yes,,\u201cyes\u201d,contradicts 1\r\n");
  const std::string md = claims_markdown(t);
  CHECK(md.find("| 1 \u26a0 | \"no, never\" \\| twice |") != std::string::npos);
  CHECK(md.find("| 2 \u26a0 | yes |  | \u201cyes\u201d | contradicts 1 |") != std::string::npos);
  const auto j = claims_json(t);
  CHECK(j["rows"][0]["cells"]["d0"][0]["span"] == "s" + std::to_string(a));
  CHECK(j["rows"][1]["contradicted"] == true);
  CHECK(j["rows"][0]["cells"].count("d1") == 0);
}

TEST_CASE("claims table: discontinuous claims and non-ASCII text", "[claims]") {
  TextCorpus c({"Власти заявили: «Ош — под контролем», — и добавили: «всё спокойно»."});
  const std::string text(c.corpus.document(0).text());
  // Code point offsets of the two quoted parts, found by scanning the UTF-8.
  auto cp = [&](const std::string& w) {
    const size_t byte = text.find(w);
    REQUIRE(byte != std::string::npos);
    uint32_t n = 0;
    for (size_t i = 0; i < byte; ++i) n += (uint8_t(text[i]) & 0xC0) != 0x80;
    uint32_t len = 0;
    for (unsigned char ch : w) len += (ch & 0xC0) != 0x80;
    return Range{n, n + len};
  };
  const SpanId s = c.history.run<AddSpan>("d0", "CLAIM", std::vector<Range>{cp("Ош — под контролем"), cp("всё спокойно")}).id();
  const ClaimsTable t = build_claims_table(c.corpus);
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].cells[0][0].span == s);
  CHECK(t.rows[0].cells[0][0].text == "Ош — под контролем … всё спокойно");
}
