#include "model/cluster_edits.hpp"

#include <algorithm>
#include <type_traits>

#include "error.hpp"

namespace goldspan {

namespace {

const Cluster& cluster_or_throw(const Corpus& c, ClusterId id, const char* where) {
  const Cluster* cl = c.find_cluster(id);
  if (!cl) throw Error(where, "no cluster " + format_id('c', id));
  return *cl;
}

// Runs `f` as one undo step; on an Error the group's commands are reverted and it propagates.
template <class F>
auto grouped(History& h, std::string label, F f) {
  h.begin_group(std::move(label));
  try {
    if constexpr (std::is_void_v<decltype(f())>) {
      f();
      h.end_group();
    } else {
      auto r = f();
      h.end_group();
      return r;
    }
  } catch (...) {
    h.cancel_group();
    throw;
  }
}

// The cluster is deleted once empty: an empty cluster only clutters the finder and the panel.
void drop_if_empty(History& h, ClusterId id) {
  const Cluster* cl = h.corpus().find_cluster(id);
  if (cl && cl->members.empty() && h.corpus().links_of(Ref{Ref::Cluster, id}).empty()) h.run<DeleteCluster>(id);
}

}  // namespace

void join_cluster(History& h, SpanId span, ClusterId cluster) {
  const char* where = "join_cluster";
  cluster_or_throw(h.corpus(), cluster, where);
  h.corpus().span(span);
  const ClusterId old = h.corpus().cluster_of(span);
  if (old == cluster) throw Error(where, format_id('s', span) + " is already in " + format_id('c', cluster));
  grouped(h, "join cluster", [&] {
    if (old) h.run<RemoveMember>(old, span);
    h.run<AddMember>(cluster, span);
    if (old) drop_if_empty(h, old);
  });
}

ClusterId join_new_cluster(History& h, SpanId span, std::string name) {
  const Span& s = h.corpus().span(span);
  const SpanKind kind = h.corpus().type_of(s).kind;
  const ClusterId old = h.corpus().cluster_of(span);
  return grouped(h, "new cluster", [&] {
    if (old) h.run<RemoveMember>(old, span);
    const ClusterId id = h.run<CreateCluster>(kind, std::move(name)).id();
    h.run<AddMember>(id, span);
    if (old) drop_if_empty(h, old);
    return id;
  });
}

void leave_cluster(History& h, SpanId span) {
  const ClusterId old = h.corpus().cluster_of(span);
  if (!old) throw Error("leave_cluster", format_id('s', span) + " is in no cluster");
  grouped(h, "leave cluster", [&] {
    h.run<RemoveMember>(old, span);
    drop_if_empty(h, old);
  });
}

void merge_clusters(History& h, ClusterId from, ClusterId into) {
  const char* where = "merge_clusters";
  const Cluster& a = cluster_or_throw(h.corpus(), from, where);
  const Cluster& b = cluster_or_throw(h.corpus(), into, where);
  if (from == into) throw Error(where, "a cluster cannot be merged into itself");
  if (a.kind != b.kind)
    throw Error(where, format_id('c', from) + " groups " + to_string(a.kind) + " spans, " + format_id('c', into) + " " + to_string(b.kind) + " spans");
  const std::vector<SpanId> members = a.members;
  grouped(h, "merge clusters", [&] {
    const Corpus& c = h.corpus();
    for (LinkId lid : c.links_of(Ref{Ref::Cluster, from})) {
      const Link l = *c.find_link(lid);
      const Ref to{Ref::Cluster, into};
      const Ref s = l.source == Ref{Ref::Cluster, from} ? to : l.source;
      const Ref t = l.target == Ref{Ref::Cluster, from} ? to : l.target;
      if (s == t) continue;
      bool repeats = false;
      for (LinkId o : c.links_of(s)) {
        const Link& ol = *c.find_link(o);
        repeats |= ol.type == l.type && ol.source == s && ol.target == t;
      }
      if (!repeats) h.run<AddLink>(c.schema().link_types()[l.type].name, s, t);
    }
    for (SpanId m : members) {
      h.run<RemoveMember>(from, m);
      h.run<AddMember>(into, m);
    }
    h.run<DeleteCluster>(from);  // also removes the links re-pointed above
  });
}

ClusterId split_cluster(History& h, ClusterId cluster, const std::vector<SpanId>& members, std::string name) {
  const char* where = "split_cluster";
  const Cluster& cl = cluster_or_throw(h.corpus(), cluster, where);
  if (members.empty()) throw Error(where, "no members to split off " + format_id('c', cluster));
  for (SpanId m : members)
    if (!std::binary_search(cl.members.begin(), cl.members.end(), m))
      throw Error(where, format_id('s', m) + " is not in " + format_id('c', cluster));
  if (members.size() >= cl.members.size()) throw Error(where, "splitting off every member leaves " + format_id('c', cluster) + " empty; rename it instead");
  const SpanKind kind = cl.kind;
  return grouped(h, "split cluster", [&] {
    const ClusterId id = h.run<CreateCluster>(kind, std::move(name)).id();
    for (SpanId m : members) {
      h.run<RemoveMember>(cluster, m);
      h.run<AddMember>(id, m);
    }
    return id;
  });
}

std::string span_text(const Corpus& c, SpanId id, size_t max_bytes) {
  const Span& s = c.span(id);
  const Document& d = c.document(s.doc);
  std::string raw;
  for (size_t i = 0; i < s.fragments.size(); ++i) {
    if (i) raw += " \xE2\x80\xA6 ";
    raw += d.slice(s.fragments[i].start, s.fragments[i].end);
  }
  std::string out;
  for (char ch : raw) {
    const bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : ch;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() <= max_bytes) return out;
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(out[n]) & 0xC0) == 0x80) --n;
  return out.substr(0, n) + "\xE2\x80\xA6";
}

}  // namespace goldspan
