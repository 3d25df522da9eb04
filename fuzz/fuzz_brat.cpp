// libFuzzer target: brat standoff. The input is the .txt, a NUL byte, then the .ann.
#include "fuzz_support.hpp"
#include "io/brat.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace goldspan;
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t nul = input.find('\0');
  BratDocument d{"fuzz", input.substr(0, nul), nul == std::string::npos ? "" : input.substr(nul + 1), "fuzz.ann"};
  fuzz::check_contract(parse_brat({d}, fuzz::schema(), fuzz::tokenizer()));
  return 0;
}
