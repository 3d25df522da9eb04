#include "search/suggest.hpp"

#include <set>
#include <tuple>

#include "error.hpp"

namespace goldspan {

namespace {

// Collects items, skipping duplicates of spans, suggestions and earlier items.
class Collector {
 public:
  explicit Collector(const Corpus& c) : c_(c) {
    for (const auto& [id, g] : c.suggestions()) seen_.insert(key(g.doc, g.type, g.fragments.to_vector()));
  }
  void add(uint32_t doc, uint16_t type, std::vector<Range> frags) {
    if (c_.has_identical_span(doc, type, frags) || !seen_.insert(key(doc, type, frags)).second) {
      ++counts.duplicates;
      return;
    }
    items.push_back({c_.document(doc).id(), c_.schema().span_types()[type].name, std::move(frags)});
    ++counts.added;
  }
  Suggested done(const std::string& source, EdgeMode mode) {
    Suggested s;
    s.counts = counts;
    if (!items.empty()) s.command = std::make_unique<AddSuggestions>(source, std::move(items), mode);
    return s;
  }
  std::vector<AddSuggestions::Item> items;
  SuggestCounts counts;

 private:
  using Key = std::tuple<uint32_t, uint16_t, std::vector<std::pair<uint32_t, uint32_t>>>;
  static Key key(uint32_t doc, uint16_t type, const std::vector<Range>& frags) {
    std::vector<std::pair<uint32_t, uint32_t>> f;
    for (const Range& r : frags) f.emplace_back(r.start, r.end);
    return {doc, type, std::move(f)};
  }
  const Corpus& c_;
  std::set<Key> seen_;
};

}  // namespace

Suggested suggest_proposals(const Corpus& corpus, const std::vector<Proposal>& proposals, const std::string& source) {
  Collector c(corpus);
  for (const Proposal& p : proposals) c.add(uint32_t(p.doc), p.type, {Range{p.start, p.end}});
  return c.done(source, EdgeMode::Token);
}

Suggested suggest_import(const Corpus& corpus, const GoldImport& in, const std::string& source) {
  if (!in.ok()) throw Error(in.file_name, "the import has errors");
  std::vector<uint32_t> doc_of(in.documents.size());
  for (size_t i = 0; i < in.documents.size(); ++i) {
    const Document& d = *in.documents[i];
    const ptrdiff_t at = corpus.find_document(d.id());
    if (at < 0) throw Error(in.file_name, "document '" + d.id() + "' is not open");
    if (corpus.document(size_t(at)).text() != d.text())
      throw Error(in.file_name, "document '" + d.id() + "' is open with another text");
    doc_of[i] = uint32_t(at);
  }
  Collector c(corpus);
  for (const ImportedSpan& s : in.spans) {
    const int type = corpus.schema().span_type(s.label);
    if (type < 0) throw Error(in.file_name + ": " + s.path, "unknown label '" + s.label + "'");
    c.add(doc_of[s.doc], uint16_t(type), s.fragments);
    c.counts.attributes += s.attributes.size();
  }
  c.counts.relations = in.relations.size();
  c.counts.clusters = in.clusters.size();
  c.counts.links = in.links.size();
  return c.done(source, EdgeMode::Character);
}

}  // namespace goldspan
