#include "agree/clusters.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace goldspan {

namespace {

// Mention id -> cluster index; a repeated mention keeps its first cluster.
std::unordered_map<uint64_t, size_t> cluster_of(const Clustering& c) {
  std::unordered_map<uint64_t, size_t> of;
  for (size_t i = 0; i < c.size(); ++i)
    for (uint64_t m : c[i]) of.emplace(m, i);
  return of;
}

// The clusters without repeated mentions, so that sizes count each mention once.
Clustering distinct(const Clustering& c) {
  Clustering out(c.size());
  std::set<uint64_t> seen;
  for (size_t i = 0; i < c.size(); ++i)
    for (uint64_t m : c[i])
      if (seen.insert(m).second) out[i].push_back(m);
  return out;
}

// overlap[i][j] = |a_i ∩ b_j|
std::vector<std::vector<double>> overlaps(const Clustering& a, const Clustering& b) {
  const auto of_b = cluster_of(b);
  std::vector<std::vector<double>> o(a.size(), std::vector<double>(b.size(), 0.0));
  for (size_t i = 0; i < a.size(); ++i)
    for (uint64_t m : a[i]) {
      const auto it = of_b.find(m);
      if (it != of_b.end()) o[i][it->second] += 1;
    }
  return o;
}

// MUC's recall side: sum over key clusters of |K| - |partitions of K by the response|, where
// mentions absent from the response are partitions of their own; denominator sum |K| - 1.
void muc_side(const Clustering& key, const Clustering& response, double& num, double& den) {
  const auto of_r = cluster_of(response);
  for (const auto& k : key) {
    if (k.empty()) continue;
    std::set<size_t> parts;
    size_t alone = 0;
    for (uint64_t m : k) {
      const auto it = of_r.find(m);
      if (it == of_r.end()) ++alone;
      else parts.insert(it->second);
    }
    num += double(k.size()) - double(parts.size() + alone);
    den += double(k.size()) - 1;
  }
}

// Maximum weight assignment of rows to columns (Hungarian method, O(n^2 m), n <= m), as
// CEAF needs: returns the best total weight.
double best_assignment(const std::vector<std::vector<double>>& w) {
  const size_t n = w.size(), m = n ? w[0].size() : 0;
  if (n == 0 || m == 0) return 0;
  if (n > m) {
    std::vector<std::vector<double>> t(m, std::vector<double>(n));
    for (size_t i = 0; i < n; ++i)
      for (size_t j = 0; j < m; ++j) t[j][i] = w[i][j];
    return best_assignment(t);
  }
  // Potentials u (rows), v (columns); p[j] = row assigned to column j (1-based, 0 = none).
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1, 0.0), v(m + 1, 0.0);
  std::vector<size_t> p(m + 1, 0), way(m + 1, 0);
  for (size_t i = 1; i <= n; ++i) {
    p[0] = i;
    size_t j0 = 0;
    std::vector<double> minv(m + 1, kInf);
    std::vector<char> used(m + 1, 0);
    do {
      used[j0] = 1;
      const size_t i0 = p[j0];
      double delta = kInf;
      size_t j1 = 0;
      for (size_t j = 1; j <= m; ++j) {
        if (used[j]) continue;
        const double cur = -w[i0 - 1][j - 1] - u[i0] - v[j];  // cost = -weight
        if (cur < minv[j]) minv[j] = cur, way[j] = j0;
        if (minv[j] < delta) delta = minv[j], j1 = j;
      }
      for (size_t j = 0; j <= m; ++j) {
        if (used[j]) u[p[j]] += delta, v[j] -= delta;
        else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      const size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  double total = 0;
  for (size_t j = 1; j <= m; ++j)
    if (p[j]) total += w[p[j] - 1][j - 1];
  return total;
}

double pairs(double n) { return n * (n - 1) / 2; }

double f_of(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

double share(double num, double den) { return den == 0 ? 0.0 : num / den; }

}  // namespace

double ClusterScore::f1() const { return f_of(precision(), recall()); }

ClusterScore muc(const Clustering& key_in, const Clustering& response_in) {
  const Clustering key = distinct(key_in), response = distinct(response_in);
  ClusterScore s;
  muc_side(key, response, s.recall_num, s.recall_den);
  muc_side(response, key, s.precision_num, s.precision_den);
  return s;
}

ClusterScore b_cubed(const Clustering& key_in, const Clustering& response_in) {
  const Clustering key = distinct(key_in), response = distinct(response_in);
  const auto o = overlaps(key, response);
  ClusterScore s;
  // Each key mention scores |K ∩ R| / |K| for the response cluster R holding it; summed per
  // cluster pair that is |K ∩ R|^2 / |K|.
  for (size_t i = 0; i < key.size(); ++i) {
    s.recall_den += double(key[i].size());
    for (size_t j = 0; j < response.size(); ++j) {
      if (o[i][j] == 0) continue;
      s.recall_num += o[i][j] * o[i][j] / double(key[i].size());
      s.precision_num += o[i][j] * o[i][j] / double(response[j].size());
    }
  }
  for (const auto& r : response) s.precision_den += double(r.size());
  return s;
}

ClusterScore ceaf_mention(const Clustering& key_in, const Clustering& response_in) {
  const Clustering key = distinct(key_in), response = distinct(response_in);
  ClusterScore s;
  s.recall_num = s.precision_num = best_assignment(overlaps(key, response));
  for (const auto& k : key) s.recall_den += double(k.size());
  for (const auto& r : response) s.precision_den += double(r.size());
  return s;
}

ClusterScore ceaf_entity(const Clustering& key_in, const Clustering& response_in) {
  const Clustering key = distinct(key_in), response = distinct(response_in);
  auto o = overlaps(key, response);
  for (size_t i = 0; i < key.size(); ++i)
    for (size_t j = 0; j < response.size(); ++j) o[i][j] = 2 * o[i][j] / double(key[i].size() + response[j].size());
  ClusterScore s;
  s.recall_num = s.precision_num = best_assignment(o);
  for (const auto& k : key) s.recall_den += !k.empty();
  for (const auto& r : response) s.precision_den += !r.empty();
  return s;
}

BlancScore blanc(const Clustering& key_in, const Clustering& response_in) {
  const Clustering key = distinct(key_in), response = distinct(response_in);
  const auto o = overlaps(key, response);
  BlancScore b;
  // Links among the mentions both sides have: all pairs, minus those coreferent in the key or
  // the response, plus those coreferent in both (counted twice), leaves the common non-links.
  double shared = 0, same_key = 0, same_response = 0;
  std::vector<double> in_response(response.size(), 0.0);
  for (size_t i = 0; i < key.size(); ++i) {
    double k_shared = 0;
    for (size_t j = 0; j < response.size(); ++j) {
      b.coref_common += pairs(o[i][j]);
      k_shared += o[i][j];
      in_response[j] += o[i][j];
    }
    same_key += pairs(k_shared);
    shared += k_shared;
  }
  for (double r : in_response) same_response += pairs(r);
  b.non_common = pairs(shared) - same_key - same_response + b.coref_common;
  double key_mentions = 0, response_mentions = 0;
  for (const auto& k : key) b.coref_key += pairs(double(k.size())), key_mentions += double(k.size());
  for (const auto& r : response) b.coref_response += pairs(double(r.size())), response_mentions += double(r.size());
  b.non_key = pairs(key_mentions) - b.coref_key;
  b.non_response = pairs(response_mentions) - b.coref_response;

  const double rc = share(b.coref_common, b.coref_key), pc = share(b.coref_common, b.coref_response);
  const double rn = share(b.non_common, b.non_key), pn = share(b.non_common, b.non_response);
  // Luo et al. (2014): a key without coreference links is scored on non-links alone, a key
  // without non-links (one entity) on links alone; otherwise the two are averaged.
  if (b.coref_key == 0 && b.non_key == 0) return b;  // under two key mentions: nothing to score
  if (b.coref_key == 0) {
    b.recall = rn, b.precision = pn, b.f1 = f_of(pn, rn);
  } else if (b.non_key == 0) {
    b.recall = rc, b.precision = pc, b.f1 = f_of(pc, rc);
  } else {
    b.recall = (rc + rn) / 2;
    b.precision = (pc + pn) / 2;
    b.f1 = (f_of(pc, rc) + f_of(pn, rn)) / 2;
  }
  return b;
}

double conll_f1(const Clustering& key, const Clustering& response) {
  return (muc(key, response).f1() + b_cubed(key, response).f1() + ceaf_entity(key, response).f1()) / 3;
}

CorefAgreement coref_agreement(const Clustering& key, const Clustering& response) {
  CorefAgreement c;
  c.muc = muc(key, response);
  c.b_cubed = b_cubed(key, response);
  c.ceaf_mention = ceaf_mention(key, response);
  c.ceaf_entity = ceaf_entity(key, response);
  c.blanc = blanc(key, response);
  c.conll_f1 = (c.muc.f1() + c.b_cubed.f1() + c.ceaf_entity.f1()) / 3;
  return c;
}

std::pair<Clustering, Clustering> mention_clusterings(const std::vector<AgreeSpan>& spans_a,
                                                      const std::vector<std::vector<size_t>>& clusters_a,
                                                      const std::vector<AgreeSpan>& spans_b,
                                                      const std::vector<std::vector<size_t>>& clusters_b) {
  std::map<std::tuple<std::string, uint32_t, uint32_t>, uint64_t> ids;
  auto id_of = [&](const AgreeSpan& s) {
    return ids.emplace(std::make_tuple(s.doc, s.start, s.end), uint64_t(ids.size())).first->second;
  };
  auto side = [&](const std::vector<AgreeSpan>& spans, const std::vector<std::vector<size_t>>& clusters) {
    Clustering out;
    std::vector<char> clustered(spans.size());
    for (const auto& members : clusters) {
      out.emplace_back();
      for (size_t i : members) {
        out.back().push_back(id_of(spans.at(i)));
        clustered[i] = 1;
      }
    }
    for (size_t i = 0; i < spans.size(); ++i)
      if (!clustered[i]) out.push_back({id_of(spans[i])});
    return out;
  };
  Clustering a = side(spans_a, clusters_a);
  Clustering b = side(spans_b, clusters_b);
  return {std::move(a), std::move(b)};
}

}  // namespace goldspan
