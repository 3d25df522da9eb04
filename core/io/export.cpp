#include "io/export.hpp"

#include <algorithm>
#include <tuple>

namespace goldspan::export_detail {

std::vector<SpanId> ordered_spans(const Corpus& c, size_t doc) {
  std::vector<SpanId> ids = c.document_spans(doc);
  std::sort(ids.begin(), ids.end(), [&](SpanId a, SpanId b) {
    const Range ea = c.span(a).fragments.extent(), eb = c.span(b).fragments.extent();
    return std::tie(ea.start, ea.end, a) < std::tie(eb.start, eb.end, b);
  });
  return ids;
}

void warn_count(Warnings& w, const char* format, size_t n, const std::string& what) {
  if (n) w.push_back(std::string(format) + ": " + std::to_string(n) + " " + what);
}

void warn_uncarried(Warnings& w, const char* format, const Counts& n, unsigned dropped) {
  if (dropped & kAttributes) warn_count(w, format, n.attributes, "attribute values not carried");
  if (dropped & kRelations) warn_count(w, format, n.relations, "relations not carried");
  if (dropped & kClusters) warn_count(w, format, n.clusters, "clusters not carried");
  if (dropped & kLinks) warn_count(w, format, n.links, "claim links not carried");
  if ((dropped & kStamps) && n.spans) w.push_back(std::string(format) + ": annotators and times not carried");
}

Counts count(const Corpus& c) {
  Counts n;
  for (SpanId id : c.span_ids()) {
    const Span& s = c.span(id);
    ++n.spans;
    n.discontinuous += s.fragments.size() > 1;
    n.attributes += s.attributes.size();
  }
  n.relations = c.relations().size();
  n.clusters = c.clusters().size();
  n.links = c.links().size();
  return n;
}

std::string safe_file_stem(const std::string& id, std::vector<std::string>& taken) {
  std::string s;
  for (char ch : id) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' ||
                    (ch == '.' && !s.empty());
    s += ok ? ch : '_';
  }
  if (s.empty()) s = "document";
  std::string unique = s;
  for (int n = 2; std::find(taken.begin(), taken.end(), unique) != taken.end(); ++n) unique = s + "-" + std::to_string(n);
  taken.push_back(unique);
  return unique;
}

}  // namespace goldspan::export_detail
