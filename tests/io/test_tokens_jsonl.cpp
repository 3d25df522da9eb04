// The `goldspan tokenize` JSONL writer (core/io/tokens_jsonl): the exact bytes the CLI wrote
// before it had its own writer (the id through nlohmann::json::dump(), the arrays as nlohmann
// dumps them), on multilingual text and on ids full of characters JSON must escape.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "io/tokens_jsonl.hpp"
#include "support.hpp"
#include "text/tokenizer.hpp"

using namespace goldspan;
using goldspan::test::u8;

namespace {

// The line as nlohmann writes it: an ordered_json object keeps the keys in insertion order.
std::string nlohmann_line(const std::string& id, const std::vector<Token>& tokens, bool kinds,
                          const std::vector<Range>* sentences) {
  nlohmann::ordered_json j;
  j["id"] = id;
  j["tokens"] = nlohmann::json::array();
  for (const Token& t : tokens) j["tokens"].push_back({t.start, t.end});
  if (kinds) {
    j["kinds"] = nlohmann::json::array();
    for (const Token& t : tokens) j["kinds"].push_back(to_string(t.kind));
  }
  if (sentences) {
    j["sentences"] = nlohmann::json::array();
    for (const Range& r : *sentences) j["sentences"].push_back({r.start, r.end});
  }
  return j.dump() + "\n";
}

std::string nlohmann_boundaries(const std::string& id, const std::vector<uint32_t>& b) {
  nlohmann::ordered_json j;
  j["id"] = id;
  j["boundaries"] = b;
  return j.dump() + "\n";
}

// Ids that exercise every escape: quotes, backslash, each control character (\b \f \n \r \t
// short, the rest \u00xx), DEL (not escaped), and non-ASCII passed through as UTF-8.
std::vector<std::string> tricky_ids() {
  std::vector<std::string> ids = {"", "-", "plain.txt", "a \"quoted\" name.txt", "back\\slash\\", "\\\"",
                                  "dir/sub dir/f.txt", "caf" + u8(0xE9) + ".txt", u8(0x1F469) + u8(0x200D) + u8(0x1F4BB),
                                  u8(0x6E2F) + u8(0x53E3) + ".txt", u8(0x0642) + u8(0x0627) + u8(0x0644) + u8(0x062A),
                                  std::string("del\x7f") + "x"};
  std::string controls;
  for (int c = 0; c < 0x20; ++c) controls += char(c);
  ids.push_back(controls);
  ids.push_back(std::string("nul\0in the middle", 18));
  ids.push_back("tab\there\nnew line\r\x08\x0c end");
  return ids;
}

}  // namespace

TEST_CASE("tokens jsonl: same bytes as nlohmann on multilingual text and escaped ids", "[io][tokens_jsonl]") {
  const std::string text =
      "Valmora " + u8(0x1F6A2) + " port fire \xE2\x80\x94 Saturday 22:40. \"Quoted\" back\\slash.\n"
      "Der Hafenmeister sagte, 14 Arbeiter seien evakuiert worden.\n" +
      u8(0x0642) + u8(0x0627) + u8(0x0644) + u8(0x062A) + " " + u8(0x0645) + u8(0x062F) + u8(0x064A) + u8(0x0631) +
      u8(0x0629) + ". " + u8(0x6E2F) + u8(0x53E3) + u8(0x4E3B) + u8(0x7BA1) + u8(0x8868) + u8(0x793A) + u8(0x3002) +
      " " + u8(0x1F469) + u8(0x200D) + u8(0x1F4BB) + u8(0x1F44D) + u8(0x1F3FD) + " " + u8(0x3051) + u8(0x304C) +
      u8(0x4EBA) + " 3.14 " + u8(0x0E1C) + u8(0x0E39) + u8(0x0E49) + u8(0x0E2D) + u8(0x0E33) + u8(0x0E19) + u8(0x0E27) +
      u8(0x0E22) + u8(0x0E01) + u8(0x0E32) + u8(0x0E23) + "\n";
  for (const char* locale : {"", "en", "ja", "th"}) {
    Tokenizer tok(locale);
    const std::vector<Token> tokens = tok.tokens(text);
    const std::vector<Range> sents = tok.sentences(text);
    const std::vector<uint32_t> bounds = tok.boundaries(BreakKind::Word, text);
    REQUIRE(tokens.size() > 20);
    for (const std::string& id : tricky_ids()) {
      INFO("locale '" << locale << "', id " << nlohmann::json(id).dump());
      for (bool kinds : {false, true}) {
        std::string out;
        append_tokens_jsonl(out, id, tokens, kinds);
        CHECK(out == nlohmann_line(id, tokens, kinds, nullptr));
        out.clear();
        append_tokens_jsonl(out, id, tokens, kinds, &sents);
        CHECK(out == nlohmann_line(id, tokens, kinds, &sents));
      }
      std::string out;
      append_boundaries_jsonl(out, id, bounds);
      CHECK(out == nlohmann_boundaries(id, bounds));
    }
  }
}

