#pragma once
// Where ICU finds its data. Native builds link Debian's full ICU data and need nothing.
// The wasm build links ICU's stub data, so the trimmed break-iteration package
// (icudt72l.dat, built by scripts/setup.sh) must be handed over before the first Tokenizer.
#include <cstddef>
#include <string>

namespace goldspan {

// `data` must stay alive and unchanged for the life of the process. Throws goldspan::Error
// when ICU rejects it.
void set_icu_data(const void* data, size_t size);

// Reads the package from a file (kept alive internally) and hands it to ICU.
void load_icu_data_file(const std::string& path);

}  // namespace goldspan
