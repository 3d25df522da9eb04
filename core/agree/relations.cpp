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

void add_attribute_counts(AttributeCounts& counts, const std::vector<AttributeValues>& a,
                          const std::vector<AttributeValues>& b, const std::vector<std::pair<size_t, size_t>>& pairs) {
  static const std::string kUnset = "(unset)";
  std::set<std::string> names;
  for (const auto& [i, j] : pairs) {
    for (const auto& [name, value] : a.at(i)) names.insert(name);
    for (const auto& [name, value] : b.at(j)) names.insert(name);
  }
  for (const std::string& name : names) {
    auto& table = counts[name];
    for (const auto& [i, j] : pairs) {
      const auto x = a[i].find(name), y = b[j].find(name);
      if (x == a[i].end() && y == b[j].end()) continue;
      ++table[{x == a[i].end() ? kUnset : x->second, y == b[j].end() ? kUnset : y->second}];
    }
  }
}

std::map<std::string, AttributeAgreement> attribute_agreement(const AttributeCounts& counts) {
  std::map<std::string, AttributeAgreement> out;
  for (const auto& [name, table] : counts) {
    std::map<std::string, size_t> codes;  // values in sorted order
    for (const auto& [cell, n] : table) codes.emplace(cell.first, 0), codes.emplace(cell.second, 0);
    size_t next = 0;
    for (auto& [value, code] : codes) code = next++;
    RaterTable t(codes.size(), std::vector<double>(codes.size(), 0.0));
    AttributeAgreement& r = out[name];
    for (const auto& [cell, n] : table) {
      t[codes[cell.first]][codes[cell.second]] += double(n);
      r.pairs += n;
      if (cell.first == cell.second) r.equal += n;
    }
    r.kappa = cohen_kappa(t);
  }
  return out;
}

std::map<std::string, AttributeAgreement> attribute_agreement(const std::vector<AttributeValues>& a,
                                                              const std::vector<AttributeValues>& b,
                                                              const std::vector<std::pair<size_t, size_t>>& pairs) {
  AttributeCounts counts;
  add_attribute_counts(counts, a, b, pairs);
  return attribute_agreement(counts);
}

}  // namespace goldspan
