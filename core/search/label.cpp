#include "search/label.hpp"

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
struct Accepted {
  std::vector<SpanIndex> index;  // per document; SpanHit::span is an index into types + 1
  std::vector<uint16_t> types;
};

enum class Verdict { Add, Duplicate, Refused };

// Corpus::check_overlap's rule, for one candidate against one other fragment: a pair that
// nests (identical ranges included) or crosses is allowed only when both types allow it.
bool allowed(const SpanType& mine, const SpanType& theirs, Range f, uint32_t hs, uint32_t he) {
  if (mine.kind != theirs.kind) return true;
  const bool nested = (hs <= f.start && f.end <= he) || (f.start <= hs && he <= f.end);
  return nested ? mine.allow_nesting && theirs.allow_nesting : mine.allow_overlap && theirs.allow_overlap;
}

Verdict judge(const Corpus& corpus, const Accepted& acc, const Proposal& p, std::vector<SpanHit>& hits) {
  const Schema& schema = corpus.schema();
  const SpanType& mine = schema.span_types()[p.type];
  const Range f{p.start, p.end};
  hits.clear();
  corpus.query(p.doc, p.start, p.end, hits);
  for (const SpanHit& h : hits) {
    const Span& s = corpus.span(h.span);
    if (h.start == p.start && h.end == p.end && s.type == p.type && s.fragments.size() == 1) return Verdict::Duplicate;
  }
  hits.clear();
  acc.index[p.doc].query(p.start, p.end, hits);
  for (const SpanHit& h : hits)
    if (h.start == p.start && h.end == p.end && acc.types[h.span - 1] == p.type) return Verdict::Duplicate;
  if (schema.permissive(mine.kind)) return Verdict::Add;
  for (const SpanHit& h : hits)
    if (!allowed(mine, schema.span_types()[acc.types[h.span - 1]], f, h.start, h.end)) return Verdict::Refused;
  hits.clear();
  corpus.query(p.doc, p.start, p.end, hits);
  for (const SpanHit& h : hits)
    if (!allowed(mine, corpus.type_of(corpus.span(h.span)), f, h.start, h.end)) return Verdict::Refused;
  return Verdict::Add;
}

}  // namespace

Labeled label_all(const Corpus& corpus, const std::vector<Proposal>& proposals, const std::string& step,
                  LabelCounts so_far) {
  Labeled out;
  out.counts = so_far;
  Accepted acc;
  acc.index.resize(corpus.document_count());
  auto bulk = std::make_unique<Bulk>(step);
  std::vector<SpanHit> hits;
  for (const Proposal& p : proposals) {
    switch (judge(corpus, acc, p, hits)) {
      case Verdict::Duplicate: ++out.counts.duplicates; continue;
      case Verdict::Refused: ++out.counts.refused_overlap; continue;
      case Verdict::Add: break;
    }
    acc.types.push_back(p.type);
    acc.index[p.doc].insert(SpanHit{p.start, p.end, SpanId(acc.types.size())});
    bulk->add(std::make_unique<AddSpan>(corpus.document(p.doc).id(), corpus.schema().span_types()[p.type].name,
                                        std::vector<Range>{{p.start, p.end}}, EdgeMode::Character));
    ++out.counts.added;
  }
  if (out.counts.added) out.command = std::move(bulk);
  return out;
}

}  // namespace goldspan
