// SHA-256 against the FIPS 180-4 / NIST example vectors, and timestamps both ways.
#include <catch2/catch.hpp>

#include "io/sha256.hpp"
#include "io/timestamp.hpp"

using namespace goldspan;

TEST_CASE("sha256: FIPS 180-4 test vectors", "[io][sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu") ==
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: fed in pieces of any size gives the same digest", "[io][sha256]") {
  std::string data;
  for (int i = 0; i < 1000; ++i) data += char(i * 7 + 3);
  const std::string whole = sha256_hex(data);
  for (size_t piece : {1u, 3u, 55u, 56u, 63u, 64u, 65u, 127u, 999u}) {
    Sha256 s;
    for (size_t at = 0; at < data.size(); at += piece) s.update(std::string_view(data).substr(at, piece));
    std::string hex;
    for (uint8_t b : s.finish()) {
      static const char d[] = "0123456789abcdef";
      hex += d[b >> 4];
      hex += d[b & 15];
    }
    CHECK(hex == whole);
  }
  // Lengths around the padding boundary (55/56 bytes need one or two final blocks).
  CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
}

TEST_CASE("timestamps: ISO 8601 UTC with milliseconds, both ways", "[io]") {
  CHECK(format_timestamp(0) == "1970-01-01T00:00:00.000Z");
  CHECK(format_timestamp(1700000000123) == "2023-11-14T22:13:20.123Z");
  CHECK(format_timestamp(951782400000) == "2000-02-29T00:00:00.000Z");
  CHECK(format_timestamp(-1) == "1969-12-31T23:59:59.999Z");
  for (int64_t t : {int64_t(0), int64_t(1700000000123), int64_t(951782400000), int64_t(-86400001), int64_t(253402300799999)})
    CHECK(parse_timestamp(format_timestamp(t)) == t);
  CHECK(parse_timestamp("2024-05-01T12:00:00Z") == parse_timestamp("2024-05-01T12:00:00.000Z"));
  for (const char* bad : {"", "2024-05-01", "2024-05-01T12:00:00", "2024-05-01T12:00:00+02:00", "2023-02-29T00:00:00Z",
                          "2024-13-01T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T12:00:00.1Z", "2024-05-01T12:00:00.000Zx"})
    CHECK_FALSE(parse_timestamp(bad));
}
