#include "io/prodigy.hpp"

#include <algorithm>
#include <map>

#include "io/json_read.hpp"
#include "io/plain_text.hpp"
#include "io/split.hpp"
#include "model/json_text.hpp"
#include "text/utf8.hpp"

namespace goldspan {

namespace {

// Python's str.isspace, which spaCy splits on.
bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1F) || c == 0x85 ||
         c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

struct ProdigyToken {
  Range r;
  bool ws = false;
};

// Prodigy's tokens are spaCy's (explosion/spaCy, spacy/tokenizer.pyx, Tokenizer.__call__): the
// text is cut into runs of whitespace (str.isspace) and of the rest; one U+0020 right after a
// token is its "ws", and what is left of a whitespace run (line breaks, tabs, a second space,
// U+00A0, U+202F, ...) is a token of its own. Joining text + (ws ? " " : "") over the tokens
// gives the text back. Within the other runs the words are ICU's word tokens, cut at whitespace
// (ICU keeps U+202F inside a token, spaCy never does).
std::vector<ProdigyToken> prodigy_tokens(const Document& doc) {
  std::vector<ProdigyToken> out;
  const std::string_view text = doc.text();
  auto plain_space = [&](uint32_t cp) { return doc.slice(cp, cp + 1) == " "; };
  auto whitespace = [&](uint32_t a, uint32_t b) {
    if (a < b && !out.empty() && plain_space(a)) out.back().ws = true, ++a;
    if (a < b) out.push_back({Range{a, b}, false});
  };
  uint32_t at = 0;
  for (const Token& t : doc.tokens()) {
    size_t byte = doc.offsets().byte_of_cp(t.start);
    uint32_t word = UINT32_MAX;  // start of the current run without whitespace
    for (uint32_t p = t.start; p <= t.end; ++p) {
      const bool space = p == t.end || is_space(utf8::decode(text, byte));
      if (p < t.end) byte += size_t(utf8::seq_len(static_cast<unsigned char>(text[byte])));
      if (!space && word == UINT32_MAX) word = p;
      if (space && word != UINT32_MAX) {
        whitespace(at, word);
        out.push_back({Range{word, p}, false});
        at = p;
        word = UINT32_MAX;
      }
    }
  }
  whitespace(at, doc.length());
  return out;
}

}  // namespace

