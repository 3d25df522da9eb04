#include "agree/partial.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "error.hpp"

namespace goldspan {

using ojson = nlohmann::ordered_json;

// [SECTION] Tokens
TokenCounts token_counts(const LabelMatrix& labels, size_t coders) {
  TokenCounts t;
  t.coders = coders;
  add_token_counts(t, labels);
  return t;
}

void add_token_counts(TokenCounts& t, const LabelMatrix& labels) {
  const size_t coders = t.coders;
  t.units += labels.size();
  std::vector<const std::string*> values;
  for (const auto& u : labels) {
    if (u.size() != coders) throw Error("agreement", "a token has labels for another number of annotators");
    values.clear();
    for (const auto& l : u)
      if (l) values.push_back(&*l), ++t.categories[*l];
    for (size_t i = 0; i < coders; ++i)
      for (size_t j = i + 1; j < coders; ++j)
        if (u[i] && u[j]) t.tables[{i, j}][{*u[i], *u[j]}] += 1;
    if (values.size() == coders && coders >= 2) {  // Fleiss: units every coder coded
      std::map<std::string, double> n;
      for (const std::string* v : values) n[*v] += 1;
      double squares = 0;
      for (const auto& [label, c] : n) squares += c * c, t.fleiss_ratings[label] += c;
      const double m = double(coders);
      t.fleiss_agreement_sum += (squares - m) / (m * (m - 1));
      ++t.fleiss_subjects;
    }
    if (values.size() >= 2) {  // alpha: each ordered pair of values weighted 1/(m_u - 1)
      const double w = 1.0 / double(values.size() - 1);
      for (size_t i = 0; i < values.size(); ++i)
        for (size_t j = 0; j < values.size(); ++j)
          if (i != j) t.coincidences[{*values[i], *values[j]}] += w;
    }
  }
}

TokenAgreement token_agreement(const TokenCounts& t) {
  TokenAgreement r;
  r.coders = t.coders;
  r.units = t.units;
  for (const auto& [label, n] : t.categories) r.categories.push_back(label);
  const size_t q = r.categories.size();
  auto index = [&](const std::string& l) {
    return size_t(std::lower_bound(r.categories.begin(), r.categories.end(), l) - r.categories.begin());
  };
  r.cohen.assign(t.coders, std::vector<Kappa>(t.coders));
  for (size_t i = 0; i < t.coders; ++i)
    for (size_t j = i + 1; j < t.coders; ++j) {
      RaterTable table(q, std::vector<double>(q, 0.0));
      const auto it = t.tables.find({i, j});
      if (it != t.tables.end())
        for (const auto& [cell, n] : it->second) table[index(cell.first)][index(cell.second)] = n;
      r.cohen[i][j] = r.cohen[j][i] = cohen_kappa(table);
    }
  std::vector<double> ratings(q, 0.0);
  for (const auto& [label, n] : t.fleiss_ratings) ratings[index(label)] = n;
  r.fleiss = fleiss_of_sums(t.fleiss_agreement_sum, t.fleiss_subjects, ratings);
  // Alpha's values are the categories that occur in pairable units, as codes in sorted order.
  std::set<std::string> pairable;
  for (const auto& [cell, w] : t.coincidences) pairable.insert(cell.first), pairable.insert(cell.second);
  const std::vector<std::string> names(pairable.begin(), pairable.end());
  std::vector<double> values;
  for (size_t v = 0; v < names.size(); ++v) values.push_back(double(v));
  std::vector<std::vector<double>> o(names.size(), std::vector<double>(names.size(), 0.0));
  auto code = [&](const std::string& l) { return size_t(std::lower_bound(names.begin(), names.end(), l) - names.begin()); };
  for (const auto& [cell, w] : t.coincidences) o[code(cell.first)][code(cell.second)] = w;
  r.alpha = alpha_of_coincidences(o, values, AlphaMetric::Nominal);
  return r;
}

TokenAgreement token_agreement(const LabelMatrix& labels, size_t coders) {
  return token_agreement(token_counts(labels, coders));
}

// [SECTION] Spans
PairCounts pair_counts(const std::vector<AgreeSpan>& a, const std::vector<AgreeSpan>& b) {
  PairCounts p;
  p.exact = span_agreement(a, b, SpanMatch::Exact).per_label;
  p.overlap = span_agreement(a, b, SpanMatch::Overlap).per_label;
  const LabelConfusion c = label_confusion(a, b);
  for (size_t i = 0; i < c.labels.size(); ++i) {
    for (size_t j = 0; j < c.labels.size(); ++j)
      if (c.counts[i][j]) p.confusion[{c.labels[i], c.labels[j]}] = c.counts[i][j];
    if (c.only_a[i]) p.only_a[c.labels[i]] = c.only_a[i];
    if (c.only_b[i]) p.only_b[c.labels[i]] = c.only_b[i];
  }
  return p;
}

LabelConfusion label_confusion(const PairCounts& p) {
  LabelConfusion c;
  std::set<std::string> labels;
  for (const auto& [cell, n] : p.confusion) labels.insert(cell.first), labels.insert(cell.second);
  for (const auto& [l, n] : p.only_a) labels.insert(l);
  for (const auto& [l, n] : p.only_b) labels.insert(l);
  c.labels.assign(labels.begin(), labels.end());
  const size_t n = c.labels.size();
  auto index = [&](const std::string& l) {
    return size_t(std::lower_bound(c.labels.begin(), c.labels.end(), l) - c.labels.begin());
  };
  c.counts.assign(n, std::vector<size_t>(n, 0));
  c.only_a.assign(n, 0);
  c.only_b.assign(n, 0);
  for (const auto& [cell, k] : p.confusion) c.counts[index(cell.first)][index(cell.second)] = k;
  for (const auto& [l, k] : p.only_a) c.only_a[index(l)] = k;
  for (const auto& [l, k] : p.only_b) c.only_b[index(l)] = k;
  return c;
}

// [SECTION] Merge
namespace {

template <class Map>
void add_map(Map& into, const Map& from) {
  for (const auto& [k, v] : from) into[k] += v;
}

void add_counts(std::map<std::string, SpanCounts>& into, const std::map<std::string, SpanCounts>& from) {
  for (const auto& [label, c] : from) {
    SpanCounts& s = into[label];
    s.reference += c.reference;
    s.candidate += c.candidate;
    s.matched += c.matched;
  }
}

}  // namespace

void add_pair_counts(PairCounts& x, const PairCounts& y) {
  add_counts(x.exact, y.exact);
  add_counts(x.overlap, y.overlap);
  add_counts(x.relations, y.relations);
  x.has_relations = x.has_relations || y.has_relations;
  add_map(x.confusion, y.confusion);
  add_map(x.only_a, y.only_a);
  add_map(x.only_b, y.only_b);
}

void merge_into(AgreeCounts& a, const AgreeCounts& b, const std::string& where) {
  if (a.annotators != b.annotators)
    throw Error(where, "the partial counts are of other annotators (or in another order) than the first file's");
  for (size_t p = 0; p < a.pairs.size(); ++p) add_pair_counts(a.pairs[p], b.pairs[p]);
  TokenCounts& t = a.tokens;
  const TokenCounts& u = b.tokens;
  t.units += u.units;
  add_map(t.categories, u.categories);
  for (const auto& [ij, table] : u.tables) add_map(t.tables[ij], table);
  t.fleiss_agreement_sum += u.fleiss_agreement_sum;
  t.fleiss_subjects += u.fleiss_subjects;
  add_map(t.fleiss_ratings, u.fleiss_ratings);
  add_map(t.coincidences, u.coincidences);
  for (const auto& [k, why] : b.not_merged) a.not_merged.emplace(k, why);
}

// [SECTION] JSON
namespace {

ojson counts_json(const std::map<std::string, SpanCounts>& m) {
  ojson j = ojson::object();
  for (const auto& [label, c] : m) j[label] = {c.reference, c.candidate, c.matched};
  return j;
}

template <class N>
ojson cells_json(const std::map<LabelPair, N>& m) {
  ojson j = ojson::array();
  for (const auto& [cell, n] : m) j.push_back({cell.first, cell.second, n});
  return j;
}

template <class N>
ojson labels_json(const std::map<std::string, N>& m) {
  ojson j = ojson::object();
  for (const auto& [l, n] : m) j[l] = n;
  return j;
}

// Reads the JSON back, naming the file and the JSON path of anything malformed.
struct Reader {
  const std::string& file;
  [[noreturn]] void fail(const std::string& path, const std::string& what) const {
    throw Error(file, path + ": " + what);
  }
  const nlohmann::json& at(const nlohmann::json& j, const std::string& key, const std::string& path) const {
    if (!j.is_object() || !j.contains(key)) fail(path, "missing '" + key + "'");
    return j[key];
  }
  double number(const nlohmann::json& j, const std::string& path) const {
    if (!j.is_number() || j.get<double>() < 0) fail(path, "expected a non-negative number");
    return j.get<double>();
  }
  size_t count(const nlohmann::json& j, const std::string& path) const {
    if (!j.is_number_unsigned()) fail(path, "expected a non-negative integer");
    return j.get<size_t>();
  }
  std::string text(const nlohmann::json& j, const std::string& path) const {
    if (!j.is_string()) fail(path, "expected a string");
    return j.get<std::string>();
  }
  std::map<std::string, SpanCounts> counts(const nlohmann::json& j, const std::string& path) const {
    if (!j.is_object()) fail(path, "expected an object of label: [spans A, spans B, matched]");
    std::map<std::string, SpanCounts> m;
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string p = path + "." + it.key();
      if (!it->is_array() || it->size() != 3) fail(p, "expected [spans A, spans B, matched]");
      m[it.key()] = {count((*it)[0], p + "[0]"), count((*it)[1], p + "[1]"), count((*it)[2], p + "[2]")};
    }
    return m;
  }
  template <class N>
  std::map<LabelPair, N> cells(const nlohmann::json& j, const std::string& path) const {
    if (!j.is_array()) fail(path, "expected an array of [label, label, count]");
    std::map<LabelPair, N> m;
    for (size_t i = 0; i < j.size(); ++i) {
      const std::string p = path + "[" + std::to_string(i) + "]";
      if (!j[i].is_array() || j[i].size() != 3) fail(p, "expected [label, label, count]");
      N n;
      if constexpr (std::is_same_v<N, size_t>) n = count(j[i][2], p + "[2]");
      else n = number(j[i][2], p + "[2]");
      m[{text(j[i][0], p + "[0]"), text(j[i][1], p + "[1]")}] = n;
    }
    return m;
  }
  template <class N>
  std::map<std::string, N> labels(const nlohmann::json& j, const std::string& path) const {
    if (!j.is_object()) fail(path, "expected an object of label: count");
    std::map<std::string, N> m;
    for (auto it = j.begin(); it != j.end(); ++it) {
      if constexpr (std::is_same_v<N, size_t>) m[it.key()] = count(*it, path + "." + it.key());
      else m[it.key()] = number(*it, path + "." + it.key());
    }
    return m;
  }
};

}  // namespace

