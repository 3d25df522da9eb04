#include "io/conll.hpp"

#include <algorithm>
#include <set>

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

}  // namespace goldspan