std::string write_prodigy(const Corpus& c, Warnings& warnings) {
  const Schema& schema = c.schema();
  std::string out;
  size_t split = 0, tokenless = 0, unaligned = 0, lost_relations = 0;
  for (size_t d = 0; d < c.document_count(); ++d) {
    const Document& doc = c.document(d);
    const std::vector<ProdigyToken> toks = prodigy_tokens(doc);
    out += "{\"text\": ";
    append_json_string(out, doc.text());
    out += ", \"meta\": {\"id\": ";
    append_json_string(out, doc.id());
    out += "}, \"answer\": \"accept\", \"tokens\": [";
    for (size_t t = 0; t < toks.size(); ++t) {
      const Range r = toks[t].r;
      out += t ? ", {\"text\": " : "{\"text\": ";
      append_json_string(out, doc.slice(r.start, r.end));
      out += ", \"start\": " + std::to_string(r.start) + ", \"end\": " + std::to_string(r.end) + ", \"id\": " + std::to_string(t) +
             ", \"ws\": " + (toks[t].ws ? "true" : "false") + "}";
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
        const size_t first = size_t(std::partition_point(toks.begin(), toks.end(), [&](const ProdigyToken& t) { return t.r.end <= f.start; }) -
                                    toks.begin());
        size_t after = first;
        while (after < toks.size() && toks[after].r.start < f.end) ++after;
        if (first == after) {
          ++tokenless;
          continue;
        }
        unaligned += toks[first].r.start != f.start || toks[after - 1].r.end != f.end;
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

// [SECTION] Import

GoldImport parse_prodigy(std::string_view text, const std::string& file_name, const Schema& schema, Tokenizer& tok) {
  using json_read::Object;
  using nlohmann::json;
  static constexpr FieldNames kFields{".start", ".end", "", ".label", ""};
  GoldImport imp;
  imp.file_name = file_name;
  if (std::string e = size_error(text.size()); !e.empty()) {
    imp.add_error("", e);
    return imp;
  }
  std::map<std::string, size_t> doc_ids;
  size_t skipped = 0;
  for (Lines lines(text); lines.next();) {
    const std::string_view line = lines.line;
    const size_t line_no = lines.number;
    if (blank_line(line)) continue;
    const std::string where = "line " + std::to_string(line_no) + ":";
    json j;
    if (!json_read::parse(line, imp, j, where)) continue;
    Object o(j, where, imp);
    if (!o.ok()) continue;
    if (const auto answer = o.string("answer", false); answer && *answer != "accept") {
      ++skipped;
      continue;
    }
    std::string id = document_id_from_path(file_name) + "-" + std::to_string(line_no);
    if (const json* meta = o.object("meta", false))
      if (const auto v = meta->find("id"); v != meta->end()) {
        if (v->is_string() && !v->get_ref<const std::string&>().empty()) id = v->get<std::string>();
        else if (v->is_number_integer()) id = v->dump();
        else imp.add_error(json_read::child(o.path("meta"), "id"), "expected a non-empty string or an integer");
      }
    const auto body = o.string("text", true);
    if (!body) continue;
    if (!doc_ids.emplace(id, line_no).second) {
      imp.add_error(where, "duplicate document id '" + id + "' (also line " + std::to_string(doc_ids[id]) + ")");
      continue;
    }
    imp.documents.push_back(std::make_shared<const Document>(id, *body, tok));
    const size_t d = imp.documents.size() - 1;
    std::map<std::pair<uint32_t, uint32_t>, size_t> by_range;  // the first span at each range
    if (const json* spans = o.array("spans", false)) {
      for (size_t i = 0; i < spans->size(); ++i) {
        Object so((*spans)[i], json_read::item(o.path("spans"), i), imp);
        if (!so.ok()) continue;
        const auto s = so.offset("start", true), en = so.offset("end", true);
        const auto label = so.string("label", true);
        if (!s || !en || !label) continue;
        ImportedSpan sp;
        sp.doc = d;
        sp.id = "span-" + std::to_string(i);
        sp.label = *label;
        sp.fragments.push_back(Range{*s, *en});
        sp.path = so.path();
        sp.fields = &kFields;
        by_range.emplace(std::make_pair(*s, *en), imp.spans.size());
        imp.spans.push_back(std::move(sp));
      }
    }
    if (const json* rels = o.array("relations", false)) {
      for (size_t i = 0; i < rels->size(); ++i) {
        Object ro((*rels)[i], json_read::item(o.path("relations"), i), imp);
        if (!ro.ok()) continue;
        const auto label = ro.string("label", true);
        auto end_of = [&](const char* key) -> std::optional<size_t> {
          const json* sj = ro.object(key, true);
          if (!sj) return std::nullopt;
          Object eo(*sj, ro.path(key), imp);
          const auto s = eo.offset("start", true), en = eo.offset("end", true);
          if (!s || !en) return std::nullopt;
          const auto it = by_range.find({*s, *en});
          if (it == by_range.end()) {
            imp.add_error(eo.path(), "no span at " + range_text(Range{*s, *en}) + " in this example's spans");
            return std::nullopt;
          }
          return it->second;
        };
        const auto from = end_of("head_span"), to = end_of("child_span");
        if (!label || !from || !to) continue;
        ImportedRelation r;
        r.doc = d;
        r.id = ro.path();
        r.type = *label;
        r.from = *from;
        r.to = *to;
        r.path = ro.path();
        imp.relations.push_back(std::move(r));
      }
    }
  }
  if (skipped) imp.add_warning("", std::to_string(skipped) + " examples not accepted (answer reject or ignore) skipped");
  if (imp.documents.empty() && imp.ok()) imp.add_error("", "no accepted examples (expected one JSON object per line)");
  check_import(imp, schema);
  if (imp.errors_not_listed) imp.errors.push_back(file_name + ": ... and " + std::to_string(imp.errors_not_listed) + " more errors");
  return imp;
}

}  // namespace goldspan
