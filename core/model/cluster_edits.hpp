#pragma once
// Cluster edits the app offers, each one undo step (a History group, journaled as one bulk
// line): put a span in a cluster (new or existing, leaving its old one), take it out, merge two
// clusters, split members off into a new cluster. A cluster left without members is deleted
// in the same step, unless claim links still point to it. Each throws goldspan::Error with
// nothing changed when the edit is not possible.
#include <string>
#include <string_view>
#include <vector>

#include "model/history.hpp"

namespace goldspan {

// Moves `span` into `cluster` (from the one it is in, if any). Error if it is there already.
void join_cluster(History& h, SpanId span, ClusterId cluster);
// A new cluster of the span's kind named `name`, with the span as its first member.
ClusterId join_new_cluster(History& h, SpanId span, std::string name);
// Takes `span` out of its cluster. Error if it is in none.
void leave_cluster(History& h, SpanId span);
// Every member of `from` joins `into`, claim links to `from` are re-pointed to `into` (those
// that would repeat one of `into`'s or join it to itself are dropped) and `from` is deleted.
void merge_clusters(History& h, ClusterId from, ClusterId into);
// `members` (all in `cluster`, not all of it) leave it for a new cluster named `name`.
ClusterId split_cluster(History& h, ClusterId cluster, const std::vector<SpanId>& members, std::string name);

// A span's text for a cluster name or a list row: fragments joined by " … ", whitespace runs
// as one space, at most `max_bytes` (whole code points, then "…").
std::string span_text(const Corpus& c, SpanId span, size_t max_bytes = 80);

}  // namespace goldspan
