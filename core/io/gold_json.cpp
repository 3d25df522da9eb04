// The gold JSON format v1: writer and reader (docs/gold-json.md).
#include "io/gold_json.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "error.hpp"
#include "io/json_read.hpp"
#include "io/sha256.hpp"
#include "io/timestamp.hpp"
#include "model/json_text.hpp"

#ifndef GOLDSPAN_VERSION
#define GOLDSPAN_VERSION "0.0.0"
#endif

namespace goldspan {

const char* goldspan_version() noexcept { return GOLDSPAN_VERSION; }

// [SECTION] Writing
namespace {

// One JSON object on one line: {"a": 1, "b": "x"}.
class Line {
 public:
  explicit Line(std::string& out) : out_(out) { out_ += '{'; }
  Line& key(const char* k) {
    out_ += first_ ? "\"" : ", \"";
    first_ = false;
    out_ += k;
    out_ += "\": ";
    return *this;
  }
  Line& str(const char* k, std::string_view v) {
    key(k);
    append_json_string(out_, v);
    return *this;
  }
  Line& num(const char* k, uint64_t v) {
    key(k);
    out_ += std::to_string(v);
    return *this;
  }
  std::string& raw() { return out_; }
  void close() { out_ += '}'; }

 private:
  std::string& out_;
  bool first_ = true;
};

void append_ranges(std::string& out, const std::vector<Range>& rs) {
  out += '[';
  for (size_t i = 0; i < rs.size(); ++i) {
    out += i ? ", [" : "[";
    out += std::to_string(rs[i].start);
    out += ", ";
    out += std::to_string(rs[i].end);
    out += ']';
  }
  out += ']';
}

// Each line of `block` after the first indented by `indent` spaces.
std::string indent_lines(const std::string& block, size_t indent) {
  std::string out;
  out.reserve(block.size() + block.size() / 8);
  for (char c : block) {
    out += c;
    if (c == '\n') out.append(indent, ' ');
  }
  return out;
}

// Comma-separated items, one per line, inside a bracket already opened.
class List {
 public:
  List(std::string& out, size_t indent) : out_(out), indent_(indent) {}
  std::string& next() {
    out_ += first_ ? "\n" : ",\n";
    first_ = false;
    out_.append(indent_, ' ');
    return out_;
  }
  void close(char bracket) {
    if (!first_) {
      out_ += '\n';
      out_.append(indent_ - 2, ' ');
    }
    out_ += bracket;
  }

