#include "text/icu_data.hpp"

#include <unicode/udata.h>

#include <fstream>
#include <iterator>
#include <vector>

#include "error.hpp"

namespace goldspan {

void set_icu_data(const void* data, size_t size) {
  if (size < 16) throw Error("ICU data", "package too small (" + std::to_string(size) + " bytes)");
  UErrorCode st = U_ZERO_ERROR;
  udata_setCommonData(data, &st);
  if (U_FAILURE(st)) throw Error("ICU data", std::string("rejected: ") + u_errorName(st));
}

void load_icu_data_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, "cannot open ICU data file");
  static std::vector<char> keep;  // ICU reads from it for the rest of the process
  keep.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  set_icu_data(keep.data(), keep.size());
}

}  // namespace goldspan
