#pragma once
// Agreement between two clusterings of mentions (coreference): MUC, B-cubed, CEAF (mention and
// entity based), BLANC, and the CoNLL F1. Pure functions; no I/O.
//
// A clustering is a list of clusters, each a list of mention ids; a mention is the same in key
// and response when its id is (the caller maps spans to ids, e.g. by document and edges).
// Mentions of one side missing from the other ("twinless", as with predicted mentions) are
// allowed. A mention listed twice within one clustering counts once, in its first cluster.
//
// Definitions follow the CoNLL reference scorer v8.01 and Pradhan et al. (2014), "Scoring
// Coreference Partitions of Predicted Mentions: A Reference Implementation" (ACL): MUC (Vilain
// et al. 1995), B-cubed (Bagga & Baldwin 1998), CEAF (Luo 2005), BLANC (Recasens & Hovy 2011,
// extended to predicted mentions by Luo et al. 2014). Like that scorer, a recall or precision
// with denominator 0 is 0, so that the CoNLL F1 is always a number; the raw counts are kept.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "agree/spans.hpp"

namespace goldspan {

using Clustering = std::vector<std::vector<uint64_t>>;

struct ClusterScore {
  double recall_num = 0, recall_den = 0, precision_num = 0, precision_den = 0;
  double recall() const { return recall_den == 0 ? 0.0 : recall_num / recall_den; }
  double precision() const { return precision_den == 0 ? 0.0 : precision_num / precision_den; }
  double f1() const;
};

ClusterScore muc(const Clustering& key, const Clustering& response);
ClusterScore b_cubed(const Clustering& key, const Clustering& response);
ClusterScore ceaf_mention(const Clustering& key, const Clustering& response);  // phi3, |K ∩ R|
ClusterScore ceaf_entity(const Clustering& key, const Clustering& response);   // phi4, Dice of clusters

// BLANC keeps the coreference and non-coreference link counts: "common" links are in both.
struct BlancScore {
  double coref_common = 0, coref_key = 0, coref_response = 0;
  double non_common = 0, non_key = 0, non_response = 0;
  double recall = 0, precision = 0, f1 = 0;
};
BlancScore blanc(const Clustering& key, const Clustering& response);

// The CoNLL-2011/2012 score: the mean of the MUC, B-cubed and CEAF-e F1.
double conll_f1(const Clustering& key, const Clustering& response);

// Every metric above for one key and response.
struct CorefAgreement {
  ClusterScore muc, b_cubed, ceaf_mention, ceaf_entity;
  BlancScore blanc;
  double conll_f1 = 0;
};
CorefAgreement coref_agreement(const Clustering& key, const Clustering& response);

// Two annotators' clusters as clusterings over one id space. A mention is a span's document
// and edges (not its label, which the span metrics score); spans in no cluster are singletons,
// as every marked span refers to something. clusters_x[i] lists indices into spans_x.
std::pair<Clustering, Clustering> mention_clusterings(const std::vector<AgreeSpan>& spans_a,
                                                      const std::vector<std::vector<size_t>>& clusters_a,
                                                      const std::vector<AgreeSpan>& spans_b,
                                                      const std::vector<std::vector<size_t>>& clusters_b);

}  // namespace goldspan
