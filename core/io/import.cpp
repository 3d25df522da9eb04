// Shared checks of imported annotations and how an import is applied (see import.hpp).
#include "io/import.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "error.hpp"
#include "model/commands.hpp"
#include "text/utf8.hpp"

namespace goldspan {

// [SECTION] Messages
namespace {
// "file: path: reason"; a path ending in ':' ("line 3:") takes no second colon.
std::string message(const std::string& file, const std::string& path, const std::string& reason) {
  std::string m = file;
  if (!path.empty()) m += (m.empty() ? "" : ": ") + path;
  if (m.empty()) return reason;
  return m + (m.back() == ':' ? " " : ": ") + reason;
}
}  // namespace

void GoldImport::add_error(const std::string& path, const std::string& reason) {
  if (errors.size() >= kMaxErrors) {
    ++errors_not_listed;
    return;
  }
  errors.push_back(message(file_name, path, reason));
}

void GoldImport::add_warning(const std::string& path, const std::string& reason) {
  warnings.push_back(message(file_name, path, reason));
}

std::string range_text(Range r) { return "[" + std::to_string(r.start) + ", " + std::to_string(r.end) + ")"; }

std::string preview(std::string_view s, size_t max) {
  size_t i = 0, n = 0;
  while (i < s.size() && n < max) {
    i += size_t(utf8::seq_len(static_cast<unsigned char>(s[i])));
    ++n;
  }
  std::string out(s.substr(0, std::min(i, s.size())));
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return i < s.size() ? out + "\xE2\x80\xA6" : out;
}

std::string line_col(std::string_view text, size_t byte) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

std::string size_error(size_t size) {
  if (size <= kMaxImportBytes) return {};
  char buf[96];
  std::snprintf(buf, sizeof buf, "the file is %.1f MiB, more than the %zu MiB an import may have", double(size) / (1 << 20),
                kMaxImportBytes >> 20);
  return buf;
}

// [SECTION] Overlap and nesting rules
namespace {

// A fragment for the rule sweep. `owner` is the span (import index, or a corpus span id
// offset by kExisting); fragments of one owner never conflict.
struct RuleFragment {
  uint32_t start, end;
  uint16_t type;
  uint64_t owner;
};
constexpr uint64_t kExisting = uint64_t(1) << 40;

// Calls report(a, b, nested) for each pair of fragments, of different owners and of the same
// kind, that the schema's rules forbid; the same test as Corpus::check_overlap. One sweep per
// document over fragments sorted by start, keeping those still open.
template <class F>
void for_each_rule_conflict(std::vector<RuleFragment>& frags, const Schema& schema, F&& report) {
  std::sort(frags.begin(), frags.end(), [](const RuleFragment& a, const RuleFragment& b) {
    return std::tie(a.start, a.end, a.owner) < std::tie(b.start, b.end, b.owner);
  });
  const auto& types = schema.span_types();
  std::vector<const RuleFragment*> open;
  for (const RuleFragment& f : frags) {
    open.erase(std::remove_if(open.begin(), open.end(), [&](const RuleFragment* a) { return a->end <= f.start; }), open.end());
    const SpanType& t = types[f.type];
    for (const RuleFragment* a : open) {
      const SpanType& o = types[a->type];
      if (a->owner == f.owner || o.kind != t.kind) continue;
      const bool nested = nested_ranges(f.start, f.end, a->start, a->end);
      if (!may_share(t, o, nested)) report(*a, f, nested);
    }
    open.push_back(&f);
  }
}

std::string rule_message(const Schema& schema, const RuleFragment& a, const RuleFragment& b, bool nested) {
  const SpanType& ta = schema.span_types()[a.type];
  const SpanType& tb = schema.span_types()[b.type];
  const SpanType& rule = (nested ? ta.allow_nesting : ta.allow_overlap) ? tb : ta;
  return range_text(Range{b.start, b.end}) + (nested ? " nests with " : " crosses ") + range_text(Range{a.start, a.end}) +
         " (" + ta.name + "), and " + rule.name + (nested ? " spans may not nest" : " spans may not overlap");
}

}  // namespace

// [SECTION] Shared checks
void check_import(GoldImport& imp, const Schema& schema) {
  if (!imp.schema) imp.schema = std::make_shared<const Schema>(schema);
  const auto& types = schema.span_types();
  std::vector<int> span_type(imp.spans.size(), -1);  // -1: unknown label or unusable span

  // Spans: ids, label, fragments, attributes.
  std::map<std::pair<size_t, std::string>, size_t> span_ids;
  for (size_t i = 0; i < imp.spans.size(); ++i) {
    const ImportedSpan& s = imp.spans[i];
    const FieldNames& fn = *s.fields;
    if (!span_ids.emplace(std::make_pair(s.doc, s.id), i).second)
      imp.add_error(s.path, "duplicate span id '" + s.id + "' (also " + imp.spans[span_ids[{s.doc, s.id}]].path + ")");
    const int t = schema.span_type(s.label);
    if (t < 0) imp.add_error(s.path + fn.label, "unknown label '" + s.label + "' (not in the schema)");
    const Document& doc = *imp.documents[s.doc];
    bool sound = !s.fragments.empty();
    if (!sound) imp.add_error(s.path, "a span needs at least one fragment");
    for (size_t k = 0; k < s.fragments.size(); ++k) {
      const Range f = s.fragments[k];
      const bool single = s.fragments.size() == 1;
      const std::string fpath = single ? s.path : s.path + fn.fragments + "[" + std::to_string(k) + "]";
      if (f.start >= f.end) {
        imp.add_error(fpath + (single ? fn.end : ""), range_text(f) + " is empty or reversed (start must be < end)");
        sound = false;
        continue;
      }
      if (f.end > doc.length()) {
        imp.add_error(fpath + (single ? fn.end : ""), std::to_string(f.end) + " is past the end of the text (" +
                                                           std::to_string(doc.length()) + " code points)");
        sound = false;
        continue;
      }
      if (k > 0 && s.fragments[k - 1].end >= f.start) {
        imp.add_error(fpath, range_text(f) + (s.fragments[k - 1].end == f.start ? " touches " : " overlaps or precedes ") +
                                 range_text(s.fragments[k - 1]) + " (fragments must be sorted and apart; join touching ones)");
        sound = false;
      }
      for (const auto& [edge, field] : {std::make_pair(f.start, fn.start), std::make_pair(f.end, fn.end)}) {
        if (!doc.is_grapheme_boundary(edge)) {
          imp.add_error(fpath + (single ? field : ""), "offset " + std::to_string(edge) + " is inside a grapheme cluster");
          sound = false;
        }
      }
    }
    if (t >= 0) {
      const SpanType& type = types[size_t(t)];
      std::set<std::string> seen;
      for (const auto& [name, value] : s.attributes) {
        const std::string apath = s.path + fn.attributes + (*fn.attributes ? "." + name : "");
        const int a = type.attribute(name);
        if (!seen.insert(name).second) imp.add_error(apath, "attribute '" + name + "' given twice");
        if (a < 0) {
          imp.add_error(apath, type.name + " has no attribute '" + name + "'");
        } else if (type.attributes[size_t(a)].value(value) < 0) {
          std::string allowed;
          for (const std::string& v : type.attributes[size_t(a)].values) allowed += (allowed.empty() ? "" : ", ") + v;
          imp.add_error(apath, "'" + value + "' is not a value of " + name + " (" + allowed + ")");
        }
      }
      if (sound) span_type[i] = t;
    }
  }

  // Overlap and nesting rules, per document, between the spans that are sound.
  std::vector<std::vector<RuleFragment>> per_doc(imp.documents.size());
  for (size_t i = 0; i < imp.spans.size(); ++i) {
    if (span_type[i] < 0 || schema.permissive(types[size_t(span_type[i])].kind)) continue;
    for (const Range& f : imp.spans[i].fragments)
      per_doc[imp.spans[i].doc].push_back(RuleFragment{f.start, f.end, uint16_t(span_type[i]), i});
  }
  for (auto& frags : per_doc) {
    for_each_rule_conflict(frags, schema, [&](const RuleFragment& a, const RuleFragment& b, bool nested) {
      imp.add_error(imp.spans[b.owner].path, rule_message(schema, a, b, nested) + " (the other span is " +
                                                 imp.spans[a.owner].path + ")");
    });
  }

  // Relations.
  std::map<std::pair<size_t, std::string>, size_t> relation_ids;
  std::set<std::tuple<int, size_t, size_t>> relation_keys;
  for (size_t i = 0; i < imp.relations.size(); ++i) {
    const ImportedRelation& r = imp.relations[i];
    if (!relation_ids.emplace(std::make_pair(r.doc, r.id), i).second)
      imp.add_error(r.path, "duplicate relation id '" + r.id + "'");
    const int rt = schema.relation_type(r.type);
    if (rt < 0) {
      imp.add_error(r.path + ".type", "unknown relation type '" + r.type + "' (not in the schema)");
      continue;
    }
    if (r.from == r.to) {
      imp.add_error(r.path, "a relation needs two different spans");
      continue;
    }
    const int st = schema.span_type(imp.spans[r.from].label), tt = schema.span_type(imp.spans[r.to].label);
    if (st >= 0 && tt >= 0 && !schema.relation_types()[size_t(rt)].allows(uint16_t(st), uint16_t(tt)))
      imp.add_error(r.path, r.type + " does not allow " + types[size_t(st)].name + " -> " + types[size_t(tt)].name);
    if (!relation_keys.emplace(rt, r.from, r.to).second) imp.add_error(r.path, "the same relation is given twice");
  }

  // Clusters.
  std::map<std::string, size_t> cluster_ids;
  std::unordered_map<size_t, size_t> cluster_of;
  for (size_t i = 0; i < imp.clusters.size(); ++i) {
    const ImportedCluster& c = imp.clusters[i];
    if (!cluster_ids.emplace(c.id, i).second) imp.add_error(c.path, "duplicate cluster id '" + c.id + "'");
    if (c.kind == SpanKind::Cue) imp.add_error(c.path + ".kind", "clusters group entities or claims, not cues");
    for (size_t m = 0; m < c.members.size(); ++m) {
      const std::string mpath = c.path + ".members[" + std::to_string(m) + "]";
      const ImportedSpan& s = imp.spans[c.members[m]];
      const int t = schema.span_type(s.label);
      if (t >= 0 && types[size_t(t)].kind != c.kind)
        imp.add_error(mpath, s.path + " is " + to_string(types[size_t(t)].kind) + ", the cluster groups " + to_string(c.kind) + " spans");
      auto [it, fresh] = cluster_of.emplace(c.members[m], i);
      if (!fresh) imp.add_error(mpath, s.path + " is already a member of " + imp.clusters[it->second].path + " (a span is in one cluster at most)");
    }
  }

  // Claim links.
  std::map<std::string, size_t> link_ids;
  std::set<std::tuple<int, bool, size_t, bool, size_t>> link_keys;
  for (size_t i = 0; i < imp.links.size(); ++i) {
    const ImportedLink& l = imp.links[i];
    if (!l.id.empty() && !link_ids.emplace(l.id, i).second) imp.add_error(l.path, "duplicate cluster link id '" + l.id + "'");
    const int lt = schema.link_type(l.type);
    if (lt < 0) imp.add_error(l.path + ".type", "unknown link type '" + l.type + "' (not in the schema)");
    for (const auto& [end, field] : {std::make_pair(l.from, ".from"), std::make_pair(l.to, ".to")}) {
      if (end.cluster) {
        if (imp.clusters[end.index].kind != SpanKind::Claim)
          imp.add_error(l.path + field, imp.clusters[end.index].path + " is not a claim cluster");
      } else {
        const int t = schema.span_type(imp.spans[end.index].label);
        if (t >= 0 && types[size_t(t)].kind != SpanKind::Claim)
          imp.add_error(l.path + field, imp.spans[end.index].path + " is not a claim span");
      }
    }
    if (l.from.cluster == l.to.cluster && l.from.index == l.to.index) imp.add_error(l.path, "a link needs two different ends");
    if (lt >= 0 && !link_keys.emplace(lt, l.from.cluster, l.from.index, l.to.cluster, l.to.index).second)
      imp.add_error(l.path, "the same link is given twice");
  }
}

// [SECTION] Applying
namespace {

// Numeric part of a model id ("s12" -> 12), or a value after all of them for other ids, so
// that applying in this order gives a fresh corpus the file's own ids.
uint64_t id_order(char prefix, const std::string& id) {
  const uint32_t n = parse_id(prefix, id);
  return n ? n : uint64_t(UINT32_MAX) + 1;
}

template <class T>
std::vector<size_t> apply_order(const std::vector<T>& records, char prefix) {
  std::vector<std::pair<uint64_t, size_t>> keyed;
  keyed.reserve(records.size());
  for (size_t i = 0; i < records.size(); ++i) keyed.emplace_back(id_order(prefix, records[i].id), i);
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<size_t> out;
  out.reserve(keyed.size());
  for (const auto& k : keyed) out.push_back(k.second);
  return out;
}

// Runs a command with the record's stamp; what the record lacks comes from the history.
template <class C, class... Args>
C& run_stamped(History& h, const ImportedStamp& stamp, Args&&... args) {
  auto cmd = std::make_unique<C>(std::forward<Args>(args)...);
  if (stamp.created) {
    cmd->set_stamp(Stamp{stamp.annotator ? *stamp.annotator : h.annotator(), *stamp.created});
    return static_cast<C&>(h.execute(std::move(cmd)));
  }
  if (!stamp.annotator) return static_cast<C&>(h.execute(std::move(cmd)));
  // An annotator without a time: the history stamps it with its clock under that name.
  const std::string saved = h.annotator();
  h.set_annotator(*stamp.annotator);
  try {
    C& done = static_cast<C&>(h.execute(std::move(cmd)));
    h.set_annotator(saved);
    return done;
  } catch (...) {
    h.set_annotator(saved);
    throw;
  }
}

// The corpus document of each import document; throws when one is missing or differs.
std::vector<size_t> corpus_documents(const Corpus& corpus, const GoldImport& imp, bool allow_missing) {
  std::vector<size_t> out;
  for (const auto& d : imp.documents) {
    const ptrdiff_t at = corpus.find_document(d->id());
    if (at < 0) {
      if (!allow_missing) throw Error(d->id(), "the document is not in the corpus (add the import's documents first)");
      out.push_back(SIZE_MAX);
      continue;
    }
    if (corpus.document(size_t(at)).text() != d->text())
      throw Error(d->id(), "a document with this id is already in the corpus with a different text");
    out.push_back(size_t(at));
  }
  return out;
}

// Throws unless the import can be applied: no errors, the same schema, and no overlap rule
// broken against spans already in the corpus.
void check_fits(const Corpus& corpus, const GoldImport& imp, const std::vector<size_t>& docs) {
  if (!imp.ok()) throw Error(imp.file_name, "the import has " + std::to_string(imp.errors.size() + imp.errors_not_listed) + " errors");
  const Schema& schema = corpus.schema();
  if (imp.schema && imp.schema.get() != &schema && imp.schema->to_json() != schema.to_json())
    throw Error(imp.file_name, "the import was checked against another schema than the corpus has");
  for (size_t d = 0; d < docs.size(); ++d) {
    if (docs[d] == SIZE_MAX || corpus.document_spans(docs[d]).empty()) continue;
    std::vector<RuleFragment> frags;
    bool any = false;
    for (size_t i = 0; i < imp.spans.size(); ++i) {
      if (imp.spans[i].doc != d) continue;
      const int t = schema.span_type(imp.spans[i].label);
      if (schema.permissive(schema.span_types()[size_t(t)].kind)) continue;
      for (const Range& f : imp.spans[i].fragments) frags.push_back(RuleFragment{f.start, f.end, uint16_t(t), i});
      any = true;
    }
    if (!any) continue;
    for (SpanId id : corpus.document_spans(docs[d])) {
      const Span& s = corpus.span(id);
      for (const Range& f : s.fragments) frags.push_back(RuleFragment{f.start, f.end, s.type, kExisting + id});
    }
    for_each_rule_conflict(frags, schema, [&](const RuleFragment& a, const RuleFragment& b, bool nested) {
      if ((a.owner >= kExisting) == (b.owner >= kExisting)) return;  // import vs import was checked by the parse
      const RuleFragment& mine = a.owner >= kExisting ? b : a;
      const RuleFragment& theirs = a.owner >= kExisting ? a : b;
      throw Error(imp.spans[mine.owner].path, rule_message(schema, theirs, mine, nested) + " with " +
                                                  format_id('s', uint32_t(theirs.owner - kExisting)) + " already in " +
                                                  imp.documents[d]->id());
    });
  }
}

}  // namespace

size_t add_documents(Corpus& corpus, const GoldImport& imp) {
  const std::vector<size_t> at = corpus_documents(corpus, imp, true);
  size_t added = 0;
  for (size_t d = 0; d < at.size(); ++d) {
    if (at[d] != SIZE_MAX) continue;
    corpus.add_document(imp.documents[d]);
    ++added;
  }
  return added;
}

AppliedIds apply_annotations(History& history, const GoldImport& imp, const std::string& label) {
  Corpus& corpus = history.corpus();
  const std::vector<size_t> docs = corpus_documents(corpus, imp, false);
  check_fits(corpus, imp, docs);
  AppliedIds ids;
  ids.spans.assign(imp.spans.size(), 0);
  ids.relations.assign(imp.relations.size(), 0);
  ids.clusters.assign(imp.clusters.size(), 0);
  ids.links.assign(imp.links.size(), 0);
  if (imp.spans.empty() && imp.clusters.empty()) return ids;  // nothing to do: no empty undo step
  history.begin_group(label);
  try {
    for (size_t i : apply_order(imp.spans, 's')) {
      const ImportedSpan& s = imp.spans[i];
      const std::string& doc = corpus.document(docs[s.doc]).id();
      ids.spans[i] = run_stamped<AddSpan>(history, s.stamp, doc, s.label, s.fragments, EdgeMode::Character).id();
      for (const auto& [name, value] : s.attributes)
        run_stamped<SetAttribute>(history, s.stamp, ids.spans[i], name, std::optional<std::string>(value));
    }
    for (size_t i : apply_order(imp.relations, 'r')) {
      const ImportedRelation& r = imp.relations[i];
      ids.relations[i] = run_stamped<AddRelation>(history, r.stamp, r.type, ids.spans[r.from], ids.spans[r.to]).id();
    }
    for (size_t i : apply_order(imp.clusters, 'c')) {
      const ImportedCluster& c = imp.clusters[i];
      ids.clusters[i] = run_stamped<CreateCluster>(history, c.stamp, c.kind, c.name).id();
      std::vector<SpanId> members;
      for (size_t m : c.members) members.push_back(ids.spans[m]);
      std::sort(members.begin(), members.end());  // the model keeps members ascending
      for (SpanId m : members) run_stamped<AddMember>(history, c.stamp, ids.clusters[i], m);
    }
    for (size_t i : apply_order(imp.links, 'l')) {
      const ImportedLink& l = imp.links[i];
      auto ref = [&](const ImportedRef& e) {
        return e.cluster ? Ref{Ref::Cluster, ids.clusters[e.index]} : Ref{Ref::Span, ids.spans[e.index]};
      };
      ids.links[i] = run_stamped<AddLink>(history, l.stamp, l.type, ref(l.from), ref(l.to)).id();
    }
  } catch (...) {
    history.cancel_group();
    throw;
  }
  history.end_group();
  return ids;
}

AppliedIds apply_gold(Corpus& corpus, History& history, const GoldImport& imp) {
  if (&history.corpus() != &corpus) throw Error("apply_gold", "the history runs on another corpus");
  const std::vector<size_t> docs = corpus_documents(corpus, imp, true);
  check_fits(corpus, imp, docs);
  add_documents(corpus, imp);
  return apply_annotations(history, imp);
}

}  // namespace goldspan
