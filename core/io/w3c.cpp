#include "io/w3c.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "io/timestamp.hpp"

namespace goldspan {

namespace {

using ojson = nlohmann::ordered_json;

std::string percent_encode(const std::string& s) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : s) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
      out += char(ch);
    } else {
      out += '%';
      out += hex[ch >> 4];
      out += hex[ch & 15];
    }
  }
  return out;
}

std::string iri(const char* kind, const std::string& id) { return std::string("urn:goldspan:") + kind + ":" + id; }

ojson body(const char* purpose, const std::string& value) {
  return {{"type", "TextualBody"}, {"purpose", purpose}, {"value", value}, {"format", "text/plain"}};
}

// The other end of a relation or link. With motivation "linking" the body is the resource the
// target is linked to (Web Annotation Data Model, 3.3.5 Motivation and Purpose), so the target
// is the from end and this body the to end: direction kept without a List.
ojson linked(const std::string& to) { return {{"type", "SpecificResource"}, {"source", to}, {"purpose", "linking"}}; }

void stamp(ojson& a, const Corpus& c, uint32_t annotator, int64_t created) {
  a["creator"] = {{"type", "Person"}, {"name", c.annotator_name(annotator)}};
  a["created"] = format_timestamp(created);
}

}  // namespace

std::string write_w3c(const Corpus& c, Warnings& warnings) {
  const Schema& schema = c.schema();
  ojson items = ojson::array();
  auto ref = [&](Ref r) { return r.kind == Ref::Span ? iri("span", to_string(r)) : iri("cluster", to_string(r)); };
  std::vector<RelationId> rels;
  for (size_t d = 0; d < c.document_count(); ++d) {
    const Document& doc = c.document(d);
    const std::string source = iri("doc", percent_encode(doc.id()));
    for (SpanId id : export_detail::ordered_spans(c, d)) {
      const Span& s = c.span(id);
      const SpanType& t = c.type_of(s);
      ojson a = {{"id", iri("span", format_id('s', id))}, {"type", "Annotation"}, {"motivation", "tagging"}};
      ojson bodies = ojson::array({body("tagging", t.name)});
      for (const AttributeValue& v : s.attributes)
        bodies.push_back(body("classifying", t.attributes[v.attribute].name + "=" + t.attributes[v.attribute].values[v.value]));
      a["body"] = std::move(bodies);
      ojson targets = ojson::array();
      for (const Range& f : s.fragments) {
        const uint32_t pre = f.start >= 32 ? f.start - 32 : 0, post = std::min(doc.length(), f.end + 32);
        targets.push_back({{"type", "SpecificResource"},
                           {"source", source},
                           {"selector",
                            ojson::array({ojson{{"type", "TextPositionSelector"}, {"start", f.start}, {"end", f.end}},
                                          ojson{{"type", "TextQuoteSelector"},
                                                {"exact", std::string(doc.slice(f.start, f.end))},
                                                {"prefix", std::string(doc.slice(pre, f.start))},
                                                {"suffix", std::string(doc.slice(f.end, post))}}})}});
      }
      // One SpecificResource per fragment, each a target of its own: the Recommendation has no
      // List (List, Composite and Independents were dropped from the final model).
      a["target"] = targets.size() == 1 ? std::move(targets[0]) : std::move(targets);
      stamp(a, c, s.annotator, s.created);
      items.push_back(std::move(a));
      for (RelationId r : c.relations_of(id))
        if (c.find_relation(r)->source == id) rels.push_back(r);
    }
  }
  std::sort(rels.begin(), rels.end());
  for (RelationId id : rels) {
    const Relation& r = *c.find_relation(id);
    ojson a = {{"id", iri("relation", format_id('r', id))}, {"type", "Annotation"}, {"motivation", "linking"},
               {"body", ojson::array({body("tagging", schema.relation_types()[r.type].name), linked(iri("span", format_id('s', r.target)))})},
               {"target", iri("span", format_id('s', r.source))}};
    stamp(a, c, r.annotator, r.created);
    items.push_back(std::move(a));
  }
  for (const auto& [id, cl] : c.clusters()) {
    ojson a = {{"id", iri("cluster", format_id('c', id))}, {"type", "Annotation"}, {"motivation", "identifying"},
               {"body", ojson::array({body("identifying", cl.name), body("classifying", to_string(cl.kind))})}};
    ojson targets = ojson::array();
    for (SpanId m : cl.members) targets.push_back(iri("span", format_id('s', m)));
    // An Annotation needs a target: a cluster without members names the collection instead.
    if (targets.empty()) targets.push_back("urn:goldspan:collection");
    a["target"] = std::move(targets);
    stamp(a, c, cl.annotator, cl.created);
    items.push_back(std::move(a));
  }
  for (const auto& [id, l] : c.links()) {
    ojson a = {{"id", iri("link", format_id('l', id))}, {"type", "Annotation"}, {"motivation", "linking"},
               {"body", ojson::array({body("tagging", schema.link_types()[l.type].name), linked(ref(l.target))})},
               {"target", ref(l.source)}};
    stamp(a, c, l.annotator, l.created);
    items.push_back(std::move(a));
  }
  ojson collection = {{"@context", "http://www.w3.org/ns/anno.jsonld"},
                      {"id", "urn:goldspan:collection"},
                      {"type", "AnnotationCollection"},
                      {"label", schema.name().empty() ? "goldspan annotations" : schema.name()},
                      {"total", items.size()}};
  // An embedded page still needs its own id (the model: an AnnotationPage MUST have an IRI).
  collection["first"] = {{"id", "urn:goldspan:collection:page:0"}, {"type", "AnnotationPage"}, {"partOf", "urn:goldspan:collection"},
                         {"startIndex", 0}, {"items", std::move(items)}};
  if (c.document_count()) warnings.push_back("W3C: document texts are not included (targets name urn:goldspan:doc:<id>; the TextQuoteSelector repeats each span's text); token indices not carried");
  return collection.dump(1) + "\n";
}

}  // namespace goldspan
