// The structured disagreements of an adjudication as JSON and back (core/agree/adjudicate.hpp).
// The app stores an adjudication session in this form in its autosave journal, so reading it
// back checks every field: a damaged record is an Error, not a crash.
#include <nlohmann/json.hpp>

#include "agree/adjudicate.hpp"
#include "error.hpp"

namespace goldspan {

std::vector<size_t> Disagreement::versions_of(size_t a) const {
  std::vector<size_t> out;
  for (size_t v = 0; v < versions.size(); ++v)
    for (size_t x : versions[v].annotators)
      if (x == a) out.push_back(v);
  return out;
}

std::string disagreements_json(const Adjudication& a) {
  using nlohmann::json;
  json list = json::array();
  for (const Disagreement& d : a.disagreements) {
    json versions = json::array();
    for (const SpanVersion& v : d.versions) {
      json frags = json::array(), attrs = json::object();
      for (Range r : v.fragments) frags.push_back({r.start, r.end});
      for (const auto& [name, value] : v.attributes) attrs[name] = value;
      versions.push_back({{"label", v.label}, {"fragments", frags}, {"attributes", attrs}, {"annotators", v.annotators}, {"kept", v.kept}});
    }
    list.push_back({{"doc", d.doc}, {"start", d.extent.start}, {"end", d.extent.end}, {"kind", d.kind},
                    {"holders", d.holders}, {"versions", versions}});
  }
  return json{{"annotators", a.annotators}, {"disagreements", list}}.dump();
}

void disagreements_from_json(std::string_view text, std::vector<std::string>& annotators, std::vector<Disagreement>& out) {
  using nlohmann::json;
  try {
    const json j = json::parse(text);
    annotators = j.at("annotators").get<std::vector<std::string>>();
    out.clear();
    for (const json& d : j.at("disagreements")) {
      Disagreement x;
      x.doc = d.at("doc").get<std::string>();
      x.extent = {d.at("start").get<uint32_t>(), d.at("end").get<uint32_t>()};
      x.kind = d.at("kind").get<std::string>();
      x.holders = d.at("holders").get<std::vector<size_t>>();
      for (const json& v : d.at("versions")) {
        SpanVersion y;
        y.label = v.at("label").get<std::string>();
        for (const json& f : v.at("fragments")) y.fragments.push_back({f.at(0).get<uint32_t>(), f.at(1).get<uint32_t>()});
        for (const auto& [name, value] : v.at("attributes").items()) y.attributes.emplace_back(name, value.get<std::string>());
        y.annotators = v.at("annotators").get<std::vector<size_t>>();
        y.kept = v.at("kept").get<bool>();
        for (size_t a : y.annotators)
          if (a >= annotators.size()) throw Error("disagreements", "an annotator index is out of range");
        if (y.fragments.empty()) throw Error("disagreements", "a version has no fragments");
        x.versions.push_back(std::move(y));
      }
      out.push_back(std::move(x));
    }
  } catch (const json::exception& e) {
    throw Error("disagreements", e.what());
  }
}

}  // namespace goldspan
