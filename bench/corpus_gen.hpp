#pragma once
// Deterministic multilingual text for benchmarks: news-like sentences in English, German,
// Russian, Greek, Arabic, Hindi, Chinese, Japanese, Thai, with numbers and emoji.
#include <cstddef>
#include <cstdint>
#include <string>

namespace goldspan::bench {

// At least `min_bytes` of valid UTF-8, the same for the same seed.
std::string multilingual_text(size_t min_bytes, uint64_t seed = 42);

}  // namespace goldspan::bench
