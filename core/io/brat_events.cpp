#include "io/brat_events.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "error.hpp"
#include "io/brat.hpp"
#include "io/split.hpp"

namespace goldspan {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; });
}

// Event lines of every document, for the scans below.
template <typename F>
void for_each_event(const std::vector<BratDocument>& docs, F&& f) {
  for (const BratDocument& d : docs) {
    std::map<std::string, std::string, std::less<>> label_of;  // T id -> label
    std::vector<BratEventLine> events;
    for (std::string_view l : split(d.ann, '\n')) {
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      const std::vector<std::string_view> cols = split(l, '\t');
      if (cols.size() < 2 || cols[0].size() < 2) continue;
      if (cols[0][0] == 'T') label_of[std::string(cols[0])] = std::string(cols[1].substr(0, cols[1].find(' ')));
      else if (cols[0][0] == 'E')
        if (auto e = parse_brat_event(cols[1])) events.push_back(*e);
    }
    for (const BratEventLine& e : events) f(e, label_of);
  }
}

}  // namespace

const BratClaimEvent::Entry& BratClaimEvent::content() const {
  for (const Entry& e : entries)
    if (e.relation == "content") return e;
  throw Error("--brat-claims", event + ": no content entry");
}

const BratClaimEvent::Entry* BratClaimEvent::trigger() const {
  for (const Entry& e : entries)
    if (e.role == "trigger") return &e;
  for (const Entry& e : entries)
    if (e.relation != "content") return &e;
  return nullptr;
}

