// Test runner. In wasm the ICU data package is loaded from disk (NODERAWFS) before any test.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "text/icu_data.hpp"

int main(int argc, char** argv) {
#ifdef __EMSCRIPTEN__
  goldspan::load_icu_data_file(GOLDSPAN_ICU_DATA_FILE);
  goldspan::load_icu_data_file(GOLDSPAN_ICU_DICT_FILE);
#endif
  return Catch::Session().run(argc, argv);
}
