// Schema loading and validation.
//
// [SECTION] JSON reading helpers (every error names its JSON path)
// [SECTION] Lookups
// [SECTION] Parsing
#include "model/schema.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "error.hpp"

namespace goldspan {

// [SECTION] JSON reading helpers (every error names its JSON path)
namespace {

using json = nlohmann::json;

std::string child(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }
std::string item(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }
std::string where_of(const std::string& path) { return path.empty() ? "(root)" : path; }
std::string in_quotes(const std::string& s) { return "'" + s + "'"; }

void check_object(const json& j, const std::string& path, std::initializer_list<const char*> keys) {
  if (!j.is_object()) throw Error(where_of(path), "expected an object");
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; }))
      throw Error(child(path, it.key()), "unknown key");
  }
}

const json* find(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

std::string get_string(const json& obj, const char* key, const std::string& path, bool required) {
  const json* v = find(obj, key);
  if (!v) {
    if (required) throw Error(child(path, key), "missing");
    return {};
  }
  if (!v->is_string()) throw Error(child(path, key), "expected a string");
  return v->get<std::string>();
}

bool get_bool(const json& obj, const char* key, const std::string& path, bool fallback) {
  const json* v = find(obj, key);
  if (!v) return fallback;
  if (!v->is_boolean()) throw Error(child(path, key), "expected true or false");
  return v->get<bool>();
}

const json& get_array(const json& obj, const char* key, const std::string& path, bool required) {
  static const json empty = json::array();
  const json* v = find(obj, key);
  if (!v) {
    if (required) throw Error(child(path, key), "missing");
    return empty;
  }
  if (!v->is_array()) throw Error(child(path, key), "expected an array");
  return *v;
}

// Names are identifiers so that they survive every export format unquoted.
std::string get_name(const json& obj, const std::string& path) {
  std::string n = get_string(obj, "name", path, true);
  if (n.empty() || n.size() > 64) throw Error(child(path, "name"), "must be 1 to 64 characters");
  for (char c : n) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'))
      throw Error(child(path, "name"), "invalid name " + in_quotes(n) + " (use letters, digits, '_' and '-')");
  }
  return n;
}

uint32_t get_color(const json& obj, const std::string& path) {
  const std::string c = get_string(obj, "color", path, true);
  const bool ok = c.size() == 7 && c[0] == '#' && std::all_of(c.begin() + 1, c.end(), [](char h) { return std::isxdigit(static_cast<unsigned char>(h)); });
  if (!ok) throw Error(child(path, "color"), "expected \"#rrggbb\", got \"" + c + "\"");
  return uint32_t(std::stoul(c.substr(1), nullptr, 16));
}

// Remembers who used a name or hotkey first, to name both places in the message.
class Registry {
 public:
  explicit Registry(const char* what) : what_(what) {}
  void claim(const std::string& key, const std::string& shown, const std::string& path, const std::string& owner) {
    auto [it, fresh] = seen_.emplace(key, owner);
    if (!fresh) throw Error(path, "duplicate " + std::string(what_) + " " + shown + " (also used by " + it->second + ")");
  }

 private:
  const char* what_;
  std::map<std::string, std::string> seen_;
};

char get_hotkey(const json& obj, const std::string& path, bool required, Registry& used, const std::string& owner) {
  const json* v = find(obj, "hotkey");
  if (!v && !required) return 0;
  const std::string h = get_string(obj, "hotkey", path, true);
  const bool ok = h.size() == 1 && ((h[0] >= 'a' && h[0] <= 'z') || (h[0] >= '0' && h[0] <= '9'));
  if (!ok) throw Error(child(path, "hotkey"), "expected one character a-z or 0-9, got \"" + h + "\"");
  used.claim(h, in_quotes(h), child(path, "hotkey"), owner);
  return h[0];
}

