// libFuzzer target: plain text and JSONL corpora (the same input read both ways).
#include "fuzz_support.hpp"
#include "io/plain_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace goldspan;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (GoldImport in : {parse_text(text, "fuzz.txt", fuzz::tokenizer()), parse_jsonl(text, "fuzz.jsonl", fuzz::tokenizer())}) {
    if (in.ok()) check_import(in, fuzz::schema());  // a schema, as the CLI gives one
    fuzz::check_contract(in);
  }
  return 0;
}