 private:
  std::string& out_;
  size_t indent_;
  bool first_ = true;
};

}  // namespace

std::string write_gold(const Corpus& c, const GoldWriteOptions& opt) {
  const Schema& schema = c.schema();
  std::string out;
  std::set<std::string> annotators;
  auto stamp = [&](Line& l, uint32_t annotator, int64_t created) {
    const std::string& who = c.annotator_name(annotator);
    annotators.insert(who);
    l.str("annotator", who).str("created", format_timestamp(created));
  };
  out += "{\n  \"format\": \"goldspan-gold\",\n  \"version\": 1,\n  \"offset_unit\": \"codepoint\",\n  \"schema\": ";
  out += indent_lines(schema.to_json().dump(2), 2);
  out += ",\n  \"documents\": [";
  List docs(out, 4);
  for (size_t d = 0; d < c.document_count(); ++d) {
    const Document& doc = c.document(d);
    std::string& o = docs.next();
    o += "{\n      \"id\": ";
    append_json_string(o, doc.id());
    o += ",\n      \"text\": ";
    append_json_string(o, doc.text());
    o += ",\n      \"sha256\": \"" + sha256_hex(doc.text()) + "\"";
    o += ",\n      \"spans\": [";
    std::vector<SpanId> ids = c.document_spans(d);
    std::sort(ids.begin(), ids.end(), [&](SpanId a, SpanId b) {
      const Range ea = c.span(a).fragments.extent(), eb = c.span(b).fragments.extent();
      return std::tie(ea.start, ea.end, a) < std::tie(eb.start, eb.end, b);
    });
    List spans(o, 8);
    std::vector<RelationId> rels;
    const std::vector<Token>& toks = doc.tokens();
    for (SpanId id : ids) {
      const Span& s = c.span(id);
      const SpanType& t = c.type_of(s);
      const Range e = s.fragments.extent();
      Line l(spans.next());
      l.str("id", format_id('s', id)).str("kind", to_string(t.kind)).str("label", t.name).num("start", e.start).num("end", e.end);
      if (opt.utf16_offsets) l.num("start_utf16", doc.offsets().utf16_of_cp(e.start)).num("end_utf16", doc.offsets().utf16_of_cp(e.end));
      l.str("text", doc.slice(e.start, e.end));
      if (s.fragments.size() > 1) {
        append_ranges(l.key("fragments").raw(), s.fragments.to_vector());
        if (opt.utf16_offsets) {
          std::vector<Range> u;
          for (const Range& f : s.fragments) u.push_back(Range{doc.offsets().utf16_of_cp(f.start), doc.offsets().utf16_of_cp(f.end)});
          append_ranges(l.key("fragments_utf16").raw(), u);
        }
      }
      // Tokens the span touches: from the first ending after its start to the last starting before its end.
      const size_t first = doc.token_at_or_after(e.start);
      const size_t after = size_t(std::lower_bound(toks.begin(), toks.end(), e.end, [](const Token& k, uint32_t v) { return k.start < v; }) - toks.begin());
      l.num("token_start", first).num("token_end", std::max(first, after));
      std::string& a = l.key("attributes").raw();
      a += '{';
      for (const AttributeValue& v : s.attributes) {
        if (&v != s.attributes.data()) a += ", ";
        append_json_string(a, t.attributes[v.attribute].name);
        a += ": ";
        append_json_string(a, t.attributes[v.attribute].values[v.value]);
      }
      a += '}';
      stamp(l, s.annotator, s.created);
      l.close();
      for (RelationId r : c.relations_of(id))
        if (c.find_relation(r)->source == id) rels.push_back(r);
    }
    spans.close(']');
    o += ",\n      \"relations\": [";
    std::sort(rels.begin(), rels.end());
    List relations(o, 8);
    for (RelationId id : rels) {
      const Relation& r = *c.find_relation(id);
      Line l(relations.next());
      l.str("id", format_id('r', id)).str("type", schema.relation_types()[r.type].name);
      l.str("from", format_id('s', r.source)).str("to", format_id('s', r.target));
      stamp(l, r.annotator, r.created);
      l.close();
    }
    relations.close(']');
    o += "\n    }";
  }
  docs.close(']');
  out += ",\n  \"clusters\": [";
  List clusters(out, 4);
  for (const auto& [id, cl] : c.clusters()) {
    Line l(clusters.next());
    l.str("id", format_id('c', id)).str("kind", to_string(cl.kind)).str("label", cl.name);
    std::vector<SpanId> members = cl.members;
    std::stable_sort(members.begin(), members.end(), [&](SpanId a, SpanId b) { return c.span(a).doc < c.span(b).doc; });
    std::string& m = l.key("members").raw();
    m += '[';
    for (size_t i = 0; i < members.size(); ++i) {
      m += i ? ", {\"doc\": " : "{\"doc\": ";
      append_json_string(m, c.document(c.span(members[i]).doc).id());
      m += ", \"span\": \"" + format_id('s', members[i]) + "\"}";
    }
    m += ']';
    stamp(l, cl.annotator, cl.created);
    l.close();
  }
  clusters.close(']');
  out += ",\n  \"cluster_links\": [";
  List links(out, 4);
  for (const auto& [id, lk] : c.links()) {
    Line l(links.next());
    l.str("id", format_id('l', id)).str("type", schema.link_types()[lk.type].name);
    for (const auto& [key, end] : {std::make_pair("from", lk.source), std::make_pair("to", lk.target)}) {
      if (end.kind == Ref::Cluster) {
        l.str(key, format_id('c', end.id));
      } else {
        std::string& r = l.key(key).raw();
        r += "{\"doc\": ";
        append_json_string(r, c.document(c.span(end.id).doc).id());
        r += ", \"span\": \"" + format_id('s', end.id) + "\"}";
      }
    }
    stamp(l, lk.annotator, lk.created);
    l.close();
  }
  links.close(']');
  out += ",\n  \"provenance\": ";
  Line p(out);
  p.str("tool", "goldspan").str("tool_version", opt.tool_version.empty() ? goldspan_version() : opt.tool_version);
  std::string& a = p.key("annotators").raw();
  a += '[';
  for (const std::string& who : annotators) {
    if (a.back() != '[') a += ", ";
    append_json_string(a, who);
  }
  a += ']';
  p.str("exported_at", opt.exported_at.empty() ? format_timestamp(now_ms()) : opt.exported_at);
  // Suggestions are not annotations: the file holds the accepted ones as spans and says how
  // many were neither accepted nor rejected.
  if (!c.suggestions().empty()) p.key("suggestions_left").raw() += std::to_string(c.suggestions().size());
  p.close();
  out += "\n}\n";
  return out;
}

// [SECTION] Reading
namespace {

using json = nlohmann::json;
using json_read::child;
using json_read::item;
using json_read::Object;

// The first place where two schema JSON trees differ, as "path: here X, expected Y".
std::string first_difference(const nlohmann::ordered_json& a, const nlohmann::ordered_json& b, const std::string& path) {
  if (a.type() != b.type()) return path + ": differs from the expected schema";
  if (a.is_object()) {
    for (auto it = b.begin(); it != b.end(); ++it)
      if (!a.contains(it.key())) return child(path, it.key()) + ": missing here, present in the expected schema";
    for (auto it = a.begin(); it != a.end(); ++it) {
      if (!b.contains(it.key())) return child(path, it.key()) + ": not in the expected schema";
      std::string d = first_difference(*it, b[it.key()], child(path, it.key()));
      if (!d.empty()) return d;
    }
    return {};
  }
  if (a.is_array()) {
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
      std::string d = first_difference(a[i], b[i], item(path, i));
      if (!d.empty()) return d;
    }
    if (a.size() != b.size())
      return path + ": " + std::to_string(a.size()) + " entries here, " + std::to_string(b.size()) + " in the expected schema";
    return {};
  }
  if (a != b) return path + ": " + a.dump() + " here, " + b.dump() + " in the expected schema";
  return {};
}

std::optional<SpanKind> kind_of(const std::string& k) {
  if (k == "entity") return SpanKind::Entity;
  if (k == "claim") return SpanKind::Claim;
  if (k == "cue") return SpanKind::Cue;
  return std::nullopt;
}

class GoldReader {
 public:
  GoldReader(GoldImport& imp, Tokenizer& tok) : imp_(imp), tok_(tok) {}

