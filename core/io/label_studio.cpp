#include "io/label_studio.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "io/json_read.hpp"

namespace goldspan {

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

// [SECTION] Export
std::string write_label_studio(const Corpus& c, Warnings& warnings) {
  const Schema& schema = c.schema();
  ojson tasks = ojson::array();
  size_t split = 0;
  for (size_t d = 0; d < c.document_count(); ++d) {
    const Document& doc = c.document(d);
    ojson result = ojson::array();
    std::vector<RelationId> rels;
    for (SpanId id : export_detail::ordered_spans(c, d)) {
      const Span& s = c.span(id);
      const SpanType& t = c.type_of(s);
      split += s.fragments.size() > 1;
      for (size_t k = 0; k < s.fragments.size(); ++k) {
        const Range f = s.fragments[k];
        const std::string rid = format_id('s', id) + (k ? "." + std::to_string(k + 1) : "");
        ojson value = {{"start", f.start}, {"end", f.end}, {"text", std::string(doc.slice(f.start, f.end))}};
        ojson region = {{"id", rid}, {"from_name", "label"}, {"to_name", "text"}, {"type", "labels"}, {"value", value}};
        region["value"]["labels"] = ojson::array({t.name});
        result.push_back(std::move(region));
        if (k == 0)
          for (const AttributeValue& a : s.attributes) {
            ojson choice = {{"id", rid}, {"from_name", t.attributes[a.attribute].name}, {"to_name", "text"}, {"type", "choices"}, {"value", value}};
            choice["value"]["choices"] = ojson::array({t.attributes[a.attribute].values[a.value]});
            result.push_back(std::move(choice));
          }
      }
      for (RelationId r : c.relations_of(id))
        if (c.find_relation(r)->source == id) rels.push_back(r);
    }
    std::sort(rels.begin(), rels.end());
    for (RelationId id : rels) {
      const Relation& r = *c.find_relation(id);
      result.push_back({{"from_id", format_id('s', r.source)}, {"to_id", format_id('s', r.target)}, {"type", "relation"},
                        {"direction", "right"}, {"labels", ojson::array({schema.relation_types()[r.type].name})}});
    }
    ojson task = {{"id", d + 1}, {"data", {{"text", std::string(doc.text())}, {"doc_id", doc.id()}}}};
    task["annotations"] = ojson::array({ojson{{"result", std::move(result)}}});
    tasks.push_back(std::move(task));
  }
  const auto n = export_detail::count(c);
  using export_detail::warn_count;
  warn_count(warnings, "Label Studio", split, "discontinuous spans written as one region per fragment (relations and attributes on the first)");
  export_detail::warn_uncarried(warnings, "Label Studio", n,
                                export_detail::kClusters | export_detail::kLinks | export_detail::kStamps);
  return tasks.dump(1) + "\n";
}

std::string label_studio_config(const Schema& schema) {
  auto attr = [](const std::string& s) {
    std::string o;
    for (char ch : s) {
      if (ch == '&') o += "&amp;";
      else if (ch == '<') o += "&lt;";
      else if (ch == '"') o += "&quot;";
      else o += ch;
    }
    return o;
  };
  auto color = [](uint32_t c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%06x", c & 0xFFFFFF);
    return std::string(buf);
  };
  std::string x = "<View>\n  <Labels name=\"label\" toName=\"text\">\n";
  for (const SpanType& t : schema.span_types()) x += "    <Label value=\"" + attr(t.name) + "\" background=\"" + color(t.color) + "\"/>\n";
  x += "  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n";
  if (!schema.relation_types().empty()) {
    x += "  <Relations>\n";
    for (const RelationType& r : schema.relation_types()) x += "    <Relation value=\"" + attr(r.name) + "\"/>\n";
    x += "  </Relations>\n";
  }
  for (const SpanType& t : schema.span_types())
    for (const AttributeDef& a : t.attributes) {
      x += "  <Choices name=\"" + attr(a.name) + "\" toName=\"text\" perRegion=\"true\" whenTagName=\"label\" whenLabelValue=\"" +
           attr(t.name) + "\">\n";
      for (const std::string& v : a.values) x += "    <Choice value=\"" + attr(v) + "\"/>\n";
      x += "  </Choices>\n";
    }
  return x + "</View>\n";
}

// [SECTION] Import
namespace {

using json_read::Object;

class TaskReader {
 public:
  TaskReader(GoldImport& imp, Tokenizer& tok, const LabelStudioReadOptions& opt) : imp_(imp), tok_(tok), opt_(opt) {}

