// libFuzzer target: Label Studio JSON tasks, read as annotations and as predictions.
#include "fuzz_support.hpp"
#include "io/label_studio.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace goldspan;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  LabelStudioReadOptions o;
  fuzz::check_contract(parse_label_studio(text, "fuzz.json", fuzz::schema(), fuzz::tokenizer(), o));
  o.predictions = true;
  fuzz::check_contract(parse_label_studio(text, "fuzz.json", fuzz::schema(), fuzz::tokenizer(), o));
  return 0;
}