  void read(const json& root, const Schema* expected) {
    Object r(root, "", imp_);
    if (!r.ok()) return;
    r.only({"format", "version", "offset_unit", "schema", "documents", "clusters", "cluster_links", "provenance"});
    const auto format = r.string("format", true);
    if (format && *format != "goldspan-gold") imp_.add_error("format", "expected \"goldspan-gold\", not \"" + preview(*format) + "\"");
    const auto version = r.integer("version", true);
    if (version && *version != 1)
      imp_.add_error("version", "this build reads version 1, the file is version " + std::to_string(*version));
    const auto unit = r.string("offset_unit", true);
    if (unit && *unit != "codepoint") imp_.add_error("offset_unit", "expected \"codepoint\", not \"" + preview(*unit) + "\"");
    if (!format || !version || !imp_.ok()) return;  // not this format: the rest would only be noise

    read_schema(r, expected);
    if (const json* docs = r.array("documents", true))
      for (size_t i = 0; i < docs->size(); ++i) read_document((*docs)[i], item("documents", i));
    if (const json* cs = r.array("clusters", false))
      for (size_t i = 0; i < cs->size(); ++i) read_cluster((*cs)[i], item("clusters", i));
    if (const json* ls = r.array("cluster_links", false))
      for (size_t i = 0; i < ls->size(); ++i) read_link((*ls)[i], item("cluster_links", i));
    if (const json* p = r.get("provenance", false)) read_provenance(*p);
    if (token_mismatches_ > 5)
      imp_.add_warning("", "token_start/token_end differ from this tokenizer's on " + std::to_string(token_mismatches_) + " spans in all");
    if (imp_.schema) check_import(imp_, *imp_.schema);
  }

