#pragma once
// Where ICU finds its data. Native builds link Debian's full ICU data and need nothing.
// The wasm build links ICU's stub data, so the trimmed break-iteration package
// (icudt72l.dat, built by scripts/setup.sh) must be handed over before the first Tokenizer.
#include <cstddef>
#include <string>
#include <string_view>

namespace goldspan {

// `data` must stay alive and unchanged for the life of the process. Throws goldspan::Error
// when ICU rejects it.
void set_icu_data(const void* data, size_t size);

// Reads a package from a file (kept alive internally) and hands it to ICU. Several packages
// may be loaded (ICU searches them in order), e.g. the rules and then the dictionaries.
void load_icu_data_file(const std::string& path);

// True when `utf8` has characters of scripts that ICU segments with a dictionary (Han, kana,
// Thai, Lao, Khmer, Myanmar): without the dictionaries package such text comes out as long
// runs (Thai, Khmer …) or single characters (Chinese, Japanese). Tokenizers created before
// the package was loaded keep segmenting without it.
bool needs_break_dictionary(std::string_view utf8) noexcept;

}  // namespace goldspan
