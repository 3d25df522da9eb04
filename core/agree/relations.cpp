#include "agree/relations.hpp"

#include <set>
#include <tuple>
#include <unordered_map>

namespace goldspan {

SpanAgreement relation_agreement(const std::vector<AgreeRelation>& a, const std::vector<AgreeRelation>& b,
                                 const std::vector<std::pair<size_t, size_t>>& pairs) {
  std::unordered_map<size_t, size_t> mate;  // a span -> b span
  for (const auto& [i, j] : pairs) mate.emplace(i, j);
  std::set<std::tuple<std::string, size_t, size_t>> in_b;
  std::map<std::string, SpanCounts> per_type;
  for (const AgreeRelation& r : b) {
    in_b.emplace(r.type, r.source, r.target);
    ++per_type[r.type].candidate;
  }
  for (const AgreeRelation& r : a) {
    SpanCounts& c = per_type[r.type];
    ++c.reference;
    const auto s = mate.find(r.source), t = mate.find(r.target);
    // erase: a duplicate in a cannot take the same relation of b twice
    if (s != mate.end() && t != mate.end() && in_b.erase({r.type, s->second, t->second})) ++c.matched;
  }
  return agreement_of_counts(std::move(per_type));
}

std::map<std::string, AttributeAgreement> attribute_agreement(const std::vector<AttributeValues>& a,
                                                              const std::vector<AttributeValues>& b,
                                                              const std::vector<std::pair<size_t, size_t>>& pairs) {
  static const std::string kUnset = "(unset)";
  std::set<std::string> names;
  for (const auto& [i, j] : pairs) {
    for (const auto& [name, value] : a.at(i)) names.insert(name);
    for (const auto& [name, value] : b.at(j)) names.insert(name);
  }
  std::map<std::string, AttributeAgreement> out;
  for (const std::string& name : names) {
    std::vector<std::string> va, vb;
    for (const auto& [i, j] : pairs) {
      const auto x = a[i].find(name), y = b[j].find(name);
      if (x == a[i].end() && y == b[j].end()) continue;
      va.push_back(x == a[i].end() ? kUnset : x->second);
      vb.push_back(y == b[j].end() ? kUnset : y->second);
    }
    std::map<std::string, int> codes;
    for (const auto* v : {&va, &vb})
      for (const std::string& s : *v) codes.emplace(s, 0);
    int next = 0;
    for (auto& [value, code] : codes) code = next++;
    std::vector<int> ca, cb;
    AttributeAgreement& r = out[name];
    for (size_t k = 0; k < va.size(); ++k) {
      ca.push_back(codes[va[k]]);
      cb.push_back(codes[vb[k]]);
      r.equal += va[k] == vb[k];
    }
    r.pairs = va.size();
    r.kappa = cohen_kappa(rater_table(ca, cb, codes.size()));
  }
  return out;
}

}  // namespace goldspan