 private:
  ImportedStamp stamp(const Object& o) {
    ImportedStamp s;
    s.annotator = o.string("annotator", false);
    s.created = o.timestamp("created");
    return s;
  }

  void read_schema(const Object& r, const Schema* expected) {
    const json* sj = r.object("schema", true);
    if (!sj) {
      if (expected) imp_.schema = std::make_shared<const Schema>(*expected);
      return;
    }
    try {
      auto schema = std::make_shared<const Schema>(Schema::from_json(*sj));
      if (expected) {
        // Files written before schemas had a locale carry none: they match a schema that only
        // adds one (the tokens may then differ, which is a warning, as for any tokenizer change).
        auto want = expected->to_json();
        if (schema->locale().empty() && !expected->locale().empty()) want.erase("locale");
        const std::string diff = first_difference(schema->to_json(), want, "schema");
        if (!diff.empty()) imp_.add_error("", "the file's label schema is not the current one: " + diff);
        imp_.schema = std::make_shared<const Schema>(*expected);
      } else {
        imp_.schema = std::move(schema);
      }
    } catch (const Error& e) {
      const std::string msg = e.what();
      imp_.add_error(e.where() == "(root)" ? "schema" : child("schema", e.where()), msg.substr(std::min(msg.size(), e.where().size() + 2)));
      if (expected) imp_.schema = std::make_shared<const Schema>(*expected);
    }
  }

  void read_document(const json& j, const std::string& path) {
    Object o(j, path, imp_);
    if (!o.ok()) return;
    o.only({"id", "text", "sha256", "spans", "relations"});
    const auto id = o.string("id", true, true);
    const auto text = o.string("text", true);
    const auto hash = o.string("sha256", true);
    if (hash) {
      const bool hex = hash->size() == 64 && std::all_of(hash->begin(), hash->end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      });
      if (!hex) imp_.add_error(o.path("sha256"), "expected 64 lowercase hex digits");
      else if (text && *hash != sha256_hex(*text))
        imp_.add_error(o.path("sha256"), "does not match the text (its SHA-256 is " + sha256_hex(*text) + "): the text or the hash was changed");
    }
    if (!id || !text) return;
    if (!doc_index_.emplace(*id, imp_.documents.size()).second) {
      imp_.add_error(o.path("id"), "duplicate document id '" + *id + "'");
      return;
    }
    try {
      imp_.documents.push_back(std::make_shared<const Document>(*id, *text, tok_));
    } catch (const Error& e) {
      imp_.add_error(o.path("text"), e.what());
      doc_index_.erase(*id);
      return;
    }
    const size_t d = imp_.documents.size() - 1;
    if (const json* spans = o.array("spans", false))
      for (size_t i = 0; i < spans->size(); ++i) read_span((*spans)[i], item(o.path("spans"), i), d);
    if (const json* rels = o.array("relations", false))
      for (size_t i = 0; i < rels->size(); ++i) read_relation((*rels)[i], item(o.path("relations"), i), d);
  }

