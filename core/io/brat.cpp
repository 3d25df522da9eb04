#include "io/brat.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "error.hpp"
#include "io/split.hpp"
#include "io/timestamp.hpp"
#include "text/utf8.hpp"

namespace goldspan {

using export_detail::ordered_spans;
using export_detail::warn_count;

namespace {

// brat's server reads an .ann file with codecs' readlines(), which ends a line wherever
// str.splitlines does (server/src/annotation.py, _parse_ann_file), so none of these may stand in
// a text column. Tabs are cut too: they separate the columns.
bool cuts_brat_line(char32_t c) {
  return c == '\n' || c == '\r' || c == '\t' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 ||
         c == 0x2029;
}

// Said in a span's AnnotatorNotes when the export cut it, so that the import joins those pieces
// again and not the fragments of a span that is discontinuous in its own right (brat's own
// files), which joined could cross another span.
constexpr const char* kCutNote = "; cut at line breaks";

// The fragments as brat's own annotator writes a selection over line breaks (annotator.py,
// create_span: one fragment per line): every fragment cut at the characters above, which are
// left out. brat's parser then finds the text column equal to the fragments' text joined by a
// space (annotation.py, _parse_textbound_annotation), so the text reads back exactly.
std::vector<Range> brat_fragments(const Document& doc, const std::vector<Range>& frags) {
  std::vector<Range> out;
  const std::string_view text = doc.text();
  for (const Range& f : frags) {
    size_t byte = doc.offsets().byte_of_cp(f.start);
    uint32_t piece = f.start;
    for (uint32_t p = f.start; p < f.end; ++p) {
      const char32_t c = utf8::decode(text, byte);
      byte += size_t(utf8::seq_len(static_cast<unsigned char>(text[byte])));
      if (!cuts_brat_line(c)) continue;
      if (piece < p) out.push_back(Range{piece, p});
      piece = p + 1;
    }
    if (piece < f.end) out.push_back(Range{piece, f.end});
  }
  return out;
}

// True when only characters the export cuts at lie between two fragments: the export made them
// of one.
bool only_cuts_between(const Document& doc, Range a, Range b) {
  const std::string_view gap = doc.slice(a.end, b.start);
  for (size_t i = 0; i < gap.size(); i += size_t(utf8::seq_len(static_cast<unsigned char>(gap[i]))))
    if (!cuts_brat_line(utf8::decode(gap, i))) return false;
  return !gap.empty();
}

// Free text (a note) on one .ann line: what would end the line becomes a space.
std::string one_line(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const size_t n = size_t(utf8::seq_len(static_cast<unsigned char>(s[i])));
    if (cuts_brat_line(utf8::decode(s, i))) out += ' ';
    else out.append(s.substr(i, n));
    i += n;
  }
  return out;
}

// brat's text column: one line, fragments joined by a space.
std::string text_column(const Document& doc, const std::vector<Range>& frags) {
  std::string out;
  for (const Range& f : frags) {
    if (!out.empty()) out += ' ';
    out += doc.slice(f.start, f.end);
  }
  return out;
}

// A claim's relations of the mapping's types as one event line (brat_events.hpp); the relations
// written are taken out of `rels`. Nothing when the claim has no relation to be the trigger.
std::string claim_event(const Corpus& c, const BratClaimEvent& m, SpanId claim, const std::map<SpanId, size_t>& tnum,
                        std::vector<RelationId>& rels, size_t number) {
  const Schema& schema = c.schema();
  auto of_entry = [&](const BratClaimEvent::Entry& e) {
    std::vector<RelationId> out;
    const int type = schema.relation_type(e.relation);
    for (RelationId r : rels) {
      const Relation& rel = *c.find_relation(r);
      if (rel.source == claim && int(rel.type) == type && tnum.count(rel.target)) out.push_back(r);
    }
    return out;
  };
  const BratClaimEvent::Entry* trig = m.trigger();
  const std::vector<RelationId> first = trig ? of_entry(*trig) : std::vector<RelationId>{};
  if (first.empty()) return {};
  auto t = [&](SpanId s) { return "T" + std::to_string(tnum.at(s)); };
  std::string line = "E" + std::to_string(number) + "\t" + m.event + ":" + t(c.find_relation(first[0])->target);
  std::vector<RelationId> written;
  if (trig->role == "trigger") written.push_back(first[0]);
  for (const BratClaimEvent::Entry& e : m.entries) {
    if (e.relation == "content") {
      line += " " + e.role + ":" + t(claim);
      continue;
    }
    if (e.role == "trigger") continue;
    size_t k = 0;
    for (RelationId r : of_entry(e)) {
      // brat numbers repeated roles: Source, Source2, ...
      line += " " + e.role + (k++ ? std::to_string(k) : "") + ":" + t(c.find_relation(r)->target);
      written.push_back(r);
    }
  }
  rels.erase(std::remove_if(rels.begin(), rels.end(), [&](RelationId r) { return std::count(written.begin(), written.end(), r); }), rels.end());
  return line + "\n";
}

std::string claim_events(const Corpus& c, const BratClaimEvent& m, const std::map<SpanId, size_t>& tnum, std::vector<RelationId>& rels,
                         size_t& events) {
  std::string out;
  size_t e = 0;
  std::vector<std::pair<size_t, SpanId>> by_t;
  for (const auto& [span, number] : tnum)
    if (c.type_of(c.span(span)).kind == SpanKind::Claim) by_t.emplace_back(number, span);
  std::sort(by_t.begin(), by_t.end());
  for (const auto& [number, span] : by_t) {
    const std::string line = claim_event(c, m, span, tnum, rels, e + 1);
    if (!line.empty()) out += line, ++e;
  }
  events += e;
  return out;
}

std::string annotation_conf(const Schema& schema, const BratClaimEvent* claims) {
  std::string out = "# Written by goldspan from the label schema \"" + schema.name() + "\".\n[entities]\n";
  // A type named as the event is its trigger's type, which brat declares under [events] only.
  for (const SpanType& t : schema.span_types())
    if (!claims || t.name != claims->event) out += t.name + "\n";
  out += "\n[relations]\n";
  for (const RelationType& r : schema.relation_types()) {
    out += r.name + "\tArg1:";
    for (size_t i = 0; i < r.sources.size(); ++i) out += (i ? "|" : "") + schema.span_types()[r.sources[i]].name;
    out += ", Arg2:";
    for (size_t i = 0; i < r.targets.size(); ++i) out += (i ? "|" : "") + schema.span_types()[r.targets[i]].name;
    out += "\n";
  }
  // goldspan allows overlapping and nested spans where the schema does; brat must be told.
  out += "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n";
  if (claims) {
    // The roles with the types at their ends (the content: the claim types); '?' as optional.
    out += claims->event;
    const char* sep = "\t";
    for (const BratClaimEvent::Entry& e : claims->entries) {
      if (e.role == "trigger") continue;
      std::vector<std::string> types;
      if (e.relation == "content") {
        for (const SpanType& t : schema.span_types())
          if (t.kind == SpanKind::Claim) types.push_back(t.name);
      } else if (const int r = schema.relation_type(e.relation); r >= 0) {
        for (uint16_t t : schema.relation_types()[size_t(r)].targets) types.push_back(schema.span_types()[t].name);
      }
      if (types.empty()) continue;
      out += sep + e.role + (e.relation == "content" ? ":" : "?:");
      for (size_t i = 0; i < types.size(); ++i) out += (i ? "|" : "") + types[i];
      sep = ", ";
    }
    out += "\n";
  }
  out += "\n[attributes]\n";
  std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>> attrs;  // name -> types, values
  std::vector<std::string> order;
  for (const SpanType& t : schema.span_types())
    for (const AttributeDef& a : t.attributes) {
      if (!attrs.count(a.name)) order.push_back(a.name);
      auto& [types, values] = attrs[a.name];
      types.push_back(t.name);
      for (const std::string& v : a.values)
        if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(v);
    }
  for (const std::string& name : order) {
    const auto& [types, values] = attrs[name];
    out += name + "\tArg:";
    for (size_t i = 0; i < types.size(); ++i) out += (i ? "|" : "") + types[i];
    out += ", Value:";
    for (size_t i = 0; i < values.size(); ++i) out += (i ? "|" : "") + values[i];
    out += "\n";
  }
  return out;
}

}  // namespace

