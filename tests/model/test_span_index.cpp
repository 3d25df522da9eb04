#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "model/span_index.hpp"

using namespace goldspan;

namespace {

bool key_less(SpanHit a, SpanHit b) {
  if (a.start != b.start) return a.start < b.start;
  if (a.end != b.end) return a.end < b.end;
  return a.span < b.span;
}

std::vector<SpanHit> brute(const std::vector<SpanHit>& all, uint32_t a, uint32_t b) {
  std::vector<SpanHit> out;
  for (const SpanHit& h : all)
    if (h.start < b && h.end > a) out.push_back(h);
  std::sort(out.begin(), out.end(), key_less);
  return out;
}

std::vector<SpanHit> query(const SpanIndex& ix, uint32_t a, uint32_t b) {
  std::vector<SpanHit> out;
  ix.query(a, b, out);
  return out;
}

}  // namespace

TEST_CASE("span index: half-open overlap and ordering", "[model][index]") {
  SpanIndex ix;
  ix.insert({5, 10, 1});
  ix.insert({0, 5, 2});
  ix.insert({10, 12, 3});
  ix.insert({5, 10, 4});  // same fragment, another span
  ix.insert({2, 20, 5});
  CHECK(ix.size() == 5);
  CHECK(query(ix, 5, 10) == std::vector<SpanHit>{{2, 20, 5}, {5, 10, 1}, {5, 10, 4}});
  CHECK(query(ix, 10, 11) == std::vector<SpanHit>{{2, 20, 5}, {10, 12, 3}});
  CHECK(query(ix, 0, 1) == std::vector<SpanHit>{{0, 5, 2}});
  CHECK(query(ix, 20, 30).empty());
  CHECK(query(ix, 7, 7) == std::vector<SpanHit>{{2, 20, 5}, {5, 10, 1}, {5, 10, 4}});  // the point 7
  CHECK(ix.erase({5, 10, 1}));
  CHECK_FALSE(ix.erase({5, 10, 1}));
  CHECK_FALSE(ix.erase({5, 11, 4}));
  CHECK(query(ix, 5, 10) == std::vector<SpanHit>{{2, 20, 5}, {5, 10, 4}});
  CHECK(ix.valid());
}

TEST_CASE("span index: random inserts, erases and queries agree with a brute-force scan", "[model][index]") {
  for (uint32_t seed : {1u, 2u, 3u}) {
    std::mt19937 rng(seed);
    SpanIndex ix;
    std::vector<SpanHit> all;
    SpanId next = 1;
    for (int step = 0; step < 6000; ++step) {
      const int what = int(rng() % 10);
      if (what < 5 || all.empty()) {
        const uint32_t s = rng() % 5000;
        const uint32_t len = rng() % 8 == 0 ? 1 + rng() % 2000 : 1 + rng() % 20;  // a few long ones
        const SpanHit h{s, s + len, next++};
        ix.insert(h);
        all.push_back(h);
      } else if (what < 8) {
        const size_t i = rng() % all.size();
        REQUIRE(ix.erase(all[i]));
        all.erase(all.begin() + ptrdiff_t(i));
      } else {
        const uint32_t a = rng() % 5200, b = a + rng() % 300;
        INFO("seed " << seed << " step " << step << " query [" << a << ", " << b << ")");
        REQUIRE(query(ix, a, b) == brute(all, a, b));
      }
      REQUIRE(ix.size() == all.size());
      if (step % 500 == 0) REQUIRE(ix.valid());
    }
    REQUIRE(ix.valid());
    // Erase everything: the pool is reused, not grown.
    const size_t bytes = ix.memory_bytes();
    for (const SpanHit& h : all) REQUIRE(ix.erase(h));
    CHECK(ix.size() == 0);
    CHECK(query(ix, 0, UINT32_MAX).empty());
    for (const SpanHit& h : all) ix.insert(h);
    CHECK(ix.memory_bytes() == bytes);
    CHECK(query(ix, 0, UINT32_MAX) == brute(all, 0, UINT32_MAX));
  }
}

TEST_CASE("span index: shape depends only on contents", "[model][index]") {
  // Same fragments inserted in two orders give identical query results and a valid treap each;
  // the structure is canonical because priorities are a hash of the key.
  std::vector<SpanHit> hits;
  for (uint32_t i = 0; i < 500; ++i) hits.push_back({i * 3, i * 3 + 1 + i % 7, i + 1});
  SpanIndex a, b;
  for (const SpanHit& h : hits) a.insert(h);
  std::mt19937 rng(9);
  std::shuffle(hits.begin(), hits.end(), rng);
  for (const SpanHit& h : hits) b.insert(h);
  CHECK(a.valid());
  CHECK(b.valid());
  CHECK(query(a, 0, 10000) == query(b, 0, 10000));
}
