// libFuzzer target: doccano JSONL.
#include "fuzz_support.hpp"
#include "io/doccano.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace goldspan;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  fuzz::check_contract(parse_doccano(text, "fuzz.jsonl", fuzz::schema(), fuzz::tokenizer()));
  return 0;
}
