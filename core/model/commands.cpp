// apply/revert of every command. Journal reading and writing is in command_json.cpp.
//
// [SECTION] Command base
// [SECTION] Spans
// [SECTION] Relations
// [SECTION] Clusters
// [SECTION] Claim links
// [SECTION] Bulk
#include "model/commands.hpp"

#include <algorithm>

#include "error.hpp"

namespace goldspan {

namespace {

std::string sid(SpanId id) { return format_id('s', id); }

// Errors from shared checks get the command's name in front.
template <class F>
auto in(const char* where, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const Error& e) {
    throw Error(where, e.what());
  }
}

}  // namespace

// [SECTION] Command base
void Command::set_stamp(const Stamp& s) {
  stamp_ = s;
  stamped_ = true;
}

uint32_t Command::take_id(uint32_t& counter, char prefix, const char* where) {
  if (!fresh_) return new_id_;
  if (new_id_ && new_id_ != counter)
    throw Error(where, "the journal has " + format_id(prefix, new_id_) + " but the next id is " + format_id(prefix, counter));
  new_id_ = counter++;
  fresh_ = false;
  return new_id_;
}

// [SECTION] Spans
AddSpan::AddSpan(std::string doc, std::string type, std::vector<Range> fragments, EdgeMode mode)
    : doc_(std::move(doc)), type_(std::move(type)), frags_(std::move(fragments)), mode_(mode) {}

void AddSpan::apply(Corpus& c) {
  const char* where = "add_span";
  const ptrdiff_t doc = c.find_document(doc_);
  if (doc < 0) throw Error(where, "no document '" + doc_ + "'");
  const uint16_t type = c.span_type_named(type_, where);
  std::vector<Range> frags = in(where, [&] { return c.resolve_fragments(size_t(doc), frags_, mode_); });
  c.check_overlap(uint32_t(doc), type, frags, 0, where);
  const SpanId id = take_id(c.next_.span, 's', where);
  Span s;
  s.id = id;
  s.doc = uint32_t(doc);
  s.type = type;
  s.fragments = Fragments(frags);
  frags_ = std::move(frags);  // redo and the journal use the resolved edges
  mode_ = EdgeMode::Character;
  s.annotator = c.intern_annotator(stamp_.annotator);
  s.created = s.modified = stamp_.time;
  c.insert_span(std::move(s));
}

void AddSpan::revert(Corpus& c) { c.erase_span(new_id_); }

void RemoveSpan::apply(Corpus& c) {
  c.span_or_throw(id_, "remove_span");
  relations_.clear();
  links_.clear();
  for (RelationId r : c.relations_of(id_)) relations_.push_back(c.erase_relation(r));
  for (LinkId l : c.links_of(Ref{Ref::Span, id_})) links_.push_back(c.erase_link(l));
  cluster_ = c.cluster_of(id_);
  if (cluster_) c.remove_member(cluster_, id_);
  saved_ = c.erase_span(id_);
}

void RemoveSpan::revert(Corpus& c) {
  c.insert_span(saved_);
  if (cluster_) c.add_member(cluster_, id_);
  for (const Link& l : links_) c.insert_link(l);
  for (const Relation& r : relations_) c.insert_relation(r);
}

void RelabelSpan::apply(Corpus& c) {
  const char* where = "relabel_span";
  const Span& s = c.span_or_throw(id_, where);
  const uint16_t type = c.span_type_named(type_, where);
  if (type == s.type) throw Error(where, sid(id_) + " is already " + type_);
  const SpanType& from = c.type_of(s);
  const SpanType& to = c.schema().span_types()[type];
  if (from.kind != to.kind) {
    if (ClusterId cl = c.cluster_of(id_))
      throw Error(where, sid(id_) + " is in " + format_id('c', cl) + " and cannot change kind to " + to_string(to.kind));
    if (!c.links_of(Ref{Ref::Span, id_}).empty())
      throw Error(where, sid(id_) + " has claim links and cannot change kind to " + to_string(to.kind));
  }
  for (RelationId rid : c.relations_of(id_)) {
    const Relation& r = *c.find_relation(rid);
    const uint16_t st = r.source == id_ ? type : c.find_span(r.source)->type;
    const uint16_t tt = r.target == id_ ? type : c.find_span(r.target)->type;
    const RelationType& rt = c.schema().relation_types()[r.type];
    if (!rt.allows(st, tt))
      throw Error(where, format_id('r', rid) + " (" + rt.name + ") does not allow " + c.schema().span_types()[st].name +
                             " -> " + c.schema().span_types()[tt].name);
  }
  c.check_overlap(s.doc, type, s.fragments.to_vector(), id_, where);
  std::vector<AttributeValue> kept;  // attributes the new type also has, with the same value
  for (const AttributeValue& a : s.attributes) {
    const AttributeDef& def = from.attributes[a.attribute];
    const int na = to.attribute(def.name);
    const int nv = na < 0 ? -1 : to.attributes[size_t(na)].value(def.values[a.value]);
    if (nv >= 0) kept.push_back(AttributeValue{uint16_t(na), uint16_t(nv)});
  }
  std::sort(kept.begin(), kept.end(), [](AttributeValue x, AttributeValue y) { return x.attribute < y.attribute; });
  old_type_ = s.type;
  old_attributes_ = s.attributes;
  old_modified_ = s.modified;
  Span& m = c.span_mut(id_);
  m.type = type;
  m.attributes = std::move(kept);
  m.modified = stamp_.time;
}

