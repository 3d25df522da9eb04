// W3C Web Annotation import (see w3c.hpp for what is read and how texts are found).
//
// [SECTION] Helpers: IRIs, JSON-LD value forms
// [SECTION] Anchoring: selectors to a code point range
// [SECTION] Reader: annotations to spans, relations, clusters, links
//   [SECTION] Spans / Texts / Selectors / Relations, clusters, links
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "io/json_read.hpp"
#include "io/timestamp.hpp"
#include "io/w3c.hpp"

namespace goldspan {

namespace {

using json = nlohmann::json;

// [SECTION] Helpers: IRIs, JSON-LD value forms

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += char(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string base_name(const std::string& s) {
  const size_t slash = s.find_last_of('/');
  return slash == std::string::npos ? s : s.substr(slash + 1);
}

std::string stem(const std::string& s) {
  const size_t dot = s.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? s : s.substr(0, dot);
}

constexpr std::string_view kDocUrn = "urn:goldspan:doc:";
// The target goldspan writes for a cluster without members (an Annotation needs a target).
constexpr std::string_view kCollection = "urn:goldspan:collection";

// A JSON-LD value that may be one item or an array of them, as an array.
std::vector<const json*> items_of(const json& j) {
  std::vector<const json*> out;
  if (j.is_array())
    for (const json& x : j) out.push_back(&x);
  else if (!j.is_null())
    out.push_back(&j);
  return out;
}

// "type" holds `t` (a string, or an array of strings).
bool has_type(const json& o, std::string_view t) {
  if (!o.is_object()) return false;
  const auto it = o.find("type");
  if (it == o.end()) return false;
  for (const json* x : items_of(*it))
    if (x->is_string() && x->get_ref<const std::string&>() == t) return true;
  return false;
}

std::string string_field(const json& o, const char* key) {
  if (!o.is_object()) return {};
  const auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// An IRI given as a string or as an object with "id" (an External Web Resource).
std::string iri_of(const json& j) { return j.is_string() ? j.get<std::string>() : string_field(j, "id"); }

// The model's own ids for records goldspan wrote ("urn:goldspan:span:s12" -> "s12"), so that
// an import applies them in the file's order and a fresh corpus gets the same ids.
std::string own_id(const std::string& iri, const char* kind) {
  const std::string prefix = std::string("urn:goldspan:") + kind + ":";
  return iri.rfind(prefix, 0) == 0 ? iri.substr(prefix.size()) : iri;
}

// [SECTION] Anchoring: selectors to a code point range

// Byte offsets of every occurrence of `exact` in `text`.
std::vector<size_t> occurrences(std::string_view text, const std::string& exact) {
  std::vector<size_t> out;
  for (size_t at = text.find(exact); at != std::string_view::npos; at = text.find(exact, at + 1)) out.push_back(at);
  return out;
}

// Those of `all` (occurrences of `exact`) whose `prefix` ends right before and `suffix` starts
// right after them (empty ones always match).
std::vector<size_t> in_context(std::string_view text, const std::vector<size_t>& all, const std::string& exact,
                               const std::string& prefix, const std::string& suffix) {
  std::vector<size_t> out;
  for (size_t at : all) {
    if (at < prefix.size() || text.compare(at - prefix.size(), prefix.size(), prefix) != 0) continue;
    if (text.compare(at + exact.size(), suffix.size(), suffix) != 0) continue;
    out.push_back(at);
  }
  return out;
}

// RFC 5147 "char=a,b" (a FragmentSelector on text/plain), as a range; nullopt otherwise.
std::optional<Range> rfc5147(const std::string& v) {
  if (v.rfind("char=", 0) != 0) return std::nullopt;
  const size_t comma = v.find(',', 5);
  if (comma == std::string::npos) return std::nullopt;
  auto num = [](std::string_view s) -> std::optional<uint32_t> {
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    return uint32_t(std::stoul(std::string(s)));
  };
  const std::string_view rest(v);
  const auto a = num(rest.substr(5, comma - 5));
  const size_t end_of_b = v.find_first_of(";&", comma + 1);
  const auto b = num(rest.substr(comma + 1, end_of_b == std::string::npos ? std::string::npos : end_of_b - comma - 1));
  if (!a || !b) return std::nullopt;
  return Range{*a, *b};
}

// [SECTION] Reader: annotations to spans, relations, clusters, links

struct Annotation {
  const json* j;
  std::string path;   // "first.items[3]"
  std::string id;     // "" when it has none
  std::string where;  // path and id, for messages
};

class Reader {
 public:
  Reader(GoldImport& imp, const std::vector<std::shared_ptr<const Document>>& texts, const Schema& schema, Tokenizer& tok)
      : imp_(imp), texts_(texts), schema_(schema), tok_(tok) {}

  // Collects the annotations of every supported container, with their paths.
  void collect(const json& root) {
    if (root.is_array()) {
      for (size_t i = 0; i < root.size(); ++i) add(root[i], json_read::item("", i));
    } else if (root.is_object() && root.contains("@graph") && root["@graph"].is_array()) {
      const json& g = root["@graph"];
      for (size_t i = 0; i < g.size(); ++i) add(g[i], json_read::item("@graph", i));
    } else if (has_type(root, "AnnotationCollection")) {
      const auto first = root.find("first");
      if (first == root.end()) {
        const auto total = root.find("total");
        if (total != root.end() && !(total->is_number_integer() && total->get<int64_t>() == 0))
          imp_.add_error("", "the collection has no first page");
        return;
      }
      page(*first, "first");
    } else if (has_type(root, "AnnotationPage")) {
      page(root, "");
    } else if (root.is_object()) {
      add(root, "");
    } else {
      imp_.add_error("", "expected a W3C AnnotationCollection, AnnotationPage, Annotation or an array of Annotations");
    }
  }

  void read() {
    for (size_t i = 0; i < annos_.size(); ++i)
      if (!annos_[i].id.empty() && !by_id_.emplace(annos_[i].id, i).second)
        imp_.add_error(annos_[i].where, "duplicate annotation id (also " + annos_[by_id_[annos_[i].id]].path + ")");
    // Spans first, clusters next: relations and links refer to both.
    std::vector<size_t> refs;
    for (size_t i = 0; i < annos_.size(); ++i) {
      if (selects_text(*annos_[i].j)) read_span(annos_[i], i);
      else if (on_annotations(annos_[i])) refs.push_back(i);
    }
    std::vector<size_t> links;
    for (size_t i : refs) {
      if (motivated(*annos_[i].j, "identifying")) read_cluster(annos_[i], i);
      else links.push_back(i);
    }
    for (size_t i : links) read_link(annos_[i]);
    for (const auto& [what, n] : skipped_) imp_.add_warning("", std::to_string(n) + " " + what + " not read");
  }

  std::vector<size_t> used() const {
    std::vector<size_t> out;
    for (const auto& [text, doc] : text_doc_) out.push_back(text);
    return out;
  }

 private:
  // A page and the pages after it (next), each embedded.
  void page(const json& first, std::string path) {
    for (const json* p = &first; p; path = json_read::child(path, "next")) {
      if (p->is_string()) {
        imp_.add_error(path, "the page '" + p->get<std::string>() + "' is not embedded (goldspan reads files, it fetches nothing)");
        return;
      }
      const auto items = p->is_object() ? p->find("items") : p->end();
      if (!p->is_object() || items == p->end() || !items->is_array()) {
        imp_.add_error(path, "expected an AnnotationPage with an items array");
        return;
      }
      for (size_t i = 0; i < items->size(); ++i) add((*items)[i], json_read::item(json_read::child(path, "items"), i));
      const auto next = p->find("next");
      p = next == p->end() ? nullptr : &*next;
    }
  }

  void add(const json& a, const std::string& path) {
    Annotation an{&a, path, iri_of(a), path};
    if (!an.id.empty()) an.where += (path.empty() ? "" : " ") + std::string("(") + an.id + ")";
    if (an.where.empty()) an.where = "annotation";
    if (!a.is_object()) {
      imp_.add_error(an.where, "expected an Annotation object");
      return;
    }
    if (!has_type(a, "Annotation")) {
      imp_.add_error(an.where, "type is not \"Annotation\"");
      return;
    }
    if (!a.contains("target") || items_of(a["target"]).empty()) {
      imp_.add_error(an.where, "target: missing (an Annotation has at least one)");
      return;
    }
    annos_.push_back(std::move(an));
  }

  // Targets that all name annotations of the file; else an error: it selects no text either.
  bool on_annotations(const Annotation& an) {
    for (const json* t : items_of((*an.j)["target"])) {
      const std::string iri = iri_of(*t);
      if (by_id_.count(iri) || (iri == kCollection && motivated(*an.j, "identifying"))) continue;
      imp_.add_error(an.where + ": target", (iri.empty() ? std::string("a target") : "'" + iri + "'") +
                                                " selects no text and names no annotation of this file (goldspan reads text spans, and annotations on them)");
      return false;
    }
    return true;
  }

  static bool motivated(const json& a, std::string_view m) {
    const auto it = a.find("motivation");
    if (it == a.end()) return false;
    for (const json* x : items_of(*it))
      if (x->is_string() && x->get_ref<const std::string&>() == m) return true;
    return false;
  }

  // An annotation on text: a target with a selector (or an IRI with a #char= fragment).
  static bool selects_text(const json& a) {
    for (const json* t : items_of(a["target"]))
      if ((t->is_object() && t->contains("selector")) || (t->is_string() && t->get_ref<const std::string&>().find("#char=") != std::string::npos))
        return true;
    return false;
  }

  // [SECTION] Spans
  void read_span(const Annotation& an, size_t index) {
    const json& a = *an.j;
    const std::vector<const json*> targets = items_of(a["target"]);
    std::vector<Range> fragments;
    std::optional<size_t> doc;
    std::string doc_source;
    bool sound = true;
    for (size_t k = 0; k < targets.size(); ++k) {
      const std::string tpath = an.where + ": " + (targets.size() > 1 || a["target"].is_array() ? json_read::item("target", k) : "target");
      std::string source;
      std::vector<const json*> selectors;
      const json& t = *targets[k];
      json fragment_selector;
      if (t.is_string()) {  // "http://example.org/doc.txt#char=10,20"
        const std::string& s = t.get_ref<const std::string&>();
        const size_t hash = s.find("#char=");
        if (hash == std::string::npos) {
          imp_.add_error(tpath, "'" + s + "' selects no text (a span's targets all select text)");
          sound = false;
          continue;
        }
        source = s.substr(0, hash);
        fragment_selector = {{"type", "FragmentSelector"}, {"value", s.substr(hash + 1)}};
        selectors.push_back(&fragment_selector);
      } else {
        if (!t.is_object() || !t.contains("selector")) {
          imp_.add_error(tpath, "has no selector (a span's targets all select text)");
          sound = false;
          continue;
        }
        source = t.contains("source") ? iri_of(t["source"]) : std::string();
        if (source.empty()) {
          imp_.add_error(tpath + ".source", "missing (a SpecificResource names its source)");
          sound = false;
          continue;
        }
        selectors = items_of(t["selector"]);
      }
      const std::optional<size_t> d = document(source, tpath + ".source");
      if (!d) {
        sound = false;
        continue;
      }
      if (doc && *d != *doc) {
        imp_.add_error(tpath + ".source", "'" + source + "' is another document than '" + doc_source +
                                              "' (the targets of one span select one text)");
        sound = false;
        continue;
      }
      doc = d;
      doc_source = source;
      const std::optional<Range> r = anchor(selectors, *imp_.documents[*d], tpath);
      if (!r) {
        sound = false;
        continue;
      }
      fragments.push_back(*r);
    }
    if (!sound || !doc) return;
    // JSON-LD does not order targets: the offsets do.
    std::sort(fragments.begin(), fragments.end(), [](Range x, Range y) { return x.start < y.start || (x.start == y.start && x.end < y.end); });

    std::vector<std::string> labels, unknown;
    std::vector<std::pair<std::string, std::string>> attributes;
    read_bodies(an, labels, unknown, attributes);
    if (labels.empty()) {
      std::string found;
      for (const std::string& u : unknown) found += (found.empty() ? "" : ", ") + ("'" + u + "'");
      imp_.add_error(an.where + ": body", found.empty() ? "no tagging or classifying TextualBody gives the span's label"
                                                        : "no label of the schema among the tags (" + found + ")");
      return;
    }
    for (const std::string& u : unknown)
      imp_.add_warning(an.where + ": body", "tag '" + u + "' is not a label of the schema: not read");
    if (labels.size() > 1) imp_.add_warning(an.where + ": body", std::to_string(labels.size()) + " labels: one span per label");
    const std::string id = an.id.empty() ? "#" + std::to_string(index) : own_id(an.id, "span");
    const ImportedStamp stamp = stamp_of(an);
    span_of_[index] = imp_.spans.size();
    for (size_t k = 0; k < labels.size(); ++k) {
      ImportedSpan s;
      s.doc = *doc;
      s.id = k ? id + "/" + std::to_string(k + 1) : id;
      s.label = labels[k];
      s.fragments = fragments;
      s.attributes = attributes;
      s.stamp = stamp;
      s.path = an.where;
      s.fields = &kFields;
      imp_.spans.push_back(std::move(s));
    }
  }

  // The purpose of a body: its own, else (the model, 3.3.5) the annotation's motivation.
  static std::string purpose_of(const json& body, const json& a) {
    if (body.is_object() && body.contains("purpose") && body["purpose"].is_string()) return body["purpose"].get<std::string>();
    const auto m = a.find("motivation");
    return m != a.end() && m->is_string() ? m->get<std::string>() : std::string();
  }

  void read_bodies(const Annotation& an, std::vector<std::string>& labels, std::vector<std::string>& unknown,
                   std::vector<std::pair<std::string, std::string>>& attributes) {
    const json& a = *an.j;
    std::vector<json> bodies;
    if (a.contains("body"))
      for (const json* b : items_of(a["body"])) bodies.push_back(*b);
    if (a.contains("bodyValue") && a["bodyValue"].is_string())
      bodies.push_back({{"type", "TextualBody"}, {"value", a["bodyValue"]}});
    for (const json& b : bodies) {
      const std::string purpose = purpose_of(b, a);
      const bool textual = b.is_object() && (has_type(b, "TextualBody") || (!b.contains("type") && b.contains("value")));
      if (!textual || !b.contains("value") || !b["value"].is_string() || (purpose != "tagging" && purpose != "classifying")) {
        ++skipped_[std::string(textual ? "TextualBody" : "other") + " bodies" + (purpose.empty() ? "" : " (purpose " + purpose + ")")];
        continue;
      }
      const std::string value = b["value"].get<std::string>();
      const size_t eq = value.find('=');
      if (schema_.span_type(value) >= 0) labels.push_back(value);
      else if (purpose == "classifying" && eq != std::string::npos && eq > 0) attributes.emplace_back(value.substr(0, eq), value.substr(eq + 1));
      else unknown.push_back(value);
    }
  }

  // [SECTION] Texts
  // The import document for a source IRI, made from the matching text on first use.
  std::optional<size_t> document(const std::string& source, const std::string& path) {
    if (const auto it = doc_of_.find(source); it != doc_of_.end()) return it->second;
    std::string id;
    std::vector<size_t> match;
    auto find = [&](auto&& pred) {
      match.clear();
      for (size_t i = 0; i < texts_.size(); ++i)
        if (pred(*texts_[i])) match.push_back(i);
      return !match.empty();
    };
    std::string segment = source;
    if (source.rfind(kDocUrn, 0) == 0) {
      id = percent_decode(std::string_view(source).substr(kDocUrn.size()));
      segment = id;
    } else {
      segment = segment.substr(0, segment.find_first_of("#?"));
      segment = percent_decode(base_name(segment));
    }
    const bool found = find([&](const Document& d) { return d.id() == (id.empty() ? source : id); }) ||
                       (!segment.empty() && find([&](const Document& d) { return base_name(d.id()) == segment; })) ||
                       (!segment.empty() && find([&](const Document& d) { return stem(base_name(d.id())) == stem(segment); }));
    if (!found) {
      imp_.add_error(path, "no text for '" + source + "' (open or drop the text with the W3C file: a file named '" +
                               (segment.empty() ? source : segment) + "', with or without an extension)");
      return std::nullopt;
    }
    if (match.size() > 1) {
      imp_.add_error(path, "'" + source + "' matches " + std::to_string(match.size()) + " texts (" + texts_[match[0]]->id() +
                               ", " + texts_[match[1]]->id() + "): give one");
      return std::nullopt;
    }
    const size_t t = match[0];
    if (const auto it = text_doc_.find(t); it != text_doc_.end()) {
      imp_.add_error(path, "'" + source + "' and '" + it->second.second + "' both name the text " + texts_[t]->id());
      return std::nullopt;
    }
    const std::shared_ptr<const Document>& text = texts_[t];
    if (id.empty() || id == text->id()) imp_.documents.push_back(text);
    else imp_.documents.push_back(std::make_shared<const Document>(id, std::string(text->text()), tok_));
    const size_t d = imp_.documents.size() - 1;
    doc_of_[source] = d;
    text_doc_[t] = {d, source};
    return d;
  }

  // [SECTION] Selectors
  std::optional<Range> anchor(const std::vector<const json*>& selectors, const Document& doc, const std::string& tpath) {
    std::optional<Range> pos;
    const json* quote = nullptr;
    std::string pos_path, quote_path;
    std::vector<std::string> others;
    bool bad = false;
    for (size_t i = 0; i < selectors.size(); ++i) {
      const json& s = *selectors[i];
      const std::string spath = tpath + (selectors.size() > 1 ? ".selector[" + std::to_string(i) + "]" : ".selector");
      if (!s.is_object()) {
        imp_.add_error(spath, "expected a selector object");
        bad = true;
        continue;
      }
      const std::string type = string_field(s, "type");
      if ((type == "TextPositionSelector" || type == "TextQuoteSelector") && s.contains("refinedBy")) {
        imp_.add_error(spath + ".refinedBy", "refined selections are not read");
        bad = true;
        continue;
      }
      if (type == "TextPositionSelector") {
        const auto num = [&](const char* k) -> std::optional<uint32_t> {
          const auto it = s.find(k);
          if (it == s.end() || !it->is_number_integer() || it->get<int64_t>() < 0 || it->get<int64_t>() > int64_t(UINT32_MAX)) {
            imp_.add_error(spath + "." + k, it == s.end() ? "missing" : "expected a non-negative integer (code points)");
            return std::nullopt;
          }
          return uint32_t(it->get<int64_t>());
        };
        const auto a = num("start"), b = num("end");
        if (!a || !b) {
          bad = true;
          continue;
        }
        if (*a > *b || *b > doc.length()) {
          imp_.add_error(spath, range_text({*a, *b}) + (*a > *b ? " is reversed (start must be <= end)"
                                                              : " ends past the text of " + doc.id() + " (" + std::to_string(doc.length()) + " code points)"));
          bad = true;
          continue;
        }
        pos = Range{*a, *b};
        pos_path = spath;
      } else if (type == "TextQuoteSelector") {
        if (!s.contains("exact") || !s["exact"].is_string() || s["exact"].get_ref<const std::string&>().empty()) {
          imp_.add_error(spath + ".exact", "missing or empty (a TextQuoteSelector quotes the text it selects)");
          bad = true;
          continue;
        }
        quote = &s;
        quote_path = spath;
      } else if (type == "FragmentSelector" && !pos) {
        const auto r = rfc5147(string_field(s, "value"));
        if (!r) {
          others.push_back("FragmentSelector '" + string_field(s, "value") + "'");
          continue;
        }
        if (r->start > r->end || r->end > doc.length()) {
          imp_.add_error(spath + ".value", range_text(*r) + " is reversed or past the text of " + doc.id());
          bad = true;
          continue;
        }
        pos = r;
        pos_path = spath;
      } else {
        others.push_back(type.empty() ? "a selector without type" : type);
      }
    }
    if (bad) return std::nullopt;
    if (!pos && !quote) {
      std::string names;
      for (const std::string& o : others) names += (names.empty() ? "" : ", ") + o;
      imp_.add_error(tpath + ".selector", "no TextPositionSelector, TextQuoteSelector or RFC 5147 FragmentSelector (found " +
                                              (names.empty() ? std::string("none") : names) + ")");
      return std::nullopt;
    }
    if (!quote) return pos;
    const std::string exact = (*quote)["exact"], prefix = string_field(*quote, "prefix"), suffix = string_field(*quote, "suffix");
    if (pos && doc.slice(pos->start, pos->end) == exact) return pos;
    // Files quoting the same words again and again scan each text once per word.
    auto found = found_.find({&doc, exact});
    if (found == found_.end()) found = found_.emplace(std::make_pair(&doc, exact), occurrences(doc.text(), exact)).first;
    std::vector<size_t> at = in_context(doc.text(), found->second, exact, prefix, suffix);
    const bool context = !prefix.empty() || !suffix.empty(), with_context = !at.empty();
    if (at.empty() && context) at = found->second;
    auto range_at = [&](size_t byte) {
      const uint32_t s = doc.offsets().cp_of_byte(uint32_t(byte)), e = doc.offsets().cp_of_byte(uint32_t(byte + exact.size()));
      return Range{s, e};
    };
    if (at.empty()) {
      imp_.add_error(quote_path + ".exact", "\"" + preview(exact) + "\" is not in the text of " + doc.id() +
                                                (pos ? " (and " + pos_path + " selects \"" + preview(doc.slice(pos->start, pos->end)) + "\" at " +
                                                           range_text(*pos) + ")"
                                                     : ""));
      return std::nullopt;
    }
    if (!pos) {
      if (at.size() == 1 && with_context) return range_at(at[0]);
      std::string where;
      for (size_t i = 0; i < at.size() && i < 3; ++i) where += (i ? ", " : "") + range_text(range_at(at[i]));
      imp_.add_error(quote_path, "\"" + preview(exact) + "\" " +
                                     (at.size() == 1 ? "is in the text, but not with its prefix and suffix, at "
                                                     : "is in the text " + std::to_string(at.size()) + " times" +
                                                           (with_context && context ? " with its prefix and suffix" : "") + ", at ") +
                                     where + (at.size() > 3 ? ", …" : "") + ": add a TextPositionSelector to say which");
      return std::nullopt;
    }
    // The position and the quote disagree: the quote is the sturdier of the two (the model
    // calls the position "very brittle"), so take its occurrence nearest the position.
    Range best = range_at(at[0]);
    for (size_t b : at) {
      const Range r = range_at(b);
      const auto dist = [&](Range x) { return x.start > pos->start ? x.start - pos->start : pos->start - x.start; };
      if (dist(r) < dist(best)) best = r;
    }
    imp_.add_warning(tpath, "re-anchored by its TextQuoteSelector from " + range_text(*pos) + " (\"" +
                                preview(doc.slice(pos->start, pos->end)) + "\") to " + range_text(best) + " (\"" + preview(exact) + "\")");
    return best;
  }

  // [SECTION] Relations, clusters, links
  ImportedStamp stamp_of(const Annotation& an) {
    ImportedStamp st;
    const json& a = *an.j;
    if (a.contains("creator")) {
      const std::vector<const json*> cs = items_of(a["creator"]);
      if (!cs.empty()) {
        const json& c = *cs[0];
        // "name" as given, even empty (goldspan's anonymous annotator); else nickname, else the IRI.
        if (c.is_object() && c.contains("name") && c["name"].is_string()) {
          st.annotator = c["name"].get<std::string>();
        } else {
          std::string name = c.is_string() ? c.get<std::string>() : string_field(c, "nickname");
          if (name.empty()) name = string_field(c, "id");
          if (!name.empty()) st.annotator = name;
        }
      }
    }
    if (a.contains("created")) {
      const std::string t = a["created"].is_string() ? a["created"].get<std::string>() : std::string();
      if (const auto ms = parse_timestamp(t)) st.created = *ms;
      else ++skipped_["created times other than YYYY-MM-DDTHH:MM:SS[.mmm]Z (the import's time is used)"];
    }
    return st;
  }

  // The span or cluster an IRI names; reports at `path` when it names neither.
  std::optional<ImportedRef> ref(const std::string& iri, const std::string& path, bool clusters_too) {
    const auto it = by_id_.find(iri);
    if (it == by_id_.end()) {
      imp_.add_error(path, iri.empty() ? "expected the IRI of an annotation in this file" : "'" + iri + "' is no annotation in this file");
      return std::nullopt;
    }
    if (const auto s = span_of_.find(it->second); s != span_of_.end()) return ImportedRef{false, s->second};
    if (const auto c = cluster_of_.find(it->second); clusters_too && c != cluster_of_.end()) return ImportedRef{true, c->second};
    imp_.add_error(path, "'" + iri + "' is no " + (clusters_too ? "span or cluster" : "span") + " annotation that was read");
    return std::nullopt;
  }

  void read_cluster(const Annotation& an, size_t index) {
    const json& a = *an.j;
    ImportedCluster c;
    c.id = an.id.empty() ? "#" + std::to_string(index) : own_id(an.id, "cluster");
    c.path = an.where;
    c.stamp = stamp_of(an);
    std::optional<SpanKind> kind;
    std::optional<std::string> name;
    const json bodies = a.value("body", json());  // items_of points into it
    for (const json* b : items_of(bodies)) {
      const std::string purpose = purpose_of(*b, a), value = string_field(*b, "value");
      if (purpose == "classifying" && (value == "entity" || value == "claim")) kind = value == "entity" ? SpanKind::Entity : SpanKind::Claim;
      else if (purpose == "identifying" && !name && b->is_object() && b->contains("value")) name = value;
      else ++skipped_["cluster bodies"];
    }
    const std::vector<const json*> targets = items_of(a["target"]);
    bool sound = true;
    for (size_t k = 0; k < targets.size(); ++k) {
      if (iri_of(*targets[k]) == kCollection) continue;  // an empty cluster
      const auto r = ref(iri_of(*targets[k]), an.where + ": " + json_read::item("target", k), false);
      if (!r) {
        sound = false;
        continue;
      }
      c.members.push_back(r->index);
    }
    if (!sound) return;
    if (!kind && !c.members.empty()) {
      const int t = schema_.span_type(imp_.spans[c.members[0]].label);
      if (t >= 0) kind = schema_.span_types()[size_t(t)].kind;
    }
    c.kind = kind.value_or(SpanKind::Entity);
    if (name) {
      c.name = *name;
    } else if (!c.members.empty()) {
      const ImportedSpan& first = imp_.spans[c.members[0]];
      c.name = std::string(imp_.documents[first.doc]->slice(first.fragments.front().start, first.fragments.front().end));
    }
    cluster_of_[index] = imp_.clusters.size();
    imp_.clusters.push_back(std::move(c));
  }

  void read_link(const Annotation& an) {
    const json& a = *an.j;
    if (!motivated(a, "linking")) {
      ++skipped_["annotations on annotations (motivation other than linking or identifying)"];
      return;
    }
    std::string type, to;
    const json bodies = a.value("body", json());  // items_of points into it
    for (const json* b : items_of(bodies)) {
      const std::string purpose = purpose_of(*b, a);
      if (b->is_object() && (has_type(*b, "TextualBody") || b->contains("value")) && (purpose == "tagging" || purpose == "linking" || purpose.empty()) && type.empty())
        type = string_field(*b, "value");
      else if (b->is_string() || (b->is_object() && (b->contains("source") || b->contains("id"))))
        to = b->is_object() && b->contains("source") ? iri_of((*b)["source"]) : iri_of(*b);
      else
        ++skipped_["link bodies"];
    }
    const std::vector<const json*> targets = items_of(a["target"]);
    std::string from = targets.empty() ? std::string() : iri_of(*targets[0]);
    std::string to_path = an.where + ": body";
    if (to.empty() && targets.size() == 2) {
      to = iri_of(*targets[1]);
      to_path = an.where + ": target[1]";
      ++ordered_;
    } else if (targets.size() != 1) {
      imp_.add_error(an.where + ": target", "a link has one target (the from end) and a linking body (the to end), or two targets");
      return;
    }
    if (type.empty()) {
      imp_.add_error(an.where + ": body", "no tagging TextualBody gives the relation or link type");
      return;
    }
    const bool relation = schema_.relation_type(type) >= 0, link = schema_.link_type(type) >= 0;
    if (!relation && !link) {
      imp_.add_error(an.where + ": body", "'" + type + "' is no relation or link type of the schema");
      return;
    }
    const auto f = ref(from, an.where + (a["target"].is_array() ? ": target[0]" : ": target"), link && !relation);
    const auto t = to.empty() ? std::nullopt : ref(to, to_path, link && !relation);
    if (to.empty()) imp_.add_error(an.where + ": body", "no SpecificResource body names the to end");
    if (!f || !t) return;
    const ImportedStamp stamp = stamp_of(an);
    const bool spans = !f->cluster && !t->cluster;
    const bool one_doc = spans && imp_.spans[f->index].doc == imp_.spans[t->index].doc;
    if (relation && !one_doc && !link) {
      imp_.add_error(an.where, "a relation joins spans of one document (" + imp_.documents[imp_.spans[f->index].doc]->id() + ", " +
                                   imp_.documents[imp_.spans[t->index].doc]->id() + ")");
      return;
    }
    if (relation && one_doc) {
      ImportedRelation r;
      r.doc = imp_.spans[f->index].doc;
      r.id = an.id.empty() ? an.path : own_id(an.id, "relation");
      r.type = type;
      r.from = f->index;
      r.to = t->index;
      r.stamp = stamp;
      r.path = an.where;
      imp_.relations.push_back(std::move(r));
      return;
    }
    ImportedLink l;
    l.id = an.id.empty() ? std::string() : own_id(an.id, "link");
    l.type = type;
    l.from = *f;
    l.to = *t;
    l.stamp = stamp;
    l.path = an.where;
    imp_.links.push_back(std::move(l));
  }

 public:
  size_t ordered_ = 0;

 private:
  static constexpr FieldNames kFields{"", "", ".target", ".body", ".body"};
  GoldImport& imp_;
  const std::vector<std::shared_ptr<const Document>>& texts_;
  const Schema& schema_;
  Tokenizer& tok_;
  std::vector<Annotation> annos_;
  std::map<std::string, size_t> by_id_;            // annotation id -> index in annos_
  std::map<size_t, size_t> span_of_, cluster_of_;  // annotation -> first import span / cluster
  std::map<std::string, size_t> doc_of_;                        // source IRI -> import document
  std::map<size_t, std::pair<size_t, std::string>> text_doc_;   // text -> (document, source)
  std::map<std::string, size_t> skipped_;
  std::map<std::pair<const Document*, std::string>, std::vector<size_t>> found_;  // quote -> its byte offsets
};

}  // namespace

GoldImport parse_w3c(std::string_view text, const std::string& file_name, const std::vector<std::shared_ptr<const Document>>& texts,
                     const Schema& schema, Tokenizer& tok, std::vector<size_t>* used) {
  GoldImport imp;
  imp.file_name = file_name;
  json root;
  if (json_read::parse(text, imp, root)) {
    Reader reader(imp, texts, schema, tok);
    reader.collect(root);
    reader.read();
    if (reader.ordered_)
      imp.add_warning("", std::to_string(reader.ordered_) + " links with two targets read as from, to in file order (JSON-LD does not order a target list)");
    if (used) *used = reader.used();
  }
  if (imp.documents.empty() && imp.ok()) imp.add_error("", "no annotation on a text");
  check_import(imp, schema);
  if (imp.errors_not_listed) imp.errors.push_back(file_name + ": ... and " + std::to_string(imp.errors_not_listed) + " more errors");
  return imp;
}

}  // namespace goldspan
