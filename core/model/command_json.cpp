// Journal entries of commands: write() of each command (by hand: one is written per edit, so
// it must cost less than the edit), and command_from_json. Format in docs/model.md. Reading is strict (unknown keys, wrong types and malformed ids are errors)
// because a journal that does not say exactly what happened must not be half-believed.
//
// [SECTION] Typed field access with JSON paths
// [SECTION] Writing
// [SECTION] Reading
#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

#include "error.hpp"
#include "model/commands.hpp"
#include "model/json_text.hpp"

namespace goldspan {

using json = nlohmann::json;

namespace {

// [SECTION] Typed field access with JSON paths
class Fields {
 public:
  Fields(const json& j, const std::string& path) : j_(j), path_(path) {}

  std::string path(const char* key) const { return path_.empty() ? key : path_ + "." + key; }

  void only(std::initializer_list<const char*> keys) const {
    for (auto it = j_.begin(); it != j_.end(); ++it)
      if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; }))
        throw Error(path(it.key().c_str()), "unknown key");
  }
  bool has(const char* key) const { return j_.contains(key); }
  const json& at(const char* key) const {
    auto it = j_.find(key);
    if (it == j_.end()) throw Error(path(key), "missing");
    return *it;
  }
  std::string str(const char* key) const {
    const json& v = at(key);
    if (!v.is_string()) throw Error(path(key), "expected a string");
    return v.get<std::string>();
  }
  std::optional<std::string> str_or_null(const char* key) const {
    if (at(key).is_null()) return std::nullopt;
    return str(key);
  }
  int64_t i64(const char* key) const {
    const json& v = at(key);
    if (!v.is_number_integer()) throw Error(path(key), "expected an integer");
    return v.get<int64_t>();
  }
  uint32_t id(const char* key, char prefix) const {
    const uint32_t id = parse_id(prefix, str(key));
    if (!id) throw Error(path(key), std::string("expected an id like \"") + prefix + "12\"");
    return id;
  }
  Ref ref(const char* key) const {
    const std::string s = str(key);
    if (uint32_t id = parse_id('s', s)) return Ref{Ref::Span, id};
    if (uint32_t id = parse_id('c', s)) return Ref{Ref::Cluster, id};
    throw Error(path(key), "expected a claim span or cluster id like \"s12\" or \"c4\"");
  }
  std::vector<Range> frags(const char* key) const {
    const json& v = at(key);
    if (!v.is_array() || v.empty()) throw Error(path(key), "expected a non-empty array of [start, end]");
    std::vector<Range> out;
    for (size_t i = 0; i < v.size(); ++i) {
      const json& f = v[i];
      const bool ok = f.is_array() && f.size() == 2 && f[0].is_number_unsigned() && f[1].is_number_unsigned() &&
                      f[0].get<uint64_t>() <= UINT32_MAX && f[1].get<uint64_t>() <= UINT32_MAX;
      if (!ok) throw Error(path(key) + "[" + std::to_string(i) + "]", "expected [start, end] code point offsets");
      out.push_back(Range{f[0].get<uint32_t>(), f[1].get<uint32_t>()});
    }
    return out;
  }
  SpanKind cluster_kind(const char* key) const {
    const std::string k = str(key);
    if (k == "entity") return SpanKind::Entity;
    if (k == "claim") return SpanKind::Claim;
    throw Error(path(key), "expected \"entity\" or \"claim\"");
  }

 private:
  const json& j_;
  const std::string& path_;
};

void write_new_id(JsonWriter& out, char prefix, uint32_t id) {
  if (id) out.id_field("id", prefix, id);
}

}  // namespace

