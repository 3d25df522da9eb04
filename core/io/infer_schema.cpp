#include "io/infer_schema.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "error.hpp"
#include "io/split.hpp"

namespace goldspan {

namespace {

using ojson = nlohmann::ordered_json;
using export_detail::warn_count;

std::string_view trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") + 1 - b);
}

std::vector<std::string_view> lines(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::string_view l : split(s, '\n')) {
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    out.push_back(l);
  }
  return out;
}

// brat has no kinds: a name with the word "claim" is a claim type, with "cue" a cue type.
SpanKind guess_kind(const std::string& name) {
  std::string word;
  bool claim = false, cue = false;
  auto flush = [&] {
    claim |= word == "claim" || word == "claims";
    cue |= word == "cue" || word == "cues";
    word.clear();
  };
  for (char c : name) {
    if (c == '_' || c == '-') flush();
    else word += char(std::tolower(static_cast<unsigned char>(c)));
  }
  flush();
  return claim ? SpanKind::Claim : cue ? SpanKind::Cue : SpanKind::Entity;
}

struct Builder {
  std::vector<std::string> types;  // span types, first seen first
  std::map<std::string, std::vector<std::pair<std::string, std::vector<std::string>>>> attrs;  // type -> (name, values)
  struct Rel {
    std::string name;
    std::vector<std::string> sources, targets;
  };
  std::vector<Rel> rels;

  void add_type(const std::string& t) {
    if (std::find(types.begin(), types.end(), t) == types.end()) types.push_back(t);
  }
  void add_attribute(const std::string& type, const std::string& name, const std::vector<std::string>& values) {
    auto& list = attrs[type];
    auto it = std::find_if(list.begin(), list.end(), [&](const auto& a) { return a.first == name; });
    if (it == list.end()) it = list.insert(list.end(), {name, {}});
    for (const std::string& v : values)
      if (std::find(it->second.begin(), it->second.end(), v) == it->second.end()) it->second.push_back(v);
  }
  Rel& rel(const std::string& name) {
    auto it = std::find_if(rels.begin(), rels.end(), [&](const Rel& r) { return r.name == name; });
    if (it == rels.end()) it = rels.insert(rels.end(), Rel{name, {}, {}});
    return *it;
  }

  Schema build(const std::string& from, Warnings& warnings) const {
    static const char* kPalette[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                     "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
    static const std::string kKeys = "abcdefghijklmnopqrstuvwxyz0123456789";
    if (types.empty()) throw Error(from, "no span types found to infer a schema from (give --schema FILE)");
    ojson root;
    root["name"] = "inferred from " + from;
    root["version"] = 1;
    ojson sections[3] = {ojson::array(), ojson::array(), ojson::array()};
    size_t counts[3] = {0, 0, 0}, nattrs = 0;
    std::string guessed;
    for (size_t i = 0; i < types.size(); ++i) {
      const SpanKind kind = guess_kind(types[i]);
      ojson t;
      t["name"] = types[i];
      t["color"] = kPalette[i % 10];
      if (i < kKeys.size()) t["hotkey"] = std::string(1, kKeys[i]);
      if (auto a = attrs.find(types[i]); a != attrs.end()) {
        t["attributes"] = ojson::array();
        for (const auto& [name, values] : a->second) t["attributes"].push_back({{"name", name}, {"values", values}}), ++nattrs;
      }
      sections[size_t(kind)].push_back(std::move(t));
      ++counts[size_t(kind)];
      if (kind != SpanKind::Entity) guessed += (guessed.empty() ? "" : ", ") + types[i] + " " + to_string(kind);
    }
    root["entity_types"] = sections[size_t(SpanKind::Entity)];
    root["claim_types"] = sections[size_t(SpanKind::Claim)];
    root["cue_types"] = sections[size_t(SpanKind::Cue)];
    root["relation_types"] = ojson::array();
    for (size_t i = 0; i < rels.size(); ++i)
      root["relation_types"].push_back(
          {{"name", rels[i].name}, {"color", kPalette[(i + 5) % 10]}, {"source", rels[i].sources}, {"target", rels[i].targets}});
    Schema s;
    try {
      s = Schema::parse(root.dump());
    } catch (const Error& e) {
      throw Error(from, std::string("cannot infer a schema (give --schema FILE): ") + e.what());
    }
    warnings.push_back("brat: no --schema: schema inferred from " + from + ": " + std::to_string(types.size()) + " span types, " +
                       std::to_string(rels.size()) + " relation types, " + std::to_string(nattrs) +
                       " attributes; kinds guessed from the names (" + (guessed.empty() ? "all entity" : guessed + ", the others entity") +
                       ")" + (types.size() > kKeys.size() ? "; hotkeys for the first 36 span types only" : ""));
    return s;
  }
};

std::vector<std::string> values_of(std::string_view list) {
  std::vector<std::string> out;
  for (std::string_view v : split(list, '|'))
    if (!trim(v).empty()) out.emplace_back(trim(v));
  return out;
}

}  // namespace