std::vector<AttributeDef> get_attributes(const json& obj, const std::string& path) {
  std::vector<AttributeDef> out;
  const std::string apath = child(path, "attributes");
  const json& arr = get_array(obj, "attributes", path, false);
  Registry names("attribute");
  for (size_t i = 0; i < arr.size(); ++i) {
    const std::string p = item(apath, i);
    check_object(arr[i], p, {"name", "values", "description"});
    AttributeDef a;
    a.name = get_name(arr[i], p);
    names.claim(a.name, in_quotes(a.name), child(p, "name"), p);
    get_string(arr[i], "description", p, false);
    const json& values = get_array(arr[i], "values", p, true);
    if (values.empty()) throw Error(child(p, "values"), "needs at least one value");
    if (values.size() > UINT16_MAX) throw Error(child(p, "values"), "too many values");
    Registry seen("value");
    for (size_t k = 0; k < values.size(); ++k) {
      const std::string vp = item(child(p, "values"), k);
      if (!values[k].is_string() || values[k].get<std::string>().empty()) throw Error(vp, "expected a non-empty string");
      const std::string v = values[k].get<std::string>();
      seen.claim(v, in_quotes(v), vp, vp);
      a.values.push_back(v);
    }
    out.push_back(std::move(a));
  }
  if (out.size() > UINT16_MAX) throw Error(apath, "too many attributes");
  return out;
}

bool is_kind_word(const std::string& s) { return s == "entity" || s == "claim" || s == "cue"; }

}  // namespace

// [SECTION] Lookups
int AttributeDef::value(std::string_view v) const noexcept {
  for (size_t i = 0; i < values.size(); ++i)
    if (values[i] == v) return int(i);
  return -1;
}

int SpanType::attribute(std::string_view n) const noexcept {
  for (size_t i = 0; i < attributes.size(); ++i)
    if (attributes[i].name == n) return int(i);
  return -1;
}

bool RelationType::allows(uint16_t s, uint16_t t) const noexcept {
  return std::binary_search(sources.begin(), sources.end(), s) && std::binary_search(targets.begin(), targets.end(), t);
}

namespace {
template <class M>
int lookup(const M& m, std::string_view n) {
  auto it = m.find(n);
  return it == m.end() ? -1 : it->second;
}
}  // namespace

int Schema::span_type(std::string_view n) const noexcept { return lookup(span_by_name_, n); }
int Schema::relation_type(std::string_view n) const noexcept { return lookup(relation_by_name_, n); }
int Schema::link_type(std::string_view n) const noexcept { return lookup(link_by_name_, n); }

// [SECTION] Parsing
Schema Schema::parse(std::string_view text) {
  json root;
  try {
    root = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    throw Error("(root)", std::string("invalid JSON: ") + e.what());
  }
  return from_json(root);
}

Schema Schema::load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, "cannot read the schema file");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  try {
    return parse(text);
  } catch (const Error& e) {
    const std::string msg = e.what();
    throw Error(path + ": " + e.where(), msg.substr(std::min(msg.size(), e.where().size() + 2)));
  }
}

namespace {
// One "EVENT:REL=ROLE,..." mapping (the form core/io/brat_events.hpp parses): names on both
// sides of every '=', exactly one content, and relation types the schema has.
void check_brat_claim_event(const Schema& s, const std::string& m, const std::string& path) {
  auto is_name = [](std::string_view x) {
    return !x.empty() && std::all_of(x.begin(), x.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; });
  };
  const size_t colon = m.find(':');
  if (colon == std::string::npos || !is_name(std::string_view(m).substr(0, colon)))
    throw Error(path, "expected EVENT:REL=ROLE,... (e.g. Attribution:claimant=Source,content=Content,cue=trigger), not " + in_quotes(m));
  size_t contents = 0;
  for (size_t b = colon + 1; b <= m.size();) {
    size_t e = m.find(',', b);
    if (e == std::string::npos) e = m.size();
    const std::string_view entry = std::string_view(m).substr(b, e - b);
    const size_t eq = entry.find('=');
    if (eq == std::string_view::npos || !is_name(entry.substr(0, eq)) || !is_name(entry.substr(eq + 1)))
      throw Error(path, "expected REL=ROLE, not " + in_quotes(std::string(entry)));
    const std::string rel(entry.substr(0, eq));
    if (rel == "content") ++contents;
    else if (s.relation_type(rel) < 0) throw Error(path, "unknown relation type " + in_quotes(rel) + " (not in relation_types)");
    b = e + 1;
  }
  if (contents != 1) throw Error(path, m.substr(0, colon) + ": needs exactly one content=ROLE");
}
}  // namespace