  void read(const json& task, const std::string& path, size_t n) {
    Object o(task, path, imp_);
    if (!o.ok()) return;
    const json* data = o.object("data", true);
    if (!data) return;
    Object dobj(*data, o.path("data"), imp_);
    const auto text = dobj.string("text", true);
    if (!text) return;
    std::string id = "task-" + std::to_string(n + 1);
    if (const json* v = data->contains("doc_id") ? &(*data)["doc_id"] : nullptr; v && v->is_string() && !v->get_ref<const std::string&>().empty())
      id = v->get<std::string>();
    else if (const json* t = o.get("id", false); t && (t->is_number_integer() || t->is_string()))
      id = t->is_string() ? t->get<std::string>() : t->dump();
    if (!doc_ids_.insert(id).second) {
      imp_.add_error(path, "duplicate document id '" + id + "'");
      return;
    }
    imp_.documents.push_back(std::make_shared<const Document>(id, *text, tok_));
    const size_t d = imp_.documents.size() - 1;
    const char* source = opt_.predictions ? "predictions" : "annotations";
    const json* list = o.array(source, false);
    if (!list || list->empty()) {
      if (!opt_.predictions && o.array("predictions", false) && !(*o.array("predictions", false)).empty())
        imp_.add_warning(path, "has predictions but no annotations: read them with the predictions option");
      return;
    }
    size_t chosen = SIZE_MAX;
    for (size_t i = 0; i < list->size(); ++i) {
      const json& a = (*list)[i];
      // value() would throw on a non-boolean; anything but true counts as not cancelled.
      if (a.is_object() && a.contains("was_cancelled") && a["was_cancelled"] == true) continue;
      chosen = i;
      break;
    }
    if (chosen == SIZE_MAX) return;
    if (list->size() > 1)
      imp_.add_warning(path, "reads " + std::string(source) + "[" + std::to_string(chosen) + "], " + std::to_string(list->size() - 1) +
                                 " other " + source + " of this task ignored");
    const std::string apath = json_read::item(o.path(source), chosen);
    Object a((*list)[chosen], apath, imp_);
    const json* result = a.array("result", true);
    if (!result) return;
    read_results(*result, a.path("result"), d);
  }

 private:
  // Label Studio's frontend writes a selection's line breaks into value.text as backslash + n
  // (each \n and each \r on its own), so a region over a line break quotes it that way.
  static bool same_text(std::string_view quoted, std::string_view slice) {
    if (quoted == slice) return true;
    std::string escaped;
    for (char ch : slice) {
      if (ch == '\n' || ch == '\r') escaped += "\\n";
      else escaped += ch;
    }
    return quoted == escaped;
  }