  void read_span(const json& j, const std::string& path, size_t d) {
    Object o(j, path, imp_);
    if (!o.ok()) return;
    o.only({"id", "kind", "label", "start", "end", "start_utf16", "end_utf16", "text", "fragments", "fragments_utf16",
            "token_start", "token_end", "attributes", "annotator", "created"});
    const Document& doc = *imp_.documents[d];
    ImportedSpan s;
    s.doc = d;
    s.path = path;
    const auto id = o.string("id", true, true);
    const auto kind = o.string("kind", true);
    const auto label = o.string("label", true);
    const auto start = o.offset("start", true), end = o.offset("end", true);
    const auto text = o.string("text", true);
    s.stamp = stamp(o);
    bool ok = id && kind && label && start && end && text;
    std::optional<SpanKind> k;
    if (kind && !(k = kind_of(*kind))) {
      imp_.add_error(o.path("kind"), "expected \"entity\", \"claim\" or \"cue\", not \"" + preview(*kind) + "\"");
      ok = false;
    }
    if (const json* frags = o.array("fragments", false)) {
      if (frags->size() < 2) {
        imp_.add_error(o.path("fragments"), "only for discontinuous spans (two fragments or more); give one range as start and end");
        ok = false;
      }
      for (size_t i = 0; i < frags->size(); ++i) {
        if (auto r = json_read::range((*frags)[i], item(o.path("fragments"), i), imp_)) s.fragments.push_back(*r);
        else ok = false;
      }
      if (ok && (s.fragments.front().start != *start || s.fragments.back().end != *end)) {
        imp_.add_error(o.path("fragments"), "must run from start to end (" + range_text(Range{*start, *end}) + ")");
        ok = false;
      }
    } else if (start && end) {
      s.fragments.push_back(Range{*start, *end});
    }
    if (const json* attrs = o.object("attributes", false)) {
      for (auto it = attrs->begin(); it != attrs->end(); ++it) {
        if (!it->is_string()) {
          imp_.add_error(o.path("attributes") + "." + it.key(), "expected a string value");
          ok = false;
          continue;
        }
        s.attributes.emplace_back(it.key(), it->get<std::string>());
      }
    }
    const auto token_start = o.offset("token_start", false), token_end = o.offset("token_end", false);
    const auto start16 = o.offset("start_utf16", false), end16 = o.offset("end_utf16", false);
    const json* frags16 = o.array("fragments_utf16", false);
    if (id && !span_ids_.insert({d, *id}).second) {
      imp_.add_error(o.path("id"), "duplicate span id '" + *id + "' in document '" + doc.id() + "'");
      return;
    }
    if (!ok) return;
    s.id = *id;
    s.label = *label;
    // The offsets themselves are checked by check_import; here what the file says about them.
    if (*start < *end && *end <= doc.length()) {
      const std::string_view actual = doc.slice(*start, *end);
      if (actual != *text)
        imp_.add_error(o.path("text"), "\"" + preview(*text) + "\" is not the text at " + range_text(Range{*start, *end}) +
                                           ", which is \"" + preview(actual) + "\"");
      const auto& map = doc.offsets();
      if (start16 && *start16 != map.utf16_of_cp(*start))
        imp_.add_error(o.path("start_utf16"), "is " + std::to_string(*start16) + ", but code point " + std::to_string(*start) +
                                                  " is UTF-16 offset " + std::to_string(map.utf16_of_cp(*start)));
      if (end16 && *end16 != map.utf16_of_cp(*end))
        imp_.add_error(o.path("end_utf16"), "is " + std::to_string(*end16) + ", but code point " + std::to_string(*end) +
                                                " is UTF-16 offset " + std::to_string(map.utf16_of_cp(*end)));
      if (frags16) check_fragments_utf16(*frags16, o.path("fragments_utf16"), s.fragments, doc);
      if (token_start || token_end) check_tokens(o, doc, *start, *end, token_start, token_end);
    }
    if (imp_.schema) {
      const int t = imp_.schema->span_type(*label);
      if (t >= 0 && imp_.schema->span_types()[size_t(t)].kind != *k)
        imp_.add_error(o.path("kind"), "is " + *kind + ", but " + *label + " is a " + to_string(imp_.schema->span_types()[size_t(t)].kind) +
                                           " type in the schema");
    }
    span_index_[{d, s.id}] = imp_.spans.size();
    imp_.spans.push_back(std::move(s));
  }