Schema Schema::from_json(const json& root) {
  check_object(root, "", {"name", "version", "description", "locale", "entity_types", "claim_types", "cue_types",
                          "relation_types", "claim_link_types", "brat"});
  Schema s;
  s.name_ = get_string(root, "name", "", false);
  s.locale_ = get_string(root, "locale", "", false);
  get_string(root, "description", "", false);
  if (const json* v = find(root, "version"); v && !(v->is_number_integer() && v->get<int64_t>() == 1))
    throw Error("version", "unsupported schema version (this build reads version 1)");

  Registry type_names("type name"), hotkeys("hotkey");
  const std::pair<const char*, SpanKind> sections[] = {
      {"entity_types", SpanKind::Entity}, {"claim_types", SpanKind::Claim}, {"cue_types", SpanKind::Cue}};
  for (auto [section, kind] : sections) {
    const json& arr = get_array(root, section, "", false);
    for (size_t i = 0; i < arr.size(); ++i) {
      const std::string p = item(section, i);
      check_object(arr[i], p, {"name", "description", "color", "hotkey", "allow_overlap", "allow_nesting", "attributes"});
      SpanType t;
      t.kind = kind;
      t.name = get_name(arr[i], p);
      if (is_kind_word(t.name)) throw Error(child(p, "name"), in_quotes(t.name) + " is reserved (it names a kind in relation types)");
      type_names.claim(t.name, in_quotes(t.name), child(p, "name"), p);
      t.description = get_string(arr[i], "description", p, false);
      t.color = get_color(arr[i], p);
      t.hotkey = get_hotkey(arr[i], p, false, hotkeys, p);  // optional: a schema may have more types than keys
      t.allow_overlap = get_bool(arr[i], "allow_overlap", p, true);
      t.allow_nesting = get_bool(arr[i], "allow_nesting", p, true);
      t.attributes = get_attributes(arr[i], p);
      s.permissive_[size_t(kind)] = s.permissive_[size_t(kind)] && t.allow_overlap && t.allow_nesting;
      s.span_by_name_.emplace(t.name, int(s.span_types_.size()));
      s.span_types_.push_back(std::move(t));
    }
  }
  if (s.span_types_.empty()) throw Error("(root)", "no span types (entity_types, claim_types and cue_types are all empty)");
  if (s.span_types_.size() > UINT16_MAX) throw Error("(root)", "too many span types");

  const json& rels = get_array(root, "relation_types", "", false);
  Registry rel_names("relation type"), rel_keys("hotkey");
  for (size_t i = 0; i < rels.size(); ++i) {
    const std::string p = item("relation_types", i);
    check_object(rels[i], p, {"name", "description", "color", "hotkey", "source", "target"});
    RelationType r;
    r.name = get_name(rels[i], p);
    rel_names.claim(r.name, in_quotes(r.name), child(p, "name"), p);
    r.description = get_string(rels[i], "description", p, false);
    r.color = get_color(rels[i], p);
    r.hotkey = get_hotkey(rels[i], p, false, rel_keys, p);
    for (const char* end : {"source", "target"}) {
      const std::string ep = child(p, end);
      const json& arr = get_array(rels[i], end, p, true);
      if (arr.empty()) throw Error(ep, "needs at least one span type or kind");
      std::vector<uint16_t>& out = end[0] == 's' ? r.sources : r.targets;
      for (size_t k = 0; k < arr.size(); ++k) {
        if (!arr[k].is_string()) throw Error(item(ep, k), "expected a span type name or a kind (entity, claim, cue)");
        const std::string n = arr[k].get<std::string>();
        if (is_kind_word(n)) {
          for (size_t t = 0; t < s.span_types_.size(); ++t)
            if (n == to_string(s.span_types_[t].kind)) out.push_back(uint16_t(t));
        } else if (int t = s.span_type(n); t >= 0) {
          out.push_back(uint16_t(t));
        } else {
          throw Error(item(ep, k), "unknown span type " + in_quotes(n));
        }
      }
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
      if (out.empty()) throw Error(ep, "names a kind that has no span types");
    }
    s.relation_by_name_.emplace(r.name, int(s.relation_types_.size()));
    s.relation_types_.push_back(std::move(r));
  }
  if (s.relation_types_.size() > UINT16_MAX) throw Error("relation_types", "too many relation types");

  const json& links = get_array(root, "claim_link_types", "", false);
  Registry link_names("claim link type");
  for (size_t i = 0; i < links.size(); ++i) {
    const std::string p = item("claim_link_types", i);
    check_object(links[i], p, {"name", "description", "color"});
    LinkType l;
    l.name = get_name(links[i], p);
    link_names.claim(l.name, in_quotes(l.name), child(p, "name"), p);
    l.description = get_string(links[i], "description", p, false);
    l.color = get_color(links[i], p);
    s.link_by_name_.emplace(l.name, int(s.link_types_.size()));
    s.link_types_.push_back(std::move(l));
  }
  if (s.link_types_.size() > UINT16_MAX) throw Error("claim_link_types", "too many claim link types");
  if (const json* brat = find(root, "brat")) {
    check_object(*brat, "brat", {"claim_events"});
    const json& events = get_array(*brat, "claim_events", "brat", false);
    for (size_t i = 0; i < events.size(); ++i) {
      const std::string p = item("brat.claim_events", i);
      if (!events[i].is_string()) throw Error(p, "expected \"EVENT:REL=ROLE,...\" (e.g. \"Attribution:claimant=Source,content=Content,cue=trigger\")");
      s.brat_claim_events_.push_back(events[i].get<std::string>());
      check_brat_claim_event(s, s.brat_claim_events_.back(), p);
    }
  }
  return s;
}