Schema infer_schema_from_brat_conf(std::string_view conf, const std::string& conf_name, Warnings& warnings) {
  Builder b;
  std::vector<std::string> entities, events;
  std::string section;
  struct Later {
    std::string name;
    std::map<std::string, std::string> args;
  };
  std::vector<Later> relations, attributes;
  size_t left_out = 0;
  for (std::string_view raw : lines(conf)) {
    std::string_view l = trim(raw.substr(0, raw.find('#')));
    if (l.empty()) continue;
    if (l.front() == '[' && l.back() == ']') {
      section = std::string(trim(l.substr(1, l.size() - 2)));
      if (section == "spans") section = "entities";  // projectconfig.py, SECTION_ALIAS
      continue;
    }
    const size_t sp = l.find_first_of(" \t");
    // "TYPE|alias|..." (DNA_methylation|GO:0006306 in BioNLP-ST EPI): the first term is the
    // type, in brat's storage form (projectconfig.py, TypeHierarchyNode, normalize_to_storage_form:
    // characters other than [a-zA-Z0-9_-] become _).
    std::string name(trim(l.substr(0, std::min(l.find('|'), sp))));
    if (name.size() > 1 && name[0] != '<')
      for (size_t i = name[0] == '!' ? 1 : 0; i < name.size(); ++i)
        if (!(std::isalnum(static_cast<unsigned char>(name[i])) || name[i] == '_' || name[i] == '-')) name[i] = '_';
    // Macros (<CORE-ENTITY>=...), <OVERLAP>, abstract types (!Type), separators (----).
    if (name.empty() || name[0] == '<' || name[0] == '!' || name.find_first_not_of('-') == std::string::npos) continue;
    if (name == "ENTITY-NESTING") continue;  // brat's special relation allowing nesting: goldspan allows it anyway
    std::map<std::string, std::string> args;
    if (sp != std::string_view::npos)
      for (std::string_view item : split(l.substr(sp), ',')) {
        item = trim(item);
        const size_t colon = item.find(':');
        if (colon != std::string_view::npos) args[std::string(trim(item.substr(0, colon)))] = std::string(trim(item.substr(colon + 1)));
      }
    if (section == "entities") entities.push_back(name), b.add_type(name);
    else if (section == "events") events.push_back(name), b.add_type(name);
    else if (section == "relations") relations.push_back({name, args});
    else if (section == "attributes") attributes.push_back({name, args});
  }
  auto expand = [&](const std::string& list, bool events_too) {
    std::vector<std::string> out;
    auto has = [](const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); };
    for (const std::string& t : values_of(list)) {
      if (t == "<ENTITY>" || t == "<ANY>") out.insert(out.end(), entities.begin(), entities.end());
      if ((t == "<EVENT>" || t == "<ANY>") && events_too) out.insert(out.end(), events.begin(), events.end());
      if (has(entities, t) || (events_too && has(events, t))) out.push_back(t);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  for (const Later& r : relations) {
    // Equivalences ("Equiv" is one even without <REL-TYPE>: projectconfig.py assumes it).
    if (auto t = r.args.find("<REL-TYPE>"); r.name == "Equiv" || (t != r.args.end() && t->second.find("symmetric-transitive") != std::string::npos)) continue;
    const auto a1 = r.args.find("Arg1"), a2 = r.args.find("Arg2");
    const std::vector<std::string> from = a1 == r.args.end() ? std::vector<std::string>{} : expand(a1->second, true);
    const std::vector<std::string> to = a2 == r.args.end() ? std::vector<std::string>{} : expand(a2->second, true);
    if (from.empty() || to.empty()) {
      ++left_out;
      continue;
    }
    Builder::Rel& rel = b.rel(r.name);
    rel.sources.insert(rel.sources.end(), from.begin(), from.end());
    rel.targets.insert(rel.targets.end(), to.begin(), to.end());
  }
  for (const Later& a : attributes) {
    const auto arg = a.args.find("Arg");
    const std::vector<std::string> on = arg == a.args.end() ? std::vector<std::string>{} : expand(arg->second, false);
    const auto v = a.args.find("Value");
    const std::vector<std::string> values = v == a.args.end() ? std::vector<std::string>{"true"} : values_of(v->second);
    if (on.empty() || values.empty()) {
      ++left_out;  // on events only (skipped with them) or on nothing known
      continue;
    }
    for (const std::string& t : on) b.add_attribute(t, a.name, values);
  }
  Schema s = b.build(conf_name, warnings);
  warn_count(warnings, "brat", events.size(), "event types of annotation.conf made span types (their triggers; the events are skipped)");
  warn_count(warnings, "brat", left_out, "relations or attributes of annotation.conf left out (on events only, or on no known type)");
  return s;
}

Schema infer_schema_from_brat(const std::vector<BratDocument>& docs, Warnings& warnings) {
  Builder b;
  std::map<std::string, std::set<std::string>> rel_from, rel_to;
  std::vector<std::string> rel_order;
  for (const BratDocument& d : docs) {
    std::map<std::string, std::string, std::less<>> label_of;  // T id -> label
    std::vector<std::vector<std::string_view>> later;
    for (std::string_view l : lines(d.ann)) {
      const std::vector<std::string_view> cols = split(l, '\t');
      if (cols.size() < 2 || cols[0].empty()) continue;
      const std::string label(cols[1].substr(0, cols[1].find(' ')));
      if (cols[0][0] == 'T' && !label.empty()) {
        label_of[std::string(cols[0])] = label;
        b.add_type(label);
      } else if (cols[0][0] == 'R' || cols[0][0] == 'A' || cols[0][0] == 'M') {
        later.push_back(cols);
      }
    }
    for (const auto& cols : later) {
      const std::vector<std::string_view> parts = split(cols[1], ' ');
      if (cols[0][0] == 'R') {
        if (parts.size() != 3) continue;
        const auto a = label_of.find(parts[1].substr(parts[1].find(':') + 1)), z = label_of.find(parts[2].substr(parts[2].find(':') + 1));
        if (a == label_of.end() || z == label_of.end()) continue;
        const std::string type(parts[0]);
        if (!rel_from.count(type)) rel_order.push_back(type);
        rel_from[type].insert(a->second);
        rel_to[type].insert(z->second);
      } else if (parts.size() == 2 || parts.size() == 3) {
        const auto t = label_of.find(parts[1]);
        if (t == label_of.end()) continue;  // on an event: skipped on import
        b.add_attribute(t->second, std::string(parts[0]), {parts.size() == 3 ? std::string(parts[2]) : "true"});
      }
    }
  }
  for (const std::string& r : rel_order) {
    Builder::Rel& rel = b.rel(r);
    rel.sources.assign(rel_from[r].begin(), rel_from[r].end());
    rel.targets.assign(rel_to[r].begin(), rel_to[r].end());
  }
  return b.build("the labels found in the .ann files", warnings);
}

}  // namespace goldspan