  void check_fragments_utf16(const json& j, const std::string& path, const std::vector<Range>& frags, const Document& doc) {
    if (j.size() != frags.size()) {
      imp_.add_error(path, "has " + std::to_string(j.size()) + " ranges, fragments has " + std::to_string(frags.size()));
      return;
    }
    for (size_t i = 0; i < frags.size(); ++i) {
      const auto r = json_read::range(j[i], item(path, i), imp_);
      if (!r || frags[i].end > doc.length() || frags[i].start > frags[i].end) continue;
      const Range want{doc.offsets().utf16_of_cp(frags[i].start), doc.offsets().utf16_of_cp(frags[i].end)};
      if (!(*r == want)) imp_.add_error(item(path, i), "is " + range_text(*r) + ", but the fragment is " + range_text(want) + " in UTF-16");
    }
  }

  // Token indices are derived data: a different tokenizer (ICU version, locale) numbers tokens
  // differently without the annotation being wrong, so a mismatch is a warning.
  void check_tokens(const Object& o, const Document& doc, uint32_t start, uint32_t end, std::optional<uint32_t> ts,
                    std::optional<uint32_t> te) {
    const auto& toks = doc.tokens();
    const size_t first = doc.token_at_or_after(start);
    const size_t after = std::max(first, size_t(std::lower_bound(toks.begin(), toks.end(), end, [](const Token& k, uint32_t v) {
                                                 return k.start < v;
                                               }) - toks.begin()));
    if ((ts && *ts != first) || (te && *te != after)) {
      if (++token_mismatches_ <= 5)
        imp_.add_warning(o.path(), "token_start/token_end " + (ts ? std::to_string(*ts) : "-") + ".." + (te ? std::to_string(*te) : "-") +
                                       " differ from this tokenizer's " + std::to_string(first) + ".." + std::to_string(after) +
                                       " (tokens are recomputed on export)");
    }
  }

  // A span by document index and id; reports at `path` when there is none.
  std::optional<size_t> find_span(size_t d, const std::string& id, const std::string& path) {
    auto it = span_index_.find({d, id});
    if (it != span_index_.end()) return it->second;
    if (span_ids_.count({d, id})) return std::nullopt;  // the span was malformed and reported already
    imp_.add_error(path, "no span '" + id + "' in document '" + imp_.documents[d]->id() + "'");
    return std::nullopt;
  }

  // {"doc": "...", "span": "..."}
  std::optional<size_t> read_member(const json& j, const std::string& path) {
    Object o(j, path, imp_);
    if (!o.ok()) return std::nullopt;
    o.only({"doc", "span"});
    const auto doc = o.string("doc", true), span = o.string("span", true);
    if (!doc || !span) return std::nullopt;
    auto d = doc_index_.find(*doc);
    if (d == doc_index_.end()) {
      imp_.add_error(o.path("doc"), "no document '" + *doc + "'");
      return std::nullopt;
    }
    return find_span(d->second, *span, o.path("span"));
  }

  void read_relation(const json& j, const std::string& path, size_t d) {
    Object o(j, path, imp_);
    if (!o.ok()) return;
    o.only({"id", "type", "from", "to", "annotator", "created"});
    ImportedRelation r;
    r.doc = d;
    r.path = path;
    const auto id = o.string("id", true, true), type = o.string("type", true);
    const auto from = o.string("from", true), to = o.string("to", true);
    r.stamp = stamp(o);
    const auto f = from ? find_span(d, *from, o.path("from")) : std::nullopt;
    const auto t = to ? find_span(d, *to, o.path("to")) : std::nullopt;
    if (!id || !type || !f || !t) return;
    r.id = *id;
    r.type = *type;
    r.from = *f;
    r.to = *t;
    imp_.relations.push_back(std::move(r));
  }