std::vector<BratClaimEvent> parse_brat_claims(std::string_view spec) {
  std::vector<BratClaimEvent> out;
  for (std::string_view one : split(spec, ';')) {
    const std::string where = "--brat-claims";
    const size_t colon = one.find(':');
    if (colon == std::string_view::npos || !is_name(one.substr(0, colon)))
      throw Error(where, "expected EVENT:REL=ROLE,... (e.g. Attribution:claimant=Source,content=Content,cue=trigger), not \"" +
                             std::string(one) + "\"");
    BratClaimEvent m;
    m.event = std::string(one.substr(0, colon));
    size_t contents = 0;
    for (std::string_view item : split(one.substr(colon + 1), ',')) {
      const size_t eq = item.find('=');
      if (eq == std::string_view::npos || !is_name(item.substr(0, eq)) || !is_name(item.substr(eq + 1)))
        throw Error(where, m.event + ": expected REL=ROLE, not \"" + std::string(item) + "\"");
      BratClaimEvent::Entry e{std::string(item.substr(0, eq)), std::string(item.substr(eq + 1))};
      contents += e.relation == "content";
      if (e.relation == "content" && e.role == "trigger") throw Error(where, m.event + ": the content cannot be the trigger");
      for (const auto& other : m.entries)
        if (lower(other.role) == lower(e.role)) throw Error(where, m.event + ": role " + e.role + " given twice");
      m.entries.push_back(std::move(e));
    }
    if (contents != 1) throw Error(where, m.event + ": needs exactly one content=ROLE");
    if (m.entries.size() < 2) throw Error(where, m.event + ": needs a relation besides content=ROLE");
    for (const auto& other : out)
      if (other.event == m.event) throw Error(where, "event type " + m.event + " given twice");
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<BratClaimEvent> brat_claims_of(const Schema& schema) {
  std::vector<BratClaimEvent> out;
  const std::vector<std::string>& specs = schema.brat_claim_events();
  for (size_t i = 0; i < specs.size(); ++i) {
    try {
      for (BratClaimEvent& m : parse_brat_claims(specs[i])) {
        if (std::any_of(out.begin(), out.end(), [&](const BratClaimEvent& o) { return o.event == m.event; }))
          throw Error("--brat-claims", "event type " + m.event + " given twice");
        out.push_back(std::move(m));
      }
    } catch (const Error& e) {
      const std::string msg = e.what();
      throw Error("brat.claim_events[" + std::to_string(i) + "]", msg.substr(std::min(msg.size(), e.where().size() + 2)));
    }
  }
  return out;
}

std::string to_string(const BratClaimEvent& m) {
  std::string s = m.event + ":";
  for (size_t i = 0; i < m.entries.size(); ++i) s += (i ? "," : "") + m.entries[i].relation + "=" + m.entries[i].role;
  return s;
}

std::optional<BratEventLine> parse_brat_event(std::string_view annotation) {
  BratEventLine e;
  bool first = true;
  for (std::string_view w : split(annotation, ' ')) {
    if (w.empty()) continue;
    const size_t colon = w.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == w.size()) return std::nullopt;
    if (first) e.type = w.substr(0, colon), e.trigger = w.substr(colon + 1), first = false;
    else e.args.emplace_back(w.substr(0, colon), w.substr(colon + 1));
  }
  if (first) return std::nullopt;
  return e;
}

bool brat_role_is(std::string_view written, std::string_view role) {
  while (!written.empty() && std::isdigit(static_cast<unsigned char>(written.back()))) written.remove_suffix(1);
  return lower(written) == lower(role);
}

std::vector<BratClaimEvent> brat_claim_events(const std::vector<BratDocument>& docs, const std::vector<BratClaimEvent>& given,
                                              const Schema* schema) {
  struct Seen {
    std::vector<std::string> roles;  // as first written, base form, first event's order first
    bool other = false, content = false, cue = false;
  };
  std::vector<BratClaimEvent> named = given;
  if (schema)
    for (BratClaimEvent& m : brat_claims_of(*schema))
      if (std::none_of(named.begin(), named.end(), [&](const BratClaimEvent& g) { return g.event == m.event; })) named.push_back(std::move(m));
  std::map<std::string, Seen> seen;
  std::vector<std::string> order;
  for_each_event(docs, [&](const BratEventLine& e, const auto&) {
    const std::string type(e.type);
    if (std::any_of(named.begin(), named.end(), [&](const BratClaimEvent& m) { return m.event == type; })) return;
    if (!seen.count(type)) order.push_back(type);
    Seen& s = seen[type];
    for (const auto& [written, id] : e.args) {
      std::string_view base = written;
      while (!base.empty() && std::isdigit(static_cast<unsigned char>(base.back()))) base.remove_suffix(1);
      const std::string l = lower(base);
      if (l != "source" && l != "cue" && l != "content") s.other = true;
      s.content |= l == "content";
      s.cue |= l == "cue";
      if (std::none_of(s.roles.begin(), s.roles.end(), [&](const std::string& r) { return lower(r) == l; })) s.roles.emplace_back(base);
    }
  });
  std::vector<BratClaimEvent> out = named;
  for (const std::string& type : order) {
    const Seen& s = seen[type];
    if (s.other || !s.content) continue;
    BratClaimEvent m;
    m.event = type;
    for (const std::string& r : s.roles) {
      const std::string l = lower(r);
      m.entries.push_back({l == "source" ? "claimant" : l == "cue" ? "cue" : "content", r});
    }
    if (!s.cue) m.entries.push_back({"cue", "trigger"});
    else std::stable_partition(m.entries.begin(), m.entries.end(), [](const auto& e) { return e.relation == "cue"; });  // the cue is the trigger
    if (schema) {
      const auto& types = schema->span_types();
      if (std::none_of(types.begin(), types.end(), [](const SpanType& t) { return t.kind == SpanKind::Claim; })) continue;
      if (std::any_of(m.entries.begin(), m.entries.end(),
                      [&](const auto& e) { return e.relation != "content" && schema->relation_type(e.relation) < 0; }))
        continue;
    }
    out.push_back(std::move(m));
  }
  return out;
}

Schema with_brat_claims(const Schema& inferred, const std::vector<BratDocument>& docs, const std::vector<BratClaimEvent>& mappings,
                        Warnings& warnings) {
  if (mappings.empty()) return inferred;
  std::set<std::string> content_labels, trigger_labels;
  std::map<std::string, std::set<std::string>> targets;  // relation -> labels at its role
  std::vector<std::string> rel_order;
  for_each_event(docs, [&](const BratEventLine& e, const auto& label_of) {
    const auto m = std::find_if(mappings.begin(), mappings.end(), [&](const BratClaimEvent& x) { return x.event == e.type; });
    if (m == mappings.end()) return;
    auto label = [&](std::string_view id) -> std::optional<std::string> {
      auto it = label_of.find(id);
      return it == label_of.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    for (const auto& [written, id] : e.args)
      if (brat_role_is(written, m->content().role))
        if (auto l = label(id)) content_labels.insert(*l);
    for (const auto& entry : m->entries) {
      if (entry.relation == "content") continue;
      if (std::find(rel_order.begin(), rel_order.end(), entry.relation) == rel_order.end()) rel_order.push_back(entry.relation);
      if (entry.role == "trigger") {
        if (auto l = label(e.trigger)) targets[entry.relation].insert(*l), trigger_labels.insert(*l);
        continue;
      }
      for (const auto& [written, id] : e.args)
        if (brat_role_is(written, entry.role))
          if (auto l = label(id)) targets[entry.relation].insert(*l);
    }
  });
  nlohmann::ordered_json j = inferred.to_json();
  std::string changed;
  auto move_to = [&](const std::set<std::string>& labels, const char* section, const char* kind) {
    for (const char* from : {"entity_types", "claim_types", "cue_types"}) {
      if (std::string(from) == section) continue;
      auto& list = j[from];
      for (size_t i = 0; i < list.size();) {
        const std::string name = list[i]["name"];
        if (!labels.count(name) || (std::string(from) == "claim_types" && std::string(section) == "cue_types")) {
          ++i;
          continue;
        }
        j[section].push_back(list[i]);
        list.erase(i);
        changed += (changed.empty() ? "" : ", ") + name + " " + kind;
      }
    }
  };
  move_to(content_labels, "claim_types", "claim");
  move_to(trigger_labels, "cue_types", "cue");
  for (const std::string& rel : rel_order) {
    if (content_labels.empty() || targets[rel].empty()) continue;
    auto& list = j["relation_types"];
    auto it = std::find_if(list.begin(), list.end(), [&](const auto& r) { return r["name"] == rel; });
    if (it == list.end()) {
      list.push_back({{"name", rel}, {"color", "#bab0ac"}, {"source", nlohmann::ordered_json::array()}, {"target", nlohmann::ordered_json::array()}});
      it = list.end() - 1;
      changed += (changed.empty() ? "" : ", ") + std::string("relation ") + rel;
    }
    for (const auto& [key, labels] : {std::make_pair("source", &content_labels), std::make_pair("target", &targets[rel])}) {
      std::set<std::string> all;
      for (const auto& name : (*it)[key]) all.insert(name.template get<std::string>());
      all.insert(labels->begin(), labels->end());
      (*it)[key] = std::vector<std::string>(all.begin(), all.end());
    }
  }
  std::string names;
  for (const BratClaimEvent& m : mappings) names += (names.empty() ? "" : "; ") + to_string(m);
  warnings.push_back("brat: events read as claims (" + names + "): schema fitted" + (changed.empty() ? "" : " (" + changed + ")"));
  try {
    return Schema::parse(j.dump());
  } catch (const Error& e) {
    throw Error("brat", std::string("cannot fit the inferred schema to the claim events (give --schema FILE): ") + e.what());
  }
}

}  // namespace goldspan
