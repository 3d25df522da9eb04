// libFuzzer target: gold JSON, checked against the default schema and against its own.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace goldspan;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  fuzz::check_contract(parse_gold(text, "fuzz.json", &fuzz::schema(), fuzz::tokenizer()));
  fuzz::check_contract(parse_gold(text, "fuzz.json", nullptr, fuzz::tokenizer()));
  return 0;
}