void RelabelSpan::revert(Corpus& c) {
  Span& m = c.span_mut(id_);
  m.type = old_type_;
  m.attributes = old_attributes_;
  m.modified = old_modified_;
}

void ResizeSpan::apply(Corpus& c) {
  const char* where = "resize_span";
  const Span& s = c.span_or_throw(id_, where);
  std::vector<Range> frags = in(where, [&] { return c.resolve_fragments(s.doc, frags_, mode_); });
  Fragments f(frags);
  if (f == s.fragments) throw Error(where, sid(id_) + " already has these fragments");
  c.check_overlap(s.doc, s.type, frags, id_, where);
  frags_ = std::move(frags);
  mode_ = EdgeMode::Character;
  old_ = s.fragments;
  old_modified_ = s.modified;
  Span& m = c.span_mut(id_);
  c.set_fragments(m, std::move(f));
  m.modified = stamp_.time;
}

void ResizeSpan::revert(Corpus& c) {
  Span& m = c.span_mut(id_);
  c.set_fragments(m, old_);
  m.modified = old_modified_;
}

void SetAttribute::apply(Corpus& c) {
  const char* where = "set_attribute";
  const Span& s = c.span_or_throw(id_, where);
  const SpanType& t = c.type_of(s);
  const int a = t.attribute(name_);
  if (a < 0) throw Error(where, t.name + " has no attribute '" + name_ + "'");
  const AttributeDef& def = t.attributes[size_t(a)];
  int v = -1;
  if (value_) {
    v = def.value(*value_);
    if (v < 0) {
      std::string allowed;
      for (const std::string& x : def.values) allowed += (allowed.empty() ? "" : ", ") + x;
      throw Error(where, "'" + *value_ + "' is not a value of " + name_ + " (" + allowed + ")");
    }
  }
  std::vector<AttributeValue> next = s.attributes;
  auto it = std::find_if(next.begin(), next.end(), [&](AttributeValue x) { return x.attribute == a; });
  const int current = it == next.end() ? -1 : int(it->value);
  if (current == v) throw Error(where, sid(id_) + " already has " + name_ + (v < 0 ? " unset" : " = " + *value_));
  if (v < 0) next.erase(it);
  else if (it != next.end()) it->value = uint16_t(v);
  else next.insert(std::find_if(next.begin(), next.end(), [&](AttributeValue x) { return x.attribute > a; }),
                   AttributeValue{uint16_t(a), uint16_t(v)});
  old_ = s.attributes;
  old_modified_ = s.modified;
  Span& m = c.span_mut(id_);
  m.attributes = std::move(next);
  m.modified = stamp_.time;
}

void SetAttribute::revert(Corpus& c) {
  Span& m = c.span_mut(id_);
  m.attributes = old_;
  m.modified = old_modified_;
}

// [SECTION] Relations
void AddRelation::apply(Corpus& c) {
  const char* where = "add_relation";
  const int type = c.schema().relation_type(type_);
  if (type < 0) throw Error(where, "unknown relation type '" + type_ + "'");
  const Span& src = c.span_or_throw(source_, where);
  const Span& dst = c.span_or_throw(target_, where);
  c.check_relation(uint16_t(type), src, dst, where);
  for (RelationId rid : c.relations_of(source_)) {
    const Relation& r = *c.find_relation(rid);
    if (r.type == type && r.source == source_ && r.target == target_)
      throw Error(where, "the same relation exists already (" + format_id('r', rid) + ")");
  }
  Relation r;
  r.id = take_id(c.next_.relation, 'r', where);
  r.type = uint16_t(type);
  r.source = source_;
  r.target = target_;
  r.annotator = c.intern_annotator(stamp_.annotator);
  r.created = stamp_.time;
  c.insert_relation(r);
}

void AddRelation::revert(Corpus& c) { c.erase_relation(new_id_); }

void RemoveRelation::apply(Corpus& c) {
  if (!c.find_relation(id_)) throw Error("remove_relation", "no relation " + format_id('r', id_));
  saved_ = c.erase_relation(id_);
}

void RemoveRelation::revert(Corpus& c) { c.insert_relation(saved_); }

// [SECTION] Clusters
void CreateCluster::apply(Corpus& c) {
  const char* where = "create_cluster";
  if (kind_ == SpanKind::Cue) throw Error(where, "clusters group entities or claims, not cues");
  Cluster cl;
  cl.id = take_id(c.next_.cluster, 'c', where);
  cl.kind = kind_;
  cl.name = name_;
  cl.annotator = c.intern_annotator(stamp_.annotator);
  cl.created = stamp_.time;
  c.insert_cluster(std::move(cl));
}

