#include "io/prodigy.hpp"

#include <algorithm>
#include <map>

#include "model/json_text.hpp"
#include "text/utf8.hpp"

namespace goldspan {

namespace {

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

}  // namespace

std::string write_prodigy(const Corpus& c, Warnings& warnings) {
  const Schema& schema = c.schema();
  std::string out;
  size_t split = 0, tokenless = 0, unaligned = 0, lost_relations = 0;
  for (size_t d = 0; d < c.document_count(); ++d) {
    const Document& doc = c.document(d);
    const std::vector<Token>& toks = doc.tokens();
    out += "{\"text\": ";
    append_json_string(out, doc.text());
    out += ", \"meta\": {\"id\": ";
    append_json_string(out, doc.id());
    out += "}, \"answer\": \"accept\", \"tokens\": [";
    for (size_t t = 0; t < toks.size(); ++t) {
      const uint32_t e = toks[t].end;
      const bool ws = e < doc.length() && is_space(utf8::decode(doc.text(), doc.offsets().byte_of_cp(e)));
      out += t ? ", {\"text\": " : "{\"text\": ";
      append_json_string(out, doc.slice(toks[t].start, e));
      out += ", \"start\": " + std::to_string(toks[t].start) + ", \"end\": " + std::to_string(e) + ", \"id\": " + std::to_string(t) +
             ", \"ws\": " + (ws ? "true" : "false") + "}";
    }
    out += "], \"spans\": [";
    struct Written {
      Range r;
      size_t first, last;
      std::string label;
    };
    std::map<SpanId, Written> first_piece;
    auto span_json = [](std::string& o, const Written& w) {
      o += "{\"start\": " + std::to_string(w.r.start) + ", \"end\": " + std::to_string(w.r.end) + ", \"token_start\": " +
           std::to_string(w.first) + ", \"token_end\": " + std::to_string(w.last) + ", \"label\": ";
      append_json_string(o, w.label);
      o += "}";
    };
    bool any = false;
    std::vector<RelationId> rels;
    for (SpanId id : export_detail::ordered_spans(c, d)) {
      const Span& s = c.span(id);
      split += s.fragments.size() > 1;
      for (const Range& f : s.fragments) {
        const size_t first = doc.token_at_or_after(f.start);
        size_t after = first;
        while (after < toks.size() && toks[after].start < f.end) ++after;
        if (first == after) {
          ++tokenless;
          continue;
        }
        unaligned += toks[first].start != f.start || toks[after - 1].end != f.end;
        const Written w{f, first, after - 1, c.type_of(s).name};
        if (!first_piece.count(id)) first_piece[id] = w;
        if (any) out += ", ";
        any = true;
        span_json(out, w);
      }
      for (RelationId r : c.relations_of(id))
        if (c.find_relation(r)->source == id) rels.push_back(r);
    }
    out += "], \"relations\": [";
    std::sort(rels.begin(), rels.end());
    any = false;
    for (RelationId id : rels) {
      const Relation& r = *c.find_relation(id);
      auto h = first_piece.find(r.source), ch = first_piece.find(r.target);
      if (h == first_piece.end() || ch == first_piece.end()) {
        ++lost_relations;
        continue;
      }
      if (any) out += ", ";
      any = true;
      out += "{\"head\": " + std::to_string(h->second.last) + ", \"child\": " + std::to_string(ch->second.last) + ", \"head_span\": ";
      span_json(out, h->second);
      out += ", \"child_span\": ";
      span_json(out, ch->second);
      out += ", \"label\": ";
      append_json_string(out, schema.relation_types()[r.type].name);
      out += "}";
    }
    out += "]}\n";
  }
  const auto n = export_detail::count(c);
  using export_detail::warn_count;
  warn_count(warnings, "Prodigy", split, "discontinuous spans written as one span per fragment (relations use the first)");
  warn_count(warnings, "Prodigy", tokenless, "span fragments covering no token left out");
  warn_count(warnings, "Prodigy", unaligned, "spans with an edge inside a token (token_start/token_end name the tokens they touch)");
  warn_count(warnings, "Prodigy", lost_relations, "relations left out (an end covers no token)");
  using namespace export_detail;
  warn_uncarried(warnings, "Prodigy", n, kAttributes | kClusters | kLinks | kStamps);
  return out;
}

}  // namespace goldspan
