// goldspan tokenize — JSONL of tokens, sentences or word boundaries per input file.
#include <iostream>
#include <string>

#include "commands.hpp"
#include "error.hpp"
#include "io.hpp"
#include "io/tokens_jsonl.hpp"
#include "text/tokenizer.hpp"
#include "text/utf8.hpp"

namespace goldspan::cli {

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
  // One buffer for every file, written out whenever it passes kJsonlDrainBytes: it stays about
  // 1 MB however long the line (a 20 MB text makes a 45 MB line) and is reused throughout.
  std::string out;
  const JsonlDrain drain = [](std::string& o) {
    std::cout.write(o.data(), std::streamsize(o.size()));
    o.clear();
  };
  for (const std::string& f : files) {
    try {
      std::string text = read_input(f);
      if (auto bad = utf8::find_invalid(text))
        throw Error(f, "invalid UTF-8 at byte " + std::to_string(*bad) + " (" + line_col(text, *bad) + ")");
      // The id is written as a JSON string, which must be UTF-8 (nlohmann refused such a name).
      if (utf8::find_invalid(f)) throw Error(f, "file name is not valid UTF-8");
      out.clear();
      // Only the tokenizer: a Document would validate again and build an offset index and a
      // grapheme iterator that the output does not use.
      if (boundaries) {
        append_boundaries_jsonl(out, f, tok.boundaries(BreakKind::Word, text), drain);
      } else {
        const std::vector<Token> tokens = tok.tokens(text);
        if (sentences) {
          const std::vector<Range> sents = tok.sentences(text);
          append_tokens_jsonl(out, f, tokens, kinds, &sents, drain);
        } else {
          append_tokens_jsonl(out, f, tokens, kinds, nullptr, drain);
        }
      }
      drain(out);
    } catch (const Error& e) {
      std::cerr << "goldspan tokenize: " << e.what() << '\n';
      rc = 1;
    }
  }
  return rc;
}

}  // namespace goldspan::cli