void CreateCluster::revert(Corpus& c) { c.erase_cluster(new_id_); }

void DeleteCluster::apply(Corpus& c) {
  if (!c.find_cluster(id_)) throw Error("delete_cluster", "no cluster " + format_id('c', id_));
  links_.clear();
  for (LinkId l : c.links_of(Ref{Ref::Cluster, id_})) links_.push_back(c.erase_link(l));
  saved_ = c.erase_cluster(id_);
}

void DeleteCluster::revert(Corpus& c) {
  c.insert_cluster(saved_);
  for (const Link& l : links_) c.insert_link(l);
}

void RenameCluster::apply(Corpus& c) {
  const Cluster* cl = c.find_cluster(id_);
  if (!cl) throw Error("rename_cluster", "no cluster " + format_id('c', id_));
  if (cl->name == name_) throw Error("rename_cluster", format_id('c', id_) + " already has this name");
  old_ = cl->name;
  c.cluster_mut(id_).name = name_;
}

void RenameCluster::revert(Corpus& c) { c.cluster_mut(id_).name = old_; }

void AddMember::apply(Corpus& c) {
  const char* where = "add_member";
  const Cluster* cl = c.find_cluster(cluster_);
  if (!cl) throw Error(where, "no cluster " + format_id('c', cluster_));
  const Span& s = c.span_or_throw(span_, where);
  if (c.type_of(s).kind != cl->kind)
    throw Error(where, sid(span_) + " is " + to_string(c.type_of(s).kind) + ", " + format_id('c', cluster_) + " groups " + to_string(cl->kind) + " spans");
  if (ClusterId now = c.cluster_of(span_))
    throw Error(where, sid(span_) + " is already in " + format_id('c', now));
  c.add_member(cluster_, span_);
}

void AddMember::revert(Corpus& c) { c.remove_member(cluster_, span_); }

void RemoveMember::apply(Corpus& c) {
  const char* where = "remove_member";
  if (!c.find_cluster(cluster_)) throw Error(where, "no cluster " + format_id('c', cluster_));
  if (c.cluster_of(span_) != cluster_) throw Error(where, sid(span_) + " is not in " + format_id('c', cluster_));
  c.remove_member(cluster_, span_);
}

void RemoveMember::revert(Corpus& c) { c.add_member(cluster_, span_); }

// [SECTION] Claim links
void AddLink::apply(Corpus& c) {
  const char* where = "add_link";
  const int type = c.schema().link_type(type_);
  if (type < 0) throw Error(where, "unknown claim link type '" + type_ + "'");
  c.check_link_end(source_, where);
  c.check_link_end(target_, where);
  if (source_ == target_) throw Error(where, "a link needs two different ends");
  for (LinkId lid : c.links_of(source_)) {
    const Link& l = *c.find_link(lid);
    if (l.type == type && l.source == source_ && l.target == target_)
      throw Error(where, "the same link exists already (" + format_id('l', lid) + ")");
  }
  Link l;
  l.id = take_id(c.next_.link, 'l', where);
  l.type = uint16_t(type);
  l.source = source_;
  l.target = target_;
  l.annotator = c.intern_annotator(stamp_.annotator);
  l.created = stamp_.time;
  c.insert_link(l);
}

void AddLink::revert(Corpus& c) { c.erase_link(new_id_); }

void RemoveLink::apply(Corpus& c) {
  if (!c.find_link(id_)) throw Error("remove_link", "no link " + format_id('l', id_));
  saved_ = c.erase_link(id_);
}

void RemoveLink::revert(Corpus& c) { c.insert_link(saved_); }

// [SECTION] Bulk
void Bulk::set_stamp(const Stamp& s) {
  Command::set_stamp(s);
  for (auto& cmd : cmds_)
    if (!cmd->stamped()) cmd->set_stamp(s);
}

void Bulk::apply(Corpus& c) {
  if (cmds_.empty()) {
    // A labelled empty bulk is a marker step (see command_json.cpp): it changes nothing.
    if (label_.empty()) throw Error("bulk", "no commands");
    return;
  }
  const Corpus::Counters counters = c.next_;
  const uint64_t revision = c.revision_;
  size_t i = 0;
  auto undo_partial = [&] {
    while (i > 0) {
      cmds_[--i]->revert(c);
      cmds_[i]->rearm_ids();
    }
    c.next_ = counters;  // ids taken by the failed attempt were never visible
    c.revision_ = revision;
  };
  try {
    for (; i < cmds_.size(); ++i) cmds_[i]->apply(c);
  } catch (const Error& e) {
    const size_t failed = i;
    undo_partial();
    throw Error("bulk", "cmds[" + std::to_string(failed) + "]: " + e.what());
  } catch (...) {
    undo_partial();
    throw;
  }
}

void Bulk::rearm_ids() noexcept {
  for (auto& cmd : cmds_) cmd->rearm_ids();
}

void Bulk::revert(Corpus& c) {
  for (size_t i = cmds_.size(); i > 0; --i) cmds_[i - 1]->revert(c);
}

}  // namespace goldspan
