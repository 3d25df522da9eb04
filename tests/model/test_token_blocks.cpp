#include <catch2/catch.hpp>

#include "model/token_blocks.hpp"
#include "model_support.hpp"

using namespace goldspan;

namespace {

void check_every_offset(const Document& d) {
  const TokenBlocks blocks(d);
  for (uint32_t cp = 0; cp <= d.length() + 300; ++cp) {
    INFO(d.id() << " cp " << cp);
    REQUIRE(blocks.at_or_after(d.tokens(), cp) == d.token_at_or_after(cp));
  }
}

}  // namespace

TEST_CASE("token blocks: agree with Document::token_at_or_after at every offset", "[model][snap]") {
  Tokenizer tok;
  for (const char* name : {"harbor-a", "harbor-b", "multilingual"}) check_every_offset(*goldspan::test::sample_document(name, tok));
  // Long tokens spanning several blocks, dense punctuation, whitespace runs longer than a block,
  // and texts with no token at all.
  check_every_offset(Document("long", std::string(700, 'a') + " b " + std::string(600, ' ') + "c" + std::string(300, '.'), tok));
  check_every_offset(Document("empty", "", tok));
  check_every_offset(Document("spaces", std::string(1000, ' '), tok));
}