  void read_cluster(const json& j, const std::string& path) {
    Object o(j, path, imp_);
    if (!o.ok()) return;
    o.only({"id", "kind", "label", "members", "annotator", "created"});
    ImportedCluster c;
    c.path = path;
    const auto id = o.string("id", true, true), kind = o.string("kind", true), label = o.string("label", true);
    c.stamp = stamp(o);
    bool ok = id && kind && label;
    if (kind) {
      if (*kind == "entity") c.kind = SpanKind::Entity;
      else if (*kind == "claim") c.kind = SpanKind::Claim;
      else {
        imp_.add_error(o.path("kind"), "expected \"entity\" or \"claim\", not \"" + preview(*kind) + "\"");
        ok = false;
      }
    }
    if (const json* members = o.array("members", true)) {
      for (size_t i = 0; i < members->size(); ++i) {
        if (auto m = read_member((*members)[i], item(o.path("members"), i))) c.members.push_back(*m);
        else ok = false;
      }
    } else {
      ok = false;
    }
    if (id && !cluster_ids_.insert(*id).second) {
      imp_.add_error(o.path("id"), "duplicate cluster id '" + *id + "'");
      return;
    }
    if (!ok) return;
    c.id = *id;
    c.name = *label;
    cluster_index_.emplace(c.id, imp_.clusters.size());
    imp_.clusters.push_back(std::move(c));
  }

  std::optional<ImportedRef> read_end(const Object& o, const char* key) {
    const json* v = o.get(key, true);
    if (!v) return std::nullopt;
    if (v->is_string()) {
      const std::string& id = v->get_ref<const std::string&>();
      auto it = cluster_index_.find(id);
      if (it != cluster_index_.end()) return ImportedRef{true, it->second};
      if (!cluster_ids_.count(id)) imp_.add_error(o.path(key), "no cluster '" + id + "'");
      return std::nullopt;
    }
    if (v->is_object()) {
      if (auto m = read_member(*v, o.path(key))) return ImportedRef{false, *m};
      return std::nullopt;
    }
    imp_.add_error(o.path(key), "expected a cluster id or {\"doc\": ..., \"span\": ...}");
    return std::nullopt;
  }

  void read_link(const json& j, const std::string& path) {
    Object o(j, path, imp_);
    if (!o.ok()) return;
    o.only({"id", "type", "from", "to", "annotator", "created"});
    ImportedLink l;
    l.path = path;
    const auto id = o.string("id", false, true), type = o.string("type", true);
    const auto from = read_end(o, "from"), to = read_end(o, "to");
    l.stamp = stamp(o);
    if (!type || !from || !to) return;
    l.id = id.value_or("");
    l.type = *type;
    l.from = *from;
    l.to = *to;
    imp_.links.push_back(std::move(l));
  }

  void read_provenance(const json& j) {
    Object o(j, "provenance", imp_);
    if (!o.ok()) return;
    o.only({"tool", "tool_version", "annotators", "exported_at", "suggestions_left"});
    if (auto n = o.integer("suggestions_left", false); n && *n < 0) imp_.add_error(o.path("suggestions_left"), "expected a count (0 or more)");
    o.string("tool", false);
    o.string("tool_version", false);
    o.timestamp("exported_at");
    if (const json* a = o.array("annotators", false))
      for (size_t i = 0; i < a->size(); ++i)
        if (!(*a)[i].is_string()) imp_.add_error(item(o.path("annotators"), i), "expected a string");
  }

  GoldImport& imp_;
  Tokenizer& tok_;
  std::map<std::string, size_t> doc_index_, cluster_index_;
  std::set<std::pair<size_t, std::string>> span_ids_;  // every id seen, sound or not
  std::map<std::pair<size_t, std::string>, size_t> span_index_;
  std::set<std::string> cluster_ids_;  // every id seen, sound or not
  size_t token_mismatches_ = 0;
};

}  // namespace

GoldImport parse_gold(std::string_view text, const std::string& file_name, const Schema* expected, Tokenizer& tokenizer) {
  GoldImport imp;
  imp.file_name = file_name;
  json root;
  if (!json_read::parse(text, imp, root)) return imp;
  GoldReader(imp, tokenizer).read(root, expected);
  if (imp.errors_not_listed) imp.errors.push_back(file_name + ": ... and " + std::to_string(imp.errors_not_listed) + " more errors");
  return imp;
}

}  // namespace goldspan
