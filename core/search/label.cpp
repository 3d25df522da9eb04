#include "search/label.hpp"

#include <algorithm>

#include "error.hpp"
#include "model/span_index.hpp"
#include "text/document.hpp"

namespace goldspan {

bool snap_to_tokens(const Document& doc, uint32_t& start, uint32_t& end, Snap snap) {
  const std::vector<Token>& t = doc.tokens();
  if (end <= start) return false;
  const size_t first = doc.token_at_or_after(start);
  if (first == t.size() || t[first].start >= end) return false;  // only spaces
  size_t last = doc.token_at_or_after(end - 1);                   // contains end-1, or follows it
  if (last == t.size() || t[last].start >= end) --last;
  if (snap == Snap::Refuse && (t[first].start < start || t[last].end > end)) return false;
  start = t[first].start;
  end = t[last].end;
  return true;
}

std::vector<Proposal> proposals_from_hits(const Corpus& corpus, const std::vector<Hit>& hits, const std::string& label,
                                          Snap snap, LabelCounts& counts) {
  const int type = corpus.schema().span_type(label);
  if (type < 0) throw Error("label all", "unknown label '" + label + "' (not in the schema)");
  std::vector<Proposal> out;
  out.reserve(hits.size());
  for (const Hit& h : hits) {
    Proposal p{h.doc, h.start, h.end, uint16_t(type)};
    if (snap_to_tokens(corpus.document(h.doc), p.start, p.end, snap)) out.push_back(p);
    else ++counts.refused_token;
  }
  return out;
}

namespace {

// The batch so far, per document, so that proposals are checked against each other too.
// Proposals usually come in text order without overlaps (search hits, dictionary matches):
// while each starts at or after the end of all accepted before it, none can collide, and the
// accepted ones are only listed; the span index is built the first time one could.
class Accepted {
 public:
  explicit Accepted(size_t docs) : docs_(docs) {}
  uint16_t type(SpanId local) const { return types_[local - 1]; }
  void query(const Proposal& p, std::vector<SpanHit>& out) {
    Doc& d = docs_[p.doc];
    if (!d.index && p.start >= d.frontier) return;
    if (!d.index) {
      d.index = std::make_unique<SpanIndex>();
      for (const SpanHit& h : d.list) d.index->insert(h);
      d.list = {};
    }
    d.index->query(p.start, p.end, out);
  }
  void add(const Proposal& p) {
    types_.push_back(p.type);
    Doc& d = docs_[p.doc];
    const SpanHit h{p.start, p.end, SpanId(types_.size())};
    if (d.index) d.index->insert(h);
    else d.list.push_back(h);
    d.frontier = std::max(d.frontier, p.end);
  }

 private:
  struct Doc {
    std::vector<SpanHit> list;          // until `index` exists
    std::unique_ptr<SpanIndex> index;
    uint32_t frontier = 0;              // the largest end accepted
  };
  std::vector<Doc> docs_;
  std::vector<uint16_t> types_;  // SpanHit::span - 1 -> span type
};

enum class Verdict { Add, Duplicate, Refused };

// Corpus::check_overlap's rule, for one candidate against one other fragment: a pair that
// nests (identical ranges included) or crosses is allowed only when both types allow it.
bool allowed(const SpanType& mine, const SpanType& theirs, Range f, uint32_t hs, uint32_t he) {
  return may_share(mine, theirs, nested_ranges(f.start, f.end, hs, he));
}

// `theirs` and `ours` are buffers reused between calls.
Verdict judge(const Corpus& corpus, Accepted& acc, const Proposal& p, std::vector<SpanHit>& theirs,
              std::vector<SpanHit>& ours) {
  const Schema& schema = corpus.schema();
  const SpanType& mine = schema.span_types()[p.type];
  const Range f{p.start, p.end};
  theirs.clear();
  corpus.query(p.doc, p.start, p.end, theirs);
  ours.clear();
  acc.query(p, ours);
  for (const SpanHit& h : theirs) {
    const Span& s = corpus.span(h.span);
    if (h.start == p.start && h.end == p.end && s.type == p.type && s.fragments.size() == 1) return Verdict::Duplicate;
  }
  for (const SpanHit& h : ours)
    if (h.start == p.start && h.end == p.end && acc.type(h.span) == p.type) return Verdict::Duplicate;
  if (schema.permissive(mine.kind)) return Verdict::Add;
  for (const SpanHit& h : theirs)
    if (!allowed(mine, corpus.type_of(corpus.span(h.span)), f, h.start, h.end)) return Verdict::Refused;
  for (const SpanHit& h : ours)
    if (!allowed(mine, schema.span_types()[acc.type(h.span)], f, h.start, h.end)) return Verdict::Refused;
  return Verdict::Add;
}

}  // namespace

Labeled label_all(const Corpus& corpus, const std::vector<Proposal>& proposals, const std::string& step,
                  LabelCounts so_far) {
  Labeled out;
  out.counts = so_far;
  Accepted acc(corpus.document_count());
  auto bulk = std::make_unique<Bulk>(step);
  std::vector<SpanHit> theirs, ours;
  for (const Proposal& p : proposals) {
    switch (judge(corpus, acc, p, theirs, ours)) {
      case Verdict::Duplicate: ++out.counts.duplicates; continue;
      case Verdict::Refused: ++out.counts.refused_overlap; continue;
      case Verdict::Add: break;
    }
    acc.add(p);
    bulk->add(std::make_unique<AddSpan>(corpus.document(p.doc).id(), corpus.schema().span_types()[p.type].name,
                                        std::vector<Range>{{p.start, p.end}}, EdgeMode::Token));
    ++out.counts.added;
  }
  if (out.counts.added) out.command = std::move(bulk);
  return out;
}

}  // namespace goldspan
