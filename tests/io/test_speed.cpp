// Export and import speed on a large corpus. Hidden (not run by default):
//   build/native/bin/goldspan_tests "[.speed]"
#include <catch2/catch.hpp>

#include <chrono>
#include <iostream>

#include "io_support.hpp"

using namespace goldspan;
using namespace goldspan::test;

TEST_CASE("speed: gold export, parse and apply of a large corpus", "[.speed]") {
  Blank a;
  std::mt19937_64 rng(7);
  const size_t docs = 200;
  for (size_t d = 0; d < docs; ++d) a.corpus.add_document(std::make_shared<Document>("doc-" + std::to_string(d), random_text(rng, 1500), a.tok));
  // About 500 spans per document on whole tokens, a third of them with relations.
  a.history.begin_group("bulk");
  size_t spans = 0;
  for (size_t d = 0; d < docs; ++d) {
    const Document& doc = a.corpus.document(d);
    SpanId prev = 0;
    for (size_t t = 0; t + 1 < doc.tokens().size(); t += 3) {
      const char* type = t % 9 == 0 ? "CLAIM" : "EVENT";
      const SpanId s = a.history.run<AddSpan>(doc.id(), type, std::vector<Range>{{doc.tokens()[t].start, doc.tokens()[t].end}}).id();
      if (t % 9 == 0) prev = s;
      else if (prev && t % 9 == 3) a.history.run<AddRelation>("about", prev, s);
      ++spans;
    }
  }
  a.history.end_group();
  using clock = std::chrono::steady_clock;
  auto secs = [](clock::time_point t0) { return std::chrono::duration<double>(clock::now() - t0).count(); };
  auto t0 = clock::now();
  const std::string file = write_gold(a.corpus, fixed_options());
  const double write_s = secs(t0);
  Blank b;
  t0 = clock::now();
  const GoldImport in = parse_gold(file, "big.json", &b.corpus.schema(), b.tok);
  const double parse_s = secs(t0);
  REQUIRE(in.ok());
  t0 = clock::now();
  apply_gold(b.corpus, b.history, in);
  const double apply_s = secs(t0);
  CHECK(write_gold(b.corpus, fixed_options()) == file);
  const double mb = double(file.size()) / 1e6;
  std::cout << "gold file: " << mb << " MB, " << docs << " documents, " << spans << " spans, " << a.corpus.relations().size()
            << " relations\n  write " << write_s << " s (" << mb / write_s << " MB/s)\n  parse+validate (incl. tokenizing) " << parse_s
            << " s (" << mb / parse_s << " MB/s)\n  apply " << apply_s << " s\n";
}