// [SECTION] Writing
void AddSpan::write(JsonWriter& out) const {
  write_new_id(out, 's', new_id_);
  out.field("doc", doc_);
  out.field("type", type_);
  out.field("frags", frags_);
}
void RemoveSpan::write(JsonWriter& out) const { out.id_field("id", 's', id_); }
void RelabelSpan::write(JsonWriter& out) const {
  out.id_field("id", 's', id_);
  out.field("type", type_);
}
void ResizeSpan::write(JsonWriter& out) const {
  out.id_field("id", 's', id_);
  out.field("frags", frags_);
}
void SetAttribute::write(JsonWriter& out) const {
  out.id_field("id", 's', id_);
  out.field("name", name_);
  if (value_) out.field("value", *value_);
  else out.null_field("value");
}
void AddRelation::write(JsonWriter& out) const {
  write_new_id(out, 'r', new_id_);
  out.field("type", type_);
  out.id_field("source", 's', source_);
  out.id_field("target", 's', target_);
}
void RemoveRelation::write(JsonWriter& out) const { out.id_field("id", 'r', id_); }
void CreateCluster::write(JsonWriter& out) const {
  write_new_id(out, 'c', new_id_);
  out.field("kind", to_string(kind_));
  out.field("name", name_);
}
void DeleteCluster::write(JsonWriter& out) const { out.id_field("id", 'c', id_); }
void RenameCluster::write(JsonWriter& out) const {
  out.id_field("id", 'c', id_);
  out.field("name", name_);
}
void AddMember::write(JsonWriter& out) const {
  out.id_field("cluster", 'c', cluster_);
  out.id_field("span", 's', span_);
}
void RemoveMember::write(JsonWriter& out) const {
  out.id_field("cluster", 'c', cluster_);
  out.id_field("span", 's', span_);
}
void AddLink::write(JsonWriter& out) const {
  write_new_id(out, 'l', new_id_);
  out.field("type", type_);
  out.id_field("source", source_.kind == Ref::Span ? 's' : 'c', source_.id);
  out.id_field("target", target_.kind == Ref::Span ? 's' : 'c', target_.id);
}
void RemoveLink::write(JsonWriter& out) const { out.id_field("id", 'l', id_); }

void AddSuggestions::write(JsonWriter& out) const {
  write_new_id(out, 'g', new_id_);
  out.field("source", source_);
  out.array("items", items_.size(), [&](size_t i) {
    out.begin();
    out.field("doc", items_[i].doc);
    out.field("type", items_[i].type);
    out.field("frags", items_[i].fragments);
    out.end();
  });
}
void AcceptSuggestion::write(JsonWriter& out) const {
  out.id_field("id", 'g', id_);
  if (new_id_) out.id_field("span", 's', new_id_);  // the span it became
}
void RejectSuggestion::write(JsonWriter& out) const { out.id_field("id", 'g', id_); }

void Bulk::write(JsonWriter& out) const {
  out.field("label", label_);
  out.array("cmds", cmds_.size(), [&](size_t i) {
    const Command& cmd = *cmds_[i];
    out.begin();
    out.field("op", cmd.op());
    cmd.write(out);
    if (cmd.stamp().annotator != stamp_.annotator) out.field("by", cmd.stamp().annotator);  // else inherited
    if (cmd.stamp().time != stamp_.time) out.field("t", cmd.stamp().time);
    out.end();
  });
}

std::string journal_line(const Command& cmd) {
  std::string line;
  line.reserve(128);
  JsonWriter out(line);
  out.begin();
  out.field("op", cmd.op());
  cmd.write(out);
  out.field("by", cmd.stamp().annotator);
  out.field("t", cmd.stamp().time);
  out.end();
  return line;
}