ojson to_json(const AgreeCounts& c) {
  ojson j = {{"format", "goldspan-agree-partial"}, {"version", kPartialVersion}, {"annotators", c.annotators}};
  ojson pairs = ojson::array();
  for (size_t i = 0, p = 0; i < c.annotators.size(); ++i)
    for (size_t k = i + 1; k < c.annotators.size(); ++k, ++p) {
      const PairCounts& x = c.pairs[p];
      ojson q = {{"a", c.annotators[i]}, {"b", c.annotators[k]}, {"exact", counts_json(x.exact)},
                 {"overlap", counts_json(x.overlap)}};
      if (x.has_relations) q["relations"] = counts_json(x.relations);
      q["confusion"] = cells_json(x.confusion);
      q["only_a"] = labels_json(x.only_a);
      q["only_b"] = labels_json(x.only_b);
      pairs.push_back(std::move(q));
    }
  j["pairs"] = std::move(pairs);
  const TokenCounts& t = c.tokens;
  ojson tables = ojson::array();
  for (const auto& [ij, table] : t.tables) tables.push_back({{"a", ij.first}, {"b", ij.second}, {"cells", cells_json(table)}});
  j["tokens"] = {{"units", t.units},
                 {"categories", labels_json(t.categories)},
                 {"pair_tables", std::move(tables)},
                 {"fleiss", {{"agreement_sum", t.fleiss_agreement_sum}, {"subjects", t.fleiss_subjects},
                             {"ratings", labels_json(t.fleiss_ratings)}}},
                 {"coincidences", cells_json(t.coincidences)}};
  j["not_merged"] = labels_json(c.not_merged);
  return j;
}

