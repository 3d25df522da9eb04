// The structured disagreements of an adjudication as JSON and back, record identities, and
// provenance added to a gold file (core/agree/adjudicate.hpp). The app stores an adjudication
// session in this form in its autosave journal, so reading it back checks every field: a
// damaged record is an Error, not a crash.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "agree/adjudicate.hpp"
#include "error.hpp"

namespace goldspan {

namespace {

using nlohmann::json;

json frags_json(const std::vector<Range>& fragments) {
  json out = json::array();
  for (Range r : fragments) out.push_back({r.start, r.end});
  return out;
}

std::vector<Range> frags_of(const json& j) {
  std::vector<Range> out;
  for (const json& f : j) out.push_back({f.at(0).get<uint32_t>(), f.at(1).get<uint32_t>()});
  if (out.empty()) throw Error("disagreements", "a version has no fragments");
  return out;
}

json refs_json(const std::vector<SpanRef>& refs) {
  json out = json::array();
  for (const SpanRef& r : refs) out.push_back({{"doc", r.doc}, {"label", r.label}, {"fragments", frags_json(r.fragments)}});
  return out;
}

std::vector<SpanRef> refs_of(const json& j) {
  std::vector<SpanRef> out;
  for (const json& r : j) out.push_back({r.at("doc").get<std::string>(), r.at("label").get<std::string>(), frags_of(r.at("fragments"))});
  return out;
}

std::vector<size_t> annotators_of(const json& j, size_t n) {
  auto out = j.get<std::vector<size_t>>();
  for (size_t a : out)
    if (a >= n) throw Error("disagreements", "an annotator index is out of range");
  return out;
}

}  // namespace

std::vector<size_t> Disagreement::versions_of(size_t a) const {
  std::vector<size_t> out;
  auto mine = [&](const std::vector<size_t>& who) { return std::find(who.begin(), who.end(), a) != who.end(); };
  for (size_t v = 0; v < versions.size(); ++v)
    if (mine(versions[v].annotators)) out.push_back(v);
  for (size_t v = 0; v < records.size(); ++v)
    if (mine(records[v].annotators)) out.push_back(v);
  return out;
}

std::string span_identity(const std::string& doc, const std::string& label, const std::vector<Range>& fragments) {
  return json::array({"s", doc, label, frags_json(fragments)}).dump();
}
std::string relation_identity(const std::string& doc, const std::string& type, const std::string& from, const std::string& to) {
  return json::array({"r", doc, type, from, to}).dump();
}
std::string cluster_identity(const std::string& kind, std::vector<std::string> members) {
  std::sort(members.begin(), members.end());
  return json::array({"c", kind, members}).dump();
}
std::string link_identity(const std::string& type, const std::string& from, const std::string& to) {
  return json::array({"l", type, from, to}).dump();
}

std::string disagreements_json(const Adjudication& a) {
  json list = json::array();
  for (const Disagreement& d : a.disagreements) {
    json versions = json::array(), records = json::array();
    for (const SpanVersion& v : d.versions) {
      json attrs = json::object();
      for (const auto& [name, value] : v.attributes) attrs[name] = value;
      versions.push_back({{"label", v.label}, {"fragments", frags_json(v.fragments)}, {"attributes", attrs}, {"annotators", v.annotators}, {"kept", v.kept}});
    }
    for (const RecordVersion& r : d.records)
      records.push_back({{"type", r.type}, {"kind", r.kind}, {"from", refs_json(r.from)}, {"to", refs_json(r.to)},
                         {"from_cluster", r.from_cluster}, {"to_cluster", r.to_cluster}, {"members", refs_json(r.members)},
                         {"annotators", r.annotators}, {"kept", r.kept}});
    list.push_back({{"doc", d.doc}, {"start", d.extent.start}, {"end", d.extent.end}, {"kind", d.kind},
                    {"holders", d.holders}, {"versions", versions}, {"records", records}});
  }
  json conflicts = json::array();
  for (const Conflict& c : a.conflicts)
    conflicts.push_back({{"doc", c.doc}, {"kind", c.kind}, {"what", c.what}, {"had", c.had}, {"lacked", c.lacked}, {"disagreement", c.disagreement}});
  return json{{"annotators", a.annotators}, {"strategy", a.strategy}, {"disagreements", list},
              {"conflicts", conflicts}, {"provenance", a.provenance}}.dump();
}

void disagreements_from_json(std::string_view text, AdjudicationSession& out) {
  try {
    const json j = json::parse(text);
    out = AdjudicationSession();
    out.annotators = j.at("annotators").get<std::vector<std::string>>();
    const size_t n = out.annotators.size();
    out.strategy = j.value("strategy", "majority");
    for (const json& d : j.at("disagreements")) {
      Disagreement x;
      x.doc = d.at("doc").get<std::string>();
      x.extent = {d.at("start").get<uint32_t>(), d.at("end").get<uint32_t>()};
      x.kind = d.at("kind").get<std::string>();
      x.holders = annotators_of(d.at("holders"), n);
      for (const json& v : d.at("versions")) {
        SpanVersion y;
        y.label = v.at("label").get<std::string>();
        y.fragments = frags_of(v.at("fragments"));
        for (const auto& [name, value] : v.at("attributes").items()) y.attributes.emplace_back(name, value.get<std::string>());
        y.annotators = annotators_of(v.at("annotators"), n);
        y.kept = v.at("kept").get<bool>();
        x.versions.push_back(std::move(y));
      }
      for (const json& v : d.value("records", json::array())) {
        RecordVersion y;
        y.type = v.at("type").get<std::string>();
        y.kind = v.at("kind").get<std::string>();
        y.from = refs_of(v.at("from"));
        y.to = refs_of(v.at("to"));
        y.from_cluster = v.at("from_cluster").get<bool>();
        y.to_cluster = v.at("to_cluster").get<bool>();
        y.members = refs_of(v.at("members"));
        y.annotators = annotators_of(v.at("annotators"), n);
        y.kept = v.at("kept").get<bool>();
        x.records.push_back(std::move(y));
      }
      if (x.versions.empty() == x.records.empty()) throw Error("disagreements", "a disagreement needs versions of one sort");
      out.disagreements.push_back(std::move(x));
    }
    for (const json& c : j.value("conflicts", json::array())) {
      Conflict k{c.at("doc").get<std::string>(), c.at("kind").get<std::string>(), c.at("what").get<std::string>(),
                 c.at("had").get<std::vector<std::string>>(), c.at("lacked").get<std::vector<std::string>>(),
                 c.at("disagreement").get<size_t>()};
      if (k.disagreement >= out.disagreements.size()) throw Error("disagreements", "a conflict's disagreement is out of range");
      out.conflicts.push_back(std::move(k));
    }
    const json provenance = j.value("provenance", json::object());  // items() keeps no temporary alive
    for (const auto& [id, who] : provenance.items()) out.provenance[id] = annotators_of(who, n);
  } catch (const json::exception& e) {
    throw Error("disagreements", e.what());
  }
}

std::string gold_with_provenance(const std::string& gold, const AdjudicationSession& s, const std::vector<bool>& open) {
  using ojson = nlohmann::ordered_json;
  ojson j = ojson::parse(gold, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw Error("gold_with_provenance", "not a gold JSON text");
  auto votes = [&](const std::string& id) {
    ojson names = ojson::array();
    if (const auto it = s.provenance.find(id); it != s.provenance.end())
      for (size_t a : it->second) names.push_back(s.annotators.at(a));
    return names;
  };
  std::map<std::pair<std::string, std::string>, std::string> span_ids;  // (doc, span id) -> identity
  for (ojson& d : j["documents"]) {
    const std::string doc = d.at("id").get<std::string>();
    for (ojson& sp : d["spans"]) {
      std::vector<Range> frags;
      if (sp.contains("fragments"))
        for (const ojson& f : sp["fragments"]) frags.push_back({f.at(0).get<uint32_t>(), f.at(1).get<uint32_t>()});
      else
        frags.push_back({sp.at("start").get<uint32_t>(), sp.at("end").get<uint32_t>()});
      const std::string id = span_identity(doc, sp.at("label").get<std::string>(), frags);
      span_ids[{doc, sp.at("id").get<std::string>()}] = id;
      sp["x_annotators"] = votes(id);
    }
    for (ojson& r : d["relations"])
      r["x_annotators"] = votes(relation_identity(doc, r.at("type").get<std::string>(), span_ids[{doc, r.at("from").get<std::string>()}],
                                                  span_ids[{doc, r.at("to").get<std::string>()}]));
  }
  std::map<std::string, std::string> cluster_ids;  // cluster id -> identity
  if (j.contains("clusters"))
    for (ojson& c : j["clusters"]) {
      std::vector<std::string> members;
      for (const ojson& m : c.at("members")) members.push_back(span_ids[{m.at("doc").get<std::string>(), m.at("span").get<std::string>()}]);
      const std::string id = cluster_identity(c.at("kind").get<std::string>(), members);
      cluster_ids[c.at("id").get<std::string>()] = id;
      c["x_annotators"] = votes(id);
    }
  auto end = [&](const ojson& e) {
    return e.is_string() ? cluster_ids[e.get<std::string>()] : span_ids[{e.at("doc").get<std::string>(), e.at("span").get<std::string>()}];
  };
  if (j.contains("cluster_links"))
    for (ojson& l : j["cluster_links"]) l["x_annotators"] = votes(link_identity(l.at("type").get<std::string>(), end(l.at("from")), end(l.at("to"))));
  ojson conflicts = ojson::array();
  for (const Conflict& c : s.conflicts)
    if (c.disagreement < open.size() && open[c.disagreement])
      conflicts.push_back({{"doc", c.doc}, {"kind", c.kind}, {"what", c.what}, {"had", c.had}, {"lacked", c.lacked}});
  j["x_conflicts"] = std::move(conflicts);
  return j.dump(1) + "\n";
}

}  // namespace goldspan
