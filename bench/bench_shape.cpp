// Shaping benchmark: lines of about 100 code points (Latin, Arabic, mixed Latin/Arabic with
// numbers, Devanagari, Japanese) resolved by BidiBlock and shaped by shape_line with Debian's
// Noto fonts, as the canvas does for the lines on screen. Prints lines/s, mean, p50 and p95 µs
// per line, a screen of 40 lines at the p95 cost, and one BidiBlock::resolve of a ~10-line
// block. Build natively and for wasm (fonts are read from /usr/share/fonts; under node
// through NODERAWFS).
//
//   bench_shape [lines per script=2000] [rounds=5] [script name, e.g. Arabic]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "error.hpp"
#include "text/bidi.hpp"
#include "text/document.hpp"
#include "bench_runtime.hpp"
#include "text/icu_data.hpp"
#include "text/shaper.hpp"
#include "text/tokenizer.hpp"

using namespace goldspan;
using Clock = std::chrono::steady_clock;

namespace {

std::string read(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, "cannot read font (install fonts-noto-core, fonts-noto-cjk)");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Script {
  const char* name;
  const char* sentence;  // repeated into one paragraph
};

const Script kScripts[] = {
    {"Latin", "The spokesman said on Tuesday that the harbour fire had been contained by noon. "},
    {"Arabic", "قال المتحدث باسم وزارة الخارجية إن الاجتماع سيعقد غدا في العاصمة. "},
    {"mixed", "The spokesman said: قال المتحدث 2005 and Reuters reported it (وكالة الأنباء). "},
    {"Devanagari", "प्रवक्ता ने मंगलवार को कहा कि बंदरगाह की आग पर दोपहर तक काबू पा लिया गया। "},
    {"Japanese", "報道官は火曜日、港の火災は正午までに鎮火したと述べた。東京の記者会見で発表された。"},
};

// Lines of the paragraph: cut at the first token end at or past 100 code points.
std::vector<std::pair<uint32_t, uint32_t>> cut_lines(const Document& doc) {
  std::vector<std::pair<uint32_t, uint32_t>> lines;
  uint32_t ls = doc.tokens().empty() ? 0 : doc.tokens().front().start;
  for (size_t i = 0; i < doc.tokens().size(); ++i) {
    const Token& t = doc.tokens()[i];
    if (t.end - ls >= 100 || i + 1 == doc.tokens().size()) {
      lines.push_back({ls, t.end});
      if (i + 1 < doc.tokens().size()) ls = doc.tokens()[i + 1].start;
    }
  }
  return lines;
}

}  // namespace

int main(int argc, char** argv) {
  const char* where = goldspan::bench::start_runtime();
  const size_t n_lines = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 2000;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
  const char* only = argc > 3 ? argv[3] : nullptr;  // one script's name, for profiling
  try {
    FontSet fonts;
    for (const char* f : {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                          "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
                          "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf",
                          "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"})
      fonts.add(f, read(f));
    fonts.set_pixel_size(16);
    Tokenizer tok("");
    std::printf("bench_shape, %s: %zu lines of ~100 code points per script, %d rounds\n", where, n_lines, rounds);
    std::printf("%-11s %10s %9s %9s %9s %12s %14s\n", "script", "lines/s", "mean µs", "p50 µs", "p95 µs",
                "40 lines ms", "bidi µs/block");
    for (const Script& s : kScripts) {
      if (only && std::string(only) != s.name) continue;
      // Blocks of about 10 lines (the canvas's Layout blocks are up to 1024 tokens).
      std::string block_text;
      while (block_text.size() < 1000 * 3) block_text += s.sentence;
      Document doc(s.name, block_text, tok);
      const auto lines = cut_lines(doc);
      std::vector<double> per_line;
      double bidi_us = 0;
      size_t bidi_n = 0;
      ShapedLine out;
      size_t glyphs = 0;
      for (int r = 0; r < rounds; ++r) {
        for (size_t done = 0; done < n_lines;) {
          const auto b0 = Clock::now();
          BidiBlock bidi;
          bidi.resolve(doc, 0, doc.length());
          bidi_us += std::chrono::duration<double, std::micro>(Clock::now() - b0).count();
          ++bidi_n;
          for (size_t i = 0; i < lines.size() && done < n_lines; ++i, ++done) {
            const auto t0 = Clock::now();
            shape_line(fonts, doc, bidi, lines[i].first, lines[i].second, out);
            per_line.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
            glyphs += out.glyphs.size();
          }
        }
      }
      std::sort(per_line.begin(), per_line.end());
      double sum = 0;
      for (double v : per_line) sum += v;
      const double mean = sum / double(per_line.size());
      const double p50 = per_line[per_line.size() / 2], p95 = per_line[per_line.size() * 95 / 100];
      // A screen at the p95 line cost: preemption by other processes inflates the mean.
      std::printf("%-11s %10.0f %9.1f %9.1f %9.1f %12.2f %14.1f   (%.0f glyphs/line)\n", s.name, 1e6 / mean, mean,
                  p50, p95, 40 * p95 / 1000, bidi_us / double(bidi_n), double(glyphs) / double(per_line.size()));
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_shape: %s\n", e.what());
    return 1;
  }
  return 0;
}