// [SECTION] Export
std::vector<ExportFile> write_brat(const Corpus& c, Warnings& warnings, const std::vector<BratClaimEvent>& given) {
  const Schema& schema = c.schema();
  // Mappings given by the caller win; without any, the schema's own (its "brat" field).
  const std::vector<BratClaimEvent> claims = given.empty() ? brat_claims_of(schema) : given;
  std::vector<ExportFile> files;
  std::vector<std::string> taken{"annotation"};
  size_t renamed = 0, cut = 0, only_breaks = 0, lost_relations = 0, events = 0;
  for (size_t d = 0; d < c.document_count(); ++d) {
    const Document& doc = c.document(d);
    const std::string stem = export_detail::safe_file_stem(doc.id(), taken);
    renamed += stem != doc.id();
    std::string ann;
    std::map<SpanId, size_t> tnum;
    size_t t = 0, a = 0, note = 0;
    std::vector<RelationId> rels;
    for (SpanId id : ordered_spans(c, d)) {
      const Span& s = c.span(id);
      const SpanType& type = c.type_of(s);
      const std::vector<Range> frags = brat_fragments(doc, s.fragments.to_vector());
      if (frags.empty()) {
        ++only_breaks;  // nothing but line breaks: no fragment brat could read
        continue;
      }
      tnum[id] = ++t;
      cut += frags.size() > s.fragments.size();
      ann += "T" + std::to_string(t) + "\t" + type.name + " ";
      for (size_t k = 0; k < frags.size(); ++k)
        ann += (k ? ";" : "") + std::to_string(frags[k].start) + " " + std::to_string(frags[k].end);
      ann += "\t" + text_column(doc, frags) + "\n";
      for (const AttributeValue& v : s.attributes)
        ann += "A" + std::to_string(++a) + "\t" + type.attributes[v.attribute].name + " T" + std::to_string(t) + " " +
               type.attributes[v.attribute].values[v.value] + "\n";
      std::string n = "goldspan " + format_id('s', id) + "; annotator " + c.annotator_name(s.annotator) + "; created " +
                      format_timestamp(s.created);
      if (frags.size() > s.fragments.size()) n += kCutNote;
      if (ClusterId cl = c.cluster_of(id)) n += "; cluster " + format_id('c', cl) + " " + c.find_cluster(cl)->name;
      ann += "#" + std::to_string(++note) + "\tAnnotatorNotes T" + std::to_string(t) + "\t" + one_line(n) + "\n";
      for (RelationId r : c.relations_of(id))
        if (c.find_relation(r)->source == id) rels.push_back(r);
    }
    std::sort(rels.begin(), rels.end());
    if (!claims.empty()) ann += claim_events(c, claims.front(), tnum, rels, events);
    size_t r = 0;
    for (RelationId id : rels) {
      const Relation& rel = *c.find_relation(id);
      if (!tnum.count(rel.source) || !tnum.count(rel.target)) {
        ++lost_relations;
        continue;
      }
      ann += "R" + std::to_string(++r) + "\t" + schema.relation_types()[rel.type].name + " Arg1:T" + std::to_string(tnum[rel.source]) +
             " Arg2:T" + std::to_string(tnum[rel.target]) + "\n";
    }
    files.push_back({stem + ".txt", std::string(doc.text())});
    files.push_back({stem + ".ann", std::move(ann)});
  }
  files.push_back({"annotation.conf", annotation_conf(schema, claims.empty() ? nullptr : &claims.front())});
  const auto n = export_detail::count(c);
  if (!claims.empty()) warn_count(warnings, "brat", events, "claims written as " + to_string(claims.front()) + " events");
  warn_count(warnings, "brat", n.links, "claim links not carried (brat has no links between annotations across documents)");
  warn_count(warnings, "brat", n.clusters, "clusters carried only as AnnotatorNotes on their members (\"cluster c4 NAME\"), which brat does not interpret");
  warn_count(warnings, "brat", cut, "spans over line breaks or tabs written as fragments cut there (as brat's annotator does; read back as one)");
  warn_count(warnings, "brat", only_breaks, "spans of nothing but line breaks or tabs left out (brat cannot write them)");
  warn_count(warnings, "brat", lost_relations, "relations left out (an end was left out)");
  warn_count(warnings, "brat", renamed, "document ids changed to make file names (characters other than A-Z a-z 0-9 . _ - became _)");
  return files;
}

