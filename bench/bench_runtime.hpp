#pragma once
// What every benchmark does first. In wasm, ICU gets its data files (under node, read from the
// build tree); native ICU has its own. Returns where it runs, for the report's first line.
#include "text/icu_data.hpp"

namespace goldspan::bench {

inline const char* start_runtime() {
#ifdef __EMSCRIPTEN__
  load_icu_data_file(GOLDSPAN_ICU_DATA_FILE);
  load_icu_data_file(GOLDSPAN_ICU_DICT_FILE);
  return "wasm (node)";
#else
  return "native";
#endif
}

}  // namespace goldspan::bench
