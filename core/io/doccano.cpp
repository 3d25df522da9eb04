#include "io/doccano.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "io/json_read.hpp"
#include "io/plain_text.hpp"
#include "io/split.hpp"
#include "model/json_text.hpp"

namespace goldspan {

// [SECTION] Export
std::string write_doccano(const Corpus& c, Warnings& warnings, const DoccanoWriteOptions& opt) {
  const Schema& schema = c.schema();
  const bool utf16 = opt.offsets == DoccanoOffsets::Utf16;
  std::string out;
  size_t split = 0;
  for (size_t d = 0; d < c.document_count(); ++d) {
    const Document& doc = c.document(d);
    out += "{\"id\": ";
    append_json_string(out, doc.id());
    out += ", \"text\": ";
    append_json_string(out, doc.text());
    out += ", \"entities\": [";
    std::map<SpanId, size_t> first_entity;
    std::vector<RelationId> rels;
    size_t n = 0;
    for (SpanId id : export_detail::ordered_spans(c, d)) {
      const Span& s = c.span(id);
      split += s.fragments.size() > 1;
      for (const Range& f : s.fragments) {
        out += n ? ", {\"id\": " : "{\"id\": ";
        out += std::to_string(++n);
        if (&f == s.fragments.begin()) first_entity[id] = n;
        out += ", \"label\": ";
        append_json_string(out, c.type_of(s).name);
        const uint32_t start = utf16 ? doc.offsets().utf16_of_cp(f.start) : f.start;
        const uint32_t end = utf16 ? doc.offsets().utf16_of_cp(f.end) : f.end;
        out += ", \"start_offset\": " + std::to_string(start) + ", \"end_offset\": " + std::to_string(end) + "}";
      }
      for (RelationId r : c.relations_of(id))
        if (c.find_relation(r)->source == id) rels.push_back(r);
    }
    out += "], \"relations\": [";
    std::sort(rels.begin(), rels.end());
    for (size_t i = 0; i < rels.size(); ++i) {
      const Relation& r = *c.find_relation(rels[i]);
      out += i ? ", {\"id\": " : "{\"id\": ";
      out += std::to_string(i + 1) + ", \"from_id\": " + std::to_string(first_entity[r.source]) +
             ", \"to_id\": " + std::to_string(first_entity[r.target]) + ", \"type\": ";
      append_json_string(out, schema.relation_types()[r.type].name);
      out += "}";
    }
    out += "]}\n";
  }
  const auto n = export_detail::count(c);
  // The unit is said every time: doccano reads any integers, and a project that counts in
  // another unit shows every span after an astral character shifted, without an error.
  warnings.push_back(utf16 ? "doccano: offsets in UTF-16 code units (what doccano's annotation page counts without grapheme mode; "
                             "its backend and Python scripts count code points)"
                           : "doccano: offsets in code points (what doccano's backend stores; its annotation page counts UTF-16 "
                             "code units, or grapheme clusters in grapheme mode)");
  using export_detail::warn_count;
  warn_count(warnings, "doccano", split, "discontinuous spans written as one entity per fragment (relations use the first)");
  using namespace export_detail;
  warn_uncarried(warnings, "doccano", n, kAttributes | kClusters | kLinks | kStamps);
  return out;
}

// [SECTION] Import
GoldImport parse_doccano(std::string_view text, const std::string& file_name, const Schema& schema, Tokenizer& tok) {
  using json_read::Object;
  using nlohmann::json;
  GoldImport imp;
  imp.file_name = file_name;
  if (std::string e = size_error(text.size()); !e.empty()) {
    imp.add_error("", e);
    return imp;
  }
  static constexpr FieldNames kFields{".start_offset", ".end_offset", "", ".label", ""};
  std::map<std::string, size_t> doc_ids;
  std::set<std::string> ignored;
  for (Lines lines(text); lines.next();) {
    const std::string_view line = lines.line;
    const size_t line_no = lines.number;
    if (blank_line(line)) continue;
    const std::string where = "line " + std::to_string(line_no) + ":";
    json j;
    if (!json_read::parse(line, imp, j, where)) continue;
    Object o(j, where, imp);
    if (!o.ok()) continue;
    for (auto it = j.begin(); it != j.end(); ++it)
      if (it.key() != "id" && it.key() != "text" && it.key() != "entities" && it.key() != "relations" && it.key() != "label")
        ignored.insert(it.key());
    std::string id = document_id_from_path(file_name) + "-" + std::to_string(line_no);
    if (const json* v = o.get("id", false)) {
      if (v->is_string() && !v->get_ref<const std::string&>().empty()) id = v->get<std::string>();
      else if (v->is_number_integer()) id = v->dump();
      else imp.add_error(o.path("id"), "expected a non-empty string or an integer");
    }
    const auto body = o.string("text", true);
    if (!body) continue;
    if (!doc_ids.emplace(id, line_no).second) {
      imp.add_error(where, "duplicate document id '" + id + "' (also line " + std::to_string(doc_ids[id]) + ")");
      continue;
    }
    imp.documents.push_back(std::make_shared<const Document>(id, *body, tok));
    const size_t d = imp.documents.size() - 1;
    std::map<std::string, size_t> entity;  // doccano entity id -> import span
    auto add_span = [&](const std::string& sid, const std::string& label, uint32_t s, uint32_t en, const std::string& path) {
      ImportedSpan sp;
      sp.doc = d;
      sp.id = sid;
      sp.label = label;
      sp.fragments.push_back(Range{s, en});
      sp.path = path;
      sp.fields = &kFields;
      entity[sid] = imp.spans.size();
      imp.spans.push_back(std::move(sp));
    };
    if (const json* ents = o.array("entities", false)) {
      for (size_t i = 0; i < ents->size(); ++i) {
        Object eo((*ents)[i], json_read::item(o.path("entities"), i), imp);
        if (!eo.ok()) continue;
        const auto eid = eo.integer("id", true);
        const auto label = eo.string("label", true);
        const auto s = eo.offset("start_offset", true), en = eo.offset("end_offset", true);
        if (!eid || !label || !s || !en) continue;
        if (entity.count(std::to_string(*eid))) {
          imp.add_error(eo.path("id"), "duplicate entity id " + std::to_string(*eid));
          continue;
        }
        add_span(std::to_string(*eid), *label, *s, *en, eo.path());
      }
    } else if (const json* labels = o.get("label", false); labels && labels->is_array()) {
      for (size_t i = 0; i < labels->size(); ++i) {
        const json& l = (*labels)[i];
        const std::string path = json_read::item(o.path("label"), i);
        const bool ok = l.is_array() && l.size() == 3 && l[0].is_number_unsigned() && l[1].is_number_unsigned() && l[2].is_string() &&
                        l[0].get<uint64_t>() <= UINT32_MAX && l[1].get<uint64_t>() <= UINT32_MAX;
        if (!ok) {
          imp.add_error(path, "expected [start, end, \"LABEL\"]");
          continue;
        }
        add_span("label-" + std::to_string(i), l[2].get<std::string>(), l[0].get<uint32_t>(), l[1].get<uint32_t>(), path);
      }
    } else if (o.get("label", false)) {
      imp.add_error(o.path("label"), "expected a list of [start, end, \"LABEL\"] (text classification labels are not spans)");
    }
    if (const json* rels = o.array("relations", false)) {
      for (size_t i = 0; i < rels->size(); ++i) {
        Object ro((*rels)[i], json_read::item(o.path("relations"), i), imp);
        if (!ro.ok()) continue;
        // doccano's own relation example and import fixture give relations no id.
        const auto rid = ro.integer("id", false), from = ro.integer("from_id", true), to = ro.integer("to_id", true);
        const auto type = ro.string("type", true);
        if (!from || !to || !type) continue;
        auto f = entity.find(std::to_string(*from)), t = entity.find(std::to_string(*to));
        if (f == entity.end()) imp.add_error(ro.path("from_id"), "no entity " + std::to_string(*from));
        if (t == entity.end()) imp.add_error(ro.path("to_id"), "no entity " + std::to_string(*to));
        if (f == entity.end() || t == entity.end()) continue;
        ImportedRelation r;
        r.doc = d;
        r.id = rid ? std::to_string(*rid) : ro.path();
        r.type = *type;
        r.from = f->second;
        r.to = t->second;
        r.path = ro.path();
        imp.relations.push_back(std::move(r));
      }
    }
  }
  if (!ignored.empty()) {
    std::string keys;
    for (const std::string& k : ignored) keys += (keys.empty() ? "" : ", ") + k;
    imp.add_warning("", "ignored keys: " + keys);
  }
  if (imp.documents.empty() && imp.ok()) imp.add_error("", "no documents (expected one JSON object per line)");
  check_import(imp, schema);
  if (imp.errors_not_listed) imp.errors.push_back(file_name + ": ... and " + std::to_string(imp.errors_not_listed) + " more errors");
  return imp;
}

}  // namespace goldspan
