// goldspan tokenize — JSONL of tokens, sentences or word boundaries per input file.
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.hpp"
#include "error.hpp"
#include "io.hpp"
#include "text/document.hpp"
#include "text/tokenizer.hpp"
#include "text/utf8.hpp"

namespace goldspan::cli {

namespace {

// Written by hand rather than through nlohmann: a 20 MB text has millions of pairs.
template <class It, class F>
void write_array(std::string& out, It b, It e, F&& item) {
  out += '[';
  for (It i = b; i != e; ++i) {
    if (i != b) out += ',';
    item(out, *i);
  }
  out += ']';
}

void write_range(std::string& out, uint32_t s, uint32_t e) {
  out += '[';
  out += std::to_string(s);
  out += ',';
  out += std::to_string(e);
  out += ']';
}

}  // namespace

int cmd_tokenize(const Args& args) {
  std::string locale;
  bool sentences = false, boundaries = false, kinds = false, uax29 = false;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--locale") {
      if (++i >= args.size()) { std::cerr << "goldspan tokenize: --locale needs a BCP 47 tag\n"; return 2; }
      locale = args[i];
    } else if (a.rfind("--locale=", 0) == 0) locale = a.substr(9);
    else if (a == "--sentences") sentences = true;
    else if (a == "--boundaries") boundaries = true;
    else if (a == "--kinds") kinds = true;
    else if (a == "--uax29") uax29 = true;
    else if (a.size() > 1 && a[0] == '-') { std::cerr << "goldspan tokenize: unknown option '" << a << "'\n"; return 2; }
    else files.push_back(a);
  }
  if (files.empty()) { std::cerr << "goldspan tokenize: no input (give FILE... or - for stdin)\n"; return 2; }

  int rc = 0;
  Tokenizer tok(locale, uax29);
  std::string out;
  for (const std::string& f : files) {
    try {
      std::string text = read_input(f);
      if (auto bad = utf8::find_invalid(text))
        throw Error(f, "invalid UTF-8 at byte " + std::to_string(*bad) + " (" + line_col(text, *bad) + ")");
      out.clear();
      out += "{\"id\":";
      out += nlohmann::json(f).dump();
      auto range = [](std::string& o, const auto& r) { write_range(o, r.start, r.end); };
      if (boundaries) {
        const auto b = tok.boundaries(BreakKind::Word, text);
        out += ",\"boundaries\":";
        write_array(out, b.begin(), b.end(), [](std::string& o, uint32_t v) { o += std::to_string(v); });
      } else {
        const Document doc(f, std::move(text), tok);
        out += ",\"tokens\":";
        write_array(out, doc.tokens().begin(), doc.tokens().end(), range);
        if (kinds) {
          out += ",\"kinds\":";
          write_array(out, doc.tokens().begin(), doc.tokens().end(), [](std::string& o, const Token& t) {
            o += '"'; o += to_string(t.kind); o += '"';
          });
        }
        if (sentences) {
          out += ",\"sentences\":";
          const auto sents = tok.sentences(doc.text());
          write_array(out, sents.begin(), sents.end(), range);
        }
      }
      out += "}\n";
      std::cout << out;
    } catch (const Error& e) {
      std::cerr << "goldspan tokenize: " << e.what() << '\n';
      rc = 1;
    }
  }
  return rc;
}

}  // namespace goldspan::cli