// [SECTION] Import
namespace {

struct Line {
  std::string_view text;
  size_t number;
};

std::vector<Line> lines_of(std::string_view s) {
  std::vector<Line> out;
  size_t n = 0;
  for (size_t b = 0; b < s.size();) {
    size_t e = s.find('\n', b);
    if (e == std::string_view::npos) e = s.size();
    std::string_view l = s.substr(b, e - b);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    out.push_back({l, ++n});
    b = e + 1;
  }
  return out;
}

// Words separated by runs of spaces or tabs, as Python's str.split() with no argument.
std::vector<std::string_view> split_ws(std::string_view s) {
  std::vector<std::string_view> out;
  for (size_t b = 0; (b = s.find_first_not_of(" \t", b)) != std::string_view::npos;) {
    const size_t e = std::min(s.find_first_of(" \t", b), s.size());
    out.push_back(s.substr(b, e - b));
    b = e;
  }
  return out;
}

std::optional<uint32_t> number(std::string_view s) {
  if (s.empty() || s.size() > 10) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + uint64_t(c - '0');
  }
  if (v > UINT32_MAX) return std::nullopt;
  return uint32_t(v);
}

bool id_of_kind(std::string_view id, char kind) {
  return id.size() >= 2 && id[0] == kind && number(id.substr(1)).has_value();
}

}  // namespace