// [SECTION] Writing
namespace {
std::string color_text(uint32_t c) {
  static const char hex[] = "0123456789abcdef";
  std::string s = "#";
  for (int shift = 20; shift >= 0; shift -= 4) s += hex[(c >> shift) & 15];
  return s;
}
}  // namespace

nlohmann::ordered_json Schema::to_json() const {
  using ojson = nlohmann::ordered_json;
  ojson root;
  if (!name_.empty()) root["name"] = name_;
  root["version"] = 1;
  if (!locale_.empty()) root["locale"] = locale_;
  const std::pair<const char*, SpanKind> sections[] = {
      {"entity_types", SpanKind::Entity}, {"claim_types", SpanKind::Claim}, {"cue_types", SpanKind::Cue}};
  for (auto [section, kind] : sections) {
    ojson arr = ojson::array();
    for (const SpanType& t : span_types_) {
      if (t.kind != kind) continue;
      ojson j;
      j["name"] = t.name;
      if (!t.description.empty()) j["description"] = t.description;
      j["color"] = color_text(t.color);
      if (t.hotkey) j["hotkey"] = std::string(1, t.hotkey);
      j["allow_overlap"] = t.allow_overlap;
      j["allow_nesting"] = t.allow_nesting;
      if (!t.attributes.empty()) {
        ojson attrs = ojson::array();
        for (const AttributeDef& a : t.attributes) attrs.push_back(ojson{{"name", a.name}, {"values", a.values}});
        j["attributes"] = std::move(attrs);
      }
      arr.push_back(std::move(j));
    }
    root[section] = std::move(arr);
  }
  ojson rels = ojson::array();
  for (const RelationType& r : relation_types_) {
    ojson j;
    j["name"] = r.name;
    if (!r.description.empty()) j["description"] = r.description;
    j["color"] = color_text(r.color);
    if (r.hotkey) j["hotkey"] = std::string(1, r.hotkey);
    for (const char* end : {"source", "target"}) {
      ojson names = ojson::array();
      for (uint16_t t : end[0] == 's' ? r.sources : r.targets) names.push_back(span_types_[t].name);
      j[end] = std::move(names);
    }
    rels.push_back(std::move(j));
  }
  root["relation_types"] = std::move(rels);
  ojson links = ojson::array();
  for (const LinkType& l : link_types_) {
    ojson j;
    j["name"] = l.name;
    if (!l.description.empty()) j["description"] = l.description;
    j["color"] = color_text(l.color);
    links.push_back(std::move(j));
  }
  root["claim_link_types"] = std::move(links);
  if (!brat_claim_events_.empty()) root["brat"] = {{"claim_events", brat_claim_events_}};
  return root;
}

}  // namespace goldspan