  void read_results(const json& result, const std::string& path, size_t d) {
    const Document& doc = *imp_.documents[d];
    std::map<std::string, size_t> region;  // result id -> import span
    struct Later {
      const json* j;
      std::string path;
    };
    std::vector<Later> relations, choices;
    for (size_t i = 0; i < result.size(); ++i) {
      const std::string rp = json_read::item(path, i);
      Object r(result[i], rp, imp_);
      if (!r.ok()) continue;
      const auto type = r.string("type", true);
      if (!type) continue;
      if (*type == "relation") {
        relations.push_back({&result[i], rp});
        continue;
      }
      if (*type == "choices") {
        choices.push_back({&result[i], rp});
        continue;
      }
      if (*type != "labels") {
        ++skipped_[*type];
        continue;
      }
      const auto id = r.string("id", true, true);
      const json* value = r.object("value", true);
      if (!id || !value) continue;
      Object v(*value, r.path("value"), imp_);
      const auto s = v.offset("start", true), e = v.offset("end", true);
      const json* labels = v.array("labels", true);
      if (!s || !e || !labels) continue;
      // Offsets out of range are check_import's to report; only a quote of real text is compared.
      if (const auto text = v.string("text", false); text && *s <= *e && *e <= doc.length() && !same_text(*text, doc.slice(*s, *e)))
        imp_.add_error(v.path("text"), "\"" + preview(*text) + "\" is not the text at " + range_text(Range{*s, *e}) +
                                           " (code points), which is \"" + preview(doc.slice(*s, *e)) + "\"");
      if (labels->empty()) imp_.add_error(v.path("labels"), "a region needs a label");
      if (labels->size() > 1) imp_.add_warning(v.path("labels"), "several labels: one span per label");
      for (size_t k = 0; k < labels->size(); ++k) {
        if (!(*labels)[k].is_string()) {
          imp_.add_error(json_read::item(v.path("labels"), k), "expected a string");
          continue;
        }
        ImportedSpan sp;
        sp.doc = d;
        sp.id = k ? *id + "/" + std::to_string(k + 1) : *id;
        sp.label = (*labels)[k].get<std::string>();
        sp.fragments.push_back(Range{*s, *e});
        sp.path = rp;
        sp.fields = &kFields;
        if (region.count(sp.id)) {
          imp_.add_error(r.path("id"), "duplicate region id '" + sp.id + "'");
          continue;
        }
        region[sp.id] = imp_.spans.size();
        imp_.spans.push_back(std::move(sp));
      }
    }
    for (const Later& l : choices) {
      Object r(*l.j, l.path, imp_);
      const auto id = r.string("id", false);
      const auto name = r.string("from_name", true);
      const json* value = r.object("value", true);
      if (!name || !value) continue;
      auto it = id ? region.find(*id) : region.end();
      if (it == region.end()) {
        ++skipped_["choices without a region"];
        continue;
      }
      Object v(*value, r.path("value"), imp_);
      const json* ch = v.array("choices", true);
      if (!ch) continue;
      if (ch->size() != 1 || !(*ch)[0].is_string()) {
        imp_.add_error(v.path("choices"), "expected exactly one choice (a goldspan attribute has one value)");
        continue;
      }
      imp_.spans[it->second].attributes.emplace_back(*name, (*ch)[0].get<std::string>());
    }
    for (const Later& l : relations) {
      Object r(*l.j, l.path, imp_);
      const auto from = r.string("from_id", true), to = r.string("to_id", true);
      const json* labels = r.array("labels", false);
      const auto direction = r.string("direction", false);
      if (!from || !to) continue;
      auto f = region.find(*from), t = region.find(*to);
      if (f == region.end()) imp_.add_error(r.path("from_id"), "no labelled region '" + *from + "'");
      if (t == region.end()) imp_.add_error(r.path("to_id"), "no labelled region '" + *to + "'");
      if (!labels || labels->size() != 1 || !(*labels)[0].is_string()) {
        imp_.add_error(r.path("labels"), "expected one relation label (the schema's relation type)");
        continue;
      }
      if (f == region.end() || t == region.end()) continue;
      if (direction && *direction == "left") std::swap(f, t);
      else if (direction && *direction == "bi") imp_.add_warning(l.path, "a bidirectional relation is read as from -> to");
      ImportedRelation rel;
      rel.doc = d;
      rel.id = l.path;
      rel.type = (*labels)[0].get<std::string>();
      rel.from = f->second;
      rel.to = t->second;
      rel.path = l.path;
      imp_.relations.push_back(std::move(rel));
    }
  }

 public:
  void finish() {
    for (const auto& [type, n] : skipped_) imp_.add_warning("", std::to_string(n) + " results of type " + type + " skipped");
  }

 private:
  static constexpr FieldNames kFields{".value.start", ".value.end", "", ".value.labels", ""};
  GoldImport& imp_;
  Tokenizer& tok_;
  const LabelStudioReadOptions& opt_;
  std::set<std::string> doc_ids_;
  std::map<std::string, size_t> skipped_;
};

}  // namespace

GoldImport parse_label_studio(std::string_view text, const std::string& file_name, const Schema& schema, Tokenizer& tok,
                              const LabelStudioReadOptions& opt) {
  GoldImport imp;
  imp.file_name = file_name;
  json root;
  if (!json_read::parse(text, imp, root)) return imp;
  TaskReader reader(imp, tok, opt);
  if (root.is_array()) {
    for (size_t i = 0; i < root.size(); ++i) reader.read(root[i], json_read::item("", i), i);
  } else {
    reader.read(root, "", 0);
  }
  reader.finish();
  if (imp.documents.empty() && imp.ok()) imp.add_error("", "no tasks");
  check_import(imp, schema);
  if (imp.errors_not_listed) imp.errors.push_back(file_name + ": ... and " + std::to_string(imp.errors_not_listed) + " more errors");
  return imp;
}

}  // namespace goldspan