// [SECTION] Reading
std::unique_ptr<Command> command_from_json(const json& j, const Stamp* inherited, const std::string& path) {
  if (!j.is_object()) throw Error(path.empty() ? "(entry)" : path, "expected a JSON object");
  const Fields f(j, path);
  const std::string op = f.str("op");
  Stamp stamp;
  if (inherited && !f.has("by")) stamp.annotator = inherited->annotator;
  else stamp.annotator = f.str("by");
  if (inherited && !f.has("t")) stamp.time = inherited->time;
  else stamp.time = f.i64("t");

  std::unique_ptr<Command> cmd;
  uint32_t new_id = 0;
  if (op == "add_span") {
    f.only({"op", "id", "doc", "type", "frags", "by", "t"});
    new_id = f.id("id", 's');
    cmd = std::make_unique<AddSpan>(f.str("doc"), f.str("type"), f.frags("frags"), EdgeMode::Character);
  } else if (op == "remove_span") {
    f.only({"op", "id", "by", "t"});
    cmd = std::make_unique<RemoveSpan>(f.id("id", 's'));
  } else if (op == "relabel_span") {
    f.only({"op", "id", "type", "by", "t"});
    cmd = std::make_unique<RelabelSpan>(f.id("id", 's'), f.str("type"));
  } else if (op == "resize_span") {
    f.only({"op", "id", "frags", "by", "t"});
    cmd = std::make_unique<ResizeSpan>(f.id("id", 's'), f.frags("frags"), EdgeMode::Character);
  } else if (op == "set_attribute") {
    f.only({"op", "id", "name", "value", "by", "t"});
    cmd = std::make_unique<SetAttribute>(f.id("id", 's'), f.str("name"), f.str_or_null("value"));
  } else if (op == "add_relation") {
    f.only({"op", "id", "type", "source", "target", "by", "t"});
    new_id = f.id("id", 'r');
    cmd = std::make_unique<AddRelation>(f.str("type"), f.id("source", 's'), f.id("target", 's'));
  } else if (op == "remove_relation") {
    f.only({"op", "id", "by", "t"});
    cmd = std::make_unique<RemoveRelation>(f.id("id", 'r'));
  } else if (op == "create_cluster") {
    f.only({"op", "id", "kind", "name", "by", "t"});
    new_id = f.id("id", 'c');
    cmd = std::make_unique<CreateCluster>(f.cluster_kind("kind"), f.str("name"));
  } else if (op == "delete_cluster") {
    f.only({"op", "id", "by", "t"});
    cmd = std::make_unique<DeleteCluster>(f.id("id", 'c'));
  } else if (op == "rename_cluster") {
    f.only({"op", "id", "name", "by", "t"});
    cmd = std::make_unique<RenameCluster>(f.id("id", 'c'), f.str("name"));
  } else if (op == "add_member" || op == "remove_member") {
    f.only({"op", "cluster", "span", "by", "t"});
    if (op == "add_member") cmd = std::make_unique<AddMember>(f.id("cluster", 'c'), f.id("span", 's'));
    else cmd = std::make_unique<RemoveMember>(f.id("cluster", 'c'), f.id("span", 's'));
  } else if (op == "add_link") {
    f.only({"op", "id", "type", "source", "target", "by", "t"});
    new_id = f.id("id", 'l');
    cmd = std::make_unique<AddLink>(f.str("type"), f.ref("source"), f.ref("target"));
  } else if (op == "remove_link") {
    f.only({"op", "id", "by", "t"});
    cmd = std::make_unique<RemoveLink>(f.id("id", 'l'));
  } else if (op == "add_suggestions") {
    f.only({"op", "id", "source", "items", "by", "t"});
    new_id = f.id("id", 'g');
    const json& items = f.at("items");
    if (!items.is_array() || items.empty()) throw Error(f.path("items"), "expected a non-empty array of suggestions");
    std::vector<AddSuggestions::Item> list;
    list.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
      const std::string at = f.path("items") + "[" + std::to_string(i) + "]";
      if (!items[i].is_object()) throw Error(at, "expected an object");
      const Fields item(items[i], at);
      item.only({"doc", "type", "frags"});
      list.push_back({item.str("doc"), item.str("type"), item.frags("frags")});
    }
    cmd = std::make_unique<AddSuggestions>(f.str("source"), std::move(list), EdgeMode::Character);
  } else if (op == "accept_suggestion") {
    f.only({"op", "id", "span", "by", "t"});
    new_id = f.id("span", 's');
    cmd = std::make_unique<AcceptSuggestion>(f.id("id", 'g'));
  } else if (op == "reject_suggestion") {
    f.only({"op", "id", "by", "t"});
    cmd = std::make_unique<RejectSuggestion>(f.id("id", 'g'));
  } else if (op == "bulk") {
    f.only({"op", "label", "cmds", "by", "t"});
    auto bulk = std::make_unique<Bulk>(f.has("label") ? f.str("label") : std::string());
    const json& cmds = f.at("cmds");
    // An empty bulk is a marker a labelled step leaves when it changed nothing (an adjudication
    // choice of "none" where nobody's version was in the corpus): it must still undo and replay.
    if (!cmds.is_array() || (cmds.empty() && (!f.has("label") || f.str("label").empty())))
      throw Error(f.path("cmds"), "expected a non-empty array of entries (or a label)");
    for (size_t i = 0; i < cmds.size(); ++i)
      bulk->add(command_from_json(cmds[i], &stamp, f.path("cmds") + "[" + std::to_string(i) + "]"));
    cmd = std::move(bulk);
  } else if (op == "undo" || op == "redo") {
    throw Error(f.path("op"), op + " cannot be part of a bulk");
  } else {
    throw Error(f.path("op"), "unknown op '" + op + "'");
  }
  cmd->new_id_ = new_id;
  cmd->set_stamp(stamp);
  return cmd;
}

}  // namespace goldspan
