#include "io/conll.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>

#include "error.hpp"
#include "text/utf8.hpp"

namespace goldspan {

std::string write_conll(const Corpus& c, Tokenizer& tok, const ConllOptions& opt, Warnings& warnings) {
  std::string out;
  size_t crossing = 0, breaks_removed = 0, dropped = 0, widened = 0, discontinuous = 0, tokenless = 0, other_kinds = 0, spaces = 0;
  for (size_t d = 0; d < c.document_count(); ++d) {
    const Document& doc = c.document(d);
    const std::vector<Token>& toks = doc.tokens();
    // The outermost layer: longest spans first, then earliest; a span that overlaps a kept one is dropped.
    std::vector<SpanId> ids;
    for (SpanId id : c.document_spans(d)) {
      if (std::find(opt.kinds.begin(), opt.kinds.end(), c.type_of(c.span(id)).kind) != opt.kinds.end()) ids.push_back(id);
      else ++other_kinds;
    }
    std::sort(ids.begin(), ids.end(), [&](SpanId a, SpanId b) {
      const Range ea = c.span(a).fragments.extent(), eb = c.span(b).fragments.extent();
      const uint32_t la = ea.end - ea.start, lb = eb.end - eb.start;
      return la != lb ? la > lb : ea.start != eb.start ? ea.start < eb.start : a < b;
    });
    std::vector<std::string> tags(toks.size(), "O");
    std::vector<Range> kept;
    std::vector<std::pair<size_t, size_t>> kept_runs;  // token runs written, [first, after)
    for (SpanId id : ids) {
      const Span& s = c.span(id);
      const Range e = s.fragments.extent();
      if (std::any_of(kept.begin(), kept.end(), [&](Range k) { return k.start < e.end && e.start < k.end; })) {
        ++dropped;
        continue;
      }
      // Tokens of each fragment; a token already tagged (two spans inside one token) is left alone.
      std::vector<std::pair<size_t, size_t>> runs;
      bool clash = false;
      for (const Range& f : s.fragments) {
        const size_t first = doc.token_at_or_after(f.start);
        size_t after = first;
        while (after < toks.size() && toks[after].start < f.end) ++after;
        if (first == after) continue;
        if (toks[first].start != f.start || toks[after - 1].end != f.end) ++widened;
        for (size_t t = first; t < after; ++t) clash |= tags[t] != "O";
        runs.emplace_back(first, after);
      }
      if (runs.empty() || clash) {
        ++(runs.empty() ? tokenless : dropped);
        continue;
      }
      discontinuous += s.fragments.size() > 1;
      kept.push_back(e);
      const std::string& label = c.type_of(s).name;
      for (const auto& [first, after] : runs) {
        for (size_t t = first; t < after; ++t) tags[t] = (t == first ? "B-" : "I-") + label;
        kept_runs.emplace_back(first, after);
      }
    }
    // A blank line ends every chunk for conlleval (an empty line reads as "-X- O O"), and an I-
    // after it starts a new one, so a run of tags never crosses a sentence break: the sentences
    // a run crosses are written as one (no blank line between them).
    const std::vector<Range> sents = tok.sentences(doc.text());
    std::vector<size_t> sent_of(toks.size());
    for (size_t t = 0, k = 0; t < toks.size(); ++t) {
      while (k < sents.size() && !(toks[t].start < sents[k].end)) ++k;
      sent_of[t] = k;
    }
    std::vector<bool> joined_after(sents.size() + 1, false);  // no blank line after sentence k
    for (const auto& [first, after] : kept_runs) {
      if (sent_of[first] == sent_of[after - 1]) continue;
      ++crossing;
      for (size_t k = sent_of[first]; k < sent_of[after - 1]; ++k) {
        breaks_removed += !joined_after[k];
        joined_after[k] = true;
      }
    }
    out += "-DOCSTART- -X- -X- O\n\n";
    size_t t = 0;
    for (size_t k = 0; k < sents.size(); ++k) {
      const Range& sent = sents[k];
      bool any = false;
      for (; t < toks.size() && toks[t].start < sent.end; ++t) {
        std::string word(doc.slice(toks[t].start, toks[t].end));
        for (char& ch : word)
          if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') ch = '_', ++spaces;
        out += word + " _ _ " + tags[t] + "\n";
        any = true;
      }
      if (any && !joined_after[k]) out += "\n";
    }
    for (; t < toks.size(); ++t) out += std::string(doc.slice(toks[t].start, toks[t].end)) + " _ _ " + tags[t] + "\n";
  }
  const auto n = export_detail::count(c);
  using export_detail::warn_count;
  warn_count(warnings, "CoNLL", dropped, "spans dropped: nested in or overlapping a longer span (one layer of tags only)");
  warn_count(warnings, "CoNLL", other_kinds, "spans of other kinds not written (only the chosen kinds become tags)");
  warn_count(warnings, "CoNLL", widened, "span edges inside a token, widened to whole tokens");
  warn_count(warnings, "CoNLL", tokenless, "spans covering no token, not written");
  warn_count(warnings, "CoNLL", discontinuous, "discontinuous spans written as separate B-... runs");
  if (crossing)
    warnings.push_back("CoNLL: " + std::to_string(crossing) + (crossing == 1 ? " span" : " spans") +
                       " over a sentence break: the sentences each one crosses written as one (" + std::to_string(breaks_removed) +
                       (breaks_removed == 1 ? " sentence break" : " sentence breaks") + " left out)");
  warn_count(warnings, "CoNLL", spaces, "whitespace characters inside tokens written as _");
  using namespace export_detail;
  warn_uncarried(warnings, "CoNLL", n, kAttributes | kRelations | kClusters | kLinks);
  if (c.document_count() > 0) warnings.push_back("CoNLL: document ids, annotators and times not carried");
  return out;
}

// [SECTION] Reading

namespace {

struct Tag {
  char prefix = 'O';  // O B I E S
  std::string_view type;
};

// "O", "B-X", "I-X", "E-X", "S-X" (BILOU's L- and U- read as E- and S-); nullopt when not a tag.
std::optional<Tag> parse_tag(std::string_view t) {
  if (t == "O") return Tag{};
  if (t.size() < 3 || t[1] != '-') return std::nullopt;
  char p = t[0] == 'L' ? 'E' : t[0] == 'U' ? 'S' : t[0];
  if (p != 'B' && p != 'I' && p != 'E' && p != 'S') return std::nullopt;
  return Tag{p, t.substr(2)};
}

std::vector<std::string_view> columns(std::string_view line) {
  std::vector<std::string_view> out;
  for (size_t b = 0; b < line.size();) {
    b = line.find_first_not_of(" \t", b);
    if (b == std::string_view::npos) break;
    size_t e = line.find_first_of(" \t", b);
    if (e == std::string_view::npos) e = line.size();
    out.push_back(line.substr(b, e - b));
    b = e;
  }
  return out;
}

}  // namespace

GoldImport parse_conll(std::string_view text, const std::string& file_name, const Schema& schema, Tokenizer& tok,
                       const ConllReadOptions& opt) {
  GoldImport imp;
  imp.file_name = file_name;
  if (std::string e = size_error(text.size()); !e.empty()) {
    imp.add_error("", e);
    return imp;
  }
  if (auto bad = utf8::find_invalid(text)) {
    imp.add_error("", "invalid UTF-8 at byte " + std::to_string(*bad) + " (" + line_col(text, *bad) + ")");
    return imp;
  }
  struct Pending {
    std::string text;
    std::vector<ImportedSpan> spans;
  };
  std::vector<Pending> docs(1);
  size_t want_cols = 0, first_cols_line = 0;
  uint32_t cp = 0;            // code points of the current document's text so far
  bool sentence_open = false;  // a token of the current sentence was written
  bool need_newline = false;   // a blank line came after the last token
  // The chunk being read, and the tag and type of the token before (conll.hpp: where chunks end).
  std::optional<ImportedSpan> chunk;
  char prev = 'O';
  std::string_view prev_type;
  auto close = [&] {
    if (chunk) docs.back().spans.push_back(std::move(*chunk)), chunk.reset();
    prev = 'O';
    prev_type = {};
  };
  size_t line_no = 0;
  for (size_t b = 0; b <= text.size();) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(b, e - b);
    const bool last = e == text.size();
    b = e + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (last && line.empty()) break;
    const std::string where = "line " + std::to_string(line_no);
    const std::vector<std::string_view> cols = columns(line);
    if (cols.empty()) {  // a sentence break: ends every chunk
      close();
      if (sentence_open) need_newline = true, sentence_open = false;
      continue;
    }
    if (cols[0] == "-DOCSTART-") {
      close();
      if (!docs.back().text.empty()) docs.emplace_back();
      cp = 0, sentence_open = need_newline = false;
      continue;
    }
    if (want_cols == 0) {
      want_cols = cols.size(), first_cols_line = line_no;
      if (want_cols < 2) {
        imp.add_error(where, "expected a token and a tag (columns separated by spaces or tabs), not \"" + preview(line) + "\"");
        return imp;
      }
      const int c = opt.tag_column;
      if (c >= static_cast<int>(want_cols) || c < -static_cast<int>(want_cols) + 1 || c == 0) {
        imp.add_error(where, "no tag column " + std::to_string(c) + " in " + std::to_string(want_cols) + " columns");
        return imp;
      }
    } else if (cols.size() != want_cols) {
      imp.add_error(where, "expected " + std::to_string(want_cols) + " columns (as on line " + std::to_string(first_cols_line) +
                               "), found " + std::to_string(cols.size()));
      continue;
    }
    const std::string_view tag_text = cols[opt.tag_column < 0 ? want_cols + opt.tag_column : opt.tag_column];
    const auto tag = parse_tag(tag_text);
    if (!tag) {
      imp.add_error(where, "bad tag \"" + preview(tag_text) + "\" (expected O, or B-, I-, E-, S- and a label)");
      continue;
    }
    Pending& doc = docs.back();
    if (need_newline) doc.text += '\n', ++cp, need_newline = false;
    else if (sentence_open) doc.text += ' ', ++cp;
    sentence_open = true;
    const uint32_t start = cp;
    doc.text += cols[0];
    cp += static_cast<uint32_t>(utf8::count_cp(cols[0]));
    const char p = tag->prefix;
    const bool other_type = p != 'O' && prev != 'O' && tag->type != prev_type;
    // conlleval's end and start of a chunk (see conll.hpp).
    if (p == 'O' || p == 'B' || p == 'S' || prev == 'E' || prev == 'S' || other_type) close();
    if (p != 'O') {
      if (!chunk) {
        ImportedSpan s;
        s.doc = docs.size() - 1;
        s.label = std::string(tag->type);
        s.fragments.push_back(Range{start, cp});
        s.path = where;
        s.fields = &kNoFields;
        chunk = std::move(s);
      } else {
        chunk->fragments.back().end = cp;
      }
      prev = p;
      prev_type = tag->type;
    }
  }
  close();
  if (docs.back().text.empty() && docs.size() > 1) docs.pop_back();
  if (imp.ok() && docs.back().text.empty()) imp.add_error("", "no tokens (expected one token and its tag per line)");
  if (!imp.ok()) return imp;
  const std::string base = file_name.substr(file_name.find_last_of('/') == std::string::npos ? 0 : file_name.find_last_of('/') + 1);
  for (size_t d = 0; d < docs.size(); ++d) {
    const std::string id = docs.size() == 1 ? base : base + "-" + std::to_string(d + 1);
    try {
      imp.documents.push_back(std::make_shared<const Document>(id, docs[d].text, tok));
    } catch (const Error& e) {
      imp.add_error("", e.what());
      return imp;
    }
    size_t n = 0;
    for (ImportedSpan& s : docs[d].spans) {
      s.id = "T" + std::to_string(++n);
      imp.spans.push_back(std::move(s));
    }
  }
  check_import(imp, schema);
  return imp;
}

}  // namespace goldspan