GoldImport parse_brat(const std::vector<BratDocument>& docs, const Schema& schema, Tokenizer& tok, const std::vector<BratClaimEvent>& given) {
  GoldImport imp;
  const std::vector<BratClaimEvent> claims = brat_claim_events(docs, given, &schema);
  auto mapping_of = [&](std::string_view type) -> const BratClaimEvent* {
    for (const BratClaimEvent& m : claims)
      if (m.event == type) return &m;
    return nullptr;
  };
  size_t claim_events = 0, no_content = 0, unmapped_args = 0, event_args = 0, loose_triggers = 0;
  std::map<std::string, size_t> doc_ids;
  size_t equiv_line_count = 0, equiv_groups = 0, equiv_non_spans = 0, event_attributes = 0, other_attributes = 0;
  size_t events = 0, norms = 0, notes = 0, merged = 0, rejoined = 0;
  for (const BratDocument& bd : docs) {
    bool readable = true;
    for (const auto& [what, content] : {std::make_pair(".txt", &bd.text), std::make_pair(".ann", &bd.ann)}) {
      const std::string name = bd.ann_name.substr(0, bd.ann_name.rfind('.')) + what;
      if (std::string e = size_error(content->size()); !e.empty()) imp.add_error(name, e), readable = false;
      else if (auto bad = utf8::find_invalid(*content))
        imp.add_error(name, "invalid UTF-8 at byte " + std::to_string(*bad) + " (" + line_col(*content, *bad) + ")"), readable = false;
    }
    if (!readable) continue;
    if (!doc_ids.emplace(bd.id, imp.documents.size()).second) {
      imp.add_error(bd.ann_name, "duplicate document id '" + bd.id + "'");
      continue;
    }
    imp.documents.push_back(std::make_shared<const Document>(bd.id, bd.text, tok));
    const size_t d = imp.documents.size() - 1;
    const Document& doc = *imp.documents[d];
    std::map<std::string, size_t, std::less<>> spans;  // T id -> import index
    std::map<std::string, size_t, std::less<>> seen;   // every id -> line
    struct Pending {
      Line line;
      std::vector<std::string_view> fields;
    };
    std::vector<Pending> relations, attributes, equiv_lines, events_as_claims;
    std::vector<std::string_view> cut;  // T ids whose note says the export cut them
    for (const Line& line : lines_of(bd.ann)) {
      if (line.text.find_first_not_of(" \t") == std::string_view::npos) continue;
      const std::string where = bd.ann_name + ": line " + std::to_string(line.number);
      const std::vector<std::string_view> cols = split(line.text, '\t');
      const std::string_view id = cols[0];
      if (!id.empty() && id[0] == '#') {
        ++notes;
        constexpr std::string_view kNote = "AnnotatorNotes ";
        if (cols.size() >= 3 && cols[1].substr(0, kNote.size()) == kNote && cols[2].substr(0, 9) == "goldspan ") {
          const std::string_view note = cols[2].substr(0, cols[2].find("; cluster "));  // a cluster name is anyone's text
          if (note.find(kCutNote) != std::string_view::npos) cut.emplace_back(cols[1].substr(kNote.size()));
        }
        continue;
      }
      if (cols.size() < 2) {
        imp.add_error(where, "expected ID<TAB>annotation, not \"" + preview(line.text) + "\"");
        continue;
      }
      if (id == "*") {
        // *<TAB>Equiv T1 T2 ...: no id of its own, so it may repeat (annotation.py, _parse_ann_lines
        // exempts '*' from the duplicate id check; _parse_equiv_annotation splits on whitespace).
        const auto words = split_ws(cols[1]);
        if (words.size() < 2) imp.add_error(where, "expected TYPE ID ID..., not \"" + preview(cols[1]) + "\"");
        else equiv_lines.push_back({line, words});
        continue;
      }
      if (auto [it, fresh] = seen.emplace(std::string(id), line.number); !fresh) {
        imp.add_error(where, "duplicate id " + std::string(id) + " (also line " + std::to_string(it->second) + ")");
        continue;
      }
      if (id_of_kind(id, 'T')) {
        // T1<TAB>TYPE s e;s e<TAB>text
        if (cols.size() < 3) {
          imp.add_error(where, "a text-bound annotation needs three columns: ID, TYPE START END, text");
          continue;
        }
        const size_t sp = cols[1].find(' ');
        ImportedSpan s;
        s.doc = d;
        s.id = std::string(id);
        s.path = where;
        s.fields = &kNoFields;
        s.label = std::string(cols[1].substr(0, sp));
        bool ok = sp != std::string_view::npos;
        if (ok) {
          for (std::string_view frag : split(cols[1].substr(sp + 1), ';')) {
            const auto pos = split(frag, ' ');
            const auto a = pos.size() == 2 ? number(pos[0]) : std::nullopt, b = pos.size() == 2 ? number(pos[1]) : std::nullopt;
            if (!a || !b) {
              ok = false;
              break;
            }
            s.fragments.push_back(Range{*a, *b});
          }
        }
        if (!ok) {
          imp.add_error(where, "expected TYPE START END[;START END...], not \"" + preview(cols[1]) + "\"");
          continue;
        }
        bool bad = false;
        for (const Range& f : s.fragments) {
          if (f.start > f.end) imp.add_error(where, "start " + std::to_string(f.start) + " > end " + std::to_string(f.end)), bad = true;
          else if (f.end > doc.length())
            imp.add_error(where, "end " + std::to_string(f.end) + " is past the end of the text (" + std::to_string(doc.length()) + " code points)"), bad = true;
        }
        if (bad) continue;
        std::sort(s.fragments.begin(), s.fragments.end(), [](Range x, Range y) { return x.start < y.start; });
        std::vector<Range> joined;
        for (const Range& f : s.fragments) {
          if (!joined.empty() && f.start < joined.back().end) {
            imp.add_error(where, "fragments " + range_text(joined.back()) + " and " + range_text(f) + " overlap");
            bad = true;
          } else if (!joined.empty() && f.start == joined.back().end) {
            joined.back().end = f.end;  // touching fragments are one stretch of text
            ++merged;
          } else {
            joined.push_back(f);
          }
        }
        if (bad) continue;
        std::string expected;
        for (const Range& f : s.fragments) expected += (expected.empty() ? "" : " ") + std::string(doc.slice(f.start, f.end));
        std::string given;
        for (size_t k = 2; k < cols.size(); ++k) given += (k > 2 ? "\t" : "") + std::string(cols[k]);
        for (std::string* t : {&expected, &given})
          for (char& ch : *t)
            if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
        if (expected != given)
          imp.add_error(where, "the text column \"" + preview(given) + "\" is not the text at the offsets, \"" + preview(expected) + "\"");
        s.fragments = std::move(joined);
        spans.emplace(std::string(id), imp.spans.size());
        imp.spans.push_back(std::move(s));
      } else if (id_of_kind(id, 'R')) {
        relations.push_back({line, cols});
      } else if (id_of_kind(id, 'A') || id_of_kind(id, 'M')) {
        attributes.push_back({line, cols});
      } else if (id_of_kind(id, 'E')) {
        const auto e = parse_brat_event(cols[1]);
        if (e && mapping_of(e->type)) events_as_claims.push_back({line, cols});
        else ++events;
      } else if (id_of_kind(id, 'N')) {
        ++norms;
      } else {
        imp.add_error(where, "unknown annotation id '" + preview(id) + "' (expected T, R, A, M, E, N, * or #)");
      }
    }
    for (std::string_view t : cut) {
      auto it = spans.find(t);
      if (it == spans.end()) continue;
      std::vector<Range>& frags = imp.spans[it->second].fragments;
      std::vector<Range> whole{frags[0]};
      for (size_t k = 1; k < frags.size(); ++k) {
        if (only_cuts_between(doc, whole.back(), frags[k])) whole.back().end = frags[k].end, ++rejoined;
        else whole.push_back(frags[k]);
      }
      frags = std::move(whole);
    }
    auto find_span = [&](std::string_view id, const std::string& where) -> std::optional<size_t> {
      auto it = spans.find(id);
      if (it != spans.end()) return it->second;
      if (!seen.count(std::string(id))) imp.add_error(where, "no text-bound annotation " + std::string(id));
      else if (!id_of_kind(id, 'T')) imp.add_error(where, std::string(id) + " is not a text-bound annotation");
      return std::nullopt;
    };
    for (const Pending& p : relations) {
      const std::string where = bd.ann_name + ": line " + std::to_string(p.line.number);
      const auto parts = split(p.fields[1], ' ');
      if (parts.size() != 3 || parts[1].substr(0, 5) != "Arg1:" || parts[2].substr(0, 5) != "Arg2:") {
        imp.add_error(where, "expected TYPE Arg1:T.. Arg2:T.., not \"" + preview(p.fields[1]) + "\"");
        continue;
      }
      const auto from = find_span(parts[1].substr(5), where), to = find_span(parts[2].substr(5), where);
      if (!from || !to) continue;
      ImportedRelation r;
      r.doc = d;
      r.id = std::string(p.fields[0]);
      r.type = std::string(parts[0]);
      r.from = *from;
      r.to = *to;
      r.path = where;
      imp.relations.push_back(std::move(r));
    }
    // Events read as claims: a relation from each content span to each mapped argument.
    std::set<std::tuple<std::string, size_t, size_t>> event_relations;
    for (const Pending& p : events_as_claims) {
      const std::string where = bd.ann_name + ": line " + std::to_string(p.line.number);
      const BratEventLine e = *parse_brat_event(p.fields[1]);
      const BratClaimEvent& m = *mapping_of(e.type);
      ++claim_events;
      // An argument that is an event (nested events, as in BioNLP) is no span to relate to.
      auto arg_span = [&](std::string_view id) -> std::optional<size_t> {
        if (!spans.count(id) && seen.count(std::string(id)) && id_of_kind(id, 'E')) return ++event_args, std::nullopt;
        return find_span(id, where);
      };
      const auto trigger = find_span(e.trigger, where);
      std::vector<size_t> contents;
      bool trigger_is_arg = false;
      for (const auto& arg : e.args) {
        const std::string_view role = arg.first, id = arg.second;  // not a structured binding: the lambda below captures it
        trigger_is_arg |= id == e.trigger;
        const bool mapped = std::any_of(m.entries.begin(), m.entries.end(), [&](const auto& x) { return brat_role_is(role, x.role); });
        if (!mapped) ++unmapped_args;
        else if (brat_role_is(role, m.content().role))
          if (auto c = arg_span(id)) contents.push_back(*c);
      }
      if (contents.empty()) {
        ++no_content;
        continue;
      }
      const bool trigger_mapped = std::any_of(m.entries.begin(), m.entries.end(), [](const auto& x) { return x.role == "trigger"; });
      if (trigger && !trigger_mapped && !trigger_is_arg) ++loose_triggers;
      size_t k = 0;
      for (const auto& entry : m.entries) {
        if (entry.relation == "content") continue;
        std::vector<size_t> ends;
        if (entry.role == "trigger") {
          if (trigger) ends.push_back(*trigger);
        } else {
          for (const auto& [role, id] : e.args)
            if (brat_role_is(role, entry.role))
              if (auto t = arg_span(id)) ends.push_back(*t);
        }
        for (size_t c : contents)
          for (size_t t : ends) {
            if (c == t || !event_relations.emplace(entry.relation, c, t).second) continue;  // the trigger may also be an argument
            ImportedRelation r;
            r.doc = d;
            r.id = std::string(p.fields[0]) + "." + std::to_string(++k);
            r.type = entry.relation;
            r.from = c;
            r.to = t;
            r.path = where;
            imp.relations.push_back(std::move(r));
          }
      }
    }
    for (const Pending& p : attributes) {
      const std::string where = bd.ann_name + ": line " + std::to_string(p.line.number);
      const auto parts = split(p.fields[1], ' ');
      if (parts.size() < 2 || parts.size() > 3) {
        imp.add_error(where, "expected NAME T.. [VALUE], not \"" + preview(p.fields[1]) + "\"");
        continue;
      }
      if (!spans.count(parts[1]) && seen.count(std::string(parts[1]))) {
        // brat puts attributes on events too (BioNLP-ST: "M1<TAB>Negation E3"); goldspan skips
        // the events, so their attributes go with them. On a relation they are not brat's either.
        ++(id_of_kind(parts[1], 'E') ? event_attributes : other_attributes);
        continue;
      }
      const auto target = find_span(parts[1], where);
      if (!target) continue;
      // A binary brat attribute (no value) is "true"; the schema says whether that is allowed.
      imp.spans[*target].attributes.emplace_back(std::string(parts[0]), parts.size() == 3 ? std::string(parts[2]) : "true");
    }
    // Equivalences: groups that share a member are one, as brat merges them when it reads them
    // (annotation.py, Annotations.add_annotation: "Equivs have to be merged with other equivs").
    // Each group becomes a cluster of the kind of its first member's type, named by the type.
    equiv_line_count += equiv_lines.size();
    std::map<size_t, size_t> parent;  // union-find over span indices
    std::function<size_t(size_t)> root = [&](size_t x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    std::map<size_t, std::pair<std::string, std::string>> group_info;  // span index -> (type, where) of its first line
    std::vector<size_t> order;                                          // span indices, first seen first
    for (const Pending& p : equiv_lines) {
      const std::string where = bd.ann_name + ": line " + std::to_string(p.line.number);
      std::optional<size_t> first;
      for (size_t k = 1; k < p.fields.size(); ++k) {
        if (!spans.count(p.fields[k]) && seen.count(std::string(p.fields[k]))) {
          ++equiv_non_spans;  // an event or relation: not a span goldspan can cluster
          continue;
        }
        const auto m = find_span(p.fields[k], where);
        if (!m) continue;
        if (!parent.count(*m)) parent[*m] = *m, order.push_back(*m);
        if (!first) {
          first = *m;
          group_info.emplace(root(*m), std::make_pair(std::string(p.fields[0]), where));
          continue;
        }
        const size_t a = root(*first), b = root(*m);
        if (a == b) continue;
        parent[b] = a;
        if (!group_info.count(a) && group_info.count(b)) group_info[a] = group_info[b];
      }
    }
    std::map<size_t, size_t> cluster_of_root;
    for (size_t m : order) {
      const size_t r = root(m);
      auto [it, fresh] = cluster_of_root.emplace(r, imp.clusters.size());
      if (fresh) {
        ImportedCluster cl;
        const auto info = group_info.count(r) ? group_info[r] : std::make_pair(std::string("Equiv"), bd.ann_name);
        cl.id = bd.ann_name + " *" + std::to_string(cluster_of_root.size());
        cl.name = info.first;
        cl.path = info.second;
        const int t = schema.span_type(imp.spans[m].label);
        cl.kind = t >= 0 ? schema.span_types()[size_t(t)].kind : SpanKind::Entity;
        imp.clusters.push_back(std::move(cl));
      }
      imp.clusters[it->second].members.push_back(m);
    }
    equiv_groups += cluster_of_root.size();
  }
  warn_count(imp.warnings, "brat", events, "events (E) skipped: goldspan has no events" +
                                             std::string(claims.empty() ? "" : " (of types not read as claims)"));
  if (claim_events) {
    std::string names;
    for (const BratClaimEvent& m : claims) names += (names.empty() ? "" : "; ") + to_string(m);
    imp.warnings.push_back("brat: " + std::to_string(claim_events) + " events read as claims (" + names +
                           "): each becomes relations from its content span");
  }
  warn_count(imp.warnings, "brat", no_content, "events read as claims skipped: no content argument");
  warn_count(imp.warnings, "brat", unmapped_args, "event arguments skipped: their roles are not in the claim mapping");
  warn_count(imp.warnings, "brat", event_args, "event arguments skipped: they are events, not text-bound spans");
  warn_count(imp.warnings, "brat", loose_triggers, "event triggers that are no argument kept as spans only (the mapping reads no relation from them)");
  if (equiv_line_count)
    imp.warnings.push_back("brat: " + std::to_string(equiv_groups) + (equiv_groups == 1 ? " equivalence" : " equivalences") + " (from " +
                           std::to_string(equiv_line_count) + (equiv_line_count == 1 ? " * line" : " * lines") +
                           "; lines sharing a member are one, as brat merges them) imported as clusters");
  warn_count(imp.warnings, "brat", equiv_non_spans, "members of equivalences that are not text-bound (events, relations) left out of the clusters");
  warn_count(imp.warnings, "brat", event_attributes, "attributes on events skipped (with the events)");
  warn_count(imp.warnings, "brat", other_attributes, "attributes on relations skipped");
  warn_count(imp.warnings, "brat", norms, "normalizations (N) skipped");
  warn_count(imp.warnings, "brat", notes, "notes (#) skipped");
  warn_count(imp.warnings, "brat", merged, "touching fragments joined into one");
  warn_count(imp.warnings, "brat", rejoined, "fragments that goldspan's export cut at line breaks joined again");
  check_import(imp, schema);
  if (imp.errors_not_listed) imp.errors.push_back("... and " + std::to_string(imp.errors_not_listed) + " more errors");
  return imp;
}

}  // namespace goldspan