AgreeCounts agree_counts_from_json(const nlohmann::json& j, const std::string& file) {
  const Reader r{file};
  if (!j.is_object() || !j.contains("format") || j["format"] != "goldspan-agree-partial")
    r.fail("$", "not goldspan agree --partial output (no \"format\": \"goldspan-agree-partial\")");
  if (r.count(r.at(j, "version", "$"), "$.version") != size_t(kPartialVersion))
    r.fail("$.version", "version " + j["version"].dump() + " is not the supported " + std::to_string(kPartialVersion));
  AgreeCounts c;
  const auto& names = r.at(j, "annotators", "$");
  if (!names.is_array() || names.size() < 2) r.fail("$.annotators", "expected two or more names");
  for (size_t i = 0; i < names.size(); ++i) c.annotators.push_back(r.text(names[i], "$.annotators[" + std::to_string(i) + "]"));
  const size_t n = c.annotators.size();
  const auto& pairs = r.at(j, "pairs", "$");
  if (!pairs.is_array() || pairs.size() != n * (n - 1) / 2) r.fail("$.pairs", "expected one entry per pair of annotators");
  for (size_t p = 0; p < pairs.size(); ++p) {
    const std::string path = "$.pairs[" + std::to_string(p) + "]";
    const auto& q = pairs[p];
    PairCounts x;
    x.exact = r.counts(r.at(q, "exact", path), path + ".exact");
    x.overlap = r.counts(r.at(q, "overlap", path), path + ".overlap");
    x.has_relations = q.contains("relations");
    if (x.has_relations) x.relations = r.counts(q["relations"], path + ".relations");
    x.confusion = r.cells<size_t>(r.at(q, "confusion", path), path + ".confusion");
    x.only_a = r.labels<size_t>(r.at(q, "only_a", path), path + ".only_a");
    x.only_b = r.labels<size_t>(r.at(q, "only_b", path), path + ".only_b");
    c.pairs.push_back(std::move(x));
  }
  const auto& t = r.at(j, "tokens", "$");
  TokenCounts& tc = c.tokens;
  tc.coders = n;
  tc.units = r.count(r.at(t, "units", "$.tokens"), "$.tokens.units");
  tc.categories = r.labels<size_t>(r.at(t, "categories", "$.tokens"), "$.tokens.categories");
  const auto& tables = r.at(t, "pair_tables", "$.tokens");
  if (!tables.is_array()) r.fail("$.tokens.pair_tables", "expected an array");
  for (size_t k = 0; k < tables.size(); ++k) {
    const std::string path = "$.tokens.pair_tables[" + std::to_string(k) + "]";
    const size_t a = r.count(r.at(tables[k], "a", path), path + ".a"), b = r.count(r.at(tables[k], "b", path), path + ".b");
    if (a >= b || b >= n) r.fail(path, "expected annotator indices a < b < " + std::to_string(n));
    tc.tables[{a, b}] = r.cells<double>(r.at(tables[k], "cells", path), path + ".cells");
  }
  const auto& f = r.at(t, "fleiss", "$.tokens");
  tc.fleiss_agreement_sum = r.number(r.at(f, "agreement_sum", "$.tokens.fleiss"), "$.tokens.fleiss.agreement_sum");
  tc.fleiss_subjects = r.count(r.at(f, "subjects", "$.tokens.fleiss"), "$.tokens.fleiss.subjects");
  tc.fleiss_ratings = r.labels<double>(r.at(f, "ratings", "$.tokens.fleiss"), "$.tokens.fleiss.ratings");
  tc.coincidences = r.cells<double>(r.at(t, "coincidences", "$.tokens"), "$.tokens.coincidences");
  if (j.contains("not_merged")) {
    const auto& m = j["not_merged"];
    if (!m.is_object()) r.fail("$.not_merged", "expected an object of figure: reason");
    for (auto it = m.begin(); it != m.end(); ++it) c.not_merged[it.key()] = r.text(*it, "$.not_merged." + it.key());
  }
  return c;
}

}  // namespace goldspan