TEST_CASE("tokens jsonl: appends to the buffer; empty and large values; many chunks", "[io][tokens_jsonl]") {
  std::string out = "kept";
  append_tokens_jsonl(out, "e", {}, true, nullptr);
  CHECK(out == "kept{\"id\":\"e\",\"tokens\":[],\"kinds\":[]}\n");
  out.clear();
  const std::vector<Range> no_sentences;
  append_tokens_jsonl(out, "e", {}, false, &no_sentences);
  append_boundaries_jsonl(out, "b", {});
  CHECK(out == "{\"id\":\"e\",\"tokens\":[],\"sentences\":[]}\n{\"id\":\"b\",\"boundaries\":[]}\n");

  // Every digit count up to UINT32_MAX, every kind, and more tokens than one writer chunk holds.
  std::vector<Token> tokens;
  std::vector<uint32_t> bounds;
  const TokenKind kinds[] = {TokenKind::Word, TokenKind::Number, TokenKind::Punctuation,
                             TokenKind::Kana, TokenKind::Ideographic, TokenKind::Other};
  uint32_t v = 0;
  for (int i = 0; i < 2000; ++i) {
    const uint32_t start = i < 1990 ? v : UINT32_MAX - uint32_t(2000 - i) * 7;
    tokens.push_back({start, start + uint32_t(i % 7), kinds[i % 6]});
    bounds.push_back(start);
    v = v * 3 + uint32_t(i) + 1;
    if (v > UINT32_MAX / 4) v %= 100000;
  }
  tokens.push_back({UINT32_MAX - 1, UINT32_MAX, TokenKind::Other});
  bounds.push_back(UINT32_MAX);
  const std::vector<Range> sents = {{0, 9}, {10, 99999}, {4000000000u, UINT32_MAX}};
  out.clear();
  append_tokens_jsonl(out, "big", tokens, true, &sents);
  CHECK(out == nlohmann_line("big", tokens, true, &sents));
  out.clear();
  append_boundaries_jsonl(out, "big", bounds);
  CHECK(out == nlohmann_boundaries("big", bounds));
}

TEST_CASE("tokens jsonl: drained in pieces, the same bytes; the buffer stays small", "[io][tokens_jsonl]") {
  std::vector<Token> tokens;
  std::vector<uint32_t> bounds;
  for (uint32_t i = 0; i < 300000; ++i) {
    tokens.push_back({i * 3, i * 3 + 2, i % 2 ? TokenKind::Word : TokenKind::Punctuation});
    bounds.push_back(i * 3);
  }
  const std::vector<Range> sents = {{0, 5}, {6, 899999}};
  std::string whole, drained, out;
  size_t pieces = 0, largest = 0;
  const JsonlDrain drain = [&](std::string& o) {
    ++pieces;
    largest = std::max(largest, o.size());
    drained += o;
    o.clear();
  };
  append_tokens_jsonl(whole, "d\"x", tokens, true, &sents);
  append_tokens_jsonl(out, "d\"x", tokens, true, &sents, drain);
  drained += out;  // what the drain did not take
  CHECK(drained == whole);
  CHECK(whole == nlohmann_line("d\"x", tokens, true, &sents));
  CHECK(pieces > 5);
  CHECK(largest < kJsonlDrainBytes + 8192);

  whole.clear(), drained.clear(), out.clear();
  append_boundaries_jsonl(whole, "b", bounds);
  append_boundaries_jsonl(out, "b", bounds, drain);
  drained += out;
  CHECK(drained == whole);
  CHECK(whole == nlohmann_boundaries("b", bounds));
}
